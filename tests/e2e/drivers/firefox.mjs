// Firefox ESR through puppeteer-core (WebDriver BiDi), with the extension
// installed as a temporary add-on.
//
// Keyboard commands are real: Firefox turns each manifest shortcut into a
// <key> element in the browser window, and `runCommand` fires that element's
// command, which is what pressing the shortcut does (commands.onCommand runs
// and grants activeTab). Colour scheme and permissions are set through the
// browser window too (prefs, ExtensionPermissions), as a user's settings would.
//
// The toolbar click is real: with --remote-allow-system-access, BiDi may run
// script in the browser window itself, where the test pins the extension's
// button to the toolbar (as a user would) and clicks it. action.onClicked
// fires and activeTab is granted exactly as for a user's click. The badge is
// read from the same button.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { pageInput } from './page-input.mjs';

const EXECUTABLE = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

export async function launchFirefox(extensionDir, viewport) {
  const profile = mkdtempSync(join(tmpdir(), 'claimlens-firefox-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: EXECUTABLE,
    headless: true,
    userDataDir: profile,
    defaultViewport: viewport,
    args: ['--remote-allow-system-access'],
  });
  const extensionId = await browser.installExtension(extensionDir);

  /** Runs `expression` in the browser window's chrome (not in a web page). */
  async function evaluateInBrowserWindow(expression) {
    // Puppeteer has no public API for chrome-scope contexts; its BiDi connection does.
    const { connection } = browser;
    const { result: tree } = await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
    const window = tree.contexts.find((context) => context.url === 'chrome://browser/content/browser.xhtml');
    const { result } = await connection.send('script.evaluate', {
      expression,
      target: { context: window.context },
      awaitPromise: true,
    });
    if (result.type !== 'success') {
      throw new Error(`browser window script failed: ${result.exceptionDetails.text}`);
    }
    return result.result.value;
  }

  /**
   * Script for the browser window that pins the extension's action button to
   * the toolbar (new extensions start in the extensions menu) as `button`.
   */
  const findActionButton = `
    const { ExtensionCommon } = ChromeUtils.importESModule('resource://gre/modules/ExtensionCommon.sys.mjs');
    const widgetId = ExtensionCommon.makeWidgetId(${JSON.stringify(extensionId)}) + '-browser-action';
    const widget = CustomizableUI.getWidget(widgetId);
    if (!widget) throw new Error('no toolbar widget ' + widgetId);
    CustomizableUI.addWidgetToArea(widgetId, CustomizableUI.AREA_NAVBAR);
    const button = widget.forWindow(window).node?.querySelector('.unified-extensions-item-action-button');
    if (!button) throw new Error('no action button in ' + widgetId);`;

  async function clickToolbarButton(page) {
    await page.bringToFront();
    await evaluateInBrowserWindow(`(() => { ${findActionButton} button.click(); })()`);
  }

  /** The badge the toolbar button shows for the page's tab. */
  async function toolbarBadge(page) {
    await page.bringToFront();
    return evaluateInBrowserWindow(`(() => { ${findActionButton} return button.getAttribute('badge') ?? ''; })()`);
  }

  /** The toolbar button's tooltip for the page's tab. */
  async function toolbarTitle(page) {
    await page.bringToFront();
    return evaluateInBrowserWindow(
      `(() => { ${findActionButton} return button.getAttribute('tooltiptext') ?? button.getAttribute('label') ?? ''; })()`,
    );
  }

  // Extension pages live at moz-extension://<a per-profile UUID>/, which only the browser knows.
  const extensionBase = await evaluateInBrowserWindow(
    `WebExtensionPolicy.getByID(${JSON.stringify(extensionId)}).getURL('')`,
  );

  /** Fires the <key> Firefox made for a manifest shortcut such as "Alt+Shift+J". */
  async function runCommand(page, shortcut) {
    await page.bringToFront();
    const parts = shortcut.split('+');
    const key = parts.pop();
    const modifiers = parts.map((part) => ({ Alt: 'alt', Shift: 'shift', Ctrl: 'accel', Command: 'accel', MacCtrl: 'control' })[part]).sort().join(',');
    await evaluateInBrowserWindow(`(() => {
      const keyset = document.getElementById('ext-keyset-id-' + ${JSON.stringify(extensionId)}.replace(/[^a-z0-9_-]/gi, '_'));
      const key = [...(keyset?.children ?? [])].find((k) => k.getAttribute('key') === ${JSON.stringify(key)} &&
        (k.getAttribute('modifiers') ?? '').split(',').sort().join(',') === ${JSON.stringify(modifiers)});
      if (!key) throw new Error('no <key> for ${shortcut}');
      key.doCommand();
    })()`);
  }

  /**
   * Navigates `page` to `url`. Puppeteer's goto never sees a navigation into
   * the extension's process finish (it times out, though the page loads), so
   * extension pages are navigated over raw BiDi without waiting, then polled
   * until the document is there (generously: the machine may be loaded).
   */
  async function navigate(page, url) {
    if (!url.startsWith(extensionBase)) {
      await page.goto(url);
      return;
    }
    await browser.connection.send('browsingContext.navigate', { context: page.mainFrame()._id, url, wait: 'none' });
    const deadline = Date.now() + 60_000;
    for (;;) {
      // While the old document goes away, evaluate may fail: poll again.
      const state = await page.evaluate(() => [location.href, document.readyState]).catch(() => undefined);
      if (state && state[0] === url && state[1] === 'complete') return;
      if (Date.now() > deadline) throw new Error(`the extension page ${url} did not load`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  function wrap(page) {
    return {
      ...pageInput(page),
      goto: (url) => navigate(page, url),
      reload: async () => {
        const url = await page.evaluate(() => location.href);
        if (url.startsWith(extensionBase)) await navigate(page, url);
        else await page.reload();
      },
      url: () => page.evaluate(() => location.href),
      runCommand: (name, shortcut) => runCommand(page, shortcut),
      // A browser-wide pref (every page, extension pages included), as the reader's theme would be.
      setColorScheme: (scheme) =>
        evaluateInBrowserWindow(`Services.prefs.setIntPref('layout.css.prefers-color-scheme.content-override', ${scheme === 'dark' ? 0 : 1})`),
      setViewport: (size) => page.setViewport(size),
      chooseFile: async (selector, path) => (await page.$(selector)).uploadFile(path),
      clickToolbarButton: () => clickToolbarButton(page),
      toolbarBadge: () => toolbarBadge(page),
      toolbarTitle: () => toolbarTitle(page),
    };
  }

  function grantPermissions({ origins = [], data_collection = [] }) {
    return evaluateInBrowserWindow(`(async () => {
      const { ExtensionPermissions } = ChromeUtils.importESModule('resource://gre/modules/ExtensionPermissions.sys.mjs');
      const policy = WebExtensionPolicy.getByID(${JSON.stringify(extensionId)});
      await ExtensionPermissions.add(policy.id, { permissions: [], origins: ${JSON.stringify(origins)}, data_collection: ${JSON.stringify(data_collection)} }, policy.extension);
      return true;
    })()`);
  }

  /** The moz-extension:// address of a file in the extension. */
  const extensionUrl = (path) => extensionBase + path;

  async function open(url) {
    const page = await browser.newPage();
    await navigate(page, url);
    return wrap(page);
  }

  return {
    name: 'firefox',
    extensionUrl,
    open,
    /** The extension's own page at `path` (e.g. "options.html"), as a tab. */
    openExtensionPage: (path) => open(extensionUrl(path)),
    /** Grants an optional host permission as the reader's "Allow" would. */
    grantOrigin: (origin) => grantPermissions({ origins: [origin] }),
    /**
     * Grants optional permissions as the reader's "Allow" in the prompt would:
     * `{origins, data_collection}` (Firefox's optional data-collection permissions).
     */
    grantPermissions,
    /** The id of the sidebar panel Firefox shows, or null when the sidebar is closed. */
    openSidebar: () =>
      evaluateInBrowserWindow(`(() => { const s = window.SidebarController ?? window.SidebarUI; return (s.isOpen && s.currentID) || null; })()`),
    /**
     * Stops the extension's event page, as Firefox does when it is idle (about:debugging's
     * "Terminate background script"); the next event starts it afresh, with no memory of this one.
     */
    restartBackground: () =>
      evaluateInBrowserWindow(
        `(async () => { await WebExtensionPolicy.getByID(${JSON.stringify(extensionId)}).extension.terminateBackground({ ignoreDevToolsAttached: true }); return true; })()`,
      ),
    /** Closes the sidebar (the panel in it would otherwise live on into later tests). */
    closeSidebar: () => evaluateInBrowserWindow(`(() => { (window.SidebarController ?? window.SidebarUI).hide(); return true; })()`),
    async close() {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
