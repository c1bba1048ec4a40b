//! Finds the unit sequences (word n-grams, skeleton n-grams) that recur in
//! several documents, level by level as in Apriori: an n-gram can only be
//! frequent where both of its (n−1)-gram halves are, so ordinary text, where
//! almost every bigram is unique, costs little beyond one pass.
//!
//! Only *closed* patterns are returned: a pattern is dropped when a pattern
//! one unit longer that contains it occurs in exactly as many documents
//! ("time will tell" gives way to "time will tell if" when every comment
//! that has one has the other).

use super::hashing::{extend, FastMap, SEQUENCE_START};

/// One element of a document's sequence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unit {
    pub key: u64,
    /// No pattern spans the boundary before this unit.
    pub break_before: bool,
}

/// Anything [`mine`] can read as a unit, so callers pass their own
/// sequences (comment words) without copying them into [`Unit`]s.
pub trait AsUnit {
    fn key(&self) -> u64;
    fn break_before(&self) -> bool;
}

impl AsUnit for Unit {
    fn key(&self) -> u64 {
        self.key
    }
    fn break_before(&self) -> bool {
        self.break_before
    }
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
    /// Number of distinct owners of the documents it occurs in.
    pub docs: u32,
    /// Every occurrence, grouped by owner.
    pub occurrences: Vec<Occurrence>,
}

#[derive(Debug, Clone, Copy)]
pub struct Limits {
    pub min_len: usize,
    pub max_len: usize,
    /// A pattern must occur in at least this many documents.
    pub min_docs: u32,
}

/// One n-gram occurrence at some level.
#[derive(Clone, Copy)]
struct Entry {
    /// Flat position of its first unit.
    pos: u32,
    /// Dense number of the distinct n-gram.
    slot: u32,
    /// For levels after the first: index in the previous level's frequent
    /// list of its prefix (its suffix is the next one).
    prefix: u32,
    hash: u64,
}

/// The n-grams of one length that can be frequent, in position order.
struct Level {
    /// The entries whose n-gram is frequent.
    frequent: Vec<Entry>,
    /// Documents per slot.
    docs: Vec<u32>,
}

/// The closed patterns of `docs` within `limits`. `owners[d]` says who
/// wrote document `d`: documents of one owner count once, so a commenter
/// repeating themselves is not several commenters.
pub fn mine<U: AsUnit>(docs: &[Vec<U>], owners: &[u32], limits: Limits) -> Vec<Pattern> {
    let min_len = limits.min_len.max(1);
    let max_len = limits.max_len.max(min_len);
    let min_docs = limits.min_docs.max(2);
    // Flatten, one owner's documents together (so counting distinct owners
    // is a comparison with the last one), remembering each position's
    // document, owner and segment end.
    let mut order: Vec<usize> = (0..docs.len()).collect();
    super::order::by_key(&mut order, |&d| {
        u64::from(owners.get(d).copied().unwrap_or(d as u32))
    });
    let total: usize = docs.iter().map(Vec::len).sum();
    let mut keys = Vec::with_capacity(total);
    let mut doc_of = Vec::with_capacity(total);
    let mut owner_of = Vec::with_capacity(total);
    let mut segment_end = vec![0u32; total];
    let mut doc_start = vec![0u32; docs.len()];
    for &d in &order {
        let units = &docs[d];
        let base = keys.len();
        doc_start[d] = base as u32;
        keys.extend(units.iter().map(AsUnit::key));
        doc_of.extend(std::iter::repeat_n(d as u32, units.len()));
        owner_of.extend(std::iter::repeat_n(
            owners.get(d).copied().unwrap_or(d as u32),
            units.len(),
        ));
        let mut end = base + units.len();
        for (k, unit) in units.iter().enumerate().rev() {
            segment_end[base + k] = end as u32;
            if unit.break_before() {
                end = base + k;
            }
        }
    }
    let mut levels: Vec<Level> = Vec::new();
    let mut slots: FastMap<u32> = FastMap::default();
    // At most one candidate per position at every level.
    let mut candidates: Vec<Entry> = Vec::with_capacity(total);
    for len in min_len..=max_len {
        candidates.clear();
        match levels.last() {
            None => {
                for p in 0..total {
                    if p + len <= segment_end[p] as usize {
                        let hash = keys[p..p + len]
                            .iter()
                            .copied()
                            .fold(SEQUENCE_START, extend);
                        candidates.push(Entry {
                            pos: p as u32,
                            slot: 0,
                            prefix: 0,
                            hash,
                        });
                    }
                }
            }
            Some(prev) => {
                // Both (len−1)-gram halves frequent: consecutive frequent entries.
                for (i, pair) in prev.frequent.windows(2).enumerate() {
                    let (a, b) = (pair[0], pair[1]);
                    let p = a.pos as usize;
                    if b.pos == a.pos + 1 && p + len <= segment_end[p] as usize {
                        let hash = extend(a.hash, keys[p + len - 1]);
                        candidates.push(Entry {
                            pos: a.pos,
                            slot: 0,
                            prefix: i as u32,
                            hash,
                        });
                    }
                }
            }
        }
        if candidates.is_empty() {
            break;
        }
        slots.clear();
        slots.reserve(candidates.len());
        let mut docs_per_slot: Vec<u32> = Vec::with_capacity(candidates.len());
        let mut last_doc: Vec<u32> = Vec::with_capacity(candidates.len());
        for e in candidates.iter_mut() {
            let slot = *slots.entry(e.hash).or_insert_with(|| {
                docs_per_slot.push(0);
                last_doc.push(u32::MAX);
                (docs_per_slot.len() - 1) as u32
            });
            e.slot = slot;
            let owner = owner_of[e.pos as usize];
            let s = slot as usize;
            if last_doc[s] != owner {
                last_doc[s] = owner;
                docs_per_slot[s] += 1;
            }
        }
        let frequent: Vec<Entry> = candidates
            .iter()
            .copied()
            .filter(|e| docs_per_slot[e.slot as usize] >= min_docs)
            .collect();
        let found = !frequent.is_empty();
        levels.push(Level {
            frequent,
            docs: docs_per_slot,
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
    doc_start: &[u32],
) -> Vec<Pattern> {
    const NONE: u32 = u32::MAX;
    let mut patterns: Vec<Pattern> = Vec::new();
    for (l, level) in levels.iter().enumerate() {
        // Slots at this level subsumed by an equally frequent longer pattern.
        let mut subsumed = vec![false; level.docs.len()];
        if let Some(longer) = levels.get(l + 1) {
            for e in &longer.frequent {
                let n = longer.docs[e.slot as usize];
                for half in [e.prefix as usize, e.prefix as usize + 1] {
                    if let Some(h) = level.frequent.get(half) {
                        if level.docs[h.slot as usize] == n {
                            subsumed[h.slot as usize] = true;
                        }
                    }
                }
            }
        }
        let len = (min_len + l) as u32;
        let mut pattern_of = vec![NONE; level.docs.len()];
        for e in &level.frequent {
            let s = e.slot as usize;
            if subsumed[s] {
                continue;
            }
            if pattern_of[s] == NONE {
                pattern_of[s] = patterns.len() as u32;
                patterns.push(Pattern {
                    hash: e.hash,
                    len,
                    docs: level.docs[s],
                    occurrences: Vec::new(),
                });
            }
            let doc = doc_of[e.pos as usize];
            let base = doc_start.get(doc as usize).copied().unwrap_or(0);
            patterns[pattern_of[s] as usize]
                .occurrences
                .push(Occurrence {
                    doc,
                    start: e.pos - base,
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
        let owners: Vec<u32> = (0..units.len() as u32).collect();
        let mut out: Vec<(String, u32)> = mine(&units, &owners, limits)
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
    fn one_owner_repeating_themselves_counts_once() {
        let docs: Vec<Vec<Unit>> = [
            "time will tell",
            "x time will tell",
            "y time will tell",
            "time will tell z",
        ]
        .iter()
        .map(|d| doc(d))
        .collect();
        let found = |owners: &[u32]| mine(&docs, owners, LIMITS).iter().map(|p| p.docs).max();
        assert_eq!(found(&[0, 1, 2, 3]), Some(4));
        assert_eq!(found(&[7, 3, 7, 3]), Some(2));
        assert_eq!(found(&[5, 5, 5, 5]), None);
    }

    #[test]
    fn empty_and_tiny_inputs() {
        assert!(texts(&[], LIMITS).is_empty());
        assert!(texts(&["a", "a"], LIMITS).is_empty());
        assert_eq!(texts(&["a b", "a b"], LIMITS), [("a b".to_string(), 2)]);
    }
}
