// Two builds of the analysis WASM side by side, in one browser run (issue 22): on a
// shared machine, a before/after is only fair when both run at the same time. Each
// build gets its own warm harness page (tests/bench/in-page.ts, the encoder and the
// default pack loaded, the seed article in its iframe); batches of 5 analyses of the
// seed alternate between them, each followed by one stage-timed analysis.
//   node scripts/bench-ab.mjs PKG_A PKG_B [chromium|firefox] [rounds]
// PKG_*: folders holding claimlens.js and claimlens_bg.wasm (build one with
// scripts/build-wasm.sh and copy extension/pkg away). The two glues must match.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import * as esbuild from 'esbuild';
import { chromium } from 'playwright-core';
import puppeteer from 'puppeteer-core';
import { createStaticServer, listen } from './lib/static-server.mjs';

const root = resolve(dirname(new URL(import.meta.url).pathname), '..');
const [pkgA, pkgB] = process.argv.slice(2, 4).map((p) => resolve(p));
const which = process.argv[4] ?? 'chromium';
const rounds = Number(process.argv[5] ?? 8);
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
  // Cross-origin isolated, so performance.now() has 5 µs resolution (Firefox: 1 ms otherwise).
  const headers = { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' };
  const roots = { h: harness, seed: dirname(seed), a: pkgA, b: pkgB, assets: join(root, 'assets'), fc: join(root, 'assets/factchecks') };
  return roots[section] ? { root: roots[section], path, headers } : undefined;
});
const base = await listen(server);
let browser, newPage;
if (which === 'firefox') {
  browser = await puppeteer.launch({ browser: 'firefox', executablePath: '/usr/bin/firefox-esr', headless: true, userDataDir: mkdtempSync(join(tmpdir(), 'probe-ff-')) });
  newPage = () => browser.newPage();
} else {
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true });
  const ctx = await browser.newContext();
  newPage = () => ctx.newPage();
}
const pages = {};
for (const k of ['a', 'b']) {
  const page = await newPage();
  await page.goto(`${base}/h/index.html`);
  await page.evaluate(bundle);
  await page.evaluate((u) => globalThis.__claimlensBench.load(u.wasm, u.pack, u.encoder, u.model), { wasm: `${base}/${k}/claimlens_bg.wasm`, model: `${base}/assets/checkworthiness.model`, encoder: `${base}/assets/encoder.clenc`, pack: `${base}/fc/politifact.clpack` });
  await page.evaluate((u) => globalThis.__claimlensBench.openInFrame(u), `${base}/seed/${basename(seed)}`);
  await page.evaluate(() => globalThis.__claimlensBench.analyzeTarget(20)); // warm-up, tier-up
  pages[k] = page;
}
const times = { a: [], b: [] };
const stages = { a: [], b: [] };
for (let r = 0; r < rounds; r++) {
  for (const k of r % 2 ? ['b', 'a'] : ['a', 'b']) {
    times[k].push(...(await pages[k].evaluate(() => globalThis.__claimlensBench.analyzeTarget(5))));
    stages[k].push(await pages[k].evaluate(() => globalThis.__claimlensBench.stages(document.getElementById('claimlens-bench-page').contentDocument)));
  }
}
const med = (xs) => { const s = [...xs].sort((x, y) => x - y); return s[Math.floor(s.length / 2)]; };
for (const k of ['a', 'b']) {
  const st = stages[k];
  const keys = ['extract', 'segment', 'detect', 'attribute', 'verify', 'comments', 'assemble', 'total', 'decode_stringify', 'decode_parse', 'encode'];
  console.log(`${k} (${k === 'a' ? pkgA : pkgB}): seed analyze() median ${med(times[k]).toFixed(2)} ms, fastest ${Math.min(...times[k]).toFixed(2)} ms (n=${times[k].length}); stages (median; fastest): ${keys.map((s) => `${s} ${med(st.map((x) => x[s])).toFixed(2)}; ${Math.min(...st.map((x) => x[s])).toFixed(2)}`).join(', ')}`);
}
await browser.close();
server.close();
