// Watches the article for re-renders: a debounced MutationObserver on the
// article root (subtree: text and child changes) plus each of its ancestors
// (children only, to see the root itself replaced). Changes elsewhere on the
// page (ads, comments, counters) are ignored. The callback never runs while
// the tab is hidden: it waits for the tab to be shown.

/** How long the article must stay unchanged before it is analysed again. */
export const SETTLE_MS = 350;

export class ArticleWatcher {
  private observer: MutationObserver | undefined;
  private root: Element | null = null;
  private timer = 0;
  private waitingForVisible = false;

  constructor(
    private readonly doc: Document,
    private readonly onSettled: () => void,
    private readonly isOwnNode: (node: Node) => boolean,
  ) {}

  /**
   * Watches `root` (the article's element), or with null the whole body:
   * used while there is no article yet, e.g. right after an in-page navigation.
   */
  watch(root: Element | null): void {
    this.stop();
    this.root = root;
    const observer = new MutationObserver((records) => {
      if (records.some((record) => this.isRelevant(record))) {
        this.schedule();
      }
    });
    const body = this.doc.body ?? this.doc.documentElement;
    if (root === null) {
      observer.observe(body, { childList: true, subtree: true, characterData: true });
    } else {
      observer.observe(root, { childList: true, subtree: true, characterData: true });
      for (let ancestor = root.parentNode; ancestor; ancestor = ancestor.parentNode) {
        observer.observe(ancestor, { childList: true });
      }
    }
    this.observer = observer;
  }

  /** Runs the callback after the settle delay (used after navigation too). */
  schedule(): void {
    const view = this.doc.defaultView;
    if (!view) return;
    view.clearTimeout(this.timer);
    this.timer = view.setTimeout(() => this.fire(), SETTLE_MS);
  }

  stop(): void {
    this.observer?.disconnect();
    this.observer = undefined;
    this.doc.defaultView?.clearTimeout(this.timer);
    this.timer = 0;
  }

  private fire(): void {
    this.timer = 0;
    if (this.doc.hidden) {
      // No work in a hidden tab: catch up once it is shown.
      if (!this.waitingForVisible) {
        this.waitingForVisible = true;
        this.doc.addEventListener('visibilitychange', this.onVisible);
      }
      return;
    }
    this.onSettled();
  }

  private readonly onVisible = (): void => {
    if (this.doc.hidden) return;
    this.doc.removeEventListener('visibilitychange', this.onVisible);
    this.waitingForVisible = false;
    this.onSettled();
  };

  private isRelevant(record: MutationRecord): boolean {
    if (this.isOwnNode(record.target)) {
      return false;
    }
    const onlyOwnNodes = (nodes: NodeList) => Array.from(nodes).every((node) => this.isOwnNode(node));
    if (record.type === 'childList' && onlyOwnNodes(record.addedNodes) && onlyOwnNodes(record.removedNodes)) {
      return false;
    }
    const root = this.root;
    if (root === null) {
      return true;
    }
    return !root.isConnected || root.contains(record.target);
  }
}

/** The lowest element containing both nodes. */
export function commonAncestor(a: Node, b: Node): Element | null {
  const range = a.ownerDocument!.createRange();
  range.setStartBefore(a);
  range.setEndAfter(b);
  const container = range.commonAncestorContainer;
  return container.nodeType === Node.ELEMENT_NODE ? (container as Element) : container.parentElement;
}
