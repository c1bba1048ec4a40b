// The claims panel page (Chrome side panel, Firefox sidebar): shows the
// active tab's analysis through the shared ClaimsPanel widget, and turns the
// reader's choices into settings (filters, off switch, per-site modes) that
// every tab's content script follows live.
//
// `panel.html?tab=ID` pins the panel to one tab instead of following the
// active one: for opening the panel in a tab of its own (the end-to-end tests
// do; so could a browser without side panels).

import { type PanelToContent, type PageState, isOverlayStatus, isOwnContentScript, isPageState } from '../messages';
import { ext } from '../platform';
import { readSettings, updateSettings, watchSettings } from '../settings/current';
import type { Settings } from '../settings/schema';
import { originPattern } from '../site-permission';
import type { Translate } from '../ui/i18n';
import { ClaimsPanel, type PanelData, type SiteMode, downloadText } from '../ui/panel/panel-view';
import { PANEL_CSS } from '../ui/panel/panel-styles';

const t: Translate = (key, substitutions) => ext.i18n.getMessage(key, substitutions);
const pinnedTab = Number(new URLSearchParams(location.search).get('tab')) || undefined;
let tabId: number | undefined = pinnedTab;
let settings: Settings | undefined;
let refreshing: Promise<void> = Promise.resolve();
/** Counts the reader's changes, so a refresh that read the settings before a change does not undo it on screen. */
let edits = 0;

/** Saves a change the reader made here. */
function edit(change: (settings: Settings) => void): void {
  edits++;
  void updateSettings(change);
}

document.documentElement.lang = ext.i18n.getUILanguage();
document.title = t('panelTitle');
const sheet = new CSSStyleSheet();
sheet.replaceSync(`
:root { color-scheme: light dark; }
body { margin: 0; padding: 12px; background: #fbfaf7; }
@media (prefers-color-scheme: dark) { body { background: #1b1a17; } }
${PANEL_CSS}`);
document.adoptedStyleSheets = [sheet];

const panel = new ClaimsPanel(document.getElementById('panel')!, t, {
  revealClaim: (claimId) => void send({ type: 'reveal-claim', claimId }),
  setKind: (kind, shown) => edit((s) => void (s.kinds[kind] = shown)),
  setSourcing: (kind, shown) => edit((s) => void (s.sourcing[kind] = shown)),
  setEnabled: (enabled) => edit((s) => void (s.enabled = enabled)),
  setSiteMode,
  exportReport: (markdown, fileName) => downloadText(document, markdown, fileName),
});

/** From the reader's click: "always" first asks for the site's host permission (it must be the first thing done). */
function setSiteMode(host: string, mode: SiteMode): void {
  edits++;
  const save = () =>
    updateSettings((s) => {
      s.sites.always = s.sites.always.filter((h) => h !== host);
      s.sites.never = s.sites.never.filter((h) => h !== host);
      if (mode !== 'default') s.sites[mode].push(host);
    });
  if (mode !== 'always') {
    void save();
    return;
  }
  ext.permissions.request({ origins: [originPattern(host)] }).then(
    async (granted) => void (granted ? await save() : await refresh()),
    () => refresh(),
  );
}

async function send(message: PanelToContent): Promise<unknown> {
  if (tabId === undefined) return undefined;
  return ext.tabs.sendMessage(tabId, message, { frameId: 0 });
}

function refresh(): Promise<void> {
  refreshing = refreshing.then(load, load);
  return refreshing;
}

async function load(): Promise<void> {
  const editsSeen = edits;
  settings = await readSettings();
  if (pinnedTab === undefined) {
    const [tab] = await ext.tabs.query({ active: true, currentWindow: true });
    tabId = tab?.id;
  }
  let state: PageState | undefined;
  try {
    const reply = await send({ type: 'get-page-state' });
    state = isPageState(reply) ? reply : undefined;
  } catch {
    state = undefined; // no content script: ClaimLens has not run on this page
  }
  const data: PanelData = state
    ? { phase: state.phase, reason: state.reason, analysis: state.analysis, settings, host: state.host }
    : { phase: tabId === undefined ? 'unavailable' : 'idle', analysis: null, settings, host: null };
  if (editsSeen !== edits) {
    void refresh(); // the reader changed something meanwhile: show that, not what was read before
    return;
  }
  panel.update(data);
}

ext.runtime.onMessage.addListener((message, sender) => {
  // Our content script in the tab shown here says its overlay changed.
  if (isOverlayStatus(message) && isOwnContentScript(sender, ext.runtime.id) && sender.tab?.id === tabId) {
    void refresh();
  }
  return false;
});
if (pinnedTab === undefined) {
  ext.tabs.onActivated.addListener(() => void refresh());
}
ext.tabs.onUpdated.addListener((updated, change) => {
  if (updated === tabId && change.status === 'complete') void refresh();
});
watchSettings(() => void refresh());
void refresh();
