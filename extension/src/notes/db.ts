// The notes database, in the extension's own origin (the background and the
// extension pages share it). Takes the IDBFactory as a parameter so the same
// code runs on fake-indexeddb in node tests and on the browsers' own.
//
// Schema, database version 2 (current):
//   notes       keyPath "id"; index "url" on "url". Records: NoteRecord (model.ts, record version 2).
//   quarantine  keyPath "qid", autoIncrement. Records: QuarantineEntry — a stored record that
//               failed to decode, kept verbatim with the reason, never deleted except by
//               "delete all data".
// Database version 1 (previous) had only "notes" (same key and index) with version-1 records;
// the upgrade rewrites each one as version 2 in the upgrade transaction, so a failure
// anywhere leaves version 1 exactly as it was.
//
// Every write that touches several records runs in one transaction: an import
// or a clean-up either happens whole or not at all.

import {
  type AnchorState,
  type NoteRecord,
  decodeNoteRecord,
  upgradeV1Record,
} from './model';
import { inTransaction } from '../storage/idb';

export const NOTES_DB_NAME = 'claimlens-notes';
export const NOTES_DB_VERSION = 2;
const NOTES = 'notes';
const QUARANTINE = 'quarantine';
const BY_URL = 'url';

export interface QuarantineEntry {
  qid?: number;
  /** ISO 8601. */
  at: string;
  /** Where the bad record was found. */
  source: 'upgrade' | 'read' | 'import';
  reason: string;
  /** The record exactly as stored. */
  raw: unknown;
}

/** What opening the database did beyond opening it. */
export interface OpenReport {
  /** The version the database had before (0: it did not exist). */
  upgradedFrom: number;
  upgraded: number;
  quarantined: QuarantineEntry[];
}

export interface ImportCounts {
  added: number;
  updated: number;
  unchanged: number;
}

export class NotesDbError extends Error {
  constructor(
    message: string,
    readonly kind: 'newer-version' | 'blocked' | 'failed',
  ) {
    super(message);
    this.name = 'NotesDbError';
  }
}

export class NotesDb {
  private constructor(private readonly db: IDBDatabase) {
    // Another context upgrading the database (a newer version of the extension) must not be blocked.
    db.onversionchange = () => db.close();
  }

  /** Opens (creating or upgrading) the database. */
  static open(factory: IDBFactory, name = NOTES_DB_NAME): Promise<{ db: NotesDb; report: OpenReport }> {
    return new Promise((resolve, reject) => {
      const report: OpenReport = { upgradedFrom: -1, upgraded: 0, quarantined: [] };
      let request: IDBOpenDBRequest;
      try {
        request = factory.open(name, NOTES_DB_VERSION);
      } catch (error) {
        reject(new NotesDbError(`cannot open the notes database: ${String(error)}`, 'failed'));
        return;
      }
      request.onupgradeneeded = (event) => {
        report.upgradedFrom = event.oldVersion;
        upgrade(request.result, request.transaction!, event.oldVersion, report);
      };
      request.onsuccess = () => resolve({ db: new NotesDb(request.result), report });
      request.onerror = (event) => {
        event.preventDefault();
        const error = request.error;
        if (error?.name === 'VersionError') {
          reject(
            new NotesDbError(
              'the notes database was written by a newer ClaimLens; your notes are kept, and open again after updating',
              'newer-version',
            ),
          );
        } else {
          reject(new NotesDbError(`cannot open the notes database: ${error?.message ?? 'unknown error'}`, 'failed'));
        }
      };
      request.onblocked = () => {
        // Another context holds an older version open; it closes on versionchange, so this resolves itself.
      };
    });
  }

  close(): void {
    this.db.close();
  }

  /** The notes of one page. Records that fail to decode are moved to quarantine and returned as such. */
  pageNotes(url: string): Promise<{ notes: NoteRecord[]; quarantined: QuarantineEntry[] }> {
    return this.readChecked((store) => store.index(BY_URL).getAll(IDBKeyRange.only(url)));
  }

  /** Every note. Records that fail to decode are moved to quarantine and returned as such. */
  allNotes(): Promise<{ notes: NoteRecord[]; quarantined: QuarantineEntry[] }> {
    return this.readChecked((store) => store.getAll());
  }

  private readChecked(
    query: (store: IDBObjectStore) => IDBRequest<unknown[]>,
  ): Promise<{ notes: NoteRecord[]; quarantined: QuarantineEntry[] }> {
    return inTransaction(this.db, [NOTES, QUARANTINE], 'readwrite', (tx) => {
      const notes: NoteRecord[] = [];
      const quarantined: QuarantineEntry[] = [];
      const store = tx.objectStore(NOTES);
      const request = query(store);
      request.onsuccess = () => {
        for (const raw of request.result) {
          const decoded = decodeNoteRecord(raw);
          if (decoded.ok) {
            notes.push(decoded.value);
            continue;
          }
          const entry: QuarantineEntry = { at: new Date().toISOString(), source: 'read', reason: decoded.reason, raw };
          quarantined.push(entry);
          tx.objectStore(QUARANTINE).add(entry);
          const key = recordKey(raw);
          if (key !== undefined) {
            store.delete(key);
          }
        }
      };
      return () => ({ notes: sortByCreated(notes), quarantined });
    });
  }

  /** Adds a new note; fails if its id exists. */
  add(record: NoteRecord): Promise<void> {
    return inTransaction(this.db, [NOTES], 'readwrite', (tx) => {
      tx.objectStore(NOTES).add(record);
      return () => undefined;
    });
  }

  /** Changes a note's text. Resolves with the updated note, or undefined if there is none with that id. */
  updateBody(id: string, body: string, now: Date): Promise<NoteRecord | undefined> {
    return this.modify(id, (record) => ({ ...record, body, modified: now.toISOString() }));
  }

  private modify(id: string, change: (record: NoteRecord) => NoteRecord): Promise<NoteRecord | undefined> {
    return inTransaction(this.db, [NOTES], 'readwrite', (tx) => {
      let updated: NoteRecord | undefined;
      const store = tx.objectStore(NOTES);
      const request = store.get(id);
      request.onsuccess = () => {
        const decoded = decodeNoteRecord(request.result);
        if (decoded.ok) {
          updated = change(decoded.value);
          store.put(updated);
        }
      };
      return () => updated;
    });
  }

  /** Deletes a note; resolves with whether it existed. */
  remove(id: string): Promise<boolean> {
    return inTransaction(this.db, [NOTES], 'readwrite', (tx) => {
      let existed = false;
      const store = tx.objectStore(NOTES);
      const request = store.count(id);
      request.onsuccess = () => {
        existed = request.result > 0;
        if (existed) store.delete(id);
      };
      return () => existed;
    });
  }

  /** Records what the page showed of each note; only changed states are written. Resolves with how many changed. */
  setAnchorStates(url: string, states: ReadonlyMap<string, AnchorState>): Promise<number> {
    return inTransaction(this.db, [NOTES], 'readwrite', (tx) => {
      let changed = 0;
      const store = tx.objectStore(NOTES);
      const request = store.index(BY_URL).getAll(IDBKeyRange.only(url));
      request.onsuccess = () => {
        for (const raw of request.result) {
          const decoded = decodeNoteRecord(raw);
          if (!decoded.ok) continue; // the next read quarantines it
          const record = decoded.value;
          const state = states.get(record.id);
          if (state && (record.anchor?.status !== state.status || record.anchor?.method !== state.method)) {
            store.put({ ...record, anchor: state });
            changed++;
          }
        }
      };
      return () => changed;
    });
  }

  /**
   * Writes imported notes in ONE transaction: all of them or, if anything
   * fails (quota, a browser error, the context closing), none. A note whose
   * id exists is replaced only when the imported copy is newer.
   */
  importRecords(records: readonly NoteRecord[]): Promise<ImportCounts> {
    return inTransaction(this.db, [NOTES, QUARANTINE], 'readwrite', (tx) => {
      const counts: ImportCounts = { added: 0, updated: 0, unchanged: 0 };
      const store = tx.objectStore(NOTES);
      for (const record of records) {
        const request = store.get(record.id);
        request.onsuccess = () => {
          const existing = decodeNoteRecord(request.result);
          if (request.result === undefined) {
            store.add(record);
            counts.added++;
          } else if (!existing.ok || Date.parse(existing.value.modified) < Date.parse(record.modified)) {
            if (!existing.ok) {
              // A corrupt stored note the import replaces is kept in the quarantine, never silently dropped.
              const entry: QuarantineEntry = { at: new Date().toISOString(), source: 'import', reason: existing.reason, raw: request.result };
              tx.objectStore(QUARANTINE).add(entry);
            }
            store.put(record);
            counts.updated++;
          } else {
            counts.unchanged++;
          }
        };
      }
      return () => counts;
    });
  }

  quarantine(): Promise<QuarantineEntry[]> {
    return inTransaction(this.db, [QUARANTINE], 'readonly', (tx) => {
      const request = tx.objectStore(QUARANTINE).getAll();
      let entries: QuarantineEntry[] = [];
      request.onsuccess = () => {
        entries = request.result as QuarantineEntry[];
      };
      return () => entries;
    });
  }

  /** Deletes every note and the quarantine: "delete all data". */
  clearAll(): Promise<void> {
    return inTransaction(this.db, [NOTES, QUARANTINE], 'readwrite', (tx) => {
      tx.objectStore(NOTES).clear();
      tx.objectStore(QUARANTINE).clear();
      return () => undefined;
    });
  }
}

function recordKey(raw: unknown): IDBValidKey | undefined {
  if (typeof raw === 'object' && raw !== null && 'id' in raw) {
    const id = (raw as { id: unknown }).id;
    if (typeof id === 'string' || typeof id === 'number') return id;
  }
  return undefined;
}

function sortByCreated(notes: NoteRecord[]): NoteRecord[] {
  return notes.sort((a, b) => (a.created < b.created ? -1 : a.created > b.created ? 1 : a.id < b.id ? -1 : 1));
}

/**
 * The schema steps, run in the versionchange transaction. Each step takes the
 * database from one version to the next; a fresh install runs them all.
 */
function upgrade(db: IDBDatabase, tx: IDBTransaction, oldVersion: number, report: OpenReport): void {
  if (oldVersion < 1) {
    const notes = db.createObjectStore(NOTES, { keyPath: 'id' });
    notes.createIndex(BY_URL, 'url', { unique: false });
  }
  if (oldVersion < 2) {
    const quarantine = db.createObjectStore(QUARANTINE, { keyPath: 'qid', autoIncrement: true });
    if (oldVersion >= 1) {
      upgradeRecordsFromV1(tx.objectStore(NOTES), quarantine, report);
    }
  }
}

function upgradeRecordsFromV1(notes: IDBObjectStore, quarantine: IDBObjectStore, report: OpenReport): void {
  const cursorRequest = notes.openCursor();
  cursorRequest.onsuccess = () => {
    const cursor = cursorRequest.result;
    if (!cursor) return;
    const raw: unknown = cursor.value;
    const upgraded = upgradeV1Record(raw);
    // A key the record does not carry any more (the v1 id was bad) is still the key it is stored under.
    if (upgraded.ok && upgraded.value.id === cursor.primaryKey) {
      cursor.update(upgraded.value);
      report.upgraded++;
    } else {
      const reason = upgraded.ok ? 'the record id does not match its key' : upgraded.reason;
      const entry: QuarantineEntry = { at: new Date().toISOString(), source: 'upgrade', reason, raw };
      quarantine.add(entry);
      report.quarantined.push(entry);
      cursor.delete();
    }
    cursor.continue();
  };
}
