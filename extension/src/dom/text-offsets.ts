// DOM -> analysis offsets: the inverse of ranges.ts. Which stretch of
// `article.text` a DOM Range (the reader's selection) covers, through the
// same `article.dom` runs. Parts of the range outside the article (a nav
// bar, a caption the core left out) do not count.

import type { DomRun, Span } from '../analysis';

export class TextOffsetMapper {
  /**
   * @param runs `article.dom`, sorted by `start`.
   * @param textNodes The DOM node for each snapshot node index the runs name.
   */
  constructor(
    private readonly runs: readonly DomRun[],
    private readonly textNodes: readonly Node[],
  ) {}

  /** The article text span `range` covers, or undefined when it covers no article text. */
  spanOf(range: AbstractRange): Span | undefined {
    if (!(range instanceof Range) || range.collapsed) {
      return undefined;
    }
    let start = Infinity;
    let end = -Infinity;
    for (const run of this.runs) {
      const node = this.textNodes[run.node];
      if (node === undefined || !node.isConnected || !range.intersectsNode(node)) {
        continue;
      }
      const length = run.end - run.start;
      const from = node === range.startContainer ? range.startOffset : 0;
      const to = node === range.endContainer ? range.endOffset : (node as Text).length;
      const clippedFrom = Math.max(from, run.offset);
      const clippedTo = Math.min(to, run.offset + length);
      if (clippedTo <= clippedFrom) {
        continue;
      }
      start = Math.min(start, run.start + clippedFrom - run.offset);
      end = Math.max(end, run.start + clippedTo - run.offset);
    }
    return end > start ? { start, end } : undefined;
  }
}
