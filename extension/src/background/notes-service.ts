// The background's side of the reader's notes: the one owner of the notes
// database. Every request is checked by type and by sender before anything
// is read or written:
//   - page requests (NotesRequest) from our content script in a tab's top
//     frame, or from one of our extension pages;
//   - whole-store requests (NotesAdminRequest) from our extension pages only.
// Corrupt records found on opening or reading are quarantined by the
// database and reported in the storage problems log.

import {
  type NotesAdminRequest,
  type NotesReply,
  type NotesRequest,
  type QuarantineReport,
  isNotesAdminRequest,
  isNotesRequest,
  isOwnContentScript,
  isOwnExtensionPage,
} from '../messages';
import { NotesDb, type QuarantineEntry } from '../notes/db';
import { type AnchorState, canonicalPageUrl, decodeBody, decodeNoteDraft, newNoteId, recordFromDraft } from '../notes/model';
import { fromWebAnnotations } from '../notes/w3c';
import { ext } from '../platform';
import type { StorageAreaLike } from '../storage/area';
import { appendProblem, describeData } from '../storage/problem-log';
import { coreInfo, loadCore } from './core';

let database: Promise<NotesDb> | undefined;

/** The notes database, opened (and upgraded) on first use in this background lifetime. */
function notesDb(): Promise<NotesDb> {
  database ??= NotesDb.open(indexedDB).then(
    async ({ db, report }) => {
      await reportQuarantined(report.quarantined, 'upgrading the notes database');
      return db;
    },
    (error: unknown) => {
      database = undefined; // let the next request try again
      throw error;
    },
  );
  return database;
}

async function reportQuarantined(entries: readonly QuarantineEntry[], when: string): Promise<void> {
  if (entries.length === 0) return;
  await appendProblem(ext.storage.local as unknown as StorageAreaLike, {
    at: new Date().toISOString(),
    source: 'notes',
    problems: entries.map((entry) => `${when}: a note record was unreadable and was quarantined (${entry.reason})`),
    data: describeData(entries.map((entry) => entry.raw)),
  });
}

class RequestError extends Error {}

function pageUrl(raw: string): string {
  const url = canonicalPageUrl(raw);
  if (url === undefined) throw new RequestError('the page address is not an absolute URL');
  return url;
}

async function handlePageRequest(request: NotesRequest): Promise<NotesReply> {
  const db = await notesDb();
  switch (request.type) {
    case 'notes-for-page': {
      const { notes, quarantined } = await db.pageNotes(pageUrl(request.url));
      await reportQuarantined(quarantined, 'reading a page’s notes');
      return { type: 'notes', notes, quarantined: quarantined.length };
    }
    case 'note-add': {
      const draft = decodeNoteDraft(request.draft);
      if (!draft.ok) throw new RequestError(`the note cannot be stored: ${draft.reason}`);
      const note = recordFromDraft(draft.value, newNoteId(), new Date());
      await db.add(note);
      return { type: 'note', note };
    }
    case 'note-update': {
      const body = decodeBody(request.body);
      if (!body.ok) throw new RequestError(`the note cannot be stored: ${body.reason}`);
      const note = await db.updateBody(request.id, body.value, new Date());
      if (!note) throw new RequestError('there is no such note (it may have been deleted elsewhere)');
      return { type: 'note', note };
    }
    case 'note-delete':
      await db.remove(request.id);
      return { type: 'notes-ok' };
    case 'notes-anchored': {
      const checkedAt = new Date().toISOString();
      const states = new Map<string, AnchorState>(
        request.results.map((r) => [r.id, r.method === undefined ? { status: r.status, checkedAt } : { status: r.status, method: r.method, checkedAt }]),
      );
      await db.setAnchorStates(pageUrl(request.url), states);
      return { type: 'notes-ok' };
    }
  }
}

async function handleAdminRequest(request: NotesAdminRequest): Promise<NotesReply> {
  if (request.type === 'core-info') {
    await loadCore();
    // f32 -> f64 adds noise digits (0.55 -> 0.550000011920929); four places are what the slider shows.
    return { type: 'core-info', ...coreInfo() };
  }
  const db = await notesDb();
  switch (request.type) {
    case 'notes-list-all': {
      const { notes, quarantined } = await db.allNotes();
      await reportQuarantined(quarantined, 'listing the notes');
      return { type: 'notes', notes, quarantined: quarantined.length };
    }
    case 'notes-import': {
      const { records, problems, total } = fromWebAnnotations(request.document);
      const counts = records.length > 0 ? await db.importRecords(records) : { added: 0, updated: 0, unchanged: 0 };
      return { type: 'notes-imported', counts, problems, total };
    }
    case 'notes-quarantine': {
      const entries: QuarantineReport[] = (await db.quarantine()).map((entry) => ({
        qid: entry.qid ?? 0,
        at: entry.at,
        source: entry.source,
        reason: entry.reason,
        data: describeData(entry.raw) ?? '',
      }));
      return { type: 'notes-quarantine', entries };
    }
    case 'notes-delete-all':
      await db.clearAll();
      return { type: 'notes-ok' };
  }
}

/** runtime.onMessage listener for the notes messages; ignores (returns false for) everything else. */
export function onNotesMessage(
  message: unknown,
  sender: chrome.runtime.MessageSender,
  sendResponse: (reply: NotesReply) => void,
): boolean {
  const origin = ext.runtime.getURL('');
  const fromPage = isOwnExtensionPage(sender, ext.runtime.id, origin);
  const fromContentScript = isOwnContentScript(sender, ext.runtime.id, origin);
  let handling: Promise<NotesReply>;
  if (isNotesRequest(message) && (fromPage || fromContentScript)) {
    handling = handlePageRequest(message);
  } else if (isNotesAdminRequest(message) && fromPage) {
    handling = handleAdminRequest(message);
  } else {
    return false;
  }
  handling.then(sendResponse, (error: unknown) => {
    sendResponse({ type: 'notes-error', error: error instanceof Error ? error.message : String(error) });
  });
  return true; // the reply is sent asynchronously
}
