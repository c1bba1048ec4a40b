// Analysis offsets -> DOM Ranges, through `article.dom` (the runs that say
// which text node each stretch of `article.text` was copied from).

import type { DomRun, Span } from '../analysis';

export class RangeMapper {
  /**
   * @param runs `article.dom`, sorted by `start` and non-overlapping, as the core emits them.
   * @param textNodes The DOM node for each snapshot node index the runs name.
   */
  constructor(
    private readonly runs: readonly DomRun[],
    private readonly textNodes: readonly Node[],
  ) {}

  /**
   * The Ranges covering `span`: one per text node it touches, so text between
   * runs that is not article text (a hidden element, an inline ad) stays out.
   * Parts of the span that map to no node (paragraph separators) are skipped.
   */
  rangesFor(span: Span): Range[] {
    const ranges: Range[] = [];
    let current: { node: Node; from: number; to: number } | undefined;
    for (let i = this.firstRunEndingAfter(span.start); i < this.runs.length; i++) {
      const run = this.runs[i];
      if (run.start >= span.end) {
        break;
      }
      const node = this.textNodes[run.node];
      if (node === undefined) {
        throw new Error(`analysis run names snapshot node ${run.node}, which does not exist`);
      }
      const from = run.offset + Math.max(span.start, run.start) - run.start;
      const to = run.offset + Math.min(span.end, run.end) - run.start;
      // Consecutive runs in one node are separated only by what the core collapsed (whitespace):
      // one Range over both keeps the highlight continuous.
      if (current?.node === node && from >= current.to) {
        current.to = to;
      } else {
        if (current) {
          ranges.push(makeRange(current.node, current.from, current.to));
        }
        current = { node, from, to };
      }
    }
    if (current) {
      ranges.push(makeRange(current.node, current.from, current.to));
    }
    return ranges;
  }

  /** Binary search: the index of the first run whose end is past `offset`. */
  private firstRunEndingAfter(offset: number): number {
    let low = 0;
    let high = this.runs.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.runs[mid].end <= offset) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }
}

function makeRange(node: Node, from: number, to: number): Range {
  const range = node.ownerDocument!.createRange();
  range.setStart(node, from);
  range.setEnd(node, to);
  return range;
}
