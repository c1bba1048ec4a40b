//! Finds the unit sequences (word n-grams, skeleton n-grams) that recur in
//! several documents, level by level as in Apriori: an n-gram can only be
//! frequent where both of its (n−1)-gram halves are, so ordinary text, where
//! almost every bigram is unique, costs little beyond one pass.
//!
//! Only *closed* patterns are returned: a pattern is dropped when a pattern
//! one unit longer that contains it occurs in exactly as many documents
//! ("time will tell" gives way to "time will tell if" when every comment
//! that has one has the other).

use super::hashing::{extend, FastMap, FastSet, SEQUENCE_START};

/// One element of a document's sequence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unit {
    pub key: u64,
    /// No pattern spans the boundary before this unit.
    pub break_before: bool,
}

/// Where a pattern occurs: document index and index of its first unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Occurrence {
    pub doc: u32,
    pub start: u32,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pattern {
    pub hash: u64,
    /// Number of units.
    pub len: u32,
    /// Number of distinct documents it occurs in.
    pub docs: u32,
    /// Every occurrence, in document order.
    pub occurrences: Vec<Occurrence>,
}

#[derive(Debug, Clone, Copy)]
pub struct Limits {
    pub min_len: usize,
    pub max_len: usize,
    /// A pattern must occur in at least this many documents.
    pub min_docs: u32,
}

struct Level {
    /// Hash of the n-gram starting at each flat position, or 0 where there is none.
    hashes: Vec<u64>,
    frequent: Vec<bool>,
    /// Document count per hash.
    docs: FastMap<u32>,
}

/// The closed patterns of `docs` within `limits`.
pub fn mine(docs: &[Vec<Unit>], limits: Limits) -> Vec<Pattern> {
    let min_len = limits.min_len.max(1);
    let max_len = limits.max_len.max(min_len);
    let min_docs = limits.min_docs.max(2);
    // Flatten, remembering each position's document and segment end.
    let total: usize = docs.iter().map(Vec::len).sum();
    let mut keys = Vec::with_capacity(total);
    let mut doc_of = Vec::with_capacity(total);
    let mut segment_end = vec![0usize; total];
    let mut doc_start = Vec::with_capacity(docs.len());
    for (d, units) in docs.iter().enumerate() {
        let base = keys.len();
        doc_start.push(base);
        keys.extend(units.iter().map(|u| u.key));
        doc_of.extend(std::iter::repeat_n(d as u32, units.len()));
        let mut end = base + units.len();
        for (k, unit) in units.iter().enumerate().rev() {
            segment_end[base + k] = end;
            if unit.break_before {
                end = base + k;
            }
        }
    }
    let mut levels: Vec<Level> = Vec::new();
    for len in min_len..=max_len {
        let mut hashes = vec![0u64; total];
        let mut docs_of_hash: FastMap<(u32, u32)> = FastMap::default();
        let mut any = false;
        for p in 0..total {
            if p + len > segment_end[p] {
                continue;
            }
            let hash = match levels.last() {
                None => keys[p..p + len]
                    .iter()
                    .copied()
                    .fold(SEQUENCE_START, extend),
                Some(prev) => {
                    if !(prev.frequent[p] && prev.frequent[p + 1]) {
                        continue;
                    }
                    extend(prev.hashes[p], keys[p + len - 1])
                }
            };
            hashes[p] = hash;
            any = true;
            let entry = docs_of_hash.entry(hash).or_insert((0, u32::MAX));
            if entry.1 != doc_of[p] {
                entry.0 += 1;
                entry.1 = doc_of[p];
            }
        }
        if !any {
            break;
        }
        let docs: FastMap<u32> = docs_of_hash.into_iter().map(|(h, (n, _))| (h, n)).collect();
        let frequent: Vec<bool> = hashes
            .iter()
            .map(|h| *h != 0 && docs.get(h).is_some_and(|&n| n >= min_docs))
            .collect();
        let found = frequent.iter().any(|&f| f);
        levels.push(Level {
            hashes,
            frequent,
            docs,
        });
        if !found {
            break;
        }
    }
    collect_closed(&levels, min_len, &doc_of, &doc_start)
}

fn collect_closed(
    levels: &[Level],
    min_len: usize,
    doc_of: &[u32],
    doc_start: &[usize],
) -> Vec<Pattern> {
    let mut patterns: Vec<Pattern> = Vec::new();
    let mut index: FastMap<usize> = FastMap::default();
    for (l, level) in levels.iter().enumerate() {
        // Hashes at this level subsumed by an equally frequent longer pattern.
        let mut subsumed = FastSet::default();
        if let Some(longer) = levels.get(l + 1) {
            for (p, &f) in longer.frequent.iter().enumerate() {
                if !f {
                    continue;
                }
                let n = longer.docs.get(&longer.hashes[p]).copied().unwrap_or(0);
                for half in [level.hashes[p], level.hashes[p + 1]] {
                    if level.docs.get(&half) == Some(&n) {
                        subsumed.insert(half);
                    }
                }
            }
        }
        let len = (min_len + l) as u32;
        for (p, &f) in level.frequent.iter().enumerate() {
            let hash = level.hashes[p];
            if !f || subsumed.contains(&hash) {
                continue;
            }
            let at = *index.entry(hash).or_insert_with(|| {
                patterns.push(Pattern {
                    hash,
                    len,
                    docs: level.docs.get(&hash).copied().unwrap_or(0),
                    occurrences: Vec::new(),
                });
                patterns.len() - 1
            });
            let doc = doc_of[p];
            let base = doc_start.get(doc as usize).copied().unwrap_or(0);
            patterns[at].occurrences.push(Occurrence {
                doc,
                start: (p - base) as u32,
            });
        }
    }
    patterns
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::comments::hashing::hash_bytes;

    fn doc(text: &str) -> Vec<Unit> {
        let mut out = Vec::new();
        let mut brk = true;
        for w in text.split(' ') {
            if w == "|" {
                brk = true;
                continue;
            }
            out.push(Unit {
                key: hash_bytes(w.as_bytes()),
                break_before: brk,
            });
            brk = false;
        }
        out
    }

    fn texts(docs: &[&str], limits: Limits) -> Vec<(String, u32)> {
        let units: Vec<Vec<Unit>> = docs.iter().map(|d| doc(d)).collect();
        let words: Vec<Vec<&str>> = docs
            .iter()
            .map(|d| d.split(' ').filter(|w| *w != "|").collect())
            .collect();
        let mut out: Vec<(String, u32)> = mine(&units, limits)
            .into_iter()
            .map(|p| {
                let o = p.occurrences[0];
                let ws = &words[o.doc as usize][o.start as usize..(o.start + p.len) as usize];
                (ws.join(" "), p.docs)
            })
            .collect();
        out.sort();
        out
    }

    const LIMITS: Limits = Limits {
        min_len: 2,
        max_len: 6,
        min_docs: 2,
    };

    #[test]
    fn finds_closed_shared_sequences() {
        let found = texts(
            &[
                "well time will tell if he can",
                "time will tell if she wants",
                "nothing in common here",
                "i think time will tell",
            ],
            LIMITS,
        );
        // "time will" and "will tell" are subsumed by "time will tell" (3 docs);
        // "time will tell if" (2 docs) is closed in its own right.
        assert_eq!(
            found,
            [
                ("time will tell".to_string(), 3),
                ("time will tell if".to_string(), 2)
            ]
        );
    }

    #[test]
    fn never_spans_a_break_and_counts_documents_not_occurrences() {
        let found = texts(
            &[
                "time will | tell now",
                "time will tell now time will tell now",
            ],
            LIMITS,
        );
        assert_eq!(
            found,
            [("tell now".to_string(), 2), ("time will".to_string(), 2)]
        );
    }

    #[test]
    fn identical_documents_give_the_longest_patterns_only() {
        let d = "a b c d e f g h";
        let found = texts(&[d, d, d], LIMITS);
        // Windows of the maximum length, each in all three documents.
        assert_eq!(found.len(), 3);
        assert!(found
            .iter()
            .all(|(t, n)| t.split(' ').count() == 6 && *n == 3));
    }

    #[test]
    fn empty_and_tiny_inputs() {
        assert!(texts(&[], LIMITS).is_empty());
        assert!(texts(&["a", "a"], LIMITS).is_empty());
        assert_eq!(texts(&["a b", "a b"], LIMITS), [("a b".to_string(), 2)]);
    }
}
