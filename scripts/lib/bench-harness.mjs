// What the in-browser benchmarks share (scripts/bench-browser.mjs, bench-ab.mjs,
// bench-cold-flags.mjs): where the data and assets are, the in-page code
// bundled, a harness page, the local server and a headless browser.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { chromium } from 'playwright-core';
import puppeteer from 'puppeteer-core';
import { createStaticServer, listen } from './static-server.mjs';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export function benchPaths() {
  const shared = resolve(root, process.env.CLAIMLENS_SHARED ?? '../shared');
  const data = resolve(root, process.env.CLAIMLENS_DATA ?? join(shared, 'data'));
  return {
    shared,
    data,
    pagesDir: join(data, 'extraction', 'readability-test-pages'),
    seed: resolve(process.env.CLAIMLENS_SEED ?? join(shared, 'fixtures', 'seed-article.html')),
    pkg: join(root, 'extension', 'pkg'),
    pack: join(root, 'assets', 'factchecks', 'politifact.clpack'),
    encoder: join(root, 'assets', 'encoder.clenc'),
    model: join(root, 'assets', 'checkworthiness.model'),
    out: join(resolve(root, process.env.CARGO_TARGET_DIR ?? 'target'), 'claimlens-bench'),
  };
}

/** tests/bench/in-page.ts as one classic script that sets `globalThis.__claimlensBench`. */
export async function bundleInPageCode() {
  const result = await esbuild.build({
    entryPoints: [join(root, 'tests', 'bench', 'in-page.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    target: ['chrome114'],
    // The glue's default WASM URL uses import.meta.url; the harness passes the bytes instead.
    define: { 'import.meta.url': '"about:blank"' },
    logLevel: 'warning',
  });
  return result.outputFiles[0].text;
}

/** Cross-origin isolated responses, so performance.now() has 5 µs resolution (Firefox: 1 ms otherwise). */
const ISOLATION = {
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-embedder-policy': 'require-corp',
};

/**
 * Serves, cross-origin isolated, under one origin: the test pages (/pages/),
 * the seed article (/seed/), the WASM (/__bench/), an empty harness page
 * (/__harness/index.html), the pack, encoder and model; plus `extra`
 * sections (`{name: {root, headers?}}`, e.g. a second WASM build).
 */
export async function startBenchServer(paths, extra = {}) {
  const harnessDir = mkdtempSync(join(tmpdir(), 'claimlens-bench-'));
  writeFileSync(join(harnessDir, 'index.html'), '<!doctype html><meta charset="utf-8"><title>ClaimLens benchmark</title><body></body>\n');
  const sections = {
    pages: { root: paths.pagesDir },
    seed: { root: dirname(paths.seed) },
    __bench: { root: paths.pkg },
    __harness: { root: harnessDir },
    __pack: { root: dirname(paths.pack) },
    __encoder: { root: dirname(paths.encoder) },
    __model: { root: dirname(paths.model) },
    ...extra,
  };
  const server = createStaticServer((urlPath) => {
    const [, section, ...rest] = urlPath.split('/');
    const found = Object.hasOwn(sections, section) ? sections[section] : undefined;
    return found && { root: found.root, path: `/${rest.join('/')}`, headers: { ...ISOLATION, ...found.headers } };
  });
  const baseUrl = await listen(server);
  return {
    baseUrl,
    harnessUrl: `${baseUrl}/__harness/index.html`,
    seedUrl: `${baseUrl}/seed/${basename(paths.seed)}`,
    close: async () => {
      await new Promise((done) => server.close(done));
      rmSync(harnessDir, { recursive: true, force: true });
    },
  };
}

/** The URLs of what each WASM instance loads: the module (section `wasmSection`), the default pack and the encoder (the last two when present). */
export function assetUrls(baseUrl, paths, wasmSection = '__bench') {
  return {
    wasm: `${baseUrl}/${wasmSection}/claimlens_bg.wasm`,
    pack: existsSync(paths.pack) ? `${baseUrl}/__pack/${basename(paths.pack)}` : undefined,
    encoder: existsSync(paths.encoder) ? `${baseUrl}/__encoder/${basename(paths.encoder)}` : undefined,
    // Required: the core analyses nothing until the model beside it is loaded.
    model: `${baseUrl}/__model/${basename(paths.model)}`,
  };
}

/**
 * A headless browser with a `newPage()` whose pages offer goto/evaluate/close
 * (the API playwright's and puppeteer's pages share). Requests off `origin`
 * are aborted (Chromium: routing; Firefox: a proxy on a closed local port).
 * Chromium only: `jsFlags`, extra V8 flags; `persistent`, an on-disk profile
 * instead of an off-the-record context (which keeps no compiled-code cache).
 */
export async function launchBrowser(name, origin, { jsFlags = '', persistent = false } = {}) {
  if (name === 'chromium') {
    const options = {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      args: [`--js-flags=--expose-gc ${jsFlags}`.trim()],
    };
    const contextOptions = { bypassCSP: true, viewport: { width: 1280, height: 900 } };
    const userDataDir = persistent ? mkdtempSync(join(tmpdir(), 'claimlens-bench-chromium-')) : undefined;
    const browser = persistent ? undefined : await chromium.launch(options);
    const context = persistent ? await chromium.launchPersistentContext(userDataDir, { ...options, ...contextOptions }) : await browser.newContext(contextOptions);
    // Nothing leaves 127.0.0.1: the pages' scripts, images and fonts elsewhere are aborted.
    await context.route('**/*', (route) => (route.request().url().startsWith(`${origin}/`) ? route.continue() : route.abort()));
    return {
      version: persistent ? context.browser()?.version() ?? 'persistent' : browser.version(),
      newPage: () => context.newPage(),
      async close() {
        await (persistent ? context.close() : browser.close());
        if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
      },
    };
  }
  if (name === 'firefox') {
    const userDataDir = mkdtempSync(join(tmpdir(), 'claimlens-bench-firefox-'));
    const browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
      headless: true,
      userDataDir,
      extraPrefsFirefox: {
        // Every request off 127.0.0.1 goes to a proxy on a closed port and fails
        // at once (localhost itself is never proxied), so nothing downloads.
        'network.proxy.type': 1,
        'network.proxy.http': '127.0.0.1',
        'network.proxy.http_port': 9,
        'network.proxy.ssl': '127.0.0.1',
        'network.proxy.ssl_port': 9,
        'network.proxy.share_proxy_settings': true,
        'network.proxy.no_proxies_on': '127.0.0.1',
      },
    });
    return {
      version: await browser.version(),
      async newPage() {
        const page = await browser.newPage();
        await page.setViewport({ width: 1280, height: 900 });
        return page;
      },
      async close() {
        await browser.close();
        rmSync(userDataDir, { recursive: true, force: true });
      },
    };
  }
  throw new Error(`unknown browser ${name} (chromium or firefox)`);
}

/** A harness page with the in-page code and the target URL in its iframe (nothing loaded yet). */
export async function openHarness(browser, bundle, server, targetUrl) {
  const page = await browser.newPage();
  await page.goto(server.harnessUrl, { waitUntil: 'load' });
  await page.evaluate(bundle);
  await page.evaluate((u) => globalThis.__claimlensBench.openInFrame(u), targetUrl);
  return page;
}
