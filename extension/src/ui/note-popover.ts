// The note popover: a labelled, non-modal dialog in the overlay host's shadow
// root, shown as a `popover` (top layer, so no page z-index hides it, with
// light dismiss and Escape). It takes focus when it opens and gives it back
// when it closes; it stays next to its claim while the page scrolls, and
// inside the viewport. Besides a claim's note it shows the other ClaimLens
// content that belongs next to the text (the reader's note editor, the
// "Add note" offer on a selection): the page keeps one host for all of it.

import type { Claim } from '../analysis';
import type { Translate } from './i18n';
import { NOTE_TITLE_ID, type NoteContext, renderNote } from './note-view';
import type { OverlayHost } from './overlay-host';
import { ViewportFollower } from './viewport-follower';

/** Gap between the claim and the note, and between the note and the viewport edge. */
const GAP_PX = 8;
/** The least height a note is squeezed to next to its claim; below that it may cover the claim. */
const MIN_HEIGHT_PX = 160;

export class NotePopover {
  private popover: HTMLElement | undefined;
  private anchor: { ranges: readonly Range[]; line: number } | undefined;
  private returnFocus: Element | null = null;
  private readonly follower: ViewportFollower;
  private openClaimId: string | undefined;
  /** Told when what `show` put in the popover goes away (closed, or replaced by other content). */
  private onContentGone: (() => void) | undefined;
  /** The note's position, as a constructed sheet: a strict page CSP may block style attributes. */
  private readonly positionSheet: CSSStyleSheet;

  constructor(
    private readonly doc: Document,
    private readonly host: OverlayHost,
    private readonly t: Translate,
  ) {
    this.positionSheet = new CSSStyleSheet();
    host.addSheet(this.positionSheet);
    this.follower = new ViewportFollower(doc, () => this.reposition());
  }

  /** The claim whose note is open, if any. */
  get claimId(): string | undefined {
    return this.isOpen() ? this.openClaimId : undefined;
  }

  isOpen(): boolean {
    return this.popover?.isConnected === true && this.popover.matches(':popover-open');
  }

  /**
   * Shows `claim`'s note by `ranges` (the claim's text), next to line box
   * `line` of them (the line clicked), and moves focus into it.
   */
  open(
    claim: Claim,
    context: NoteContext,
    checkworthy: boolean,
    ranges: readonly Range[],
    line: number,
    fillMounts?: (note: HTMLElement) => void,
  ): void {
    const note = renderNote(this.doc, claim, context, this.t, checkworthy);
    // Before the popover is shown, so it is measured and placed with everything in it.
    fillMounts?.(note);
    const popover = this.present(note, ranges, line);
    popover.removeAttribute('aria-label');
    popover.setAttribute('aria-labelledby', NOTE_TITLE_ID);
    this.openClaimId = claim.id;
    popover.focus({ preventScroll: true });
  }

  /**
   * Shows other content (already built as DOM, text as text), labelled
   * `label`, next to `ranges`. With `focus: false` (an offer beside the
   * reader's selection) focus stays where it is.
   */
  show(
    label: string,
    content: readonly Node[],
    ranges: readonly Range[],
    { focus = true, onClose }: { focus?: boolean; onClose?: () => void } = {},
  ): void {
    const popover = this.present(content, ranges, 0);
    popover.removeAttribute('aria-labelledby');
    popover.setAttribute('aria-label', label);
    this.openClaimId = undefined;
    this.onContentGone = onClose;
    if (focus) {
      popover.focus({ preventScroll: true });
    }
  }

  /**
   * Renders the open note of `claim` again in place (its data changed: live
   * fact-check answers arrived), keeping the popover where it is and focus inside it.
   */
  refresh(claim: Claim, context: NoteContext, checkworthy: boolean, fillMounts?: (note: HTMLElement) => void): void {
    const popover = this.popover;
    if (!popover || !this.isOpen() || this.openClaimId !== claim.id) {
      return;
    }
    const note = renderNote(this.doc, claim, context, this.t, checkworthy);
    fillMounts?.(note);
    const focusInside = popover.contains(this.host.shadow().activeElement);
    const scrollTop = popover.scrollTop;
    popover.replaceChildren(this.closeButton(), note);
    popover.scrollTop = scrollTop;
    this.reposition();
    if (focusInside) {
      popover.focus({ preventScroll: true });
    }
  }

  private present(content: Node | readonly Node[], ranges: readonly Range[], line: number): HTMLElement {
    this.contentGone();
    const popover = this.ensurePopover();
    const active = this.doc.activeElement;
    if (!this.isOpen()) {
      this.returnFocus = active && !this.host.isHost(active) ? active : null;
    }
    popover.replaceChildren(this.closeButton(), ...(Array.isArray(content) ? content : [content as Node]));
    this.anchor = { ranges, line };
    if (this.isOpen()) {
      popover.hidePopover();
    }
    popover.showPopover();
    this.reposition();
    this.follower.follow(true);
    return popover;
  }

  /** Closes the note; focus goes back to where it was when the note opened. */
  close(): void {
    if (this.isOpen()) {
      this.popover!.hidePopover(); // the toggle event restores focus
    }
  }

  /** The claims were rebuilt (the page re-rendered): follow the open note's claim to its new ranges, or close if it is gone. */
  reanchor(claimId: string | undefined, ranges: readonly Range[] | undefined): void {
    if (!this.isOpen()) {
      return;
    }
    if (claimId === undefined || !ranges || ranges.length === 0) {
      this.close();
      return;
    }
    this.openClaimId = claimId;
    this.anchor = { ranges, line: 0 };
    this.reposition();
  }

  /** Forgets the popover (its host is being removed). */
  detach(): void {
    this.close();
    this.contentGone();
    this.follower.follow(false);
    this.popover = undefined;
    this.anchor = undefined;
  }

  private ensurePopover(): HTMLElement {
    if (this.popover?.isConnected) {
      return this.popover;
    }
    const popover = this.doc.createElement('div');
    popover.className = 'note';
    popover.popover = 'auto';
    popover.tabIndex = -1;
    popover.setAttribute('role', 'dialog');
    popover.setAttribute('aria-labelledby', NOTE_TITLE_ID);
    popover.addEventListener('toggle', (event) => {
      if ((event as ToggleEvent).newState === 'closed') {
        this.onClosed();
      }
    });
    this.host.shadow().append(popover);
    this.popover = popover;
    return popover;
  }

  private contentGone(): void {
    const callback = this.onContentGone;
    this.onContentGone = undefined;
    callback?.();
  }

  private onClosed(): void {
    this.follower.follow(false);
    this.openClaimId = undefined;
    this.contentGone();
    // Give focus back only if it is still ours (Escape, the close button), not
    // when the reader closed the note by clicking somewhere else.
    const active = this.doc.activeElement;
    const focusIsOurs = active === null || active === this.doc.body || this.host.isHost(active);
    const target = this.returnFocus;
    this.returnFocus = null;
    if (focusIsOurs) {
      if (target instanceof HTMLElement && target.isConnected && target !== this.doc.body) {
        target.focus({ preventScroll: true });
      } else if (active && this.host.isHost(active)) {
        // Focus was on the note itself: let it go back to the page. (Firefox keeps
        // a hidden element focused until told, so blur the inner element too.)
        (this.host.shadow().activeElement as HTMLElement | null)?.blur();
        (active as HTMLElement).blur();
      }
    }
  }

  private closeButton(): HTMLElement {
    const button = this.doc.createElement('button');
    button.type = 'button';
    button.className = 'note-close';
    button.textContent = '×';
    button.setAttribute('aria-label', this.t('noteClose'));
    button.addEventListener('click', () => this.close());
    return button;
  }

  /**
   * Below the claim's line if the note fits there, else above it, else on
   * the roomier side with its height capped (it scrolls inside), so the note
   * never covers its claim; always inside the viewport (position: fixed).
   */
  private reposition(): void {
    const view = this.doc.defaultView;
    const popover = this.popover;
    if (!view || !popover || !this.anchor || !this.isOpen()) {
      return;
    }
    const boxes = this.anchor.ranges.flatMap((range) => Array.from(range.getClientRects()));
    const box = boxes[this.anchor.line] ?? boxes[0];
    if (!box) {
      return;
    }
    const width = popover.getBoundingClientRect().width;
    // The note's full height, whatever height it is capped to now (borders included).
    const natural = popover.scrollHeight + (popover.offsetHeight - popover.clientHeight);
    const roomBelow = view.innerHeight - box.bottom - 2 * GAP_PX;
    const roomAbove = box.top - 2 * GAP_PX;
    let height = natural;
    let below: boolean;
    if (natural <= roomBelow) {
      below = true;
    } else if (natural <= roomAbove) {
      below = false;
    } else {
      below = roomBelow >= roomAbove;
      height = Math.max(MIN_HEIGHT_PX, below ? roomBelow : roomAbove);
    }
    const left = clamp(box.left, GAP_PX, view.innerWidth - width - GAP_PX);
    const wanted = below ? box.bottom + GAP_PX : box.top - GAP_PX - height;
    const top = clamp(wanted, GAP_PX, view.innerHeight - Math.min(height, view.innerHeight - 2 * GAP_PX) - GAP_PX);
    this.positionSheet.replaceSync(
      `.note { left: ${Math.round(left)}px; top: ${Math.round(top)}px; max-height: min(${Math.floor(height)}px, calc(100vh - ${2 * GAP_PX}px)); }`,
    );
  }
}

function clamp(value: number, low: number, high: number): number {
  return Math.max(low, Math.min(value, Math.max(low, high)));
}
