// The reader's notes as the content script and extension pages see them:
// typed requests to the background (messages.ts), which owns the database.

import {
  type NoteAnchorReport,
  type NotesAdminRequest,
  type NotesReply,
  type NotesRequest,
  type QuarantineReport,
  isNotesReply,
} from '../messages';
import { ext } from '../platform';
import type { ImportCounts } from './db';
import type { NoteDraft, NoteRecord } from './model';
import type { NotesSource } from '../ui/notes-list';
import type { ImportProblem } from './w3c';

async function request<T extends NotesReply['type']>(
  message: NotesRequest | NotesAdminRequest,
  expected: T,
): Promise<Extract<NotesReply, { type: T }>> {
  const reply: unknown = await ext.runtime.sendMessage(message);
  if (!isNotesReply(reply)) {
    throw new Error('the ClaimLens background did not answer');
  }
  if (reply.type === 'notes-error') {
    throw new Error(reply.error);
  }
  if (reply.type !== expected) {
    throw new Error(`unexpected answer ${reply.type} to ${message.type}`);
  }
  return reply as Extract<NotesReply, { type: T }>;
}

export async function notesForPage(url: string): Promise<NoteRecord[]> {
  return (await request({ type: 'notes-for-page', url }, 'notes')).notes;
}

export async function addNote(draft: NoteDraft): Promise<NoteRecord> {
  return (await request({ type: 'note-add', draft }, 'note')).note;
}

export async function updateNote(id: string, body: string): Promise<NoteRecord> {
  return (await request({ type: 'note-update', id, body }, 'note')).note;
}

export async function deleteNote(id: string): Promise<void> {
  await request({ type: 'note-delete', id }, 'notes-ok');
}

export async function reportAnchors(url: string, results: NoteAnchorReport[]): Promise<void> {
  await request({ type: 'notes-anchored', url, results }, 'notes-ok');
}

/** Extension pages only. */
export async function allNotes(): Promise<{ notes: NoteRecord[]; quarantined: number }> {
  const reply = await request({ type: 'notes-list-all' }, 'notes');
  return { notes: reply.notes, quarantined: reply.quarantined };
}

/** Extension pages only. */
export async function importNotes(document: unknown): Promise<{ counts: ImportCounts; problems: ImportProblem[]; total: number }> {
  const { counts, problems, total } = await request({ type: 'notes-import', document }, 'notes-imported');
  return { counts, problems, total };
}

/** Extension pages only. */
export async function quarantinedNotes(): Promise<QuarantineReport[]> {
  return (await request({ type: 'notes-quarantine' }, 'notes-quarantine')).entries;
}

/** Extension pages only. */
export async function deleteAllNotes(): Promise<void> {
  await request({ type: 'notes-delete-all' }, 'notes-ok');
}

/** Extension pages only. */
export async function coreInfo(): Promise<{ version: string; defaultThreshold: number }> {
  const { version, defaultThreshold } = await request({ type: 'core-info' }, 'core-info');
  return { version, defaultThreshold };
}

/** The background's notes as a NotesSource for mountNotesList (ui/notes-list.ts). */
export function notesSource(): NotesSource {
  return {
    list: async (url) => (url === undefined ? (await allNotes()).notes : notesForPage(url)),
    update: updateNote,
    remove: deleteNote,
  };
}
