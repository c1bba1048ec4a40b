// Approximate string matching: where in a text does a pattern occur with at
// most k edits (insertions, deletions, substitutions)?
//
// Myers' bit-vector algorithm (1999), in the blocked form Hyyrö describes
// for patterns longer than a machine word: one pass over the text, each
// character costing ceil(m / 32) word operations, giving the edit distance
// of the best match ending at every text position. The start of a chosen
// match is then found by a small dynamic programme over just that stretch.

export interface ApproximateMatch {
  start: number;
  end: number;
  errors: number;
}

/** Pattern bitmasks: for each UTF-16 unit, a 32-bit word per block with the bits where the pattern has it. */
class PatternMasks {
  readonly blocks: number;
  readonly lastBit: number;
  private readonly masks = new Map<number, Uint32Array>();
  private readonly none: Uint32Array;

  constructor(pattern: string) {
    this.blocks = Math.ceil(pattern.length / 32);
    this.lastBit = 1 << ((pattern.length - 1) & 31);
    this.none = new Uint32Array(this.blocks);
    for (let i = 0; i < pattern.length; i++) {
      const code = pattern.charCodeAt(i);
      let mask = this.masks.get(code);
      if (!mask) {
        mask = new Uint32Array(this.blocks);
        this.masks.set(code, mask);
      }
      mask[i >>> 5] |= 1 << (i & 31);
    }
  }

  of(code: number): Uint32Array {
    return this.masks.get(code) ?? this.none;
  }
}

/**
 * For each text position in [from, to), the edit distance of the best match
 * of `pattern` ending just after it, reported through `onEnd` when it is at
 * most `maxErrors`. The match may start anywhere (the first row is free).
 */
export function scanMatchEnds(
  text: string,
  pattern: string,
  maxErrors: number,
  from: number,
  to: number,
  onEnd: (end: number, errors: number) => void,
): void {
  const m = pattern.length;
  if (m === 0) {
    return;
  }
  const masks = new PatternMasks(pattern);
  const blocks = masks.blocks;
  // Vertical deltas per block: P has the +1 bits, M the -1 bits. Column 0 is 0,1,2,..,m: all +1.
  const plus = new Uint32Array(blocks).fill(0xffffffff);
  const minus = new Uint32Array(blocks);
  let score = m;
  for (let j = from; j < to; j++) {
    const eqs = masks.of(text.charCodeAt(j));
    // The top row is all zeros (a match may start anywhere), so nothing enters block 0 from above.
    let carry = 0;
    for (let b = 0; b < blocks; b++) {
      const highBit = b === blocks - 1 ? masks.lastBit : 0x80000000;
      const negativeIn = carry < 0 ? 1 : 0;
      const eq = eqs[b] | negativeIn;
      const pv = plus[b];
      const mv = minus[b];
      const xv = eq | mv;
      const xh = (((eq & pv) + pv) ^ pv) | eq;
      let ph = mv | ~(xh | pv);
      let mh = pv & xh;
      const out = (ph & highBit) !== 0 ? 1 : (mh & highBit) !== 0 ? -1 : 0;
      ph = (ph << 1) | (carry > 0 ? 1 : 0);
      mh = (mh << 1) | negativeIn;
      plus[b] = mh | ~(xv | ph);
      minus[b] = ph & xv;
      carry = out;
    }
    score += carry;
    if (score <= maxErrors) {
      onEnd(j + 1, score);
    }
  }
}

/**
 * Where the best match of `pattern` ending at `end` starts: the start that
 * gives the fewest edits, nearest to a same-length match on ties. Looks back
 * at most m + maxErrors characters, never before `floor`.
 */
export function matchStart(text: string, pattern: string, end: number, maxErrors: number, floor: number): ApproximateMatch {
  const m = pattern.length;
  const windowStart = Math.max(floor, end - m - maxErrors);
  const width = end - windowStart;
  // Both strings read backwards from `end`: row i = pattern's last i units, column j = text's last j units.
  let previous = new Int32Array(width + 1);
  let current = new Int32Array(width + 1);
  for (let j = 0; j <= width; j++) previous[j] = j;
  for (let i = 1; i <= m; i++) {
    current[0] = i;
    const pc = pattern.charCodeAt(m - i);
    for (let j = 1; j <= width; j++) {
      const cost = pc === text.charCodeAt(end - j) ? 0 : 1;
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
    }
    [previous, current] = [current, previous];
  }
  let best = 0;
  for (let j = 1; j <= width; j++) {
    if (previous[j] < previous[best] || (previous[j] === previous[best] && Math.abs(j - m) < Math.abs(best - m))) {
      best = j;
    }
  }
  return { start: end - best, end, errors: previous[best] };
}

/**
 * The distinct approximate matches of `pattern` in text[from, to) with at
 * most `maxErrors` edits: of each run of adjacent match ends, the end with
 * the fewest errors, then its start. At most `limit` matches, fewest errors first.
 */
export function approximateMatches(
  text: string,
  pattern: string,
  maxErrors: number,
  from: number,
  to: number,
  limit: number,
): ApproximateMatch[] {
  const bestEnds: { end: number; errors: number }[] = [];
  let run: { end: number; errors: number; last: number } | undefined;
  scanMatchEnds(text, pattern, maxErrors, from, to, (end, errors) => {
    if (run && end === run.last + 1) {
      run.last = end;
      if (errors < run.errors) {
        run.end = end;
        run.errors = errors;
      }
      return;
    }
    if (run) bestEnds.push(run);
    run = { end, errors, last: end };
  });
  if (run) bestEnds.push(run);
  bestEnds.sort((a, b) => a.errors - b.errors || a.end - b.end);
  return bestEnds.slice(0, limit).map(({ end }) => matchStart(text, pattern, end, maxErrors, from));
}
