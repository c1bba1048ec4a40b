// Text helpers for anchoring notes: UTF-16 <-> code point offsets, surrogate
// pair boundaries, and a whitespace-insensitive view of a text that maps back
// to the original offsets. Pure; no DOM.

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** True when `offset` falls between the two halves of a surrogate pair. */
export function splitsSurrogatePair(text: string, offset: number): boolean {
  return (
    offset > 0 &&
    offset < text.length &&
    isHighSurrogate(text.charCodeAt(offset - 1)) &&
    isLowSurrogate(text.charCodeAt(offset))
  );
}

/** Widens [start, end) so neither end splits a surrogate pair. */
export function snapToCodePoints(text: string, start: number, end: number): { start: number; end: number } {
  return {
    start: splitsSurrogatePair(text, start) ? start - 1 : start,
    end: splitsSurrogatePair(text, end) ? end + 1 : end,
  };
}

/** Number of code points in `text[0..utf16Offset)`. */
export function utf16ToCodePoint(text: string, utf16Offset: number): number {
  let points = 0;
  const limit = Math.min(utf16Offset, text.length);
  for (let i = 0; i < limit; i++) {
    if (!(isLowSurrogate(text.charCodeAt(i)) && i > 0 && isHighSurrogate(text.charCodeAt(i - 1)))) {
      points++;
    }
  }
  return points;
}

/** The UTF-16 offset of code point `pointOffset`, or undefined past the end of `text`. */
export function codePointToUtf16(text: string, pointOffset: number): number | undefined {
  if (pointOffset < 0) {
    return undefined;
  }
  let points = 0;
  let i = 0;
  while (points < pointOffset) {
    if (i >= text.length) {
      return undefined;
    }
    i += isHighSurrogate(text.charCodeAt(i)) && isLowSurrogate(text.charCodeAt(i + 1)) ? 2 : 1;
    points++;
  }
  return i;
}

/** Code points in `text`, counting a lone surrogate as one. */
export function codePointLength(text: string): number {
  return utf16ToCodePoint(text, text.length);
}

/**
 * Whitespace of any kind (CR, LF, tab, NBSP and the other Unicode spaces).
 * The same class as JavaScript's `\s`, spelled out so it is visible here.
 */
function isSpace(code: number): boolean {
  return (
    code === 0x20 ||
    (code >= 0x09 && code <= 0x0d) ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** Invisible characters pages sprinkle into words: soft hyphen, zero-width space. */
function isIgnorable(code: number): boolean {
  return code === 0xad || code === 0x200b;
}

/** A text with every whitespace run collapsed to one space, and the way back. */
export interface NormalizedText {
  text: string;
  /** `toOriginal[i]` is the original offset of normalized offset `i`; one longer than `text`. */
  toOriginal: Int32Array;
}

/**
 * Collapses each run of whitespace to a single space and drops ignorable
 * characters, so "48\u00a0million", "48\r\nmillion" and "48  million" all
 * read "48 million". Offsets map back through `toOriginal`.
 */
export function normalizeWhitespace(text: string): NormalizedText {
  const out: string[] = [];
  const map = new Int32Array(text.length + 1);
  let length = 0;
  let inSpace = false;
  let chunkStart = 0;
  const flush = (until: number) => {
    if (until > chunkStart) {
      out.push(text.slice(chunkStart, until));
    }
  };
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isSpace(code)) {
      if (!inSpace) {
        flush(i);
        out.push(' ');
        map[length++] = i;
        inSpace = true;
      }
      chunkStart = i + 1;
      continue;
    }
    if (isIgnorable(code)) {
      flush(i);
      chunkStart = i + 1;
      continue;
    }
    inSpace = false;
    map[length++] = i;
  }
  flush(text.length);
  map[length] = text.length;
  return { text: out.join(''), toOriginal: map.slice(0, length + 1) };
}

/**
 * The normalized offset of original offset `original`: the first normalized
 * position whose original offset is at or after it.
 */
export function toNormalizedOffset(normalized: NormalizedText, original: number): number {
  const map = normalized.toOriginal;
  let low = 0;
  let high = map.length - 1;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (map[mid] < original) {
      low = mid + 1;
    } else {
      high = mid;
    }
  }
  return low;
}

/**
 * The original [start, end) of normalized [start, end). The end maps to just
 * after the last normalized character's original, so a trailing collapsed
 * run is not swallowed.
 */
export function toOriginalSpan(normalized: NormalizedText, start: number, end: number): { start: number; end: number } {
  const map = normalized.toOriginal;
  const originalStart = map[start];
  const originalEnd = end > start ? map[end - 1] + 1 : originalStart;
  return { start: originalStart, end: originalEnd };
}

/** Levenshtein distance, two rows; for short strings (prefixes, suffixes). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let previous = new Int32Array(b.length + 1);
  let current = new Int32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length];
}
