// The reader view: the article text the core extracted, one <p> per
// paragraph, with the claims placed on it through the shared offsets->Range
// mapping (the paragraphs play the role the page's text nodes play in the extension).

import type { Analysis, Comments, DomRun } from '../../extension/src/analysis';
import { type PlacedCommentSection, placeCommentSection } from '../../extension/src/dom/comment-section';
import { RangeMapper } from '../../extension/src/dom/ranges';
import type { Translate } from '../../extension/src/ui/i18n';
import type { PlacedClaim } from '../../extension/src/ui/claim-overlay';

/** Fills `container` with the article's paragraphs and returns each claim's Ranges in them. */
export function renderArticle(container: HTMLElement, analysis: Analysis): PlacedClaim[] {
  const { text, paragraphs } = analysis.article;
  const doc = container.ownerDocument;
  const textNodes: Text[] = [];
  const runs: DomRun[] = [];
  const elements = paragraphs.map((paragraph, index) => {
    const node = doc.createTextNode(text.slice(paragraph.start, paragraph.end));
    textNodes.push(node);
    runs.push({ start: paragraph.start, end: paragraph.end, node: index, offset: 0 });
    const p = doc.createElement('p');
    p.append(node);
    return p;
  });
  container.replaceChildren(...elements);
  const mapper = new RangeMapper(runs, textNodes);
  return analysis.claims.map((claim) => ({ claim, ranges: mapper.rangesFor(claim) }));
}

/**
 * Fills `container` with the comment section the core kept apart from the
 * article (a heading, one block per comment) and places it as the extension
 * does on a page: the marker at the heading, the clusters' Ranges. Each
 * comment's text is one text node, so its runs start at 0 in that node.
 */
export function renderComments(container: HTMLElement, comments: Comments, t: Translate): PlacedCommentSection | null {
  const doc = container.ownerDocument;
  if (comments.count === 0 || comments.items.length === 0) {
    container.replaceChildren();
    container.hidden = true;
    return null;
  }
  container.hidden = false;
  const heading = doc.createElement('h3');
  heading.textContent = t('playgroundCommentsHeading', [String(comments.count)]);
  const textNodes: Text[] = [];
  const blocks = comments.items.map((item) => {
    const node = doc.createTextNode(item.text);
    textNodes.push(node);
    const block = doc.createElement('p');
    block.className = 'comment';
    block.append(node);
    return block;
  });
  container.replaceChildren(heading, ...blocks);
  const items = comments.items.map((item, index) => ({ text: item.text, dom: [{ start: 0, end: item.text.length, node: index, offset: 0 }] }));
  return placeCommentSection({ ...comments, items }, textNodes);
}
