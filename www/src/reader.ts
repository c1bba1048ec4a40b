// The reader view: the article text the core extracted, one <p> per
// paragraph, with the claims placed on it through the shared offsets->Range
// mapping (the paragraphs play the role the page's text nodes play in the extension).

import type { Analysis, DomRun } from '../../extension/src/analysis';
import { RangeMapper } from '../../extension/src/dom/ranges';
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
