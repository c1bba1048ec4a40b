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

  return {
    name: 'firefox',
    /** Grants an optional host permission as the reader's "Allow" would. */
    grantOrigin: (origin) =>
      evaluateInBrowserWindow(`(async () => {
        const { ExtensionPermissions } = ChromeUtils.importESModule('resource://gre/modules/ExtensionPermissions.sys.mjs');
        const policy = WebExtensionPolicy.getByID(${JSON.stringify(extensionId)});
        await ExtensionPermissions.add(policy.id, { permissions: [], origins: [${JSON.stringify(origin)}] }, policy.extension);
        return true;
      })()`),
    /** The id of the sidebar panel Firefox shows, or null when the sidebar is closed. */
    openSidebar: () =>
      evaluateInBrowserWindow(`(() => { const s = window.SidebarController ?? window.SidebarUI; return s.isOpen ? s.currentID : null; })()`),
    /** The moz-extension:// address of a file in the extension. */
    extensionUrl: (path) =>
      evaluateInBrowserWindow(`WebExtensionPolicy.getByID(${JSON.stringify(extensionId)}).getURL(${JSON.stringify(path)})`),
    async open(url) {
      const page = await browser.newPage();
      if (url.startsWith('moz-extension:')) {
        // BiDi reports no load for extension pages: start it, then wait for the document.
        page.goto(url).catch(() => {});
        await waitForDocument(page, url);
      } else {
        await page.goto(url);
      }
      return {
        evaluate: (fn, arg) => page.evaluate(fn, arg),
        click: (x, y) => page.mouse.click(x, y),
        pressKey: (key) => page.keyboard.press(key),
        /** Holds each key down in turn, then lets go in reverse: a chord such as ['Alt', 'Shift', 'KeyJ']. */
        pressChord: async (keys) => {
          for (const key of keys) await page.keyboard.down(key);
          for (const key of [...keys].reverse()) await page.keyboard.up(key);
        },
        runCommand: (name, shortcut) => runCommand(page, shortcut),
        // A browser-wide pref (every page, extension pages included), as the reader's theme would be.
        setColorScheme: (scheme) =>
          evaluateInBrowserWindow(`Services.prefs.setIntPref('layout.css.prefers-color-scheme.content-override', ${scheme === 'dark' ? 0 : 1})`),
        screenshot: (clip) => page.screenshot(clip ? { clip } : {}),
        screenshotTo: (path) => page.screenshot({ path }),
        chooseFile: async (selector, path) => (await page.$(selector)).uploadFile(path),
        clickToolbarButton: () => clickToolbarButton(page),
        toolbarBadge: () => toolbarBadge(page),
        bringToFront: () => page.bringToFront(),
        close: () => page.close(),
      };
    },
    async close() {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

async function waitForDocument(page, url) {
  const deadline = Date.now() + 15_000;
  for (;;) {
    try {
      if (await page.evaluate((want) => location.href === want && document.readyState === 'complete', url)) return;
    } catch {
      // the old document is going away
    }
    if (Date.now() > deadline) throw new Error(`timed out opening ${url}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
