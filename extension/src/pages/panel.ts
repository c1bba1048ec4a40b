// The claims panel page (Chrome side panel, Firefox sidebar): shows the
// active tab's analysis through the shared ClaimsPanel widget, turns the
// reader's choices into settings (filters, off switch, per-site modes) that
// every tab's content script follows live, and lists the reader's notes on
// the page (orphans included) in the panel's reader-notes mount.
//
// `panel.html?tab=ID` pins the panel to one tab instead of following the
// active one: for opening the panel in a tab of its own (the end-to-end tests
// do; so could a browser without side panels).

import { type PageNotes, type PageState, type PanelToContent, isOverlayStatus, isOwnContentScript, isPageState } from '../messages';
import { notesSource } from '../notes/client';
import { ext, translate as t } from '../platform';
import type { Settings } from '../settings/schema';
import { loadSettings, onSettingsChanged, updateSettings } from '../settings/store';
import { originPattern } from '../site-permission';
import { type NoteAnchorStatus, type NotesListHandle, type NotesSource, mountNotesList } from '../ui/notes-list';
import { NOTES_CSS } from '../ui/notes-styles';
import { ClaimsPanel, PANEL_READER_NOTES_MOUNT, type PanelData, type SiteMode, downloadText } from '../ui/panel/panel-view';
import { PANEL_CSS } from '../ui/panel/panel-styles';

const pinnedTab = Number(new URLSearchParams(location.search).get('tab')) || undefined;
let tabId: number | undefined = pinnedTab;
let settings: Settings | undefined;
let refreshing: Promise<void> = Promise.resolve();
/**
 * The reader's changes made here, so a refresh that read the settings before
 * a change was stored never shows the old value (undoing the reader's click on
 * screen): `changes` counts each change's start and each write's end, and a
 * refresh during which it moved reads again; none shows while a write is
 * under way (its end refreshes).
 */
let changes = 0;
let unwritten = 0;

/** Saves a change the reader made here. */
function edit(change: (settings: Settings) => void): Promise<void> {
  changes++;
  unwritten++;
  return updateSettings(change)
    .then(
      () => undefined,
      (error: unknown) => console.warn('ClaimLens: the change could not be saved', error),
    )
    .finally(() => {
      changes++;
      unwritten--;
      void refresh();
    });
}

document.documentElement.lang = ext.i18n.getUILanguage();
document.title = t('panelTitle');
const sheet = new CSSStyleSheet();
sheet.replaceSync(`
:root { color-scheme: light dark; }
body { margin: 0; padding: 12px; background: #fbfaf7; }
@media (prefers-color-scheme: dark) { body { background: #1b1a17; } }
${PANEL_CSS}
${NOTES_CSS}`);
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
  const save = () =>
    edit((s) => {
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

/** The background's notes; an edit or deletion made here is passed on to the page, which re-anchors. */
const notes: NotesSource = (() => {
  const source = notesSource();
  const tellPage = () => void send({ type: 'notes-changed' }).catch(() => undefined);
  return {
    list: source.list,
    update: async (id, body) => {
      const note = await source.update(id, body);
      tellPage();
      return note;
    },
    remove: async (id) => {
      await source.remove(id);
      tellPage();
    },
  };
})();

let notesList: { handle: NotesListHandle; tab: number | undefined; url: string; anchors: string } | undefined;

/**
 * The reader's notes on the page, once it has been analysed (notes are keyed
 * and anchored by the analysis). Re-rendered only when the page's notes or
 * their anchors changed, so an edit under way in the list survives refreshes.
 */
function showNotes(page: PageNotes | null): void {
  const mount = panel.mount(PANEL_READER_NOTES_MOUNT);
  if (page === null) {
    notesList?.handle.destroy();
    notesList = undefined;
    return;
  }
  const anchors = new Map<string, NoteAnchorStatus>(page.anchors.map((report) => [report.id, report]));
  const anchorsKey = JSON.stringify(page.anchors.map((report) => [report.id, report.status]));
  if (notesList && notesList.tab === tabId && notesList.url === page.url) {
    if (notesList.anchors !== anchorsKey) {
      notesList.anchors = anchorsKey;
      notesList.handle.setAnchors(anchors);
      void notesList.handle.refresh();
    }
    return;
  }
  notesList?.handle.destroy();
  const handle = mountNotesList(mount, {
    t,
    source: notes,
    url: page.url,
    anchors,
    onReveal: (note) => void send({ type: 'reveal-note', noteId: note.id }).catch(() => undefined),
  });
  notesList = { handle, tab: tabId, url: page.url, anchors: anchorsKey };
}

function refresh(): Promise<void> {
  refreshing = refreshing.then(load, load);
  return refreshing;
}

async function load(): Promise<void> {
  const changesSeen = changes;
  settings = await loadSettings();
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
  if (unwritten > 0) {
    return; // a change of the reader's is being written: its end refreshes
  }
  if (changesSeen !== changes) {
    void refresh(); // the reader changed something meanwhile: show that, not what was read before
    return;
  }
  panel.update(data);
  showNotes(state?.notes ?? null);
}

ext.runtime.onMessage.addListener((message, sender) => {
  // Our content script in the tab shown here says its overlay changed.
  if (isOverlayStatus(message) && isOwnContentScript(sender, ext.runtime.id, ext.runtime.getURL('')) && sender.tab?.id === tabId) {
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
onSettingsChanged(() => void refresh());
void refresh();
