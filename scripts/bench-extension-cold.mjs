// The real extension's cold start (issue 22): from a toolbar click on the seed
// article while the background is stopped (Chromium's service worker, Firefox's
// event page) to the first claim highlights on the page. What a reader waits
// for after the background has gone idle: the background waking, the core
// (WASM, model), the encoder and the default pack read from the extension's
// own package, the content script injected, the snapshot, the analysis, the
// reply and the highlights.
//   node scripts/bench-extension-cold.mjs [--browser chromium|firefox] [--wakes N] [--launches N] DIST...
// DIST: an extension/dist folder (its chrome/ and firefox/ builds; default extension/dist).
// Several DISTs are measured alternately, launch by launch (a fresh profile each),
// so load bursts hit them alike. Per launch: the first click (a fresh install's
// first wake) and then N wakes, each in a fresh tab after the background was stopped.
import { resolve } from 'node:path';
import { launchChromium } from '../tests/e2e/drivers/chromium.mjs';
import { launchFirefox } from '../tests/e2e/drivers/firefox.mjs';
import { createStaticServer, listen } from './lib/static-server.mjs';
import { benchPaths } from './lib/bench-harness.mjs';
import { dirname, basename } from 'node:path';

const args = process.argv.slice(2);
function option(name, fallback) {
  const at = args.indexOf(name);
  if (at < 0) return fallback;
  const [, value] = args.splice(at, 2);
  return value;
}
const browserName = option('--browser', 'chromium');
const wakes = Number(option('--wakes', '4'));
const launches = Number(option('--launches', '2'));
const dists = (args.length > 0 ? args : ['extension/dist']).map((dir) => resolve(dir));

const paths = benchPaths();
const server = createStaticServer((urlPath) => {
  const [, section, ...rest] = urlPath.split('/');
  return section === 'seed' ? { root: dirname(paths.seed), path: `/${rest.join('/')}` } : undefined;
});
const baseUrl = await listen(server);
const seedUrl = `${baseUrl}/seed/${basename(paths.seed)}`;

/** In the page's main world: resolves with the wall-clock time the first ClaimLens claim highlight was seen (polled). */
function firstHighlights(timeoutMs) {
  return new Promise((done) => {
    const deadline = performance.now() + timeoutMs;
    const poll = () => {
      for (const [name, highlight] of CSS.highlights) {
        if (/^claimlens-(light|dark)-[a-z]+-[a-z]+$/.test(name) && highlight.size > 0) {
          done(performance.timeOrigin + performance.now());
          return;
        }
      }
      if (performance.now() > deadline) done(null);
      else setTimeout(poll, 1);
    };
    poll();
  });
}

async function measureOnce(driver, label) {
  const tab = await driver.open(seedUrl);
  // Let the page settle (fonts, layout) before the click, as a reader's would have.
  await new Promise((done) => setTimeout(done, 300));
  const seen = tab.evaluate(firstHighlights, 60_000);
  await new Promise((done) => setTimeout(done, 50));
  const clicked = performance.timeOrigin + performance.now();
  await tab.clickToolbarButton();
  const at = await seen;
  const ms = at === null ? null : at - clicked;
  // Chromium: the background's own marks (background/timing.ts), in ms after the click.
  const marks = driver.evaluateInBackground
    ? await driver
        .evaluateInBackground(() => ({ origin: performance.timeOrigin, marks: performance.getEntriesByType('mark').map((m) => [m.name, m.startTime]) }))
        .then(({ origin, marks: list }) => [['started', origin - clicked], ...list.map(([name, t]) => [name.replace(/^claimlens-/, ''), origin + t - clicked])])
        .catch(() => [])
    : [];
  marks.sort((x, y) => x[1] - y[1]);
  return { label, ms, tab, marks };
}

const results = new Map(dists.map((dist) => [dist, { first: [], wakes: [] }]));
try {
  for (let launch = 0; launch < launches; launch++) {
    for (const dist of dists) {
      const dir = `${dist}/${browserName === 'firefox' ? 'firefox' : 'chrome'}`;
      const driver = browserName === 'firefox' ? await launchFirefox(dir, { width: 1280, height: 900 }) : await launchChromium(dir, { width: 1280, height: 900 });
      const row = results.get(dist);
      try {
        // A fresh install: the background is running (started at install); stop it first.
        await new Promise((done) => setTimeout(done, 1000));
        await driver.restartBackground();
        const first = await measureOnce(driver, 'first');
        row.first.push(first.ms);
        await first.tab.close?.();
        const line = [`first ${fmt(first.ms)}${marksText(first.marks)}`];
        for (let i = 0; i < wakes; i++) {
          await driver.restartBackground();
          await new Promise((done) => setTimeout(done, 500));
          const wake = await measureOnce(driver, 'wake');
          row.wakes.push(wake.ms);
          line.push(`${fmt(wake.ms)}${marksText(wake.marks)}`);
          await wake.tab.close?.();
        }
        console.log(`${browserName} ${dist} launch ${launch + 1}: ${line.join(' | ')}`);
      } finally {
        await driver.close();
      }
    }
  }
} finally {
  await new Promise((done) => server.close(done));
}

for (const [dist, row] of results) {
  const all = row.wakes.filter((v) => v !== null);
  console.log(`${browserName} ${dist}: first click ${summary(row.first)}; later wakes ${summary(all)} (n=${all.length})`);
}

function marksText(marks) {
  return marks.length > 0 ? ` [${marks.map(([name, t]) => `${name} ${t.toFixed(0)}`).join(', ')}]` : '';
}

function fmt(ms) {
  return ms === null ? 'timeout' : ms.toFixed(0);
}

function summary(values) {
  const sorted = values.filter((v) => v !== null).sort((a, b) => a - b);
  if (sorted.length === 0) return 'none';
  const median = sorted.length % 2 ? sorted[(sorted.length - 1) / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
  return `median ${median.toFixed(0)} ms (${sorted[0].toFixed(0)}–${sorted[sorted.length - 1].toFixed(0)})`;
}
