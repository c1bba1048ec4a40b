// Notes as a Markdown document, for reading and sharing: one section per
// page, each note as the quoted passage followed by the reader's text.
// Everything from a page or a note is escaped, so a quote cannot turn into a
// link, an image, HTML or a heading in whatever renders the file.

import type { NoteRecord } from './model';

export interface MarkdownLabels {
  title: string;
  /** "Exported $1: $2 notes on $3 pages" style line; given the three values. */
  summary: (exportedAt: string, notes: number, pages: number) => string;
  added: (time: string) => string;
  orphan: string;
  emptyBody: string;
}

/**
 * Backslash-escapes what CommonMark (and GitHub's dialect: tables, strikethrough,
 * math) could read as markup: the always-special characters anywhere, and the
 * block markers (headings, quotes, lists, setext underlines) at the start of a line.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]<>|~&$]/g, '\\$&')
    .replace(/^(\s*)([#>+\-=]|\d+[.)])/gm, (_, space: string, marker: string) =>
      `${space}${marker.replace(/[#>+\-=.)]/, '\\$&')}`,
    );
}

/** One line of text, with line breaks folded to spaces (for headings and link text). */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function quoteBlock(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => `> ${escapeMarkdown(line)}`.trimEnd())
    .join('\n');
}

function paragraphs(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => escapeMarkdown(line))
    .join('  \n'); // a hard break keeps the reader's own line breaks
}

/** The Markdown document for `notes`, grouped by page in order of each page's first note. */
export function toMarkdown(notes: readonly NoteRecord[], labels: MarkdownLabels, exportedAt: Date): string {
  const pages = new Map<string, NoteRecord[]>();
  for (const note of notes) {
    const list = pages.get(note.url) ?? [];
    list.push(note);
    pages.set(note.url, list);
  }
  const out: string[] = [`# ${escapeMarkdown(labels.title)}`, '', escapeMarkdown(labels.summary(exportedAt.toISOString(), notes.length, pages.size)), ''];
  for (const [url, pageNotes] of pages) {
    const title = pageNotes.find((note) => note.title)?.title;
    out.push(`## ${escapeMarkdown(oneLine(title || url))}`, '');
    // An autolink only for web addresses; anything else stays escaped text.
    out.push(/^https?:\/\/[^\s<>]+$/.test(url) ? `<${url}>` : escapeMarkdown(url), '');
    for (const note of pageNotes) {
      out.push(quoteBlock(note.target.quote.exact), '');
      out.push(note.body.trim() === '' ? `*${escapeMarkdown(labels.emptyBody)}*` : paragraphs(note.body), '');
      const meta = [labels.added(note.created)];
      if (note.anchor?.status === 'orphan') meta.push(labels.orphan);
      out.push(`*${escapeMarkdown(meta.join(' · '))}*`, '');
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}
