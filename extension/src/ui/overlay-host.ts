// The one element ClaimLens ever adds to a page: a custom-element-named host
// with an open shadow root that holds all of ClaimLens's UI (the note popover
// and a live region). Styles come from constructed sheets, which a strict
// page CSP does not block and page CSS cannot reach.

import type { Theme } from './palette';

/** The host element's tag. A custom-element name, so it cannot clash with page markup. */
export const OVERLAY_HOST_TAG = 'claimlens-ui';

export class OverlayHost {
  private host: HTMLElement | undefined;
  private root: ShadowRoot | undefined;
  private live: HTMLElement | undefined;
  private theme: Theme | undefined;

  private readonly sheets: CSSStyleSheet[] = [];

  constructor(private readonly doc: Document) {}

  /** Adds a constructed sheet to the shadow root (now, and whenever the host is recreated). */
  addSheet(sheet: CSSStyleSheet): void {
    this.sheets.push(sheet);
    if (this.root) {
      this.root.adoptedStyleSheets = [...this.sheets];
    }
  }

  /** The shadow root, creating the host on first use. */
  shadow(): ShadowRoot {
    if (this.root && this.host?.isConnected) {
      return this.root;
    }
    const host = this.doc.createElement(OVERLAY_HOST_TAG);
    // Open, so tests and assistive technology can read it; it holds nothing the page lacks.
    const root = host.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [...this.sheets];
    const live = this.doc.createElement('div');
    live.className = 'sr-only';
    live.setAttribute('role', 'status');
    live.setAttribute('aria-live', 'polite');
    root.append(live);
    // Appended to <html> rather than <body>: page scripts and styles address body's children far more often.
    this.doc.documentElement.append(host);
    this.host = host;
    this.root = root;
    this.live = live;
    this.applyTheme();
    return root;
  }

  /** True when `target` is the host: events from inside the shadow root reach the page retargeted to it. */
  isHost(target: EventTarget | null): boolean {
    return target !== null && target === this.host;
  }

  /** Forces the UI's colour theme to match the page (unset: the reader's prefers-color-scheme). */
  setTheme(theme: Theme | undefined): void {
    this.theme = theme;
    this.applyTheme();
  }

  /** Says `text` through the polite live region. */
  announce(text: string): void {
    this.shadow();
    // Clear first: the same text twice in a row must still be announced.
    this.live!.textContent = '';
    this.doc.defaultView?.setTimeout(() => {
      if (this.live) this.live.textContent = text;
    }, 50);
  }

  /** Takes the host element out of the page, leaving the page's DOM as it was. */
  remove(): void {
    this.host?.remove();
    this.host = undefined;
    this.root = undefined;
    this.live = undefined;
  }

  private applyTheme(): void {
    if (!this.host) return;
    if (this.theme) {
      this.host.setAttribute('data-theme', this.theme);
    } else {
      this.host.removeAttribute('data-theme');
    }
  }
}
