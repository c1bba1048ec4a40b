// The overlay on one document: the claims' highlights, keyboard stepping
// between them, and the note popover. Shared by the content script and the
// playground. It never changes the page's own nodes: highlights live in the
// document's highlight registry, the UI in the one overlay host element.
// Other ClaimLens UI on the page (the reader's notes) goes through it too: an
// `OverlayExtension` fills the notes' mount points, and may show its own
// content in the popover and its own highlight layer, themed like the claims.

import type { Claim } from '../analysis';
import { itemAtPoint } from '../dom/hit-test';
import { type StyleKind, type ViewFilter, isShown, styleKind } from './claim-filter';
import { FLASH_HIGHLIGHT_NAME, claimHighlightName, currentHighlightName, readerNoteHighlightName } from './highlight-styles';
import type { Translate } from './i18n';
import { NOTE_CSS } from './note-styles';
import { NotePopover } from './note-popover';
import { type NoteContext, READER_NOTES_MOUNT, SOURCING_LABELS, kindLabel } from './note-view';
import { OverlayHost } from './overlay-host';
import { detectPageTheme } from './page-theme';
import type { Theme } from './palette';

/** A claim with the DOM Ranges its text occupies. */
export interface PlacedClaim {
  claim: Claim;
  ranges: Range[];
}

/** What other ClaimLens UI adds to the claims' notes. */
export interface OverlayExtension {
  /** Fills the claim note's reader-notes mount point (`[data-claimlens-mount="reader-notes"]`). */
  fillReaderNotes(mount: HTMLElement, claim: Claim): void;
}

/** How long the panel's "scroll to claim" flash lasts. */
const FLASH_MS = 1600;
/** Longest claim text read out by the live region when stepping. */
const ANNOUNCED_CHARS = 160;

export class ClaimOverlay {
  private placed: PlacedClaim[] = [];
  private context: NoteContext = { quotes: [], entities: [] };
  private shownList: PlacedClaim[] = [];
  private readonly claimByRange = new Map<AbstractRange, PlacedClaim>();
  /** Highlights this overlay has registered, by name, so it removes exactly its own. */
  private readonly registered = new Map<string, Highlight>();
  private readonly host: OverlayHost;
  private readonly popover: NotePopover;
  private shown = false;
  private theme: Theme = 'light';
  /** The claim reached with next/previous; Enter opens its note while `keyboardArmed`. */
  private current: string | undefined;
  private keyboardArmed = false;
  private currentMarked = false;
  private flashTimer = 0;
  private readonly colourScheme: MediaQueryList | undefined;
  private extension: OverlayExtension | undefined;
  /** The reader's notes' passages; undefined until their owner has set them (then registered even when empty). */
  private readerNoteRanges: readonly Range[] | undefined;

  constructor(
    private readonly doc: Document,
    private readonly t: Translate,
    private filter: ViewFilter,
  ) {
    this.host = new OverlayHost(doc);
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(NOTE_CSS);
    this.host.addSheet(sheet);
    this.popover = new NotePopover(doc, this.host, t);
    this.colourScheme = doc.defaultView?.matchMedia('(prefers-color-scheme: dark)');
  }

  get visible(): boolean {
    return this.shown;
  }

  /** Connects the UI that fills the notes' mount points (the reader's notes); undefined disconnects it. */
  setExtension(extension: OverlayExtension | undefined): void {
    this.extension = extension;
  }

  /** Adds a constructed stylesheet to the overlay's shadow root (for an extension's content). */
  addSheet(sheet: CSSStyleSheet): void {
    this.host.addSheet(sheet);
  }

  /** True when an event's target is ClaimLens's own UI (events from the shadow root reach the page retargeted to the host). */
  isOwnTarget(target: EventTarget | null): boolean {
    return this.host.isHost(target);
  }

  /** Shows an extension's content in the popover next to `ranges` (see NotePopover.show). */
  showInPopover(label: string, content: readonly Node[], ranges: readonly Range[], options?: { focus?: boolean }): void {
    if (this.shown) {
      this.popover.show(label, content, ranges, options);
    }
  }

  closePopover(): void {
    this.popover.close();
  }

  /** Opens a claim's note again (e.g. after the reader added a note to it), if it is highlighted. */
  openClaimNote(claimId: string): boolean {
    const entry = this.shownList.find((item) => item.claim.id === claimId);
    if (!this.shown || !entry) {
      return false;
    }
    this.openNote(entry, 0);
    return true;
  }

  /** The passages of the reader's notes, drawn in the reader-note highlight (undefined: none drawn at all). */
  setReaderNoteRanges(ranges: readonly Range[] | undefined): void {
    this.readerNoteRanges = ranges;
    this.rebuild();
  }

  /** The highlighted claims, in text order. */
  get shownClaims(): readonly Claim[] {
    return this.shownList.map((entry) => entry.claim);
  }

  /** The claim reached with the keyboard, if any. */
  get currentClaimId(): string | undefined {
    return this.current;
  }

  /**
   * Replaces the claims (a new or re-run analysis). Claim ids are positions
   * in one analysis, so the open note and the current claim are carried over
   * by their text: they stay only if the same claim is still there.
   */
  setContent(placed: readonly PlacedClaim[], context: NoteContext): void {
    const textOf = (id: string | undefined) => this.placed.find((entry) => entry.claim.id === id)?.claim.text;
    const openText = textOf(this.popover.claimId);
    const currentText = textOf(this.current);
    this.placed = [...placed];
    this.context = context;
    const idOf = (text: string | undefined) =>
      text === undefined ? undefined : this.placed.find((entry) => entry.claim.text === text)?.claim.id;
    this.current = idOf(currentText);
    this.rebuild();
    if (openText !== undefined) {
      const entry = this.shownList.find((item) => item.claim.text === openText);
      this.popover.reanchor(entry?.claim.id, entry?.ranges);
    }
  }

  setFilter(filter: ViewFilter): void {
    this.filter = filter;
    this.rebuild();
    const openId = this.popover.claimId;
    if (openId !== undefined && !this.shownList.some((entry) => entry.claim.id === openId)) {
      this.popover.close();
    }
  }

  show(): void {
    if (this.shown) {
      return;
    }
    this.shown = true;
    // Capture phase, so a page handler that stops propagation cannot hide clicks from us.
    this.doc.addEventListener('click', this.onClick, true);
    this.doc.addEventListener('keydown', this.onKeyDown, true);
    this.doc.addEventListener('pointerdown', this.onPointerDown, true);
    this.colourScheme?.addEventListener('change', this.onSchemeChange);
    this.rebuild();
  }

  hide(): void {
    if (!this.shown) {
      return;
    }
    this.shown = false;
    this.unregisterAll();
    this.doc.removeEventListener('click', this.onClick, true);
    this.doc.removeEventListener('keydown', this.onKeyDown, true);
    this.doc.removeEventListener('pointerdown', this.onPointerDown, true);
    this.colourScheme?.removeEventListener('change', this.onSchemeChange);
    this.popover.detach();
    this.host.remove();
    this.current = undefined;
    this.keyboardArmed = false;
  }

  /** Shows a hidden overlay or hides a shown one; returns whether it is now shown. */
  toggle(): boolean {
    if (this.shown) {
      this.hide();
    } else {
      this.show();
    }
    return this.shown;
  }

  /** Says "N claims found" through the live region. */
  announceCount(): void {
    if (this.shown) {
      this.host.announce(this.t('claimsFound', [String(this.shownList.length)]));
    }
  }

  /**
   * Moves to the next (1) or previous (-1) highlighted claim, wrapping
   * around; from none, starts at the first claim at or below the top of the
   * viewport (or above it, going back). Scrolls to it and reads it out.
   */
  step(direction: 1 | -1): Claim | undefined {
    const list = this.shownList;
    if (!this.shown || list.length === 0) {
      return undefined;
    }
    let index = list.findIndex((entry) => entry.claim.id === this.current);
    if (index < 0) {
      const firstBelow = list.findIndex((entry) => (entry.ranges[0]?.getBoundingClientRect().top ?? 0) >= 0);
      index = direction === 1 ? (firstBelow < 0 ? 0 : firstBelow) : (firstBelow <= 0 ? list.length : firstBelow) - 1;
    } else {
      index = (index + direction + list.length) % list.length;
    }
    const entry = list[index];
    this.setCurrent(entry.claim.id);
    this.keyboardArmed = true;
    this.popover.close();
    scrollToRanges(this.doc, entry.ranges);
    const text = entry.claim.text.length > ANNOUNCED_CHARS ? `${entry.claim.text.slice(0, ANNOUNCED_CHARS)}…` : entry.claim.text;
    this.host.announce(
      this.t('claimPosition', [
        String(index + 1),
        String(list.length),
        kindLabel(styleKind(entry.claim, this.filter), this.t),
        this.t(SOURCING_LABELS[entry.claim.sourcing.kind]),
        text,
      ]),
    );
    return entry.claim;
  }

  /** Opens the note of the claim reached with the keyboard. */
  openCurrent(): boolean {
    const entry = this.shownList.find((item) => item.claim.id === this.current);
    if (!entry) {
      return false;
    }
    this.openNote(entry, 0);
    return true;
  }

  /** Scrolls to a claim and flashes it (the panel's "show me"). */
  reveal(claimId: string): boolean {
    const entry = this.shownList.find((item) => item.claim.id === claimId);
    if (!this.shown || !entry) {
      return false;
    }
    this.setCurrent(claimId);
    this.keyboardArmed = false;
    this.flash(entry.ranges);
    return true;
  }

  /** Scrolls to `ranges` and flashes them (a claim, or the passage of a reader's note). */
  flash(ranges: readonly Range[]): boolean {
    if (!this.shown || ranges.length === 0) {
      return false;
    }
    scrollToRanges(this.doc, ranges);
    const view = this.doc.defaultView!;
    const flash = new Highlight(...ranges);
    flash.priority = 2;
    this.register(FLASH_HIGHLIGHT_NAME, flash);
    view.clearTimeout(this.flashTimer);
    this.flashTimer = view.setTimeout(() => this.unregister(FLASH_HIGHLIGHT_NAME), FLASH_MS);
    return true;
  }

  /** Removes everything this overlay put on the page. */
  destroy(): void {
    this.hide();
    this.placed = [];
    this.shownList = [];
  }

  /** Makes a claim the current one; `mark` draws the keyboard focus mark on it (not after a mouse click). */
  private setCurrent(claimId: string | undefined, mark = true): void {
    this.current = claimId;
    this.currentMarked = mark;
    this.unregister(currentHighlightName('light'));
    this.unregister(currentHighlightName('dark'));
    const entry = this.shownList.find((item) => item.claim.id === claimId);
    if (this.shown && entry && mark) {
      const highlight = new Highlight(...entry.ranges);
      highlight.priority = 1;
      this.register(currentHighlightName(this.theme), highlight);
    }
  }

  /** Recomputes what is shown and re-registers the highlights. */
  private rebuild(): void {
    this.shownList = this.placed.filter((entry) => entry.ranges.length > 0 && isShown(entry.claim, this.filter));
    this.claimByRange.clear();
    for (const entry of this.shownList) {
      for (const range of entry.ranges) {
        this.claimByRange.set(range, entry);
      }
    }
    if (!this.shown) {
      return;
    }
    const firstRange = this.shownList[0]?.ranges[0] ?? this.placed[0]?.ranges[0];
    const near = firstRange ? elementOf(firstRange.startContainer) : null;
    this.theme = detectPageTheme(this.doc, near);
    this.host.setTheme(this.theme === 'dark' ? 'dark' : undefined);

    const groups = new Map<string, Range[]>();
    for (const entry of this.shownList) {
      const name = claimHighlightName(this.theme, styleKind(entry.claim, this.filter) as StyleKind, entry.claim.sourcing.kind);
      const ranges = groups.get(name) ?? [];
      ranges.push(...entry.ranges);
      groups.set(name, ranges);
    }
    for (const name of [...this.registered.keys()]) {
      if (name !== FLASH_HIGHLIGHT_NAME && !groups.has(name)) {
        this.unregister(name);
      }
    }
    if (this.readerNoteRanges) {
      groups.set(readerNoteHighlightName(this.theme), [...this.readerNoteRanges]);
    }
    for (const [name, ranges] of groups) {
      const highlight = new Highlight(...ranges);
      if (name === readerNoteHighlightName(this.theme)) {
        highlight.priority = 1; // above the claims, so a note on a claim shows
      }
      this.register(name, highlight);
    }
    if (this.current !== undefined && !this.shownList.some((entry) => entry.claim.id === this.current)) {
      this.current = undefined;
      this.keyboardArmed = false;
    }
    this.setCurrent(this.current, this.currentMarked);
  }

  private register(name: string, highlight: Highlight): void {
    CSS.highlights.set(name, highlight);
    this.registered.set(name, highlight);
  }

  private unregister(name: string): void {
    const highlight = this.registered.get(name);
    // Delete only our own entry: the registry is shared with the page.
    if (highlight && CSS.highlights.get(name) === highlight) {
      CSS.highlights.delete(name);
    }
    this.registered.delete(name);
  }

  private unregisterAll(): void {
    for (const name of [...this.registered.keys()]) {
      this.unregister(name);
    }
  }

  private openNote(entry: PlacedClaim, line: number): void {
    const extension = this.extension;
    this.popover.open(entry.claim, this.context, entry.claim.checkworthy, entry.ranges, line, (note) => {
      const mount = note.querySelector<HTMLElement>(`[data-claimlens-mount="${READER_NOTES_MOUNT}"]`);
      if (mount && extension) {
        extension.fillReaderNotes(mount, entry.claim);
      }
    });
  }

  /** Opens the note of the claim under a click. The click itself goes on as usual (links still work). */
  private readonly onClick = (event: MouseEvent): void => {
    if (event.button !== 0 || this.host.isHost(event.target)) {
      return;
    }
    const hit = itemAtPoint(this.doc, event.clientX, event.clientY, this.claimByRange);
    if (!hit) {
      return;
    }
    this.setCurrent(hit.claim.id, false);
    this.openNote(hit, lineIndexAt(hit.ranges, event.clientX, event.clientY));
  };

  private readonly onPointerDown = (event: PointerEvent): void => {
    if (!this.host.isHost(event.target)) {
      this.keyboardArmed = false; // Enter goes back to the page once the reader uses the mouse
    }
  };

  /** Enter opens the note of the claim reached with next/previous, unless focus is on something Enter acts on. */
  private readonly onKeyDown = (event: KeyboardEvent): void => {
    if (event.key !== 'Enter' || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey || event.isComposing) {
      return;
    }
    if (!this.keyboardArmed || this.popover.isOpen() || handlesEnter(event.target)) {
      return;
    }
    if (this.openCurrent()) {
      event.preventDefault();
      event.stopPropagation();
    }
  };

  private readonly onSchemeChange = (): void => this.rebuild();
}

/** The index of the line box of `ranges` under the point, so a note on a long claim opens by the line clicked. */
function lineIndexAt(ranges: readonly Range[], x: number, y: number): number {
  const boxes = ranges.flatMap((range) => Array.from(range.getClientRects()));
  const index = boxes.findIndex((box) => x >= box.left && x <= box.right && y >= box.top && y <= box.bottom);
  return Math.max(0, index);
}

function elementOf(node: Node): Element | null {
  return node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
}

/** Focus targets for which Enter already means something (links, buttons, form fields, editors). */
function handlesEnter(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) {
    return false;
  }
  if (target instanceof HTMLElement && target.isContentEditable) {
    return true;
  }
  return target.closest('a[href], button, input, select, textarea, summary, [role="button"], [role="link"], [tabindex]') !== null &&
    target !== target.ownerDocument.body;
}

/**
 * Brings a claim into view: its element into the nearest scroll containers
 * first, then the window so the claim sits mid-screen.
 */
function scrollToRanges(doc: Document, ranges: readonly Range[]): void {
  const first = ranges[0];
  const view = doc.defaultView;
  if (!first || !view) {
    return;
  }
  elementOf(first.startContainer)?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  const box = first.getBoundingClientRect();
  const margin = view.innerHeight / 4;
  if (box.top < margin || box.bottom > view.innerHeight - margin) {
    view.scrollBy({ top: box.top - (view.innerHeight - box.height) / 2, behavior: 'instant' as ScrollBehavior });
  }
}
