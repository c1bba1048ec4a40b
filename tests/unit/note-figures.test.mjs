// Regression: the note showed "second term" as "2 term", "20 or 30 years" as
// "20 years" and "four to six services" as "4 services": it rebuilt the figure
// from `value` and `unit` and dropped the range's upper bound and the ordinal.
// The note and the Markdown report show the figure as the core typed it: its
// `display` from a native analysis, or worded from its kind and numbers (WASM).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { claim, importTs } from './load-ts.mjs';

const { figureReading } = await importTs('extension/src/ui/note-view.ts');
const { markdownReport } = await importTs('extension/src/ui/report.ts');
const { summarise } = await importTs('extension/src/ui/summary.ts');
const { translatorFor } = await importTs('extension/src/ui/i18n.ts');
const t = translatorFor(JSON.parse(readFileSync(new URL('../../extension/_locales/en/messages.json', import.meta.url), 'utf8')));

function quantity(text, value, unit, extra = {}) {
  return { start: 0, end: text.length, text, value, unit, ...extra };
}

const READ = [
  quantity('second term', 2, 'term', { kind: 'ordinal', display: '2nd term' }),
  quantity('20 or 30 years', 20, 'years', { kind: 'duration', upper: 30, display: '20–30 years' }),
  quantity('four to six services', 4, 'services', { kind: 'count', upper: 6, display: '4–6 services' }),
  quantity('-12.99', -12.99, null, { kind: 'number', display: '-12.99' }),
];

const { figureText } = await importTs('extension/src/ui/figure-wording.ts');
const SAVED_FIGURES = JSON.parse(readFileSync(new URL('../fixtures/notes/figures.json', import.meta.url), 'utf8')).figures;

describe('figures worded from their kind and numbers, as the WASM core sends them', () => {
  for (const figure of SAVED_FIGURES) {
    it(`“${figure.text}” reads “${figure.display}”, as the native build writes it`, () => {
      const { display, ...codes } = figure;
      assert.equal(figureText(codes, t), display);
      assert.equal(figureReading({ ...codes, display: null }, t), display === figure.text ? null : display);
    });
  }

  it('covers every kind and modifier the core sends a number with', () => {
    assert.deepEqual(new Set(SAVED_FIGURES.map((f) => f.kind)), new Set(['ordinal', 'duration', 'money', 'count', 'measure', 'percent', 'fraction', 'number']));
    assert.deepEqual(new Set(SAVED_FIGURES.map((f) => f.modifier).filter(Boolean)), new Set(['more_than', 'approximately', 'at_least', 'less_than', 'at_most']));
  });

  it('takes the ordinal forms and number format of the messages’ language', () => {
    const ordinal = (n) => figureText(quantity(String(n), n, 'ordinal', { kind: 'ordinal' }), t);
    assert.deepEqual([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101, 111].map(ordinal), ['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd', '23rd', '101st', '111th']);
    const messages = JSON.parse(readFileSync(new URL('../../extension/_locales/en/messages.json', import.meta.url), 'utf8'));
    const german = translatorFor({
      ...messages,
      pluralLocale: { message: 'de' },
      figureOrdinal: { message: '$NUMBER$.', placeholders: { number: { content: '$1' } } },
      figureMoney: { message: '$AMOUNT$ $CURRENCY$', placeholders: { currency: { content: '$1' }, amount: { content: '$2' } } },
      figureBillion: { message: '$NUMBER$ Mrd.', placeholders: { number: { content: '$1' } } },
    });
    assert.equal(figureText(quantity('second term', 2, 'term', { kind: 'ordinal' }), german), '2. term');
    assert.equal(figureText(quantity('$2.8 billion', 2.8e9, 'USD', { kind: 'money' }), german), '2,8 Mrd. USD');
    assert.equal(figureText(quantity('3,000 troops', 3000, 'troops', { kind: 'count' }), german), '3.000 troops');
  });

  it('a figure without a number, or from a core without kinds, has no reading of its own', () => {
    assert.equal(figureText(quantity('several weeks', null, 'weeks', { kind: 'duration', modifier: 'vague' }), t), null);
    assert.equal(figureText(quantity('48 million people', 48000000, 'people'), t), null);
  });
});

describe('figures in the note', () => {
  it('shows the typed display: both bounds of a range, an ordinal as an ordinal, the sign', () => {
    assert.deepEqual(
      READ.map((q) => figureReading(q, t)),
      ['2nd term', '20–30 years', '4–6 services', null],
    );
  });

  it('falls back to value and unit for an analysis without display', () => {
    assert.equal(figureReading(quantity('48 million people', 48000000, 'people'), t), `${(48000000).toLocaleString()} people`);
    assert.equal(figureReading(quantity('a few', null, null), t), null);
  });

  it('the Markdown report gives the same reading', () => {
    const analysis = {
      schema: 'claimlens/analysis@1', status: 'ok', notices: [],
      article: { title: 'T', byline: null, published: '2025-11-18', site: null, lang: 'en', url: null, excerpt: null, text: '', paragraphs: [], dom: [] },
      sentences: [], quotes: [], entities: [],
      claims: [claim({ quantities: READ })],
    };
    const report = markdownReport(analysis, summarise(analysis), t);
    assert.match(report, /“four to six services” = 4–6 services/);
    assert.match(report, /“20 or 30 years” = 20–30 years/);
    assert.match(report, /“second term” = 2nd term/);
    assert.doesNotMatch(report, /= 4 services/);
  });
});
