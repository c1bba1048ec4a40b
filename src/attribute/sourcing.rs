//! How each sentence is sourced, with the phrase that shows it.
//!
//! A sentence that is (mostly) the content of an attribution takes that
//! attribution's source: named, anonymous, vague, or the outlet. One that is
//! not is checked for agentless hedges ("is widely seen as", "reportedly":
//! vague). Everything else is `unattributed`: the article asserts it in its
//! own voice without naming a source. `outlet` is kept for what the
//! publication explicitly presents as its own finding ("The Post has
//! learned", "a Times analysis found", "we reviewed"), which is a claim on
//! the strength of the outlet's own reporting, and checkable as such.

use super::context::Context;
use super::lexicon;
use super::reported::{CueKind, Relation};
use super::speakers::Speaker;
use super::{Sourcing, SourcingKind};
use crate::spans::ByteSpan;

pub fn per_sentence(cx: &Context, relations: &[Relation], speakers: &[Speaker]) -> Vec<Sourcing> {
    cx.sentences
        .iter()
        .enumerate()
        .map(|(si, &sentence)| of_sentence(cx, si, sentence, relations, speakers))
        .collect()
}

fn of_sentence(
    cx: &Context,
    si: usize,
    sentence: ByteSpan,
    relations: &[Relation],
    speakers: &[Speaker],
) -> Sourcing {
    let overlap = |r: &Relation| -> usize {
        r.content
            .iter()
            .map(|c| {
                c.end
                    .min(sentence.end)
                    .saturating_sub(c.start.max(sentence.start))
            })
            .sum()
    };
    // The attribution covering most of the sentence; else one whose cue is in it.
    // Stance reports ("Trump wants ...") are the article's own claims about
    // someone, not claims sourced to them.
    let sourced = |r: &Relation, s: &Speaker| {
        r.kind != CueKind::Stance && s.kind != SourcingKind::Unattributed
    };
    let best = relations
        .iter()
        .zip(speakers)
        .filter(|(r, s)| sourced(r, s))
        .map(|(r, s)| (overlap(r), r, s))
        .filter(|(o, _, _)| *o > 0)
        .max_by_key(|(o, r, _)| (*o, std::cmp::Reverse(r.cue.start)))
        .map(|(_, r, s)| (r, s))
        .or_else(|| {
            relations
                .iter()
                .zip(speakers)
                .find(|(r, s)| r.sentence == si && sourced(r, s))
        });
    if let Some((r, s)) = best {
        return Sourcing {
            sentence,
            kind: s.kind,
            speaker: s.name.clone(),
            speaker_role: s.role.clone(),
            speaker_candidates: s.candidates.clone(),
            note: s.note.clone(),
            cue: Some(phrase_of(cx.text, r)),
        };
    }
    let lower = sentence.of(cx.text).to_ascii_lowercase();
    let hedge = lexicon::VAGUE_PHRASES
        .iter()
        .filter_map(|p| find_words(&lower, p).map(|at| (at, p.len())))
        .min();
    if let Some((at, len)) = hedge {
        return Sourcing {
            sentence,
            kind: SourcingKind::Vague,
            speaker: None,
            speaker_role: None,
            speaker_candidates: Vec::new(),
            note: None,
            cue: Some(ByteSpan::new(
                sentence.start + at,
                sentence.start + at + len,
            )),
        };
    }
    Sourcing {
        sentence,
        kind: SourcingKind::Unattributed,
        speaker: None,
        speaker_role: None,
        speaker_candidates: Vec::new(),
        note: None,
        cue: None,
    }
}

/// `phrase` in `haystack` at word boundaries. ASCII lower-casing keeps
/// byte offsets equal to the original's.
fn find_words(haystack: &str, phrase: &str) -> Option<usize> {
    let bytes = haystack.as_bytes();
    let mut from = 0;
    while let Some(i) = haystack.get(from..)?.find(phrase) {
        let at = from + i;
        let end = at + phrase.len();
        let left_ok = at == 0 || !bytes[at - 1].is_ascii_alphanumeric();
        let right_ok = end >= bytes.len() || !bytes[end].is_ascii_alphanumeric();
        if left_ok && right_ok {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

/// The words that show the sourcing: the cue with its source when they sit
/// together ("according to a Western diplomat", "Kelly said"), else the cue.
fn phrase_of(text: &str, r: &Relation) -> ByteSpan {
    let Some(src) = r.source else { return r.cue };
    let (a, b) = if src.start < r.cue.start {
        (src, r.cue)
    } else {
        (r.cue, src)
    };
    let gap = text.get(a.end..b.start).unwrap_or("x").trim();
    // "is viewed by some inside the administration": the agent's "by" too.
    if gap.is_empty() || gap == "," || gap == "by" {
        ByteSpan::new(a.start, b.end)
    } else {
        r.cue
    }
}
