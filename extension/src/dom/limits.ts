// The page-size bounds the snapshotter walks within: the same numbers and the
// same rule as DEFAULT_LIMITS in src/limits.rs. The snapshot is the longest
// pre-order prefix with at most MAX_NODES nodes and MAX_TEXT_UNITS UTF-16
// code units of text and attribute values (the text node where the budget
// runs out keeps the part that fits, never half a surrogate pair). Stopping
// here, not in the core, keeps a 50 MB text node or a million elements off
// the message channel; the snapshot then says `truncated` and the analysis
// reports how much was read.

export const MAX_NODES = 250_000;
export const MAX_TEXT_UNITS = 4_000_000;
/**
 * Head data (the title, then `<meta>` tags, then JSON-LD blocks, in that
 * order) has a budget of its own, as `max_head_units` in src/limits.rs: the
 * first item that does not fit and every item after it are left out whole.
 */
export const MAX_HEAD_UNITS = 1_000_000;

/** The longest prefix of `text` at most `units` code units long that does not end inside a surrogate pair. */
export function prefixOfUnits(text: string, units: number): string {
  if (text.length <= units) return text;
  let end = Math.max(0, units);
  const last = text.charCodeAt(end - 1);
  if (end > 0 && last >= 0xd800 && last < 0xdc00) end -= 1; // a high surrogate whose pair would be cut
  return text.slice(0, end);
}
