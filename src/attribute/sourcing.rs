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
    // Stance reports ("Trump wants ...") are the article's own claims about
    // someone, not claims sourced to them.
    // Neither is an aside in a relative clause ("Assange, who denies ...").
    let sourced = |r: &Relation, s: &Speaker| {
        r.kind != CueKind::Stance && s.kind != SourcingKind::Unattributed && !r.aside
    };
    // Per sentence: the attribution whose content covers most of it (ties to
    // the earlier cue), and the first one whose cue is in it. One pass over
    // the relations, each piece visiting only the sentences it touches.
    let mut covering: Vec<Option<(usize, usize)>> = vec![None; cx.sentences.len()];
    let mut cued: Vec<Option<usize>> = vec![None; cx.sentences.len()];
    for (k, (r, s)) in relations.iter().zip(speakers).enumerate() {
        if !sourced(r, s) {
            continue;
        }
        if let Some(slot) = cued.get_mut(r.sentence) {
            slot.get_or_insert(k);
        }
        let mut overlap: Vec<(usize, usize)> = Vec::new();
        for c in &r.content {
            let mut si = cx.sentences.partition_point(|x| x.end <= c.start);
            while let Some(sentence) = cx.sentences.get(si).filter(|x| x.start < c.end) {
                let o = c
                    .end
                    .min(sentence.end)
                    .saturating_sub(c.start.max(sentence.start));
                match overlap.iter_mut().find(|(s, _)| *s == si) {
                    Some((_, total)) => *total += o,
                    None => overlap.push((si, o)),
                }
                si += 1;
            }
        }
        for (si, o) in overlap {
            let best = &mut covering[si];
            let better = o > 0
                && best.is_none_or(|(bo, bk)| {
                    o > bo || (o == bo && r.cue.start < relations[bk].cue.start)
                });
            if better {
                *best = Some((o, k));
            }
        }
    }
    cx.sentences
        .iter()
        .enumerate()
        .map(|(si, &sentence)| {
            let chosen = covering[si].map(|(_, k)| k).or(cued[si]);
            of_sentence(cx, sentence, chosen.map(|k| (&relations[k], &speakers[k])))
        })
        .collect()
}

fn of_sentence(cx: &Context, sentence: ByteSpan, best: Option<(&Relation, &Speaker)>) -> Sourcing {
    if let Some((r, s)) = best {
        let cue = phrase_of(cx.text, r);
        return Sourcing {
            sentence,
            kind: s.kind,
            speaker: s.name.clone(),
            speaker_role: s.role.clone(),
            speaker_candidates: s.candidates.clone(),
            note: s.note.clone(),
            on_record: s.kind == SourcingKind::Named
                && s.name.is_some()
                && r.kind == CueKind::Speech,
            // A quotation that goes on from an earlier one, the cue back there.
            carried: cue.end <= sentence.start
                && r.content.first().is_some_and(|c| c.end <= sentence.start),
            cue: Some(cue),
        };
    }
    // Agentless hedges, found from their first word.
    let hedge = cx.tokens_in(sentence).iter().find_map(|t| {
        if !cx.has(t, lexicon::bits::VAGUE_STARTS) {
            return None;
        }
        let rest = cx.text.get(t.span.start..sentence.end)?;
        lexicon::VAGUE_PHRASES
            .iter()
            .find(|p| starts_with_words(rest, p))
            .map(|p| (t.span.start - sentence.start, p.len()))
    });
    if let Some((at, len)) = hedge {
        return Sourcing {
            sentence,
            kind: SourcingKind::Vague,
            speaker: None,
            speaker_role: None,
            speaker_candidates: Vec::new(),
            note: None,
            on_record: false,
            carried: false,
            cue: Some(ByteSpan::new(
                sentence.start + at,
                sentence.start + at + len,
            )),
        };
    }
    Sourcing::unattributed(sentence)
}

/// True when `text` starts with the words of `phrase` (any case), ending at a
/// word boundary.
fn starts_with_words(text: &str, phrase: &str) -> bool {
    let Some(head) = text.get(..phrase.len()) else {
        return false;
    };
    head.eq_ignore_ascii_case(phrase)
        && !text[phrase.len()..].starts_with(|c: char| c.is_alphanumeric())
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
