// A small deterministic generator (xorshift32) for the unit tests that throw
// generated input at the code: the same seed gives the same cases every run.

/** Numbers in [0, 1), with `int(n)` in 0..n and `pick(list)`. */
export function seededRandom(seed) {
  let state = seed >>> 0 || 1;
  const next = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
  const int = (n) => Math.floor(next() * n);
  return { next, int, pick: (list) => list[int(list.length)] };
}
