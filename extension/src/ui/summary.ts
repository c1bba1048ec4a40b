// The article-level verification summary the claims panel opens with (and
// the Markdown report repeats): what a careful reader would want to know
// before trusting the article, counted from the analysis.

import type { Analysis, Claim } from '../analysis';
import { isAmbiguous, speakerRole } from './note-view';

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
  /** Check-worthy claims with at least one published fact-check. */
  matched: number;
  /** Verdict -> how many matched fact-checks give it; most frequent first. */
  verdicts: [string, number][];
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
    if (claim.matches.length > 0) {
      matched++;
      for (const match of claim.matches) {
        const verdict = match.verdict ?? '';
        verdicts.set(verdict, (verdicts.get(verdict) ?? 0) + 1);
      }
    }
  }
  const people = new Map<string, QuotedPerson>();
  for (const quote of analysis.quotes) {
    if (!quote.speaker) continue;
    const person = people.get(quote.speaker) ?? { name: quote.speaker, role: speakerRole(quote.speaker, analysis.entities), quotes: 0 };
    person.quotes++;
    people.set(quote.speaker, person);
  }
  return {
    checkworthy,
    byKind: countedDescending(kinds),
    anonymous: checkworthy.filter((claim) => claim.sourcing.kind === 'anonymous').length,
    vague: checkworthy.filter((claim) => claim.sourcing.kind === 'vague').length,
    matched,
    verdicts: countedDescending(verdicts),
    quoted: [...people.values()].sort((a, b) => b.quotes - a.quotes || a.name.localeCompare(b.name)),
    ambiguous: analysis.quotes
      .filter(isAmbiguous)
      .map((quote) => ({ text: quote.text, candidates: quote.speaker_candidates.filter((name) => name !== quote.speaker) })),
  };
}
