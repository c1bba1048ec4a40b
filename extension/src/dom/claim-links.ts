// Links inside a claim's text. A click on a link must keep following it, so a
// claim with a link in it gets its note through a button instead (ui/note-button.ts).

const LINK_SELECTOR = 'a[href], area[href]';

/** The link element `node` is in, if any. */
export function enclosingLink(node: Node | null): Element | null {
  const element = node === null ? null : node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  return element?.closest(LINK_SELECTOR) ?? null;
}

/** The first link that `ranges` cover part of, in text order, or null. */
export function firstLinkIn(ranges: readonly Range[]): Element | null {
  for (const range of ranges) {
    const around = enclosingLink(range.commonAncestorContainer);
    if (around) {
      return around;
    }
    const container = range.commonAncestorContainer;
    const scope = container.nodeType === Node.ELEMENT_NODE ? (container as Element) : container.parentElement;
    for (const link of Array.from(scope?.querySelectorAll(LINK_SELECTOR) ?? [])) {
      if (range.intersectsNode(link)) {
        return link;
      }
    }
  }
  return null;
}

/** True when some of `ranges` lies inside `link`. */
export function rangesTouch(ranges: readonly Range[], link: Element): boolean {
  return ranges.some((range) => range.intersectsNode(link));
}

/**
 * The next element after `from` (and outside it) that Tab would reach, in
 * document order; null when none. An approximation of the sequential focus
 * order that ignores positive tabindex, which article text rarely uses.
 */
export function nextTabbable(doc: Document, from: Element): HTMLElement | null {
  const candidates = doc.querySelectorAll<HTMLElement>(
    'a[href], area[href], button, input, select, textarea, summary, iframe, [tabindex], [contenteditable="true"]',
  );
  for (const candidate of Array.from(candidates)) {
    if (from.contains(candidate) || !(from.compareDocumentPosition(candidate) & Node.DOCUMENT_POSITION_FOLLOWING)) {
      continue;
    }
    if (candidate.tabIndex < 0 || (candidate as HTMLButtonElement).disabled || candidate.getClientRects().length === 0) {
      continue;
    }
    return candidate;
  }
  return null;
}
