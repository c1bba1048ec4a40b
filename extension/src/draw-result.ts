// The draw result, `claimlens/draw@1` (src/draw.rs): what the content script
// needs to draw the highlights, returned by the core before the rest of the
// analysis and sent as a few arrays of numbers and one string table instead
// of one object per claim, note line and DOM run. The full analysis
// (`claimlens/analysis@1`) follows in a second message once the highlights
// are drawn. tests/unit/draw-result.test.mjs checks these names and numbers
// against src/draw.rs.

import type { AnalysisStatus, ClaimKind, DomRun, Notice, SourcingKind } from './analysis';

export const DRAW_SCHEMA = 'claimlens/draw@1';
/** Numbers per claim in `claims`: start, end, flags, sourcing, first kind, kind count, id, text. */
export const CLAIM_FIELDS = 8;
/** Flag bit: check-worthy at the threshold the analysis used. */
export const CHECKWORTHY = 1;

export interface DrawHead {
  schema: string;
  status: AnalysisStatus;
  notice_items: Notice[];
  claims: number;
}

/**
 * As it crosses the extension's messages: plain arrays (Chrome's messages are
 * JSON, in which a typed array would become an object with one key per number).
 * `key` names the full analysis the background can still hand over.
 */
export interface DrawResult {
  head: DrawHead;
  strings: string;
  lengths: number[];
  claims: number[];
  kinds: number[];
  scores: number[];
  runs: number[];
  key: number;
}

/** As the WASM's `analyze_draw` returns it: the numbers in typed arrays. */
export interface DrawResultArrays extends Omit<DrawResult, 'lengths' | 'claims' | 'kinds' | 'scores' | 'runs'> {
  lengths: Uint32Array;
  claims: Uint32Array;
  kinds: Uint32Array;
  scores: Float64Array;
  runs: Uint32Array;
}

/** A claim as drawn: the fields the highlights, the filters and the keyboard need. A full `Claim` has all of them. */
export interface DrawnClaim {
  id: string;
  start: number;
  end: number;
  text: string;
  score: number;
  checkworthy: boolean;
  kinds: ClaimKind[];
  sourcing: { kind: SourcingKind };
}

/** A draw result read: the claims to draw and the DOM runs to place them with. */
export interface Drawn {
  head: DrawHead;
  claims: DrawnClaim[];
  dom: DomRun[];
  key: number;
}

export class DrawResultError extends Error {}

/** The draw result for a message (typed arrays to plain arrays). */
export function drawResultForMessage(draw: DrawResultArrays): DrawResult {
  return {
    head: draw.head,
    strings: draw.strings,
    lengths: Array.from(draw.lengths),
    claims: Array.from(draw.claims),
    kinds: Array.from(draw.kinds),
    scores: Array.from(draw.scores),
    runs: Array.from(draw.runs),
    key: draw.key,
  };
}

/** Shape check for a message: the decoder checks every index. */
export function isDrawResult(value: unknown): value is DrawResult {
  if (typeof value !== 'object' || value === null) return false;
  const draw = value as Record<string, unknown>;
  const head = draw.head as Record<string, unknown> | null;
  return (
    typeof head === 'object' &&
    head !== null &&
    head.schema === DRAW_SCHEMA &&
    typeof head.status === 'string' &&
    Array.isArray(head.notice_items) &&
    typeof draw.strings === 'string' &&
    ['lengths', 'claims', 'kinds', 'scores', 'runs'].every((name) => Array.isArray(draw[name])) &&
    Number.isInteger(draw.key)
  );
}

/** Reads a draw result; throws DrawResultError when an index or length does not fit. */
export function decodeDrawResult(draw: DrawResult): Drawn {
  const strings: string[] = [];
  let at = 0;
  for (const length of draw.lengths) {
    if (!Number.isInteger(length) || length < 0 || at + length > draw.strings.length) {
      throw new DrawResultError('the string lengths do not fit the string table');
    }
    strings.push(draw.strings.slice(at, at + length));
    at += length;
  }
  if (at !== draw.strings.length) {
    throw new DrawResultError('the string lengths do not add up to the string table');
  }
  const string = (index: number): string => {
    const s = strings[index];
    if (s === undefined) throw new DrawResultError(`no string ${index}`);
    return s;
  };
  const count = draw.claims.length / CLAIM_FIELDS;
  if (!Number.isInteger(count) || count !== draw.scores.length || count !== draw.head.claims) {
    throw new DrawResultError('the claims, their scores and the head disagree');
  }
  const claims: DrawnClaim[] = [];
  const numbers = draw.claims;
  for (let i = 0, at = 0; i < count; i++, at += CLAIM_FIELDS) {
    const start = numbers[at];
    const end = numbers[at + 1];
    const kindsStart = numbers[at + 4];
    const kindsEnd = kindsStart + numbers[at + 5];
    if (kindsEnd > draw.kinds.length || !(start <= end)) {
      throw new DrawResultError(`claim ${i} is out of range`);
    }
    const kinds: ClaimKind[] = [];
    for (let k = kindsStart; k < kindsEnd; k++) kinds.push(string(draw.kinds[k]) as ClaimKind);
    claims.push({
      id: string(numbers[at + 6]),
      start,
      end,
      text: string(numbers[at + 7]),
      score: draw.scores[i],
      checkworthy: (numbers[at + 2] & CHECKWORTHY) !== 0,
      kinds,
      sourcing: { kind: string(numbers[at + 3]) as SourcingKind },
    });
  }
  if (draw.runs.length % 4 !== 0) {
    throw new DrawResultError('the DOM runs are not in fours');
  }
  const dom: DomRun[] = [];
  for (let i = 0; i < draw.runs.length; i += 4) {
    dom.push({ start: draw.runs[i], end: draw.runs[i + 1], node: draw.runs[i + 2], offset: draw.runs[i + 3] });
  }
  return { head: draw.head, claims, dom, key: draw.key };
}
