//! Groups comments that share a template or are near-copies, from the
//! evidence of the other passes.
//!
//! Each comment gets a template score: the weights of the distinct stock
//! phrases it uses (an occurrence nested in a longer one of the same comment
//! adds nothing) plus [`FRAME_WEIGHT`] per distinct skeleton frame. A comment
//! is *templated* when it is a near-copy of another, or when its score
//! reaches [`MIN_SCORE`] from at least [`MIN_FEATURES`] distinct features —
//! one shared idiom is never enough. Templated comments that share a feature
//! (or are near-copies) form one cluster.

use super::near_duplicates::{jaccard, Link};
use super::order::{self, descending, field};
use super::phrases::StockPhrase;
use super::skeleton::Frame;
use super::tokens::Word;
use super::union_find::UnionFind;
use crate::spans::ByteSpan;

pub const FRAME_WEIGHT: u32 = 2;
pub const MIN_SCORE: u32 = 5;
pub const MIN_FEATURES: usize = 2;
/// Share of a comment's words that must sit inside shared phrases or frames:
/// a template makes up much of a comment, while a long ordinary comment
/// shares a few topical phrases by chance.
pub const MIN_COVERAGE: f32 = 0.25;
/// Similarity is averaged over the pairs of at most this many members.
const SIMILARITY_SAMPLE: usize = 16;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClusterKind {
    /// Near-copies of one text (word 3-shingle Jaccard ≥ 0.5).
    NearDuplicate,
    /// Reworded variants sharing stock phrases and sentence frames.
    Template,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Member {
    pub index: u32,
    /// What the member shares with the others, in its own text.
    pub spans: Vec<ByteSpan>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Cluster {
    pub kind: ClusterKind,
    /// Mean pairwise Jaccard: of word 3-shingles for near-copies, of shared
    /// phrases and frames for templates.
    pub similarity: f32,
    pub members: Vec<Member>,
}

/// Per comment: template score, the features it uses, and where.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Evidence {
    pub score: u32,
    /// Share of the comment's words inside its stock phrases.
    pub coverage: f32,
    /// Feature ids: phrases are `0..phrases.len()`, frames follow. Sorted.
    pub features: Vec<u32>,
    pub spans: Vec<ByteSpan>,
}

pub fn evidence(words: &[Vec<Word>], phrases: &[StockPhrase], frames: &[Frame]) -> Vec<Evidence> {
    let n = words.len();
    // (first word, word count, phrase id, span) per comment.
    let mut by_doc: Vec<Vec<(u32, u32, u32, ByteSpan)>> = vec![Vec::new(); n];
    for (id, p) in phrases.iter().enumerate() {
        for o in &p.occurrences {
            if let Some(list) = by_doc.get_mut(o.doc as usize) {
                list.push((o.first_word, o.words, id as u32, o.span));
            }
        }
    }
    let mut out: Vec<Evidence> = vec![Evidence::default(); n];
    let mut total_words = words.iter().map(Vec::len);
    for (ev, list) in out.iter_mut().zip(by_doc.iter_mut()) {
        // Longest first at each start, so nested occurrences are skipped.
        order::by_key(list, |&(first, words, id, _)| {
            field(u64::from(first), 24) << 40
                | descending(u64::from(words), 8) << 32
                | u64::from(id)
        });
        let mut max_end = 0u32;
        let mut covered = 0u32;
        for &(first, words, id, span) in list.iter() {
            if first + words <= max_end {
                continue;
            }
            covered += first + words - first.max(max_end);
            max_end = first + words;
            ev.features.push(id);
            ev.spans.push(span);
        }
        ev.coverage = covered as f32 / total_words.next().unwrap_or(1).max(1) as f32;
        order::by_key(&mut ev.features, |&id| u64::from(id));
        ev.features.dedup();
        ev.score = ev
            .features
            .iter()
            .map(|&id| phrases[id as usize].weight)
            .sum();
    }
    // (span, frame id) per comment.
    let base = phrases.len() as u32;
    let mut frames_by_doc: Vec<Vec<(ByteSpan, u32)>> = vec![Vec::new(); n];
    for (k, f) in frames.iter().enumerate() {
        for o in &f.occurrences {
            if let Some(list) = frames_by_doc.get_mut(o.doc as usize) {
                list.push((o.span, base + k as u32));
            }
        }
    }
    let mut extra_covered: Vec<Vec<ByteSpan>> = vec![Vec::new(); n];
    for (doc, (ev, list)) in out.iter_mut().zip(frames_by_doc.iter_mut()).enumerate() {
        if list.is_empty() {
            continue;
        }
        order::by_key(list, |&(span, _)| span_key(span));
        // Overlapping frames in one comment are one piece of evidence.
        let mut groups = 0u32;
        let mut end = 0usize;
        for &(span, _) in list.iter() {
            if groups == 0 || span.start >= end {
                groups += 1;
            }
            end = end.max(span.end);
            ev.spans.push(span);
        }
        let mut ids: Vec<u32> = list.iter().map(|&(_, id)| id).collect();
        order::by_key(&mut ids, |&id| u64::from(id));
        ids.dedup();
        ev.score += FRAME_WEIGHT * groups.min(ids.len() as u32);
        ev.features.extend(ids);
        extra_covered[doc] = list.iter().map(|&(span, _)| span).collect();
    }
    for (doc, ev) in out.iter_mut().enumerate() {
        ev.spans = merged(std::mem::take(&mut ev.spans));
        // Coverage: words inside any shared phrase or frame.
        if !extra_covered[doc].is_empty() {
            let ws = &words[doc];
            let inside = ws
                .iter()
                .filter(|w| ev.spans.iter().any(|s| s.contains(w.span)))
                .count();
            ev.coverage = inside as f32 / ws.len().max(1) as f32;
        }
    }
    out
}

pub fn is_templated(ev: &Evidence) -> bool {
    ev.score >= MIN_SCORE && ev.features.len() >= MIN_FEATURES && ev.coverage >= MIN_COVERAGE
}

/// The clusters, largest first. `near` already holds the near-copy unions.
pub fn cluster(
    words: &[Vec<Word>],
    shingles: &[Vec<u64>],
    near: &UnionFind,
    near_links: &[Link],
    evidence: &[Evidence],
) -> Vec<Cluster> {
    let n = evidence.len();
    let mut near_copy = vec![false; n];
    for l in near_links {
        for i in [l.a, l.b] {
            if let Some(flag) = near_copy.get_mut(i as usize) {
                *flag = true;
            }
        }
    }
    let templated: Vec<bool> = (0..n)
        .map(|i| near_copy[i] || is_templated(&evidence[i]))
        .collect();
    let mut groups = near.clone();
    let feature_count = evidence
        .iter()
        .flat_map(|e| e.features.iter())
        .max()
        .map_or(0, |m| *m as usize + 1);
    let mut last_member: Vec<Option<u32>> = vec![None; feature_count];
    for (i, ev) in evidence.iter().enumerate() {
        if !templated[i] {
            continue;
        }
        for &f in &ev.features {
            if let Some(prev) = last_member[f as usize] {
                groups.union(prev, i as u32);
            }
            last_member[f as usize] = Some(i as u32);
        }
    }
    let mut near_groups = near.clone();
    let mut out: Vec<Cluster> = groups
        .groups()
        .into_iter()
        .map(|members| {
            let root = near_groups.find(members[0]);
            let all_near = members
                .iter()
                .all(|&m| near_copy[m as usize] && near_groups.find(m) == root);
            let kind = if all_near {
                ClusterKind::NearDuplicate
            } else {
                ClusterKind::Template
            };
            let sample = &members[..members.len().min(SIMILARITY_SAMPLE)];
            let similarity = match kind {
                ClusterKind::NearDuplicate => {
                    let sets: Vec<&[u64]> = sample
                        .iter()
                        .map(|&m| shingles[m as usize].as_slice())
                        .collect();
                    mean_pairwise(&sets)
                }
                ClusterKind::Template => {
                    let owned: Vec<Vec<u64>> = sample
                        .iter()
                        .map(|&m| {
                            evidence[m as usize]
                                .features
                                .iter()
                                .map(|&f| u64::from(f))
                                .collect()
                        })
                        .collect();
                    let sets: Vec<&[u64]> = owned.iter().map(Vec::as_slice).collect();
                    mean_pairwise(&sets)
                }
            };
            let members = members
                .iter()
                .map(|&m| Member {
                    index: m,
                    spans: match kind {
                        ClusterKind::NearDuplicate => whole(&words[m as usize]),
                        ClusterKind::Template
                            if near_copy[m as usize] && evidence[m as usize].spans.is_empty() =>
                        {
                            whole(&words[m as usize])
                        }
                        ClusterKind::Template => evidence[m as usize].spans.clone(),
                    },
                })
                .collect();
            Cluster {
                kind,
                similarity,
                members,
            }
        })
        .collect();
    order::by_key(&mut out, |c| {
        descending(c.members.len() as u64, 32) << 32
            | c.members.first().map_or(0, |m| u64::from(m.index))
    });
    out
}

/// Mean Jaccard over all pairs of `sets`, to three decimals.
fn mean_pairwise(sets: &[&[u64]]) -> f32 {
    let mut sum = 0.0f32;
    let mut pairs = 0u32;
    for (k, a) in sets.iter().enumerate() {
        for b in &sets[k + 1..] {
            sum += jaccard(a, b);
            pairs += 1;
        }
    }
    if pairs == 0 {
        0.0
    } else {
        ((sum / pairs as f32) * 1000.0).round() / 1000.0
    }
}

fn whole(words: &[Word]) -> Vec<ByteSpan> {
    match (words.first(), words.last()) {
        (Some(a), Some(b)) => vec![ByteSpan::new(a.span.start, b.span.end)],
        _ => Vec::new(),
    }
}

/// Orders spans by start, then end.
pub fn span_key(span: ByteSpan) -> u64 {
    field(span.start as u64, 32) << 32 | field(span.end as u64, 32)
}

/// Sorts and merges overlapping or touching spans.
fn merged(mut spans: Vec<ByteSpan>) -> Vec<ByteSpan> {
    order::by_key(&mut spans, |&s| span_key(s));
    let mut out: Vec<ByteSpan> = Vec::with_capacity(spans.len());
    for s in spans {
        match out.last_mut() {
            Some(last) if s.start <= last.end => last.end = last.end.max(s.end),
            _ => out.push(s),
        }
    }
    out
}
