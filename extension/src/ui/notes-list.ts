// The notes list: the reader's notes with their passages, grouped by page,
// each editable and deletable, and the orphans (notes whose passage was not
// found) in a section of their own: listed, never dropped.
//
// Mount it anywhere (an extension page, the claims panel, a shadow root):
//
//   const list = mountNotesList(container, {
//     t,                         // Translate (ui/i18n.ts)
//     source,                    // NotesSource: where notes come from (notesSource() for the background)
//     url,                       // optional: only this page's notes (canonical URL); all pages if absent
//     anchors,                   // optional: Map note id -> { status } from re-anchoring on the open page
//     onReveal,                  // optional: (note) => void; adds a "Show" button to anchored notes
//   });
//   await list.refresh();        // (re)loads and renders; mountNotesList already started the first load
//   list.setAnchors(anchors);    // after the page re-anchored
//   list.destroy();              // empties the container
//
// The container gets the list's elements; its styles are NOTES_CSS
// (ui/notes-styles.ts), which the host adopts. Text goes in as text only.

import type { AnchorResult } from '../notes/anchor';
import type { NoteRecord } from '../notes/model';
import type { Translate } from './i18n';
import { createNoteEditor, focusEditor, quotePreview } from './notes-editor';

/** Where the list reads and writes notes. */
export interface NotesSource {
  list(url?: string): Promise<NoteRecord[]>;
  update(id: string, body: string): Promise<NoteRecord>;
  remove(id: string): Promise<void>;
}

/** What the list needs of a re-anchoring result (an AnchorResult, or a NoteAnchorReport from the page). */
export type NoteAnchorStatus = Pick<AnchorResult, 'status'>;

export interface NotesListContext {
  t: Translate;
  source: NotesSource;
  url?: string;
  anchors?: ReadonlyMap<string, NoteAnchorStatus>;
  onReveal?: (note: NoteRecord) => void;
}

export interface NotesListHandle {
  refresh(): Promise<void>;
  setAnchors(anchors: ReadonlyMap<string, NoteAnchorStatus>): void;
  destroy(): void;
}

export function mountNotesList(container: HTMLElement, context: NotesListContext): NotesListHandle {
  const list = new NotesList(container, context);
  void list.refresh();
  return list;
}

class NotesList implements NotesListHandle {
  private readonly doc: Document;
  private notes: NoteRecord[] = [];
  private anchors: ReadonlyMap<string, NoteAnchorStatus> | undefined;
  private readonly root: HTMLElement;
  private readonly status: HTMLElement;
  private readonly body: HTMLElement;
  private generation = 0;

  constructor(
    private readonly container: HTMLElement,
    private readonly context: NotesListContext,
  ) {
    this.doc = container.ownerDocument;
    this.anchors = context.anchors;
    this.root = this.el('section', 'notes-list');
    this.root.setAttribute('aria-label', context.t('notesListLabel'));
    this.status = this.el('p', 'notes-status');
    this.status.setAttribute('role', 'status');
    this.body = this.el('div', 'notes-list-body');
    this.root.append(this.status, this.body);
    container.replaceChildren(this.root);
  }

  async refresh(): Promise<void> {
    const generation = ++this.generation;
    try {
      const notes = await this.context.source.list(this.context.url);
      if (generation !== this.generation) return; // a newer refresh is under way
      this.notes = notes;
      this.render();
    } catch (error) {
      this.showError(error);
    }
  }

  setAnchors(anchors: ReadonlyMap<string, NoteAnchorStatus>): void {
    this.anchors = anchors;
    this.render();
  }

  destroy(): void {
    this.generation++;
    this.container.replaceChildren();
  }

  private isOrphan(note: NoteRecord): boolean {
    const live = this.anchors?.get(note.id);
    return live ? live.status === 'orphan' : note.anchor?.status === 'orphan';
  }

  private render(): void {
    const { t } = this.context;
    const placed = this.notes.filter((note) => !this.isOrphan(note));
    const orphans = this.notes.filter((note) => this.isOrphan(note));
    const heading = this.el('h2', 'notes-heading notes-count', t('notesListHeading', [String(this.notes.length)]));
    const parts: HTMLElement[] = [heading];
    if (this.notes.length === 0) {
      parts.push(this.el('p', 'notes-explanation notes-empty', t('notesListEmpty')));
    }
    parts.push(...this.grouped(placed));
    if (orphans.length > 0) {
      const section = this.el('section', 'notes-section notes-orphans');
      section.append(
        this.el('h2', 'notes-heading', t('notesOrphansHeading', [String(orphans.length)])),
        this.el('p', 'notes-explanation', t('notesOrphansExplanation')),
        ...this.grouped(orphans),
      );
      parts.push(section);
    }
    this.body.replaceChildren(...parts);
  }

  /** The notes as lists, one per page with a heading when the list spans pages. */
  private grouped(notes: NoteRecord[]): HTMLElement[] {
    if (this.context.url !== undefined) {
      return notes.length > 0 ? [this.items(notes)] : [];
    }
    const pages = new Map<string, NoteRecord[]>();
    for (const note of notes) {
      pages.set(note.url, [...(pages.get(note.url) ?? []), note]);
    }
    const out: HTMLElement[] = [];
    for (const [url, pageNotes] of pages) {
      const title = pageNotes.find((note) => note.title)?.title;
      out.push(this.el('h3', 'notes-page-heading', title || url));
      if (title) out.push(this.el('p', 'notes-page-url', url));
      out.push(this.items(pageNotes));
    }
    return out;
  }

  private items(notes: NoteRecord[]): HTMLElement {
    const ul = this.el('ul', 'notes-items');
    for (const note of notes) {
      ul.append(this.item(note));
    }
    return ul;
  }

  private item(note: NoteRecord): HTMLElement {
    const { t } = this.context;
    const li = this.el('li', 'notes-item');
    li.dataset.noteId = note.id;
    const quote = this.el('blockquote', 'notes-quote', quotePreview(note.target.quote.exact));
    const body = note.body.trim() === '' ? this.el('p', 'notes-body notes-body-empty', t('notesEmptyBody')) : this.el('p', 'notes-body', note.body);
    const meta = this.el('p', 'notes-meta', t('notesAdded', [formatTime(note.created)]));
    if (this.isOrphan(note)) {
      meta.append(this.el('span', 'notes-orphan-badge', t('notesOrphanBadge')));
    }
    const actions = this.el('div', 'notes-actions');
    if (this.context.onReveal && !this.isOrphan(note)) {
      actions.append(this.button(t('notesShow'), 'notes-show', t('notesShowLabel', [quotePreview(note.target.quote.exact).slice(0, 60)]), () => this.context.onReveal?.(note)));
    }
    actions.append(
      this.button(t('notesEdit'), 'notes-edit', undefined, () => this.edit(li, note)),
      this.button(t('notesDelete'), 'notes-delete', undefined, () => this.confirmDelete(note, actions)),
    );
    li.append(quote, body, meta, actions);
    return li;
  }

  private edit(li: HTMLElement, note: NoteRecord): void {
    const { t } = this.context;
    const editor = createNoteEditor(this.doc, {
      t,
      quote: note.target.quote.exact,
      body: note.body,
      onSave: async (body) => {
        const updated = await this.context.source.update(note.id, body);
        this.notes = this.notes.map((n) => (n.id === updated.id ? updated : n));
        this.render();
        this.announce(t('notesSaved'));
        this.focusNote(updated.id, '.notes-edit');
      },
      onCancel: () => {
        this.render();
        this.focusNote(note.id, '.notes-edit');
      },
    });
    li.replaceChildren(editor);
    focusEditor(editor);
  }

  /** Deleting asks once more, in place: the Delete button becomes "Delete this note?" with Delete and Keep. */
  private confirmDelete(note: NoteRecord, actions: HTMLElement): void {
    const { t } = this.context;
    const question = this.el('span', 'notes-confirm', t('notesDeleteConfirm'));
    const keep = this.button(t('notesKeep'), 'notes-keep', undefined, () => {
      this.render();
      this.focusNote(note.id, '.notes-delete');
    });
    const confirm = this.button(t('notesDelete'), 'notes-delete-confirm', undefined, () => {
      this.context.source.remove(note.id).then(
        () => {
          this.notes = this.notes.filter((n) => n.id !== note.id);
          this.render();
          this.announce(t('notesDeleted'));
          this.root.querySelector<HTMLElement>('.notes-count')?.setAttribute('tabindex', '-1');
          this.root.querySelector<HTMLElement>('.notes-count')?.focus();
        },
        (error: unknown) => this.showError(error),
      );
    });
    actions.replaceChildren(question, confirm, keep);
    keep.focus();
  }

  private focusNote(id: string, selector: string): void {
    for (const li of Array.from(this.root.querySelectorAll<HTMLElement>('.notes-item'))) {
      if (li.dataset.noteId === id) {
        li.querySelector<HTMLElement>(selector)?.focus();
        return;
      }
    }
  }

  private announce(message: string): void {
    this.status.classList.remove('notes-status-error');
    this.status.textContent = message;
  }

  private showError(error: unknown): void {
    this.status.classList.add('notes-status-error');
    this.status.textContent = this.context.t('notesLoadFailed', [error instanceof Error ? error.message : String(error)]);
  }

  private button(text: string, className: string, label: string | undefined, onClick: () => void): HTMLButtonElement {
    const button = this.el('button', `notes-button ${className}`, text) as HTMLButtonElement;
    button.type = 'button';
    if (label) button.setAttribute('aria-label', label);
    button.addEventListener('click', onClick);
    return button;
  }

  private el(tag: string, className: string, text?: string): HTMLElement {
    const element = this.doc.createElement(tag);
    element.className = className;
    if (text !== undefined) element.textContent = text;
    return element;
  }
}

/** A stored ISO time in the reader's locale, or as stored if it does not parse. */
export function formatTime(iso: string): string {
  const time = new Date(iso);
  return Number.isNaN(time.getTime()) ? iso : time.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}
