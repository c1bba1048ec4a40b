// The note popover: the one element ClaimLens ever adds to a page. A single
// host element with an open shadow root holds a `popover` (top layer, so no
// page z-index hides it, with light dismiss and Escape for free). Styles come
// from constructed sheets, which page CSP does not block.

import type { Claim } from '../analysis';
import type { Translate } from './i18n';
import { NOTE_CSS } from './note-styles';
import { renderNote } from './note-view';

/** The host element's tag. A custom-element name, so it cannot clash with page markup. */
export const NOTE_HOST_TAG = 'claimlens-note';

/** Gap between the claim and the note, and between the note and the viewport edge. */
const GAP_PX = 8;

export class NotePopover {
  private host: HTMLElement | undefined;
  private popover: HTMLElement | undefined;
  private readonly positionSheet: CSSStyleSheet;
  private readonly baseSheet: CSSStyleSheet;
  private readonly extraSheets: CSSStyleSheet[] = [];

  constructor(
    private readonly doc: Document,
    private readonly t: Translate,
  ) {
    this.baseSheet = new CSSStyleSheet();
    this.baseSheet.replaceSync(NOTE_CSS);
    this.positionSheet = new CSSStyleSheet();
  }

  /** True when `target` is the popover host: events from inside the shadow root reach the page retargeted to it. */
  isHost(target: EventTarget | null): boolean {
    return target !== null && target === this.host;
  }

  /**
   * Shows `claim`'s note next to `anchor` (viewport coordinates of the claim's text).
   * `extras` (e.g. the reader's own notes on the claim) go below the note.
   */
  open(claim: Claim, anchor: DOMRect, extras: readonly Node[] = []): void {
    this.show(this.t('noteLabel'), [renderNote(this.doc, claim, this.t), ...extras], anchor);
  }

  /**
   * Shows other ClaimLens content (already built as DOM, text as text) in the
   * popover next to `anchor`: the page keeps one host element for all of it.
   */
  show(label: string, content: readonly Node[], anchor: DOMRect): void {
    const popover = this.ensurePopover();
    popover.setAttribute('aria-label', label);
    popover.replaceChildren(this.closeButton(), ...content);
    if (popover.matches(':popover-open')) {
      popover.hidePopover();
    }
    this.place(anchor, undefined);
    popover.showPopover();
    this.place(anchor, popover.getBoundingClientRect());
  }

  /** Adds a constructed stylesheet to the popover's shadow root (for content shown with `show`). */
  adoptStyles(sheet: CSSStyleSheet): void {
    if (!this.extraSheets.includes(sheet)) {
      this.extraSheets.push(sheet);
    }
    const root = this.host?.shadowRoot;
    if (root && !root.adoptedStyleSheets.includes(sheet)) {
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    }
  }

  close(): void {
    if (this.popover?.matches(':popover-open')) {
      this.popover.hidePopover();
    }
  }

  /** Takes the host element out of the page, leaving the page's DOM as it was. */
  remove(): void {
    this.close();
    this.host?.remove();
    this.host = undefined;
    this.popover = undefined;
  }

  private ensurePopover(): HTMLElement {
    if (this.popover && this.host?.isConnected) {
      return this.popover;
    }
    const host = this.doc.createElement(NOTE_HOST_TAG);
    // Open, so tests and assistive technology can read the note; it holds nothing the page lacks.
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.adoptedStyleSheets = [this.baseSheet, this.positionSheet, ...this.extraSheets];
    const popover = this.doc.createElement('div');
    popover.className = 'note';
    popover.popover = 'auto';
    popover.setAttribute('role', 'dialog');
    popover.setAttribute('aria-label', this.t('noteLabel'));
    shadow.append(popover);
    // Appended to <html> rather than <body>: page scripts and styles address body's children far more often.
    this.doc.documentElement.append(host);
    this.host = host;
    this.popover = popover;
    return popover;
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
   * Below the claim, or above it when there is no room below; kept inside the
   * viewport horizontally. Top-layer absolute boxes are positioned against the
   * initial containing block, so viewport coordinates get the scroll added.
   */
  private place(anchor: DOMRect, size: DOMRect | undefined): void {
    const view = this.doc.defaultView!;
    const width = size?.width ?? 0;
    const height = size?.height ?? 0;
    const left = Math.max(GAP_PX, Math.min(anchor.left, view.innerWidth - width - GAP_PX));
    const fitsBelow = anchor.bottom + GAP_PX + height <= view.innerHeight;
    const top = fitsBelow || anchor.top - GAP_PX - height < 0 ? anchor.bottom + GAP_PX : anchor.top - GAP_PX - height;
    this.positionSheet.replaceSync(
      `.note { left: ${Math.round(left + view.scrollX)}px; top: ${Math.round(top + view.scrollY)}px; }`,
    );
  }
}
