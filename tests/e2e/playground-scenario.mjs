// The playground (www/) end to end: it analyses the bundled sample on load, a
// local file or pasted text on request, and shows the claims with the
// extension's own highlights, notes, keyboard stepping, filters and panel.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { assertCoversClaims } from './claim-coverage.mjs';
import { HOST_TAG, MESSAGES, defaultFilter, expectedShown, message } from './overlay-names.mjs';
import { centreOfElement, readClaimHighlights, readNamedHighlights, readNote, readPanel } from './page-probes.mjs';
import { PLAYGROUND_PATH, SAMPLE_DIR } from './page-server.mjs';
import { waitFor } from './wait-for.mjs';

/** @param {ReturnType<import('./session.mjs').useSession>} session */
export function describePlayground(session) {
  describe('the playground', () => {
    it('shows the sample with the extension’s highlights, notes, panel, filters and keys; then a file and pasted text', async () => {
      const page = await session.browser.open(session.server.baseUrl + PLAYGROUND_PATH);
      try {
        const { claims } = session.expected;
        const shown = expectedShown(claims, defaultFilter());
        const sample = await waitForHighlights(page, shown, 'the sample analysis');

        const first = sample[0].box;
        await page.click(first.x + first.width / 2, first.y + first.height / 2);
        const note = await waitFor('the note to open', async () => {
          const state = await page.evaluate(readNote, HOST_TAG);
          return state.open && state;
        });
        assert.equal(note.title, MESSAGES.noteCheckworthyClaim.message);
        assert.equal(note.summary, shown[0].claim.note.summary);
        await page.press('Escape');

        // The same panel as the extension's.
        const panel = await page.evaluate(readPanel);
        assert.deepEqual(panel.claims.map((c) => c.id), shown.map(({ claim }) => claim.id));
        assert.equal(panel.live, message('claimsFound', String(shown.length)));
        // A filter applies to the highlights.
        const point = await page.evaluate(centreOfElement, '#claimlens-kind-quantity');
        await page.click(point.x, point.y);
        const filter = defaultFilter();
        filter.kinds.quantity = false;
        await waitForHighlights(page, expectedShown(claims, filter), 'the filtered highlights');
        await page.click(point.x, point.y);
        await waitForHighlights(page, shown, 'the highlights restored');

        // Keys: Alt+Shift+J moves to a claim, Enter opens its note.
        await page.evaluate(() => window.scrollTo(0, 0));
        await page.evaluate(() => document.activeElement?.blur());
        await page.pressChord(['Alt', 'Shift', 'KeyJ']);
        await waitFor('a current claim', async () => (await page.evaluate(readNamedHighlights, '-current$')).length > 0);
        await page.press('Enter');
        await waitFor('Enter to open the note', async () => (await page.evaluate(readNote, HOST_TAG)).open);
        await page.press('Escape');

        await page.chooseFile('#pick-file', join(SAMPLE_DIR, 'article.html'));
        await waitFor('the file to be analysed', async () =>
          (await page.evaluate((selector) => document.querySelector(selector).textContent, '#source')) === 'article.html');
        await waitForHighlights(page, shown, 'the file analysis');
        assert.equal((await page.evaluate(readNote, HOST_TAG)).open, false, 'a new analysis closes the old note');

        // Pasted text goes through analyze_text.
        await page.evaluate(() => {
          document.querySelector('#paste').open = true;
          document.querySelector('#paste-text').value =
            'The council voted 7-2 on Monday to spend $48 million on a flood barrier.\n\nCritics say it will not work.';
        });
        const analyse = await page.evaluate(centreOfElement, '#analyse-text');
        await page.click(analyse.x, analyse.y);
        await waitFor('the pasted text to be analysed', async () =>
          (await page.evaluate(() => document.querySelector('#source').textContent)) === MESSAGES.playgroundPastedLabel.message);
        const pasted = await page.evaluate(readClaimHighlights);
        assert.ok(pasted.some((range) => range.text.includes('$48 million')), 'the pasted claim is highlighted');
        // Every analysis says how long it took here (shown, never asserted on).
        const timings = await page.evaluate(() => document.querySelector('#timings').textContent);
        assert.match(timings, /^Analysed in [0-9]+\.[0-9] ms on this device: snapshot [0-9.]+ ms, analysis [0-9.]+ ms, highlights [0-9.]+ ms\.$/);

        // A share link carries the text in its fragment and opens with it analysed.
        const share = await page.evaluate(centreOfElement, '#share-text');
        await page.click(share.x, share.y);
        const link = await waitFor('the share link', async () => {
          const url = new URL(await page.url());
          return url.hash.includes('text=') && url.href;
        });
        assert.equal(await page.evaluate(() => document.querySelector('#status').textContent), MESSAGES.playgroundShared.message);
        const opened = await session.browser.open(link);
        try {
          await waitFor('the shared text to be analysed', async () =>
            (await opened.evaluate(() => document.querySelector('#source').textContent)) === MESSAGES.playgroundSharedLabel.message);
          const sharedRanges = await opened.evaluate(readClaimHighlights);
          assert.ok(sharedRanges.some((range) => range.text.includes('$48 million')), 'the shared claim is highlighted');
          assert.match(await opened.evaluate(() => document.querySelector('#paste-text').value), /^The council voted 7-2 on Monday/);
        } finally {
          await opened.close();
        }
      } finally {
        await page.close();
      }
    });
  });
}

function waitForHighlights(page, shown, what) {
  const want = shown.map(({ claim }) => claim.text.replace(/\s+/g, '')).join('');
  return waitFor(what, async () => {
    const ranges = await page.evaluate(readClaimHighlights);
    if (ranges.length === 0 || ranges.map((range) => range.text.replace(/\s+/g, '')).join('') !== want) return undefined;
    assertCoversClaims(ranges, shown.map(({ claim }) => claim), 'shown');
    return ranges;
  });
}
