// Every message exchanged between the content script, the background and the
// extension pages (the claims panel, the options page, the notes view). Each
// direction is a discriminated union on `type`; receivers accept a message
// only through the matching guard below, and check who sent it (see
// `isOwnContentScript`, `isOwnExtensionPage`, `isOwnBackground`).
//
// Who talks to whom:
//   content -> background   AnalyzePage (reply AnalyzePageReply), AnalysisDetails (reply AnalysisDetailsReply),
//                            OverlayStatus (badge)
//   content -> panel         OverlayStatus (broadcast; the panel refreshes when it is about its tab)
//   background -> content    ToggleOverlay, StepClaim (reply OverlayStatus)
//   panel -> content         GetPageState (reply PageState), RevealClaim / RevealNote (reply RevealReply),
//                            NotesChanged (no reply)
//   content, pages -> background   NotesRequest (reply NotesReply)
//   pages -> background      NotesAdminRequest (reply NotesReply)
//   content -> background    LiveLookupRequest (reply LiveLookupReply): the opt-in live source
//   pages -> background      PacksRequest (reply PacksReply): the fact-check packs (options page)

import type { Analysis, LiveLookup } from './analysis';
import type { FlatSnapshot } from './dom/snapshot';
import { type DrawResult, isDrawResult } from './draw-result';
import { type PackInfo, isPackName } from './factchecks/db';
import { LIVE_TOP_CLAIMS, MAX_LIVE_CLAIM_CHARS } from './factchecks/live-client';
import type { AnchorMethod } from './notes/anchor';
import type { ImportCounts } from './notes/db';
import type { NoteDraft, NoteRecord } from './notes/model';
import type { ImportProblem } from './notes/w3c';

// ---------------------------------------------------------------------------
// The analysis and the overlay.

/**
 * Content script -> background: analyse this page. The reply is the draw
 * result (what the highlights need, draw-result.ts), unless `full` asks for
 * the whole analysis at once (when its details could not be had otherwise).
 */
export interface AnalyzePage {
  type: 'analyze-page';
  snapshot: FlatSnapshot;
  full?: boolean;
}

/** Background -> content script, in reply to AnalyzePage. */
export type AnalyzePageReply =
  | { type: 'analysis-drawn'; draw: DrawResult }
  | { type: 'analysis'; analysis: Analysis }
  | { type: 'analysis-failed'; error: string };

/**
 * Content script -> background, once the highlights are drawn: the full
 * analysis behind the draw result `key` (handed over once, to the tab it was
 * made for).
 */
export interface AnalysisDetails {
  type: 'analysis-details';
  key: number;
}

/** Background -> content script, in reply to AnalysisDetails. `analysis-gone`: the background was stopped since (ask again with `full`). */
export type AnalysisDetailsReply = { type: 'analysis'; analysis: Analysis } | { type: 'analysis-gone' };

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

export type ContentToBackground = AnalyzePage | AnalysisDetails | OverlayStatus;
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
    const snapshot = message.snapshot;
    return (
      isRecord(snapshot) &&
      isRecord(snapshot.head) &&
      typeof snapshot.strings === 'string' &&
      Array.isArray(snapshot.lengths) &&
      Array.isArray(snapshot.records) &&
      (message.full === undefined || typeof message.full === 'boolean')
    );
  }
  if (message.type === 'analysis-details') {
    return Number.isInteger(message.key) && (message.key as number) >= 0;
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
    case 'analysis-drawn':
      return isDrawResult(message.draw);
    case 'analysis':
      return isAnalysis(message.analysis);
    case 'analysis-failed':
      return isText(message.error);
    default:
      return false;
  }
}

export function isAnalysisDetailsReply(message: unknown): message is AnalysisDetailsReply {
  return isRecord(message) && ((message.type === 'analysis' && isAnalysis(message.analysis)) || message.type === 'analysis-gone');
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
// Fact-checks: the opt-in live source (asked by the content script after an
// analysis, so a slow or failing service never holds the local results back)
// and the fact-check packs (managed from the options page).

/** One claim for the live source: its id in the analysis, and the text that is sent. */
export interface LiveClaim {
  id: string;
  text: string;
}

/** Content script -> background: ask the live source about these claims (the top check-worthy ones, see live-client.ts). */
export interface LiveLookupRequest {
  type: 'live-lookup';
  claims: LiveClaim[];
  /** The article's date, `YYYY-MM-DD`, for the core's date agreement; never sent anywhere. */
  published: string | null;
}

/** Background -> content script. `live-off`: the reader has not turned the live source on (or gave no key). */
export type LiveLookupReply = { type: 'live-results'; results: { id: string; lookup: LiveLookup }[] } | { type: 'live-off' };

/** A fact-check pack as the options page lists it. */
export interface PackEntry extends PackInfo {
  /** The pack that ships with ClaimLens (can be turned off, not removed). */
  builtIn: boolean;
  /** Consulted by the analysis now. */
  loaded: boolean;
  fileName?: string;
  importedAt?: string;
  /** Why it could not be loaded. */
  error?: string;
}

/** How long loading the built-in pack took in this background's lifetime (milliseconds). */
export interface PackLoadTiming {
  /** Reading the file from the extension. */
  fetchMs: number;
  /** The core's load_pack: checking and indexing it. */
  loadMs: number;
  totalMs: number;
}

/**
 * What importing a file of published fact-checks (not a ready .clpack) found:
 * the core's importer reports every bad record with its line or index and why.
 */
export interface ImportReport {
  /** The format the file was read as, in the core's words ("ClaimReview JSON-LD", "JSON Lines", ...). */
  format: string;
  records: number;
  /** Records left out. */
  skipped: number;
  /** Records whose id repeats an earlier one (left out). */
  duplicates: number;
  /** Every problem, as "line 3: reason (record skipped)"; at most MAX_IMPORT_ISSUES, `issuesTotal` counts them all. */
  issues: string[];
  issuesTotal: number;
}

/** Import problems sent to the options page (the rest are counted). */
export const MAX_IMPORT_ISSUES = 50;

/** Extension pages only -> background. `pack-import` carries the file's bytes as base64 (Chrome's messages are JSON). */
export type PacksRequest =
  | { type: 'packs-list' }
  | { type: 'pack-import'; fileName: string; data: string }
  | { type: 'pack-remove'; name: string }
  /** Part of "delete all data": imported packs, their quarantine and the live answers cache. */
  | { type: 'factchecks-delete-all' };

export type PacksReply =
  | {
      type: 'packs';
      packs: PackEntry[];
      /** The built-in pack's load, when it was loaded in this background's lifetime. */
      timing: PackLoadTiming | null;
      /** Stored packs set aside because they could not be read or loaded. */
      quarantined: number;
      /** Live answers in the cache. */
      liveCached: number;
    }
  | { type: 'pack-imported'; pack: PackEntry; replaced: boolean; report?: ImportReport }
  | { type: 'pack-removed'; name: string }
  | { type: 'packs-ok' }
  | { type: 'packs-error'; error: string };

/** Imported pack files larger than this are refused before they are sent (base64 in a message). */
// Chrome refuses extension messages over 64 MiB (JSON): 40 MiB is 53.4 MiB as base64, with room to spare.
export const MAX_IMPORT_PACK_BYTES = 40 * 1024 * 1024;
const MAX_IMPORT_BASE64 = Math.ceil(MAX_IMPORT_PACK_BYTES / 3) * 4;

const isIsoDate = (value: unknown): value is string => isText(value) && /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(value);

function isLiveClaim(value: unknown): value is LiveClaim {
  return isRecord(value) && isId(value.id) && isText(value.text) && value.text.length > 0 && value.text.length <= MAX_LIVE_CLAIM_CHARS;
}

export function isLiveLookupRequest(message: unknown): message is LiveLookupRequest {
  return (
    isRecord(message) &&
    message.type === 'live-lookup' &&
    Array.isArray(message.claims) &&
    message.claims.length <= LIVE_TOP_CLAIMS &&
    message.claims.every(isLiveClaim) &&
    (message.published === null || isIsoDate(message.published))
  );
}

const LIVE_STATES = ['pending', 'done', 'failed'];

function isLiveLookup(value: unknown): value is LiveLookup {
  return (
    isRecord(value) &&
    LIVE_STATES.includes(value.state as string) &&
    Array.isArray(value.matches) &&
    value.matches.every((match) => isRecord(match) && isText(match.claim)) &&
    typeof value.received === 'number' &&
    typeof value.cached === 'boolean' &&
    (value.failure === undefined || (isRecord(value.failure) && isText(value.failure.kind)))
  );
}

export function isLiveLookupReply(message: unknown): message is LiveLookupReply {
  if (!isRecord(message)) return false;
  if (message.type === 'live-off') return true;
  return (
    message.type === 'live-results' &&
    Array.isArray(message.results) &&
    message.results.every((result) => isRecord(result) && isId(result.id) && isLiveLookup(result.lookup))
  );
}

export function isPacksRequest(message: unknown): message is PacksRequest {
  if (!isRecord(message)) return false;
  switch (message.type) {
    case 'packs-list':
    case 'factchecks-delete-all':
      return true;
    case 'pack-import':
      return isText(message.fileName) && message.fileName.length <= 500 && isText(message.data) && message.data.length <= MAX_IMPORT_BASE64;
    case 'pack-remove':
      return isPackName(message.name);
    default:
      return false;
  }
}

function isPackEntry(value: unknown): value is PackEntry {
  return (
    isRecord(value) &&
    isText(value.name) &&
    isText(value.source) &&
    isText(value.licence) &&
    typeof value.records === 'number' &&
    typeof value.bytes === 'number' &&
    typeof value.builtIn === 'boolean' &&
    typeof value.loaded === 'boolean'
  );
}

const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0;

function isImportReport(value: unknown): value is ImportReport {
  return (
    isRecord(value) &&
    isText(value.format) &&
    isCount(value.records) &&
    isCount(value.skipped) &&
    isCount(value.duplicates) &&
    isCount(value.issuesTotal) &&
    Array.isArray(value.issues) &&
    value.issues.length <= MAX_IMPORT_ISSUES &&
    value.issues.every(isText)
  );
}

export function isPacksReply(message: unknown): message is PacksReply {
  if (!isRecord(message)) return false;
  switch (message.type) {
    case 'packs':
      return (
        Array.isArray(message.packs) &&
        message.packs.every(isPackEntry) &&
        (message.timing === null || isRecord(message.timing)) &&
        typeof message.quarantined === 'number' &&
        typeof message.liveCached === 'number'
      );
    case 'pack-imported':
      return isPackEntry(message.pack) && typeof message.replaced === 'boolean' && (message.report === undefined || isImportReport(message.report));
    case 'pack-removed':
      return isText(message.name);
    case 'packs-ok':
      return true;
    case 'packs-error':
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
