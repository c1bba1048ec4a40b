// The "Note" button for a claim whose text is (partly) a link. Clicking such
// a claim follows the link, as it always did; the button, at the end of the
// claim's last line, is how the reader gets to its note instead. It appears
// while the pointer rests on the claim, and while the link has keyboard focus,
// where it comes next in the Tab order (Tab from the link reaches it,
// Shift+Tab goes back). A manual popover in the overlay's shadow root, so no
// page z-index hides it and the page's DOM is untouched.

import { nextTabbable } from '../dom/claim-links';
import type { Translate } from './i18n';
import type { OverlayHost } from './overlay-host';
import { ViewportFollower } from './viewport-follower';

/** How long the button stays after the pointer leaves the claim, so the pointer can reach it. */
const LINGER_MS = 900;
/** Space between the claim's last character and the button. */
const OFFSET_PX = 3;

export interface NoteButtonTarget {
  claimId: string;
  ranges: readonly Range[];
  /** The link focus came from (keyboard), so Tab order and focus return go through it. */
  link: HTMLElement | null;
}

export class NoteButton {
  private button: HTMLButtonElement | undefined;
  private target: NoteButtonTarget | undefined;
  private hideTimer = 0;
  /** The pointer rests on the button: it stays, whatever a late hit-test of the page says. */
  private pointerOn = false;
  private readonly follower: ViewportFollower;
  private readonly positionSheet = new CSSStyleSheet();

  constructor(
    private readonly doc: Document,
    private readonly host: OverlayHost,
    private readonly t: Translate,
    /** Opens the claim's note; focus goes back to `returnFocus` when it closes. */
    private readonly openNote: (claimId: string, returnFocus: HTMLElement | null) => void,
  ) {
    host.addSheet(this.positionSheet);
    this.follower = new ViewportFollower(doc, () => this.reposition());
  }

  /** The claim the button is shown for, if it is shown. */
  get claimId(): string | undefined {
    return this.isShown() ? this.target?.claimId : undefined;
  }

  /** True when the button is shown for the claim around `link`, reached from it with the keyboard. */
  standsFor(link: Element): boolean {
    return this.isShown() && this.target?.link === link;
  }

  get element(): HTMLButtonElement | undefined {
    return this.isShown() ? this.button : undefined;
  }

  /** Shows the button at the end of the claim (moving it if it was on another claim). */
  showFor(target: NoteButtonTarget): void {
    this.cancelHide();
    const button = this.ensureButton();
    this.target = target;
    button.setAttribute('aria-label', this.t('noteButtonLabel'));
    if (!this.isShown()) {
      button.showPopover();
    }
    this.reposition();
    this.follower.follow(true);
  }

  /** Hides the button after a moment, unless the pointer or focus comes to it first. */
  hideSoon(): void {
    const view = this.doc.defaultView;
    if (!view || !this.isShown() || this.hideTimer) {
      return;
    }
    this.hideTimer = view.setTimeout(() => {
      this.hideTimer = 0;
      const link = this.target?.link;
      if (!this.pointerOn && !this.hasFocus() && !(link && this.doc.activeElement === link)) this.hide();
    }, LINGER_MS);
  }

  hide(): void {
    this.cancelHide();
    if (this.isShown()) {
      this.button!.hidePopover();
    }
    this.follower.follow(false);
    this.target = undefined;
    this.pointerOn = false; // a hidden button may get no pointerleave
  }

  /** Moves focus from the link to the button (Tab on the link). */
  focus(): void {
    this.button?.focus({ preventScroll: true });
  }

  detach(): void {
    this.hide();
    this.button = undefined;
  }

  isShown(): boolean {
    return this.button?.isConnected === true && this.button.matches(':popover-open');
  }

  private hasFocus(): boolean {
    return this.button !== undefined && this.host.shadow().activeElement === this.button;
  }

  private cancelHide(): void {
    if (this.hideTimer) {
      this.doc.defaultView?.clearTimeout(this.hideTimer);
      this.hideTimer = 0;
    }
  }

  private ensureButton(): HTMLButtonElement {
    if (this.button?.isConnected) {
      return this.button;
    }
    const button = this.doc.createElement('button');
    button.type = 'button';
    button.className = 'note-button';
    button.popover = 'manual';
    button.textContent = this.t('noteButton');
    button.addEventListener('click', () => {
      const target = this.target;
      if (!target) return;
      this.hide();
      this.openNote(target.claimId, target.link);
    });
    button.addEventListener('keydown', this.onKeyDown);
    button.addEventListener('pointerenter', () => {
      this.pointerOn = true;
      this.cancelHide();
    });
    button.addEventListener('pointerleave', () => {
      this.pointerOn = false;
      this.hideSoon();
    });
    button.addEventListener('blur', () => this.hideSoon());
    this.host.shadow().append(button);
    this.button = button;
    return button;
  }

  /** Tab goes on past the link, Shift+Tab and Escape go back to it: the button sits right after the link in the Tab order. */
  private readonly onKeyDown = (event: KeyboardEvent): void => {
    const link = this.target?.link;
    if (!link || event.altKey || event.ctrlKey || event.metaKey) {
      return;
    }
    if (event.key === 'Escape' || (event.key === 'Tab' && event.shiftKey)) {
      event.preventDefault();
      this.hide();
      link.focus();
    } else if (event.key === 'Tab') {
      event.preventDefault();
      this.hide();
      const next = nextTabbable(this.doc, link);
      if (next) {
        next.focus();
      } else {
        link.blur();
      }
    }
  };

  private reposition(): void {
    const view = this.doc.defaultView;
    const button = this.button;
    if (!view || !button || !this.target || !this.isShown()) {
      return;
    }
    const boxes = this.target.ranges
      .flatMap((range) => Array.from(range.getClientRects()))
      .filter((box) => box.width > 0 && box.height > 0);
    const last = boxes[boxes.length - 1];
    if (!last || last.bottom < 0 || last.top > view.innerHeight) {
      // Its claim has scrolled away: a button pinned to the viewport's edge would point at nothing.
      this.hide();
      return;
    }
    const { width, height } = button.getBoundingClientRect();
    // The end of a right-to-left line is its left edge.
    const end = this.target.ranges[this.target.ranges.length - 1].endContainer;
    const endElement = end.nodeType === Node.ELEMENT_NODE ? (end as Element) : end.parentElement;
    const rtl = endElement !== null && view.getComputedStyle(endElement).direction === 'rtl';
    let left = rtl ? last.left - OFFSET_PX - width : last.right + OFFSET_PX;
    left = Math.max(0, Math.min(left, view.innerWidth - width));
    const top = Math.max(0, Math.min(last.top + (last.height - height) / 2, view.innerHeight - height));
    this.positionSheet.replaceSync(`.note-button { left: ${Math.round(left)}px; top: ${Math.round(top)}px; }`);
  }
}
