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

const translate: Translate = (key, substitutions) => ext.i18n.getMessage(key, substitutions);

let overlay: ClaimOverlay | undefined;
let claimCount = 0;

function onMessage(message: unknown, sender: chrome.runtime.MessageSender, sendResponse: (reply: OverlayState) => void): void {
  if (sender.id !== ext.runtime.id || sender.tab !== undefined || !isBackgroundToContent(message)) {
    return; // only the background (which has no tab) may steer the overlay
  }
  const state = overlay ? (overlay.toggle() ? 'shown' : 'hidden') : 'analysing';
  sendResponse({ type: 'overlay-state', state, claims: claimCount });
}

async function analysePage(): Promise<void> {
  const { snapshot, domNodes } = takeSnapshot(document);
  const reply: unknown = await ext.runtime.sendMessage({ type: 'analyze-page', snapshot } satisfies AnalyzePage);
  if (!isAnalyzePageReply(reply)) {
    throw new Error('ClaimLens: unexpected reply from the background');
  }
  if (reply.type === 'analysis-failed') {
    return; // the toolbar button shows why
  }
  const placed = placeClaims(reply.analysis, domNodes);
  claimCount = placed.length;
  overlay = new ClaimOverlay(document, placed, translate);
  overlay.show();
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
