// Chromium through playwright-core, with the unpacked extension loaded.
//
// Keyboard commands cannot be pressed here: CDP marks the key events it
// dispatches as not for the browser's own shortcut handling, so a command's
// shortcut never reaches the extension. `runCommand` sends, from the service
// worker, the message the background's command handler sends; the manifest's
// shortcuts are checked through commands.getAll() instead.
//
// The toolbar click is real: CDP's Extensions.triggerAction runs the
// extension's action on a tab exactly as a click on its toolbar button does
// (action.onClicked fires and activeTab is granted). Chromium allows it only
// with --enable-unsafe-extension-debugging over a pipe connection, which is
// how playwright connects.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { pageInput } from './page-input.mjs';

const EXECUTABLE = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchChromium(extensionDir, viewport) {
  const profile = mkdtempSync(join(tmpdir(), 'claimlens-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: EXECUTABLE,
    headless: true,
    viewport,
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--enable-unsafe-extension-debugging',
    ],
  });
  let worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  // A stopped service worker starts again on the next event: keep the handle to the live one.
  context.on('serviceworker', (started) => {
    worker = started;
  });
  const extensionId = new URL(worker.url()).host;
  const cdp = await context.browser().newBrowserCDPSession();

  async function clickToolbarButton(page) {
    await page.bringToFront();
    const { targetInfos } = await cdp.send('Target.getTargets', { filter: [{ type: 'tab' }] });
    const tabs = targetInfos.filter((target) => target.url === page.url());
    if (tabs.length !== 1) {
      throw new Error(`expected one tab at ${page.url()}, found ${tabs.length}`);
    }
    await cdp.send('Extensions.triggerAction', { id: extensionId, targetId: tabs[0].targetId });
  }

  /** The badge the toolbar button shows for the page's tab, as the extension set it. */
  async function toolbarBadge(page) {
    await page.bringToFront();
    return worker.evaluate(async () => {
      const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      return chrome.action.getBadgeText({ tabId: tab.id });
    });
  }

  /** The toolbar button's tooltip for the page's tab. */
  async function toolbarTitle(page) {
    await page.bringToFront();
    return worker.evaluate(async () => {
      const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      return chrome.action.getTitle({ tabId: tab.id });
    });
  }

  /** What the background's commands.onCommand handler sends to the active tab for each command. */
  const COMMAND_MESSAGES = {
    'next-claim': { type: 'step-claim', direction: 1 },
    'previous-claim': { type: 'step-claim', direction: -1 },
  };

  async function runCommand(page, name) {
    if (name === '_execute_action') return clickToolbarButton(page);
    await page.bringToFront();
    return worker.evaluate(async (message) => {
      const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      return chrome.tabs.sendMessage(tab.id, message, { frameId: 0 });
    }, COMMAND_MESSAGES[name]);
  }

  function wrap(page) {
    return {
      ...pageInput(page),
      goto: async (url) => {
        await page.goto(url);
      },
      reload: async () => {
        await page.reload();
      },
      url: async () => page.url(),
      runCommand: (name) => runCommand(page, name),
      setColorScheme: (scheme) => page.emulateMedia({ colorScheme: scheme }),
      // Browser zoom is a smaller CSS viewport at a higher device-pixel ratio;
      // Playwright's own call cannot set the ratio on a persistent context, so CDP does.
      setViewport: async ({ width, height, deviceScaleFactor }) => {
        if (!deviceScaleFactor) return page.setViewportSize({ width, height });
        const cdp = await page.context().newCDPSession(page);
        await cdp.send('Emulation.setDeviceMetricsOverride', { width, height, deviceScaleFactor, mobile: false });
      },
      chooseFile: (selector, path) => page.setInputFiles(selector, path),
      clickToolbarButton: () => clickToolbarButton(page),
      toolbarBadge: () => toolbarBadge(page),
      toolbarTitle: () => toolbarTitle(page),
    };
  }

  /** The chrome-extension:// address of a file in the extension. */
  const extensionUrl = (path) => `chrome-extension://${extensionId}/${path}`;

  async function open(url) {
    const page = await context.newPage();
    await page.goto(url);
    return wrap(page);
  }

  /** Stops the extension's service worker, as Chromium does when it is idle; the next event starts it afresh. */
  async function restartBackground() {
    const { targetInfos } = await cdp.send('Target.getTargets', { filter: [{ type: 'service_worker' }] });
    const ours = targetInfos.filter((target) => target.url.startsWith(`chrome-extension://${extensionId}/`));
    if (ours.length !== 1) throw new Error(`expected one service worker of the extension, found ${ours.length}`);
    const stopped = worker;
    await cdp.send('Target.closeTarget', { targetId: ours[0].targetId });
    // Until the stop is complete a message could still reach the old worker.
    for (let i = 0; i < 100 && worker === stopped; i++) {
      const { targetInfos: now } = await cdp.send('Target.getTargets', { filter: [{ type: 'service_worker' }] });
      if (!now.some((target) => target.targetId === ours[0].targetId)) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  return {
    name: 'chromium',
    restartBackground,
    /** Runs `fn(arg)` in the extension's service worker (the one running now). */
    evaluateInBackground: (fn, arg) => worker.evaluate(fn, arg),
    extensionUrl,
    open,
    /** The extension's own page at `path` (e.g. "options.html"), as a tab. */
    openExtensionPage: (path) => open(extensionUrl(path)),
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
