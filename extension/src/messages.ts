// Every message exchanged between the content script and the background.
// Each direction is a discriminated union on `type`; receivers accept a
// message only through the matching guard below.

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
