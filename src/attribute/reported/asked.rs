//! Questions put to someone: "Asked about the vote, Mark-Viverito said ...",
//! "he said when asked about the Florida Standards", "Sanders was asked by
//! host John Dickerson whether ...". The question is an attribution of its
//! own: its cue is "asked", its content the question, its source the asker
//! when the text names one ("by host John Dickerson"), else no one. The
//! answer is the main clause's own attribution, which this one leaves alone.

use super::{clause_start, lower_is, relation, span, CueKind, Relation};
use crate::attribute::context::{is_punct, Context};
use crate::segment::Token;

/// Words that open the question after "asked" (or after "asked by X").
const QUESTION_OPENERS: &[&str] = &[
    "about", "how", "if", "what", "whether", "which", "who", "whom", "why",
];

/// A question frame whose "asked" is token `i`: clause-initial ("Asked
/// whether ..., X said"), after "when" ("when asked about ...") or passive
/// ("X was asked whether ..."). `None` for the active verb ("Hewitt asked
/// Trump ..."), which the ordinary cue frame reads.
pub(super) fn frame(
    cx: &Context,
    si: usize,
    toks: &[Token],
    i: usize,
) -> Option<(Relation, usize)> {
    let start = clause_start(cx, toks);
    let after_when = i > 0 && lower_is(cx, toks.get(i - 1), &["when", "once", "after"]);
    let passive = i > 0 && lower_is(cx, toks.get(i - 1), &["was", "were", "is", "being"]);
    if !(i == start || after_when || passive) {
        return None;
    }
    // "by host John Dickerson": the asker, up to the question's opener.
    let mut k = i + 1;
    let mut source = None;
    if lower_is(cx, toks.get(k), &["by"]) {
        let from = k + 1;
        let end = (from..toks.len().min(from + 10)).find(|&j| {
            lower_is(cx, toks.get(j), QUESTION_OPENERS)
                || is_punct(cx.text, &toks[j], ',')
                || cx.is_mark(&toks[j])
        })?;
        if end == from {
            return None;
        }
        source = Some(span(toks, from, end));
        k = end;
    }
    // The question itself: an opener or a quotation, no bare "asked".
    let opener = toks.get(k)?;
    if !(lower_is(cx, Some(opener), QUESTION_OPENERS) || cx.is_mark(opener)) {
        return None;
    }
    let cue_end = if lower_is(cx, Some(opener), &["about"]) {
        k + 1
    } else {
        k
    };
    // Up to the clause's comma when the frame opens the sentence, else to
    // the sentence's end; a quotation runs to its closing mark.
    let mut end = cue_end;
    while end < toks.len() {
        let t = &toks[end];
        if cx.is_mark(t) && end > cue_end {
            if let Some(q) = cx.top_quote_at(t.span.start) {
                while end < toks.len() && toks[end].span.start < q.outer.end {
                    end += 1;
                }
                continue;
            }
        }
        if is_punct(cx.text, t, ',') && end > cue_end || matches!(cx.word(t), ";" | "—" | "–") {
            break;
        }
        end += 1;
    }
    while end > cue_end && matches!(cx.word(&toks[end - 1]), "." | "?" | "!" | ",") {
        end -= 1;
    }
    let content = span(toks, cue_end, end);
    if content.is_empty() {
        return None;
    }
    // "asked about" is one cue; "asked by X about" keeps the asker out.
    let cue = if source.is_some() {
        span(toks, i, i + 1)
    } else {
        span(toks, i, cue_end)
    };
    Some((
        relation(CueKind::Speech, si, cue, source, vec![content]),
        end,
    ))
}
