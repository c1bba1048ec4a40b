// The extension's end-to-end scenarios, the same for every browser. They
// drive the browser as a reader does (toolbar button, keyboard commands,
// clicks, the claims panel) and observe the page from outside: its DOM, its
// highlight registry and ClaimLens's open shadow root.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { artifactPath } from './artifacts.mjs';
import { seriousViolations } from './axe.mjs';
import { assertCoversClaims } from './claim-coverage.mjs';
import { analyseCurrentDom } from './dom-oracle.mjs';
import { clickElement, openPanel, openReady } from './extension-pages.mjs';
import {
  CLAIM_KINDS,
  FLASH,
  HOST_TAG,
  MESSAGES,
  SHORTCUTS,
  SOURCING_KINDS,
  countMessage,
  defaultFilter,
  expectedShown,
  message,
} from './overlay-names.mjs';
import {
  centreOf,
  readClaimHighlights,
  readNamedHighlights,
  readNote,
  readPanel,
  rerenderArticle,
  scrollClaimIntoView,
  serializeDomWithoutHost,
} from './page-probes.mjs';
import { ARTICLE_PAGES, NO_ARTICLE_PATH } from './page-server.mjs';
import { waitFor } from './wait-for.mjs';

const SECOND_ARTICLE = readFileSync(new URL('./pages/second-article.html', import.meta.url), 'utf8');

/** @param {ReturnType<import('./session.mjs').useSession>} session */
export function describeExtension(session) {
  const name = () => session.browser.name;

  describe('the extension', () => {
    for (const { name: pageName, path } of ARTICLE_PAGES) {
      it(`highlights check-worthy claims by kind and sourcing, opens notes and toggles on ${pageName}`, async () => {
        await withPage(session, path, (page) => highlightNoteToggle(page, session.expected));
      });
    }

    it('says so on the toolbar button, and leaves the page alone, when there is no article', async () => {
      await withPage(session, NO_ARTICLE_PATH, async (page) => {
        const pristineDom = await page.evaluate(serializeDomWithoutHost, HOST_TAG);
        await page.clickToolbarButton();
        await waitFor('the failure badge', async () => (await page.toolbarBadge()) === MESSAGES.badgeFailed.message);
        assert.deepEqual(await page.evaluate(readClaimHighlights), []);
        assert.equal((await page.evaluate(readNote, HOST_TAG)).hosts, 0);
        assert.equal(await page.evaluate(serializeDomWithoutHost, HOST_TAG), pristineDom);
      });
    });

    it('reads the page background and draws dark-page highlights and a dark note on a dark site', async () => {
      await withPage(session, ARTICLE_PAGES[0].path, async (page) => {
        // The site's own dark theme (CSSOM, as its stylesheet would).
        await page.evaluate(() => {
          for (const element of [document.documentElement, document.body]) {
            element.style.setProperty('background', '#121212');
            element.style.setProperty('color', '#e8e6e1');
          }
        });
        const shown = expectedShown(session.expected.claims, defaultFilter());
        const highlights = await activate(page, shown);
        assert.deepEqual([...new Set(highlights.map((range) => range.theme))], ['dark'], 'dark-page highlight styles');
        await page.click(highlights[0].box.x + 4, highlights[0].box.y + highlights[0].box.height / 2);
        await waitForNote(page);
        assert.equal(await page.evaluate((tag) => document.querySelector(tag).getAttribute('data-theme'), HOST_TAG), 'dark');
        assert.deepEqual(await seriousViolations(page, [[HOST_TAG, '.note']]), [], 'axe: the note on a dark page');
        await page.screenshotTo(artifactPath(`${name()}-popover-dark-site.png`));
      });
    });

    it('moves between claims with the next / previous commands, and Enter opens the note', async () => {
      await withPage(session, ARTICLE_PAGES[0].path, async (page) => {
        const shown = expectedShown(session.expected.claims, defaultFilter());
        await activate(page, shown);
        const current = () => page.evaluate(readNamedHighlights, '^claimlens-(light|dark)-current$');
        await page.runCommand('next-claim', SHORTCUTS['next-claim']);
        await waitFor('the first claim to be current', async () => sameText((await current())[0]?.text, shown[0].claim.text));
        await page.runCommand('next-claim', SHORTCUTS['next-claim']);
        await page.runCommand('next-claim', SHORTCUTS['next-claim']);
        await waitFor('the third claim', async () => sameText((await current())[0]?.text, shown[2].claim.text));
        await page.runCommand('previous-claim', SHORTCUTS['previous-claim']);
        const second = await waitFor('back to the second claim', async () => {
          const [entry] = await current();
          return sameText(entry?.text, shown[1].claim.text) && entry;
        });
        assert.ok(second.inViewport, 'the current claim is scrolled into view');
        const announced = await waitFor('the live region to read out the claim', async () => {
          const live = (await page.evaluate(readNote, HOST_TAG)).live;
          return live?.startsWith('Claim 2 ') && live;
        });
        assert.match(announced, new RegExp(`^Claim 2 of ${shown.length}: .*${shown[1].claim.text.slice(0, 30).replace(/[$.*+?()[\]{}|^\\]/g, '\\$&')}`));

        await page.press('Enter');
        const note = await waitForNote(page);
        assert.equal(note.summary, shown[1].claim.note.summary, 'Enter opens the current claim’s note');
        assert.ok(note.focusInside, 'focus moves into the note');
        await page.press('Escape');
        // The popover's toggle event (which gives focus back) comes a task after it closes.
        await waitFor('Escape to close the note and focus to return to where it was (the page)', async () => {
          const state = await page.evaluate(readNote, HOST_TAG);
          return !state.open && state.activeIsBody;
        });
        await page.press('Enter');
        assert.equal((await waitForNote(page)).summary, shown[1].claim.note.summary, 'Enter opens it again');
      });
    });

    it('shows a note’s full details after the background was stopped (the content script keeps the analysis)', async () => {
      await withPage(session, ARTICLE_PAGES[0].path, async (page) => {
        const shown = expectedShown(session.expected.claims, defaultFilter());
        const [first] = await activate(page, shown);
        // The highlights are drawn from the draw result; the full analysis follows them (the reader's
        // notes layer is drawn from it). Then the background may go, as an idle MV3 worker does after
        // ~30 s: the note must not need it.
        await waitFor('the full analysis after the highlights', () => page.evaluate(hasFullAnalysis, HOST_TAG));
        await session.browser.restartBackground();
        await page.click(first.box.x + first.box.width / 2, first.box.y + first.box.height / 2);
        const note = await waitForNote(page);
        assert.equal(note.summary, shown[0].claim.note.summary);
        assert.deepEqual(note.links, shown[0].claim.note.links.map((link) => new URL(link.url).href), 'the note’s links, from the full analysis');
        assert.ok(note.links.length > 0, 'the note has its details');
      });
    });

    it('shows the full note as a labelled dialog that follows scrolling inside the viewport (axe, screenshots)', async () => {
      await withPage(session, ARTICLE_PAGES[0].path, async (page) => {
        const shown = expectedShown(session.expected.claims, defaultFilter());
        const named = shown.findIndex(({ claim }) => claim.sourcing.kind === 'named');
        const isTarget = (range) => sameText(range.text, shown[named].claim.text) || shown[named].claim.text.startsWith(range.text.trim());
        const before = (await activate(page, shown)).find(isTarget);
        // The claim may be below the fold: scroll it to the middle of the viewport first, as a reader would.
        assert.ok(await page.evaluate(scrollClaimIntoView, before.text), 'the named claim is highlighted');
        const target = (await page.evaluate(readClaimHighlights)).find(isTarget);
        await page.click(target.box.x + 4, target.box.y + target.box.height / 2);
        const note = await waitForNote(page);
        const claim = shown[named].claim;
        assert.equal(note.role, 'dialog');
        assert.equal(note.label, MESSAGES.noteCheckworthyClaim.message, 'aria-labelledby names the dialog');
        assert.equal(note.summary, claim.note.summary);
        assert.match(note.sourcing, new RegExp(claim.sourcing.speaker), 'the sourcing names the speaker');
        assert.match(note.sourcing, /Deputy Mayor/, 'and their role');
        assert.ok(note.headings.includes(MESSAGES.noteWhy.message), 'the why signals');
        assert.ok(note.headings.includes(MESSAGES.noteFactChecks.message), 'the fact-check section');
        assert.equal(note.noMatches, MESSAGES.noteNoFactChecks.message, 'says plainly that no fact-check matches');
        assert.deepEqual(note.readerNotes, { add: MESSAGES.notesAddToClaim.message, notes: [] }, 'the reader’s notes on the claim, in its mount: none yet, and "Add note"');
        assertInViewport(note);

        const violations = await seriousViolations(page, [[HOST_TAG, '.note']]);
        assert.deepEqual(violations, [], 'axe: no serious or critical violations in the note');
        await page.screenshotTo(artifactPath(`${name()}-popover-light.png`));
        await page.setColorScheme('dark');
        try {
          await page.screenshotTo(artifactPath(`${name()}-popover-dark.png`));
          assert.deepEqual(await seriousViolations(page, [[HOST_TAG, '.note']]), [], 'axe, dark');
        } finally {
          await page.setColorScheme('light');
        }

        // The note sits next to its claim, without covering it, and moves with it when the page scrolls.
        assertBeside(note, target.bounds);
        await page.evaluate(() => window.scrollBy(0, 90));
        const moved = await waitFor('the note to follow the scroll', async () => {
          const state = await page.evaluate(readNote, HOST_TAG);
          const claimNow = (await page.evaluate(readClaimHighlights)).find((range) => range.text === target.text).bounds;
          return state.open && claimNow.y < target.box.y - 80 && isBeside(state, claimNow) && state;
        });
        assertInViewport(moved);
        await page.evaluate(() => window.scrollBy(0, 5000));
        const clamped = await waitFor('the note to stay in the viewport', async () => {
          const state = await page.evaluate(readNote, HOST_TAG);
          return state.open && state.box.top >= 0 && state.box.bottom <= state.viewport.height && state;
        });
        assertInViewport(clamped);
      });
    });

    it('has a claims panel that summarises, lists and reveals claims, with live filters and an off switch (axe, screenshots)', async () => {
      await withPage(session, ARTICLE_PAGES[0].path, async (page) => {
        const all = session.expected.claims;
        const shown = expectedShown(all, defaultFilter());
        await activate(page, shown);
        const panel = await openPanel(session, page);
        try {
          const state = await waitFor('the panel to list the claims', async () => {
            const s = await panel.evaluate(readPanel);
            return s.claims.length > 0 && s;
          });
          assert.equal(state.live, countMessage('claimsFound', shown.length), 'the live region says how many');
          assert.deepEqual(state.claims.map((c) => c.id), shown.map(({ claim }) => claim.id), 'lists the highlighted claims in order');
          assert.equal(state.claims[0].score, message('panelScore', String(Math.round(shown[0].claim.score * 100))));
          assert.equal(state.summary[0].startsWith(countMessage('summaryCheckworthy', all.filter((c) => c.checkworthy).length)), true);
          assert.ok(state.summary.some((line) => line.includes('Lena Okafor, Deputy Mayor')), 'who is quoted, in what role');
          assert.ok(state.summary.includes(MESSAGES.summaryNoMatches.message), 'says when nothing matches a fact-check');
          assert.deepEqual(state.mounts, ['reader-notes', 'comments'], 'mount points for the reader’s notes and the comments');
          const notesList = await waitFor('the reader’s notes list in its mount', async () => (await panel.evaluate(readPanel)).readerNotes.heading);
          assert.equal(notesList, message('notesListHeading', '0'), 'the page’s notes: none yet');
          assert.equal(state.site, new URL(session.server.baseUrl).hostname);

          assert.deepEqual(await seriousViolations(panel, '.claims-panel'), [], 'axe: panel, light');
          await panel.screenshotTo(artifactPath(`${name()}-panel-light.png`));
          await panel.setColorScheme('dark');
          try {
            assert.deepEqual(await seriousViolations(panel, '.claims-panel'), [], 'axe: panel, dark');
            await panel.screenshotTo(artifactPath(`${name()}-panel-dark.png`));
          } finally {
            await panel.setColorScheme('light');
          }

          // A click on the last claim scrolls the page to it and flashes it.
          const last = shown.at(-1).claim;
          await clickElement(panel, `.claim[data-claim-id="${last.id}"]`);
          const flash = await waitFor('the flash', async () => (await page.evaluate(readNamedHighlights, `^${FLASH}$`))[0]);
          assert.ok(sameText(flash.text, last.text), 'the flashed claim is the one clicked');
          assert.ok(flash.inViewport, 'and the page scrolled to it');

          // Each filter, live.
          for (const kind of CLAIM_KINDS) {
            await toggleFilter(panel, page, `#claimlens-kind-${kind}`, all, (f) => (f.kinds[kind] = false));
          }
          for (const kind of SOURCING_KINDS) {
            await toggleFilter(panel, page, `#claimlens-sourcing-${kind}`, all, (f) => (f.sourcing[kind] = false));
          }

          // The global off switch.
          await clickCheckbox(panel, '#claimlens-enabled', false);
          await waitFor('highlights to go', async () => (await page.evaluate(readClaimHighlights)).length === 0);
          await waitFor('the off badge', async () => (await page.toolbarBadge()) === MESSAGES.badgeOff.message);
          await clickCheckbox(panel, '#claimlens-enabled', true);
          await waitForHighlights(page, shown);
          await waitFor('the count badge', async () => (await page.toolbarBadge()) === String(shown.length));
        } finally {
          await panel.close();
        }
      });
    });

    it('re-analyses the open page at the threshold the reader sets on the options page (the core decides)', async () => {
      await withPage(session, ARTICLE_PAGES[0].path, async (page) => {
        const shown = expectedShown(session.expected.claims, defaultFilter());
        await activate(page, shown);
        const options = await openReady(session, 'options.html');
        try {
          await clickElement(options, '#threshold-default'); // off: the reader's own threshold
          await waitFor('the slider to be enabled', () => options.evaluate(() => !document.getElementById('threshold').disabled));
          await options.press('Tab'); // to the slider
          await options.press('End'); // its top: no sentence scores 1
          // Back to the article (a hidden tab is not re-analysed until it is shown).
          await page.bringToFront();
          await waitFor('the page to re-analyse with nothing check-worthy', async () => (await page.evaluate(readClaimHighlights)).length === 0);
          await waitFor('the badge to count none', async () => (await page.toolbarBadge()) === '0');
          await options.bringToFront();
          await clickElement(options, '#threshold-default'); // back to the model's calibrated default
          await page.bringToFront();
          await waitForHighlights(page, shown, { connected: true, what: 'at the default threshold again' });
          await waitFor('the count badge', async () => (await page.toolbarBadge()) === String(shown.length));
        } finally {
          await options.close();
        }
      });
    });

    it('declares its shortcuts (assigned by the browser) and its panel as the side panel / sidebar', async () => {
      await withPage(session, ARTICLE_PAGES[0].path, async (page) => {
        const control = await session.browser.open(session.browser.extensionUrl('panel.html?tab=-1'));
        try {
          const commands = await control.evaluate(() => (globalThis.browser ?? chrome).commands.getAll());
          for (const command of commands) {
            assert.equal(command.shortcut, SHORTCUTS[command.name], `${command.name} has its shortcut`);
          }
          assert.equal(commands.length, 4);
          const panelPath = await control.evaluate(async () => {
            const api = globalThis.browser ?? chrome;
            return api.sidePanel ? (await api.sidePanel.getOptions({})).path : new URL(await api.sidebarAction.getPanel({})).pathname;
          });
          assert.match(panelPath, /^\/?panel\.html$/);
        } finally {
          await control.close();
        }
        if (session.browser.openSidebar) {
          // Firefox: the panel's shortcut opens the sidebar (Chrome's sidePanel.open needs a real key press).
          await page.runCommand('_execute_sidebar_action', SHORTCUTS._execute_sidebar_action);
          try {
            const sidebar = await waitFor('the sidebar to open', () => session.browser.openSidebar());
            assert.match(sidebar, /sidebar-action/);
          } finally {
            await session.browser.closeSidebar();
          }
          await waitFor('the sidebar to close', async () => !(await session.browser.openSidebar()));
        }
      });
    });

    it('keeps highlights correct when the page re-renders its article', async () => {
      await withPage(session, ARTICLE_PAGES[0].path, async (page) => {
        const before = await activate(page, expectedShown(session.expected.claims, defaultFilter()));
        await page.click(before[1].box.x + 4, before[1].box.y + before[1].box.height / 2);
        const note = await waitForNote(page);
        // A React-like re-render: the article's nodes are replaced by new ones with the same markup.
        await page.evaluate(rerenderArticle, null);
        await waitFor('the old nodes to be gone', async () => !(await page.evaluate(readClaimHighlights)).some((range) => !range.connected) || undefined);
        await waitForHighlights(page, expectedShown(session.expected.claims, defaultFilter()), { connected: true });
        const kept = await page.evaluate(readNote, HOST_TAG);
        assert.ok(kept.open && kept.summary === note.summary, 'the open note stays with its claim');
        // And one that changes the text: a new paragraph on top, so every offset shifts.
        await page.evaluate(rerenderArticle, 'The council also approved a $2 million pedestrian bridge on Tuesday, officials said.');
        const url = await page.evaluate(() => location.href);
        const expected = await analyseCurrentDom(page, url);
        const highlights = await waitForHighlights(page, expectedShown(expected.claims, defaultFilter()), { connected: true });
        assert.ok(highlights.some((range) => range.text.includes('pedestrian bridge')), 'the new paragraph’s claim is highlighted');
      });
    });

    it('does no work in a hidden tab, and catches up when it is shown', async (t) => {
      await withPage(session, ARTICLE_PAGES[0].path, async (page) => {
        await activate(page, expectedShown(session.expected.claims, defaultFilter()));
        const other = await session.browser.open(session.server.baseUrl + NO_ARTICLE_PATH);
        try {
          if (!(await page.evaluate(() => document.hidden))) {
            t.skip(`${name()} reports a background tab as visible under automation`);
            return;
          }
          await page.evaluate(rerenderArticle, 'The council also approved a $2 million pedestrian bridge on Tuesday, officials said.');
          // Long past the re-analysis delay: nothing has been redone while the tab is hidden.
          await new Promise((resolve) => setTimeout(resolve, 1500));
          // The old ranges collapsed when their nodes left the page (DOM range rules), and none was rebuilt.
          const stale = await page.evaluate(readClaimHighlights);
          assert.ok(stale.length > 0 && stale.every((range) => range.text === ''), 'the old highlights, not re-placed');
        } finally {
          await other.close();
        }
        await page.bringToFront();
        const highlights = await waitFor('the re-analysis once shown', async () => {
          const ranges = await page.evaluate(readClaimHighlights);
          return ranges.some((range) => range.text.includes('pedestrian bridge')) && ranges;
        });
        assert.ok(highlights.every((range) => range.connected));
      });
    });

    it('starts over on in-page (single-page app) navigation', async () => {
      await withPage(session, ARTICLE_PAGES[0].path, async (page) => {
        const shown = expectedShown(session.expected.claims, defaultFilter());
        const highlights = await activate(page, shown);
        // A route change that leaves the article's DOM alone still starts over: the note closes, the claims come back.
        await page.click(highlights[0].box.x + 4, highlights[0].box.y + highlights[0].box.height / 2);
        await waitForNote(page);
        await page.evaluate(() => history.pushState({}, '', '/plain/article.html?page=2'));
        await waitFor('the note to close on navigation', async () => !(await page.evaluate(readNote, HOST_TAG)).open);
        await waitForHighlights(page, shown);
        // A route change to another article.
        await page.click(highlights[0].box.x + 4, highlights[0].box.y + highlights[0].box.height / 2);
        await waitForNote(page);
        await page.evaluate(navigateInPage, SECOND_ARTICLE);
        await waitFor('the note to close', async () => !(await page.evaluate(readNote, HOST_TAG)).open);
        const url = await page.evaluate(() => location.href);
        const expected = await analyseCurrentDom(page, url);
        const fresh = await waitForHighlights(page, expectedShown(expected.claims, defaultFilter()), { connected: true });
        assert.ok(fresh.length > 0 && !fresh.some((range) => range.text.includes('Harrowfield')), 'only the new article is highlighted');
        await waitFor('the new count on the badge', async () => (await page.toolbarBadge()) === String(expectedShown(expected.claims, defaultFilter()).length));
      });
    });

    it('annotates a site always once allowed, and never when told so', async (t) => {
      if (!session.browser.grantOrigin) {
        t.skip('Chromium: an optional host permission cannot be granted without its prompt under automation');
        return;
      }
      const host = new URL(session.server.baseUrl).hostname;
      const shown = expectedShown(session.expected.claims, defaultFilter());
      await withPage(session, ARTICLE_PAGES[0].path, async (page) => {
        await activate(page, shown);
        const panel = await openPanel(session, page);
        try {
          await session.browser.grantOrigin(`*://${host}/*`); // the reader's "Allow" in the permission prompt
          await clickElement(panel, 'input[name="claimlens-site-mode"][value="always"]');
          await waitFor('the site to be saved', async () => (await panel.evaluate(readPanel)).siteMode === 'always');
          // A new page on the site is annotated without a click.
          await withPage(session, ARTICLE_PAGES[0].path, async (second) => {
            await waitForHighlights(second, shown);
          }, { resetData: false });
          await clickElement(panel, 'input[name="claimlens-site-mode"][value="never"]');
          await waitFor('highlights to go on "never"', async () => (await page.evaluate(readClaimHighlights)).length === 0);
          const revoked = await waitFor('the permission to be revoked', async () =>
            !(await panel.evaluate((origin) => (globalThis.browser ?? chrome).permissions.contains({ origins: [origin] }), `*://${host}/*`)) || undefined);
          assert.ok(revoked);
          await page.clickToolbarButton();
          await waitFor('the off badge', async () => (await page.toolbarBadge()) === MESSAGES.badgeOff.message);
          await clickElement(panel, 'input[name="claimlens-site-mode"][value="default"]');
          await waitForHighlights(page, shown);
        } finally {
          await panel.close();
        }
      });
    });
  });
}

async function withPage(session, path, body, { resetData = true } = {}) {
  if (resetData) await session.resetData();
  const page = await session.browser.open(session.server.baseUrl + path);
  try {
    await body(page);
  } finally {
    await page.close();
  }
}

async function highlightNoteToggle(page, expected) {
  const pristineDom = await page.evaluate(serializeDomWithoutHost, HOST_TAG);
  assert.deepEqual(await page.evaluate(readClaimHighlights), [], 'nothing is highlighted before the toolbar button is clicked');

  const shown = expectedShown(expected.claims, defaultFilter());
  const highlights = await activate(page, shown);
  assert.ok(!highlights.some((range) => range.inComments), 'no highlight in the comment section');
  // Each claim is drawn in its kind's colour and its sourcing's underline.
  const styleByText = new Map(highlights.map((range) => [range.text.replace(/\s+/g, ' ').trim(), `${range.kind}/${range.sourcing}`]));
  for (const { claim, kind } of shown) {
    const style = [...styleByText].find(([text]) => claim.text.startsWith(text.slice(0, 40)))?.[1];
    assert.equal(style, `${kind}/${claim.sourcing.kind}`, `style of ${claim.id}`);
  }
  assert.ok(new Set(highlights.map((range) => range.sourcing)).size >= 2, 'the sample has more than one sourcing style');
  await waitFor('the claim count on the toolbar button', async () => (await page.toolbarBadge()) === String(shown.length));
  const first = highlights[0];
  const clip = padded(first.box);
  const paintedShot = await page.screenshot(clip);

  // A click on the first claim opens its note.
  await page.click(first.box.x + first.box.width / 2, first.box.y + first.box.height / 2);
  const note = await waitForNote(page);
  assert.equal(note.hosts, 1, 'exactly one host element');
  assert.ok(note.hostIsChildOfRoot, 'the host is appended to <html>');
  assert.equal(note.title, MESSAGES.noteCheckworthyClaim.message);
  assert.equal(note.summary, shown[0].claim.note.summary);
  assert.deepEqual(note.links, shown[0].claim.note.links.map((link) => new URL(link.url).href));

  // Escape closes it.
  await page.press('Escape');
  await waitFor('Escape to close the note', async () => !(await page.evaluate(readNote, HOST_TAG)).open);
  // A click elsewhere closes it too (light dismiss), and opens nothing.
  await page.click(first.box.x + first.box.width / 2, first.box.y + first.box.height / 2);
  await waitForNote(page);
  const notice = await page.evaluate(centreOf, '.fiction-notice');
  await page.click(notice.x, notice.y);
  await waitFor('the note to close', async () => !(await page.evaluate(readNote, HOST_TAG)).open);
  assert.equal(await page.evaluate(serializeDomWithoutHost, HOST_TAG), pristineDom, 'apart from the host, the page DOM is unchanged');

  // Toolbar: hide (host gone, badge cleared), then show the same highlights again.
  await page.clickToolbarButton();
  await waitFor('highlights to be removed', async () => (await page.evaluate(readClaimHighlights)).length === 0);
  assert.equal((await page.evaluate(readNote, HOST_TAG)).hosts, 0, 'hiding removes the host');
  await waitFor('the badge to clear', async () => (await page.toolbarBadge()) === '');
  assert.notDeepEqual(await page.screenshot(clip), paintedShot, 'the highlight was painted, and is gone');
  await page.clickToolbarButton();
  const restored = await waitForHighlights(page, shown);
  assert.deepEqual(restored, highlights);
  await waitFor('the claim count to return', async () => (await page.toolbarBadge()) === String(shown.length));
  assert.deepEqual(await page.screenshot(clip), paintedShot, 'the restored highlight paints as before');
  assert.equal(await page.evaluate(serializeDomWithoutHost, HOST_TAG), pristineDom, 'the page DOM is unchanged');
}

/** In the page: the reader-notes layer is drawn once the full analysis has come (it anchors in the analysed text). */
function hasFullAnalysis(hostTag) {
  return document.querySelector(hostTag) !== null && [...CSS.highlights.keys()].some((name) => name.endsWith('-readernote'));
}

/** Clicks the toolbar button and waits for the expected highlights. */
async function activate(page, shown) {
  await page.clickToolbarButton();
  return waitForHighlights(page, shown);
}

/** Waits until the highlights spell out exactly the expected claims; returns them. */
async function waitForHighlights(page, shown, { connected = false, what = '' } = {}) {
  const want = shown.map(({ claim }) => claim.text.replace(/\s+/g, '')).join('');
  const highlights = await waitFor(`highlights of ${shown.length} claims ${what}`, async () => {
    const ranges = await page.evaluate(readClaimHighlights);
    return ranges.map((range) => range.text.replace(/\s+/g, '')).join('') === want && ranges.length > 0 && ranges;
  });
  assertCoversClaims(highlights, shown.map(({ claim }) => claim), 'shown');
  if (connected) {
    assert.ok(highlights.every((range) => range.connected), 'every highlight is on a node in the page');
  }
  return highlights;
}

function waitForNote(page) {
  return waitFor('the note to open', async () => {
    const state = await page.evaluate(readNote, HOST_TAG);
    return state.open && state;
  });
}

async function toggleFilter(panel, page, selector, claims, turnOff) {
  const filter = defaultFilter();
  turnOff(filter);
  const shown = expectedShown(claims, filter);
  await clickCheckbox(panel, selector, false);
  if (shown.length === 0) {
    await waitFor(`no highlights with ${selector} off`, async () => (await page.evaluate(readClaimHighlights)).length === 0);
  } else {
    await waitForHighlights(page, shown, { what: `with ${selector} off` });
  }
  await waitFor(`the panel list with ${selector} off`, async () => (await panel.evaluate(readPanel)).claims.length === shown.length);
  await clickCheckbox(panel, selector, true);
  await waitForHighlights(page, expectedShown(claims, defaultFilter()), { what: `with ${selector} back on` });
}

/** A real click on a checkbox, then its state as the reader sees it (after the panel has re-rendered). */
async function clickCheckbox(panel, selector, checked) {
  // A reader clicks a panel they can see; the badge checks bring the article's tab to the front.
  await panel.bringToFront();
  await clickElement(panel, selector);
  await waitFor(`${selector} to be ${checked ? 'checked' : 'unchecked'} after the click`, async () =>
    (await panel.evaluate((s) => document.querySelector(s).checked, selector)) === checked);
}

/** The note is just below, just above, or just beside the claim's line boxes, and covers none of them. */
function isBeside(note, claimBox) {
  const claim = { top: claimBox.y, bottom: claimBox.y + claimBox.height, left: claimBox.x, right: claimBox.x + claimBox.width };
  const covers = note.box.left < claim.right && claim.left < note.box.right && note.box.top < claim.bottom && claim.top < note.box.bottom;
  const near = (a, b) => Math.abs(a - b) <= 2;
  const adjacent =
    near(note.box.top, claim.bottom + 8) || near(note.box.bottom, claim.top - 8) || near(note.box.left, claim.right + 8) || near(note.box.right, claim.left - 8);
  return adjacent && !covers;
}

function assertBeside(note, claimBox) {
  assert.ok(isBeside(note, claimBox), `note ${JSON.stringify(note.box)} beside its claim ${JSON.stringify(claimBox)}`);
}

function assertInViewport(note) {
  assert.ok(note.box.top >= 0 && note.box.left >= 0, `note top-left ${note.box.top},${note.box.left} inside the viewport`);
  assert.ok(note.box.bottom <= note.viewport.height && note.box.right <= note.viewport.width, 'note bottom-right inside the viewport');
}

function sameText(a, b) {
  return typeof a === 'string' && a.replace(/\s+/g, '') === b.replace(/\s+/g, '');
}

function padded(box) {
  return { x: Math.floor(box.x) - 2, y: Math.floor(box.y) - 2, width: Math.ceil(box.width) + 4, height: Math.ceil(box.height) + 4 };
}

/** Runs in the page: a single-page app's route change to another article. */
function navigateInPage(articleHtml) {
  history.pushState({}, '', '/plain/second-story.html');
  document.title = 'Harbour ferry fares to rise | The Kestrel Bay Courier';
  const article = document.querySelector('article');
  const template = document.createElement('template');
  template.innerHTML = articleHtml;
  article.replaceWith(template.content.firstElementChild);
}
