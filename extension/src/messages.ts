// Every message exchanged between the content script, the background and the
// extension pages (the claims panel, the options page, the notes view). Each
// direction is a discriminated union on `type`; receivers accept a message
// only through the matching guard below, and check who sent it (see
// `isOwnContentScript`, `isOwnExtensionPage`, `isOwnBackground`).
//
// Who talks to whom:
//   content -> background   AnalyzePage (reply AnalyzePageReply), OverlayStatus (badge)
//   content -> panel         OverlayStatus (broadcast; the panel refreshes when it is about its tab)
//   background -> content    ToggleOverlay, StepClaim (reply OverlayStatus)
//   panel -> content         GetPageState (reply PageState), RevealClaim / RevealNote (reply RevealReply),
//                            NotesChanged (no reply)
//   content, pages -> background   NotesRequest (reply NotesReply)
//   pages -> background      NotesAdminRequest (reply NotesReply)

import type { Analysis } from './analysis';
import type { Snapshot } from './dom/snapshot';
import type { AnchorMethod } from './notes/anchor';
import type { ImportCounts } from './notes/db';
import type { NoteDraft, NoteRecord } from './notes/model';
import type { ImportProblem } from './notes/w3c';

// ---------------------------------------------------------------------------
// The analysis and the overlay.

/** Content script -> background: analyse this page. */
export interface AnalyzePage {
  type: 'analyze-page';
  snapshot: Snapshot;
}

/** Background -> content script, in reply to AnalyzePage. */
export type AnalyzePageReply =
  | { type: 'analysis'; analysis: Analysis }
  | { type: 'analysis-failed'; error: string };

/**
 * What the overlay in a tab is doing:
 * - `analysing`: the first analysis (or a re-analysis after navigation) has not come back yet;
 * - `shown` / `hidden`: the reader toggled the highlights;
 * - `failed`: nothing to show, `reason` says why;
 * - `off`: ClaimLens is switched off globally or for this site.
 */
export type OverlayPhase = 'analysing' | 'shown' | 'hidden' | 'failed' | 'off';

/** Content script -> background and panel: the overlay changed. Also the reply to ToggleOverlay and StepClaim. */
export interface OverlayStatus {
  type: 'overlay-status';
  phase: OverlayPhase;
  /** How many claims are highlighted (check-worthy and passing the filters), for the toolbar badge. */
  claims: number;
  /** Why the analysis failed, in the reader's language (phase `failed` only). */
  reason?: string;
  /** The core's notice when it analysed only part of a too-large page (status `truncated`). */
  notice?: string;
}

/** Background -> content script: the toolbar button was clicked (or its shortcut pressed) again. */
export interface ToggleOverlay {
  type: 'toggle-overlay';
}

/** Background -> content script: the next / previous claim keyboard command. */
export interface StepClaim {
  type: 'step-claim';
  direction: 1 | -1;
}

/** Panel -> content script: describe the page and its analysis. */
export interface GetPageState {
  type: 'get-page-state';
}

/** Where the reader's notes on the page were found, as the content script re-anchored them. */
export interface PageNotes {
  /** The key the page's notes are stored under (its canonical URL). */
  url: string;
  anchors: NoteAnchorReport[];
}

/** Content script -> panel, in reply to GetPageState. */
export interface PageState {
  type: 'page-state';
  phase: OverlayPhase;
  /** The page's host name, for the per-site settings. */
  host: string;
  reason?: string;
  analysis: Analysis | null;
  /** Null until the page has been analysed (notes are anchored in the analysed text). */
  notes: PageNotes | null;
}

/** Panel -> content script: scroll to this claim and flash it. */
export interface RevealClaim {
  type: 'reveal-claim';
  claimId: string;
}

/** Panel -> content script: scroll to the passage of this reader's note and flash it. */
export interface RevealNote {
  type: 'reveal-note';
  noteId: string;
}

/** Panel -> content script: the reader edited or deleted notes of this page elsewhere; reload them. */
export interface NotesChanged {
  type: 'notes-changed';
}

/** Content script -> panel, in reply to RevealClaim and RevealNote. */
export interface RevealReply {
  type: 'revealed';
  ok: boolean;
}

export type ContentToBackground = AnalyzePage | OverlayStatus;
export type BackgroundToContent = ToggleOverlay | StepClaim;
export type PanelToContent = GetPageState | RevealClaim | RevealNote | NotesChanged;

const PHASES: readonly OverlayPhase[] = ['analysing', 'shown', 'hidden', 'failed', 'off'];
/** Ids are short (claim ids are positions, note ids UUID URNs); anything longer is not ours. */
const MAX_ID_LENGTH = 64;
/** The core's notices are one or two sentences. */
const MAX_NOTICE_LENGTH = 1000;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

const isText = (value: unknown): value is string => typeof value === 'string';

const isId = (value: unknown): value is string => isText(value) && value.length > 0 && value.length <= MAX_ID_LENGTH;

function isAnalysis(value: unknown): value is Analysis {
  return isRecord(value) && Array.isArray(value.claims) && isRecord(value.article);
}

export function isOverlayStatus(message: unknown): message is OverlayStatus {
  return (
    isRecord(message) &&
    message.type === 'overlay-status' &&
    PHASES.includes(message.phase as OverlayPhase) &&
    typeof message.claims === 'number' &&
    Number.isInteger(message.claims) &&
    message.claims >= 0 &&
    (message.reason === undefined || isText(message.reason)) &&
    (message.notice === undefined || (isText(message.notice) && message.notice.length <= MAX_NOTICE_LENGTH))
  );
}

/** Shape check only; the snapshot's own rules are checked by the core, which rejects bad ones. */
export function isContentToBackground(message: unknown): message is ContentToBackground {
  if (!isRecord(message)) {
    return false;
  }
  if (message.type === 'analyze-page') {
    return isRecord(message.snapshot) && Array.isArray(message.snapshot.nodes);
  }
  return isOverlayStatus(message);
}

export function isBackgroundToContent(message: unknown): message is BackgroundToContent {
  if (!isRecord(message)) {
    return false;
  }
  switch (message.type) {
    case 'toggle-overlay':
      return true;
    case 'step-claim':
      return message.direction === 1 || message.direction === -1;
    default:
      return false;
  }
}

export function isPanelToContent(message: unknown): message is PanelToContent {
  if (!isRecord(message)) {
    return false;
  }
  switch (message.type) {
    case 'get-page-state':
    case 'notes-changed':
      return true;
    case 'reveal-claim':
      return isId(message.claimId);
    case 'reveal-note':
      return isId(message.noteId);
    default:
      return false;
  }
}

export function isAnalyzePageReply(message: unknown): message is AnalyzePageReply {
  if (!isRecord(message)) {
    return false;
  }
  switch (message.type) {
    case 'analysis':
      return isAnalysis(message.analysis);
    case 'analysis-failed':
      return isText(message.error);
    default:
      return false;
  }
}

function isAnchorReport(value: unknown): value is NoteAnchorReport {
  return isRecord(value) && isText(value.id) && (value.status === 'anchored' || value.status === 'orphan');
}

function isPageNotes(value: unknown): value is PageNotes {
  return isRecord(value) && isText(value.url) && Array.isArray(value.anchors) && value.anchors.every(isAnchorReport);
}

export function isPageState(message: unknown): message is PageState {
  return (
    isRecord(message) &&
    message.type === 'page-state' &&
    PHASES.includes(message.phase as OverlayPhase) &&
    isText(message.host) &&
    (message.reason === undefined || isText(message.reason)) &&
    (message.analysis === null || isAnalysis(message.analysis)) &&
    (message.notes === null || isPageNotes(message.notes))
  );
}

export function isRevealReply(message: unknown): message is RevealReply {
  return isRecord(message) && message.type === 'revealed' && typeof message.ok === 'boolean';
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
  source: 'upgrade' | 'read' | 'import';
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
      return isText(message.url) && Array.isArray(message.results) && message.results.every(isAnchorReport);
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

// ---------------------------------------------------------------------------
// Senders.

/** The sender facts the checks below need (a subset of `runtime.MessageSender`). */
export interface SenderFacts {
  id?: string;
  url?: string;
  tab?: { id?: number };
  frameId?: number;
}

/** The extension's own pages, by path: the claims panel, the options page, the notes view. */
export const PANEL_PAGE = 'panel.html';
export const EXTENSION_PAGES: readonly string[] = [PANEL_PAGE, 'options.html', 'notes.html'];

/**
 * Our own content script, in the top frame of a tab. Our extension pages
 * opened in a tab (options, notes view) also have a tab and frame 0: they
 * are told apart by their URL, which is at our own origin.
 */
export function isOwnContentScript(sender: SenderFacts, extensionId: string, extensionOrigin: string): boolean {
  return (
    sender.id === extensionId &&
    sender.tab?.id !== undefined &&
    sender.frameId === 0 &&
    !(typeof sender.url === 'string' && isAtOrigin(sender.url, extensionOrigin))
  );
}

/** `scheme://host` of a URL, or null. Not `URL.origin`: for schemes the URL standard does not know (moz-extension:) it may be "null". */
function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.host === '' ? null : `${parsed.protocol}//${parsed.host}`;
  } catch {
    return null;
  }
}

/** The path of `url` when it is at `origin`, else null. */
function pathAt(url: string, origin: string): string | null {
  const at = originOf(url);
  return at !== null && at === originOf(origin) ? new URL(url).pathname : null;
}

function isAtOrigin(url: string, origin: string): boolean {
  return pathAt(url, origin) !== null;
}

/**
 * One of our own extension pages (`pages`: their paths, e.g. `panel.html`),
 * whether it runs in the side panel / sidebar (no tab) or in a tab of its own.
 */
export function isOwnExtensionPage(
  sender: SenderFacts,
  extensionId: string,
  extensionOrigin: string,
  pages: string | readonly string[] = EXTENSION_PAGES,
): boolean {
  if (sender.id !== extensionId || typeof sender.url !== 'string') {
    return false;
  }
  const allowed = typeof pages === 'string' ? [pages] : pages;
  const path = pathAt(sender.url, extensionOrigin);
  return path !== null && allowed.some((page) => path === `/${page}`);
}

/**
 * Where our background runs: Chrome's service worker is the bundle itself,
 * Firefox wraps background.scripts in a generated page.
 */
const BACKGROUND_PATHS = ['/background.js', '/_generated_background_page.html'];

/** Our background: same extension, not in a tab, at the background's own URL. */
export function isOwnBackground(sender: SenderFacts, extensionId: string, extensionOrigin: string): boolean {
  if (sender.id !== extensionId || sender.tab !== undefined) {
    return false;
  }
  if (sender.url === undefined) {
    return true; // Chrome leaves it out for some service-worker senders; the id and the missing tab suffice
  }
  const path = pathAt(sender.url, extensionOrigin);
  return path !== null && BACKGROUND_PATHS.includes(path);
}
