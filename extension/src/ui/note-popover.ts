// The note popover: a labelled, non-modal dialog in the overlay host's shadow
// root, shown as a `popover` (top layer, so no page z-index hides it, with
// light dismiss and Escape). It takes focus when it opens and gives it back
// when it closes; it stays next to its claim while the page scrolls, inside
// the viewport and never over the claim (note-placement.ts). Besides a claim's note it shows the other ClaimLens
// content that belongs next to the text (the reader's note editor, the
// "Add note" offer on a selection): the page keeps one host for all of it.

import type { Claim } from '../analysis';
import type { Translate } from './i18n';
import { NOTE_TITLE_ID, type NoteContext, renderNote } from './note-view';
import { GAP_PX, placeNote } from './note-placement';
import type { OverlayHost } from './overlay-host';
import { ViewportFollower } from './viewport-follower';

export class NotePopover {
  private popover: HTMLElement | undefined;
  private anchor: { ranges: readonly Range[] } | undefined;
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
   * Shows `claim`'s note by `ranges` (the claim's text) and moves focus into
   * it. Closing gives focus back to `returnFocus` when given (the link the
   * note button stood for), else to what had it.
   */
  open(
    claim: Claim,
    context: NoteContext,
    checkworthy: boolean,
    ranges: readonly Range[],
    fillMounts?: (note: HTMLElement) => void,
    returnFocus?: Element,
  ): void {
    const note = renderNote(this.doc, claim, context, this.t, checkworthy);
    // Before the popover is shown, so it is measured and placed with everything in it.
    fillMounts?.(note);
    const popover = this.present(note, ranges);
    if (returnFocus) {
      this.returnFocus = returnFocus;
    }
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
    const popover = this.present(content, ranges);
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

  private present(content: Node | readonly Node[], ranges: readonly Range[]): HTMLElement {
    this.contentGone();
    const popover = this.ensurePopover();
    const active = this.doc.activeElement;
    if (!this.isOpen()) {
      this.returnFocus = active && !this.host.isHost(active) ? active : null;
    }
    popover.replaceChildren(this.closeButton(), ...(Array.isArray(content) ? content : [content as Node]));
    this.anchor = { ranges };
    if (this.isOpen()) {
      popover.hidePopover();
    }
    popover.showPopover();
    // Every opening starts at the note's heading, not where the last note was scrolled to.
    popover.scrollTop = 0;
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
    this.anchor = { ranges };
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

  /** Places the note by its claim (see note-placement.ts): never over it, always inside the viewport (position: fixed). */
  private reposition(): void {
    const view = this.doc.defaultView;
    const popover = this.popover;
    if (!view || !popover || !this.anchor || !this.isOpen()) {
      return;
    }
    const boxes = this.anchor.ranges.flatMap((range) => Array.from(range.getClientRects()));
    // The layout viewport without its scrollbars, which a fixed note must not sit under.
    const root = this.doc.documentElement;
    const viewport = { width: Math.min(view.innerWidth, root.clientWidth || view.innerWidth), height: Math.min(view.innerHeight, root.clientHeight || view.innerHeight) };
    // Measured with no height cap: the note's full height, borders included.
    this.positionSheet.replaceSync('.note { max-height: none; }');
    const fullHeight = () => popover.scrollHeight + (popover.offsetHeight - popover.clientHeight);
    const size = { width: popover.getBoundingClientRect().width, height: fullHeight() };
    const placement = placeNote(boxes, viewport, size, () => {
      this.positionSheet.replaceSync(SHEET_RULES);
      return fullHeight();
    });
    if (!placement) {
      return;
    }
    popover.dataset.placement = placement.mode;
    const top = `top: ${Math.round(placement.top)}px;`;
    this.positionSheet.replaceSync(
      placement.mode === 'sheet-top' || placement.mode === 'sheet-bottom'
        ? `${SHEET_RULES.slice(0, -1)} ${top} max-height: ${Math.floor(placement.maxHeight)}px; }`
        : `.note { left: ${Math.round(placement.left)}px; ${top} max-height: min(${Math.floor(placement.maxHeight)}px, calc(100vh - ${2 * GAP_PX}px)); }`,
    );
  }
}

/** The note as a sheet across the viewport (a narrow screen, or no room beside the claim). */
const SHEET_RULES = '.note { left: 0; right: 0; width: auto; max-width: none; max-height: none; border-radius: 0; }';
