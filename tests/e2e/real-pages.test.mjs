// The reader's experience on real news pages (needs ../shared/data): pages
// of Readability.js's test suite, served from 127.0.0.1 frozen as the parser
// built them (no script, no external style), in Chromium and Firefox with the
// built extension. On each, every highlighted claim that is partly a link is
// reached through its "Note" button (the link itself left alone), the others
// by a click on their text, and every note opens clear of its claim and
// inside the viewport. Skipped, saying where it looked, without the data.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createStaticServer, listen } from '../../scripts/lib/static-server.mjs';
import { launchChromium } from './drivers/chromium.mjs';
import { launchFirefox } from './drivers/firefox.mjs';
import { analyzeWithCli } from './expected-analysis.mjs';
import { HOST_TAG, defaultFilter, expectedShown } from './overlay-names.mjs';
import { readClaimHighlights } from './page-probes.mjs';
import { readClaim, readOverlay, scrollClaimTo } from './reader-probes.mjs';
import { useSession } from './session.mjs';
import { waitFor } from './wait-for.mjs';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const DATA = process.env.CLAIMLENS_DATA ?? join(REPO, '..', 'shared', 'data');
const PAGES_DIR = join(DATA, 'extraction', 'readability-test-pages');
/** No script runs and nothing loads; inline styles stay (see data_parity.test.mjs). */
const FROZEN_CSP = "default-src 'none'; style-src 'unsafe-inline'";
/** English news pages that link inside their sentences. */
const PAGES = ['guardian-1', 'nytimes-1', 'wapo-1', 'bbc-1', 'herald-sun-1', 'cnn'];
/** Claims opened per page: the linked ones first, then others, to bound the run time. */
const CLAIMS_PER_PAGE = 6;

const expectedByPage = new Map();
const linkedOpened = new Map();

function describeRealPages(browserName, launch, build) {
  describe(`${browserName}: real news pages`, () => {
    const session = useSession(launch, build);
    let pages;
    before(async () => {
      if (!existsSync(PAGES_DIR)) return;
      const server = createStaticServer((urlPath) => ({ root: PAGES_DIR, path: urlPath, headers: { 'content-security-policy': FROZEN_CSP } }));
      pages = { server, baseUrl: await listen(server) };
    });
    after(() => new Promise((resolve) => (pages ? pages.server.close(resolve) : resolve())));

    for (const name of PAGES) {
      it(`${name}: claims in links open through their Note button, the others by a click, and no note covers its claim`, async (t) => {
        if (!pages) {
          t.skip(`no data in ${PAGES_DIR}`);
          return;
        }
        const url = `${pages.baseUrl}/${name}/source.html`;
        if (!expectedByPage.has(name)) expectedByPage.set(name, analyzeWithCli(join(PAGES_DIR, name, 'source.html'), url));
        const claims = expectedShown(expectedByPage.get(name).claims, defaultFilter()).map(({ claim }) => claim);
        await session.resetData();
        const page = await session.browser.open(url);
        try {
          await page.clickToolbarButton();
          await waitFor('the claims to be highlighted', async () => (await page.evaluate(readClaimHighlights)).length > 0, 30_000);
          const drawn = [];
          for (const claim of claims) {
            if (!(await page.evaluate(scrollClaimTo, { text: claim.text, edge: 'top', gap: 220 }))) continue;
            const onLink = await page.evaluate(readClaim, { text: claim.text, onLink: true });
            drawn.push({ claim, linked: Boolean(onLink?.point) });
          }
          const chosen = [...drawn.filter((entry) => entry.linked), ...drawn.filter((entry) => !entry.linked)].slice(0, CLAIMS_PER_PAGE);
          assert.ok(chosen.length > 0, 'some claims are drawn on the page');
          let linked = 0;
          for (const { claim, linked: isLinked } of chosen) {
            await page.evaluate(scrollClaimTo, { text: claim.text, edge: 'top', gap: 220 });
            if (isLinked) {
              const onLink = await page.evaluate(readClaim, { text: claim.text, onLink: true });
              await page.hover(onLink.point.x, onLink.point.y);
              const last = onLink.boxes[onLink.boxes.length - 1];
              // This claim's button: on its last line (the previous claim's may linger a moment).
              const button = await waitFor(`the Note button of “${claim.text.slice(0, 50)}”`, async () => {
                const state = await page.evaluate(readOverlay, HOST_TAG);
                return state.button && state.button.rect.top < last.bottom && state.button.rect.bottom > last.top && state;
              });
              const centre = { x: (button.button.rect.left + button.button.rect.right) / 2, y: (button.button.rect.top + button.button.rect.bottom) / 2 };
              await page.hover(centre.x, centre.y);
              await page.click(centre.x, centre.y);
              linked++;
            } else {
              const off = await page.evaluate(readClaim, { text: claim.text });
              if (!off.point) continue; // all of it is a link in a part not on screen
              await page.click(off.point.x, off.point.y);
            }
            const opened = await waitFor(`the note of “${claim.text.slice(0, 50)}”`, async () => {
              const state = await page.evaluate(readOverlay, HOST_TAG);
              return state.note && state;
            });
            // By text: the CLI's ids and the extension's are positional in two analyses, and may differ.
            assert.equal(opened.note.claimText, claim.text, `the note of the claim clicked, “${claim.text.slice(0, 50)}”`);
            assert.equal(new URL(await page.url()).pathname, `/${name}/source.html`, 'no link was followed');
            const boxes = (await page.evaluate(readClaim, { text: claim.text })).boxes;
            const note = opened.note.rect;
            assert.ok(note.left >= -0.5 && note.top >= -0.5 && note.right <= opened.viewport.width + 0.5 && note.bottom <= opened.viewport.height + 0.5, `note inside the viewport: ${JSON.stringify(note)}`);
            for (const box of boxes) {
              const covers = note.left < box.right - 0.5 && box.left < note.right - 0.5 && note.top < box.bottom - 0.5 && box.top < note.bottom - 0.5;
              assert.ok(!covers, `the note (${opened.note.placement}) ${JSON.stringify(note)} covers “${claim.text.slice(0, 60)}” at ${JSON.stringify(box)}`);
            }
            await page.press('Escape');
            await waitFor('the note to close', async () => !(await page.evaluate(readOverlay, HOST_TAG)).note);
          }
          linkedOpened.set(`${browserName}/${name}`, linked);
          t.diagnostic(`${chosen.length} notes opened, ${linked} through the Note button of a claim in a link`);
        } finally {
          await page.close();
        }
      });
    }

    it('met claims inside links on these pages (the Note button was exercised)', (t) => {
      if (!pages) {
        t.skip(`no data in ${PAGES_DIR}`);
        return;
      }
      const total = [...linkedOpened].filter(([key]) => key.startsWith(`${browserName}/`)).reduce((sum, [, count]) => sum + count, 0);
      assert.ok(total > 0, 'at least one real claim inside a link');
    });
  });
}

describeRealPages('Chromium', launchChromium, 'chrome');
describeRealPages('Firefox', launchFirefox, 'firefox');
