// What the reader reads about kinds and counts: every kind the core names has
// a capitalised label from _locales (one table, claim-kinds.ts), counts take
// the messages' plural rules, and fact-checks of a related claim are never
// counted as matches.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { claim, importTs } from './load-ts.mjs';

const { CLAIM_KINDS, kindLabel } = await importTs('extension/src/claim-kinds.ts');
const { translatorFor, plural } = await importTs('extension/src/ui/i18n.ts');
const { markdownReport } = await importTs('extension/src/ui/report.ts');
const { summarise } = await importTs('extension/src/ui/summary.ts');
const t = translatorFor(JSON.parse(readFileSync(new URL('../../extension/_locales/en/messages.json', import.meta.url), 'utf8')));

/** The kind names the core writes (src/detect/mod.rs, ClaimKind::as_str). */
const CORE_KINDS = (() => {
  const source = readFileSync(new URL('../../src/detect/mod.rs', import.meta.url), 'utf8');
  const body = source.slice(source.indexOf('pub fn as_str'), source.indexOf('pub fn is_claim'));
  return [...body.matchAll(/=> "([a-z_]+)"/g)].map((match) => match[1]);
})();

describe('claim kind labels', () => {
  it('every kind the core names has its own label, capitalised like the others (“Other”, not “other”)', () => {
    assert.ok(CORE_KINDS.length >= 10, `read the core's kinds: ${CORE_KINDS}`);
    for (const kind of CORE_KINDS) {
      const label = kindLabel(kind, t);
      assert.notEqual(label, kind, `${kind} has a label`);
      assert.match(label, /^\p{Lu}/u, `${kind}: “${label}” is capitalised`);
    }
    assert.equal(kindLabel('other', t), 'Other');
  });

  it('the filterable kinds are kinds the core names', () => {
    for (const kind of CLAIM_KINDS) assert.ok(CORE_KINDS.includes(kind), kind);
  });

  it('a kind from a newer core is shown as the core named it', () => {
    assert.equal(kindLabel('satire', t), 'satire');
  });
});

describe('counts in the messages’ plural rules', () => {
  const QUOTES = { one: 'summaryQuoteCount_one', other: 'summaryQuoteCount' };

  it('says “1 quote” and “2 quotes”, “0 quotes”', () => {
    assert.equal(plural(t, QUOTES, 1), '1 quote');
    assert.equal(plural(t, QUOTES, 2), '2 quotes');
    assert.equal(plural(t, QUOTES, 0), '0 quotes');
    assert.equal(plural(t, { one: 'claimsFound_one', other: 'claimsFound' }, 1), '1 claim found');
  });

  it('follows the language the messages are in (pluralLocale), not a fixed English rule', () => {
    const welsh = (key, substitutions) => (key === 'pluralLocale' ? 'cy' : t(key, substitutions));
    // Welsh has a “two” form; with none given, the “other” message is used.
    assert.equal(plural(welsh, QUOTES, 2), '2 quotes');
    assert.equal(plural(welsh, { ...QUOTES, two: 'summaryQuoteCount_one' }, 2), '2 quote');
  });

  it('the Markdown report says “(1 quote)” for someone quoted once', () => {
    const analysis = {
      schema: 'claimlens/analysis@1',
      status: 'ok',
      notices: [],
      article: { title: 'T', byline: null, published: null, site: null, lang: 'en', url: 'https://ledger.example/a', excerpt: null, text: '', paragraphs: [], dom: [] },
      sentences: [],
      claims: [claim({ kinds: ['other'] })],
      quotes: [{ start: 0, end: 5, text: 'We will', speaker: 'Lena Okafor', speaker_candidates: [], cue: 'said', direct: true }],
      entities: [],
      comments: { count: 0, items: [] },
    };
    const report = markdownReport(analysis, summarise(analysis), t);
    assert.match(report, /Lena Okafor \(1 quote\)/);
    assert.doesNotMatch(report, /1 quotes/);
    assert.match(report, /Other: 1/);
  });
});

describe('fact-checks of a related claim', () => {
  it('are not counted as matches in the summary', () => {
    const related = { publisher: 'Checkers', verdict: 'False', date: '2024-01-01', url: 'https://checkers.example/1', claim: 'A similar claim.', why: [], text: 'x' };
    const withRelated = claim({ matches: [], note: { ...claim().note, related: [related] } });
    const summary = summarise({ claims: [withRelated], quotes: [], entities: [] });
    assert.equal(summary.matched, 0);
    assert.deepEqual(summary.verdicts, []);
  });
});
