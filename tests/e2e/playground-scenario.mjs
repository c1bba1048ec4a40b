// The playground (www/) end to end: it analyses the bundled sample on load
// and a local file on request, and shows the claims with the extension's
// highlights and notes.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { assertCoversClaims } from './claim-coverage.mjs';
import { CHECKWORTHY, HIGHLIGHT_NAMES, HOST_TAG, MESSAGES, OTHER_CLAIMS } from './overlay-names.mjs';
import { readHighlights, readNote } from './page-probes.mjs';
import { PLAYGROUND_PATH, SAMPLE_DIR } from './page-server.mjs';
import { waitFor } from './wait-for.mjs';

/** @param {ReturnType<import('./session.mjs').useSession>} session */
export function describePlayground(session) {
  describe('the playground', () => {
    it('shows the sample article analysed, and a local HTML file on request', async () => {
      const page = await session.browser.open(session.server.baseUrl + PLAYGROUND_PATH);
      try {
        const { claims } = session.expected;
        const sample = await waitForHighlights(page, 'the sample analysis');
        assertHighlightsMatch(sample, claims);

        const first = sample[CHECKWORTHY][0].box;
        await page.click(first.x + first.width / 2, first.y + first.height / 2);
        const note = await waitFor('the note to open', async () => {
          const state = await page.evaluate(readNote, HOST_TAG);
          return state.open && state;
        });
        assert.equal(note.kind, MESSAGES.noteCheckworthyClaim.message);
        assert.equal(note.summary, claims.find((claim) => claim.checkworthy).note.summary);

        await page.chooseFile('#pick-file', join(SAMPLE_DIR, 'article.html'));
        await waitFor('the file to be analysed', async () =>
          (await page.evaluate((selector) => document.querySelector(selector).textContent, '#source')) === 'article.html');
        assertHighlightsMatch(await waitForHighlights(page, 'the file analysis'), claims);
        assert.equal((await page.evaluate(readNote, HOST_TAG)).hosts, 0, 'a new analysis closes the old note');
      } finally {
        await page.close();
      }
    });
  });
}

function waitForHighlights(page, what) {
  return waitFor(what, async () => {
    const highlights = await page.evaluate(readHighlights, HIGHLIGHT_NAMES);
    return highlights[CHECKWORTHY] && highlights;
  });
}

function assertHighlightsMatch(highlights, claims) {
  assertCoversClaims(highlights[CHECKWORTHY], claims.filter((claim) => claim.checkworthy), 'check-worthy');
  assertCoversClaims(highlights[OTHER_CLAIMS] ?? [], claims.filter((claim) => !claim.checkworthy), 'other');
}
