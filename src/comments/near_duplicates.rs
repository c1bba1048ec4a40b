//! Near-copies: comments whose word 3-shingle sets have a Jaccard similarity
//! of at least [`MIN_JACCARD`]. Candidates come from (one-permutation) MinHash with banded
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

/// Word 3-shingle hashes of one comment, unsorted (empty when the comment
/// is too short to compare). [`link_near_copies`] sorts the ones it verifies.
pub fn shingles(words: &[Word]) -> Vec<u64> {
    if words.len() < MIN_WORDS {
        return Vec::new();
    }
    words
        .windows(SHINGLE_WORDS)
        .map(|w| mix(w[0].key ^ w[1].key.rotate_left(21) ^ w[2].key.rotate_left(42)))
        .collect()
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

/// Unions near-copies in `groups` and returns the verified links. Each set
/// that takes part in a verification is sorted and de-duplicated in place
/// (so every member of a near-copy group is, on return); most never are.
/// Comments by one owner are never linked: posting twice is not coordination.
pub fn link_near_copies(
    sets: &mut [Vec<u64>],
    owners: &[u32],
    groups: &mut UnionFind,
) -> Vec<Link> {
    let signatures: Vec<Option<[u64; HASHES]>> = sets.iter().map(|s| signature(s)).collect();
    let mut sorted = vec![false; sets.len()];
    let mut prepare = |i: usize, sets: &mut [Vec<u64>]| {
        if !sorted[i] {
            sets[i].sort_unstable();
            sets[i].dedup();
            sorted[i] = true;
        }
    };
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
            if first == i
                || groups.find(first) == groups.find(i)
                || owners.get(first as usize) == owners.get(i as usize)
            {
                continue;
            }
            prepare(first as usize, sets);
            prepare(i as usize, sets);
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

/// One-permutation MinHash with densification (Shrivastava & Li, 2014):
/// each shingle hash goes to one of [`HASHES`] bins by its high bits and
/// competes there on its low bits; an empty bin borrows the value of the next
/// non-empty bin to its right, offset by the distance, so that two sets agree
/// on a bin with probability close to their Jaccard similarity. One hash per
/// shingle instead of [`HASHES`].
fn signature(set: &[u64]) -> Option<[u64; HASHES]> {
    if set.is_empty() {
        return None;
    }
    let mut sig = [u64::MAX; HASHES];
    for &s in set {
        let h = mix(s ^ 0x5851_f42d_4c95_7f2d);
        let bin = (((h >> 32) * HASHES as u64) >> 32) as usize;
        let value = h & 0xffff_ffff;
        if let Some(slot) = sig.get_mut(bin) {
            *slot = (*slot).min(value);
        }
    }
    let filled = sig;
    for (j, slot) in sig.iter_mut().enumerate() {
        if *slot != u64::MAX {
            continue;
        }
        for distance in 1..HASHES {
            let donor = filled[(j + distance) % HASHES];
            if donor != u64::MAX {
                *slot = donor + ((distance as u64) << 32);
                break;
            }
        }
    }
    Some(sig)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::comments::tokens::words;

    fn sets(texts: &[&str]) -> Vec<Vec<u64>> {
        texts
            .iter()
            .map(|t| {
                let mut s = shingles(&words(t, &[]));
                s.sort_unstable();
                s.dedup();
                s
            })
            .collect()
    }

    #[test]
    fn links_near_copies_and_not_different_comments() {
        let mut s = sets(&[
            "As a lifelong resident I can say this plan is exactly what our city needs right now.",
            "The bus lanes on Fifth will slow deliveries and nobody asked the shop owners first.",
            "As a lifelong resident I can honestly say this plan is exactly what our city needs now.",
            "Agreed.",
            "Agreed.",
        ]);
        let mut groups = UnionFind::new(s.len());
        let links = link_near_copies(&mut s, &[0, 1, 2, 3, 4], &mut groups);
        assert_eq!(groups.groups(), vec![vec![0, 2]]);
        assert_eq!(links.len(), 1);
        assert!(links[0].jaccard >= MIN_JACCARD && links[0].jaccard < 1.0);
    }

    #[test]
    fn pairs_well_above_the_threshold_are_found() {
        // 200 pairs of 30-word texts, one or two words changed in the copy.
        let vocabulary: Vec<String> = (0..500).map(|i| format!("w{i}")).collect();
        let mut state = 12345u64;
        let mut next = |n: usize| {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            ((state >> 33) % n as u64) as usize
        };
        let (mut eligible, mut found) = (0, 0);
        for _ in 0..200 {
            let a: Vec<&str> = (0..30).map(|_| vocabulary[next(500)].as_str()).collect();
            let mut b = a.clone();
            for _ in 0..1 + next(2) {
                b[next(30)] = "changed";
            }
            let mut s = sets(&[&a.join(" "), &b.join(" ")]);
            if jaccard(&s[0], &s[1]) < 0.65 {
                continue;
            }
            eligible += 1;
            let mut groups = UnionFind::new(2);
            if !link_near_copies(&mut s, &[0, 1, 2, 3, 4], &mut groups).is_empty() {
                found += 1;
            }
        }
        assert!(eligible > 100, "{eligible}");
        assert!(found * 100 >= eligible * 97, "found {found} of {eligible}");
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
        let mut s: Vec<Vec<u64>> = (0..500).map(|_| shingles(&words(text, &[]))).collect();
        let mut groups = UnionFind::new(s.len());
        link_near_copies(&mut s, &[0, 1, 2, 3, 4], &mut groups);
        let g = groups.groups();
        assert_eq!(g.len(), 1);
        assert_eq!(g[0].len(), 500);
    }
}
