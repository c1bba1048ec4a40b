// The notes view: the reader's notes for every page (or one page, with
// ?url=), orphans listed apart, import and export, and the quarantine.

import { importNotes, allNotes, notesSource, quarantinedNotes } from '../notes/client';
import { canonicalPageUrl } from '../notes/model';
import { toMarkdown } from '../notes/markdown';
import { toAnnotationCollection } from '../notes/w3c';
import { mountNotesList, formatTime } from '../ui/notes-list';
import { NOTES_CSS } from '../ui/notes-styles';
import { translate as t } from '../platform';
import { byId, dateStamp, localize, offerDownload } from './localize';

const doc = document;
const pageUrl = (() => {
  const raw = new URL(location.href).searchParams.get('url');
  return raw === null ? undefined : canonicalPageUrl(raw);
})();

async function exportAs(format: 'w3c' | 'markdown'): Promise<void> {
  const out = byId(doc, 'export-out');
  try {
    const notes = (await allNotes()).notes.filter((note) => pageUrl === undefined || note.url === pageUrl);
    if (format === 'w3c') {
      const name = `claimlens-notes-${dateStamp()}.jsonld`;
      const text = `${JSON.stringify(toAnnotationCollection(notes, t('notesCollectionLabel')), null, 2)}\n`;
      offerDownload(out, text, 'application/ld+json', name, t('notesExportReady', [name, String(notes.length)]));
    } else {
      const name = `claimlens-notes-${dateStamp()}.md`;
      const text = toMarkdown(
        notes,
        {
          title: t('notesCollectionLabel'),
          summary: (at, count, pages) => t('notesMarkdownSummary', [formatTime(at), String(count), String(pages)]),
          added: (time) => t('notesAdded', [formatTime(time)]),
          orphan: t('notesOrphanBadge'),
          emptyBody: t('notesEmptyBody'),
        },
        new Date(),
      );
      offerDownload(out, text, 'text/markdown', name, t('notesExportReady', [name, String(notes.length)]));
    }
  } catch (error) {
    out.textContent = t('notesExportFailed', [error instanceof Error ? error.message : String(error)]);
  }
}

async function importFile(file: File, refresh: () => Promise<void>): Promise<void> {
  const report = byId(doc, 'import-report');
  report.replaceChildren();
  const line = (text: string, className = '') => {
    const p = doc.createElement('p');
    p.className = className;
    p.textContent = text;
    report.append(p);
    return p;
  };
  let document: unknown;
  try {
    document = JSON.parse(await file.text());
  } catch (error) {
    line(t('notesImportNotJson', [file.name, error instanceof Error ? error.message : String(error)]), 'error');
    return;
  }
  try {
    const { counts, problems, total } = await importNotes(document);
    line(t('notesImportSummary', [String(total), String(counts.added), String(counts.updated), String(counts.unchanged)]), 'import-summary');
    const rejected = problems.filter((p) => p.rejected).length;
    if (problems.length > 0) {
      line(t('notesImportProblems', [String(rejected), String(problems.length - rejected)]), 'error');
      const list = doc.createElement('ul');
      list.className = 'problem-list import-problems';
      for (const problem of problems) {
        const item = doc.createElement('li');
        const where = problem.index < 0 ? t('notesImportWholeFile') : t('notesImportItem', [String(problem.index + 1)]);
        item.textContent = `${where}${problem.id ? ` (${problem.id})` : ''}: ${problem.reason}${problem.rejected ? '' : ` ${t('notesImportKept')}`}`;
        list.append(item);
      }
      report.append(list);
    }
  } catch (error) {
    // The background imports in one transaction: nothing was written.
    line(t('notesImportFailed', [error instanceof Error ? error.message : String(error)]), 'error');
  }
  await refresh();
}

async function renderQuarantine(): Promise<void> {
  const entries = await quarantinedNotes();
  byId(doc, 'quarantine-heading').textContent = t('notesQuarantineHeading', [String(entries.length)]);
  byId(doc, 'quarantine').hidden = entries.length === 0;
  byId(doc, 'quarantine-list').replaceChildren(
    ...entries.map((entry) => {
      const li = doc.createElement('li');
      const reason = doc.createElement('p');
      reason.textContent = t('notesQuarantineEntry', [formatTime(entry.at), entry.reason]);
      const details = doc.createElement('details');
      const summary = doc.createElement('summary');
      summary.textContent = t('optionsProblemData');
      const pre = doc.createElement('pre');
      pre.textContent = entry.data;
      details.append(summary, pre);
      li.append(reason, details);
      return li;
    }),
  );
}

async function start(): Promise<void> {
  localize(doc);
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(NOTES_CSS);
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
  if (pageUrl !== undefined) {
    const filter = byId(doc, 'page-filter');
    filter.hidden = false;
    filter.textContent = t('notesPageFilter', [pageUrl]);
  }
  const list = mountNotesList(byId(doc, 'notes-list'), { t, source: notesSource(), ...(pageUrl === undefined ? {} : { url: pageUrl }) });
  const refresh = async () => {
    await Promise.all([list.refresh(), renderQuarantine()]);
  };
  byId(doc, 'export-w3c').addEventListener('click', () => void exportAs('w3c'));
  byId(doc, 'export-markdown').addEventListener('click', () => void exportAs('markdown'));
  const picker = byId<HTMLInputElement>(doc, 'import-file');
  picker.addEventListener('change', () => {
    const file = picker.files?.[0];
    if (file) void importFile(file, refresh).finally(() => (picker.value = ''));
  });
  await refresh();
  doc.body.dataset.ready = 'true';
}

start().catch((error: unknown) => {
  byId(doc, 'import-report').textContent = `ClaimLens: ${error instanceof Error ? error.message : String(error)}`;
});
