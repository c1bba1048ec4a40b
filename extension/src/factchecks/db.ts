// The fact-check database, in the extension's own origin (the background owns
// it): the packs the reader imported, and the live source's cached answers.
// Takes the IDBFactory as a parameter so the node tests run it on fake-indexeddb.
//
// Schema, database version 1:
//   packs       keyPath "name". Records: StoredPack (record version 1) — the pack file's
//               bytes as imported, with what the core said about it.
//   quarantine  keyPath "qid", autoIncrement. Records: PackQuarantineEntry — a stored pack
//               that failed to decode, or whose bytes the core refused, kept verbatim with
//               the reason; never deleted except by "delete all data".
//   live        keyPath "key"; index "fetchedAt". Records: LiveAnswer (record version 1) —
//               one claims:search response body per (endpoint, claim text). A cache: an
//               unreadable entry is dropped and asked for again, never shown.
//
// The built-in pack is not stored here: it ships with the extension as a file.

import { inTransaction } from '../storage/idb';

export const FACTCHECKS_DB_NAME = 'claimlens-factchecks';
export const FACTCHECKS_DB_VERSION = 1;
const PACKS = 'packs';
const QUARANTINE = 'quarantine';
const LIVE = 'live';
const BY_FETCHED = 'fetchedAt';

/** What the core's `load_pack` reports about a pack. */
export interface PackInfo {
  name: string;
  description: string;
  source: string;
  licence: string;
  /** Fact-checks in the pack. */
  records: number;
  /** The pack file's size. */
  bytes: number;
}

export interface StoredPack {
  v: 1;
  name: string;
  /** The file the reader chose. */
  fileName: string;
  /** ISO 8601. */
  importedAt: string;
  info: PackInfo;
  /** The pack file, as imported or as built from the reader's file. */
  bytes: Uint8Array;
  /**
   * The file of published fact-checks (ClaimReview JSON, JSON Lines, ...) the
   * pack was built from, when it was not a ready .clpack: a later ClaimLens
   * whose core reads packs differently rebuilds the pack from it, so an
   * upgrade loses nothing.
   */
  original?: Uint8Array;
}

export interface PackQuarantineEntry {
  qid?: number;
  /** ISO 8601. */
  at: string;
  /** `read`: the record itself was unreadable; `load`: the core refused its bytes. */
  source: 'read' | 'load';
  reason: string;
  /** The record exactly as stored. */
  raw: unknown;
}

export interface LiveAnswer {
  v: 1;
  /** See `liveCacheKey`. */
  key: string;
  /** Milliseconds since the epoch. */
  fetchedAt: number;
  /** The claims:search response body. */
  body: string;
}

export type Decoded<T> = { ok: true; value: T } | { ok: false; reason: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const isText = (value: unknown): value is string => typeof value === 'string';
const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0;

/** Pack names as the core writes them: short, printable. */
export function isPackName(value: unknown): value is string {
  return isText(value) && value.length > 0 && value.length <= 200 && !/[\u0000-\u001f]/.test(value);
}

export function decodePackInfo(raw: unknown): Decoded<PackInfo> {
  if (!isRecord(raw)) return { ok: false, reason: 'the pack information is not an object' };
  if (!isPackName(raw.name)) return { ok: false, reason: 'the pack has no valid name' };
  for (const field of ['description', 'source', 'licence'] as const) {
    if (!isText(raw[field])) return { ok: false, reason: `the pack's ${field} is not text` };
  }
  if (!isCount(raw.records) || !isCount(raw.bytes)) return { ok: false, reason: 'the pack’s record count or size is not a number' };
  return {
    ok: true,
    value: {
      name: raw.name,
      description: raw.description as string,
      source: raw.source as string,
      licence: raw.licence as string,
      records: raw.records,
      bytes: raw.bytes,
    },
  };
}

/** Checks a stored pack record; never throws. */
export function decodeStoredPack(raw: unknown): Decoded<StoredPack> {
  if (!isRecord(raw)) return { ok: false, reason: 'the record is not an object' };
  if (raw.v !== 1) return { ok: false, reason: `unknown pack record version ${String(raw.v).slice(0, 20)}` };
  if (!isPackName(raw.name)) return { ok: false, reason: 'the record has no valid pack name' };
  if (!isText(raw.fileName) || !isText(raw.importedAt) || Number.isNaN(Date.parse(raw.importedAt))) {
    return { ok: false, reason: 'the record’s file name or import date is missing' };
  }
  const info = decodePackInfo(raw.info);
  if (!info.ok) return info;
  if (info.value.name !== raw.name) return { ok: false, reason: 'the record’s name does not match its pack' };
  const bytes = raw.bytes instanceof Uint8Array ? raw.bytes : raw.bytes instanceof ArrayBuffer ? new Uint8Array(raw.bytes) : undefined;
  if (!bytes || bytes.byteLength === 0) return { ok: false, reason: 'the record holds no pack file' };
  const value: StoredPack = { v: 1, name: raw.name, fileName: raw.fileName, importedAt: raw.importedAt, info: info.value, bytes };
  if (raw.original !== undefined) {
    const original = raw.original instanceof Uint8Array ? raw.original : raw.original instanceof ArrayBuffer ? new Uint8Array(raw.original) : undefined;
    if (!original) return { ok: false, reason: 'the record’s original file is not bytes' };
    value.original = original;
  }
  return { ok: true, value };
}

function decodeLiveAnswer(raw: unknown): Decoded<LiveAnswer> {
  if (!isRecord(raw) || raw.v !== 1 || !isText(raw.key) || !isText(raw.body) || typeof raw.fetchedAt !== 'number' || !Number.isFinite(raw.fetchedAt)) {
    return { ok: false, reason: 'unreadable cache entry' };
  }
  return { ok: true, value: { v: 1, key: raw.key, fetchedAt: raw.fetchedAt, body: raw.body } };
}

/** The cache key of a live answer: the service asked and the exact claim text sent. */
export function liveCacheKey(endpoint: string, claim: string): string {
  return `${endpoint}\n${claim}`;
}

export class FactChecksDbError extends Error {
  constructor(
    message: string,
    readonly kind: 'newer-version' | 'failed',
  ) {
    super(message);
    this.name = 'FactChecksDbError';
  }
}

export class FactChecksDb {
  private constructor(private readonly db: IDBDatabase) {
    // A newer version of the extension upgrading the database must not be blocked.
    db.onversionchange = () => db.close();
  }

  static open(factory: IDBFactory, name = FACTCHECKS_DB_NAME): Promise<FactChecksDb> {
    return new Promise((resolve, reject) => {
      let request: IDBOpenDBRequest;
      try {
        request = factory.open(name, FACTCHECKS_DB_VERSION);
      } catch (error) {
        reject(new FactChecksDbError(`cannot open the fact-check database: ${String(error)}`, 'failed'));
        return;
      }
      request.onupgradeneeded = (event) => upgrade(request.result, event.oldVersion);
      request.onsuccess = () => resolve(new FactChecksDb(request.result));
      request.onerror = (event) => {
        event.preventDefault();
        const error = request.error;
        reject(
          error?.name === 'VersionError'
            ? new FactChecksDbError('the fact-check database was written by a newer ClaimLens; your packs are kept, and load again after updating', 'newer-version')
            : new FactChecksDbError(`cannot open the fact-check database: ${error?.message ?? 'unknown error'}`, 'failed'),
        );
      };
    });
  }

  close(): void {
    this.db.close();
  }

  /** The imported packs, oldest first. Records that fail to decode are moved to quarantine and returned as such. */
  userPacks(): Promise<{ packs: StoredPack[]; quarantined: PackQuarantineEntry[] }> {
    return inTransaction(this.db, [PACKS, QUARANTINE], 'readwrite', (tx) => {
      const packs: StoredPack[] = [];
      const quarantined: PackQuarantineEntry[] = [];
      const store = tx.objectStore(PACKS);
      const request = store.openCursor();
      request.onsuccess = () => {
        const cursor = request.result;
        if (!cursor) return;
        const decoded = decodeStoredPack(cursor.value);
        if (decoded.ok && decoded.value.name === cursor.primaryKey) {
          packs.push(decoded.value);
        } else {
          const reason = decoded.ok ? 'the record’s name does not match its key' : decoded.reason;
          const entry: PackQuarantineEntry = { at: new Date().toISOString(), source: 'read', reason, raw: cursor.value };
          quarantined.push(entry);
          tx.objectStore(QUARANTINE).add(entry);
          cursor.delete();
        }
        cursor.continue();
      };
      return () => ({ packs: packs.sort((a, b) => (a.importedAt < b.importedAt ? -1 : a.importedAt > b.importedAt ? 1 : 0)), quarantined });
    });
  }

  /** Stores (or replaces) an imported pack. */
  putPack(pack: StoredPack): Promise<void> {
    return inTransaction(this.db, [PACKS], 'readwrite', (tx) => {
      tx.objectStore(PACKS).put(pack);
      return () => undefined;
    });
  }

  /** Deletes an imported pack; resolves with whether it existed. */
  deletePack(name: string): Promise<boolean> {
    return inTransaction(this.db, [PACKS], 'readwrite', (tx) => {
      let existed = false;
      const store = tx.objectStore(PACKS);
      const request = store.count(name);
      request.onsuccess = () => {
        existed = request.result > 0;
        if (existed) store.delete(name);
      };
      return () => existed;
    });
  }

  /** Moves a stored pack whose bytes the core refused into quarantine, in one transaction. */
  quarantinePack(name: string, reason: string): Promise<PackQuarantineEntry | undefined> {
    return inTransaction(this.db, [PACKS, QUARANTINE], 'readwrite', (tx) => {
      let entry: PackQuarantineEntry | undefined;
      const store = tx.objectStore(PACKS);
      const request = store.get(name);
      request.onsuccess = () => {
        if (request.result === undefined) return;
        entry = { at: new Date().toISOString(), source: 'load', reason, raw: request.result };
        tx.objectStore(QUARANTINE).add(entry);
        store.delete(name);
      };
      return () => entry;
    });
  }

  quarantine(): Promise<PackQuarantineEntry[]> {
    return inTransaction(this.db, [QUARANTINE], 'readonly', (tx) => {
      let entries: PackQuarantineEntry[] = [];
      const request = tx.objectStore(QUARANTINE).getAll();
      request.onsuccess = () => {
        entries = request.result as PackQuarantineEntry[];
      };
      return () => entries;
    });
  }

  /** A cached answer no older than `maxAgeMs`; an unreadable or stale entry is deleted and treated as absent. */
  liveAnswer(key: string, maxAgeMs: number, now = Date.now()): Promise<LiveAnswer | undefined> {
    return inTransaction(this.db, [LIVE], 'readwrite', (tx) => {
      let answer: LiveAnswer | undefined;
      const store = tx.objectStore(LIVE);
      const request = store.get(key);
      request.onsuccess = () => {
        if (request.result === undefined) return;
        const decoded = decodeLiveAnswer(request.result);
        if (decoded.ok && decoded.value.key === key && now - decoded.value.fetchedAt < maxAgeMs && decoded.value.fetchedAt <= now) {
          answer = decoded.value;
        } else {
          store.delete(key);
        }
      };
      return () => answer;
    });
  }

  /** Caches an answer, and drops every entry older than `maxAgeMs` (the cache never outgrows the reader's setting). */
  putLiveAnswer(answer: LiveAnswer, maxAgeMs: number): Promise<void> {
    return inTransaction(this.db, [LIVE], 'readwrite', (tx) => {
      const store = tx.objectStore(LIVE);
      store.put(answer);
      const cursorRequest = store.index(BY_FETCHED).openCursor(IDBKeyRange.upperBound(answer.fetchedAt - maxAgeMs));
      cursorRequest.onsuccess = () => {
        const cursor = cursorRequest.result;
        if (!cursor) return;
        cursor.delete();
        cursor.continue();
      };
      return () => undefined;
    });
  }

  /** How many answers are cached. */
  liveCount(): Promise<number> {
    return inTransaction(this.db, [LIVE], 'readonly', (tx) => {
      let count = 0;
      const request = tx.objectStore(LIVE).count();
      request.onsuccess = () => {
        count = request.result;
      };
      return () => count;
    });
  }

  clearLive(): Promise<void> {
    return inTransaction(this.db, [LIVE], 'readwrite', (tx) => {
      tx.objectStore(LIVE).clear();
      return () => undefined;
    });
  }

  /** "Delete all data": the imported packs, the quarantine and the cache. */
  clearAll(): Promise<void> {
    return inTransaction(this.db, [PACKS, QUARANTINE, LIVE], 'readwrite', (tx) => {
      for (const store of [PACKS, QUARANTINE, LIVE]) tx.objectStore(store).clear();
      return () => undefined;
    });
  }
}

/** The schema steps, run in the versionchange transaction; a fresh install runs them all. */
function upgrade(db: IDBDatabase, oldVersion: number): void {
  if (oldVersion < 1) {
    db.createObjectStore(PACKS, { keyPath: 'name' });
    db.createObjectStore(QUARANTINE, { keyPath: 'qid', autoIncrement: true });
    db.createObjectStore(LIVE, { keyPath: 'key' }).createIndex(BY_FETCHED, 'fetchedAt', { unique: false });
  }
}
