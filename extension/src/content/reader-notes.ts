// The reader's own notes on the page being read, in the content script:
// loads the page's notes from the background, re-anchors each one in the
// analysed text (notes/anchor.ts), marks the anchored passages with a
// highlight, lists the notes on a claim in its popover with "Add note", and
// offers "Add note" for any text the reader selects in the article. What
// re-anchoring found (orphans included) is reported back, so lists elsewhere
// can show orphans without the page open. Never touches the page's nodes.

import type { Analysis, Claim, Span } from '../analysis';
import { RangeMapper } from '../dom/ranges';
import { TextOffsetMapper } from '../dom/text-offsets';
import { type AnchorResult, anchor, targetFor } from '../notes/anchor';
import { addNote, notesForPage, reportAnchors } from '../notes/client';
import { type NoteRecord, canonicalPageUrl } from '../notes/model';
import type { ClaimOverlay } from '../ui/claim-overlay';
import type { Translate } from '../ui/i18n';
import { createNoteEditor, focusEditor } from '../ui/notes-editor';
import { NOTES_CSS } from '../ui/notes-styles';
import { READER_NOTE_HIGHLIGHT } from '../ui/reader-note-highlight';

/** The key the page's notes are stored under: the analysis's canonical URL, else the document's, without fragment. */
export function notesPageUrl(analysis: Analysis, doc: Document): string {
  return (analysis.article.url && canonicalPageUrl(analysis.article.url)) || canonicalPageUrl(doc.URL) || doc.URL;
}

export class ReaderNotes {
  readonly url: string;
  private notes: NoteRecord[] = [];
  private readonly anchors = new Map<string, AnchorResult>();
  private readonly highlight = new Highlight();
  private readonly ranges: RangeMapper;
  private readonly offsets: TextOffsetMapper;
  private readonly sheet = new CSSStyleSheet();
  private overlay: ClaimOverlay | undefined;
  private shown = false;

  constructor(
    private readonly doc: Document,
    private readonly analysis: Analysis,
    domNodes: readonly Node[],
    private readonly t: Translate,
  ) {
    this.url = notesPageUrl(analysis, doc);
    this.ranges = new RangeMapper(analysis.article.dom, domNodes);
    this.offsets = new TextOffsetMapper(analysis.article.dom, domNodes);
    this.sheet.replaceSync(NOTES_CSS);
    // Above the claim highlights, so a note on a claim shows.
    this.highlight.priority = 1;
  }

  /** Connects to the overlay whose popover shows the notes (the page has one popover host). */
  attach(overlay: ClaimOverlay): void {
    this.overlay = overlay;
    overlay.notePopover.adoptStyles(this.sheet);
  }

  /** Loads and re-anchors the page's notes, then reports what was found. */
  async load(): Promise<void> {
    this.notes = await notesForPage(this.url);
    for (const note of this.notes) {
      this.anchors.set(note.id, anchor(this.analysis.article.text, note.target));
    }
    this.redraw();
    if (this.notes.length > 0) {
      await reportAnchors(
        this.url,
        this.notes.map((note) => {
          const result = this.anchors.get(note.id)!;
          return result.status === 'anchored' ? { id: note.id, status: 'anchored', method: result.method } : { id: note.id, status: 'orphan' };
        }),
      );
    }
  }

  /** The page's notes with where each sits now: what a notes list on this page needs. */
  get current(): { notes: readonly NoteRecord[]; anchors: ReadonlyMap<string, AnchorResult> } {
    return { notes: this.notes, anchors: this.anchors };
  }

  setVisible(visible: boolean): void {
    if (visible === this.shown) return;
    this.shown = visible;
    if (visible) {
      CSS.highlights.set(READER_NOTE_HIGHLIGHT, this.highlight);
      this.doc.addEventListener('mouseup', this.onPointerUp, true);
      this.doc.addEventListener('keyup', this.onKeyUp, true);
    } else {
      if (CSS.highlights.get(READER_NOTE_HIGHLIGHT) === this.highlight) {
        CSS.highlights.delete(READER_NOTE_HIGHLIGHT);
      }
      this.doc.removeEventListener('mouseup', this.onPointerUp, true);
      this.doc.removeEventListener('keyup', this.onKeyUp, true);
    }
  }

  private redraw(): void {
    this.highlight.clear();
    for (const result of this.anchors.values()) {
      if (result.status !== 'anchored') continue;
      try {
        for (const range of this.ranges.rangesFor(result)) this.highlight.add(range);
      } catch (error) {
        console.warn('ClaimLens: a note no longer matches the page', error);
      }
    }
  }

  /** For the claim's popover: the reader's notes on it and an "Add note" button. */
  readonly claimExtras = (claim: Claim): Node[] => {
    const section = this.el('section', 'notes-section notes-claim');
    section.setAttribute('aria-label', this.t('notesOnClaimLabel'));
    const mine = this.notes.filter((note) => {
      const at = this.anchors.get(note.id);
      return at?.status === 'anchored' && at.start < claim.end && at.end > claim.start;
    });
    if (mine.length > 0) {
      section.append(this.el('h3', 'notes-heading', this.t('notesOnClaimHeading')));
      const list = this.el('ul', 'notes-on-claim');
      for (const note of mine) {
        const item = this.el('li', 'notes-body');
        item.textContent = note.body.trim() === '' ? this.t('notesEmptyBody') : note.body;
        list.append(item);
      }
      section.append(list);
    }
    const add = this.button(this.t('notesAddToClaim'), 'notes-add', () => this.openEditor(claim, claim.id, this.boxOf(claim)));
    section.append(add);
    return [section];
  };

  /** The editor in the popover, for a note on `span` of the article text. */
  private openEditor(span: Span, claimId: string | undefined, box: DOMRect): void {
    const popover = this.overlay?.notePopover;
    if (!popover) return;
    const target = targetFor(this.analysis.article.text, span.start, span.end);
    const editor = createNoteEditor(this.doc, {
      t: this.t,
      quote: target.quote.exact,
      onSave: async (body) => {
        const note = await addNote({
          url: this.url,
          ...(this.analysis.article.title ? { title: this.analysis.article.title } : {}),
          ...(claimId === undefined ? {} : { claimId }),
          body,
          target,
        });
        this.notes.push(note);
        this.anchors.set(note.id, anchor(this.analysis.article.text, note.target));
        this.redraw();
        this.afterSave(note, claimId, box);
      },
      onCancel: () => popover.close(),
    });
    popover.show(this.t('notesEditorAddLabel'), [editor], box);
    focusEditor(editor);
  }

  /** Shows the saved note where the reader wrote it: in its claim's note, or on its own. */
  private afterSave(note: NoteRecord, claimId: string | undefined, box: DOMRect): void {
    const popover = this.overlay?.notePopover;
    if (!popover) return;
    const claim = claimId === undefined ? undefined : this.analysis.claims.find((c) => c.id === claimId);
    const saved = this.el('p', 'notes-status', this.t('notesSaved'));
    saved.setAttribute('role', 'status');
    if (claim) {
      popover.open(claim, box, [...this.claimExtras(claim), saved]);
    } else {
      const body = this.el('p', 'notes-body', note.body.trim() === '' ? this.t('notesEmptyBody') : note.body);
      popover.show(this.t('notesSavedLabel'), [saved, body], box);
    }
  }

  private readonly onPointerUp = (event: MouseEvent): void => {
    if (event.button !== 0 || this.overlay?.notePopover.isHost(event.target)) return;
    // After the click that ends the selection has been handled (it may open a claim's note).
    setTimeout(() => this.offerSelection(), 0);
  };

  private readonly onKeyUp = (event: KeyboardEvent): void => {
    if (event.key === 'Shift' && !this.overlay?.notePopover.isHost(event.target)) {
      this.offerSelection();
    }
  };

  /** When the reader has selected article text: a small "Add note" offer beside the selection. */
  private offerSelection(): void {
    const selection = this.doc.getSelection();
    if (!this.shown || !selection || selection.rangeCount === 0 || selection.isCollapsed) return;
    const range = selection.getRangeAt(0);
    const span = this.offsets.spanOf(range);
    if (!span || this.analysis.article.text.slice(span.start, span.end).trim() === '') return;
    const rects = Array.from(range.getClientRects());
    const box = rects[rects.length - 1] ?? range.getBoundingClientRect();
    const offer = this.button(this.t('notesAddToSelection'), 'notes-add-selection notes-button-primary', () => this.openEditor(span, undefined, box));
    this.overlay?.notePopover.show(this.t('notesAdderLabel'), [offer], box);
  }

  private boxOf(span: Span): DOMRect {
    const [first] = this.ranges.rangesFor(span);
    return first ? first.getBoundingClientRect() : new DOMRect(8, 8, 0, 0);
  }

  private button(text: string, className: string, onClick: () => void): HTMLButtonElement {
    const button = this.el('button', `notes-button ${className}`, text) as HTMLButtonElement;
    button.type = 'button';
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
