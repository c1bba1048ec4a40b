// What a cold start spends in Chromium (issue 22): three fresh harness pages in one
// browser context, each timing the bench's cold start on the seed article (files read,
// instantiation, encoder, pack, first full path) and then three more full paths. V8 flags
// passed through --js-flags tell its tiers apart (e.g. --no-liftoff, --no-wasm-lazy-compilation).
//   node scripts/bench-cold-flags.mjs PKG_DIR [v8 flags...]   (PKG_DIR: its claimlens_bg.wasm is served; the
// glue bundled is extension/pkg/claimlens.js, which must match it)
// STREAMING=1 instantiates from the URL as the extension does (the module is served
// cacheable, for V8's compiled-code cache), STREAMING=cache from the Cache API; LINGER=ms keeps each page open afterwards;
// PERSISTENT=1 uses an on-disk profile (an off-the-record one has no code cache).
import { resolve } from 'node:path';
import { assetUrls, benchPaths, bundleInPageCode, launchBrowser, openHarness, startBenchServer } from './lib/bench-harness.mjs';

const pkg = resolve(process.argv[2]);
const jsFlags = process.argv.slice(3).join(' ');
const paths = benchPaths();
const bundle = await bundleInPageCode();
const server = await startBenchServer(paths, { pkg: { root: pkg, headers: { 'cache-control': 'max-age=3600' } } });
const browser = await launchBrowser('chromium', new URL(server.baseUrl).origin, { jsFlags, persistent: process.env.PERSISTENT === '1' });
const streaming = process.env.STREAMING === 'cache' ? 'cache' : process.env.STREAMING === '1';
const urls = assetUrls(server.baseUrl, paths, 'pkg');
try {
  for (let i = 0; i < 3; i++) {
    const page = await openHarness(browser, bundle, server, server.seedUrl);
    const r = await page.evaluate(async ([u, s]) => {
      const b = globalThis.__claimlensBench;
      const cold = await b.coldStart(u, s);
      const doc = document.getElementById('claimlens-bench-page').contentDocument;
      const next = [b.claimLens(doc), b.claimLens(doc), b.claimLens(doc)];
      return { cold, next: next.map((n) => ({ total: +n.total.toFixed(1), analyze: +n.analyze.toFixed(1), snapshot: +n.snapshot.toFixed(1) })) };
    }, [urls, streaming]);
    await new Promise((done) => setTimeout(done, Number(process.env.LINGER ?? 0)));
    const c = r.cold;
    console.log(`flags[${jsFlags}] fetch ${c.fetch.toFixed(0)} inst ${c.instantiate.toFixed(0)} enc ${c.encoder.toFixed(0)} pack ${c.pack.toFixed(0)} first ${c.firstAnalysis.toFixed(0)} total ${c.total.toFixed(0)} | next ${JSON.stringify(r.next)}`);
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
