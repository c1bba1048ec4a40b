// Keeps a piece of fixed-position UI (the note, the comments marker) next to
// what it points at: it re-positions when the page scrolls (any scroll
// container: capture), the window resizes, or, when asked, the page reflows
// without scrolling; at most once per animation frame.

export class ViewportFollower {
  private frame = 0;
  private listening = false;
  private resizeObserver: ResizeObserver | undefined;

  constructor(
    private readonly doc: Document,
    private readonly reposition: () => void,
    /** Also follow reflows (images loading, sections expanding) that move things without a scroll. */
    private readonly followReflow = false,
  ) {}

  follow(on: boolean): void {
    const view = this.doc.defaultView;
    if (!view || on === this.listening) {
      return;
    }
    this.listening = on;
    const method = on ? 'addEventListener' : 'removeEventListener';
    view[method]('scroll', this.onChange, { capture: true, passive: true } as AddEventListenerOptions);
    view[method]('resize', this.onChange, { passive: true } as AddEventListenerOptions);
    if (!this.followReflow) {
      return;
    }
    if (on) {
      this.resizeObserver = new ResizeObserver(this.onChange);
      this.resizeObserver.observe(this.doc.documentElement);
    } else {
      this.resizeObserver?.disconnect();
      this.resizeObserver = undefined;
    }
  }

  private readonly onChange = (): void => {
    const view = this.doc.defaultView;
    if (!view || this.frame) return;
    this.frame = view.requestAnimationFrame(() => {
      this.frame = 0;
      this.reposition();
    });
  };
}
