// The README's pictures, rendered from the built extension in headless
// Chromium: the sample article highlighted with a note open, and the claims
// panel. scripts/readme-pictures.mjs writes them into docs/img/; the e2e
// suite renders them too (into tests/artifacts/), so they stay renderable.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { openPanel } from './extension-pages.mjs';
import { HOST_TAG, defaultFilter, expectedShown } from './overlay-names.mjs';
import { readClaimHighlights, readPanel } from './page-probes.mjs';
import { readClaim, readOverlay, scrollClaimTo } from './reader-probes.mjs';
import { waitFor } from './wait-for.mjs';

export const PICTURES = { note: 'claimlens-note.png', panel: 'claimlens-panel.png' };
const ARTICLE_VIEWPORT = { width: 1200, height: 900 };
const PANEL_VIEWPORT = { width: 440, height: 1300 };

/**
 * Renders both pictures into `dir`; returns their paths. `session` is a
 * useSession() of Chromium (the sample article's expected analysis included).
 */
export async function renderReadmePictures(session, dir) {
  await session.resetData();
  const page = await session.browser.open(`${session.server.baseUrl}/plain/article.html`);
  const paths = { note: join(dir, PICTURES.note), panel: join(dir, PICTURES.panel) };
  try {
    await page.setViewport(ARTICLE_VIEWPORT);
    await page.clickToolbarButton();
    await waitFor('the claims to be highlighted', async () => (await page.evaluate(readClaimHighlights)).length > 0);
    // The quoted official's claim: its note shows the sourcing, the role and what to check.
    const shown = expectedShown(session.expected.claims, defaultFilter()).map(({ claim }) => claim);
    const claim = shown.find((candidate) => candidate.sourcing.kind === 'named') ?? shown[0];
    await page.evaluate(scrollClaimTo, { text: claim.text, edge: 'top', gap: 300 });
    const drawn = await page.evaluate(readClaim, { text: claim.text });
    await page.click(drawn.point.x, drawn.point.y);
    await waitFor('the note to open', async () => (await page.evaluate(readOverlay, HOST_TAG)).note?.claimId === claim.id);
    // The pointer off the text, focus marks off: the picture shows what a reader sees.
    await page.hover(5, ARTICLE_VIEWPORT.height - 5);
    await page.screenshotTo(paths.note);

    const panel = await openPanel(session, page);
    try {
      await panel.setViewport(PANEL_VIEWPORT);
      await waitFor('the panel to list the claims', async () => (await panel.evaluate(readPanel)).claims.length > 0);
      await panel.screenshotTo(paths.panel);
    } finally {
      await panel.close();
    }
  } finally {
    await page.close();
  }
  assert.ok(paths.note && paths.panel);
  return paths;
}
