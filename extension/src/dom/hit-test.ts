// Which highlighted range is under a viewport point. Highlights are not
// elements, so a click on one reaches the page as a click on its text.

/** `highlightsFromPoint` is newer than TypeScript's DOM types. */
interface HighlightHitResult {
  highlight: Highlight;
  ranges?: AbstractRange[];
}
type HitTestingRegistry = HighlightRegistry & {
  highlightsFromPoint?(x: number, y: number): HighlightHitResult[];
};

/**
 * The item whose range is under (x, y), or undefined.
 * Uses `CSS.highlights.highlightsFromPoint` where it reports ranges; when it
 * finds none of ours (or is missing), the caret position under the point
 * checked against each range.
 */
export function itemAtPoint<T>(doc: Document, x: number, y: number, items: ReadonlyMap<AbstractRange, T>): T | undefined {
  const registry = CSS.highlights as HitTestingRegistry;
  const hits = registry.highlightsFromPoint?.(x, y);
  if (hits && hits.every((hit) => Array.isArray(hit.ranges))) {
    for (const hit of hits) {
      for (const range of hit.ranges!) {
        const item = items.get(range);
        if (item !== undefined) {
          return item;
        }
      }
    }
  }
  // Not only a fallback for browsers without the call: under Chromium's
  // device-metrics emulation at a device-pixel ratio of 2 (DevTools' device
  // mode; the e2e zoom test), highlightsFromPoint reports nothing at all.
  return itemAtCaret(doc, x, y, items);
}

function itemAtCaret<T>(doc: Document, x: number, y: number, items: ReadonlyMap<AbstractRange, T>): T | undefined {
  const caret = caretAt(doc, x, y);
  if (!caret) {
    return undefined;
  }
  for (const [range, item] of items) {
    // The caret snaps to the nearest text even from a margin, so the point must also be on the range's boxes.
    if (range instanceof Range && range.isPointInRange(caret.node, caret.offset) && rectsContain(range, x, y)) {
      return item;
    }
  }
  return undefined;
}

/**
 * The text around (x, y): up to `reach` characters either side of the caret
 * in the text node under the point, whitespace collapsed; undefined off text.
 */
export function textAroundPoint(doc: Document, x: number, y: number, reach: number): string | undefined {
  const caret = caretAt(doc, x, y);
  if (!caret || caret.node.nodeType !== Node.TEXT_NODE) {
    return undefined;
  }
  const data = (caret.node as Text).data;
  const text = data.slice(Math.max(0, caret.offset - reach), caret.offset + reach).replace(/\s+/g, ' ').trim();
  return text === '' ? undefined : text;
}

function caretAt(doc: Document, x: number, y: number): { node: Node; offset: number } | undefined {
  if (typeof doc.caretPositionFromPoint === 'function') {
    const position = doc.caretPositionFromPoint(x, y);
    return position ? { node: position.offsetNode, offset: position.offset } : undefined;
  }
  const range = doc.caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : undefined;
}

function rectsContain(range: Range, x: number, y: number): boolean {
  return Array.from(range.getClientRects()).some(
    (rect) => x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom,
  );
}
