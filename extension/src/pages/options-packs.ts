// The options page's fact-check packs section: the packs the background has
// loaded (with their credit, the built-in pack's switch, removal of imported
// ones), and importing a file of published fact-checks with its report.

import { PackFileTooLarge, importPackFile, listPacks, removePack } from '../factchecks/client';
import type { ImportReport, PackEntry } from '../messages';
import { translate as t } from '../platform';
import type { Settings } from '../settings/schema';
import { formatTime } from '../ui/notes-list';
import { byId } from './localize';

/** What the packs section needs from the rest of the page. */
export interface PacksSectionHost {
  /** The settings as the page shows them. */
  settings(): Settings;
  /** Changes the settings and saves them (the page shows the result). */
  update(change: (settings: Settings) => void): Promise<void>;
}

const doc = document;

function formatMegabytes(bytes: number): string {
  return (bytes / (1024 * 1024)).toLocaleString(undefined, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
}

function packItem(pack: PackEntry, host: PacksSectionHost): HTMLElement {
  const li = doc.createElement('li');
  li.className = 'pack';
  li.dataset.pack = pack.name;
  li.dataset.builtIn = String(pack.builtIn);
  li.dataset.loaded = String(pack.loaded);
  const name = doc.createElement('p');
  name.className = 'pack-name';
  name.textContent = pack.name;
  const badge = doc.createElement('span');
  badge.className = 'pack-badge';
  badge.textContent = t(pack.builtIn ? 'optionsPackBuiltIn' : 'optionsPackImported');
  name.append(badge);
  if (!pack.loaded) {
    const off = doc.createElement('span');
    off.className = 'pack-badge';
    off.textContent = t('optionsPackNotLoaded');
    name.append(off);
  }
  li.append(name);
  if (pack.description) {
    const description = doc.createElement('p');
    description.textContent = pack.description;
    li.append(description);
  }
  const meta = doc.createElement('p');
  meta.className = 'pack-meta';
  meta.textContent = t('optionsPackMeta', [pack.records.toLocaleString(), formatMegabytes(pack.bytes)]);
  if (pack.fileName && pack.importedAt) {
    meta.textContent += ` · ${t('optionsPackFrom', [pack.fileName, formatTime(pack.importedAt)])}`;
  }
  li.append(meta);
  // The credit each pack carries: its source and licence, as the pack states them.
  const credit = doc.createElement('dl');
  credit.className = 'pack-credit';
  for (const [label, value] of [
    [t('optionsPackSource'), pack.source],
    [t('optionsPackLicence'), pack.licence],
  ] as const) {
    if (!value) continue;
    const dt = doc.createElement('dt');
    dt.textContent = label;
    const dd = doc.createElement('dd');
    dd.textContent = value;
    credit.append(dt, dd);
  }
  if (credit.childElementCount > 0) li.append(credit);
  if (pack.error) {
    const error = doc.createElement('p');
    error.className = 'error';
    error.textContent = t('optionsPackFailed', [pack.error]);
    li.append(error);
  }
  if (pack.builtIn) {
    const field = doc.createElement('div');
    field.className = 'field';
    const box = doc.createElement('input');
    box.type = 'checkbox';
    box.id = 'pack-builtin';
    box.checked = host.settings().packs.builtIn;
    box.addEventListener('change', () => {
      void host
        .update((s) => {
          s.packs.builtIn = box.checked;
        })
        .then(renderPacks);
    });
    const label = doc.createElement('label');
    label.htmlFor = box.id;
    label.textContent = t('optionsPackUseBuiltIn');
    field.append(box, label);
    li.append(field);
  } else {
    const remove = doc.createElement('button');
    remove.type = 'button';
    remove.className = 'pack-remove';
    remove.textContent = t('optionsPackRemove');
    remove.setAttribute('aria-label', t('optionsPackRemoveLabel', [pack.name]));
    remove.addEventListener('click', () => void removeImportedPack(pack.name));
    li.append(remove);
  }
  return li;
}

let packsRendering: Promise<void> = Promise.resolve();
let host: PacksSectionHost;

/** The packs as the background has them loaded now. Serialised: a slow answer never overwrites a newer one. */
export function renderPacks(): Promise<void> {
  packsRendering = packsRendering.then(showPacks, showPacks);
  return packsRendering;
}

async function showPacks(): Promise<void> {
  const list = byId(doc, 'packs');
  const timing = byId(doc, 'packs-timing');
  try {
    const { packs, timing: load, quarantined, liveCached } = await listPacks();
    list.replaceChildren(...packs.map((pack) => packItem(pack, host)));
    const lines: string[] = [];
    if (load) lines.push(t('optionsPacksTiming', [String(Math.round(load.totalMs)), String(Math.round(load.fetchMs)), String(Math.round(load.loadMs))]));
    if (quarantined > 0) lines.push(t('optionsPacksQuarantined', [String(quarantined)]));
    timing.textContent = lines.join(' ');
    timing.dataset.totalMs = load ? String(load.totalMs) : '';
    byId(doc, 'live-cache-count').textContent = t('optionsLiveCached', [String(liveCached)]);
  } catch (error) {
    const li = doc.createElement('li');
    li.className = 'error';
    li.textContent = t('optionsPacksUnavailable', [error instanceof Error ? error.message : String(error)]);
    list.replaceChildren(li);
  }
}

function packStatus(text: string, isError: boolean): void {
  const status = byId(doc, 'pack-status');
  status.classList.toggle('error', isError);
  status.textContent = text;
}

async function importChosenPack(input: HTMLInputElement): Promise<void> {
  const file = input.files?.[0];
  if (!file) return;
  packStatus(t('optionsPackImporting', [file.name]), false);
  showImportReport(undefined);
  let status: [string, boolean];
  let report: ImportReport | undefined;
  try {
    const imported = await importPackFile(file);
    report = imported.report;
    status = [t(imported.replaced ? 'optionsPackReplaced' : 'optionsPackImportDone', [imported.pack.name, imported.pack.records.toLocaleString()]), false];
  } catch (error) {
    const reason = error instanceof PackFileTooLarge ? t('optionsPackTooLarge', [error.message]) : error instanceof Error ? error.message : String(error);
    status = [t('optionsPackImportFailed', [file.name, reason]), true];
  }
  input.value = '';
  await renderPacks(); // the list first: the status line then speaks of what is shown
  packStatus(...status);
  showImportReport(report);
}

/** What the importer found in a file of published fact-checks: the format, the counts, and every bad record it reported. */
function showImportReport(report: ImportReport | undefined): void {
  const box = byId(doc, 'pack-report');
  box.hidden = report === undefined;
  if (!report) {
    box.replaceChildren();
    return;
  }
  const summary = doc.createElement('p');
  summary.className = 'pack-report-summary';
  summary.textContent = t('optionsPackImportReport', [report.format, report.records.toLocaleString(), report.skipped.toLocaleString(), report.duplicates.toLocaleString()]);
  const parts: HTMLElement[] = [summary];
  if (report.issuesTotal > 0) {
    const heading = doc.createElement('p');
    heading.textContent = t('optionsPackImportIssues', [report.issuesTotal.toLocaleString()]);
    const list = doc.createElement('ul');
    list.className = 'pack-report-issues';
    for (const issue of report.issues) {
      const li = doc.createElement('li');
      li.textContent = issue;
      list.append(li);
    }
    parts.push(heading, list);
    if (report.issuesTotal > report.issues.length) {
      const more = doc.createElement('p');
      more.textContent = t('optionsPackImportIssuesMore', [(report.issuesTotal - report.issues.length).toLocaleString()]);
      parts.push(more);
    }
  }
  box.replaceChildren(...parts);
}

async function removeImportedPack(name: string): Promise<void> {
  let status: [string, boolean];
  try {
    await removePack(name);
    status = [t('optionsPackRemoved', [name]), false];
  } catch (error) {
    status = [t('optionsPackRemoveFailed', [name, error instanceof Error ? error.message : String(error)]), true];
  }
  await renderPacks();
  packStatus(...status);
  byId(doc, 'pack-file').focus();
}

/** Connects the section's controls; `pageHost` gives it the page's settings. */
export function wirePacks(pageHost: PacksSectionHost): void {
  host = pageHost;
  const input = byId<HTMLInputElement>(doc, 'pack-file');
  input.addEventListener('change', () => void importChosenPack(input));
}
