// Helpers for the extension's own pages (options.html, notes.html, panel.html)
// in the e2e tests: open one, wait until it has started, click an element, read text.
import assert from 'node:assert/strict';
import { waitFor } from './wait-for.mjs';

/** Opens the extension page `path` and waits for its script to finish starting. */
export async function openReady(session, path) {
  const page = await session.browser.openExtensionPage(path);
  await waitReady(page);
  return page;
}

export async function waitReady(page) {
  await waitFor('the extension page to start', () => page.evaluate(() => document.body?.dataset.ready === 'true'));
}

/**
 * Clicks the centre of the first element matching `selector` with the mouse,
 * as a reader would: only once the element has stopped moving and is what
 * the pointer would hit there. The panel re-renders as status messages
 * arrive, and a click aimed at where a checkbox was a moment before lands
 * on nothing (seen in CI: a filter or the off switch "stayed" as it was).
 */
export async function clickElement(page, selector) {
  let previous = null;
  const centre = await waitFor(`${selector} to be visible, still and on top`, async () => {
    const now = await page.evaluate((s) => {
      const element = document.querySelector(s);
      if (!element) return null;
      element.scrollIntoView({ block: 'center' });
      const box = element.getBoundingClientRect();
      if (box.width <= 0 || box.height <= 0) return null;
      const x = box.x + box.width / 2;
      const y = box.y + box.height / 2;
      const hit = document.elementFromPoint(x, y);
      const onTop = hit !== null && (hit === element || element.contains(hit) || hit === element.labels?.[0]);
      return onTop ? { x, y } : null;
    }, selector);
    const still = now !== null && previous !== null && now.x === previous.x && now.y === previous.y;
    previous = now;
    return still && now;
  });
  await page.click(centre.x, centre.y);
}

export function textOf(page, selector) {
  return page.evaluate((s) => document.querySelector(s)?.textContent ?? null, selector);
}

/** The claims panel page, pinned to the article's tab (found by its address: the toolbar click granted access to it). */
export async function openPanel(session, page) {
  const url = await page.evaluate(() => location.href);
  const probe = await session.browser.open(session.browser.extensionUrl('panel.html'));
  const tabId = await probe.evaluate(async (want) => {
    const tabs = await (globalThis.browser ?? chrome).tabs.query({});
    return tabs.find((tab) => tab.url === want)?.id;
  }, url);
  await probe.close();
  assert.ok(tabId, 'the article tab is visible to the extension');
  return session.browser.open(session.browser.extensionUrl(`panel.html?tab=${tabId}`));
}

/** Empties the extension's storage and notes database, so a test starts from nothing. */
export function resetExtensionData(session) {
  return session.resetData();
}
