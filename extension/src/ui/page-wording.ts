// Words what the core says about the page as a whole through _locales: its
// notices (a page too large to read whole, a date taken from the archive, a
// language not analysed) and the comment section's finding. The core sends
// codes and figures (src/analysis.rs); its English table (src/english.rs)
// words the same ones for the CLI in the same words.

import type { Analysis, AnalysedPart, CommentFinding, Comments, Notice, NoticeCode } from '../analysis';
import { type MessageKey, type PluralForms, type Translate, formatCount, joinList, pluralKey } from './i18n';

export const NOTICE_MESSAGES: Record<NoticeCode, MessageKey> = {
  page_elements_cut: 'noticePageElementsCut',
  page_part_cut: 'noticePagePartCut',
  text_cut: 'noticeTextCut',
  published_from_crawl_date: 'noticePublishedFromCrawlDate',
  unsupported_language: 'noticeUnsupportedLanguage',
};

/** What was analysed of a cut page, when the notice gives no count of characters. */
export const ANALYSED_PART_MESSAGES: Record<AnalysedPart, MessageKey> = {
  first_characters: 'noticeAnalysedFirstPart',
  whole_article: 'noticeAnalysedWholeArticleUncounted',
  no_article: 'noticeAnalysedNoArticle',
};

/** A number in a message, in the form its count needs: "1,000,000 characters". */
function counted(t: Translate, forms: PluralForms, count: number, more: string[] = []): string {
  return t(pluralKey(t, forms, count), [formatCount(t, count), ...more]);
}

/** How much of a cut page's article was analysed, inside a notice. */
function analysedPart(notice: Notice, t: Translate): string {
  const part = notice.analysed ?? 'no_article';
  const characters = notice.characters ?? null;
  if (characters !== null && part === 'first_characters') {
    return counted(t, { one: 'noticeAnalysedFirstCharacters_one', other: 'noticeAnalysedFirstCharacters' }, characters);
  }
  if (characters !== null && part === 'whole_article') {
    return counted(t, { one: 'noticeAnalysedWholeArticle_one', other: 'noticeAnalysedWholeArticle' }, characters);
  }
  // Without its count (or a part this extension does not know), what was analysed in words alone.
  return t(Object.hasOwn(ANALYSED_PART_MESSAGES, part) ? ANALYSED_PART_MESSAGES[part] : 'noticeAnalysedNoArticle');
}

/** One notice: "The page is too large: only its first 200,000 of 350,000 elements were read, and …". */
export function noticeLine(notice: Notice, t: Translate): string {
  switch (notice.code) {
    case 'page_elements_cut':
      // Without the counts it says what a page cut anywhere says.
      if (notice.elements_read != null && notice.elements_total != null) {
        return t('noticePageElementsCut', [formatCount(t, notice.elements_read), formatCount(t, notice.elements_total), analysedPart(notice, t)]);
      }
      return t('noticePagePartCut', [analysedPart(notice, t)]);
    case 'page_part_cut':
      return t('noticePagePartCut', [analysedPart(notice, t)]);
    case 'text_cut':
      return t('noticeTextCut', [analysedPart(notice, t)]);
    default:
      return Object.hasOwn(NOTICE_MESSAGES, notice.code) ? t(NOTICE_MESSAGES[notice.code]) : notice.code;
  }
}

/**
 * The analysis's notices, in order, but for those with the code `except`
 * (one the caller says in its own words). An analysis without codes (an older
 * core) keeps its own sentences; a code this extension does not know is shown
 * in the core's English when it sent some.
 */
export function noticeLines(analysis: Pick<Analysis, 'notices' | 'notice_items'>, t: Translate, except?: NoticeCode): string[] {
  const items = analysis.notice_items ?? [];
  if (items.length === 0) return analysis.notices ?? [];
  return items.flatMap((notice, index) => {
    if (notice.code === except) return [];
    return [Object.hasOwn(NOTICE_MESSAGES, notice.code) ? noticeLine(notice, t) : (analysis.notices?.[index] ?? notice.code)];
  });
}

/** What identifies a comment finding, to tell whether a new analysis changed it. */
export function commentFindingKey(comments: Comments | null | undefined): string {
  return comments ? JSON.stringify([comments.finding_parts ?? null, comments.finding ?? null]) : '';
}

/**
 * The comment section's finding, one paragraph: "9 of 12 comments share
 * templated phrasing. … Repeated wording alone does not show who wrote them."
 * Null when there is none.
 */
export function commentFindingText(comments: Comments, t: Translate): string | null {
  const finding = comments.finding_parts;
  if (!finding) return comments.finding ?? null;
  return findingSentences(finding, t).join(' ');
}

function findingSentences(finding: CommentFinding, t: Translate): string[] {
  const sentences: string[] = [];
  if (finding.clustered > 0) {
    const total = formatCount(t, finding.comments);
    sentences.push(
      finding.near_copies
        ? counted(t, { one: 'commentsFindingNearCopies_one', other: 'commentsFindingNearCopies' }, finding.clustered, [total])
        : counted(t, { one: 'commentsFindingTemplated_one', other: 'commentsFindingTemplated' }, finding.clustered, [total]),
    );
    const examples = (finding.phrase_examples ?? []).map((phrase) => t('quotedText', [phrase]));
    if (examples.length > 0) {
      const list = joinList(t, examples, 'and');
      const phrases = finding.phrases ?? examples.length;
      sentences.push(phrases <= 1 ? t('commentsFindingPhrase', [list]) : t('commentsFindingPhrases', [formatCount(t, phrases), list]));
    }
    // A frame or a burst is said with how many comments share it.
    if (finding.frame && finding.frame_comments) {
      sentences.push(counted(t, { one: 'commentsFindingFrame_one', other: 'commentsFindingFrame' }, finding.frame_comments, [finding.frame]));
    }
  }
  if (finding.burst_time && finding.burst_comments) {
    sentences.push(counted(t, { one: 'commentsFindingBurst_one', other: 'commentsFindingBurst' }, finding.burst_comments, [finding.burst_time]));
  }
  sentences.push(t('commentsFindingCaveat'));
  return sentences;
}
