// The DOM snapshotter (extension/src/dom/snapshot.ts) and the native
// html5ever builder must give one snapshot for one page. Checked through what
// matters downstream: the core's whole analysis, node indices in
// `article.dom` included, must be the same from either snapshot (less the
// English sentences, which only the native build words: src/english.rs).
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { analyzeWithCli } from './expected-analysis.mjs';
import { ARTICLE_PAGES, SAMPLE_DIR } from './page-server.mjs';
import { analyzeDrawWithWasm, analyzeWithWasm } from './wasm-core.mjs';

const SNAPSHOTTER = fileURLToPath(new URL('../../extension/src/dom/snapshot.ts', import.meta.url));
const DRAW_RESULT = fileURLToPath(new URL('../../extension/src/draw-result.ts', import.meta.url));

/** The content script's draw-result decoder, for node. */
async function drawResultModule() {
  const { outputFiles } = await esbuild.build({ entryPoints: [DRAW_RESULT], bundle: true, format: 'esm', platform: 'neutral', write: false });
  return import(`data:text/javascript;base64,${Buffer.from(outputFiles[0].text).toString('base64')}`);
}

/** The snapshotter as a script for the page's main world, defining `ClaimLensSnapshot`. */
function snapshotterScript() {
  const { outputFiles } = esbuild.buildSync({
    entryPoints: [SNAPSHOTTER],
    bundle: true,
    format: 'iife',
    globalName: 'ClaimLensSnapshot',
    write: false,
  });
  return outputFiles[0].text;
}

/**
 * Splits out the fractional numbers (scores, similarities): the core computes
 * them in f32, and native and WASM builds differ in the last digits.
 */
function splitFloats(analysis) {
  const floats = [];
  const shape = JSON.parse(JSON.stringify(analysis), (_, v) => {
    if (typeof v === 'number' && !Number.isInteger(v)) {
      floats.push(v);
      return 'float';
    }
    return v;
  });
  return { shape, floats };
}

/**
 * The analysis without its English sentences: the native build words the
 * codes in English (src/english.rs), the WASM build leaves those fields
 * empty and the extension words the codes through _locales.
 */
function withoutEnglish(analysis) {
  const copy = structuredClone(analysis);
  copy.notices = [];
  copy.comments.finding = null;
  for (const quote of copy.quotes) quote.attribution_note = null;
  for (const claim of copy.claims) {
    claim.sourcing.attribution_note = null;
    for (const quantity of claim.quantities) quantity.display = null;
    claim.signals = [];
    for (const match of [...claim.matches, ...claim.related]) match.why = [];
    const { note } = claim;
    note.summary = '';
    note.checks = [];
    for (const link of note.links) link.label = '';
    for (const line of [...note.fact_checks, ...note.related]) {
      line.text = '';
      line.why = [];
    }
    for (const time of note.times) time.display = '';
    if (note.sourcing) {
      note.sourcing.text = '';
      if (note.sourcing.carried) note.sourcing.cue = null;
    }
  }
  return copy;
}

/** @param {ReturnType<import('./session.mjs').useSession>} session */
export function describeSnapshotParity(session) {
  describe('the DOM snapshotter', () => {
    it('gives the core the same snapshot as the native html5ever builder', async () => {
      const url = session.server.baseUrl + ARTICLE_PAGES[0].path;
      const page = await session.browser.open(url);
      try {
        // The flat form, as the content script sends it (src/snapshot/flat.rs), and the objects the playground passes.
        const flat = await page.evaluate(`${snapshotterScript()}\nClaimLensSnapshot.takeFlatSnapshot(document).snapshot`);
        const objects = await page.evaluate(`${snapshotterScript()}\nClaimLensSnapshot.takeSnapshot(document).snapshot`);
        const fromBrowser = analyzeWithWasm(flat);
        assert.deepEqual(analyzeWithWasm(objects), fromBrowser, 'the flat and the object snapshot give one analysis');
        // The draw-first path (issue 22): the draw result, read as the content script reads it, is the
        // analysis's own claims and runs, and the full analysis behind it is the one `analyze` gives, once.
        const { decodeDrawResult, drawResultForMessage } = await drawResultModule();
        const { draw, details, again } = analyzeDrawWithWasm(flat);
        const drawn = decodeDrawResult(JSON.parse(JSON.stringify(drawResultForMessage(draw))));
        const heads = fromBrowser.claims.map(({ id, start, end, text, score, checkworthy, kinds, sourcing }) => ({
          id,
          start,
          end,
          text,
          score,
          checkworthy,
          kinds,
          sourcing: { kind: sourcing.kind },
        }));
        assert.ok(heads.length > 0, 'the page has claims');
        assert.deepEqual(drawn.claims, heads);
        assert.deepEqual(drawn.dom, fromBrowser.article.dom);
        assert.equal(drawn.head.status, fromBrowser.status);
        assert.deepEqual(details, fromBrowser, 'the details are the analysis analyze() returns');
        assert.equal(again, undefined, 'the details are handed over once');
        const fromHtml5ever = analyzeWithCli(join(SAMPLE_DIR, 'article.html'), url);
        assert.ok(fromBrowser.article.dom.length > 0, 'the analysis maps text back to nodes');
        const browser = splitFloats(fromBrowser);
        const native = splitFloats(withoutEnglish(fromHtml5ever));
        assert.deepEqual(browser.shape, native.shape);
        browser.floats.forEach((value, i) => {
          assert.ok(Math.abs(value - native.floats[i]) < 1e-4, `score ${value} vs native ${native.floats[i]}`);
        });
      } finally {
        await page.close();
      }
    });
  });
}
