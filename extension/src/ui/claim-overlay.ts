// The overlay on one document: the claims' highlights, keyboard stepping
// between them, and the note popover. Shared by the content script and the
// playground. It never changes the page's own nodes: highlights live in the
// document's highlight registry, the UI in the one overlay host element.
// Other ClaimLens UI on the page (the reader's notes) goes through it too: an
// `OverlayExtension` fills the notes' mount points, and may show its own
// content in the popover and its own highlight layer, themed like the claims.
// A flagged comment section gets one marker (comment-marker.ts) at its heading,
// toggled with the highlights; its finding opens in the same popover, and the
// members of each cluster share a subtle highlight while it is open. It is
// never one of the claims.
// A click on a claim opens its note, except on a link: the link is followed as
// always, and a claim with a link in it offers a "Note" button instead
// (note-button.ts), on hover and on keyboard focus.
// The claims may come drawn only (draw-result.ts: what the highlights need),
// with their full analysis given later by `setDetails`; a note opened before
// then opens as soon as the details are there.

import type { Claim } from '../analysis';
import type { DrawnClaim } from '../draw-result';
import { enclosingLink } from '../dom/claim-links';
import type { PlacedCommentSection } from '../dom/comment-section';
import { itemAtPoint, textAroundPoint } from '../dom/hit-test';
import { type StyleKind, type ViewFilter, isShown, styleKind } from './claim-filter';
import { renderCommentFinding } from './comment-finding-view';
import { CommentMarker } from './comment-marker';
import {
  FLASH_HIGHLIGHT_NAME,
  claimHighlightName,
  commentClusterHighlightName,
  currentHighlightName,
  readerNoteHighlightName,
} from './highlight-styles';
import { type Translate, plural } from './i18n';
import { HighlightLayers } from './highlight-layers';
import { LinkedClaimAccess } from './linked-claim-access';
import { NoteButton } from './note-button';
import { NOTE_CSS } from './note-styles';
import { NotePopover } from './note-popover';
import { type NoteContext, READER_NOTES_MOUNT, SOURCING_LABELS, kindLabel } from './note-view';
import { OverlayHost } from './overlay-host';
import { detectPageTheme } from './page-theme';
import { commentFindingKey } from './page-wording';
import type { Theme } from './palette';

/** A claim with the DOM Ranges its text occupies: a full claim, or one drawn before its details came. */
export interface PlacedClaim {
  claim: Claim | DrawnClaim;
  ranges: Range[];
}

/** A full claim of the analysis (a drawn claim has no note). */
export function isFullClaim(claim: Claim | DrawnClaim): claim is Claim {
  return 'note' in claim;
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
/** Characters kept either side of a click kept for a retry: enough to tell one claim's words from another's. */
const STALE_CLICK_REACH = 15;

export class ClaimOverlay {
  private placed: PlacedClaim[] = [];
  private context: NoteContext = { quotes: [], entities: [] };
  private shownList: PlacedClaim[] = [];
  private readonly claimByRange = new Map<AbstractRange, PlacedClaim>();
  /** Highlights this overlay has registered, so it removes exactly its own. */
  private readonly layers = new HighlightLayers();
  private readonly host: OverlayHost;
  private readonly popover: NotePopover;
  private readonly noteButton: NoteButton;
  private readonly linkedClaims: LinkedClaimAccess;
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
  private comments: PlacedCommentSection | null = null;
  private readonly marker: CommentMarker;
  /** The comment finding is open in the popover (its cluster highlight is registered). */
  private findingOpen = false;
  /** The full claims by id, for claims placed drawn only (see `setDetails`). */
  private details = new Map<string, Claim>();
  /** A note asked for before its claim's details came: opened when they do. */
  private pendingNote: { claimId: string; returnFocus?: Element } | undefined;
  /** A click (page coordinates) that met only highlights of text the page has since replaced: tried again on the new claims. */
  private staleClick: { x: number; y: number; words: string } | undefined;
  /** Told when a note needs details that are not here (the content script fetches them). */
  onDetailsWanted: (() => void) | undefined;

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
    this.noteButton = new NoteButton(doc, this.host, t, (claimId, returnFocus) => {
      const entry = this.shownList.find((item) => item.claim.id === claimId);
      if (this.shown && entry) this.openNote(entry, returnFocus ?? undefined);
    });
    this.linkedClaims = new LinkedClaimAccess(doc, this.noteButton, {
      claimAt: (x, y) => {
        const hit = itemAtPoint(this.doc, x, y, this.claimByRange);
        return hit && { id: hit.claim.id, ranges: hit.ranges };
      },
      claims: () => this.shownList.map((entry) => ({ id: entry.claim.id, ranges: entry.ranges })),
      isOwnTarget: (target) => this.host.isHost(target),
    });
    this.marker = new CommentMarker(doc, this.host, t, () => this.openCommentFinding());
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
    this.openNote(entry);
    return true;
  }

  /** The "Note" button of a claim with a link in it, while it is shown (for tests and the content script). */
  get noteButtonElement(): HTMLButtonElement | undefined {
    return this.noteButton.element;
  }

  /** The passages of the reader's notes, drawn in the reader-note highlight (undefined: none drawn at all). */
  setReaderNoteRanges(ranges: readonly Range[] | undefined): void {
    this.readerNoteRanges = ranges;
    this.rebuild();
  }

  /** The highlighted claims, in text order. */
  get shownClaims(): readonly DrawnClaim[] {
    return this.shownList.map((entry) => entry.claim);
  }

  /** The claim reached with the keyboard, if any. */
  get currentClaimId(): string | undefined {
    return this.current;
  }

  /**
   * Replaces the claims (a new or re-run analysis). Claim ids are positions
   * in one analysis, so the open note, the note asked for before its details
   * came, and the current claim are carried over by their text: they stay
   * only if the same claim is still there (never another claim's note).
   */
  setContent(placed: readonly PlacedClaim[], context: NoteContext): void {
    const textOf = (id: string | undefined) => this.placed.find((entry) => entry.claim.id === id)?.claim.text;
    const openText = textOf(this.popover.claimId);
    const currentText = textOf(this.current);
    const pending = this.pendingNote;
    const pendingText = textOf(pending?.claimId);
    this.placed = [...placed];
    this.context = context;
    this.details = new Map();
    const idOf = (text: string | undefined) =>
      text === undefined ? undefined : this.placed.find((entry) => entry.claim.text === text)?.claim.id;
    this.current = idOf(currentText);
    const pendingId = idOf(pendingText);
    // A click that came while the page was being analysed again opens the same claim's note in the new analysis.
    this.pendingNote = pending && pendingId !== undefined ? { ...pending, claimId: pendingId } : undefined;
    this.rebuild();
    if (openText !== undefined) {
      const entry = this.shownList.find((item) => item.claim.text === openText);
      this.popover.reanchor(entry?.claim.id, entry?.ranges);
    }
    this.retryStaleClick();
  }

  /**
   * The full claims (and the notes' context) of the claims placed drawn only:
   * their notes show everything from now on, and a note asked for meanwhile opens.
   */
  setDetails(claims: readonly Claim[], context: NoteContext): void {
    this.details = new Map(claims.map((claim) => [claim.id, claim]));
    this.context = context;
    const pending = this.pendingNote;
    this.pendingNote = undefined;
    const entry = pending && this.shownList.find((item) => item.claim.id === pending.claimId);
    if (this.shown && entry) {
      this.openNote(entry, pending.returnFocus);
    } else {
      this.refreshOpenNote();
    }
  }

  /** The full claim of a placed one, when it is here. */
  private fullClaim(claim: Claim | DrawnClaim): Claim | undefined {
    if (isFullClaim(claim)) {
      return claim;
    }
    // The details come from another analysis run (a woken background analyses again): ids are positional and may shift.
    const full = this.details.get(claim.id);
    return full?.text === claim.text ? full : undefined;
  }

  /** The page's flagged comment section (null: none, or nothing to say about it). Marked while the overlay is shown. */
  setComments(section: PlacedCommentSection | null): void {
    const before = this.comments;
    this.comments = section;
    if (this.findingOpen && (section === null || commentFindingKey(before?.comments) !== commentFindingKey(section.comments))) {
      this.popover.close();
    }
    if (this.shown) {
      this.marker.render(section);
    }
  }

  /** The comment section's marker button, while it is shown (for the content script's own use and tests of it). */
  get commentMarker(): HTMLElement | undefined {
    return this.marker.element;
  }

  /** Re-renders the open note in place: its claim gained data (live fact-check answers). */
  refreshOpenNote(): void {
    const openId = this.popover.claimId;
    const entry = openId === undefined ? undefined : this.shownList.find((item) => item.claim.id === openId);
    const claim = entry && this.fullClaim(entry.claim);
    if (!claim) {
      return;
    }
    const extension = this.extension;
    this.popover.refresh(claim, this.context, claim.checkworthy, (note) => {
      const mount = note.querySelector<HTMLElement>(`[data-claimlens-mount="${READER_NOTES_MOUNT}"]`);
      if (mount && extension) extension.fillReaderNotes(mount, claim);
    });
  }

  /** Opens the comment finding next to the section's heading, and highlights what each cluster's members share. */
  openCommentFinding(): void {
    const section = this.comments;
    if (!this.shown || !section) {
      return;
    }
    const anchor = this.doc.createRange();
    anchor.selectNodeContents(section.anchor);
    this.popover.show(this.t('commentsTitle'), [renderCommentFinding(this.doc, section.comments, this.t)], [anchor], {
      onClose: () => {
        this.findingOpen = false;
        this.unregister(commentClusterHighlightName('light'));
        this.unregister(commentClusterHighlightName('dark'));
        this.marker.setExpanded(false);
      },
    });
    this.findingOpen = true;
    this.marker.setExpanded(true);
    this.registerClusterHighlight();
  }

  private registerClusterHighlight(): void {
    const section = this.comments;
    this.unregister(commentClusterHighlightName('light'));
    this.unregister(commentClusterHighlightName('dark'));
    if (!this.findingOpen || !section) {
      return;
    }
    const ranges = section.clusters.flat();
    if (ranges.length > 0) {
      this.register(commentClusterHighlightName(this.theme), new Highlight(...ranges));
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
    this.linkedClaims.listen(true);
    this.colourScheme?.addEventListener('change', this.onSchemeChange);
    this.rebuild();
    this.marker.render(this.comments);
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
    this.linkedClaims.listen(false);
    this.colourScheme?.removeEventListener('change', this.onSchemeChange);
    this.popover.detach();
    this.noteButton.detach();
    this.marker.detach();
    this.host.remove();
    this.current = undefined;
    this.keyboardArmed = false;
    this.staleClick = undefined;
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
      this.host.announce(plural(this.t, { one: 'claimsFound_one', other: 'claimsFound' }, this.shownList.length));
    }
  }

  /**
   * Moves to the next (1) or previous (-1) highlighted claim, wrapping
   * around; from none, starts at the first claim at or below the top of the
   * viewport (or above it, going back). Scrolls to it and reads it out.
   */
  step(direction: 1 | -1): DrawnClaim | undefined {
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
    this.openNote(entry);
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
    this.comments = null;
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
    for (const name of this.layers.names()) {
      if (name !== FLASH_HIGHLIGHT_NAME && !groups.has(name)) {
        this.unregister(name);
      }
    }
    this.registerClusterHighlight(); // after a theme change, in the new theme's colours
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
    this.layers.set(name, highlight);
  }

  private unregister(name: string): void {
    this.layers.delete(name);
  }

  private unregisterAll(): void {
    this.layers.clear();
  }

  private openNote(entry: PlacedClaim, returnFocus?: Element): void {
    const extension = this.extension;
    this.noteButton.hide();
    const claim = this.fullClaim(entry.claim);
    if (!claim) {
      // Drawn, its details not here yet (they follow the highlights within milliseconds, or are fetched again).
      this.pendingNote = { claimId: entry.claim.id, returnFocus };
      this.onDetailsWanted?.();
      return;
    }
    this.popover.open(
      claim,
      this.context,
      claim.checkworthy,
      entry.ranges,
      (note) => {
        const mount = note.querySelector<HTMLElement>(`[data-claimlens-mount="${READER_NOTES_MOUNT}"]`);
        if (mount && extension) {
          extension.fillReaderNotes(mount, claim);
        }
      },
      returnFocus,
    );
  }

  /**
   * Opens the note of the claim under a click. The click itself goes on as
   * usual, and a click on a link is the link's alone: it is followed, and the
   * claim's note is behind its "Note" button.
   */
  private readonly onClick = (event: MouseEvent): void => {
    if (event.button !== 0 || this.host.isHost(event.target) || enclosingLink(event.target as Node | null)) {
      return;
    }
    const hit = itemAtPoint(this.doc, event.clientX, event.clientY, this.claimByRange);
    this.staleClick = undefined;
    if (!hit) {
      // The words under it too: the retry opens a note only on the same text, never on another claim moved under the point.
      const words = this.claimsReplaced() ? textAroundPoint(this.doc, event.clientX, event.clientY, STALE_CLICK_REACH) : undefined;
      if (words !== undefined) {
        this.staleClick = { x: event.pageX, y: event.pageY, words };
      }
      return;
    }
    this.setCurrent(hit.claim.id, false);
    this.openNote(hit);
  };

  /** The claim under a click that came while the page was being analysed again, in the new claims: its note opens (with its details). */
  private retryStaleClick(): void {
    const click = this.staleClick;
    const view = this.doc.defaultView;
    if (!click || !view || !this.shown) {
      if (!this.claimsReplaced()) this.staleClick = undefined;
      return;
    }
    const x = click.x - view.scrollX;
    const y = click.y - view.scrollY;
    const hit = itemAtPoint(this.doc, x, y, this.claimByRange);
    if (!hit) {
      // Claims placed on nodes the page has replaced again meanwhile: the next analysis gets the click.
      if (!this.claimsReplaced()) this.staleClick = undefined;
      return;
    }
    this.staleClick = undefined;
    // Other text under the point now (the page added or moved content): the click was not for this claim.
    if (textAroundPoint(this.doc, x, y, 3 * STALE_CLICK_REACH)?.includes(click.words)) {
      this.setCurrent(hit.claim.id, false);
      this.openNote(hit); // its details may still be on their way with the new claims: it opens when they come
    }
  }

  /** The page replaced the claims' text (a re-render): their live ranges collapsed, or lie in nodes taken out; nothing is highlighted until it is analysed again. */
  private claimsReplaced(): boolean {
    return this.placed.some((entry) => entry.ranges.some((range) => range.collapsed || !range.startContainer.isConnected));
  }

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
