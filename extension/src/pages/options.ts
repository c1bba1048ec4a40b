// The options page. Every change is validated and saved at once (the status
// line says where: synced, or on this device only); changes made elsewhere
// (another options tab, the claims panel) show up here too. It also shows the
// storage problems log, exports all data and deletes all data.

import { allNotes, coreInfo, deleteAllNotes, quarantinedNotes } from '../notes/client';
import { toAnnotationCollection, ALL_DATA_FORMAT } from '../notes/w3c';
import { ext, translate as t } from '../platform';
import { CLAIM_KINDS, type Settings, SOURCING_KINDS, normalizeHost, defaultSettings } from '../settings/schema';
import {
  clearAllStoredSettings,
  clearStorageProblems,
  loadSettingsReport,
  onSettingsChanged,
  readStorageProblems,
  updateSettings,
} from '../settings/store';
import { originPattern } from '../site-permission';
import { SOURCING_LABELS, kindLabel } from '../ui/note-view';
import { formatTime } from '../ui/notes-list';
import { byId, dateStamp, localize, offerDownload } from './localize';

const doc = document;
let current: Settings = defaultSettings();
let modelDefault = 0.5;

// ------------------------------------------------------------------ saving

/**
 * Applies `change` to the settings as stored now (another context, e.g. the
 * claims panel, may have changed them since this page last heard) and saves
 * them; the page shows the result.
 */
async function update(change: (settings: Settings) => void): Promise<void> {
  const status = byId(doc, 'save-status');
  status.classList.remove('error');
  try {
    const { settings, area } = await updateSettings(change);
    current = settings;
    status.textContent = t(area === 'sync' ? 'optionsSaved' : 'optionsSavedLocal');
  } catch (error) {
    status.classList.add('error');
    status.textContent = t('optionsSaveFailed', [error instanceof Error ? error.message : String(error)]);
  }
  render();
  await renderProblems();
}

// ------------------------------------------------------------------ rendering

function checkbox(container: HTMLElement, id: string, label: string, checked: boolean, onChange: (checked: boolean) => void): void {
  let input = doc.getElementById(id) as HTMLInputElement | null;
  if (!input) {
    const field = doc.createElement('div');
    field.className = 'field';
    input = doc.createElement('input');
    input.type = 'checkbox';
    input.id = id;
    const text = doc.createElement('label');
    text.htmlFor = id;
    text.textContent = label;
    field.append(input, text);
    container.append(field);
    const box = input;
    box.addEventListener('change', () => onChange(box.checked));
  }
  input.checked = checked;
}

function renderSites(list: 'always' | 'never'): void {
  const ul = byId(doc, `sites-${list}`);
  const items = current.sites[list].map((host) => {
    const li = doc.createElement('li');
    const name = doc.createElement('span');
    name.textContent = host;
    const remove = doc.createElement('button');
    remove.type = 'button';
    remove.textContent = t('optionsSitesRemove');
    remove.setAttribute('aria-label', t('optionsSitesRemoveLabel', [host]));
    remove.addEventListener('click', () => {
      void update((s) => {
        s.sites[list] = s.sites[list].filter((h) => h !== host);
      }).then(() => byId(doc, `add-${list}-input`).focus());
    });
    li.append(name, remove);
    return li;
  });
  if (items.length === 0) {
    const li = doc.createElement('li');
    li.className = 'empty';
    li.textContent = t('optionsSitesEmpty');
    items.push(li);
  }
  ul.replaceChildren(...items);
}

/** Shows `current` in every control, leaving alone the text field the reader is typing in. */
function render(): void {
  byId<HTMLInputElement>(doc, 'enabled').checked = current.enabled;

  const useDefault = current.threshold === null;
  const threshold = current.threshold ?? modelDefault;
  byId<HTMLInputElement>(doc, 'threshold-default').checked = useDefault;
  const slider = byId<HTMLInputElement>(doc, 'threshold');
  slider.disabled = useDefault;
  slider.value = String(threshold);
  slider.setAttribute('aria-valuetext', valueText(threshold));
  byId(doc, 'threshold-value').textContent = valueText(threshold);

  for (const kind of CLAIM_KINDS) {
    checkbox(byId(doc, 'kinds'), `kind-${kind}`, kindLabel(kind, t), current.kinds[kind], (checked) =>
      void update((s) => {
        s.kinds[kind] = checked;
      }),
    );
  }
  for (const kind of SOURCING_KINDS) {
    checkbox(byId(doc, 'sourcing'), `sourcing-${kind}`, t(SOURCING_LABELS[kind]), current.sourcing[kind], (checked) =>
      void update((s) => {
        s.sourcing[kind] = checked;
      }),
    );
  }
  renderSites('always');
  renderSites('never');

  const live = current.liveSource;
  byId<HTMLInputElement>(doc, 'live-enabled').checked = live.enabled;
  setUnlessFocused('live-key', live.apiKey);
  setUnlessFocused('live-endpoint', live.endpoint);
  setUnlessFocused('live-cache', String(live.cacheHours));
  byId(doc, 'live-warning').textContent = live.enabled && live.apiKey === '' ? t('optionsLiveNoKey') : '';
}

function setUnlessFocused(id: string, value: string): void {
  const input = byId<HTMLInputElement>(doc, id);
  if (doc.activeElement !== input) input.value = value;
}

function valueText(threshold: number): string {
  const value = threshold.toFixed(2);
  return Math.abs(threshold - modelDefault) < 1e-9 ? t('optionsThresholdValueDefault', [value]) : value;
}

async function renderProblems(): Promise<void> {
  const problems = await readStorageProblems();
  const list = byId(doc, 'problems');
  byId(doc, 'problems-empty').hidden = problems.length > 0;
  byId(doc, 'problems-clear').hidden = problems.length === 0;
  list.replaceChildren(
    ...problems
      .slice()
      .reverse()
      .map((entry) => {
        const li = doc.createElement('li');
        li.className = 'problem';
        const heading = doc.createElement('p');
        heading.textContent = t(entry.source === 'settings' ? 'optionsProblemSettings' : 'optionsProblemNotes', [formatTime(entry.at)]);
        const reasons = doc.createElement('ul');
        for (const problem of entry.problems) {
          const item = doc.createElement('li');
          item.textContent = problem;
          reasons.append(item);
        }
        li.append(heading, reasons);
        if (entry.data !== undefined) {
          const details = doc.createElement('details');
          const summary = doc.createElement('summary');
          summary.textContent = t('optionsProblemData');
          const pre = doc.createElement('pre');
          pre.textContent = entry.data;
          details.append(summary, pre);
          li.append(details);
        }
        return li;
      }),
  );
}

async function renderNotesSummary(): Promise<void> {
  const summary = byId(doc, 'notes-summary');
  try {
    const { notes, quarantined } = await allNotes();
    const orphans = notes.filter((note) => note.anchor?.status === 'orphan').length;
    const stored = await quarantinedNotes();
    summary.textContent = t('optionsNotesSummary', [String(notes.length), String(orphans), String(Math.max(quarantined, stored.length))]);
  } catch (error) {
    summary.textContent = t('notesLoadFailed', [error instanceof Error ? error.message : String(error)]);
  }
}

// ------------------------------------------------------------------ wiring

function wireSettings(): void {
  byId<HTMLInputElement>(doc, 'enabled').addEventListener('change', (event) => {
    const checked = (event.target as HTMLInputElement).checked;
    void update((s) => {
      s.enabled = checked;
    });
  });
  byId<HTMLInputElement>(doc, 'threshold-default').addEventListener('change', (event) => {
    const useDefault = (event.target as HTMLInputElement).checked;
    void update((s) => {
      s.threshold = useDefault ? null : Number(byId<HTMLInputElement>(doc, 'threshold').value);
    });
  });
  const slider = byId<HTMLInputElement>(doc, 'threshold');
  slider.addEventListener('input', () => {
    const value = Number(slider.value);
    byId(doc, 'threshold-value').textContent = valueText(value);
    slider.setAttribute('aria-valuetext', valueText(value));
  });
  slider.addEventListener('change', () => {
    const value = Number(slider.value);
    void update((s) => {
      s.threshold = value;
    });
  });

  for (const list of ['always', 'never'] as const) {
    byId(doc, `add-${list}`).addEventListener('submit', (event) => {
      event.preventDefault();
      const input = byId<HTMLInputElement>(doc, `add-${list}-input`);
      const error = byId(doc, `add-${list}-error`);
      const host = normalizeHost(input.value);
      if (host === null) {
        error.textContent = t('optionsSitesInvalid', [input.value.slice(0, 80)]);
        input.setAttribute('aria-invalid', 'true');
        input.focus();
        return;
      }
      error.textContent = '';
      input.removeAttribute('aria-invalid');
      input.value = '';
      const other = list === 'always' ? 'never' : 'always';
      const isNew = !current.sites[list].includes(host);
      // "Always" needs the site's host permission (background/sites.ts registers the content
      // script only for granted sites): asked for now, while the reader's gesture is current.
      const permission = list === 'always' && isNew ? ext.permissions.request({ origins: [originPattern(host)] }) : undefined;
      void update((s) => {
        if (!s.sites[list].includes(host)) s.sites[list].push(host);
        // A site is annotated always or never, not both.
        s.sites[other] = s.sites[other].filter((h) => h !== host);
      }).then(async () => {
        if (permission && !(await permission.catch(() => false))) {
          await update((s) => {
            s.sites.always = s.sites.always.filter((h) => h !== host);
          });
          error.textContent = t('optionsSitesPermissionRefused', [host]);
        }
      });
    });
  }

  byId<HTMLInputElement>(doc, 'live-enabled').addEventListener('change', (event) => {
    const checked = (event.target as HTMLInputElement).checked;
    void update((s) => {
      s.liveSource.enabled = checked;
    });
  });
  byId<HTMLInputElement>(doc, 'live-key').addEventListener('change', (event) => {
    const value = (event.target as HTMLInputElement).value.trim();
    void update((s) => {
      s.liveSource.apiKey = value;
    });
  });
  const show = byId(doc, 'live-key-show');
  show.addEventListener('click', () => {
    const key = byId<HTMLInputElement>(doc, 'live-key');
    const visible = key.type === 'password';
    key.type = visible ? 'text' : 'password';
    show.setAttribute('aria-pressed', String(visible));
  });
  byId<HTMLInputElement>(doc, 'live-endpoint').addEventListener('change', (event) => {
    const input = event.target as HTMLInputElement;
    const error = byId(doc, 'live-endpoint-error');
    const value = input.value.trim();
    if (!/^https?:\/\/\S+$/.test(value)) {
      error.textContent = t('optionsLiveEndpointInvalid');
      input.setAttribute('aria-invalid', 'true');
      return;
    }
    error.textContent = '';
    input.removeAttribute('aria-invalid');
    void update((s) => {
      s.liveSource.endpoint = value;
    });
  });
  byId<HTMLInputElement>(doc, 'live-cache').addEventListener('change', (event) => {
    const input = event.target as HTMLInputElement;
    const error = byId(doc, 'live-cache-error');
    const hours = Number(input.value);
    if (input.value.trim() === '' || !Number.isFinite(hours) || hours < 0 || hours > 24 * 365) {
      error.textContent = t('optionsLiveCacheInvalid');
      input.setAttribute('aria-invalid', 'true');
      return;
    }
    error.textContent = '';
    input.removeAttribute('aria-invalid');
    void update((s) => {
      s.liveSource.cacheHours = hours;
    });
  });
}

function wireData(): void {
  byId(doc, 'export-all').addEventListener('click', () => void exportAll());
  const dialog = byId<HTMLDialogElement>(doc, 'delete-dialog');
  byId(doc, 'delete-all').addEventListener('click', () => dialog.showModal());
  dialog.addEventListener('close', () => {
    if (dialog.returnValue === 'delete') {
      void deleteAll();
    } else {
      byId(doc, 'delete-all').focus();
    }
  });
  byId(doc, 'problems-clear').addEventListener('click', () => {
    void clearStorageProblems().then(renderProblems);
  });
}

/** Settings (without the API key), notes as Web Annotations, the quarantine and the problems log, as one JSON file. */
async function exportAll(): Promise<void> {
  const status = byId(doc, 'data-status');
  try {
    const { apiKey: _omitted, ...liveSource } = current.liveSource;
    void _omitted;
    const { notes } = await allNotes();
    const data = {
      format: ALL_DATA_FORMAT,
      exportedAt: new Date().toISOString(),
      extensionVersion: ext.runtime.getManifest().version,
      settings: { ...current, liveSource },
      notes: toAnnotationCollection(notes),
      quarantine: await quarantinedNotes(),
      storageProblems: await readStorageProblems(),
    };
    const name = `claimlens-data-${dateStamp()}.json`;
    offerDownload(byId(doc, 'export-all-out'), `${JSON.stringify(data, null, 2)}\n`, 'application/json', name, t('optionsExportReady', [name]));
    status.textContent = t('optionsExportDone', [String(notes.length)]);
  } catch (error) {
    status.textContent = t('optionsExportFailed', [error instanceof Error ? error.message : String(error)]);
  }
}

async function deleteAll(): Promise<void> {
  const status = byId(doc, 'data-status');
  try {
    await deleteAllNotes();
    await clearAllStoredSettings();
    current = defaultSettings();
    render();
    await Promise.all([renderProblems(), renderNotesSummary()]);
    byId(doc, 'export-all-out').replaceChildren();
    status.textContent = t('optionsDeleteDone');
  } catch (error) {
    status.textContent = t('optionsDeleteFailed', [error instanceof Error ? error.message : String(error)]);
  }
  byId(doc, 'delete-all').focus();
}

async function start(): Promise<void> {
  localize(doc);
  try {
    const info = await coreInfo();
    modelDefault = info.defaultThreshold;
    byId(doc, 'about').textContent = t('optionsAbout', [ext.runtime.getManifest().version, info.version]);
  } catch (error) {
    byId(doc, 'about').textContent = t('optionsCoreUnavailable', [error instanceof Error ? error.message : String(error)]);
  }
  const defaultText = modelDefault.toFixed(2);
  byId(doc, 'threshold-default-label').textContent = t('optionsThresholdUseDefault', [defaultText]);
  byId(doc, 'threshold-default-mark').textContent = t('optionsThresholdDefaultMark', [defaultText]);
  byId<HTMLOptionElement>(doc, 'threshold-default-option').value = String(modelDefault);

  const loaded = await loadSettingsReport();
  current = loaded.settings;
  wireSettings();
  wireData();
  render();
  if (loaded.problems.length > 0) {
    const status = byId(doc, 'save-status');
    status.classList.add('error');
    status.textContent = t('optionsLoadedWithProblems', [String(loaded.problems.length)]);
  }
  onSettingsChanged(() => {
    // Read through the store's repair: a corrupt value another context wrote is fixed and logged, and shown.
    void loadSettingsReport().then((report) => {
      current = report.settings;
      render();
      void renderProblems();
    });
  });
  await Promise.all([renderProblems(), renderNotesSummary()]);
  doc.body.dataset.ready = 'true';
}

start().catch((error: unknown) => {
  const status = byId(doc, 'save-status');
  status.classList.add('error');
  status.textContent = `ClaimLens: ${error instanceof Error ? error.message : String(error)}`;
});
