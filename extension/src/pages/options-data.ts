// The options page's data section: the storage problems log, the reader's
// notes in numbers, exporting everything as one file, and deleting everything.

import { deleteAllFactChecks } from '../factchecks/client';
import { allNotes, deleteAllNotes, quarantinedNotes } from '../notes/client';
import { ALL_DATA_FORMAT, toAnnotationCollection } from '../notes/w3c';
import { ext, translate as t } from '../platform';
import type { Settings } from '../settings/schema';
import { clearAllStoredSettings, clearStorageProblems, readStorageProblems } from '../settings/store';
import { formatTime } from '../ui/notes-list';
import { byId, dateStamp, offerDownload } from './localize';

/** What the data section needs from the rest of the page. */
export interface DataSectionHost {
  /** The settings as the page shows them. */
  settings(): Settings;
  /** Everything was deleted: show the default settings. */
  showDefaults(): void;
  renderPacks(): Promise<void>;
}

const doc = document;

export async function renderProblems(): Promise<void> {
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
        const headingKey = entry.source === 'settings' ? 'optionsProblemSettings' : entry.source === 'packs' ? 'optionsProblemPacks' : 'optionsProblemNotes';
        heading.textContent = t(headingKey, [formatTime(entry.at)]);
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

export async function renderNotesSummary(): Promise<void> {
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

export function wireData(host: DataSectionHost): void {
  byId(doc, 'export-all').addEventListener('click', () => void exportAll(host));
  const dialog = byId<HTMLDialogElement>(doc, 'delete-dialog');
  byId(doc, 'delete-all').addEventListener('click', () => dialog.showModal());
  dialog.addEventListener('close', () => {
    if (dialog.returnValue === 'delete') {
      void deleteAll(host);
    } else {
      byId(doc, 'delete-all').focus();
    }
  });
  byId(doc, 'problems-clear').addEventListener('click', () => {
    void clearStorageProblems().then(renderProblems);
  });
}

/** Settings (without the API key), notes as Web Annotations, the quarantine and the problems log, as one JSON file. */
async function exportAll(host: DataSectionHost): Promise<void> {
  const status = byId(doc, 'data-status');
  try {
    const { apiKey: _omitted, ...liveSource } = host.settings().liveSource;
    void _omitted;
    const { notes } = await allNotes();
    const data = {
      format: ALL_DATA_FORMAT,
      exportedAt: new Date().toISOString(),
      extensionVersion: ext.runtime.getManifest().version,
      settings: { ...host.settings(), liveSource },
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

async function deleteAll(host: DataSectionHost): Promise<void> {
  const status = byId(doc, 'data-status');
  try {
    await deleteAllNotes();
    await deleteAllFactChecks();
    await clearAllStoredSettings();
    host.showDefaults();
    await Promise.all([renderProblems(), renderNotesSummary(), host.renderPacks()]);
    byId(doc, 'export-all-out').replaceChildren();
    status.textContent = t('optionsDeleteDone');
  } catch (error) {
    status.textContent = t('optionsDeleteFailed', [error instanceof Error ? error.message : String(error)]);
  }
  byId(doc, 'delete-all').focus();
}
