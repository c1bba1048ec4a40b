// How the reader reaches the note of a claim whose text is (partly) a link,
// without taking the link's click: the pointer resting on the claim, or
// keyboard focus on the link, shows the claim's "Note" button (note-button.ts);
// Tab from the link goes to it. Listens only while the overlay is shown.

import { enclosingLink, firstLinkIn, rangesTouch } from '../dom/claim-links';
import type { NoteButton } from './note-button';

/** A highlighted claim, as the overlay knows it. */
export interface AccessibleClaim {
  id: string;
  ranges: readonly Range[];
}

export interface LinkedClaimSource {
  /** The highlighted claim under a viewport point, if any. */
  claimAt(x: number, y: number): AccessibleClaim | undefined;
  /** The highlighted claims, in text order. */
  claims(): readonly AccessibleClaim[];
  /** True for events from ClaimLens's own UI (retargeted to its host). */
  isOwnTarget(target: EventTarget | null): boolean;
}

export class LinkedClaimAccess {
  /** The pointer's last position, hit-tested once per animation frame. */
  private pointer: { x: number; y: number } | undefined;
  private frame = 0;
  private listening = false;

  constructor(
    private readonly doc: Document,
    private readonly button: NoteButton,
    private readonly source: LinkedClaimSource,
  ) {}

  listen(on: boolean): void {
    if (on === this.listening) {
      return;
    }
    this.listening = on;
    if (on) {
      this.doc.addEventListener('pointermove', this.onPointerMove, { capture: true, passive: true });
      this.doc.addEventListener('focusin', this.onFocusIn, true);
      this.doc.addEventListener('focusout', this.onFocusOut, true);
      this.doc.addEventListener('keydown', this.onKeyDown, true);
    } else {
      this.doc.removeEventListener('pointermove', this.onPointerMove, true);
      this.doc.removeEventListener('focusin', this.onFocusIn, true);
      this.doc.removeEventListener('focusout', this.onFocusOut, true);
      this.doc.removeEventListener('keydown', this.onKeyDown, true);
      this.doc.defaultView?.cancelAnimationFrame(this.frame);
      this.frame = 0;
      this.button.hide();
    }
  }

  private readonly onPointerMove = (event: PointerEvent): void => {
    if (this.source.isOwnTarget(event.target)) {
      // On the Note button (or the note): a frame still to come must not act on where the pointer was before.
      this.pointer = undefined;
      return;
    }
    this.pointer = { x: event.clientX, y: event.clientY };
    const view = this.doc.defaultView;
    if (!view || this.frame) {
      return;
    }
    this.frame = view.requestAnimationFrame(() => {
      this.frame = 0;
      const point = this.pointer;
      if (!this.listening || !point) return;
      const claim = this.source.claimAt(point.x, point.y);
      if (claim && firstLinkIn(claim.ranges)) {
        this.button.showFor({ claimId: claim.id, ranges: claim.ranges, link: null });
      } else if (this.button.isShown()) {
        this.button.hideSoon();
      }
    });
  };

  private readonly onFocusIn = (event: FocusEvent): void => {
    if (this.source.isOwnTarget(event.target)) {
      return;
    }
    const link = enclosingLink(event.target as Node | null);
    const claim = link ? this.source.claims().find((item) => rangesTouch(item.ranges, link)) : undefined;
    if (link instanceof HTMLElement && claim) {
      this.button.showFor({ claimId: claim.id, ranges: claim.ranges, link });
    }
  };

  private readonly onFocusOut = (event: FocusEvent): void => {
    if (!this.source.isOwnTarget(event.relatedTarget) && this.button.isShown()) {
      this.button.hideSoon();
    }
  };

  /** Tab from a link inside a claim goes to the claim's "Note" button, which stands right after the link. */
  private readonly onKeyDown = (event: KeyboardEvent): void => {
    if (event.key !== 'Tab' || event.shiftKey || event.altKey || event.ctrlKey || event.metaKey) {
      return;
    }
    const link = enclosingLink(event.target as Node | null);
    if (link && this.button.standsFor(link)) {
      event.preventDefault();
      this.button.focus();
    }
  };
}
