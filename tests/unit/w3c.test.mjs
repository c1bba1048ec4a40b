// W3C Web Annotation export and import (extension/src/notes/w3c.ts) and the
// Markdown export (extension/src/notes/markdown.ts).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { importTs } from './load-ts.mjs';

const w3c = await importTs('extension/src/notes/w3c.ts');
const { toMarkdown, escapeMarkdown } = await importTs('extension/src/notes/markdown.ts');
const { targetFor } = await importTs('extension/src/notes/anchor.ts');

const PAGE = 'https://ledger.example/news/2025/11/18/harrowfield-flood-barrier';
const TEXT = 'Readers 👍🏽 reacted. The council voted 7-2 to build a $48 million barrier along the Tamsin River.';
const NOW = new Date('2026-01-02T03:04:05.000Z');

function noteOn(quote, fields = {}) {
  const at = TEXT.indexOf(quote);
  return {
    v: 2,
    id: `urn:uuid:00000000-0000-4000-8000-${String(Object.keys(fields).length).padStart(12, '0')}`,
    url: PAGE,
    body: 'Check the vote count.',
    created: '2025-11-20T10:00:00.000Z',
    modified: '2025-11-21T11:00:00.000Z',
    target: targetFor(TEXT, at, at + quote.length),
    ...fields,
  };
}

const NOTES = [
  noteOn('voted 7-2', { title: 'Harrowfield approves $48 million flood barrier', claimId: 'c1' }),
  noteOn('$48 million barrier', {
    id: 'https://hypothes.is/a/abc123',
    body: 'Line one\nLine two with <b>markup</b> and [a](javascript:alert(1))',
    anchor: { status: 'orphan', checkedAt: '2025-12-01T00:00:00.000Z' },
  }),
  noteOn('Readers 👍🏽 reacted', { id: 'urn:uuid:emoji', url: 'https://other.example/story?id=5', body: '' }),
];

describe('W3C Web Annotation export', () => {
  const collection = w3c.toAnnotationCollection(NOTES);

  it('writes an AnnotationCollection with the anno.jsonld context', () => {
    assert.deepEqual(collection['@context'], [w3c.ANNOTATION_CONTEXT, { claimlens: w3c.CLAIMLENS_NAMESPACE }]);
    assert.equal(collection.type, 'AnnotationCollection');
    assert.equal(collection.total, 3);
    assert.equal(collection.first.type, 'AnnotationPage');
    assert.equal(collection.first.items.length, 3);
  });

  it('writes each note as a commenting Annotation on the canonical URL, with quote and position selectors', () => {
    const [annotation] = collection.first.items;
    assert.equal(annotation.type, 'Annotation');
    assert.equal(annotation.motivation, 'commenting');
    assert.deepEqual(annotation.body, { type: 'TextualBody', value: 'Check the vote count.', format: 'text/plain', purpose: 'commenting' });
    assert.equal(annotation.target.source, PAGE);
    const [quote, position] = annotation.target.selector;
    assert.deepEqual(quote, { type: 'TextQuoteSelector', exact: 'voted 7-2', prefix: NOTES[0].target.quote.prefix, suffix: NOTES[0].target.quote.suffix });
    assert.equal(position.type, 'TextPositionSelector');
  });

  it('counts TextPositionSelector offsets in code points, and keeps the UTF-16 ones beside them', () => {
    const annotation = collection.first.items[1];
    const position = annotation.target.selector[1];
    const utf16Start = TEXT.indexOf('$48 million barrier');
    assert.equal(position.start, [...TEXT.slice(0, utf16Start)].length);
    assert.equal(position.start, utf16Start - 2, 'the two astral characters before it count once each');
    assert.deepEqual(annotation.target['claimlens:utf16Position'], { start: utf16Start, end: utf16Start + 19 });
  });

  it('survives JSON and comes back identical (round trip)', () => {
    const text = JSON.stringify(collection);
    const imported = w3c.parseWebAnnotations(text, NOW);
    assert.deepEqual(imported.problems, []);
    assert.equal(imported.total, 3);
    assert.deepEqual(imported.records, NOTES);
    assert.deepEqual(w3c.toAnnotationCollection(imported.records), collection);
  });

  it('reads the notes out of an "all data" export', () => {
    const all = { format: w3c.ALL_DATA_FORMAT, settings: {}, notes: collection };
    assert.deepEqual(w3c.fromWebAnnotations(all, NOW).records, NOTES);
  });
});

describe('W3C Web Annotation import', () => {
  const minimal = (fields = {}) => ({
    type: 'Annotation',
    id: 'urn:uuid:minimal',
    target: { source: 'https://example.com/a#section-2', selector: { type: 'TextQuoteSelector', exact: 'some words' } },
    ...fields,
  });

  it('accepts the shapes other tools write: a single Annotation, a list, a page, bodyValue, oa: types', () => {
    const single = w3c.fromWebAnnotations(minimal({ bodyValue: 'plain' }), NOW);
    assert.deepEqual(single.problems, []);
    assert.equal(single.records[0].body, 'plain');
    assert.equal(single.records[0].url, 'https://example.com/a', 'the fragment is not part of the page key');
    assert.equal(single.records[0].created, NOW.toISOString());
    const page = w3c.fromWebAnnotations({ type: 'AnnotationPage', items: [minimal({ type: ['oa:Annotation'] })] }, NOW);
    assert.equal(page.records.length, 1);
    assert.equal(w3c.fromWebAnnotations([minimal()], NOW).records[0].body, '', 'a bare highlight has an empty note');
  });

  it('follows embedded AnnotationPages through next', () => {
    const collection = {
      type: 'AnnotationCollection',
      first: { type: 'AnnotationPage', items: [minimal({ id: 'urn:a' })], next: { type: 'AnnotationPage', items: [minimal({ id: 'urn:b' })] } },
    };
    assert.deepEqual(w3c.fromWebAnnotations(collection, NOW).records.map((r) => r.id), ['urn:a', 'urn:b']);
  });

  it('reports every bad annotation with its index and reason, and imports the good ones', () => {
    const items = [
      minimal({ id: 'urn:ok-1' }),
      'not an object',
      { ...minimal(), type: 'Note' },
      minimal({ id: 'urn:no-quote', target: { source: PAGE, selector: { type: 'TextPositionSelector', start: 1, end: 4 } } }),
      minimal({ id: 'urn:whole-page', target: PAGE }),
      minimal({ id: 'urn:two-targets', target: [PAGE, PAGE] }),
      minimal({ id: 'urn:relative', target: { source: '/news/1', selector: { type: 'TextQuoteSelector', exact: 'x' } } }),
      minimal({ id: 'urn:ok-1' }),
      minimal({ id: 'urn:long', bodyValue: 'x'.repeat(60_000) }),
      minimal({ id: 'urn:link-body', body: 'https://example.com/comment.html' }),
      minimal({
        id: 'urn:bad-position',
        target: { source: PAGE, selector: [{ type: 'TextQuoteSelector', exact: 'four' }, { type: 'TextPositionSelector', start: 0, end: 9 }] },
      }),
      minimal({ id: 'urn:bad-date', created: 'last Tuesday' }),
    ];
    const result = w3c.fromWebAnnotations({ type: 'AnnotationPage', items }, NOW);
    assert.equal(result.total, items.length);
    assert.deepEqual(result.records.map((r) => r.id), ['urn:ok-1', 'urn:bad-position', 'urn:bad-date']);
    const summary = result.problems.map(({ index, rejected, reason }) => [index, rejected, reason]);
    const expect = [
      [1, true, /not an object/],
      [2, true, /not of type Annotation/],
      [3, true, /no TextQuoteSelector/],
      [4, true, /whole page/],
      [5, true, /more than one target/],
      [6, true, /not an absolute URL/],
      [7, true, /same id appears earlier/],
      [8, true, /body is longer than 50000/],
      [9, true, /link to a resource/],
      [10, false, /TextPositionSelector does not span the quote; it was ignored/],
      [11, false, /created is not a date/],
    ];
    assert.equal(summary.length, expect.length, JSON.stringify(summary));
    expect.forEach(([index, rejected, reason], i) => {
      assert.equal(summary[i][0], index);
      assert.equal(summary[i][1], rejected, `problem ${i}`);
      assert.match(summary[i][2], reason);
    });
    assert.equal(result.problems[6].id, 'urn:ok-1', 'the report names the id when there is one');
  });

  it('reports a file that is not JSON, or not annotations, as a whole', () => {
    for (const [text, reason] of [
      ['{"type": "Annotation", ', /not JSON/],
      ['42', /not a Web Annotation document/],
      ['{"hello": "world"}', /not a Web Annotation document/],
      ['{"type": "AnnotationCollection", "first": "https://example.com/page1"}', /links to its pages/],
    ]) {
      const result = w3c.parseWebAnnotations(text, NOW);
      assert.deepEqual(result.records, []);
      assert.equal(result.problems.length, 1);
      assert.equal(result.problems[0].index, -1);
      assert.match(result.problems[0].reason, reason);
    }
  });
});

describe('Markdown export', () => {
  const labels = {
    title: 'ClaimLens notes',
    summary: (at, notes, pages) => `Exported ${at}: ${notes} notes on ${pages} pages.`,
    added: (time) => `Added ${time}`,
    orphan: 'its passage was not found on the last visit',
    emptyBody: '(no text)',
  };
  const markdown = toMarkdown(NOTES, labels, NOW);

  it('groups notes by page, with the quote and the note', () => {
    const sections = markdown.split('\n## ');
    assert.equal(sections.length, 3);
    assert.ok(sections[1].startsWith('Harrowfield approves \\$48 million flood barrier'));
    assert.ok(sections[1].includes(`<${PAGE}>`));
    assert.ok(sections[1].includes('> voted 7-2'));
    assert.ok(sections[1].includes('its passage was not found on the last visit'), 'orphans are marked');
    assert.ok(sections[2].includes('*(no text)*'));
  });

  it('escapes page and note text so it cannot become markup', () => {
    assert.ok(!markdown.includes('<b>'));
    assert.ok(!markdown.includes('[a]('));
    assert.ok(markdown.includes('Line one  \nLine two'), 'line breaks in a note are kept');
    assert.equal(escapeMarkdown('# [x](y) <img> *a* _b_ `c` $x$'), '\\# \\[x\\](y) \\<img\\> \\*a\\* \\_b\\_ \\`c\\` \\$x\\$');
    assert.equal(escapeMarkdown('- item\n1. first\n  > quote\n==='), '\\- item\n1\\. first\n  \\> quote\n\\===');
    assert.equal(escapeMarkdown('7-2 on 2025-11-18: fine.'), '7-2 on 2025-11-18: fine.', 'ordinary text stays readable');
  });
});
