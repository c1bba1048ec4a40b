// The extension's end-to-end scenario, the same for every browser: on each
// article page, a toolbar click highlights the claims the core finds, a click
// on a highlight opens that claim's note, further toolbar clicks hide and
// restore the highlights, and the page's own DOM never changes.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertCoversClaims } from './claim-coverage.mjs';
import { CHECKWORTHY, HIGHLIGHT_NAMES, HOST_TAG, MESSAGES, OTHER_CLAIMS } from './overlay-names.mjs';
import { centreOf, readHighlights, readNote, serializeDomWithoutHost } from './page-probes.mjs';
import { ARTICLE_PAGES, NO_ARTICLE_PATH } from './page-server.mjs';
import { waitFor } from './wait-for.mjs';

/** @param {ReturnType<import('./session.mjs').useSession>} session */
export function describeExtension(session) {
  describe('the extension', () => {
    for (const { name, path } of ARTICLE_PAGES) {
      it(`highlights claims, opens notes and toggles on ${name}`, async () => {
        const page = await session.browser.open(session.server.baseUrl + path);
        try {
          await runScenario(page, session.expected);
        } finally {
          await page.close();
        }
      });
    }

    it('says so on the toolbar button, and leaves the page alone, when there is no article', async () => {
      const page = await session.browser.open(session.server.baseUrl + NO_ARTICLE_PATH);
      try {
        const pristineDom = await page.evaluate(serializeDomWithoutHost, HOST_TAG);
        await page.clickToolbarButton();
        await waitFor('the failure badge', async () => (await page.toolbarBadge()) === MESSAGES.badgeFailed.message);
        assert.deepEqual(await page.evaluate(readHighlights, HIGHLIGHT_NAMES), { [CHECKWORTHY]: null, [OTHER_CLAIMS]: null });
        assert.equal((await page.evaluate(readNote, HOST_TAG)).hosts, 0);
        assert.equal(await page.evaluate(serializeDomWithoutHost, HOST_TAG), pristineDom);
      } finally {
        await page.close();
      }
    });
  });
}

async function runScenario(page, expected) {
  const pristineDom = await page.evaluate(serializeDomWithoutHost, HOST_TAG);
  assert.deepEqual(await page.evaluate(readHighlights, HIGHLIGHT_NAMES), { [CHECKWORTHY]: null, [OTHER_CLAIMS]: null },
    'nothing is highlighted before the toolbar button is clicked');

  // First click: inject, analyse, highlight.
  await page.clickToolbarButton();
  const shown = await waitFor('highlights after the first click', async () => {
    const highlights = await page.evaluate(readHighlights, HIGHLIGHT_NAMES);
    return highlights[CHECKWORTHY] && highlights;
  });
  assertCoversClaims(shown[CHECKWORTHY], expected.claims.filter((claim) => claim.checkworthy), 'check-worthy');
  assertCoversClaims(shown[OTHER_CLAIMS] ?? [], expected.claims.filter((claim) => !claim.checkworthy), 'other');
  assert.ok(!shown[CHECKWORTHY].some((range) => range.inComments), 'no highlight in the comment section');
  const claimCount = String(expected.claims.length);
  await waitFor('the claim count on the toolbar button', async () => (await page.toolbarBadge()) === claimCount);
  const firstRange = shown[CHECKWORTHY][0];
  const clip = padded(firstRange.box);
  const paintedShot = await page.screenshot(clip);

  // A click on the first check-worthy claim opens its note.
  const firstClaim = expected.claims.find((claim) => claim.checkworthy);
  await page.click(firstRange.box.x + firstRange.box.width / 2, firstRange.box.y + firstRange.box.height / 2);
  const note = await waitFor('the note to open', async () => {
    const state = await page.evaluate(readNote, HOST_TAG);
    return state.open && state;
  });
  assert.equal(note.hosts, 1, 'exactly one popover host');
  assert.ok(note.hostIsChildOfRoot, 'the host is appended to <html>');
  assert.equal(note.kind, MESSAGES.noteCheckworthyClaim.message);
  assert.equal(note.summary, firstClaim.note.summary);
  assert.deepEqual(note.links, firstClaim.note.links.map((link) => new URL(link.url).href));

  // A click elsewhere closes it (popover light dismiss), and opens nothing.
  const notice = await page.evaluate(centreOf, '.fiction-notice');
  await page.click(notice.x, notice.y);
  await waitFor('the note to close', async () => !(await page.evaluate(readNote, HOST_TAG)).open);

  assert.equal(await page.evaluate(serializeDomWithoutHost, HOST_TAG), pristineDom,
    'apart from the popover host, the page DOM is unchanged');

  // Second click: hidden, popover host gone.
  await page.clickToolbarButton();
  await waitFor('highlights to be removed', async () => {
    const highlights = await page.evaluate(readHighlights, HIGHLIGHT_NAMES);
    return highlights[CHECKWORTHY] === null && highlights[OTHER_CLAIMS] === null;
  });
  assert.equal((await page.evaluate(readNote, HOST_TAG)).hosts, 0, 'hiding removes the popover host');
  await waitFor('the badge to clear', async () => (await page.toolbarBadge()) === '');
  assert.notDeepEqual(await page.screenshot(clip), paintedShot, 'the highlight was painted, and is gone');

  // Third click: the same highlights again.
  await page.clickToolbarButton();
  const restored = await waitFor('highlights to be restored', async () => {
    const highlights = await page.evaluate(readHighlights, HIGHLIGHT_NAMES);
    return highlights[CHECKWORTHY] && highlights;
  });
  assert.deepEqual(restored, shown);
  await waitFor('the claim count to return', async () => (await page.toolbarBadge()) === claimCount);
  assert.deepEqual(await page.screenshot(clip), paintedShot, 'the restored highlight paints as before');

  assert.equal(await page.evaluate(serializeDomWithoutHost, HOST_TAG), pristineDom, 'the page DOM is unchanged');
}

function padded(box) {
  return { x: Math.floor(box.x) - 2, y: Math.floor(box.y) - 2, width: Math.ceil(box.width) + 4, height: Math.ceil(box.height) + 4 };
}
