// The reader's own notes, end to end in each browser: a note added to a
// claim through its popover survives a reload, is re-anchored when the page's
// text shifts (a paragraph inserted above it), and becomes a listed orphan
// when its passage is gone; a note on a text selection; export then import
// round-trips through W3C Web Annotation JSON-LD; the storage layer's
// upgrade, quarantine and atomic import hold in the browser's own IndexedDB.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import * as esbuild from 'esbuild';
import { seriousViolations } from './axe.mjs';
import { INSERTED_PARAGRAPH, NOTED_CLAIM, VARIANT_PATHS } from './article-variants.mjs';
import { clickElement, openPanel, openReady, resetExtensionData, textOf } from './extension-pages.mjs';
import { centreInPopover, highlightRanges, highlightTexts, popoverNotes, selectionText, textBox } from './notes-probes.mjs';
import { FLASH, HOST_TAG, MESSAGES, READER_NOTE_PATTERN, message } from './overlay-names.mjs';
import {
  readClaimHighlights,
  readNamedHighlights,
  readPanel,
  rerenderArticle,
  rerenderArticleWithout,
  serializeDomWithoutHost,
} from './page-probes.mjs';
import { ARTICLE_PAGES } from './page-server.mjs';
import { waitFor } from './wait-for.mjs';

const NOTE_TEXT = 'Check the 2023 estimate against the council minutes.';
const SELECTION_NOTE_TEXT = 'How many homes are in Eastmoor in total?';
const flat = (text) => text.replace(/\s+/g, ' ').trim();

/** axe-core's serious and critical violations inside the ClaimLens popover (its shadow root), not the page's own. */
const popoverViolations = (page) => seriousViolations(page, [[HOST_TAG, '.note']]);

/** First toolbar click on a freshly loaded page: wait for the claims. */
async function annotate(page) {
  await page.clickToolbarButton();
  return waitFor('the claims to be highlighted', async () => {
    const highlights = await page.evaluate(readClaimHighlights);
    return highlights.length > 0 && highlights;
  });
}

async function clickClaim(page, highlights, claimText) {
  const range = highlights.find((r) => flat(r.text) === claimText);
  assert.ok(range, `"${claimText}" is highlighted as a check-worthy claim`);
  await page.click(range.box.x + range.box.width / 2, range.box.y + range.box.height / 2);
  return waitFor('the claim note to open', async () => {
    const state = await page.evaluate(popoverNotes, HOST_TAG);
    return state.open && state;
  });
}

async function clickInPopover(page, selector) {
  const centre = await waitFor(`${selector} in the popover`, () => page.evaluate(centreInPopover, [HOST_TAG, selector]));
  await page.click(centre.x, centre.y);
}

/** The reader-note highlight's texts once it holds `count` ranges. */
function readerNoteTexts(page, count) {
  return waitFor(`${count} reader-note highlight(s)`, async () => {
    const texts = await page.evaluate(highlightTexts, READER_NOTE_PATTERN);
    return texts && texts.length === count && texts;
  });
}

async function writeNote(page, text) {
  await waitFor('the note editor to have focus', async () => (await page.evaluate(popoverNotes, HOST_TAG)).editorFocused);
  await page.type(text);
  await clickInPopover(page, '.notes-save');
}

/** Adds NOTE_TEXT to NOTED_CLAIM through the claim's popover, and waits until its passage is marked. */
async function addClaimNote(page, highlights) {
  await clickClaim(page, highlights, NOTED_CLAIM);
  await clickInPopover(page, '.notes-add');
  await writeNote(page, NOTE_TEXT);
  await readerNoteTexts(page, 1);
}

/** The exported Web Annotation JSON-LD, read through the download link the notes page offers. */
async function exportAnnotations(notesPage) {
  await clickElement(notesPage, '#export-w3c');
  return waitFor('the export link', () =>
    notesPage.evaluate(async () => {
      const link = document.querySelector('#export-out a');
      return link ? JSON.parse(await (await fetch(link.href)).text()) : null;
    }),
  );
}

/** @param {ReturnType<import('./session.mjs').useSession>} session */
export function describeReaderNotes(session) {
  describe('the reader’s notes', () => {
    it('a note on a claim survives a reload, is re-anchored after the text shifts, and becomes a listed orphan when its text is gone', async () => {
      await resetExtensionData(session);
      const base = session.server.baseUrl;
      const page = await session.browser.open(base + ARTICLE_PAGES[0].path);
      try {
        const pristineDom = await page.evaluate(serializeDomWithoutHost, HOST_TAG);
        // Add a note through the claim's popover.
        let highlights = await annotate(page);
        const popover = await clickClaim(page, highlights, NOTED_CLAIM);
        assert.deepEqual(popover.notes, [], 'no notes yet');
        await clickInPopover(page, '.notes-add');
        await waitFor('the note editor to have focus', async () => (await page.evaluate(popoverNotes, HOST_TAG)).editorFocused);
        assert.deepEqual(await popoverViolations(page), [], 'the note editor passes axe-core');
        await writeNote(page, NOTE_TEXT);
        const saved = await waitFor('the saved note in the claim popover', async () => {
          const state = await page.evaluate(popoverNotes, HOST_TAG);
          return state.notes.length === 1 && state;
        });
        assert.deepEqual(saved.notes, [NOTE_TEXT]);
        assert.equal(saved.status, MESSAGES.notesSaved.message);
        assert.deepEqual((await readerNoteTexts(page, 1)).map(flat), [NOTED_CLAIM], 'the passage is marked');
        assert.deepEqual(await popoverViolations(page), [], 'the claim note with the reader’s notes passes axe-core');
        assert.equal(await page.evaluate(serializeDomWithoutHost, HOST_TAG), pristineDom, 'the page DOM is unchanged');

        // Reload: the note comes back from the database, anchored where it was.
        await page.reload();
        highlights = await annotate(page);
        assert.deepEqual((await readerNoteTexts(page, 1)).map(flat), [NOTED_CLAIM], 'anchored again after the reload');
        assert.deepEqual((await clickClaim(page, highlights, NOTED_CLAIM)).notes, [NOTE_TEXT]);

        // The same story (same canonical URL) with a paragraph inserted above: every offset moved.
        await page.goto(base + VARIANT_PATHS.shifted);
        highlights = await annotate(page);
        assert.ok(highlights.length > 0);
        assert.deepEqual((await readerNoteTexts(page, 1)).map(flat), [NOTED_CLAIM], 're-anchored on the shifted text');
        assert.deepEqual((await clickClaim(page, highlights, NOTED_CLAIM)).notes, [NOTE_TEXT]);
        assert.ok(await page.evaluate((t) => document.body.textContent.includes(t), INSERTED_PARAGRAPH), 'the shifted page was served');

        // The passage gone: nothing is marked, and the note is listed as an orphan.
        await page.goto(base + VARIANT_PATHS.orphaned);
        await annotate(page);
        await waitFor('the reader-note highlight (empty)', async () => (await page.evaluate(highlightTexts, READER_NOTE_PATTERN))?.length === 0);
        const notesPage = await openReady(session, 'notes.html');
        try {
          const orphans = await waitFor('the orphan in the notes list', async () => {
            const texts = await notesPage.evaluate(() => [...document.querySelectorAll('.notes-orphans .notes-body')].map((p) => p.textContent));
            if (texts.length === 0) await notesPage.reload(); // the anchor report may land just after the page loaded
            return texts.length > 0 && texts;
          });
          assert.deepEqual(orphans, [NOTE_TEXT]);
          assert.match(await textOf(notesPage, '.notes-orphans .notes-heading'), /\(1\)/);
          assert.equal(await textOf(notesPage, '.notes-orphans .notes-orphan-badge'), MESSAGES.notesOrphanBadge.message);
        } finally {
          await notesPage.close();
        }

        // Back on a version where the passage exists, it is anchored again (orphans are never dropped).
        await page.goto(base + VARIANT_PATHS.shifted);
        await annotate(page);
        assert.deepEqual((await readerNoteTexts(page, 1)).map(flat), [NOTED_CLAIM]);
      } finally {
        await page.close();
      }
    });

    it('a note on a text selection, and export then import round-trips as W3C Web Annotations', async () => {
      await resetExtensionData(session);
      const page = await session.browser.open(session.server.baseUrl + ARTICLE_PAGES[1].path); // the strict-CSP page
      let tempDir;
      try {
        let highlights = await annotate(page);
        // A claim note, then a selection note.
        await addClaimNote(page, highlights);

        const box = await page.evaluate(textBox, '4,200 homes');
        await page.drag({ x: box.x + 1, y: box.y + box.height / 2 }, { x: box.x + box.width - 1, y: box.y + box.height / 2 });
        const selected = await page.evaluate(selectionText);
        assert.match(selected, /200 home/, 'the drag selected the words');
        await clickInPopover(page, '.notes-add-selection');
        await writeNote(page, SELECTION_NOTE_TEXT);
        const marked = await readerNoteTexts(page, 2);
        assert.ok(marked.includes(selected), `the selection "${selected}" is marked: ${JSON.stringify(marked)}`);

        // Export from the notes page.
        const notesPage = await openReady(session, 'notes.html');
        try {
          const exported = await exportAnnotations(notesPage);
          assert.equal(exported.type, 'AnnotationCollection');
          assert.ok(exported['@context'].includes('http://www.w3.org/ns/anno.jsonld'));
          const items = exported.first.items;
          assert.deepEqual(items.map((a) => a.body.value).sort(), [NOTE_TEXT, SELECTION_NOTE_TEXT].sort());
          for (const annotation of items) {
            assert.equal(annotation.target.source, 'https://ledger.example/news/2025/11/18/harrowfield-flood-barrier', 'keyed by the canonical URL');
            assert.deepEqual(annotation.target.selector.map((s) => s.type), ['TextQuoteSelector', 'TextPositionSelector']);
          }
          assert.equal(flat(items.find((a) => a.body.value === NOTE_TEXT).target.selector[0].exact), NOTED_CLAIM);

          // Delete everything, then import the file: the same notes come back, and export identically.
          await resetExtensionData(session);
          await notesPage.reload();
          await waitFor('the emptied list', async () => (await textOf(notesPage, '.notes-count')) === MESSAGES.notesListHeading.message.replace('$COUNT$', '0'));
          tempDir = mkdtempSync(join(tmpdir(), 'claimlens-import-'));
          const file = join(tempDir, 'notes.jsonld');
          writeFileSync(file, JSON.stringify(exported));
          await notesPage.chooseFile('#import-file', file);
          const summary = await waitFor('the import report', () => textOf(notesPage, '.import-summary'));
          assert.match(summary, /holds 2 annotations: 2 added, 0 updated/);
          await waitFor('the imported notes listed', async () => (await notesPage.evaluate(() => document.querySelectorAll('.notes-item').length)) === 2);
          const again = await exportAnnotations(notesPage);
          assert.deepEqual(again, exported, 'export -> import -> export is the identity');

          // A file with bad records: each reported by position and reason; the good one imported.
          const bad = join(tempDir, 'bad.jsonld');
          writeFileSync(bad, JSON.stringify({ type: 'AnnotationPage', items: [items[0], { type: 'Annotation', id: 'urn:x', target: 'https://example.com/' }, 42] }));
          await notesPage.chooseFile('#import-file', bad);
          const problems = await waitFor('the import problems', async () => {
            const lines = await notesPage.evaluate(() => [...document.querySelectorAll('.import-problems li')].map((li) => li.textContent));
            return lines.length > 0 && lines;
          });
          assert.equal(problems.length, 2);
          assert.match(problems[0], /^Annotation 2 \(urn:x\): the target is a whole page/);
          assert.match(problems[1], /^Annotation 3: not an object/);
          assert.match(await textOf(notesPage, '.import-summary'), /holds 3 annotations: 0 added, 0 updated, 1 already up to date/);
        } finally {
          await notesPage.close();
        }

        // The imported notes anchor on the page again.
        await page.reload();
        highlights = await annotate(page);
        assert.equal((await readerNoteTexts(page, 2)).length, 2);
      } finally {
        await page.close();
        if (tempDir) rmSync(tempDir, { recursive: true, force: true });
      }
    });

    it('the claims panel lists the page’s notes and reveals one; a re-rendered page re-anchors them, orphans listed apart; edits in the panel reach the page', async () => {
      await resetExtensionData(session);
      const page = await session.browser.open(session.server.baseUrl + ARTICLE_PAGES[0].path);
      let panel;
      try {
        await addClaimNote(page, await annotate(page));

        panel = await openPanel(session, page);
        const listed = await waitFor('the note in the panel', async () => {
          const notes = (await panel.evaluate(readPanel)).readerNotes;
          return notes.notes.length === 1 && notes;
        });
        assert.deepEqual(listed, { heading: message('notesListHeading', '1'), notes: [NOTE_TEXT], orphans: [] });

        // "Show" in the panel scrolls the page to the note's passage and flashes it.
        await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
        await clickElement(panel, '.notes-show');
        const flash = await waitFor('the flash on the noted passage', async () => (await page.evaluate(readNamedHighlights, `^${FLASH}$`))[0]);
        assert.equal(flat(flash.text), NOTED_CLAIM);
        assert.ok(flash.inViewport, 'the page scrolled to it');

        // The site re-renders its article with a paragraph on top: new nodes, every offset moved.
        // (The reader looks at the article: a hidden tab is not re-analysed until it is shown.)
        await page.bringToFront();
        await page.evaluate(rerenderArticle, INSERTED_PARAGRAPH);
        const moved = await waitFor('the note re-anchored on the new nodes', async () => {
          const ranges = await page.evaluate(highlightRanges, READER_NOTE_PATTERN);
          return ranges.length === 1 && ranges[0].connected && flat(ranges[0].text) === NOTED_CLAIM && ranges;
        });
        assert.equal(moved.length, 1);
        const rerendered = await waitFor('the claims on the new nodes', async () => {
          const ranges = await page.evaluate(readClaimHighlights);
          return ranges.some((r) => r.connected && flat(r.text) === NOTED_CLAIM) && ranges.every((r) => r.connected) && ranges;
        });
        assert.deepEqual((await clickClaim(page, rerendered, NOTED_CLAIM)).notes, [NOTE_TEXT], 'the claim’s note still lists it');
        await page.press('Escape');
        await waitFor('the claim’s note to close', async () => !(await page.evaluate(popoverNotes, HOST_TAG)).open);

        // Edited in the panel: the page's claim note shows the new text.
        await panel.bringToFront();
        await clickElement(panel, '.notes-edit');
        await waitFor('the panel’s note editor to have focus', () => panel.evaluate(() => document.activeElement?.tagName === 'TEXTAREA'));
        await panel.type(' Edited in the panel.');
        await clickElement(panel, '.notes-save');
        const edited = `${NOTE_TEXT} Edited in the panel.`;
        await waitFor('the edit in the panel list', async () => (await panel.evaluate(readPanel)).readerNotes.notes[0] === edited);
        await page.bringToFront();
        await waitFor('the page to have the edit', async () => {
          const ranges = await page.evaluate(readClaimHighlights);
          const range = ranges.find((r) => flat(r.text) === NOTED_CLAIM);
          await page.click(range.box.x + range.box.width / 2, range.box.y + range.box.height / 2);
          const state = await waitFor('the claim note to open', async () => {
            const popover = await page.evaluate(popoverNotes, HOST_TAG);
            return popover.open && popover;
          });
          await page.press('Escape');
          await waitFor('the claim’s note to close', async () => !(await page.evaluate(popoverNotes, HOST_TAG)).open);
          return state.notes[0] === edited;
        });

        // The site edits the sentence away: the note becomes an orphan, listed apart in the panel.
        await page.evaluate(rerenderArticleWithout, NOTED_CLAIM);
        await waitFor('the reader-note highlight (empty)', async () => (await page.evaluate(highlightTexts, READER_NOTE_PATTERN))?.length === 0);
        const orphaned = await waitFor('the orphan in the panel', async () => {
          const notes = (await panel.evaluate(readPanel)).readerNotes;
          return notes.orphans.length === 1 && notes;
        });
        assert.deepEqual(orphaned.orphans, [edited]);
        assert.equal(await panel.evaluate(() => document.querySelectorAll('.notes-show').length), 0, 'an orphan has no "Show"');

        // Deleted in the panel (after its confirmation): gone from the list and the database.
        await panel.bringToFront();
        await clickElement(panel, '.notes-delete');
        await clickElement(panel, '.notes-delete-confirm');
        await waitFor('the panel list to empty', async () => (await panel.evaluate(readPanel)).readerNotes.heading === message('notesListHeading', '0'));
        const remaining = await panel.evaluate(() => (globalThis.browser ?? chrome).runtime.sendMessage({ type: 'notes-list-all' }));
        assert.deepEqual(remaining.notes, [], 'the note is deleted from the database');
      } finally {
        await panel?.close();
        await page.close();
      }
    });

    it('the notes database upgrades from version 1, quarantines corrupt records and imports atomically, in the browser’s IndexedDB', async () => {
      const page = await openReady(session, 'notes.html');
      try {
        const result = await page.evaluate(`${storageCheckScript()}\nClaimLensStorageCheck.run()`);
        assert.deepEqual(result, {
          upgradedFrom: 1,
          upgraded: 3,
          quarantinedOnUpgrade: ['target.quote.exact is not text'],
          notesAfterUpgrade: 3,
          bodiesKept: true,
          quarantinedOnRead: ['body is not text'],
          importRejected: true,
          notesAfterFailedImport: 3,
        });
      } finally {
        await page.close();
      }
    });
  });
}

/**
 * The storage checks as a script for an extension page: the real db.ts and
 * the v1 fixture, run against the browser's own IndexedDB under a test-only
 * database name (the extension's own database is not touched).
 */
function storageCheckScript() {
  const source = `
    import { NotesDb } from './extension/src/notes/db.ts';
    import { createV1Database, V1_RECORDS } from './tests/unit/v1-notes-fixture.mjs';
    export async function run() {
      const name = 'claimlens-notes-e2e-' + Math.random().toString(36).slice(2);
      await createV1Database(indexedDB, name);
      const { db, report } = await NotesDb.open(indexedDB, name);
      const { notes } = await db.allNotes();
      const bodiesKept = V1_RECORDS.every((old) => notes.some((n) => n.id === old.id && n.body === old.note && n.target.quote.exact === old.quote));
      // Corrupt one record behind the decoder's back, then read.
      await new Promise((resolve, reject) => {
        const tx = db.db.transaction('notes', 'readwrite');
        tx.objectStore('notes').put({ ...notes[0], id: 'urn:broken', body: 42 });
        tx.oncomplete = resolve;
        tx.onerror = () => reject(tx.error);
      });
      const read = await db.allNotes();
      let importRejected = false;
      try {
        await db.importRecords([{ ...notes[0], id: 'urn:new-1' }, { ...notes[1], id: 'urn:new-2', body: () => 1 }]);
      } catch {
        importRejected = true;
      }
      const after = await db.allNotes();
      db.close();
      indexedDB.deleteDatabase(name);
      return {
        upgradedFrom: report.upgradedFrom,
        upgraded: report.upgraded,
        quarantinedOnUpgrade: report.quarantined.map((q) => q.reason),
        notesAfterUpgrade: notes.length,
        bodiesKept,
        quarantinedOnRead: read.quarantined.map((q) => q.reason),
        importRejected,
        notesAfterFailedImport: after.notes.length,
      };
    }`;
  const { outputFiles } = esbuild.buildSync({
    stdin: { contents: source, resolveDir: new URL('../../', import.meta.url).pathname, loader: 'ts' },
    bundle: true,
    format: 'iife',
    globalName: 'ClaimLensStorageCheck',
    write: false,
  });
  return outputFiles[0].text;
}
