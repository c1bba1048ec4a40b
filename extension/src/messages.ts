// Every message exchanged between the content script, the background and the
// claims panel. Each direction is a discriminated union on `type`; receivers
// accept a message only through the matching guard below, and check who sent
// it (see `isOwnContentScript` / `isOwnExtensionPage`).
//
// Who talks to whom:
//   content -> background   AnalyzePage (reply AnalyzePageReply), OverlayStatus (badge)
//   content -> panel         OverlayStatus (broadcast; the panel refreshes when it is about its tab)
//   background -> content    ToggleOverlay, StepClaim (reply OverlayStatus)
//   panel -> content         GetPageState (reply PageState), RevealClaim

import type { Analysis } from './analysis';
import type { Snapshot } from './dom/snapshot';

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

/** Content script -> panel, in reply to GetPageState. */
export interface PageState {
  type: 'page-state';
  phase: OverlayPhase;
  /** The page's host name, for the per-site settings. */
  host: string;
  reason?: string;
  analysis: Analysis | null;
}

/** Panel -> content script: scroll to this claim and flash it. */
export interface RevealClaim {
  type: 'reveal-claim';
  claimId: string;
}

export type ContentToBackground = AnalyzePage | OverlayStatus;
export type BackgroundToContent = ToggleOverlay | StepClaim;
export type PanelToContent = GetPageState | RevealClaim;

const PHASES: readonly OverlayPhase[] = ['analysing', 'shown', 'hidden', 'failed', 'off'];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

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
    (message.reason === undefined || typeof message.reason === 'string')
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
      return true;
    case 'reveal-claim':
      return typeof message.claimId === 'string' && message.claimId.length <= 64;
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
      return typeof message.error === 'string';
    default:
      return false;
  }
}

export function isPageState(message: unknown): message is PageState {
  return (
    isRecord(message) &&
    message.type === 'page-state' &&
    PHASES.includes(message.phase as OverlayPhase) &&
    typeof message.host === 'string' &&
    (message.reason === undefined || typeof message.reason === 'string') &&
    (message.analysis === null || isAnalysis(message.analysis))
  );
}

/** The sender facts the checks below need (a subset of `runtime.MessageSender`). */
export interface SenderFacts {
  id?: string;
  url?: string;
  tab?: { id?: number };
  frameId?: number;
}

/** Our own content script, in the top frame of a tab. */
export function isOwnContentScript(sender: SenderFacts, extensionId: string): boolean {
  return sender.id === extensionId && sender.tab?.id !== undefined && sender.frameId === 0;
}

/**
 * One of our own extension pages (`page` is its path, e.g. `panel.html`),
 * whether it runs in the side panel / sidebar (no tab) or in a tab of its own.
 */
export function isOwnExtensionPage(sender: SenderFacts, extensionId: string, extensionOrigin: string, page: string): boolean {
  if (sender.id !== extensionId || typeof sender.url !== 'string') {
    return false;
  }
  try {
    const url = new URL(sender.url);
    return url.origin === new URL(extensionOrigin).origin && url.pathname === `/${page}`;
  } catch {
    return false;
  }
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
  try {
    const url = new URL(sender.url);
    return url.origin === new URL(extensionOrigin).origin && BACKGROUND_PATHS.includes(url.pathname);
  } catch {
    return false;
  }
}
