// Re-anchoring a note on a page whose text may have changed since the note
// was written. The ladder, cheapest and surest first:
//   1. position: the stored offsets still hold exactly the quoted text, in its context;
//   2. quote: exact search for the quote, candidates ranked by how well their
//      surroundings match the stored prefix and suffix, then by nearness to
//      the stored position;
//   3. the same on a whitespace-insensitive view (CRLF, NBSP, collapsed spaces);
//   4. fuzzy: approximate search with an error budget proportional to the
//      quote's length, in a bounded window.
// A note none of these places is an orphan: it is kept and listed, never dropped.

import { approximateMatches } from './fuzzy';
import {
  type NormalizedText,
  codePointLength,
  codePointToUtf16,
  editDistance,
  normalizeWhitespace,
  snapToCodePoints,
  toNormalizedOffset,
  toOriginalSpan,
  utf16ToCodePoint,
} from './text';

export interface TextQuote {
  exact: string;
  prefix: string;
  suffix: string;
}

export interface TextSpan {
  start: number;
  end: number;
}

/** Where a note points: W3C TextQuoteSelector plus TextPositionSelector. */
export interface NoteTarget {
  quote: TextQuote;
  /** UTF-16 code units into `article.text` (JavaScript string indices). */
  position?: TextSpan;
  /** The same span in Unicode code points, as W3C TextPositionSelector counts. Used when `position` is absent. */
  codePoints?: TextSpan;
}

export type AnchorMethod = 'position' | 'quote' | 'normalized' | 'fuzzy';

export type AnchorResult =
  | { status: 'anchored'; start: number; end: number; method: AnchorMethod; errors: number }
  | { status: 'orphan' };

/** Prefix and suffix kept around a quote, in UTF-16 units (as Hypothesis does). */
export const CONTEXT_LENGTH = 32;
/** Edits allowed per quote character in the fuzzy step. */
export const FUZZY_ERROR_RATE = 0.2;
/** Quotes shorter than this are never matched fuzzily: a few letters match almost anywhere. */
export const MIN_FUZZY_QUOTE = 10;
/**
 * Work bound for the fuzzy step, in (text units scanned) x (32-unit pattern
 * blocks). About 30 ms in a current browser; the window around the stored
 * position shrinks to fit it.
 */
export const FUZZY_WORK_BUDGET = 16_000_000;
/** At most this many exact occurrences are ranked; a quote repeated more often is not worth a note's guess. */
const MAX_CANDIDATES = 1000;

// How candidates are weighed (relative): the quote itself dominates, the
// context decides between equal quotes, the old position breaks ties.
const QUOTE_WEIGHT = 50;
const CONTEXT_WEIGHT = 20;
const POSITION_WEIGHT = 2;

/** Builds the target of a note on `text[start, end)`: the quote with its context, and both position forms. */
export function targetFor(text: string, start: number, end: number): NoteTarget {
  const span = snapToCodePoints(text, start, end);
  const prefixStart = snapToCodePoints(text, Math.max(0, span.start - CONTEXT_LENGTH), span.start).start;
  let suffixEnd = Math.min(text.length, span.end + CONTEXT_LENGTH);
  if (suffixEnd < text.length && snapToCodePoints(text, span.end, suffixEnd).end !== suffixEnd) {
    suffixEnd -= 1; // do not end the suffix inside a surrogate pair
  }
  const pointStart = utf16ToCodePoint(text, span.start);
  return {
    quote: {
      exact: text.slice(span.start, span.end),
      prefix: text.slice(prefixStart, span.start),
      suffix: text.slice(span.end, suffixEnd),
    },
    position: { start: span.start, end: span.end },
    codePoints: { start: pointStart, end: pointStart + codePointLength(text.slice(span.start, span.end)) },
  };
}

/** Places `target` in `text`, or says it is an orphan. Never throws. */
export function anchor(text: string, target: NoteTarget): AnchorResult {
  const { exact } = target.quote;
  if (exact.length === 0) {
    return { status: 'orphan' };
  }
  const hint = positionHint(text, target);
  // The position alone is trusted only with its context: after paragraphs move, the old
  // offsets can hold the same words from another passage (a repeated sentence).
  if (hint && text.slice(hint.start, hint.end) === exact && contextScore(text, hint.start, hint.end, target.quote) === 1) {
    return { status: 'anchored', start: hint.start, end: hint.end, method: 'position', errors: 0 };
  }

  const exactHit = bestExactOccurrence(text, exact, target.quote, hint?.start);
  if (exactHit !== undefined) {
    return { status: 'anchored', start: exactHit, end: exactHit + exact.length, method: 'quote', errors: 0 };
  }

  const normalized = normalizeWhitespace(text);
  const quote = normalizeQuote(target.quote);
  if (quote.exact.length === 0) {
    return { status: 'orphan' };
  }
  const normalizedHint = hint === undefined ? undefined : toNormalizedOffset(normalized, hint.start);
  const normalizedHit = bestExactOccurrence(normalized.text, quote.exact, quote, normalizedHint);
  if (normalizedHit !== undefined) {
    return placed(text, normalized, normalizedHit, normalizedHit + quote.exact.length, 'normalized', 0);
  }

  const fuzzy = bestFuzzyMatch(normalized.text, quote, normalizedHint);
  if (fuzzy) {
    return placed(text, normalized, fuzzy.start, fuzzy.end, 'fuzzy', fuzzy.errors);
  }
  return { status: 'orphan' };
}

/** The stored position as UTF-16 offsets into `text`, when it fits in it. */
function positionHint(text: string, target: NoteTarget): TextSpan | undefined {
  let span = target.position;
  if (!span && target.codePoints) {
    const start = codePointToUtf16(text, target.codePoints.start);
    const end = codePointToUtf16(text, target.codePoints.end);
    span = start === undefined || end === undefined ? undefined : { start, end };
  }
  if (!span || !Number.isInteger(span.start) || !Number.isInteger(span.end) || span.start < 0 || span.end > text.length || span.start > span.end) {
    return undefined;
  }
  return span;
}

function normalizeQuote(quote: TextQuote): TextQuote {
  const exact = normalizeWhitespace(quote.exact).text;
  // A quote that starts or ends with a space would demand the same spacing around it.
  return {
    exact: exact.trim(),
    prefix: normalizeWhitespace(quote.prefix).text,
    suffix: normalizeWhitespace(quote.suffix).text,
  };
}

function placed(
  text: string,
  normalized: NormalizedText,
  start: number,
  end: number,
  method: AnchorMethod,
  errors: number,
): AnchorResult {
  const original = toOriginalSpan(normalized, start, end);
  const span = snapToCodePoints(text, original.start, original.end);
  return { status: 'anchored', start: span.start, end: span.end, method, errors };
}

/** How alike the stored context is to the text around [start, end): 0 (nothing alike) to 1 (identical). */
function contextScore(text: string, start: number, end: number, quote: TextQuote): number {
  const similarity = (expected: string, actual: string) =>
    expected.length === 0 ? 1 : 1 - editDistance(expected, actual) / Math.max(expected.length, actual.length);
  const before = text.slice(Math.max(0, start - quote.prefix.length), start);
  const after = text.slice(end, end + quote.suffix.length);
  return (similarity(quote.prefix, before) + similarity(quote.suffix, after)) / 2;
}

function positionScore(start: number, hint: number | undefined, textLength: number): number {
  return hint === undefined ? 0 : 1 - Math.min(1, Math.abs(start - hint) / Math.max(1, textLength));
}

/** Of the exact occurrences of `exact`, the one whose context (then position) fits best. */
function bestExactOccurrence(text: string, exact: string, quote: TextQuote, hint: number | undefined): number | undefined {
  let best: number | undefined;
  let bestScore = -Infinity;
  let count = 0;
  for (let at = text.indexOf(exact); at >= 0 && count < MAX_CANDIDATES; at = text.indexOf(exact, at + 1), count++) {
    const score =
      CONTEXT_WEIGHT * contextScore(text, at, at + exact.length, quote) + POSITION_WEIGHT * positionScore(at, hint, text.length);
    if (score > bestScore) {
      best = at;
      bestScore = score;
    }
  }
  return best;
}

/** The fuzzy step: within the work budget, the approximate match with the best quote, context and position. */
function bestFuzzyMatch(
  text: string,
  quote: TextQuote,
  hint: number | undefined,
): { start: number; end: number; errors: number } | undefined {
  const m = quote.exact.length;
  if (m < MIN_FUZZY_QUOTE) {
    return undefined;
  }
  const maxErrors = Math.floor(m * FUZZY_ERROR_RATE);
  const blocks = Math.ceil(m / 32);
  const window = Math.max(m + maxErrors, Math.floor(FUZZY_WORK_BUDGET / blocks));
  // Centre the window on where the quote used to be (or the start), then slide it to stay inside the text.
  const centre = hint ?? 0;
  let from = Math.max(0, centre - Math.floor(window / 2));
  const to = Math.min(text.length, from + window);
  from = Math.max(0, to - window);
  const matches = approximateMatches(text, quote.exact, maxErrors, from, to, 50);
  let best: { start: number; end: number; errors: number } | undefined;
  let bestScore = -Infinity;
  for (const match of matches) {
    const score =
      QUOTE_WEIGHT * (1 - match.errors / m) +
      CONTEXT_WEIGHT * contextScore(text, match.start, match.end, quote) +
      POSITION_WEIGHT * positionScore(match.start, hint, text.length);
    if (score > bestScore) {
      best = match;
      bestScore = score;
    }
  }
  return best;
}
