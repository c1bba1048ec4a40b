//! Near-copies: comments whose word 3-shingle sets have a Jaccard similarity
//! of at least [`MIN_JACCARD`]. Candidates come from MinHash with banded
//! locality-sensitive hashing ([`BANDS`] bands of [`ROWS`] rows: a pair at
//! Jaccard 0.5 becomes a candidate with probability 1 − (1 − 0.5²)¹² ≈ 0.97),
//! and every candidate is verified with the exact Jaccard of the two sets.
//!
//! In a bucket, each member is verified against the bucket's first member
//! only, and not at all once both are in one group: a section of 500 copies
//! costs 500 checks per band, not 125,000.
//!
//! Short comments ("Agreed.", "Thanks for this") are not compared: identical
//! short replies are ordinary.

use super::hashing::{mix, FastMap};
use super::tokens::Word;
use super::union_find::UnionFind;

pub const SHINGLE_WORDS: usize = 3;
/// Comments with fewer words are never near-copies.
pub const MIN_WORDS: usize = 8;
pub const MIN_JACCARD: f32 = 0.5;
const BANDS: usize = 12;
const ROWS: usize = 2;
const HASHES: usize = BANDS * ROWS;

/// A verified pair of near-copies.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Link {
    pub a: u32,
    pub b: u32,
    pub jaccard: f32,
}

/// Sorted, de-duplicated word 3-shingle hashes of one comment (empty when
/// the comment is too short to compare).
pub fn shingles(words: &[Word]) -> Vec<u64> {
    if words.len() < MIN_WORDS {
        return Vec::new();
    }
    let mut out: Vec<u64> = words
        .windows(SHINGLE_WORDS)
        .map(|w| mix(w[0].key ^ w[1].key.rotate_left(21) ^ w[2].key.rotate_left(42)))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

pub fn jaccard(a: &[u64], b: &[u64]) -> f32 {
    if a.is_empty() && b.is_empty() {
        return 0.0;
    }
    let (mut i, mut j, mut common) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    common as f32 / (a.len() + b.len() - common) as f32
}

/// Unions near-copies in `groups` and returns the verified links.
pub fn link_near_copies(sets: &[Vec<u64>], groups: &mut UnionFind) -> Vec<Link> {
    let signatures: Vec<Option<[u64; HASHES]>> = sets.iter().map(|s| signature(s)).collect();
    let mut links = Vec::new();
    let mut buckets: FastMap<u32> = FastMap::default();
    for band in 0..BANDS {
        buckets.clear();
        for (i, sig) in signatures.iter().enumerate() {
            let Some(sig) = sig else { continue };
            let rows = &sig[band * ROWS..(band + 1) * ROWS];
            let key = mix(rows.iter().fold(band as u64 + 1, |h, r| mix(h ^ r)));
            let first = *buckets.entry(key).or_insert(i as u32);
            let i = i as u32;
            if first == i || groups.find(first) == groups.find(i) {
                continue;
            }
            let similarity = jaccard(&sets[first as usize], &sets[i as usize]);
            if similarity >= MIN_JACCARD {
                groups.union(first, i);
                links.push(Link {
                    a: first,
                    b: i,
                    jaccard: similarity,
                });
            }
        }
    }
    links
}

/// MinHash signature: for each of [`HASHES`] hash functions (the shingle
/// hash re-mixed with a per-function odd multiplier), the minimum over the set.
fn signature(set: &[u64]) -> Option<[u64; HASHES]> {
    if set.is_empty() {
        return None;
    }
    let mut sig = [u64::MAX; HASHES];
    for &s in set {
        for (k, slot) in sig.iter_mut().enumerate() {
            let h = (s ^ SALTS[k]).wrapping_mul(0x9e37_79b9_7f4a_7c15 | 1);
            let h = h ^ (h >> 29);
            if h < *slot {
                *slot = h;
            }
        }
    }
    Some(sig)
}

const SALTS: [u64; HASHES] = {
    let mut salts = [0u64; HASHES];
    let mut k = 0;
    let mut x: u64 = 0x853c_49e6_748f_ea9b;
    while k < HASHES {
        // splitmix64 steps, at compile time.
        x = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = x;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        salts[k] = z ^ (z >> 31);
        k += 1;
    }
    salts
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::comments::tokens::words;

    fn sets(texts: &[&str]) -> Vec<Vec<u64>> {
        texts.iter().map(|t| shingles(&words(t, &[]))).collect()
    }

    #[test]
    fn links_near_copies_and_not_different_comments() {
        let s = sets(&[
            "As a lifelong resident I can say this plan is exactly what our city needs right now.",
            "The bus lanes on Fifth will slow deliveries and nobody asked the shop owners first.",
            "As a lifelong resident I can honestly say this plan is exactly what our city needs now.",
            "Agreed.",
            "Agreed.",
        ]);
        let mut groups = UnionFind::new(s.len());
        let links = link_near_copies(&s, &mut groups);
        assert_eq!(groups.groups(), vec![vec![0, 2]]);
        assert_eq!(links.len(), 1);
        assert!(links[0].jaccard >= MIN_JACCARD && links[0].jaccard < 1.0);
    }

    #[test]
    fn jaccard_of_sets() {
        assert_eq!(jaccard(&[1, 2, 3], &[2, 3, 4]), 0.5);
        assert_eq!(jaccard(&[], &[]), 0.0);
        assert_eq!(jaccard(&[1], &[1]), 1.0);
    }

    #[test]
    fn many_copies_form_one_group() {
        let text = "Vote no on measure twelve, it raises taxes on every family in this county";
        let s: Vec<Vec<u64>> = (0..500).map(|_| shingles(&words(text, &[]))).collect();
        let mut groups = UnionFind::new(s.len());
        link_near_copies(&s, &mut groups);
        let g = groups.groups();
        assert_eq!(g.len(), 1);
        assert_eq!(g[0].len(), 500);
    }
}
