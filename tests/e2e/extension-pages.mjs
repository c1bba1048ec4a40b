// Helpers for the extension's own pages (options.html, notes.html) in the
// e2e tests: wait until a page has started, click an element, read text.
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

/** Clicks the centre of the first element matching `selector` with the mouse. */
export async function clickElement(page, selector) {
  const centre = await waitFor(`${selector} to be visible`, () =>
    page.evaluate((s) => {
      const element = document.querySelector(s);
      if (!element) return null;
      element.scrollIntoView({ block: 'center' });
      const box = element.getBoundingClientRect();
      return box.width > 0 && box.height > 0 ? { x: box.x + box.width / 2, y: box.y + box.height / 2 } : null;
    }, selector),
  );
  await page.click(centre.x, centre.y);
}

export function textOf(page, selector) {
  return page.evaluate((s) => document.querySelector(s)?.textContent ?? null, selector);
}

/** Empties the extension's storage and notes database, so a test starts from nothing. */
export async function resetExtensionData(session) {
  const page = await openReady(session, 'notes.html');
  try {
    await page.evaluate(async () => {
      const api = globalThis.browser ?? chrome;
      const reply = await api.runtime.sendMessage({ type: 'notes-delete-all' });
      if (reply?.type !== 'notes-ok') throw new Error(`notes-delete-all: ${JSON.stringify(reply)}`);
      await api.storage.local.clear();
      await api.storage.sync.clear();
    });
  } finally {
    await page.close();
  }
}
