import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { claim, importTs } from './load-ts.mjs';

const { markdownReport, markdownText, reportFileName } = await importTs('extension/src/ui/report.ts');
const { summarise } = await importTs('extension/src/ui/summary.ts');
const { translatorFor } = await importTs('extension/src/ui/i18n.ts');
const t = translatorFor(JSON.parse(readFileSync(new URL('../../extension/_locales/en/messages.json', import.meta.url), 'utf8')));

function analysis() {
  return {
    schema: 'claimlens/analysis@1',
    status: 'ok',
    notices: [],
    article: { title: 'Flood [barrier] *costs*', byline: null, published: '2025-11-18', site: null, lang: 'en', url: 'https://ledger.example/a', excerpt: null, text: '', paragraphs: [], dom: [] },
    sentences: [],
    claims: [
      claim({ id: 'c1', kinds: ['quantity', 'event'], sourcing: { kind: 'named', speaker: 'Lena Okafor', cue: 'said', cue_span: null } }),
      claim({ id: 'c2', start: 20, end: 30, kinds: ['causal'], sourcing: { kind: 'anonymous', speaker: null, cue: 'on condition of anonymity', cue_span: null },
        matches: [{ id: 'm1', claim: 'x', verdict: 'False', publisher: 'Checkers', url: 'javascript:alert(1)', date: '2025-01-02', similarity: 0.9 }] }),
      claim({ id: 'c3', start: 40, end: 50, kinds: ['quote'], sourcing: { kind: 'vague', speaker: null, cue: 'critics say', cue_span: null },
        text: 'See [this](javascript:alert(1)) <img src=x>' }),
      claim({ id: 'c4', checkworthy: false, score: 0.2, kinds: ['opinion'] }),
    ],
    quotes: [
      { start: 0, end: 5, text: 'We will build it', speaker: 'Lena Okafor', speaker_candidates: [], cue: 'said', direct: true },
      { start: 40, end: 45, text: 'It will fail', speaker: null, speaker_candidates: ['A. Person', 'B. Person'], cue: 'said', direct: true },
    ],
    entities: [{ name: 'Lena Okafor', kind: 'person', descriptor: 'Deputy Mayor', mentions: [] }],
    comments: { count: 0, items: [] },
  };
}

describe('the verification summary', () => {
  it('counts check-worthy claims by kind, weak sourcing, fact-checks, people quoted and ambiguity', () => {
    const s = summarise(analysis());
    assert.deepEqual(s.checkworthy.map((c) => c.id), ['c1', 'c2', 'c3']);
    assert.deepEqual(s.byKind, [['causal', 1], ['event', 1], ['quantity', 1], ['quote', 1]]);
    assert.equal(s.anonymous, 1);
    assert.equal(s.vague, 1);
    assert.equal(s.matched, 1);
    assert.deepEqual(s.verdicts, [['False', 1]]);
    assert.deepEqual(s.quoted, [{ name: 'Lena Okafor', role: 'Deputy Mayor', quotes: 1 }]);
    assert.deepEqual(s.ambiguous, [{ text: 'It will fail', candidates: ['A. Person', 'B. Person'] }]);
  });

  it('counts the live source’s matches with the packs’ (each fact-check once), and the claims it failed for', () => {
    const a = analysis();
    const local = a.claims[1].matches[0];
    a.claims[1].live = { state: 'done', matches: [{ ...local }, { ...local, id: 'l2', url: 'https://other.example/x', verdict: 'Misleading', pack: 'live:google-fact-check-tools' }], received: 2, cached: false };
    a.claims[0].live = { state: 'failed', matches: [], received: 0, cached: false, failure: { kind: 'network' } };
    const s = summarise(a);
    assert.equal(s.matched, 1);
    assert.deepEqual(s.verdicts, [['False', 1], ['Misleading', 1]], 'the same fact-check from both is counted once');
    assert.equal(s.liveFailed, 1);
  });

  it('lists a claim whose speaker the article leaves open between two people, with both', () => {
    const a = analysis();
    a.claims[0].sourcing = { kind: 'named', speaker: null, cue: 'Kelly said', cue_span: null, speaker_candidates: ['John Kelly', 'Mark Kelly'], attribution_note: 'two people called Kelly' };
    const s = summarise(a);
    assert.deepEqual(s.ambiguous.at(-1), { text: 'A claim.', candidates: ['John Kelly', 'Mark Kelly'] });
  });

  it('counts what the core found check-worthy (at the reader’s threshold, which the core applies), whatever the score', () => {
    const a = analysis();
    a.claims[3].score = 0.99; // an opinion scoring high is still not a claim to check
    assert.deepEqual(summarise(a).checkworthy.map((c) => c.id), ['c1', 'c2', 'c3']);
    a.claims[0].checkworthy = false; // a claim below the reader's threshold
    assert.deepEqual(summarise(a).checkworthy.map((c) => c.id), ['c2', 'c3']);
  });
});

describe('the Markdown report', () => {
  const report = markdownReport(analysis(), summarise(analysis()), t);

  it('has the title, the summary and every check-worthy claim', () => {
    assert.match(report, /^# ClaimLens report: Flood \\\[barrier\\\] \\\*costs\\\*$/m);
    assert.match(report, /^- 3 check-worthy claims$/m);
    assert.match(report, /^- 1 rest on anonymous sources, 1 on vague ones$/m);
    assert.match(report, /^ {2}- Lena Okafor, Deputy Mayor \(1 quote\)$/m);
    assert.match(report, /possibly A\. Person, B\. Person/);
    assert.equal((report.match(/^### /gm) ?? []).length, 3);
    assert.match(report, /No published fact-check found for this claim in the loaded packs/);
  });

  it('reports each matched fact-check with why it matched, the live source’s failure, and the comment finding', () => {
    const a = analysis();
    a.claims[1].matches[0].reasons = [{ code: 'same_figures' }];
    a.claims[1].live = { state: 'failed', matches: [], received: 0, cached: false, failure: { kind: 'http', status: 429 } };
    a.claims[0].note.fact_check_status = 'no_packs';
    a.comments = { count: 12, items: [], flagged: true, level: 'high', finding: '9 of 12 comments share templated phrasing.' };
    const text = markdownReport(a, summarise(a), t);
    assert.match(text, /^- Published fact-checks: False, Checkers, 2025-01-02 — Checked claim: “x” \(Why it matched: the same figures appear\.\)$/m);
    assert.match(text, /The live search failed: the API quota is used up \\\(HTTP 429\\\): try again later/);
    assert.match(text, /^- Published fact-checks: No fact-check pack is loaded, so published fact-checks were not searched\.$/m);
    assert.match(text, /^## Comment section\n\n9 of 12 comments share templated phrasing\.$/m);
  });

  it('keeps page text as text: no live links or markup from the page', () => {
    assert.ok(!report.includes('](javascript:'), 'no javascript: link');
    assert.ok(!report.includes('<javascript:'), 'a non-web fact-check URL is not linked');
    assert.ok(report.includes('\\<img src=x\\>'), 'angle brackets escaped');
    assert.ok(report.includes('<https://ledger.example/a>'), 'the article address is an autolink');
  });

  it('escapes every Markdown metacharacter', () => {
    assert.equal(markdownText('a*b_c[d](e)#f|g`h\\i\nj'), 'a\\*b\\_c\\[d\\]\\(e\\)\\#f\\|g\\`h\\\\i j');
  });

  it('names the file after the title', () => {
    assert.equal(reportFileName(analysis()), 'claimlens-flood-barrier-costs.md');
  });
});
