// "One code path, two inputs", on real pages (needs ../shared/data): each
// page of Readability.js's test suite listed below is served from 127.0.0.1,
// opened in real Chromium and Firefox ESR with the built extension, and
// analysed by a real toolbar click: the content script snapshots the live DOM
// and the background's WASM core analyses it. That analysis's article (text,
// paragraphs, title, byline, date, site, language, excerpt, and the runs that
// map the text back to snapshot nodes) and its comment section must equal the
// native CLI's analysis of the same bytes, whose snapshot html5ever built.
//
// The pages are served with a CSP that blocks every script and subresource
// (inline styles aside, see FROZEN_CSP),
// so the page's own scripts cannot change the DOM and both sides see the
// tree the HTML parser built. The bytes are all UTF-8 and served as such
// (the native builder reads UTF-8, with a Windows-1252 fallback, and ignores
// `<meta charset>`).
//
// Data: CLAIMLENS_DATA (default ../shared/data next to the repository). When
// it is absent the data tests are skipped and say where they looked.
// CLAIMLENS_PARITY_PAGES=all compares all 130 pages instead of the list below.
//
// Two generated pages need no data: the sample article nested 500 deep (within
// the depth both browsers' parsers build: the same article), and nested
// 20,000 deep (the extension analyses it; the same article as html5ever's is
// a known gap, marked todo: past 512 open elements Chromium and Firefox attach
// new elements to the 512th as siblings, so no element is deeper than 511
// below <body>, while the native builder leaves them out and keeps their
// text, src/snapshot/depth_cap.rs). Firefox's parser takes over 30 s on
// 100,000 levels on a loaded machine, and a DOM built that deep by script
// crashes Chromium's renderer, so the 100,000-deep walk is unit-tested
// (tests/unit/snapshot.test.mjs).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createStaticServer, listen } from '../../scripts/lib/static-server.mjs';
import { launchChromium } from './drivers/chromium.mjs';
import { launchFirefox } from './drivers/firefox.mjs';
import { analyzeWithCli } from './expected-analysis.mjs';
import { SAMPLE_DIR } from './page-server.mjs';
import { useSession } from './session.mjs';
import { waitFor } from './wait-for.mjs';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const DATA = process.env.CLAIMLENS_DATA ?? join(REPO, '..', 'shared', 'data');
const PAGES_DIR = join(DATA, 'extraction', 'readability-test-pages');

/**
 * No script runs and nothing loads: the DOM stays as the parser built it.
 * Inline styles stay allowed: Firefox empties the `style` attribute of every
 * element whose inline style a page's CSP blocks (Chromium keeps the text),
 * which would hide `style="display:none"` from the snapshot rule.
 */
const FROZEN_CSP = "default-src 'none'; style-src 'unsafe-inline'";

/**
 * Chosen for variety, each for what it stresses: entities, whitespace, <br>
 * and <pre>, hidden and aria-hidden nodes, templates, noscript, SVG and
 * MathML, tables, right-to-left and CJK text, large news pages with JSON-LD.
 */
const PAGES = [
  'normalize-spaces',
  'replace-brs',
  'remove-extra-brs',
  'hidden-nodes',
  'visibility-hidden',
  'svg-parsing',
  'rtl-1',
  'comment-inside-script-parsing',
  'mercurial',
  'v8-blog',
  'ietf-1',
  'dropbox-blog',
  'toc-missing',
  'tumblr',
  'blogger',
  'keep-tabular-data',
  'article-author-tag',
  'citylab-1',
  'telegraph',
  'seattletimes-1',
  'mathjax',
  'lwn-1',
  'nytimes-1',
  'wapo-1',
  'guardian-1',
  'wikipedia-4',
];

/**
 * Pages the core declines, each for a reason the extension must give too: no
 * article at all (an entity-only snippet; a page whose article is all
 * aria-hidden), and CJK text with <br> line breaks (no language model yet).
 */
const DECLINED_PAGES = ['005-unescape-html-entities', 'remove-aria-hidden', 'hukumusume', 'pixnet'];

/** CLAIMLENS_PARITY_PAGES=all compares every page of the suite (130; several minutes per browser). */
function pagesToCompare() {
  if (process.env.CLAIMLENS_PARITY_PAGES === 'all') {
    return readdirSync(PAGES_DIR, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
  }
  return [...PAGES, ...DECLINED_PAGES];
}

/** The failure the extension shows for each analysis status it cannot use (UNUSABLE_STATUS in the background). */
const DECLINED_MESSAGES = { no_article: 'failureNoArticle', unsupported_language: 'failureUnsupportedLanguage' };

const MESSAGES = JSON.parse(readFileSync(join(REPO, 'extension', '_locales', 'en', 'messages.json'), 'utf8'));

/** The analysis fields compared, all of `article`. */
const ARTICLE_FIELDS = ['title', 'byline', 'published', 'site', 'lang', 'url', 'excerpt', 'text', 'paragraphs', 'dom'];

/** The native analyses, by page: one CLI run per page, shared by both browsers. */
const nativeAnalyses = new Map();

/** The CLI's analysis; `{status: 'no_article'}` when it finds none (it exits with an error then). */
function nativeAnalysis(name, url, file = join(PAGES_DIR, name, 'source.html')) {
  if (!nativeAnalyses.has(name)) {
    let analysis;
    try {
      analysis = analyzeWithCli(file, url);
    } catch (error) {
      // Run again to read why: analyzeWithCli passes the CLI's stderr through.
      const why = spawnSync('cargo', ['run', '--quiet', '--bin', 'claimlens', '--', 'analyze', file, '--url', url], { cwd: REPO, encoding: 'utf8' });
      if (!why.stderr.includes('no article found')) throw error;
      analysis = { status: 'no_article' };
    }
    nativeAnalyses.set(name, analysis);
  }
  return nativeAnalyses.get(name);
}

/** Where two strings first differ, with some context on each side, for the failure message. */
function firstDifference(browser, native) {
  let at = 0;
  while (at < browser.length && at < native.length && browser[at] === native[at]) at++;
  const around = (s) => JSON.stringify(s.slice(Math.max(0, at - 40), at + 40));
  return `first difference at UTF-16 offset ${at} (lengths ${browser.length} vs ${native.length}):\n      browser ${around(browser)}\n      native  ${around(native)}`;
}

/** Human-readable differences between the browser's and the native article, one per field. */
function articleDifferences(fromBrowser, fromNative) {
  const differences = [];
  if (fromBrowser.status !== fromNative.status) {
    differences.push(`status: ${fromBrowser.status} vs native ${fromNative.status}`);
  }
  for (const field of ARTICLE_FIELDS) {
    const browser = fromBrowser.article[field];
    const native = fromNative.article[field];
    if (JSON.stringify(browser) === JSON.stringify(native)) continue;
    if (typeof browser === 'string' && typeof native === 'string') {
      differences.push(`${field}: ${firstDifference(browser, native)}`);
    } else if (Array.isArray(browser) && Array.isArray(native)) {
      const at = browser.findIndex((item, i) => JSON.stringify(item) !== JSON.stringify(native[i]));
      const index = at < 0 ? native.length : at;
      differences.push(
        `${field}: ${browser.length} vs native ${native.length} entries; first difference at [${index}]: ${JSON.stringify(browser[index])} vs native ${JSON.stringify(native[index])}`,
      );
    } else {
      differences.push(`${field}: ${JSON.stringify(browser)} vs native ${JSON.stringify(native)}`);
    }
  }
  // The comment section, which the same snapshot also yields. Its finding is
  // compared as codes (`finding_parts`): the English `finding` is the native
  // build's alone (src/english.rs), the WASM sends none.
  const withoutEnglish = ({ finding: _english, ...codes }) => codes;
  const commentsDifference = firstJsonDifference(withoutEnglish(fromBrowser.comments), withoutEnglish(fromNative.comments), 'comments');
  if (commentsDifference) differences.push(commentsDifference);
  return differences;
}

/**
 * The first place where two JSON values differ, or null. Fractional numbers
 * (scores, similarities) may differ in the last digits: the core computes
 * them in f32, and the native and WASM builds round differently.
 */
function firstJsonDifference(browser, native, path) {
  const pending = [[browser, native, path]];
  while (pending.length > 0) {
    const [a, b, at] = pending.pop();
    if (typeof a === 'number' && typeof b === 'number' && !(Number.isInteger(a) && Number.isInteger(b))) {
      if (Math.abs(a - b) >= 1e-4) return `${at}: ${a} vs native ${b}`;
    } else if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object' && Array.isArray(a) === Array.isArray(b)) {
      const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
      for (const key of keys.reverse()) pending.push([a[key], b[key], `${at}.${key}`]);
    } else if (JSON.stringify(a) !== JSON.stringify(b)) {
      return `${at}: ${JSON.stringify(a)?.slice(0, 200)} vs native ${JSON.stringify(b)?.slice(0, 200)}`;
    }
  }
  return null;
}

/** The sample article with its body's content nested `depth` elements deep. */
function nestedSample(depth) {
  const sample = readFileSync(join(SAMPLE_DIR, 'article.html'), 'utf8');
  const open = sample.indexOf('>', sample.indexOf('<body')) + 1;
  const close = sample.lastIndexOf('</body>');
  return `${sample.slice(0, open)}${'<div>'.repeat(depth)}${sample.slice(open, close)}${'</div>'.repeat(depth)}${sample.slice(close)}`;
}

const GENERATED = { 'nested-500.html': 500, 'nested-20000.html': 20_000 };

/**
 * Serves the test pages under /page/<name>/source.html and the generated ones
 * under /generated/<file>, all with the frozen CSP.
 */
async function startParityServer() {
  const generatedDir = mkdtempSync(join(tmpdir(), 'claimlens-parity-'));
  for (const [file, depth] of Object.entries(GENERATED)) writeFileSync(join(generatedDir, file), nestedSample(depth));
  const roots = { page: PAGES_DIR, generated: generatedDir };
  const server = createStaticServer((urlPath) => {
    const [, section, ...rest] = urlPath.split('/');
    return Object.hasOwn(roots, section) ? { root: roots[section], path: `/${rest.join('/')}`, headers: { 'content-security-policy': FROZEN_CSP } } : undefined;
  });
  const baseUrl = await listen(server);
  return {
    baseUrl,
    generatedDir,
    close: () => new Promise((resolve) => server.close(resolve)).then(() => rmSync(generatedDir, { recursive: true, force: true })),
  };
}

/**
 * The content script's page state after a toolbar click (its analysis, or why
 * there is none), asked for from an extension page as the claims panel asks
 * for it (get-page-state). A click that injected nothing (seen once on a
 * loaded machine) is repeated once; a click on an analysed page would toggle it.
 */
async function extensionPageState(control, page, url) {
  const ask = () =>
    control.evaluate(async (want) => {
      const api = globalThis.browser ?? chrome;
      const tab = (await api.tabs.query({})).find((t) => t.url === want);
      if (!tab) return { seen: 'no tab at this address' };
      try {
        const reply = await api.tabs.sendMessage(tab.id, { type: 'get-page-state' }, { frameId: 0 });
        return { seen: `phase ${reply?.phase}`, reply };
      } catch (error) {
        return { seen: `no content script (${error.message})` };
      }
    }, url);
  await page.clickToolbarButton();
  const clicked = Date.now();
  let clickedAgain = false;
  let last;
  try {
    return await waitFor(
      `the analysis of ${url}`,
      async () => {
        last = await ask();
        // Highlights are drawn before the full analysis arrives (the draw
        // result comes first): wait for the analysis itself, or a failure.
        const settled = last.reply && last.reply.phase !== 'analysing';
        if (settled && (last.reply.analysis || last.reply.phase === 'failed')) return last.reply;
        if (!last.reply && !clickedAgain && Date.now() - clicked > 10_000) {
          clickedAgain = true;
          await page.clickToolbarButton();
        }
        return null;
      },
      60_000,
    );
  } catch (error) {
    error.message += ` (last seen: ${last?.seen}${clickedAgain ? ', after a second click' : ''})`;
    throw error;
  }
}

function describeDataParity(browserName, launch, build) {
  describe(`${browserName}: the live-DOM snapshot and html5ever's give the same article`, () => {
    const session = useSession(launch, build);
    let control;
    before(async () => {
      // An extension page to ask the content script for its analysis from.
      control = await session.browser.open(session.browser.extensionUrl('panel.html?tab=-1'));
    });
    after(async () => {
      await control?.close();
    });

    /** Opens `path`, clicks the toolbar button and compares the extension's article with the native one. */
    async function compareGenerated(file) {
      const url = `${server.baseUrl}/generated/${file}`;
      const native = nativeAnalysis(file, url, join(server.generatedDir, file));
      const page = await session.browser.open(url);
      try {
        const state = await extensionPageState(control, page, url);
        assert.ok(state.analysis, `the extension analysed the page (phase ${state.phase}: ${state.reason ?? 'no reason'})`);
        return { fromBrowser: state.analysis, native };
      } finally {
        await page.close();
      }
    }

    it('a page nested 500 deep (within what the parsers build)', async () => {
      const { fromBrowser, native } = await compareGenerated('nested-500.html');
      const differences = articleDifferences(fromBrowser, native);
      assert.deepEqual(differences, [], `${browserName}:\n  ${differences.join('\n  ')}`);
    });

    it('a page nested 20,000 deep is snapshotted and analysed', async () => {
      const { fromBrowser } = await compareGenerated('nested-20000.html');
      assert.equal(fromBrowser.status, 'ok');
      assert.match(fromBrowser.article.text, /Ada Pennick, a retired nurse\./);
    });

    it(
      'a page nested 20,000 deep gives the same article',
      { todo: 'past 512 open elements the browsers flatten new elements into siblings; the native builder leaves them out' },
      async () => {
        const { fromBrowser, native } = await compareGenerated('nested-20000.html');
        const differences = articleDifferences(fromBrowser, native);
        assert.deepEqual(differences, [], `${browserName}:\n  ${differences.join('\n  ')}`);
      },
    );

    const outcomes = [];
    if (!existsSync(PAGES_DIR)) {
      it('data: Readability.js test pages', { skip: `no test pages at ${PAGES_DIR}: set CLAIMLENS_DATA to the shared data folder` }, () => {});
    }
    for (const name of existsSync(PAGES_DIR) ? pagesToCompare() : []) {
      it(`data: ${name}`, async () => {
        const url = `${server.baseUrl}/page/${name}/source.html`;
        const native = nativeAnalysis(name, url);
        const page = await session.browser.open(url);
        const outcome = { name, status: native.status, identical: false };
        outcomes.push(outcome);
        try {
          const state = await extensionPageState(control, page, url);
          const declined = DECLINED_MESSAGES[native.status];
          if (declined) {
            // The core declined the page natively: the extension must say why, and show nothing.
            const seen = { phase: state.phase, reason: state.reason, analysis: state.analysis };
            assert.deepEqual(seen, { phase: 'failed', reason: MESSAGES[declined].message, analysis: null }, `${browserName}, ${name}: native status ${native.status}`);
            outcome.identical = true;
            return;
          }
          assert.ok(state.analysis, `the extension analysed the page (phase ${state.phase}: ${state.reason ?? 'no reason'})`);
          const differences = articleDifferences(state.analysis, native);
          outcome.identical = differences.length === 0;
          assert.deepEqual(differences, [], `${browserName}, ${name}:\n  ${differences.join('\n  ')}`);
          assert.ok(native.article.text.length > 0, `${name} has article text`);
        } finally {
          await page.close();
        }
      });
    }

    after(() => {
      if (outcomes.length === 0) return;
      const compared = outcomes.filter((outcome) => !DECLINED_MESSAGES[outcome.status]);
      const identical = compared.filter((outcome) => outcome.identical).length;
      const declined = outcomes.length - compared.length;
      const declinedByBoth = outcomes.filter((outcome) => DECLINED_MESSAGES[outcome.status] && outcome.identical).length;
      const differing = outcomes.filter((outcome) => !outcome.identical).map((outcome) => outcome.name);
      console.log(
        `data parity, ${browserName}: identical article on ${identical} of ${compared.length} pages; ` +
          `declined by both on ${declinedByBoth} of ${declined}${differing.length ? `; differing: ${differing.join(', ')}` : ''}`,
      );
    });
  });
}

/** One server for both browsers, so both ask for the same URLs the native analyses were made for. */
let server;
before(async () => {
  server = await startParityServer();
});
after(() => server?.close());
describeDataParity('Chromium', launchChromium, 'chrome');
describeDataParity('Firefox', launchFirefox, 'firefox');
