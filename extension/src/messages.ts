// Every message exchanged between the content script, extension pages and the background.
// Each direction is a discriminated union on `type`; receivers accept a
// message only through the matching guard below.

import type { Analysis } from './analysis';
import type { Snapshot } from './dom/snapshot';
import type { AnchorMethod } from './notes/anchor';
import type { ImportCounts } from './notes/db';
import type { NoteDraft, NoteRecord } from './notes/model';
import type { ImportProblem } from './notes/w3c';

/** Content script -> background: analyse this page. */
export interface AnalyzePage {
  type: 'analyze-page';
  snapshot: Snapshot;
}

/** Background -> content script, in reply to AnalyzePage. */
export type AnalyzePageReply =
  | { type: 'analysis'; analysis: Analysis }
  | { type: 'analysis-failed'; error: string };

/** Background -> content script: the toolbar button was clicked again. */
export interface ToggleOverlay {
  type: 'toggle-overlay';
}

/** Content script -> background, in reply to ToggleOverlay. */
export interface OverlayState {
  type: 'overlay-state';
  /** `analysing` while the first analysis has not come back yet; the click is then ignored. */
  state: 'shown' | 'hidden' | 'analysing';
  /** How many claims the overlay shows, for the toolbar badge. */
  claims: number;
}

export type ContentToBackground = AnalyzePage;
export type BackgroundToContent = ToggleOverlay;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Shape check only; the snapshot's own rules are checked by the core, which rejects bad ones. */
export function isContentToBackground(message: unknown): message is ContentToBackground {
  return (
    isRecord(message) &&
    message.type === 'analyze-page' &&
    isRecord(message.snapshot) &&
    Array.isArray(message.snapshot.nodes)
  );
}

export function isBackgroundToContent(message: unknown): message is BackgroundToContent {
  return isRecord(message) && message.type === 'toggle-overlay';
}

export function isAnalyzePageReply(message: unknown): message is AnalyzePageReply {
  if (!isRecord(message)) {
    return false;
  }
  switch (message.type) {
    case 'analysis':
      return isRecord(message.analysis) && Array.isArray(message.analysis.claims);
    case 'analysis-failed':
      return typeof message.error === 'string';
    default:
      return false;
  }
}

export function isOverlayState(message: unknown): message is OverlayState {
  return (
    isRecord(message) &&
    message.type === 'overlay-state' &&
    (message.state === 'shown' || message.state === 'hidden' || message.state === 'analysing') &&
    typeof message.claims === 'number'
  );
}

// ---------------------------------------------------------------------------
// The reader's notes (extension/src/notes). The background owns the notes
// database; the content script and extension pages reach it through these.
// Shapes are checked here; every field is decoded again by the background
// (notes/model.ts) before anything is stored.

/** Content script or extension page -> background: one page's notes. */
export type NotesRequest =
  | { type: 'notes-for-page'; url: string }
  | { type: 'note-add'; draft: NoteDraft }
  | { type: 'note-update'; id: string; body: string }
  | { type: 'note-delete'; id: string }
  /** What re-anchoring found on the page, so lists can show orphans without the page open. */
  | { type: 'notes-anchored'; url: string; results: NoteAnchorReport[] };

export interface NoteAnchorReport {
  id: string;
  status: 'anchored' | 'orphan';
  method?: AnchorMethod;
}

/** Extension pages only (options, notes view, panel) -> background: the whole store. */
export type NotesAdminRequest =
  | { type: 'notes-list-all' }
  /** A parsed Web Annotation document (or a ClaimLens "all data" export). */
  | { type: 'notes-import'; document: unknown }
  | { type: 'notes-quarantine' }
  | { type: 'notes-delete-all' }
  /** The analysis core's version and the model's default threshold, for the options page. */
  | { type: 'core-info' };

/** A quarantined record as the background reports it: the raw value as JSON text. */
export interface QuarantineReport {
  qid: number;
  at: string;
  source: 'upgrade' | 'read';
  reason: string;
  data: string;
}

/** Background -> sender, in reply to NotesRequest or NotesAdminRequest. */
export type NotesReply =
  | { type: 'notes'; notes: NoteRecord[]; quarantined: number }
  | { type: 'note'; note: NoteRecord }
  | { type: 'notes-ok' }
  | { type: 'notes-imported'; counts: ImportCounts; problems: ImportProblem[]; total: number }
  | { type: 'notes-quarantine'; entries: QuarantineReport[] }
  | { type: 'core-info'; version: string; defaultThreshold: number }
  | { type: 'notes-error'; error: string };

const isText = (value: unknown): value is string => typeof value === 'string';

export function isNotesRequest(message: unknown): message is NotesRequest {
  if (!isRecord(message)) return false;
  switch (message.type) {
    case 'notes-for-page':
      return isText(message.url);
    case 'note-add':
      return isRecord(message.draft);
    case 'note-update':
      return isText(message.id) && isText(message.body);
    case 'note-delete':
      return isText(message.id);
    case 'notes-anchored':
      return (
        isText(message.url) &&
        Array.isArray(message.results) &&
        message.results.every((r) => isRecord(r) && isText(r.id) && (r.status === 'anchored' || r.status === 'orphan'))
      );
    default:
      return false;
  }
}

export function isNotesAdminRequest(message: unknown): message is NotesAdminRequest {
  if (!isRecord(message)) return false;
  switch (message.type) {
    case 'notes-list-all':
    case 'notes-quarantine':
    case 'notes-delete-all':
    case 'core-info':
      return true;
    case 'notes-import':
      return 'document' in message;
    default:
      return false;
  }
}

export function isNotesReply(message: unknown): message is NotesReply {
  if (!isRecord(message)) return false;
  switch (message.type) {
    case 'notes':
      return Array.isArray(message.notes) && typeof message.quarantined === 'number';
    case 'note':
      return isRecord(message.note);
    case 'notes-ok':
      return true;
    case 'notes-imported':
      return isRecord(message.counts) && Array.isArray(message.problems) && typeof message.total === 'number';
    case 'notes-quarantine':
      return Array.isArray(message.entries);
    case 'core-info':
      return isText(message.version) && typeof message.defaultThreshold === 'number';
    case 'notes-error':
      return isText(message.error);
    default:
      return false;
  }
}
