// The background: owns the toolbar button, the keyboard commands and the
// always-annotate registrations, runs the analysis core with the fact-check
// packs (packs.ts), asks the opt-in live source (factchecks-service.ts), and
// keeps the reader's notes (notes-service.ts). Chrome runs it as an MV3 service worker,
// Firefox as an event page; either may be stopped between events, so nothing
// here relies on in-memory state except the lazily loaded core and database.

import type { Analysis, AnalysisStatus, AnalyzeOptions } from '../analysis';
import {
  type AnalysisDetailsReply,
  type AnalyzePage,
  type AnalyzePageReply,
  type BackgroundToContent,
  isContentToBackground,
  isOverlayStatus,
  isOwnContentScript,
} from '../messages';
import { ext, translate } from '../platform';
import { loadSettings, onSettingsChanged } from '../settings/store';
import type { MessageKey } from '../ui/i18n';
import { noticeLines } from '../ui/page-wording';
import { analysisDetails, analyzeSnapshot, analyzeSnapshotForDrawing } from './core';
import { DrawnAnalyses } from './drawn-analyses';
import { onLiveMessage, onPacksMessage } from './factchecks-service';
import { ensureEncoder } from './encoder';
import { onNotesMessage } from './notes-service';
import { applyPackSettings, ensurePacks, packsLoaded } from './packs';
import { CONTENT_SCRIPT, HIGHLIGHT_STYLESHEET, forgetRevokedSites, reconcileSites, revokeRemovedSites } from './sites';
import { markStep } from './timing';
import { showFailure, showOff, showStatus } from './toolbar';

/** Statuses with nothing to show, and how the toolbar button explains them. */
const UNUSABLE_STATUS: Partial<Record<AnalysisStatus, MessageKey>> = {
  no_article: 'failureNoArticle',
  unsupported_language: 'failureUnsupportedLanguage',
};

/** Keyboard commands declared in the manifest (besides _execute_action, which is a toolbar click). */
const COMMANDS: Record<string, BackgroundToContent | 'open-panel'> = {
  'next-claim': { type: 'step-claim', direction: 1 },
  'previous-claim': { type: 'step-claim', direction: -1 },
  'open-panel': 'open-panel',
};

/**
 * A toolbar click or a command on a tab: the first one in a document injects
 * the content script, which snapshots the page and asks for the analysis;
 * later ones go to the content script that is there.
 */
async function activate(tab: chrome.tabs.Tab, message: BackgroundToContent): Promise<void> {
  markStep('activated');
  const tabId = tab.id;
  if (tabId === undefined) {
    return;
  }
  const settings = await loadSettings();
  if (!settings.enabled) {
    await showOff(tabId, 'actionTitleOff');
    return;
  }
  const host = hostOf(tab.url);
  if (host !== null && settings.sites.never.includes(host)) {
    await showOff(tabId, 'actionTitleOffSite');
    return;
  }
  let reply: unknown;
  try {
    reply = await ext.tabs.sendMessage(tabId, message, { frameId: 0 });
  } catch {
    // Nobody listening: no content script in this document yet.
    await injectContentScript(tabId);
    return;
  }
  if (isOverlayStatus(reply)) {
    await showStatus(tabId, reply);
  }
}

async function injectContentScript(tabId: number): Promise<void> {
  // The first analysis in this document is coming: load the core and the encoder while the
  // content script snapshots the page, not after (idempotent; the analysis awaits the same load).
  // The packs wait until the highlights are drawn (analysePage, onMessage).
  void ensureEncoder();
  try {
    await ext.scripting.insertCSS({ target: { tabId }, files: [HIGHLIGHT_STYLESHEET] });
    await ext.scripting.executeScript({ target: { tabId }, files: [CONTENT_SCRIPT] });
    markStep('injected');
  } catch (error) {
    // Pages no extension may script (the browser's own pages, web stores).
    await showFailure(tabId, errorMessage(error));
  }
}

/** Chrome's side panel for the window; Firefox opens its sidebar through the _execute_sidebar_action command. */
function openPanel(tab: chrome.tabs.Tab): void {
  const sidePanel = (ext as { sidePanel?: typeof chrome.sidePanel }).sidePanel;
  if (sidePanel && tab.windowId !== undefined) {
    // Called before any await: the command's user gesture must still be current.
    sidePanel.open({ windowId: tab.windowId }).catch((error: unknown) => console.warn('ClaimLens: cannot open the panel', error));
  }
}

function onCommand(command: string, tab: chrome.tabs.Tab | undefined): void {
  const action = COMMANDS[command];
  if (!action || !tab) {
    return;
  }
  if (action === 'open-panel') {
    openPanel(tab);
  } else {
    void activate(tab, action);
  }
}

/** The draw result each tab was last sent: its full analysis goes to that tab only, once. */
const drawnAnalyses = new DrawnAnalyses();

/** Answers content scripts. Anything not from our own content script in a tab's top frame is ignored. */
function onMessage(
  message: unknown,
  sender: chrome.runtime.MessageSender,
  sendResponse: (reply: AnalyzePageReply | AnalysisDetailsReply) => void,
): boolean {
  if (!isOwnContentScript(sender, ext.runtime.id, ext.runtime.getURL('')) || !isContentToBackground(message)) {
    return false;
  }
  const tabId = sender.tab!.id!;
  if (message.type === 'overlay-status') {
    void showStatus(tabId, message);
    return false;
  }
  if (message.type === 'analysis-details') {
    const analysis = drawnAnalyses.take(tabId, message.key) ? analysisDetails(message.key) : undefined;
    sendResponse(analysis ? { type: 'analysis', analysis } : { type: 'analysis-gone' });
    // The highlights are drawn (the content script asks right after): now the packs, for the
    // notes, if a first analysis went without them (a no-op once they are loaded).
    void loadPacks();
    return false;
  }
  analysePage(message, tabId).then(sendResponse, (error: unknown) => sendResponse({ type: 'analysis-failed', error: errorMessage(error) }));
  return true; // the reply is sent asynchronously
}

/** Loads the fact-check packs once per background lifetime; never rejects (without them, nothing matches). */
function loadPacks(): Promise<void> {
  return ensurePacks().catch((error: unknown) => console.warn('ClaimLens: fact-check packs unavailable', error));
}

async function analysePage(message: AnalyzePage, tabId: number): Promise<AnalyzePageReply> {
  markStep('asked');
  if (message.full) {
    // The notes, with their matches: never without the packs.
    const [options] = await Promise.all([analysisOptions(), loadPacks(), ensureEncoder()]);
    const analysis = await analyzeSnapshot(message.snapshot, options);
    const error = unusableReason(analysis);
    return error ? { type: 'analysis-failed', error } : { type: 'analysis', analysis };
  }
  // The highlights do not depend on the fact-check packs (tests/draw_result.rs), so a
  // background that has just woken draws without waiting for them (loading the built-in
  // pack costs about as much as the analysis then). The notes of such an analysis were
  // matched against no pack or only some: they are never handed out (not remembered; the
  // core pushes them out), so the content script's details request finds them gone and
  // asks for the full analysis again, which waits for the packs.
  const [options] = await Promise.all([analysisOptions(), ensureEncoder()]);
  const withPacks = packsLoaded();
  const draw = await analyzeSnapshotForDrawing(message.snapshot, options);
  const error = unusableReason({ status: draw.head.status, notices: [], notice_items: draw.head.notice_items });
  if (error) {
    analysisDetails(draw.key); // nothing will be drawn: let the core drop it
    return { type: 'analysis-failed', error };
  }
  if (withPacks) {
    drawnAnalyses.remember(tabId, draw.key);
  }
  return { type: 'analysis-drawn', draw };
}

/** Why an analysis has nothing to show, in the reader's language; undefined when it has. */
function unusableReason(analysis: Pick<Analysis, 'status' | 'notices' | 'notice_items'>): string | undefined {
  const unusable = UNUSABLE_STATUS[analysis.status];
  if (!unusable) {
    return undefined;
  }
  // A page cut at the size limits says so too (the core's notice). For an
  // unsupported language the core's notice of it repeats the reason: left out.
  const reason = ext.i18n.getMessage(unusable);
  const extra = noticeLines(analysis, translate, 'unsupported_language');
  return extra.length > 0 ? `${reason}. ${extra.join(' ')}` : reason;
}

/** The reader's sensitivity threshold (options page); null leaves the model's calibrated default. */
async function analysisOptions(): Promise<AnalyzeOptions> {
  const { threshold } = await loadSettings();
  return threshold === null ? {} : { threshold };
}

function hostOf(url: string | undefined): string | null {
  try {
    return url ? new URL(url).hostname : null;
  } catch {
    return null;
  }
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

ext.action.onClicked.addListener((tab) => void activate(tab, { type: 'toggle-overlay' }));
ext.commands.onCommand.addListener(onCommand);
ext.runtime.onMessage.addListener(onMessage);
ext.runtime.onMessage.addListener(onNotesMessage);
ext.runtime.onMessage.addListener(onPacksMessage);
ext.runtime.onMessage.addListener(onLiveMessage);
onSettingsChanged((settings, previous) => {
  void revokeRemovedSites(previous, settings).then(() => reconcileSites(settings));
  if (settings.packs.builtIn !== previous.packs.builtIn) {
    applyPackSettings(settings.packs.builtIn).catch((error: unknown) => console.warn('ClaimLens: the built-in pack could not be switched', error));
  }
});
ext.permissions.onRemoved.addListener((permissions) => void forgetRevokedSites(permissions.origins ?? []));
ext.permissions.onAdded.addListener(() => void reconcileSites());
ext.runtime.onStartup.addListener(() => void reconcileSites());
ext.runtime.onInstalled.addListener(() => void reconcileSites());
