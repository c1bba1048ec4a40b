//! One sort for the whole stage. Every generic sort call adds its own copy of
//! the standard library's sort to the WebAssembly (about 10 KB each), so the
//! stage orders everything through [`by_key`]: one `sort_unstable` over
//! `(u64 key, index)` pairs, stable because the index breaks ties.

/// Orders `items` by `key`, keeping the original order among equal keys.
pub fn by_key<T>(items: &mut Vec<T>, key: impl Fn(&T) -> u64) {
    if items.len() < 2 {
        return;
    }
    let mut keys: Vec<(u64, u32)> = items
        .iter()
        .enumerate()
        .map(|(i, t)| (key(t), i as u32))
        .collect();
    crate::sort::sort(&mut keys);
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(
        keys.iter()
            .filter_map(|&(_, i)| slots.get_mut(i as usize).and_then(Option::take)),
    );
}

/// `value` in a field of `bits` bits: saturated, so a key never overflows
/// into its neighbour.
pub fn field(value: u64, bits: u32) -> u64 {
    value.min((1u64 << bits) - 1)
}

/// Largest-first order for a field of `bits` bits.
pub fn descending(value: u64, bits: u32) -> u64 {
    ((1u64 << bits) - 1) - field(value, bits)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn orders_by_key_and_keeps_ties_in_place() {
        let mut v = vec![(3, 'a'), (1, 'b'), (3, 'c'), (2, 'd'), (1, 'e')];
        by_key(&mut v, |&(k, _)| k);
        assert_eq!(v, [(1, 'b'), (1, 'e'), (2, 'd'), (3, 'a'), (3, 'c')]);
        by_key(&mut v, |&(k, _)| descending(k, 8));
        assert_eq!(v, [(3, 'a'), (3, 'c'), (2, 'd'), (1, 'b'), (1, 'e')]);
        assert_eq!(field(1 << 40, 20), (1 << 20) - 1);
        let mut empty: Vec<u8> = Vec::new();
        by_key(&mut empty, |&b| u64::from(b));
    }
}
