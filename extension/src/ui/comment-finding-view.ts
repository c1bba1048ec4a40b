// The comment-section finding as DOM, for the popover opened from its marker
// on the page and for the claims panel's own section: the core's
// plain-language finding, the groups of similar comments, the stock phrases
// and the identical timestamps. Text only (textContent): comments are page text.

import type { Comments } from '../analysis';
import type { MessageKey, Translate } from './i18n';
import { commentFindingText } from './page-wording';

/** The id of the finding's title in the popover, which labels the dialog. */
export const COMMENTS_TITLE_ID = 'claimlens-comments-title';
/** Phrases listed at most (the core keeps 25). */
const MAX_PHRASES = 6;

const CLUSTER_KINDS: Record<string, MessageKey> = {
  near_duplicate: 'commentsClusterNearDuplicate',
  template: 'commentsClusterTemplate',
};

function el(doc: Document, tag: string, className: string, text?: string): HTMLElement {
  const element = doc.createElement(tag);
  if (className) element.className = className;
  if (text !== undefined) element.textContent = text;
  return element;
}

function list(doc: Document, className: string, items: (string | Node)[][]): HTMLElement {
  const ul = el(doc, 'ul', className);
  for (const parts of items) {
    const li = doc.createElement('li');
    li.append(...parts);
    ul.append(li);
  }
  return ul;
}

/**
 * The finding's parts. `headingTag` is the tag of each part's heading (h3 in
 * the popover, under its title; h3 in the panel, under the section's h2).
 */
export function commentFindingParts(doc: Document, comments: Comments, t: Translate, headingTag = 'h3'): HTMLElement[] {
  const parts: HTMLElement[] = [];
  const heading = (key: MessageKey) => el(doc, headingTag, 'note-heading', t(key));
  const finding = comments.flagged ? commentFindingText(comments, t) : null;
  if (finding) {
    parts.push(el(doc, 'p', 'comments-finding-text', finding));
  } else {
    const analysed = String(comments.analysed ?? comments.count);
    parts.push(el(doc, 'p', 'comments-finding-text comments-none', t(comments.level === 'some' ? 'commentsSomeRepetition' : 'commentsNoFinding', [analysed])));
  }
  if (!comments.flagged) {
    return parts;
  }
  const clusters = comments.clusters ?? [];
  if (clusters.length > 0) {
    parts.push(heading('commentsClustersHeading'));
    parts.push(
      list(
        doc,
        'note-list comments-clusters',
        clusters.map((cluster) => [
          t('commentsCluster', [String(cluster.members.length), t(CLUSTER_KINDS[cluster.kind] ?? 'commentsClusterTemplate'), String(Math.round(cluster.similarity * 100))]),
        ]),
      ),
    );
  }
  const phrases = (comments.phrases ?? []).slice(0, MAX_PHRASES);
  if (phrases.length > 0) {
    parts.push(heading('commentsPhrasesHeading'));
    parts.push(list(doc, 'note-list comments-phrases', phrases.map((phrase) => [el(doc, 'q', '', phrase.text), ' ', t('commentsPhraseCount', [String(phrase.comments)])])));
  }
  const bursts = comments.bursts ?? [];
  if (bursts.length > 0) {
    parts.push(heading('commentsBurstsHeading'));
    parts.push(list(doc, 'note-list comments-bursts', bursts.map((burst) => [t('commentsBurst', [String(burst.members.length), burst.posted])])));
  }
  return parts;
}

/** The popover's content: a title, the finding, and what the highlights on the page mean. */
export function renderCommentFinding(doc: Document, comments: Comments, t: Translate): HTMLElement {
  const root = el(doc, 'div', 'comments-finding');
  const title = el(doc, 'h2', 'note-title', t('commentsTitle'));
  title.id = COMMENTS_TITLE_ID;
  root.append(title, ...commentFindingParts(doc, comments, t));
  if ((comments.clusters ?? []).length > 0) {
    root.append(el(doc, 'p', 'comments-caveat', t('commentsHighlightsShown')));
  }
  return root;
}
