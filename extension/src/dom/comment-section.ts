// Where a flagged comment section is on the page, from the analysis's
// comment items (their DOM runs): the heading its finding is marked at, and
// the Ranges of what the members of each cluster share. Read-only: nothing
// here touches the page's nodes.

import type { Comments } from '../analysis';
import { RangeMapper } from './ranges';

export interface PlacedCommentSection {
  comments: Comments;
  /** The section's heading ("12 Comments"), or the first comment when the page gives it none. */
  anchor: Element;
  anchorIsHeading: boolean;
  /** Per cluster, the Ranges of what its members share (a member with no shared span: its whole text). */
  clusters: Range[][];
}

const HEADING_SELECTOR = 'h1, h2, h3, h4, h5, h6, [role="heading"]';
/** How far above the comments' common ancestor a heading is looked for (`<h2>Comments</h2><div id="comments">`). */
const HEADING_LEVELS_UP = 2;

function elementOf(node: Node): Element | null {
  return node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
}

function commonAncestorOf(a: Node, b: Node): Element | null {
  const range = a.ownerDocument!.createRange();
  range.setStartBefore(a);
  range.setEndAfter(b);
  return elementOf(range.commonAncestorContainer);
}

function precedes(a: Node, b: Node): boolean {
  return (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0 && !a.contains(b);
}

/**
 * The comment section's heading: the nearest heading before the first
 * comment inside the common ancestor of the comments; failing that, the
 * nearest heading just before that ancestor (or its parent).
 */
export function findCommentHeading(first: Node, last: Node): Element | null {
  let scope = commonAncestorOf(first, last);
  if (!scope) return null;
  const inside = [...scope.querySelectorAll(HEADING_SELECTOR)].filter((heading) => precedes(heading, first));
  if (inside.length > 0) return inside[inside.length - 1];
  for (let level = 0; level < HEADING_LEVELS_UP && scope; level++) {
    for (let sibling = scope.previousElementSibling; sibling; sibling = sibling.previousElementSibling) {
      if (sibling.matches(HEADING_SELECTOR)) return sibling;
      const nested = sibling.querySelectorAll(HEADING_SELECTOR);
      if (nested.length > 0) return nested[nested.length - 1];
      if ((sibling.textContent ?? '').trim() !== '') break; // content in between: that heading is not this section's
    }
    scope = scope.parentElement;
  }
  return null;
}

/** The flagged comment section's place on the page; null when there is no finding or its comments are gone. */
export function placeCommentSection(comments: Comments | undefined, domNodes: readonly Node[]): PlacedCommentSection | null {
  // A finding: its figures, or an older core's sentence.
  if (!comments?.flagged || !(comments.finding_parts || comments.finding)) return null;
  const firstNodeOf = (index: number): Node | undefined => {
    const run = comments.items[index]?.dom[0];
    const node = run === undefined ? undefined : domNodes[run.node];
    return node?.isConnected ? node : undefined;
  };
  const nodes = comments.items.map((_, index) => firstNodeOf(index)).filter((node): node is Node => node !== undefined);
  if (nodes.length === 0) return null;
  const first = nodes[0];
  const last = nodes[nodes.length - 1];
  const heading = findCommentHeading(first, last);
  const anchor = heading ?? elementOf(first);
  if (!anchor) return null;
  const clusters = (comments.clusters ?? []).map((cluster) =>
    cluster.members.flatMap((member) => {
      const item = comments.items[member.index];
      if (!item) return [];
      const spans = member.spans.length > 0 ? member.spans : [{ start: 0, end: item.text.length }];
      const mapper = new RangeMapper(item.dom, domNodes);
      return spans.flatMap((span) => {
        try {
          return mapper.rangesFor(span);
        } catch {
          return []; // the page changed that comment since the snapshot
        }
      });
    }),
  );
  return { comments, anchor, anchorIsHeading: heading !== null, clusters };
}
