// The reader's own notes on the page being read, in the content script:
// loads the page's notes from the background, re-anchors each one in the
// analysed text (notes/anchor.ts), draws the anchored passages as the
// overlay's reader-note highlight, fills the reader-notes mount of each
// claim's note (the notes on that claim and "Add note"), and offers "Add
// note" for any text the reader selects in the article. What re-anchoring
// found (orphans included) is reported back, so lists elsewhere can show
// orphans without the page open. Never touches the page's nodes.
//
// One ReaderNotes lives as long as the page session. Every analysis of the
// page (the first, and each re-analysis after a re-render or an in-page
// navigation) hands it the new text and DOM nodes with `setPage`: the notes
// are fetched again when the page's key (its canonical URL) changed, and
// re-anchored in the new text otherwise.

import type { Analysis, Claim, Span } from '../analysis';
import { RangeMapper } from '../dom/ranges';
import { TextOffsetMapper } from '../dom/text-offsets';
import type { NoteAnchorReport, PageNotes } from '../messages';
import { type AnchorResult, anchor, targetFor } from '../notes/anchor';
import { addNote, notesForPage, reportAnchors } from '../notes/client';
import { type NoteRecord, canonicalPageUrl } from '../notes/model';
import type { ClaimOverlay, OverlayExtension } from '../ui/claim-overlay';
import type { Translate } from '../ui/i18n';
import { createNoteEditor, focusEditor } from '../ui/notes-editor';
import { NOTES_CSS } from '../ui/notes-styles';

/** The key the page's notes are stored under: the analysis's canonical URL, else the document's, without fragment. */
export function notesPageUrl(analysis: Analysis, doc: Document): string {
  return (analysis.article.url && canonicalPageUrl(analysis.article.url)) || canonicalPageUrl(doc.URL) || doc.URL;
}

/** The analysed page the notes are anchored in. */
interface AnchoredPage {
  url: string;
  analysis: Analysis;
  ranges: RangeMapper;
  offsets: TextOffsetMapper;
}

export class ReaderNotes implements OverlayExtension {
  private page: AnchoredPage | undefined;
  private notes: NoteRecord[] = [];
  private readonly anchors = new Map<string, AnchorResult>();
  /** Whether `notes` are those of `page.url` (loaded, not just requested). */
  private loaded = false;
  /** Bumped by every setPage and clear, so a late answer for an older page is dropped. */
  private generation = 0;
  /** What the last anchor report said, so an unchanged result is not sent again. */
  private reported = '';
  private listening = false;
  /** The claim whose note should say "Saved" the next time it is filled. */
  private savedOnClaim: string | undefined;

  constructor(
    private readonly doc: Document,
    private readonly overlay: ClaimOverlay,
    private readonly t: Translate,
    /** Called when the notes or their anchors changed (the page state the panel shows changed). */
    private readonly onChange: () => void,
  ) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(NOTES_CSS);
    overlay.addSheet(sheet);
    overlay.setExtension(this);
  }

  /** A new analysis of the page: fetch the notes (new page) or re-anchor them (same page, new text or nodes). */
  async setPage(analysis: Analysis, domNodes: readonly Node[]): Promise<void> {
    const generation = ++this.generation;
    const url = notesPageUrl(analysis, this.doc);
    const samePage = this.loaded && this.page?.url === url;
    this.page = {
      url,
      analysis,
      ranges: new RangeMapper(analysis.article.dom, domNodes),
      offsets: new TextOffsetMapper(analysis.article.dom, domNodes),
    };
    if (!samePage) {
      this.forgetNotes();
      const notes = await notesForPage(url);
      if (generation !== this.generation) return; // the page moved on meanwhile
      this.notes = notes;
      this.loaded = true;
    }
    await this.reanchor();
  }

  /** The page has no analysis any more (navigation, failure): nothing to anchor in. */
  clear(): void {
    this.generation++;
    this.page = undefined;
    this.forgetNotes();
    this.overlay.setReaderNoteRanges(undefined);
  }

  private forgetNotes(): void {
    this.loaded = false;
    this.notes = [];
    this.anchors.clear();
    this.reported = '';
  }

  /** The notes were changed elsewhere (the panel edited or deleted one): fetch them again. */
  async reload(): Promise<void> {
    const page = this.page;
    if (!page) return;
    const generation = ++this.generation;
    const notes = await notesForPage(page.url);
    if (generation !== this.generation) return;
    this.notes = notes;
    this.loaded = true;
    await this.reanchor();
  }

  /** The page's notes and where each was found, for the panel; null before the first analysis. */
  pageNotes(): PageNotes | null {
    return this.page && this.loaded ? { url: this.page.url, anchors: this.anchorReports() } : null;
  }

  /** Scrolls to a note's passage and flashes it. */
  reveal(noteId: string): boolean {
    const at = this.anchors.get(noteId);
    if (!this.page || at?.status !== 'anchored') return false;
    return this.overlay.flash(this.rangesOf(at));
  }

  /** Listens for the reader's selections while the highlights are shown. */
  setVisible(visible: boolean): void {
    if (visible === this.listening) return;
    this.listening = visible;
    if (visible) {
      this.doc.addEventListener('mouseup', this.onPointerUp, true);
      this.doc.addEventListener('keyup', this.onKeyUp, true);
    } else {
      this.doc.removeEventListener('mouseup', this.onPointerUp, true);
      this.doc.removeEventListener('keyup', this.onKeyUp, true);
    }
  }

  /** OverlayExtension: the reader's notes on `claim` and an "Add note" button, in the claim note's mount. */
  fillReaderNotes(mount: HTMLElement, claim: Claim): void {
    mount.classList.add('notes-section', 'notes-claim');
    mount.setAttribute('aria-label', this.t('notesOnClaimLabel'));
    const mine = this.notes.filter((note) => {
      const at = this.anchors.get(note.id);
      return at?.status === 'anchored' && at.start < claim.end && at.end > claim.start;
    });
    const parts: HTMLElement[] = [];
    if (mine.length > 0) {
      parts.push(this.el('h3', 'notes-heading', this.t('notesOnClaimHeading')));
      const list = this.el('ul', 'notes-on-claim');
      for (const note of mine) {
        list.append(this.el('li', 'notes-body', note.body.trim() === '' ? this.t('notesEmptyBody') : note.body));
      }
      parts.push(list);
    }
    parts.push(this.button(this.t('notesAddToClaim'), 'notes-add', () => this.openEditor(claim, claim.id)));
    if (this.savedOnClaim === claim.id) {
      this.savedOnClaim = undefined;
      const saved = this.el('p', 'notes-status', this.t('notesSaved'));
      saved.setAttribute('role', 'status');
      parts.push(saved);
    }
    mount.replaceChildren(...parts);
  }

  /** Anchors every note in the current text, redraws, and reports what changed. */
  private async reanchor(): Promise<void> {
    const page = this.page;
    if (!page || !this.loaded) return;
    this.anchors.clear();
    for (const note of this.notes) {
      this.anchors.set(note.id, anchor(page.analysis.article.text, note.target));
    }
    this.redraw();
    this.onChange();
    const results = this.anchorReports();
    const report = JSON.stringify(results);
    if (results.length > 0 && report !== this.reported) {
      this.reported = report;
      await reportAnchors(page.url, results);
    }
  }

  private anchorReports(): NoteAnchorReport[] {
    return this.notes.map((note) => {
      const result = this.anchors.get(note.id);
      return result?.status === 'anchored' ? { id: note.id, status: 'anchored', method: result.method } : { id: note.id, status: 'orphan' };
    });
  }

  private redraw(): void {
    const ranges: Range[] = [];
    for (const result of this.anchors.values()) {
      if (result.status === 'anchored') ranges.push(...this.rangesOf(result));
    }
    this.overlay.setReaderNoteRanges(ranges);
  }

  private rangesOf(span: Span): Range[] {
    try {
      return this.page ? this.page.ranges.rangesFor(span) : [];
    } catch (error) {
      console.warn('ClaimLens: a note no longer matches the page', error);
      return [];
    }
  }

  /** The editor in the popover, for a note on `span` of the article text (a claim, or the reader's selection). */
  private openEditor(span: Span, claimId: string | undefined, ranges: readonly Range[] = this.rangesOf(span)): void {
    const page = this.page;
    if (!page) return;
    const { analysis, url } = page;
    const target = targetFor(analysis.article.text, span.start, span.end);
    const editor = createNoteEditor(this.doc, {
      t: this.t,
      quote: target.quote.exact,
      onSave: async (body) => {
        const note = await addNote({
          url,
          ...(analysis.article.title ? { title: analysis.article.title } : {}),
          ...(claimId === undefined ? {} : { claimId }),
          body,
          target,
        });
        if (this.page !== page) return; // saved, but the page moved on: the next setPage fetches it
        this.notes.push(note);
        await this.reanchor();
        this.afterSave(note, claimId, ranges);
      },
      onCancel: () => this.overlay.closePopover(),
    });
    this.overlay.showInPopover(this.t('notesEditorAddLabel'), [editor], ranges);
    focusEditor(editor);
  }

  /** Shows the saved note where the reader wrote it: in its claim's note, or on its own. */
  private afterSave(note: NoteRecord, claimId: string | undefined, ranges: readonly Range[]): void {
    if (claimId !== undefined) {
      this.savedOnClaim = claimId;
      if (this.overlay.openClaimNote(claimId)) return;
      this.savedOnClaim = undefined;
    }
    const saved = this.el('p', 'notes-status', this.t('notesSaved'));
    saved.setAttribute('role', 'status');
    const body = this.el('p', 'notes-body', note.body.trim() === '' ? this.t('notesEmptyBody') : note.body);
    this.overlay.showInPopover(this.t('notesSavedLabel'), [saved, body], ranges);
  }

  private readonly onPointerUp = (event: MouseEvent): void => {
    if (event.button !== 0 || this.overlay.isOwnTarget(event.target)) return;
    // After the click that ends the selection has been handled (it may open a claim's note).
    setTimeout(() => this.offerSelection(), 0);
  };

  private readonly onKeyUp = (event: KeyboardEvent): void => {
    if (event.key === 'Shift' && !this.overlay.isOwnTarget(event.target)) {
      this.offerSelection();
    }
  };

  /** When the reader has selected article text: a small "Add note" offer beside the selection. */
  private offerSelection(): void {
    const page = this.page;
    const selection = this.doc.getSelection();
    if (!this.listening || !page || !selection || selection.rangeCount === 0 || selection.isCollapsed) return;
    const range = selection.getRangeAt(0).cloneRange();
    const span = page.offsets.spanOf(range);
    if (!span || page.analysis.article.text.slice(span.start, span.end).trim() === '') return;
    const offer = this.button(this.t('notesAddToSelection'), 'notes-add-selection notes-button-primary', () =>
      this.openEditor(span, undefined, [range]),
    );
    // Focus stays in the page: the reader may go on selecting, or ignore the offer.
    this.overlay.showInPopover(this.t('notesAdderLabel'), [offer], [range], { focus: false });
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
