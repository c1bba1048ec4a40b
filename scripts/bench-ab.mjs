// Two builds of the analysis WASM side by side, in one browser run (issue 22): on a
// shared machine, a before/after is only fair when both run at the same time. Each
// build gets its own warm harness page (tests/bench/in-page.ts, the encoder and the
// default pack loaded, the seed article in its iframe); batches of 5 analyses of the
// seed alternate between them, each followed by one stage-timed analysis.
//   node scripts/bench-ab.mjs PKG_A PKG_B [chromium|firefox] [rounds]
// PKG_*: folders holding claimlens.js and claimlens_bg.wasm (build one with
// scripts/build-wasm.sh and copy extension/pkg away). The glue bundled is
// extension/pkg/claimlens.js: the two builds' glues must match it.
import { resolve } from 'node:path';
import { assetUrls, benchPaths, bundleInPageCode, launchBrowser, openHarness, startBenchServer } from './lib/bench-harness.mjs';
import { median } from './lib/stats.mjs';

const [pkgA, pkgB] = process.argv.slice(2, 4).map((p) => resolve(p));
const which = process.argv[4] ?? 'chromium';
const rounds = Number(process.argv[5] ?? 8);
const paths = benchPaths();
const bundle = await bundleInPageCode();
const server = await startBenchServer(paths, { a: { root: pkgA }, b: { root: pkgB } });
const browser = await launchBrowser(which, new URL(server.baseUrl).origin);
try {
  const pages = {};
  for (const k of ['a', 'b']) {
    const page = await openHarness(browser, bundle, server, server.seedUrl);
    await page.evaluate((u) => globalThis.__claimlensBench.load(u.wasm, u.pack, u.encoder, u.model), assetUrls(server.baseUrl, paths, k));
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
  const keys = ['extract', 'segment', 'detect', 'attribute', 'verify', 'comments', 'assemble', 'total', 'decode_stringify', 'decode_parse', 'encode'];
  for (const k of ['a', 'b']) {
    const st = stages[k];
    console.log(`${k} (${k === 'a' ? pkgA : pkgB}): seed analyze() median ${median(times[k]).toFixed(2)} ms, fastest ${Math.min(...times[k]).toFixed(2)} ms (n=${times[k].length}); stages (median; fastest): ${keys.map((s) => `${s} ${median(st.map((x) => x[s])).toFixed(2)}; ${Math.min(...st.map((x) => x[s])).toFixed(2)}`).join(', ')}`);
  }
} finally {
  await browser.close();
  await server.close();
}
