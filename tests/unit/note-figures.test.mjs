// Regression: the note showed "second term" as "2 term", "20 or 30 years" as
// "20 years" and "four to six services" as "4 services": it rebuilt the figure
// from `value` and `unit` and dropped the range's upper bound and the ordinal.
// The note and the Markdown report now show the core's typed `display`.
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
