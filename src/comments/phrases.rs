//! Stock phrases: word sequences that several different commenters use and
//! that say something beyond grammar. What separates "time will tell" from
//! "of the":
//! - a phrase needs a content word that is not a proper name (names and
//!   numbers are the thread's topic: "Trump 2.0");
//! - a two-word phrase needs two content words ("raises questions", not "a bit");
//! - phrases the article itself uses are topic, not stock ("foreign policy");
//! - function words at the edges are trimmed ("time will tell if" →
//!   "time will tell"; "but he'll have to prove" → "he'll have to prove").
//!
//! A phrase's weight is its number of non-name content words, at most 3:
//! "he'll need to" weighs 1, "time will tell" 2, "could provide a fresh
//! perspective" 3.

use super::hashing::{sequence, FastMap, FastSet};
use super::order::{self, descending, field};
use super::sequences::{mine, Limits};
use super::tokens::Word;
use super::topical::in_article;
use super::union_find::UnionFind;
use crate::spans::ByteSpan;

pub const MIN_WORDS: usize = 2;
pub const MAX_WORDS: usize = 6;
pub const MAX_WEIGHT: u32 = 3;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Occurrence {
    pub doc: u32,
    /// Index of the first word in the comment's words, and the word count.
    pub first_word: u32,
    pub words: u32,
    /// Byte span in the comment's text.
    pub span: ByteSpan,
}

#[derive(Debug, Clone, PartialEq)]
pub struct StockPhrase {
    /// The first occurrence, as written.
    pub text: String,
    pub weight: u32,
    /// It names someone or something ("Kushner's return to"): topic more
    /// than template, so a poorer example in the finding.
    pub names: bool,
    /// Number of distinct comments using it.
    pub docs: u32,
    /// Number of distinct commenters using it (comments without a known
    /// author count as commenters of their own).
    pub owners: u32,
    pub occurrences: Vec<Occurrence>,
}

pub struct Inputs<'a> {
    pub texts: &'a [&'a str],
    pub words: &'a [Vec<Word>],
    pub names: &'a FastSet,
    pub article: &'a [Word],
    /// Who wrote each comment (see [`mine`]).
    pub owners: &'a [u32],
    pub min_docs: u32,
}

/// The section's stock phrases, most widespread first.
pub fn stock_phrases(inputs: &Inputs<'_>) -> Vec<StockPhrase> {
    let patterns = mine(
        inputs.words,
        inputs.owners,
        Limits {
            min_len: MIN_WORDS,
            max_len: MAX_WORDS,
            min_docs: inputs.min_docs,
        },
    );
    // Trim and filter each pattern, merging patterns that trim to one phrase.
    let mut merged: Vec<(u64, StockPhrase)> = Vec::new();
    let mut by_hash: FastMap<usize> = FastMap::default();
    for pattern in &patterns {
        let Some(first) = pattern.occurrences.first() else {
            continue;
        };
        let Some(words) = inputs.words.get(first.doc as usize) else {
            continue;
        };
        let start = first.start as usize;
        let Some(slice) = words.get(start..start + pattern.len as usize) else {
            continue;
        };
        let Some((lead, keep)) = trimmed(slice) else {
            continue;
        };
        let kept = &slice[lead..lead + keep];
        let weight = weight(kept, inputs.names);
        if weight == 0 || (keep == 2 && !kept.iter().all(|w| w.content)) {
            continue;
        }
        let hash = sequence(kept.iter().map(|w| w.key));
        let at = *by_hash.entry(hash).or_insert_with(|| {
            let text = inputs.texts.get(first.doc as usize).copied().unwrap_or("");
            let span = ByteSpan::new(kept[0].span.start, kept[keep - 1].span.end);
            merged.push((
                hash,
                StockPhrase {
                    text: text.get(span.start..span.end).unwrap_or("").to_string(),
                    weight,
                    names: has_name(kept, inputs.names),
                    docs: 0,
                    owners: 0,
                    occurrences: Vec::new(),
                },
            ));
            merged.len() - 1
        });
        for o in &pattern.occurrences {
            let first_word = o.start as usize + lead;
            let Some(ws) = inputs.words.get(o.doc as usize) else {
                continue;
            };
            let Some(run) = ws.get(first_word..first_word + keep) else {
                continue;
            };
            merged[at].1.occurrences.push(Occurrence {
                doc: o.doc,
                first_word: first_word as u32,
                words: keep as u32,
                span: ByteSpan::new(run[0].span.start, run[keep - 1].span.end),
            });
        }
    }
    let wanted: FastSet = merged.iter().map(|(h, _)| *h).collect();
    let topical = in_article(inputs.article, &wanted, MAX_WORDS);
    let phrases: Vec<StockPhrase> = merged
        .into_iter()
        .filter(|(h, _)| !topical.contains(h))
        .filter_map(|(_, mut p)| {
            order::by_key(&mut p.occurrences, occurrence_key);
            p.occurrences.dedup_by_key(|o| (o.doc, o.first_word));
            p.docs = distinct_docs(&p.occurrences);
            p.owners = distinct_owners(&p.occurrences, inputs.owners);
            (p.owners >= inputs.min_docs).then_some(p)
        })
        .collect();
    let mut phrases = join_overlapping(phrases, inputs);
    order::by_key(&mut phrases, |p| {
        let (doc, word) = first_place(p);
        descending(u64::from(p.owners), 16) << 48
            | descending(u64::from(p.weight), 4) << 44
            | field(u64::from(doc), 20) << 24
            | field(u64::from(word), 24)
    });
    phrases
}

/// Joins phrases used by the same comments that overlap (or abut) in every
/// one of them: a shared run longer than [`MAX_WORDS`] comes out of the
/// miner as several overlapping windows, and is one phrase to a reader.
/// Candidates come from a sweep over their positions in the first comment,
/// so `k` phrases with one comment list cost `O(k log k)` checks, not `k²`.
fn join_overlapping(phrases: Vec<StockPhrase>, inputs: &Inputs<'_>) -> Vec<StockPhrase> {
    let doc_list = |p: &StockPhrase| {
        let mut d: Vec<u32> = p.occurrences.iter().map(|o| o.doc).collect();
        d.dedup();
        d
    };
    // Grouped by a hash of the comment list; touch_in_every_comment checks
    // that the lists really are equal.
    let mut by_docs: FastMap<(Vec<u32>, Vec<usize>)> = FastMap::default();
    for (i, p) in phrases.iter().enumerate() {
        let docs = doc_list(p);
        let entry = by_docs
            .entry(sequence(docs.iter().map(|&d| u64::from(d) + 1)))
            .or_default();
        entry.0 = docs;
        entry.1.push(i);
    }
    let mut groups = UnionFind::new(phrases.len());
    for (docs, members) in by_docs.values() {
        let Some(&first) = docs.first() else {
            continue;
        };
        if members.len() < 2 {
            continue;
        }
        // (start, end) of each member's first occurrence in the first comment.
        let mut spans: Vec<(u32, u32, usize)> = members
            .iter()
            .filter_map(|&m| {
                word_ranges(&phrases[m], first)
                    .next()
                    .map(|(s, e)| (s, e, m))
            })
            .collect();
        order::by_key(&mut spans, |&(start, end, _)| {
            u64::from(start) << 32 | u64::from(end)
        });
        let mut run: Option<(u32, usize)> = None; // (end so far, previous member)
        for &(start, end, m) in &spans {
            if let Some((run_end, prev)) = run {
                if start <= run_end && touch_in_every_comment(&phrases[prev], &phrases[m]) {
                    groups.union(prev as u32, m as u32);
                    run = Some((run_end.max(end), m));
                    continue;
                }
            }
            run = Some((end, m));
        }
    }
    let mut joined: Vec<Option<StockPhrase>> = phrases.into_iter().map(Some).collect();
    for group in groups.groups() {
        let mut occurrences: Vec<Occurrence> = group
            .iter()
            .filter_map(|&i| joined[i as usize].take())
            .flat_map(|p| p.occurrences)
            .collect();
        order::by_key(&mut occurrences, occurrence_key);
        let mut merged: Vec<Occurrence> = Vec::with_capacity(occurrences.len());
        for o in occurrences {
            match merged.last_mut() {
                Some(last) if last.doc == o.doc && o.first_word <= last.first_word + last.words => {
                    let end = (last.first_word + last.words).max(o.first_word + o.words);
                    last.words = end - last.first_word;
                    last.span.end = last.span.end.max(o.span.end);
                }
                _ => merged.push(o),
            }
        }
        let Some(first) = merged.first().copied() else {
            continue;
        };
        let words = inputs
            .words
            .get(first.doc as usize)
            .and_then(|ws| {
                ws.get(first.first_word as usize..(first.first_word + first.words) as usize)
            })
            .unwrap_or(&[]);
        let text = inputs.texts.get(first.doc as usize).copied().unwrap_or("");
        joined[group[0] as usize] = Some(StockPhrase {
            text: text
                .get(first.span.start..first.span.end)
                .unwrap_or("")
                .to_string(),
            weight: weight(words, inputs.names),
            names: has_name(words, inputs.names),
            docs: distinct_docs(&merged),
            owners: distinct_owners(&merged, inputs.owners),
            occurrences: merged,
        });
    }
    joined.into_iter().flatten().collect()
}

/// True when, in every comment both use (they use the same ones), an
/// occurrence of `a` overlaps or abuts one of `b`. Occurrences are sorted by
/// comment, so both lists are walked once.
fn touch_in_every_comment(a: &StockPhrase, b: &StockPhrase) -> bool {
    let (mut i, mut j) = (0, 0);
    let (xs, ys) = (&a.occurrences, &b.occurrences);
    while i < xs.len() && j < ys.len() {
        let doc = xs[i].doc;
        let i_end = i + xs[i..].iter().take_while(|o| o.doc == doc).count();
        let j_end = j + ys[j..].iter().take_while(|o| o.doc == doc).count();
        let touch = xs[i..i_end].iter().any(|x| {
            ys[j..j_end].iter().any(|y| {
                x.first_word <= y.first_word + y.words && y.first_word <= x.first_word + x.words
            })
        });
        if !touch {
            return false;
        }
        i = i_end;
        j = j_end;
    }
    i == xs.len() && j == ys.len()
}

/// Word ranges of `p` in comment `doc` (occurrences are sorted by comment).
fn word_ranges(p: &StockPhrase, doc: u32) -> impl Iterator<Item = (u32, u32)> + '_ {
    let from = p.occurrences.partition_point(|o| o.doc < doc);
    p.occurrences[from..]
        .iter()
        .take_while(move |o| o.doc == doc)
        .map(|o| (o.first_word, o.first_word + o.words))
}

/// (leading words dropped, words kept), or `None` if fewer than two remain.
fn trimmed(words: &[Word]) -> Option<(usize, usize)> {
    let lead = words.iter().take_while(|w| w.leading_edge).count();
    let rest = &words[lead..];
    let tail = rest.iter().rev().take_while(|w| w.trailing_edge).count();
    let keep = rest.len() - tail;
    (keep >= MIN_WORDS).then_some((lead, keep))
}

fn weight(words: &[Word], names: &FastSet) -> u32 {
    let content = words
        .iter()
        .filter(|w| w.content && !names.contains(&w.stem))
        .count() as u32;
    content.min(MAX_WEIGHT)
}

fn occurrence_key(o: &Occurrence) -> u64 {
    u64::from(o.doc) << 32 | u64::from(o.first_word)
}

/// Distinct owners of the comments in `occurrences` (owner numbers are
/// below twice the number of comments; see `owners` in the stage).
pub fn distinct_owners(occurrences: &[Occurrence], owners: &[u32]) -> u32 {
    let mut seen = vec![false; owners.len() * 2 + 1];
    let mut count = 0;
    for o in occurrences {
        let owner = owners.get(o.doc as usize).copied().unwrap_or(o.doc) as usize;
        match seen.get_mut(owner) {
            Some(flag) if !*flag => {
                *flag = true;
                count += 1;
            }
            Some(_) => {}
            None => count += 1,
        }
    }
    count
}

fn has_name(words: &[Word], names: &FastSet) -> bool {
    words.iter().any(|w| w.content && names.contains(&w.stem))
}

fn distinct_docs(occurrences: &[Occurrence]) -> u32 {
    let mut n = 0;
    let mut last = None;
    for o in occurrences {
        if last != Some(o.doc) {
            n += 1;
            last = Some(o.doc);
        }
    }
    n
}

fn first_place(p: &StockPhrase) -> (u32, u32) {
    p.occurrences
        .first()
        .map_or((u32::MAX, 0), |o| (o.doc, o.first_word))
}
