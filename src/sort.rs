//! Sorting for the core through one compiled copy of the standard sort.
//!
//! Why: each `slice::sort*` call with its own element type or comparator
//! compiles its own copy of the standard library's sort algorithms, about
//! 4.5 KB of WASM each; the core's 28 sort calls were 125 KB of the module
//! before wasm-opt. Here a call sorts a permutation of `u32` indices with a
//! `&mut dyn` comparator, so the standard sort is compiled once, and what each
//! call adds is its comparator and the permutation's application.
//!
//! Every function here is stable: equal items keep their order.
//!
//! Two kinds of call keep the standard sorts, because they are hot: the
//! matcher's top-k selection over every document a query touches, and the
//! sorting of integer shingle hashes (fact-check matching, comment near
//! duplicates), where `sort_unstable` on a `Vec<u32>` or `Vec<u64>` is far
//! faster than any comparator and compiles once per integer type.
//!
//! ```
//! let mut words = vec!["pear", "fig", "apple", "kiwi"];
//! claimlens::sort::sort_by_key(&mut words, |w| w.len());
//! assert_eq!(words, ["fig", "pear", "kiwi", "apple"]);
//! ```

use std::cmp::Ordering;

/// Sorts `items` by `compare`, stably.
pub fn sort_by<T>(items: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    if items.len() < 2 {
        return;
    }
    let order = {
        let items: &[T] = items;
        permutation(items.len(), &mut |a, b| compare(&items[a], &items[b]))
    };
    apply(items, order);
}

/// Sorts `items` by the key `key` gives each, stably.
pub fn sort_by_key<T, K: Ord>(items: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `items` in their natural order, stably.
pub fn sort<T: Ord>(items: &mut [T]) {
    sort_by(items, T::cmp);
}

/// The order of `0..len` that `compare` (on item indices) sorts into; ties
/// keep index order. The one place the standard sort is instantiated.
fn permutation(len: usize, compare: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<u32> {
    // Slices of more than u32::MAX items do not occur: pages are capped far below (limits.rs).
    let mut order: Vec<u32> = (0..len).map(|i| i as u32).collect();
    order.sort_by(|&a, &b| compare(a as usize, b as usize));
    order
}

/// Moves `items[order[i]]` to position `i` for every `i`, in place: each
/// cycle of the permutation is walked once with swaps.
fn apply<T>(items: &mut [T], mut order: Vec<u32>) {
    for start in 0..items.len() {
        let mut at = start;
        loop {
            let from = order[at] as usize;
            order[at] = at as u32; // placed
            if from == start {
                break;
            }
            items.swap(at, from);
            at = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small deterministic generator (xorshift), so the table of cases is reproducible.
    fn numbers(seed: u64, len: usize, range: u64) -> Vec<u64> {
        let mut x = seed.max(1);
        (0..len)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                x % range
            })
            .collect()
    }

    #[test]
    fn agrees_with_the_standard_stable_sort() {
        for (seed, len, range) in [
            (1, 0, 1),
            (2, 1, 1),
            (3, 2, 2),
            (4, 10, 3),
            (5, 100, 10),
            (6, 1000, 1000),
            (7, 5000, 7),
            (8, 33, 1),
        ] {
            // Pairs of (key, original position): a stable sort by key keeps positions ascending within a key.
            let items: Vec<(u64, usize)> = numbers(seed, len, range)
                .into_iter()
                .enumerate()
                .map(|(i, k)| (k, i))
                .collect();
            let mut expected = items.clone();
            expected.sort_by_key(|p| p.0);
            let mut ours = items.clone();
            sort_by_key(&mut ours, |p| p.0);
            assert_eq!(ours, expected, "seed {seed}, {len} items in 0..{range}");
            let mut descending = items;
            sort_by(&mut descending, |a, b| b.0.cmp(&a.0));
            expected.sort_by_key(|b| std::cmp::Reverse(b.0));
            assert_eq!(descending, expected, "descending, seed {seed}");
        }
    }

    #[test]
    fn sorts_already_sorted_reversed_and_owned_items() {
        let mut sorted: Vec<u32> = (0..50).collect();
        sort(&mut sorted);
        assert_eq!(sorted, (0..50).collect::<Vec<_>>());
        let mut reversed: Vec<u32> = (0..50).rev().collect();
        sort(&mut reversed);
        assert_eq!(reversed, (0..50).collect::<Vec<_>>());
        let mut words: Vec<String> = ["delta", "alpha", "charlie", "bravo"]
            .iter()
            .map(|w| w.to_string())
            .collect();
        sort(&mut words);
        assert_eq!(words, ["alpha", "bravo", "charlie", "delta"]);
    }

    #[test]
    fn float_scores_best_first_with_ties_in_order() {
        let mut scored = vec![
            (0.5f32, 'a'),
            (0.9, 'b'),
            (0.5, 'c'),
            (f32::NAN, 'd'),
            (0.9, 'e'),
        ];
        sort_by(&mut scored, |a, b| b.0.total_cmp(&a.0));
        let letters: String = scored.iter().map(|p| p.1).collect();
        assert_eq!(
            letters, "dbeac",
            "NaN sorts first under total_cmp descending"
        );
    }
}
