// "One code path, two inputs", on real pages (needs ../shared/data): each
// page of Readability.js's test suite listed below is served from 127.0.0.1,
// opened in real Chromium and Firefox ESR with the built extension, and
// analysed by a real toolbar click: the content script snapshots the live DOM
// and the background's WASM core analyses it. That analysis's article (text,
// paragraphs, title, byline, date, site, language, excerpt, and the runs that
// map the text back to snapshot nodes) must equal the native CLI's analysis
// of the same bytes, whose snapshot html5ever built.
//
// The pages are served with a CSP that blocks every script and subresource
// (inline styles aside, see FROZEN_CSP),
// so the page's own scripts cannot change the DOM and both sides see the
// tree the HTML parser built. The bytes are all UTF-8 and served as such
// (the native builder reads UTF-8, with a Windows-1252 fallback, and ignores
// `<meta charset>`).
//
// Data: CLAIMLENS_DATA (default ../shared/data next to the repository). When
// it is absent the suite is skipped and says where it looked.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createStaticServer, listen } from '../../scripts/lib/static-server.mjs';
import { launchChromium } from './drivers/chromium.mjs';
import { launchFirefox } from './drivers/firefox.mjs';
import { analyzeWithCli } from './expected-analysis.mjs';
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
const DECLINED_PAGES = [
  { name: '005-unescape-html-entities', status: 'no_article', message: 'failureNoArticle' },
  { name: 'remove-aria-hidden', status: 'no_article', message: 'failureNoArticle' },
  { name: 'hukumusume', status: 'unsupported_language', message: 'failureUnsupportedLanguage' },
  { name: 'pixnet', status: 'unsupported_language', message: 'failureUnsupportedLanguage' },
];

const MESSAGES = JSON.parse(readFileSync(join(REPO, 'extension', '_locales', 'en', 'messages.json'), 'utf8'));

/** The analysis fields compared, all of `article`. */
const ARTICLE_FIELDS = ['title', 'byline', 'published', 'site', 'lang', 'url', 'excerpt', 'text', 'paragraphs', 'dom'];

/** The native analyses, by page: one CLI run per page, shared by both browsers. */
const nativeAnalyses = new Map();

/** The CLI's analysis; `{status: 'no_article'}` when it finds none (it exits with an error then). */
function nativeAnalysis(name, url) {
  if (!nativeAnalyses.has(name)) {
    const file = join(PAGES_DIR, name, 'source.html');
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
  return differences;
}

/** Serves the test pages under /page/<name>/source.html with the frozen CSP. */
async function startDataServer() {
  const server = createStaticServer((urlPath) => {
    const [, section, ...rest] = urlPath.split('/');
    return section === 'page' ? { root: PAGES_DIR, path: `/${rest.join('/')}`, headers: { 'content-security-policy': FROZEN_CSP } } : undefined;
  });
  const baseUrl = await listen(server);
  return { baseUrl, close: () => new Promise((resolve) => server.close(resolve)) };
}

/**
 * The content script's page state after a toolbar click (its analysis, or why
 * there is none), asked for from an extension page as the claims panel asks
 * for it (get-page-state).
 */
async function extensionPageState(control, page, url) {
  await page.clickToolbarButton();
  const state = await waitFor(
    `the analysis of ${url}`,
    () =>
      control.evaluate(async (want) => {
        const api = globalThis.browser ?? chrome;
        const tabs = await api.tabs.query({});
        const tab = tabs.find((t) => t.url === want);
        if (!tab) return null;
        const reply = await api.tabs.sendMessage(tab.id, { type: 'get-page-state' }, { frameId: 0 }).catch(() => null);
        return reply && reply.phase !== 'analysing' ? reply : null;
      }, url),
    60_000,
  );
  return state;
}

function describeDataParity(browserName, launch, build) {
  describe(`${browserName}: the live-DOM snapshot and html5ever's give the same article on Readability.js's test pages`, () => {
    const session = useSession(launch, build);
    let control;
    before(async () => {
      // An extension page to ask the content script for its analysis from.
      control = await session.browser.open(session.browser.extensionUrl('panel.html?tab=-1'));
    });
    after(async () => {
      await control?.close();
    });

    const outcomes = [];
    for (const name of PAGES) {
      it(`data: ${name}`, async () => {
        const url = `${server.baseUrl}/page/${name}/source.html`;
        const native = nativeAnalysis(name, url);
        const page = await session.browser.open(url);
        const outcome = { name, identical: false };
        outcomes.push(outcome);
        try {
          const state = await extensionPageState(control, page, url);
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

    for (const { name, status, message } of DECLINED_PAGES) {
      it(`data: ${name} is declined by both (${status})`, async () => {
        const url = `${server.baseUrl}/page/${name}/source.html`;
        assert.equal(nativeAnalysis(name, url).status, status, 'the native analysis');
        const page = await session.browser.open(url);
        try {
          const state = await extensionPageState(control, page, url);
          assert.deepEqual({ phase: state.phase, reason: state.reason, analysis: state.analysis }, { phase: 'failed', reason: MESSAGES[message].message, analysis: null });
        } finally {
          await page.close();
        }
      });
    }

    after(() => {
      const identical = outcomes.filter((outcome) => outcome.identical).length;
      const differing = outcomes.filter((outcome) => !outcome.identical).map((outcome) => outcome.name);
      console.log(`data parity, ${browserName}: ${identical} of ${outcomes.length} pages identical${differing.length ? `; differing: ${differing.join(', ')}` : ''}`);
    });
  });
}

/** One server for both browsers, so both ask for the same URLs the native analyses were made for. */
let server;

if (existsSync(PAGES_DIR)) {
  before(async () => {
    server = await startDataServer();
  });
  after(() => server?.close());
  describeDataParity('Chromium', launchChromium, 'chrome');
  describeDataParity('Firefox', launchFirefox, 'firefox');
} else {
  describe('data parity (needs the shared data)', () => {
    it('compares the live-DOM and html5ever snapshots on real pages', { skip: `no test pages at ${PAGES_DIR}: set CLAIMLENS_DATA to the shared data folder` }, () => {});
  });
}
