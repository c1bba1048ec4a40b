//! Quotations that run past their attribution's sentence: the sentences and
//! paragraphs they go on into, and earlier paragraphs they continue from.

use super::Relation;
use crate::attribute::context::Context;
use crate::spans::ByteSpan;

/// Paragraph `p` is a photo caption or credit ("Guests pick their pastries.
/// | Photo by Lisa Jennings"), which a quotation carried on across
/// paragraphs may skip.
fn is_caption(cx: &Context, p: usize) -> bool {
    // Paragraph numbers rise with the sentences.
    let first = cx.paragraph.partition_point(|&q| q < p);
    let end = cx.paragraph.partition_point(|&q| q <= p);
    let (Some(a), Some(b)) = (
        cx.sentences.get(first),
        end.checked_sub(1).and_then(|l| cx.sentences.get(l)),
    ) else {
        return false;
    };
    if end <= first {
        return false;
    }
    let text = ByteSpan::new(a.start, b.end).of(cx.text);
    let credit = [
        "Photo by",
        "Photo:",
        "Photograph by",
        "Credit:",
        "Image:",
        "Getty Images",
    ]
    .iter()
    .any(|c| text.contains(c));
    credit && !text.contains(['“', '"'])
}

/// A quotation whose attribution comes in a later paragraph: the pieces it
/// continues from ("“First paragraph ...\n\n“... second,” she said.").
#[inline(never)] // kept out of its caller: docs/BENCHMARKS.md, "large functions"
pub(super) fn attach_earlier_pieces(cx: &Context, rels: &mut [Relation]) {
    for r in rels.iter_mut() {
        while let Some(&first) = r.content.first() {
            let Some(para) = cx
                .sentence_at(first.start)
                .and_then(|s| cx.paragraph.get(s).copied())
            else {
                break;
            };
            if para == 0 || !cx.is_whole_quote(first) {
                break;
            }
            // The last top-level quote of the previous paragraph, left open.
            let earlier = cx.top_before(first.start).filter(|q| {
                cx.sentence_at(q.outer.start)
                    .and_then(|s| cx.paragraph.get(s).copied())
                    == Some(para - 1)
            });
            let opens_paragraph = cx
                .sentence_at(first.start)
                .and_then(|k| cx.sentences.get(k))
                .is_some_and(|s| s.start == first.start);
            match earlier {
                Some(q) if q.continues && opens_paragraph && !r.content.contains(&q.outer) => {
                    r.content.insert(0, q.outer)
                }
                _ => break,
            }
        }
    }
}

/// A direct quotation that goes on after its attribution: the following
/// sentences of the paragraph that open with a quotation mark and have no
/// cue of their own, and the paragraphs a quotation continues into.
#[inline(never)] // kept out of its caller: docs/BENCHMARKS.md, "large functions"
pub(super) fn attach_continuations(cx: &Context, rels: &mut [Relation]) {
    let mut has_cue = vec![false; cx.sentences.len()];
    for r in rels.iter() {
        if let Some(x) = has_cue.get_mut(r.sentence) {
            *x = true;
        }
    }
    // The paragraphs holding a cue, and the last relation of each paragraph:
    // only it may carry its speaker on into a following quotation paragraph.
    let mut cued_paragraphs: Vec<usize> = has_cue
        .iter()
        .enumerate()
        .filter(|(_, &c)| c)
        .filter_map(|(si, _)| cx.paragraph.get(si).copied())
        .collect();
    cued_paragraphs.dedup();
    let para_of = |si: usize| cx.paragraph.get(si).copied();
    let last_in_paragraph: Vec<bool> = (0..rels.len())
        .map(|k| {
            rels.get(k + 1)
                .is_none_or(|n| para_of(n.sentence) != para_of(rels[k].sentence))
        })
        .collect();
    for (k, r) in rels.iter_mut().enumerate() {
        let Some(&last) = r.content.last() else {
            continue;
        };
        let Some(q) = cx.top_ending_at(last.end) else {
            continue;
        };
        let mut may_carry = last_in_paragraph[k] && r.source.is_some();
        let mut covered_to = last.end.max(r.cue.end).max(r.source.map_or(0, |s| s.end));
        let mut continues = q.continues;
        let mut paragraph = cx.paragraph.get(r.sentence).copied();
        let mut sj = cx
            .sentence_at(covered_to.saturating_sub(1))
            .unwrap_or(r.sentence)
            + 1;
        while let Some(&s) = cx.sentences.get(sj) {
            if s.end <= covered_to {
                sj += 1;
                continue;
            }
            let same_paragraph = cx.paragraph.get(sj).copied() == paragraph;
            if may_carry
                && para_of(sj)
                    .zip(paragraph)
                    .is_some_and(|(p, q)| p == q + 1 && is_caption(cx, p))
            {
                sj += 1;
                continue;
            }
            // A paragraph that is a quotation with no cue anywhere in it,
            // right after the speaker's: the speaker carries on.
            let carried = may_carry
                && !same_paragraph
                && para_of(sj)
                    .zip(paragraph)
                    .is_some_and(|(p, q)| p == q + 1 || p == q + 2 && is_caption(cx, q + 1))
                && para_of(sj).is_some_and(|p| cued_paragraphs.binary_search(&p).is_err());
            if !(same_paragraph || continues || carried) || has_cue.get(sj).copied().unwrap_or(true)
            {
                break;
            }
            if !same_paragraph {
                may_carry = false;
            }
            let Some(next) = cx
                .quote_starting_at(s.start)
                .filter(|n| n.outer.start == s.start)
            else {
                break;
            };
            let next = *next;
            r.content.push(next.outer);
            covered_to = next.outer.end;
            continues = next.continues;
            paragraph = cx.paragraph.get(sj).copied();
            sj += 1;
        }
    }
}

/// The quotation that makes up the whole of the sentence before `si`, in
/// the same paragraph.
pub(super) fn quote_just_before(cx: &Context, si: usize) -> Option<ByteSpan> {
    let prev = si.checked_sub(1)?;
    if cx.paragraph.get(prev) != cx.paragraph.get(si) {
        return None;
    }
    whole_sentence_quote(cx, prev)
}

/// The quotation that makes up the whole of sentence `si`.
pub(super) fn whole_sentence_quote(cx: &Context, si: usize) -> Option<ByteSpan> {
    let sentence = *cx.sentences.get(si)?;
    let q = cx.top_before(sentence.end)?;
    let lead = cx.text.get(sentence.start..q.outer.start)?;
    let tail = cx.text.get(q.outer.end..sentence.end)?;
    (lead.trim().is_empty() && tail.trim().trim_matches(['.', '!', '?', '…']).is_empty())
        .then_some(q.outer)
}
