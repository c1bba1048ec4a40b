// The reader's notes as stored: the record shapes of each storage version,
// the decoder every stored or received record goes through, and the upgrade
// from the previous version's records. Pure; IndexedDB lives in db.ts.
//
// Record versions:
//   1 (database version 1): flat — { id, url, quote, prefix, suffix, start, end, note, createdAt (ms) }.
//   2 (database version 2, current): { v: 2, id, url, title?, claimId?, body, created, modified,
//       target: { quote: {exact, prefix, suffix}, position?: {start, end}, codePoints?: {start, end} },
//       anchor?: { status, method?, checkedAt } }.

import type { AnchorMethod, NoteTarget, TextSpan } from './anchor';

export const NOTE_RECORD_VERSION = 2;

/** Limits a record must respect; anything beyond them is corrupt or hostile. */
export const LIMITS = {
  id: 512,
  url: 8192,
  title: 2000,
  claimId: 200,
  body: 50_000,
  exact: 200_000,
  context: 2000,
} as const;

/** What the content script last saw of a note on its page. */
export interface AnchorState {
  status: 'anchored' | 'orphan';
  method?: AnchorMethod;
  /** ISO 8601. */
  checkedAt: string;
}

export interface NoteRecord {
  v: typeof NOTE_RECORD_VERSION;
  /** The annotation's IRI: `urn:uuid:…` for notes made here, kept as given for imported ones. */
  id: string;
  /** The page's canonical URL (`article.url`), without fragment. The key notes are found by. */
  url: string;
  /** The page title when the note was made, for lists and exports. */
  title?: string;
  /** The claim the note was added to, if any (informational: claim ids change with the page). */
  claimId?: string;
  /** The reader's text, plain. */
  body: string;
  /** ISO 8601. */
  created: string;
  /** ISO 8601. */
  modified: string;
  target: NoteTarget;
  anchor?: AnchorState;
}

/** What the content script sends to create a note; the background adds id, version and times. */
export interface NoteDraft {
  url: string;
  title?: string;
  claimId?: string;
  body: string;
  target: NoteTarget;
}

/** A version-1 record, as the first release stored it. */
export interface NoteRecordV1 {
  id: string;
  url: string;
  quote: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
  note: string;
  createdAt: number;
}

export type Decoded<T> = { ok: true; value: T } | { ok: false; reason: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

class Invalid extends Error {}

function fail(reason: string): never {
  throw new Invalid(reason);
}

function text(value: unknown, name: string, max: number, options: { empty?: boolean } = {}): string {
  if (typeof value !== 'string') fail(`${name} is not text`);
  if (value.length > max) fail(`${name} is longer than ${max} characters`);
  if (!options.empty && value.length === 0) fail(`${name} is empty`);
  return value;
}

function optionalText(value: unknown, name: string, max: number): string | undefined {
  return value === undefined ? undefined : text(value, name, max, { empty: true });
}

function isoTime(value: unknown, name: string): string {
  const time = text(value, name, 64);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(time) || Number.isNaN(Date.parse(time))) fail(`${name} is not an ISO 8601 time`);
  return time;
}

/** A canonical page URL: absolute, with its fragment dropped. */
export function canonicalPageUrl(value: string): string | undefined {
  try {
    const url = new URL(value);
    url.hash = '';
    return url.href;
  } catch {
    return undefined;
  }
}

function pageUrl(value: unknown, name: string): string {
  const raw = text(value, name, LIMITS.url);
  const url = canonicalPageUrl(raw);
  if (url === undefined) fail(`${name} is not an absolute URL`);
  return url;
}

function span(value: unknown, name: string, length: number): TextSpan {
  if (!isRecord(value)) fail(`${name} is not an object`);
  const { start, end } = value;
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end)) fail(`${name} start and end are not whole numbers`);
  const s = start as number;
  const e = end as number;
  if (s < 0 || e < s) fail(`${name} does not run forwards from 0 or later`);
  if (e - s !== length) fail(`${name} is ${e - s} long, but the quote is ${length}`);
  return { start: s, end: e };
}

/** Checks a target's selectors; the positions must span exactly the quote. */
export function decodeTarget(value: unknown, name = 'target'): NoteTarget {
  if (!isRecord(value)) fail(`${name} is not an object`);
  const quote = value.quote;
  if (!isRecord(quote)) fail(`${name}.quote is not an object`);
  const exact = text(quote.exact, `${name}.quote.exact`, LIMITS.exact);
  const target: NoteTarget = {
    quote: {
      exact,
      prefix: text(quote.prefix ?? '', `${name}.quote.prefix`, LIMITS.context, { empty: true }),
      suffix: text(quote.suffix ?? '', `${name}.quote.suffix`, LIMITS.context, { empty: true }),
    },
  };
  if (value.position !== undefined) {
    target.position = span(value.position, `${name}.position`, exact.length);
  }
  if (value.codePoints !== undefined) {
    target.codePoints = span(value.codePoints, `${name}.codePoints`, [...exact].length);
  }
  return target;
}

function decodeAnchorState(value: unknown): AnchorState {
  if (!isRecord(value)) fail('anchor is not an object');
  if (value.status !== 'anchored' && value.status !== 'orphan') fail('anchor.status is not anchored or orphan');
  const state: AnchorState = { status: value.status, checkedAt: isoTime(value.checkedAt, 'anchor.checkedAt') };
  if (value.method !== undefined) {
    if (value.method !== 'position' && value.method !== 'quote' && value.method !== 'normalized' && value.method !== 'fuzzy') {
      fail('anchor.method is unknown');
    }
    state.method = value.method;
  }
  return state;
}

function attempt<T>(decode: () => T): Decoded<T> {
  try {
    return { ok: true, value: decode() };
  } catch (error) {
    if (error instanceof Invalid) {
      return { ok: false, reason: error.message };
    }
    return { ok: false, reason: `unreadable: ${String(error)}` };
  }
}

/** Checks a current-version record read from storage. Returns a fresh, clean copy. */
export function decodeNoteRecord(raw: unknown): Decoded<NoteRecord> {
  return attempt(() => {
    if (!isRecord(raw)) fail('the record is not an object');
    if (raw.v !== NOTE_RECORD_VERSION) fail(`record version ${String(raw.v)} is not ${NOTE_RECORD_VERSION}`);
    const record: NoteRecord = {
      v: NOTE_RECORD_VERSION,
      id: text(raw.id, 'id', LIMITS.id),
      url: pageUrl(raw.url, 'url'),
      body: text(raw.body, 'body', LIMITS.body, { empty: true }),
      created: isoTime(raw.created, 'created'),
      modified: isoTime(raw.modified, 'modified'),
      target: decodeTarget(raw.target),
    };
    const title = optionalText(raw.title, 'title', LIMITS.title);
    if (title !== undefined) record.title = title;
    const claimId = optionalText(raw.claimId, 'claimId', LIMITS.claimId);
    if (claimId !== undefined) record.claimId = claimId;
    if (raw.anchor !== undefined) record.anchor = decodeAnchorState(raw.anchor);
    return record;
  });
}

/** Checks what a content script asks to store. */
export function decodeNoteDraft(raw: unknown): Decoded<NoteDraft> {
  return attempt(() => {
    if (!isRecord(raw)) fail('the note is not an object');
    const draft: NoteDraft = {
      url: pageUrl(raw.url, 'url'),
      body: text(raw.body, 'body', LIMITS.body, { empty: true }),
      target: decodeTarget(raw.target),
    };
    const title = optionalText(raw.title, 'title', LIMITS.title);
    if (title !== undefined) draft.title = title;
    const claimId = optionalText(raw.claimId, 'claimId', LIMITS.claimId);
    if (claimId !== undefined) draft.claimId = claimId;
    return draft;
  });
}

/** Checks a note body the reader edited. */
export function decodeBody(raw: unknown): Decoded<string> {
  return attempt(() => text(raw, 'body', LIMITS.body, { empty: true }));
}

/** A new record from a draft, at `now`. */
export function recordFromDraft(draft: NoteDraft, id: string, now: Date): NoteRecord {
  const time = now.toISOString();
  return { v: NOTE_RECORD_VERSION, id, ...draft, created: time, modified: time };
}

/** A fresh note IRI. */
export function newNoteId(): string {
  return `urn:uuid:${crypto.randomUUID()}`;
}

/**
 * Upgrades a version-1 record to version 2. Nothing is dropped: every v1
 * field has a v2 home (note -> body, createdAt -> created and modified,
 * quote/prefix/suffix/start/end -> target). A record that cannot be read as
 * v1 is returned as a failure for the caller to quarantine.
 */
export function upgradeV1Record(raw: unknown): Decoded<NoteRecord> {
  return attempt(() => {
    if (!isRecord(raw)) fail('the version-1 record is not an object');
    if (typeof raw.createdAt !== 'number' || !Number.isFinite(raw.createdAt)) fail('createdAt is not a time');
    const created = new Date(raw.createdAt);
    if (Number.isNaN(created.getTime())) fail('createdAt is out of range');
    const time = created.toISOString();
    const upgraded = {
      v: NOTE_RECORD_VERSION,
      id: raw.id,
      url: raw.url,
      body: raw.note,
      created: time,
      modified: time,
      target: {
        quote: { exact: raw.quote, prefix: raw.prefix, suffix: raw.suffix },
        position: { start: raw.start, end: raw.end },
      },
    };
    const decoded = decodeNoteRecord(upgraded);
    if (!decoded.ok) fail(decoded.reason);
    return decoded.value;
  });
}
