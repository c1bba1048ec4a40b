// The note is worded from the core's codes through _locales, never from the
// core's English: every code has its message, the summary takes the
// messages' plural rules, and on the saved analysis of
// tests/fixtures/notes/wording.html the messages say exactly what the core's
// English table (src/english.rs) says (tests/english_wording.rs checks that
// side against the same file).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { claim, importTs } from './load-ts.mjs';

const wording = await importTs('extension/src/ui/note-wording.ts');
const { translatorFor, plural } = await importTs('extension/src/ui/i18n.ts');
const { markdownReport } = await importTs('extension/src/ui/report.ts');
const { summarise } = await importTs('extension/src/ui/summary.ts');
const read = (path) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const MESSAGES = JSON.parse(read('extension/_locales/en/messages.json'));
const t = translatorFor(MESSAGES);
const SAVED = JSON.parse(read('tests/fixtures/notes/wording.analysis.json'));

/** The members of a string union in the generated contract types (`export type Name = | 'a' | 'b';`). */
function unionMembers(name) {
  const source = read('extension/src/analysis.generated.ts')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\/\/.*$/gm, '');
  const start = source.indexOf(`export type ${name} =`);
  assert.ok(start >= 0, `the contract has ${name}`);
  const body = source.slice(start, source.indexOf(';', start));
  return [...body.matchAll(/'([a-z_]+)'/g)].map((match) => match[1]);
}

describe('every code the core sends has a message', () => {
  const tables = [
    ['Signal', wording.REASON_MESSAGES],
    ['Conflict', wording.CONFLICT_MESSAGES],
    ['ClaimKind', wording.SUMMARY_KIND_MESSAGES],
    ['SourcingCode', wording.SOURCING_LINE_MESSAGES],
    ['CheckCode', wording.CHECK_MESSAGES],
    ['LinkKind', wording.LINK_MESSAGES],
    ['MatchReasonCode', wording.MATCH_REASON_MESSAGES],
  ];
  for (const [type, table] of tables) {
    it(`${type}: each code names a message in _locales/en/messages.json`, () => {
      const codes = unionMembers(type);
      assert.ok(codes.length >= 5, `read the codes of ${type}: ${codes}`);
      for (const code of codes) {
        const key = table[code];
        assert.ok(key, `${type} ${code} has a message key`);
        assert.ok(MESSAGES[key]?.message, `${type} ${code}: the message ${key} is in messages.json`);
      }
      assert.deepEqual(Object.keys(table).sort(), [...codes].sort(), `${type}: no message for a code the core does not send`);
    });
  }

  it('a code from a newer core is shown as the core named it', () => {
    assert.deepEqual(wording.reasonLines(claim({ reasons: ['sarcasm'] }), t), ['sarcasm']);
  });
});

describe('the saved analysis, worded through _locales, says what the core’s English table says', () => {
  const claims = SAVED.claims;

  it('covers matched, related, anonymous, vague, carried and ascribed claims', () => {
    const codes = new Set(claims.map((c) => c.note.sourcing?.code));
    for (const code of ['named_on_record', 'named_carried', 'named_view', 'anonymous', 'vague', 'unattributed']) assert.ok(codes.has(code), code);
    assert.ok(claims.some((c) => c.note.fact_check_status === 'matched'));
    assert.ok(claims.some((c) => c.note.related.some((r) => r.conflicts.length > 0)));
  });

  for (const saved of claims) {
    it(`claim ${saved.id}: summary, reasons, checks, links and why its fact-checks matched`, () => {
      assert.equal(wording.summaryLine(saved, t), saved.note.summary);
      assert.deepEqual(wording.reasonLines(saved, t), saved.signals);
      assert.deepEqual(wording.checkLines(saved, t), saved.note.checks);
      assert.deepEqual(saved.note.links.map((link) => wording.linkLabel(link, t)), saved.note.links.map((link) => link.label));
      for (const match of [...saved.matches, ...saved.related]) {
        assert.deepEqual(wording.matchReasonLines(match, t), match.why, 'why the fact-check matched');
      }
      for (const related of saved.note.related) {
        const apart = wording.conflictsLine(related.conflicts, t);
        assert.ok(related.text.endsWith(` ${apart}`), `${related.text} ends with ${apart}`);
      }
    });
  }
});

describe('a note from codes alone', () => {
  /** A claim the WASM core would send: codes and figures, no English. */
  function coded(overrides = {}) {
    const base = claim({
      kinds: ['quantity'],
      signals: [],
      reasons: ['figure', 'dated_event'],
      sourcing: { kind: 'named', speaker: 'Lena Okafor', cue: 'said', cue_span: null, speaker_candidates: [] },
    });
    return {
      ...base,
      note: {
        ...base.note,
        summary: '',
        checks: [],
        sourcing: { kind: 'named', speaker: 'Lena Okafor', role: 'Deputy Mayor', cue: 'said', text: '', code: 'named_on_record', carried: false },
        check_items: [
          { code: 'source_figure', subject: '$2 billion' },
          { code: 'confirm_timing', subject: 'last February', resolved: { from: '2024-02-01', to: '2024-02-29' } },
          { code: 'confirm_speaker', subject: null },
        ],
        links: [
          { label: '', url: 'https://checks.example/a', kind: 'fact_check', subject: null },
          { label: '', url: 'https://en.wikipedia.org/w/index.php?search=Lena', kind: 'wikipedia', subject: 'Lena Okafor' },
        ],
        fact_check_status: 'none_found',
        related: [],
        ...overrides,
      },
    };
  }

  it('words the summary, the reasons, the checks and the links', () => {
    const c = coded();
    assert.equal(wording.summaryLine(c, t), 'A statistical claim. Attributed to Lena Okafor (Deputy Mayor), on the record. No published fact-check of this claim found in the loaded packs.');
    assert.deepEqual(wording.reasonLines(c, t), ['contains a figure', 'reports an event with a date']);
    assert.deepEqual(wording.checkLines(c, t), [
      'Find the original source of the figure “$2 billion”.',
      'Confirm the timing: “last February” → February 2024.',
      'Check that the quoted person said this, in this context.',
    ]);
    assert.deepEqual(c.note.links.map((link) => wording.linkLabel(link, t)), ['Read the fact-check by the fact-checker', 'Wikipedia: Lena Okafor']);
  });

  it('counts in the messages’ plural rules: one related fact-check, three; one more that agrees, two', () => {
    const related = (n) => Array.from({ length: n }, () => ({ publisher: 'P', verdict: null, date: null, url: null, claim: 'x', why: [], text: '', conflicts: ['years'] }));
    assert.match(wording.summaryLine(coded({ related: related(1) }), t), / One fact-check of a related claim is listed below\.$/);
    assert.match(wording.summaryLine(coded({ related: related(3) }), t), / 3 fact-checks of related claims are listed below\.$/);
    const matched = (n, consensus) => {
      const c = coded({ fact_check_status: 'matched', consensus });
      c.matches = Array.from({ length: n }, (_, i) => ({ id: `m${i}`, claim: 'x', verdict: 'False', publisher: 'PolitiFact', url: null, date: i ? null : '2019-10-29', similarity: 0.9 }));
      return wording.summaryLine(c, t);
    };
    assert.match(matched(2, 'agree'), /PolitiFact rated this claim “False” \(2019-10-29\)\. 1 more fact-check agrees\.$/);
    assert.match(matched(3, 'agree'), / 2 more fact-checks agree\.$/);
    assert.match(matched(2, null), / 1 more fact-check found\.$/);
    assert.match(matched(3, 'disagree'), / Fact-checkers disagree: see each verdict\.$/);
    assert.equal(plural(t, { one: 'noteSummaryMoreAgree_one', other: 'noteSummaryMoreAgree' }, 1), '1 more fact-check agrees.');
  });

  it('says why a related fact-check is not about this claim', () => {
    assert.equal(wording.conflictsLine(['figures', 'later_claim'], t), 'Not this claim: its figures differ; it checks a statement made after this article.');
    assert.equal(wording.conflictsLine([], t), null);
  });

  it('is worded in the messages’ language, and never shows the core’s English', () => {
    const french = translatorFor({
      ...MESSAGES,
      pluralLocale: { message: 'fr' },
      reasonFigure: { message: 'contient un chiffre' },
      summaryKindQuantity: { message: 'Une affirmation chiffrée' },
      checkConfirmTiming: { message: 'Vérifier la date : « $TIME$ » → $WHEN$.', placeholders: { time: { content: '$1' }, when: { content: '$2' } } },
    });
    const c = coded();
    c.signals = ['CORE ENGLISH signal'];
    c.note.summary = 'CORE ENGLISH summary';
    c.note.checks = ['CORE ENGLISH check'];
    c.note.links = c.note.links.map((link) => ({ ...link, label: 'CORE ENGLISH label' }));
    assert.equal(wording.reasonLines(c, french)[0], 'contient un chiffre');
    assert.match(wording.summaryLine(c, french), /^Une affirmation chiffrée\. /);
    assert.equal(wording.checkLines(c, french)[1], 'Vérifier la date : « last February » → février 2024.');
    const analysis = { ...SAVED, claims: [c] };
    const report = markdownReport(analysis, summarise(analysis), french);
    assert.ok(!report.includes('CORE ENGLISH'), report);
    assert.match(report, /contient un chiffre/);
  });
});
