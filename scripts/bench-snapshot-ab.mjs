// The DOM snapshotter of an earlier commit against the working tree's, in one
// browser run (issue 22): each test page in the harness's iframe, the two
// `takeFlatSnapshot`s alternating, and their outputs compared (any difference
// is printed and counted: a faster snapshotter must write the same snapshot).
//   node scripts/bench-snapshot-ab.mjs [REV=HEAD] [chromium|firefox] [reps=15] [page filter]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { benchPaths, bundleInPageCode, launchBrowser, openHarness, root, startBenchServer } from './lib/bench-harness.mjs';
import { median } from './lib/stats.mjs';

const [rev = 'HEAD', which = 'chromium', repsArg = '15', filter = ''] = process.argv.slice(2);
const reps = Number(repsArg);
const before = mkdtempSync(join(tmpdir(), 'claimlens-snapshot-before-'));
for (const file of ['snapshot.ts', 'limits.ts']) {
  writeFileSync(join(before, file), execFileSync('git', ['show', `${rev}:extension/src/dom/${file}`], { cwd: root }));
}
const entry = `
import { takeFlatSnapshot as before } from ${JSON.stringify(join(before, 'snapshot.ts'))};
import { takeFlatSnapshot as after, sameFlatSnapshot } from ${JSON.stringify(join(root, 'extension/src/dom/snapshot.ts'))};
globalThis.__snapshotAb = (reps) => {
  const doc = document.getElementById('claimlens-bench-page').contentDocument;
  const times = { before: [], after: [] };
  const same = sameFlatSnapshot(before(doc).snapshot, after(doc).snapshot);
  for (let i = 0; i < reps; i++) {
    for (const [name, take] of i % 2 ? [['after', after], ['before', before]] : [['before', before], ['after', after]]) {
      // As in the bench's full path: after a GC, so the DOM nodes' JS wrappers are made afresh, as on a first snapshot.
      globalThis.gc?.();
      const t0 = performance.now();
      take(doc);
      times[name].push(performance.now() - t0);
    }
  }
  return { ...times, same, nodes: after(doc).domNodes.length };
};`;
const bundle = (await esbuild.build({ stdin: { contents: entry, resolveDir: root, loader: 'ts' }, bundle: true, write: false, format: 'iife', target: ['chrome114'], logLevel: 'warning' })).outputFiles[0].text;
const harness = await bundleInPageCode();
const paths = benchPaths();
const server = await startBenchServer(paths);
const browser = await launchBrowser(which, new URL(server.baseUrl).origin);
try {
  const page = await openHarness(browser, harness, server, server.seedUrl);
  await page.evaluate(bundle);
  const names = readdirSync(paths.pagesDir).filter((name) => name.includes(filter)).sort();
  const rows = [];
  for (const name of [...names, 'seed']) {
    const url = name === 'seed' ? server.seedUrl : `${server.baseUrl}/pages/${name}/source.html`;
    await page.evaluate((u) => globalThis.__claimlensBench.openInFrame(u), url);
    await page.evaluate(() => globalThis.__snapshotAb(2)); // warm-up
    const r = await page.evaluate((n) => globalThis.__snapshotAb(n), reps);
    rows.push({ name, nodes: r.nodes, before: median(r.before), after: median(r.after), same: r.same });
    if (!r.same) console.log(`DIFFERENT snapshot: ${name}`);
    if (process.env.VERBOSE) console.log(`${name.padEnd(40)} ${String(r.nodes).padStart(7)} ${median(r.before).toFixed(3)} ${median(r.after).toFixed(3)}`);
  }
  const pages = rows.filter((r) => r.name !== 'seed');
  const seed = rows.find((r) => r.name === 'seed');
  console.log(`snapshotter ${rev} vs working tree, ${which} ${browser.version}, ${reps} alternating repetitions, medians (ms):`);
  console.log(`  ${pages.length} pages: before ${median(pages.map((r) => r.before)).toFixed(3)}, after ${median(pages.map((r) => r.after)).toFixed(3)}; median per-page after/before ${median(pages.map((r) => r.after / r.before)).toFixed(3)}; sums ${pages.reduce((s, r) => s + r.before, 0).toFixed(1)} -> ${pages.reduce((s, r) => s + r.after, 0).toFixed(1)}`);
  console.log(`  seed article: before ${seed.before.toFixed(3)}, after ${seed.after.toFixed(3)} (${seed.nodes} nodes)`);
  console.log(`  identical snapshots: ${rows.filter((r) => r.same).length}/${rows.length}`);
} finally {
  await browser.close();
  await server.close();
  rmSync(before, { recursive: true, force: true });
}
