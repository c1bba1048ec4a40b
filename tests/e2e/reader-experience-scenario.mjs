// The reader's experience on pages laid out as real news pages are
// (reader-pages.mjs): claims inside links stay reachable while the links keep
// working, by pointer and by keyboard; the note never covers its own claim
// (multi-line claims near the viewport's edges, narrow viewports, a sticky
// header, 200% zoom, a right-to-left site, a page that re-renders its article).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { artifactPath } from './artifacts.mjs';
import { seriousViolations } from './axe.mjs';
import { noteClaim, noteHarnessScript, overlayHarnessScript } from './note-harness.mjs';
import { HOST_TAG, MESSAGES, defaultFilter, expectedShown } from './overlay-names.mjs';
import { readClaimHighlights, readNote, rerenderArticle, rerenderOnPointerDown, stopRerendering } from './page-probes.mjs';
import { focusLink, pointerSamplesInOneFrame, readClaim, readOverlay, scrollClaimTo, scrollNoteContent } from './reader-probes.mjs';
import { LINKED_TEXTS, LINK_TARGET, READER_PAGE_PATHS } from './reader-pages.mjs';
import { NO_ARTICLE_PATH } from './page-server.mjs';
import { waitFor } from './wait-for.mjs';

const DESKTOP = { width: 1280, height: 900 };
/** Longer than the Note button lingers after the pointer leaves its claim (LINGER_MS in note-button.ts, 900 ms). */
const PAST_LINGER_MS = 1500;

/** @param {ReturnType<import('./session.mjs').useSession>} session */
export function describeReaderExperience(session) {
  const name = () => session.browser.name;
  /** The sample article's check-worthy claims the extension highlights, longest first. */
  const claims = () => expectedShown(session.expected.claims, defaultFilter()).map(({ claim }) => claim);
  const linkedClaim = () => claims().find((claim) => claim.text.includes(LINKED_TEXTS[0]));

  describe('the reader on real-page layouts', () => {
    it('a claim inside a link: the click follows the link, and the claim’s "Note" button opens its note', async () => {
      await withReaderPage(session, READER_PAGE_PATHS.linked, DESKTOP, async (page) => {
        const claim = linkedClaim();
        assert.ok(claim, `the sample has a highlighted claim with “${LINKED_TEXTS[0]}” in it`);
        await page.evaluate(scrollClaimTo, { text: claim.text, edge: 'top', gap: 200 });
        const onLink = await page.evaluate(readClaim, { text: claim.text, onLink: true });
        assert.ok(onLink.point, 'part of the claim is a link');

        // Resting the pointer on the claim brings up its button, at the end of the claim's last line.
        await page.hover(onLink.point.x, onLink.point.y);
        const shown = await waitFor('the Note button', async () => (await page.evaluate(readOverlay, HOST_TAG)).button);
        assert.equal(shown.text, MESSAGES.noteButton.message);
        assert.equal(shown.label, MESSAGES.noteButtonLabel.message);
        const last = onLink.boxes[onLink.boxes.length - 1];
        assert.ok(Math.abs(shown.rect.left - last.right) <= 6, `the button ${JSON.stringify(shown.rect)} starts where the claim ends ${JSON.stringify(last)}`);
        assert.ok(shown.rect.top < last.bottom && shown.rect.bottom > last.top, 'on the claim’s last line');
        assertClear(shown.rect, onLink.boxes.slice(0, -1), 'the button');

        // The pointer travels to the button; the click opens the note, which covers nothing of the claim.
        const centre = { x: (shown.rect.left + shown.rect.right) / 2, y: (shown.rect.top + shown.rect.bottom) / 2 };
        await page.hover(centre.x, centre.y);
        await page.click(centre.x, centre.y);
        const opened = await waitForNote(page);
        assert.equal(opened.note.claimId, claim.id);
        assert.ok(opened.note.focusInside, 'focus moves into the note');
        assertNoteClear(opened, await page.evaluate(readClaim, { text: claim.text }));
        assert.deepEqual(await seriousViolations(page, [[HOST_TAG, '.note']]), [], 'axe: the note');
        await page.press('Escape');
        await waitFor('the note to close', async () => !(await page.evaluate(readOverlay, HOST_TAG)).note);

        // A click on the linked words is the link's: the page goes where it leads, no note in the way.
        const now = await page.evaluate(readClaim, { text: claim.text, onLink: true });
        await page.click(now.point.x, now.point.y);
        await waitFor('the link to be followed', async () => (await page.url().catch(() => '')).endsWith(LINK_TARGET));
      });
    });

    it('a claim inside a link, by keyboard: Tab from the link reaches the Note button, Enter opens the note, Escape comes back to the link', async () => {
      await withReaderPage(session, READER_PAGE_PATHS.linked, DESKTOP, async (page) => {
        const claim = linkedClaim();
        await page.evaluate(scrollClaimTo, { text: claim.text, edge: 'top', gap: 200 });
        assert.ok(await page.evaluate(focusLink, LINKED_TEXTS[0]), 'the link takes focus');
        await waitFor('the Note button on focus', async () => (await page.evaluate(readOverlay, HOST_TAG)).button);
        await page.press('Tab');
        await waitFor('focus on the Note button', async () => (await page.evaluate(readOverlay, HOST_TAG)).button?.focused);
        assert.deepEqual(await seriousViolations(page, [[HOST_TAG, '.note-button']]), [], 'axe: the Note button');
        // Shift+Tab goes back to the link, Tab comes to the button again.
        await page.pressChord(['Shift', 'Tab']);
        await waitFor('focus back on the link', async () => (await page.evaluate(readOverlay, HOST_TAG)).active === `link:${LINKED_TEXTS[0]}`);
        await page.press('Tab');
        await waitFor('focus on the Note button again', async () => (await page.evaluate(readOverlay, HOST_TAG)).button?.focused);
        await page.press('Enter');
        const opened = await waitForNote(page);
        assert.equal(opened.note.claimId, claim.id);
        assert.ok(opened.note.focusInside, 'focus moves into the note');
        assertNoteClear(opened, await page.evaluate(readClaim, { text: claim.text }));
        await page.press('Escape');
        await waitFor('focus back on the link', async () => (await page.evaluate(readOverlay, HOST_TAG)).active === `link:${LINKED_TEXTS[0]}`);
        // From the link, Tab again goes to the button, and from the button on to the page's next stop.
        await page.press('Tab');
        await waitFor('focus on the Note button again', async () => (await page.evaluate(readOverlay, HOST_TAG)).button?.focused);
        // The page's next stop is the link in the next linked claim, which brings up that claim's button.
        await page.press('Tab');
        const after = await waitFor('focus past the button', async () => {
          const state = await page.evaluate(readOverlay, HOST_TAG);
          return state.active !== 'claimlens' && state.active !== `link:${LINKED_TEXTS[0]}` && state;
        });
        assert.equal(after.active, `link:${LINKED_TEXTS[1]}`, 'Tab from the button goes on to the next link in the page');
        assert.ok(!after.button?.focused, 'focus has left the button');
        assert.equal(new URL(await page.url()).pathname, READER_PAGE_PATHS.linked, 'no link was followed');
      });
    });

    it('the note never covers its claim: multi-line claims near the bottom and the top edge, and while the page scrolls', async () => {
      await withReaderPage(session, READER_PAGE_PATHS.linked, DESKTOP, async (page) => {
        const multiLine = [];
        for (const claim of claims()) {
          await page.evaluate(scrollClaimTo, { text: claim.text, edge: 'top', gap: 300 });
          if ((await page.evaluate(readClaim, { text: claim.text })).boxes.length >= 2) multiLine.push(claim);
        }
        assert.ok(multiLine.length >= 2, `the sample has multi-line claims at ${DESKTOP.width}px (${multiLine.length})`);
        for (const claim of multiLine.slice(0, 3)) {
          for (const edge of ['bottom', 'top']) {
            await page.evaluate(scrollClaimTo, { text: claim.text, edge, gap: 12 });
            const drawn = await page.evaluate(readClaim, { text: claim.text });
            assert.ok(drawn.point, `a point on ${claim.id} off its links`);
            await page.click(drawn.point.x, drawn.point.y);
            const opened = await waitForNote(page, claim.id);
            assertNoteClear(opened, await page.evaluate(readClaim, { text: claim.text }), `${claim.id} near the ${edge} edge`);
            const roomy = edge === 'bottom' ? ['above', 'right', 'left'] : ['below', 'right', 'left'];
            assert.ok(roomy.includes(opened.note.placement), `${claim.id} near the ${edge}: the note on a roomy side (${opened.note.placement})`);
            assert.equal(opened.note.scrollTop, 0, 'the note opens at its heading');
            // The page scrolls under the open note: it follows the claim, still clear of it.
            await page.evaluate((by) => window.scrollBy(0, by), edge === 'bottom' ? 60 : -60);
            await new Promise((resolve) => setTimeout(resolve, 150));
            const followed = await waitFor('the note to follow', async () => {
              const state = await page.evaluate(readOverlay, HOST_TAG);
              const now = await page.evaluate(readClaim, { text: claim.text });
              return state.note && noteIsClear(state, now) && { state, now };
            });
            assertNoteClear(followed.state, followed.now, `${claim.id} after scrolling`);
            await page.press('Escape');
            await waitFor('the note to close', async () => !(await page.evaluate(readOverlay, HOST_TAG)).note);
          }
        }
      });
    });

    it('on a 400px-wide viewport the note is a sheet docked away from its claim, and every opening starts at the top', async () => {
      await withReaderPage(session, READER_PAGE_PATHS.linked, { width: 400, height: 760 }, async (page) => {
        const [first, second] = claims();
        for (const [claim, edge, dock] of [
          [first, 'top', 'sheet-bottom'],
          [second, 'bottom', 'sheet-top'],
        ]) {
          await page.evaluate(scrollClaimTo, { text: claim.text, edge, gap: 60 });
          const drawn = await page.evaluate(readClaim, { text: claim.text });
          await page.click(drawn.point.x, drawn.point.y);
          const opened = await waitForNote(page, claim.id);
          assert.equal(opened.note.placement, dock, `claim near the ${edge}: the sheet docks to the other edge`);
          assert.ok(Math.abs(opened.note.rect.right - opened.note.rect.left - opened.clientWidth) <= 1, `the sheet spans the viewport (${JSON.stringify(opened.note.rect)}, ${opened.clientWidth}px)`);
          assertNoteClear(opened, await page.evaluate(readClaim, { text: claim.text }), `${claim.id} as a sheet`);
          assert.equal(opened.note.scrollTop, 0, 'it opens at its heading');
          if (claim === first) {
            await page.screenshotTo(artifactPath(`${name()}-note-sheet-narrow.png`));
            // The reader scrolls down inside the note, then opens the next one.
            assert.ok(opened.note.scrollable, 'the sheet is shorter than the note: it scrolls');
            assert.ok((await page.evaluate(scrollNoteContent, HOST_TAG)) > 0);
          }
          await page.press('Escape');
          await waitFor('the note to close', async () => !(await page.evaluate(readOverlay, HOST_TAG)).note);
        }
      });
    });

    it('with a sticky header, and at 200% zoom (a 640×450 CSS-pixel viewport at device-pixel ratio 2), the note shows above the page, clear of its claim', async () => {
      for (const viewport of [DESKTOP, { width: 640, height: 450, deviceScaleFactor: 2 }]) {
        await withReaderPage(session, READER_PAGE_PATHS.sticky, viewport, async (page) => {
          const zoom = await page.evaluate(() => ({ ratio: devicePixelRatio, width: innerWidth }));
          assert.deepEqual(zoom, { ratio: viewport.deviceScaleFactor ?? zoom.ratio, width: viewport.width }, 'the page sees the zoom');
          const claim = claims()[0];
          // Just under the header.
          await page.evaluate(scrollClaimTo, { text: claim.text, edge: 'top', gap: 180 });
          const drawn = await page.evaluate(readClaim, { text: claim.text });
          await page.click(drawn.point.x, drawn.point.y);
          const opened = await waitForNote(page, claim.id);
          assertNoteClear(opened, await page.evaluate(readClaim, { text: claim.text }), `sticky header at ${viewport.width}px`);
          assert.ok(opened.note.visible, 'no page layer (the sticky header) hides the note');
        });
      }
    });

    it('on a right-to-left site around an English article, claims are highlighted, and the note and the Note button sit by the claim', async () => {
      await withReaderPage(session, READER_PAGE_PATHS.rtl, DESKTOP, async (page) => {
        const claim = linkedClaim();
        await page.evaluate(scrollClaimTo, { text: claim.text, edge: 'top', gap: 250 });
        const onLink = await page.evaluate(readClaim, { text: claim.text, onLink: true });
        await page.hover(onLink.point.x, onLink.point.y);
        const shown = await waitFor('the Note button', async () => (await page.evaluate(readOverlay, HOST_TAG)).button);
        const last = onLink.boxes[onLink.boxes.length - 1];
        assert.ok(Math.abs(shown.rect.left - last.right) <= 6, 'the English claim ends on its right: the button is there');
        const drawn = await page.evaluate(readClaim, { text: claim.text });
        await page.click(drawn.point.x, drawn.point.y);
        const opened = await waitForNote(page, claim.id);
        assertNoteClear(opened, await page.evaluate(readClaim, { text: claim.text }), 'right-to-left site');
      });
    });

    it('shows fact-checks of a related claim low in the note, under their own heading, with no verdict, and never as matches', async () => {
      const page = await session.browser.open(session.server.baseUrl + NO_ARTICLE_PATH);
      try {
        await page.evaluate(await noteHarnessScript());
        const related = {
          publisher: 'PolitiFact',
          verdict: 'Pants on Fire',
          date: '2021-03-02',
          url: 'https://www.politifact.com/factchecks/2021/mar/02/example/',
          claim: 'Crime in the state doubled in 2020.',
          why: ['same topic: crime figures'],
          text: 'PolitiFact rated “Crime in the state doubled in 2020.” Pants on Fire (2021-03-02).',
        };
        await page.evaluate((claim) => globalThis.claimlensRenderNote(claim), noteClaim({ note: { related: [related] } }));
        const note = await page.evaluate(() => {
          const section = document.querySelector('.note-related');
          const factChecks = [...document.querySelectorAll('.note-section')].find((s) => s.querySelector('.note-heading')?.textContent === 'Published fact-checks');
          return {
            heading: section?.querySelector('.note-heading')?.textContent ?? null,
            text: section?.textContent ?? '',
            verdictElements: section?.querySelectorAll('.note-verdict, [class*="verdict"]').length ?? -1,
            link: section?.querySelector('a')?.href ?? null,
            afterFactChecks: Boolean(factChecks && section && factChecks.compareDocumentPosition(section) & Node.DOCUMENT_POSITION_FOLLOWING),
            noMatches: document.querySelector('.note-no-matches')?.textContent ?? null,
            matches: document.querySelectorAll('.note-matches li').length,
            kinds: [...document.querySelectorAll('.note-kinds li')].map((li) => li.textContent),
          };
        });
        assert.equal(note.heading, MESSAGES.noteRelatedHeading.message);
        assert.ok(note.text.includes(related.claim), 'the related claim, as the fact-checker put it');
        assert.ok(note.text.includes('PolitiFact') && note.text.includes('2021-03-02'), 'who checked it, and when');
        assert.equal(note.link, related.url, 'a link to the fact-check');
        assert.ok(!note.text.includes('Pants on Fire'), 'no verdict: it is about another claim');
        assert.equal(note.verdictElements, 0, 'no verdict element or colour');
        assert.ok(note.afterFactChecks, 'lower in the note than the fact-checks of this claim');
        assert.equal(note.matches, 0);
        assert.equal(note.noMatches, MESSAGES.noteNoFactChecks.message, 'the claim itself still has no published fact-check');
        assert.deepEqual(note.kinds, [MESSAGES.kindQuantity.message, MESSAGES.kindOther.message], '“Other” capitalised like the other kinds');
      } finally {
        await page.close();
      }
    });

    it('the Note button stays under the resting pointer, even when a frame hit-tests where the pointer was just before (regression: nytimes-1 in Firefox under load)', async () => {
      await withReaderPage(session, READER_PAGE_PATHS.linked, DESKTOP, async (page) => {
        const claim = linkedClaim();
        await page.evaluate(scrollClaimTo, { text: claim.text, edge: 'top', gap: 200 });
        const onLink = await page.evaluate(readClaim, { text: claim.text, onLink: true });
        await page.hover(onLink.point.x, onLink.point.y);
        const shown = await waitFor('the Note button', async () => (await page.evaluate(readOverlay, HOST_TAG)).button);
        const centre = { x: (shown.rect.left + shown.rect.right) / 2, y: (shown.rect.top + shown.rect.bottom) / 2 };
        await page.hover(centre.x, centre.y);
        // The pointer came to the button across the page margin, its last sample there in the same frame as the
        // one on the button (Firefox delivered the test's own moves so, under load): the frame's hit-test sees the margin.
        const margin = { x: 2, y: centre.y };
        assert.equal(await page.evaluate(readClaim, { text: claim.text }).then((drawn) => drawn.boxes.some((box) => box.left <= margin.x)), false, 'the margin is off the claim');
        await page.evaluate(pointerSamplesInOneFrame, { hostTag: HOST_TAG, from: margin, to: centre });
        // Two frames: the frame's hit-test of those samples has run (and any hide timer started) before the wait is counted.
        await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(true)))));
        // The reader rests on the button a moment before clicking.
        await new Promise((resolve) => setTimeout(resolve, PAST_LINGER_MS));
        const still = (await page.evaluate(readOverlay, HOST_TAG)).button;
        assert.deepEqual(still?.rect, shown.rect, 'the button is still under the pointer, where it was');
        await page.click(centre.x, centre.y);
        const opened = await waitForNote(page, claim.id);
        assertNoteClear(opened, await page.evaluate(readClaim, { text: claim.text }));
      });
    });

    it('a click that comes before the note’s details opens the clicked claim’s note, from the new analysis when the page was analysed again meanwhile, and never another claim’s', async () => {
      const page = await session.browser.open(session.server.baseUrl + NO_ARTICLE_PATH);
      try {
        await page.evaluate(await overlayHarnessScript());
        const place = (claims) => page.evaluate((list) => {
          globalThis.claimlensOverlay.render(list.map((claim) => claim.text));
          globalThis.claimlensOverlay.place(list);
          return true;
        }, claims);
        const details = (claims) => page.evaluate((list) => globalThis.claimlensOverlay.details(list) ?? true, claims);
        const crime = noteClaim();
        const hiring = noteClaim({ id: 'c2', text: 'The mayor said 12 officers were hired in May.', note: { summary: 'A claim about hiring.' } });
        const vote = noteClaim({ id: 'c1', text: 'Voters go to the polls on 3 May, the council said.', note: { summary: 'A claim about the vote.' } });

        // The highlights are drawn; the reader clicks a claim before its details came.
        await place([crime, hiring]);
        const point = await page.evaluate((text) => globalThis.claimlensOverlay.pointOn(text), crime.text);
        await page.click(point.x, point.y);
        await waitFor('the click to ask for the details', () => page.evaluate(() => globalThis.claimlensOverlay.detailsWanted > 0));
        assert.equal((await page.evaluate(readOverlay, HOST_TAG)).note, null, 'no note before its details');
        // Meanwhile the page put a sentence first and was analysed again: the clicked claim is c2 now, c1 another claim.
        // (Its details differ from the first analysis's, as a new analysis's may: now a comparison first.)
        const crimeNow = { ...crime, id: 'c2', kinds: ['comparison', 'quantity'] };
        const again = [vote, crimeNow, { ...hiring, id: 'c3' }];
        await place(again);
        await details(again);
        const opened = await waitForNote(page);
        assert.equal(opened.note.claimId, 'c2', 'the clicked claim’s note, by its id in the new analysis');
        assert.match((await page.evaluate(readNote, HOST_TAG)).summary, new RegExp(`^${MESSAGES.summaryKindComparison.message}\\.`), 'with the new analysis’s details');
        await page.press('Escape');
        await waitFor('the note to close', async () => !(await page.evaluate(readOverlay, HOST_TAG)).note);

        // A click whose claim is gone from the new analysis opens nothing, not the note of the claim now called c1.
        await place([crime, hiring]);
        await page.click(point.x, point.y);
        await place([vote, { ...hiring, id: 'c2' }]);
        await details([vote, { ...hiring, id: 'c2' }]);
        assert.equal((await page.evaluate(readOverlay, HOST_TAG)).note, null, 'no note of another claim'); // setDetails opens a note at once, or never
      } finally {
        await page.close();
      }
    });

    it('a click kept while the page re-renders opens no note when other text is under its point in the new analysis (regression: a live blog added a paragraph first, another claim\u2019s note opened)', async () => {
      const page = await session.browser.open(session.server.baseUrl + NO_ARTICLE_PATH);
      try {
        await page.evaluate(await overlayHarnessScript());
        const harness = (method, ...args) => page.evaluate(({ method, args }) => globalThis.claimlensOverlay[method](...args) ?? true, { method, args });
        const crime = noteClaim();
        const hiring = noteClaim({ id: 'c2', text: 'The mayor said 12 officers were hired in May.', note: { summary: 'A claim about hiring.' } });
        await harness('render', [crime.text, hiring.text]);
        await harness('place', [crime, hiring]);
        const point = await harness('pointOn', crime.text);

        // The same text re-rendered: the kept click opens the clicked claim's note in the new analysis.
        await harness('render', [crime.text, hiring.text]);
        await page.click(point.x, point.y);
        assert.equal((await page.evaluate(readOverlay, HOST_TAG)).note, null, 'no note while the page is being analysed again');
        await harness('place', [crime, hiring]);
        await harness('details', [crime, hiring]);
        assert.equal((await waitForNote(page)).note.claimText, crime.text, 'the clicked claim\u2019s note');
        await page.press('Escape');
        await waitFor('the note to close', async () => !(await page.evaluate(readOverlay, HOST_TAG)).note);

        // A paragraph came first during the re-render: the hiring claim is under the kept point now.
        await harness('render', [crime.text, hiring.text]);
        await page.click(point.x, point.y);
        await harness('render', [hiring.text, crime.text]);
        assert.equal(await harness('pointOn', hiring.text).then((now) => Math.abs(now.y - point.y) < 1), true, 'the other claim is under the point');
        const moved = [{ ...hiring, id: 'c1' }, { ...crime, id: 'c2' }];
        await harness('place', moved);
        await harness('details', moved);
        assert.equal((await page.evaluate(readOverlay, HOST_TAG)).note, null, 'no note of the claim now under the point'); // setDetails opens a note at once, or never
      } finally {
        await page.close();
      }
    });

    it('the details of another analysis whose ids shifted open no other claim\u2019s note (regression: a woken background analyses again for the notes)', async () => {
      const page = await session.browser.open(session.server.baseUrl + NO_ARTICLE_PATH);
      try {
        await page.evaluate(await overlayHarnessScript());
        const harness = (method, ...args) => page.evaluate(({ method, args }) => globalThis.claimlensOverlay[method](...args) ?? true, { method, args });
        const crime = noteClaim();
        const hiring = noteClaim({ id: 'c2', text: 'The mayor said 12 officers were hired in May.', note: { summary: 'A claim about hiring.' } });
        await harness('render', [crime.text, hiring.text]);
        await harness('place', [crime, hiring]);
        const point = await harness('pointOn', crime.text);
        await page.click(point.x, point.y);
        await waitFor('the click to ask for the details', () => page.evaluate(() => globalThis.claimlensOverlay.detailsWanted > 0));
        // The second analysis found one more claim first (another threshold, the encoder loaded in one run only).
        await harness('details', [{ ...hiring, id: 'c1' }, { ...crime, id: 'c2' }]);
        assert.equal((await page.evaluate(readOverlay, HOST_TAG)).note, null, 'not the note of the claim that has the clicked one\u2019s id there');
        await harness('details', [crime, hiring]);
        const opened = await waitForNote(page);
        assert.equal(opened.note.claimText, crime.text, 'the clicked claim\u2019s note, once details with its text come');
      } finally {
        await page.close();
      }
    });

    it('a click on a claim while the page re-renders its article (its highlights gone until analysed again) opens that claim’s note once the new analysis is placed', async () => {
      await withReaderPage(session, READER_PAGE_PATHS.linked, DESKTOP, async (page) => {
        const claim = claims().find((entry) => !entry.text.includes(LINKED_TEXTS[0]) && !entry.text.includes(LINKED_TEXTS[1]));
        await page.evaluate(scrollClaimTo, { text: claim.text, edge: 'top', gap: 200 });
        const point = (await page.evaluate(readClaim, { text: claim.text })).point;
        // The page re-renders its text at the click's pointerdown: the click always meets replaced text.
        await page.evaluate(rerenderOnPointerDown);
        try {
          await page.click(point.x, point.y);
          assert.equal((await page.evaluate(readOverlay, HOST_TAG)).note, null, 'no note while the page is being analysed again');
          // The claims' ranges collapsed where their nodes were taken out: nothing was highlighted under the click.
          const ranges = await page.evaluate(readClaimHighlights);
          assert.ok(ranges.length > 0 && ranges.every((range) => range.text === ''), 'the click met replaced text');
        } finally {
          await page.evaluate(stopRerendering);
        }
        const opened = await waitForNote(page, claim.id);
        assertNoteClear(opened, await page.evaluate(readClaim, { text: claim.text }), 'after the re-analysis');
      });
    });

    it('after the page re-renders its article (a React-like SPA), the Note button and the note work on the new nodes', async () => {
      await withReaderPage(session, READER_PAGE_PATHS.linked, DESKTOP, async (page) => {
        const claim = linkedClaim();
        const before = await page.evaluate(readClaimHighlights);
        await page.evaluate(rerenderArticle);
        await waitFor('the highlights on the new nodes', async () => {
          const now = await page.evaluate(readClaimHighlights);
          return now.length === before.length && now.every((range) => range.connected) && now;
        });
        await waitFor('the claim on the new nodes', () => page.evaluate(scrollClaimTo, { text: claim.text, edge: 'top', gap: 200 }));
        const onLink = await waitFor('the claim drawn', () => page.evaluate(readClaim, { text: claim.text, onLink: true }));
        await page.hover(onLink.point.x, onLink.point.y);
        const shown = await waitFor('the Note button', async () => (await page.evaluate(readOverlay, HOST_TAG)).button);
        await page.hover((shown.rect.left + shown.rect.right) / 2, (shown.rect.top + shown.rect.bottom) / 2);
        await page.click((shown.rect.left + shown.rect.right) / 2, (shown.rect.top + shown.rect.bottom) / 2);
        const opened = await waitForNote(page, claim.id);
        assertNoteClear(opened, await page.evaluate(readClaim, { text: claim.text }), 'after the re-render');
      });
    });
  });
}

/** Opens `path` at `viewport`, turns ClaimLens on with the toolbar button and waits for its highlights. */
async function withReaderPage(session, path, viewport, body) {
  await session.resetData();
  const page = await session.browser.open(session.server.baseUrl + path);
  try {
    await page.setViewport(viewport);
    await page.clickToolbarButton();
    await waitFor('the claims to be highlighted', async () => (await page.evaluate(readClaimHighlights)).length > 0);
    await body(page);
  } finally {
    await page.close();
  }
}

function waitForNote(page, claimId) {
  return waitFor(`the note${claimId ? ` of ${claimId}` : ''} to open`, async () => {
    const state = await page.evaluate(readOverlay, HOST_TAG);
    return state.note && (claimId === undefined || state.note.claimId === claimId) && state;
  });
}

const TOLERANCE_PX = 0.5;

function overlaps(a, b) {
  return a.left < b.right - TOLERANCE_PX && b.left < a.right - TOLERANCE_PX && a.top < b.bottom - TOLERANCE_PX && b.top < a.bottom - TOLERANCE_PX;
}

function noteIsClear(state, claim) {
  const note = state.note.rect;
  const inside = note.left >= -TOLERANCE_PX && note.top >= -TOLERANCE_PX && note.right <= state.viewport.width + TOLERANCE_PX && note.bottom <= state.viewport.height + TOLERANCE_PX;
  return inside && !claim.boxes.some((box) => overlaps(note, box));
}

/** The note is inside the viewport and intersects none of the claim's line boxes. */
function assertNoteClear(state, claim, what = '') {
  assert.ok(claim && claim.boxes.length > 0, `the claim is drawn ${what}`);
  assert.ok(noteIsClear(state, claim), `note ${JSON.stringify(state.note.rect)} (${state.note.placement}) clear of its claim ${JSON.stringify(claim.boxes)} inside ${JSON.stringify(state.viewport)} ${what}`);
}

function assertClear(rect, boxes, what) {
  for (const box of boxes) {
    assert.ok(!overlaps(rect, box), `${what} ${JSON.stringify(rect)} covers the claim's line ${JSON.stringify(box)}`);
  }
}
