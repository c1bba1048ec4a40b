// The background: owns the toolbar button and runs the analysis core.
// Chrome runs it as an MV3 service worker, Firefox as an event page; either
// may be stopped between events, so nothing here relies on in-memory state
// except the lazily loaded core.

import type { AnalysisStatus, AnalyzeOptions } from '../analysis';
import { HIGHLIGHT_CSS } from '../ui/highlight-styles';
import type { MessageKey } from '../ui/i18n';
import { READER_NOTE_HIGHLIGHT_CSS } from '../ui/reader-note-highlight';
import {
  type AnalyzePageReply,
  type ToggleOverlay,
  isContentToBackground,
  isOverlayState,
} from '../messages';
import { ext } from '../platform';
import { loadSettings } from '../settings/store';
import { analyzeSnapshot } from './analyzer';
import { onNotesMessage } from './notes-service';
import { clearBadge, showClaimCount, showFailure } from './toolbar';

const CONTENT_SCRIPT = 'content.js';

/** Statuses with nothing to show, and how the toolbar button explains them. */
const UNUSABLE_STATUS: Partial<Record<AnalysisStatus, MessageKey>> = {
  no_article: 'failureNoArticle',
  unsupported_language: 'failureUnsupportedLanguage',
};

/**
 * What a toolbar click does: the first click in a document injects the
 * content script, which snapshots the page and asks for the analysis; later
 * clicks toggle the overlay the content script holds.
 */
async function onToolbarClick(tab: chrome.tabs.Tab): Promise<void> {
  const tabId = tab.id;
  if (tabId === undefined) {
    return;
  }
  let reply: unknown;
  try {
    reply = await ext.tabs.sendMessage(tabId, { type: 'toggle-overlay' } satisfies ToggleOverlay, { frameId: 0 });
  } catch {
    // Nobody listening: no content script in this document yet.
    await injectContentScript(tabId);
    return;
  }
  if (isOverlayState(reply) && reply.state !== 'analysing') {
    await (reply.state === 'shown' ? showClaimCount(tabId, reply.claims) : clearBadge(tabId));
  }
}

async function injectContentScript(tabId: number): Promise<void> {
  try {
    await ext.scripting.insertCSS({ target: { tabId }, css: HIGHLIGHT_CSS + READER_NOTE_HIGHLIGHT_CSS });
    await ext.scripting.executeScript({ target: { tabId }, files: [CONTENT_SCRIPT] });
  } catch (error) {
    // Pages no extension may script (the browser's own pages, web stores).
    await showFailure(tabId, errorMessage(error));
  }
}

/** Answers the content script. Anything not from our own content script in a tab's top frame is ignored. */
function onMessage(
  message: unknown,
  sender: chrome.runtime.MessageSender,
  sendResponse: (reply: AnalyzePageReply) => void,
): boolean {
  const tabId = sender.tab?.id;
  if (sender.id !== ext.runtime.id || tabId === undefined || sender.frameId !== 0 || !isContentToBackground(message)) {
    return false;
  }
  const fail = async (reason: string) => {
    sendResponse({ type: 'analysis-failed', error: reason });
    await showFailure(tabId, reason);
  };
  // The reader's sensitivity threshold (options page); null leaves the model's default.
  analysisOptions()
    .then((options) => analyzeSnapshot(message.snapshot, options))
    .then(
      async (analysis) => {
        const unusable = UNUSABLE_STATUS[analysis.status];
        if (unusable) {
          await fail(ext.i18n.getMessage(unusable));
          return;
        }
        sendResponse({ type: 'analysis', analysis });
        await showClaimCount(tabId, analysis.claims.length);
      },
      (error: unknown) => fail(errorMessage(error)),
    );
  return true; // the reply is sent asynchronously
}

async function analysisOptions(): Promise<AnalyzeOptions> {
  const { threshold } = await loadSettings();
  return threshold === null ? {} : { threshold };
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

ext.action.onClicked.addListener((tab) => void onToolbarClick(tab));
ext.runtime.onMessage.addListener(onMessage);
ext.runtime.onMessage.addListener(onNotesMessage);
