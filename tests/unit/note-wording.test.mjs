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
const pageWording = await importTs('extension/src/ui/page-wording.ts');
const { translatorFor, plural } = await importTs('extension/src/ui/i18n.ts');
const { markdownReport } = await importTs('extension/src/ui/report.ts');
const { summarise } = await importTs('extension/src/ui/summary.ts');
const read = (path) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const MESSAGES = JSON.parse(read('extension/_locales/en/messages.json'));
const t = translatorFor(MESSAGES);
const SAVED = JSON.parse(read('tests/fixtures/notes/wording.analysis.json'));
const PAGE_WORDING = JSON.parse(read('tests/fixtures/notes/page-wording.json'));

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
    ['AttributionCode', wording.ATTRIBUTION_MESSAGES],
    ['AttributionBasis', wording.ATTRIBUTION_BASIS_MESSAGES],
    ['NoticeCode', pageWording.NOTICE_MESSAGES],
    ['AnalysedPart', pageWording.ANALYSED_PART_MESSAGES],
  ];
  for (const [type, table] of tables) {
    it(`${type}: each code names a message in _locales/en/messages.json`, () => {
      const codes = unionMembers(type);
      assert.ok(codes.length >= 3, `read the codes of ${type}: ${codes}`);
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

describe('attribution notes, comment findings and notices, worded through _locales, say what the core’s English table says', () => {
  // tests/english_wording.rs checks the Rust side against the same file.
  for (const [index, { attribution, english, from }] of PAGE_WORDING.attribution.entries()) {
    it(`attribution note ${index + 1} (${attribution.code}, ${from})`, () => {
      assert.equal(wording.attributionLine(attribution, null, t), english);
    });
  }
  for (const [index, { finding, english, from }] of PAGE_WORDING.comment_findings.entries()) {
    it(`comment finding ${index + 1} (${from})`, () => {
      assert.equal(pageWording.commentFindingText({ count: finding.comments, items: [], flagged: true, finding_parts: finding }, t), english);
    });
  }
  for (const [index, { notice, english, from }] of PAGE_WORDING.notices.entries()) {
    it(`notice ${index + 1} (${notice.code}, ${from})`, () => {
      assert.equal(pageWording.noticeLine(notice, t), english);
    });
  }

  it('covers every attribution and notice code', () => {
    assert.deepEqual(new Set(PAGE_WORDING.attribution.map((c) => c.attribution.code)), new Set(unionMembers('AttributionCode')));
    assert.deepEqual(new Set(PAGE_WORDING.notices.map((c) => c.notice.code)), new Set(unionMembers('NoticeCode')));
  });
});

describe('the page’s own words from codes alone', () => {
  const french = translatorFor({
    ...MESSAGES,
    pluralLocale: { message: 'fr' },
    commentsFindingBurst_one: { message: '$COUNT$ commentaire publié à la même heure, $TIME$.', placeholders: { count: { content: '$1' }, time: { content: '$2' } } },
    commentsFindingBurst: { message: '$COUNT$ commentaires publiés à la même heure, $TIME$.', placeholders: { count: { content: '$1' }, time: { content: '$2' } } },
    noticeAnalysedFirstCharacters: { message: 'seuls les $COUNT$ premiers caractères ont été analysés', placeholders: { count: { content: '$1' } } },
    listOr: { message: '$HEAD$ ou $LAST$', placeholders: { head: { content: '$1' }, last: { content: '$2' } } },
  });

  it('counts in the messages’ plural rules and number format', () => {
    const burst = (n) => pageWording.commentFindingText({ count: 9, items: [], flagged: true, finding_parts: { comments: 9, clustered: 0, near_copies: false, burst_time: '10:14', burst_comments: n } }, t);
    assert.match(burst(1), /^1 comment was posted at the identical time, 10:14\. /);
    assert.match(burst(4), /^4 comments were posted at the identical time, 10:14\. /);
    const frenchBurst = (n) => pageWording.commentFindingText({ count: 9, items: [], flagged: true, finding_parts: { comments: 9, clustered: 0, near_copies: false, burst_time: '10:14', burst_comments: n } }, french);
    // French takes the singular for 1 (and 0), English for 1 only.
    assert.equal(translatorFor({ ...MESSAGES, pluralLocale: { message: 'fr' } })('pluralLocale'), 'fr');
    assert.match(frenchBurst(1), /^1 commentaire publié/);
    assert.match(frenchBurst(2), /^2 commentaires publiés/);
    const cut = { code: 'text_cut', analysed: 'first_characters', characters: 1234567 };
    assert.equal(pageWording.noticeLine(cut, t), 'The page is too large: only the first 1,234,567 characters of the article were analysed.');
    assert.match(pageWording.noticeLine(cut, french), /seuls les 1\s234\s567 premiers caractères/);
    assert.equal(pageWording.noticeLine({ ...cut, characters: 1 }, t), 'The page is too large: only the first 1 character of the article was analysed.');
  });

  it('joins names in the messages’ own lists', () => {
    const note = { code: 'ambiguous_reference', word: 'le sénateur', candidates: [{ name: 'A' }, { name: 'B' }, { name: 'C' }] };
    assert.match(wording.attributionLine(note, null, french), /A, B ou C$/);
  });

  it('falls back when a parameter is missing: to the core’s English if it sent some, else to words that need none', () => {
    assert.equal(wording.attributionLine({ code: 'unlinked_pronoun' }, null, t), 'who said this could not be decided from the article');
    assert.equal(wording.attributionLine({ code: 'shared_surname_chosen', word: 'Kelly', candidates: [] }, 'CORE ENGLISH', t), 'CORE ENGLISH');
    assert.equal(wording.attributionLine({ code: 'sarcastic_reference', word: 'x' }, null, t), 'who said this could not be decided from the article');
    assert.equal(wording.attributionLine(null, 'an older core’s note', t), 'an older core’s note');
    assert.equal(wording.attributionLine(null, null, t), null);
    assert.equal(pageWording.noticeLine({ code: 'page_elements_cut', elements_read: 10, analysed: 'whole_article' }, t),
      'The page is too large: only its first part was read, and the article found in it was analysed.');
    assert.equal(pageWording.noticeLine({ code: 'page_part_cut' }, t), 'The page is too large: only its first part was read, and no article was found in the part that was read.');
    const frame = pageWording.commentFindingText({ count: 12, items: [], flagged: true, finding_parts: { comments: 12, clustered: 9, near_copies: false, frame: 'His … could …', phrase_examples: ['a true leader'] } }, t);
    // A frame without its count is left out rather than said of "0 comments".
    assert.equal(frame, '9 of 12 comments share templated phrasing. The phrase “a true leader” recurs in different comments. Repeated wording alone does not show who wrote them.');
    // A translator's message missing its substitution leaves a blank, never "undefined".
    assert.equal(translatorFor({ m: { message: '<$A$>', placeholders: { a: { content: '$1' } } } })('m'), '<>');
  });

  it('reads the core’s English only from an analysis without codes, and never beside them', () => {
    assert.deepEqual(pageWording.noticeLines({ notices: ['An older core’s notice.'] }, t), ['An older core’s notice.']);
    const coded = { notices: ['CORE ENGLISH'], notice_items: [{ code: 'published_from_crawl_date' }, { code: 'unsupported_language' }] };
    assert.deepEqual(pageWording.noticeLines(coded, t), [MESSAGES.noticePublishedFromCrawlDate.message, MESSAGES.noticeUnsupportedLanguage.message]);
    assert.deepEqual(pageWording.noticeLines(coded, t, 'unsupported_language'), [MESSAGES.noticePublishedFromCrawlDate.message]);
    // A code from a newer core: its English at the same place, else the code.
    assert.deepEqual(pageWording.noticeLines({ notices: ['Newer English.'], notice_items: [{ code: 'page_on_fire' }] }, t), ['Newer English.']);
    assert.deepEqual(pageWording.noticeLines({ notices: [], notice_items: [{ code: 'page_on_fire' }] }, t), ['page_on_fire']);
    assert.equal(pageWording.commentFindingText({ count: 3, items: [], flagged: true, finding: 'An older core’s finding.' }, t), 'An older core’s finding.');
    const both = { count: 12, items: [], flagged: true, finding: 'CORE ENGLISH', finding_parts: PAGE_WORDING.comment_findings[0].finding };
    assert.equal(pageWording.commentFindingText(both, t), PAGE_WORDING.comment_findings[0].english);
    assert.ok(!wording.attributionLine(PAGE_WORDING.attribution[0].attribution, 'CORE ENGLISH', t).includes('CORE ENGLISH'));
  });
});
