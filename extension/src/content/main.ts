// The content script, injected into a tab's top frame by the first toolbar
// click. It snapshots the page, has the background analyse it, and shows the
// claims as highlights; later clicks toggle them.

import type { Analysis } from '../analysis';
import { RangeMapper } from '../dom/ranges';
import { takeSnapshot } from '../dom/snapshot';
import { type AnalyzePage, type OverlayState, isAnalyzePageReply, isBackgroundToContent } from '../messages';
import { ext } from '../platform';
import { ClaimOverlay, type PlacedClaim } from '../ui/claim-overlay';
import type { Translate } from '../ui/i18n';
import { ReaderNotes } from './reader-notes';

const translate: Translate = (key, substitutions) => ext.i18n.getMessage(key, substitutions);

type Phase =
  | { name: 'analysing' }
  | { name: 'failed' }
  | { name: 'ready'; overlay: ClaimOverlay; readerNotes: ReaderNotes; claims: number };
let phase: Phase = { name: 'analysing' };

function onMessage(message: unknown, sender: chrome.runtime.MessageSender, sendResponse: (reply: OverlayState) => void): void {
  if (sender.id !== ext.runtime.id || sender.tab !== undefined || !isBackgroundToContent(message)) {
    return; // only the background (which has no tab) may steer the overlay
  }
  switch (phase.name) {
    case 'ready': {
      const shown = phase.overlay.toggle();
      phase.readerNotes.setVisible(shown);
      sendResponse({ type: 'overlay-state', state: shown ? 'shown' : 'hidden', claims: phase.claims });
      break;
    }
    case 'failed':
      // The page may have finished loading since: a click after a failure tries again.
      void analysePage();
      sendResponse({ type: 'overlay-state', state: 'analysing', claims: 0 });
      break;
    case 'analysing':
      sendResponse({ type: 'overlay-state', state: 'analysing', claims: 0 });
      break;
  }
}

async function analysePage(): Promise<void> {
  phase = { name: 'analysing' };
  const { snapshot, domNodes } = takeSnapshot(document);
  const reply: unknown = await ext.runtime.sendMessage({ type: 'analyze-page', snapshot } satisfies AnalyzePage);
  if (!isAnalyzePageReply(reply) || reply.type === 'analysis-failed') {
    phase = { name: 'failed' }; // the toolbar button shows why
    return;
  }
  const readerNotes = new ReaderNotes(document, reply.analysis, domNodes, translate);
  const overlay = new ClaimOverlay(document, placeClaims(reply.analysis, domNodes), translate, {
    noteExtras: readerNotes.claimExtras,
  });
  readerNotes.attach(overlay);
  overlay.show();
  readerNotes.setVisible(true);
  // The badge counts the claims found, as the background's first badge did.
  phase = { name: 'ready', overlay, readerNotes, claims: reply.analysis.claims.length };
  readerNotes.load().catch((error: unknown) => console.warn('ClaimLens: the notes on this page could not be loaded', error));
}

/** Ranges for each claim. A claim whose text the page has changed since the snapshot is left out. */
function placeClaims(analysis: Analysis, domNodes: Node[]): PlacedClaim[] {
  const mapper = new RangeMapper(analysis.article.dom, domNodes);
  const placed: PlacedClaim[] = [];
  for (const claim of analysis.claims) {
    try {
      const ranges = mapper.rangesFor(claim);
      if (ranges.length > 0) {
        placed.push({ claim, ranges });
      }
    } catch (error) {
      console.warn(`ClaimLens: claim ${claim.id} no longer matches the page`, error);
    }
  }
  return placed;
}

// Two quick clicks can inject this script twice into one document (same
// isolated world, so the same global): only the first run sets up.
const INJECTED = Symbol.for('claimlens.content-script');
if (!(INJECTED in globalThis)) {
  Object.defineProperty(globalThis, INJECTED, { value: true });
  ext.runtime.onMessage.addListener(onMessage);
  void analysePage();
}
