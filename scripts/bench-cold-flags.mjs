// What a cold start spends in Chromium (issue 22): three fresh harness pages in one
// browser context, each timing the bench's cold start on the seed article (files read,
// instantiation, encoder, pack, first full path) and then three more full paths. V8 flags
// passed through --js-flags tell its tiers apart (e.g. --no-liftoff, --no-wasm-lazy-compilation).
//   node scripts/bench-cold-flags.mjs PKG_DIR [v8 flags...]   (PKG_DIR: its claimlens_bg.wasm is served; the
// glue bundled is extension/pkg/claimlens.js, which must match it)
// STREAMING=1 instantiates from the URL as the extension does (the module is served
// cacheable, for V8's compiled-code cache); LINGER=ms keeps each page open afterwards.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import * as esbuild from 'esbuild';
import { chromium } from 'playwright-core';
import { createStaticServer, listen } from './lib/static-server.mjs';

const root = resolve(dirname(new URL(import.meta.url).pathname), '..');
const pkg = resolve(process.argv[2]);
const jsFlags = process.argv.slice(3).join(' ');
const seed = resolve(root, '../shared/fixtures/seed-article.html');
const bundle = (await esbuild.build({
  entryPoints: [join(root, 'tests/bench/in-page.ts')], bundle: true, write: false, format: 'iife', target: ['chrome114'],
  define: { 'import.meta.url': '"about:blank"' }, logLevel: 'error',
})).outputFiles[0].text;
const harness = mkdtempSync(join(tmpdir(), 'probe-'));
writeFileSync(join(harness, 'index.html'), '<!doctype html><meta charset="utf-8"><body></body>\n');
const server = createStaticServer((p) => {
  const [, section, ...rest] = p.split('/');
  const path = `/${rest.join('/')}`;
  return { h: { root: harness, path }, seed: { root: dirname(seed), path }, pkg: { root: pkg, path, headers: { 'cache-control': 'max-age=3600' } }, assets: { root: join(root, 'assets'), path }, fc: { root: join(root, 'assets/factchecks'), path } }[section];
});
const base = await listen(server);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: jsFlags ? [`--js-flags=${jsFlags}`] : [] });
const ctx = await browser.newContext();
const streaming = process.env.STREAMING === '1';
const urls = { wasm: `${base}/pkg/claimlens_bg.wasm`, model: `${base}/assets/checkworthiness.model`, encoder: `${base}/assets/encoder.clenc`, pack: `${base}/fc/politifact.clpack` };
for (let i = 0; i < 3; i++) {
  const page = await ctx.newPage();
  await page.goto(`${base}/h/index.html`);
  await page.evaluate(bundle);
  await page.evaluate((u) => globalThis.__claimlensBench.openInFrame(u), `${base}/seed/${basename(seed)}`);
  const r = await page.evaluate(async ([u, s]) => {
    const b = globalThis.__claimlensBench;
    const cold = await b.coldStart(u, s);
    const doc = document.getElementById('claimlens-bench-page').contentDocument;
    const next = [b.claimLens(doc), b.claimLens(doc), b.claimLens(doc)];
    return { cold, next: next.map((n) => ({ total: +n.total.toFixed(1), analyze: +n.analyze.toFixed(1), snapshot: +n.snapshot.toFixed(1) })) };
  }, [urls, streaming]);
  await page.waitForTimeout(Number(process.env.LINGER ?? 0));
  const c = r.cold;
  console.log(`flags[${jsFlags}] fetch ${c.fetch.toFixed(0)} inst ${c.instantiate.toFixed(0)} enc ${c.encoder.toFixed(0)} pack ${c.pack.toFixed(0)} first ${c.firstAnalysis.toFixed(0)} total ${c.total.toFixed(0)} | next ${JSON.stringify(r.next)}`);
  await page.close();
}
await browser.close();
server.close();
