// The article-level verification summary the claims panel opens with (and
// the Markdown report repeats): what a careful reader would want to know
// before trusting the article, counted from the analysis.

import type { Analysis, Claim } from '../analysis';
import { allMatches, claimCandidates, isAmbiguous, roleOf } from './note-view';

export interface QuotedPerson {
  name: string;
  /** The role the article gives them ("Deputy Mayor"), when it does. */
  role: string | null;
  quotes: number;
}

export interface AmbiguousQuote {
  text: string;
  /** Who it might be; empty when the core found nobody. */
  candidates: string[];
}

export interface ArticleSummary {
  /** Check-worthy claims (the core's decision, at the reader's threshold), in text order. */
  checkworthy: Claim[];
  /** Kind -> how many check-worthy claims have it; most frequent first. A claim counts once per kind. */
  byKind: [string, number][];
  anonymous: number;
  vague: number;
  /** Check-worthy claims with at least one published fact-check (from the packs or the live source). */
  matched: number;
  /** Verdict -> how many matched fact-checks give it (each fact-check once); most frequent first. */
  verdicts: [string, number][];
  /** Check-worthy claims the live source could not be asked about (it failed). */
  liveFailed: number;
  quoted: QuotedPerson[];
  ambiguous: AmbiguousQuote[];
}

function countedDescending(counts: Map<string, number>): [string, number][] {
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

export function summarise(analysis: Analysis): ArticleSummary {
  const checkworthy = analysis.claims.filter((claim) => claim.checkworthy);
  const kinds = new Map<string, number>();
  const verdicts = new Map<string, number>();
  let matched = 0;
  for (const claim of checkworthy) {
    for (const kind of new Set(claim.kinds)) {
      kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
    }
    const matches = allMatches(claim);
    if (matches.length > 0) {
      matched++;
      for (const match of matches) {
        const verdict = match.verdict ?? '';
        verdicts.set(verdict, (verdicts.get(verdict) ?? 0) + 1);
      }
    }
  }
  const people = new Map<string, QuotedPerson>();
  for (const quote of analysis.quotes) {
    if (!quote.speaker) continue;
    const person = people.get(quote.speaker) ?? { name: quote.speaker, role: roleOf(quote.speaker, quote.speaker_role, analysis.entities), quotes: 0 };
    person.role ??= roleOf(quote.speaker, quote.speaker_role, analysis.entities);
    person.quotes++;
    people.set(quote.speaker, person);
  }
  // Quotes, then claims, whose speaker the article leaves open; one entry per passage.
  const ambiguous: AmbiguousQuote[] = analysis.quotes
    .filter(isAmbiguous)
    .map((quote) => ({ text: quote.text, candidates: quote.speaker_candidates.filter((name) => name !== quote.speaker) }));
  for (const claim of checkworthy) {
    const candidates = claimCandidates(claim);
    if (candidates.length > 0 && !analysis.quotes.some((quote) => isAmbiguous(quote) && quote.start < claim.end && quote.end > claim.start)) {
      ambiguous.push({ text: claim.text, candidates });
    }
  }
  return {
    checkworthy,
    byKind: countedDescending(kinds),
    anonymous: checkworthy.filter((claim) => claim.sourcing.kind === 'anonymous').length,
    vague: checkworthy.filter((claim) => claim.sourcing.kind === 'vague').length,
    matched,
    verdicts: countedDescending(verdicts),
    liveFailed: checkworthy.filter((claim) => claim.live?.state === 'failed').length,
    quoted: [...people.values()].sort((a, b) => b.quotes - a.quotes || a.name.localeCompare(b.name)),
    ambiguous,
  };
}
