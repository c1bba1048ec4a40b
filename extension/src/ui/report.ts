// The claims panel's Markdown export: the verification summary, then every
// check-worthy claim with its full note. Page text is escaped so that it
// reads as text in any Markdown viewer.

import type { Analysis, Claim } from '../analysis';
import { type Translate, plural } from './i18n';
import { SOURCING_LABELS, allMatches, claimCandidates, factCheckStatus, factCheckStatusText, figureReading, kindLabel, liveFailureText, quotesOf, roleOf, scorePercent } from './note-view';
import { checkLines, conflictsLine, linkLabel, matchReasonLines, reasonLines, summaryLine } from './note-wording';
import { commentFindingText } from './page-wording';
import type { ArticleSummary } from './summary';

/** Backslash-escapes Markdown syntax and flattens line breaks. */
export function markdownText(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/([\\`*_{}[\]()<>#+!|~])/g, '\\$1');
}

/** A URL inside `<…>`, or null when it is not http(s) or would break out of the brackets. */
function markdownUrl(url: string): string | null {
  return /^https?:\/\/[^\s<>]+$/i.test(url) ? `<${url}>` : null;
}

export function reportFileName(analysis: Analysis): string {
  const base = (analysis.article.title ?? 'article').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60);
  return `claimlens-${base || 'article'}.md`;
}

export function markdownReport(analysis: Analysis, summary: ArticleSummary, t: Translate): string {
  const { article } = analysis;
  const lines: string[] = [];
  lines.push(`# ${t('reportTitle', [markdownText(article.title ?? t('reportUntitled'))])}`, '');
  const facts: [string, string | null][] = [
    [t('reportAddress'), article.url ? (markdownUrl(article.url) ?? markdownText(article.url)) : null],
    [t('reportSite'), article.site && markdownText(article.site)],
    [t('reportByline'), article.byline && markdownText(article.byline)],
    [t('reportPublished'), article.published],
  ];
  for (const [label, value] of facts) {
    if (value) lines.push(`- ${label}: ${value}`);
  }
  lines.push('', `## ${t('summaryHeading')}`, '');
  lines.push(`- ${plural(t, { one: 'summaryCheckworthy_one', other: 'summaryCheckworthy' }, summary.checkworthy.length)}`);
  for (const [kind, count] of summary.byKind) {
    lines.push(`  - ${kindLabel(kind, t)}: ${count}`);
  }
  lines.push(`- ${t('summaryWeakSourcing', [String(summary.anonymous), String(summary.vague)])}`);
  lines.push(`- ${summary.matched > 0 ? plural(t, { one: 'summaryMatched_one', other: 'summaryMatched' }, summary.matched) : t('summaryNoMatches')}`);
  for (const [verdict, count] of summary.verdicts) {
    lines.push(`  - ${markdownText(verdict || t('noteVerdictUnknown'))}: ${count}`);
  }
  if (summary.quoted.length > 0) {
    lines.push(`- ${t('summaryQuoted')}`);
    for (const person of summary.quoted) {
      const who = person.role ? `${markdownText(person.name)}, ${markdownText(person.role)}` : markdownText(person.name);
      lines.push(`  - ${who} (${plural(t, { one: 'summaryQuoteCount_one', other: 'summaryQuoteCount' }, person.quotes)})`);
    }
  } else {
    lines.push(`- ${t('summaryNobodyQuoted')}`);
  }
  if (summary.ambiguous.length > 0) {
    lines.push(`- ${plural(t, { one: 'summaryAmbiguous_one', other: 'summaryAmbiguous' }, summary.ambiguous.length)}`);
    for (const quote of summary.ambiguous) {
      const who = quote.candidates.length > 0 ? t('noteAmbiguousCandidates', [quote.candidates.map(markdownText).join(', ')]) : t('noteAmbiguous');
      lines.push(`  - “${markdownText(quote.text)}” — ${who}`);
    }
  } else {
    lines.push(`- ${t('summaryNoAmbiguous')}`);
  }

  const comments = analysis.comments;
  if (comments && comments.count > 0) {
    lines.push('', `## ${t('commentsTitle')}`, '');
    lines.push(
      markdownText(
        (comments.flagged ? commentFindingText(comments, t) : null) ?? t(comments.level === 'some' ? 'commentsSomeRepetition' : 'commentsNoFinding', [String(comments.analysed ?? comments.count)]),
      ),
    );
  }

  lines.push('', `## ${t('reportClaims')}`, '');
  summary.checkworthy.forEach((claim, index) => {
    lines.push(...claimSection(claim, index + 1, analysis, t), '');
  });
  return `${lines.join('\n').trimEnd()}\n`;
}

function claimSection(claim: Claim, number: number, analysis: Analysis, t: Translate): string[] {
  const lines = [`### ${number}. “${markdownText(claim.text)}”`, ''];
  lines.push(`- ${t('noteScore', [scorePercent(claim.score)])}`);
  lines.push(`- ${t('noteKinds')}: ${claim.kinds.map((kind) => kindLabel(kind, t)).join(', ')}`);
  const { kind, speaker, cue } = claim.sourcing;
  let sourcing = t(SOURCING_LABELS[kind]);
  if (speaker) {
    const role = roleOf(speaker, claim.sourcing.speaker_role, analysis.entities);
    sourcing += ` — ${markdownText(speaker)}${role ? `, ${markdownText(role)}` : ''}`;
  }
  const candidates = claimCandidates(claim);
  if (candidates.length > 0) {
    sourcing += ` — ${t('noteAmbiguousCandidates', [candidates.map(markdownText).join(t('noteCandidatesSeparator'))])}`;
  }
  if (cue) sourcing += ` ${t('noteCue')} “${markdownText(cue)}”`;
  lines.push(`- ${t('noteSourcing')}: ${sourcing}`);
  lines.push(`- ${markdownText(summaryLine(claim, t))}`);
  const reasons = reasonLines(claim, t);
  if (reasons.length > 0) lines.push(`- ${t('noteWhy')}: ${reasons.map(markdownText).join(t('noteReasonSeparator'))}`);
  for (const quote of quotesOf(claim, analysis.quotes)) {
    lines.push(`- ${t('noteQuotes')}: “${markdownText(quote.text)}” — ${quote.speaker ? markdownText(quote.speaker) : t('noteSpeakerUnknown')}`);
  }
  for (const time of claim.times) {
    const resolved = !time.resolved
      ? t('noteTimeUnresolved')
      : time.resolved.from === time.resolved.to
        ? time.resolved.from
        : t('noteTimeRange', [time.resolved.from, time.resolved.to]);
    lines.push(`- ${t('noteTimes')}: “${markdownText(time.text)}” → ${resolved}`);
  }
  for (const quantity of claim.quantities) {
    const reading = figureReading(quantity, t);
    lines.push(`- ${t('noteFigures')}: “${markdownText(quantity.text)}”${reading === null ? '' : ` = ${markdownText(reading)}`}`);
  }
  const matches = allMatches(claim);
  if (matches.length === 0) {
    lines.push(`- ${t('noteFactChecks')}: ${factCheckStatusText(factCheckStatus(claim), t)}`);
  }
  for (const match of matches) {
    const parts = [match.verdict ?? t('noteVerdictUnknown'), match.publisher, match.date].filter(Boolean).map((part) => markdownText(part!));
    const link = match.url ? markdownUrl(match.url) : null;
    const reasons = matchReasonLines(match, t);
    const why = reasons.length > 0 ? ` (${markdownText(t('noteWhyMatched', [reasons.join(t('noteReasonSeparator'))]))})` : '';
    lines.push(`- ${t('noteFactChecks')}: ${parts.join(', ')} — ${t('noteMatchedClaim', [markdownText(match.claim)])}${why}${link ? ` ${link}` : ''}`);
  }
  if (claim.note.consensus === 'agree' || claim.note.consensus === 'disagree') {
    lines.push(`- ${t(claim.note.consensus === 'agree' ? 'noteConsensusAgree' : 'noteConsensusDisagree')}`);
  }
  if (claim.live?.state === 'failed') {
    lines.push(`- ${markdownText(t('noteLiveFailed', [liveFailureText(claim.live.failure, t)]))}`);
  }
  for (const related of claim.note.related ?? []) {
    const apart = conflictsLine(related.conflicts, t);
    lines.push(`- ${t('noteRelatedHeading')}: ${[related.publisher, related.date].filter(Boolean).map((part) => markdownText(part!)).join(', ')} — ${markdownText(t('noteRelatedClaim', [related.claim]))}${apart ? ` ${markdownText(apart)}` : ''}`);
  }
  for (const check of checkLines(claim, t)) {
    lines.push(`- ${t('noteChecks')}: ${markdownText(check)}`);
  }
  for (const link of claim.note.links) {
    const url = markdownUrl(link.url);
    const label = markdownText(linkLabel(link, t));
    lines.push(`- ${t('noteLinks')}: ${url ? `[${label}](${url})` : label}`);
  }
  return lines;
}
