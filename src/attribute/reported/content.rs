//! Where a relation's content starts and ends around its cue: the clause
//! after it (past the addressee and a "that"), or the quotation before it,
//! trimmed of the sentence's own punctuation.

use crate::attribute::context::{is_capitalised, is_punct, Context};
use crate::attribute::lexicon;
use crate::segment::{Token, TokenKind};
use crate::spans::ByteSpan;

/// First token of the sentence's own words: after "But", "And" and the like.
pub(super) fn clause_start(cx: &Context, toks: &[Token]) -> usize {
    let mut k = 0;
    while k < toks.len()
        && cx.has(&toks[k], lexicon::bits::LEADING_CONNECTIVES)
        && !cx.is_mark(&toks[k])
    {
        k += 1;
        // "But, ..." keeps its comma out too.
        if toks.get(k).is_some_and(|t| is_punct(cx.text, t, ',')) {
            k += 1;
        }
    }
    k.min(toks.len())
}

pub(super) fn skip_time_words(cx: &Context, toks: &[Token], mut k: usize) -> usize {
    while k < toks.len() && cx.has(&toks[k], lexicon::bits::CUE_TIME_SUFFIXES) {
        k += 1;
    }
    k
}

/// Skips the addressee of "told", "urged": up to the content's start.
pub(super) fn skip_object(cx: &Context, toks: &[Token], from: usize) -> usize {
    let mut k = from;
    while k < toks.len() && k < from + 8 {
        let t = &toks[k];
        let w = cx.word(t);
        if cx.is_mark(t)
            || matches!(
                w,
                "that"
                    | "to"
                    | ":"
                    | ","
                    | "."
                    | "about"
                    | "of"
                    | "how"
                    | "why"
                    | "what"
                    | "whether"
                    | "if"
                    | "for"
                    | "when"
            )
        {
            break;
        }
        if k > from && !is_capitalised(cx.text, t) && cx.has(t, lexicon::bits::ADJUNCT_STARTS) {
            break;
        }
        // "told Reuters the plant would close", "told him she would run":
        // after a named or pronoun addressee, a determiner or a subject
        // pronoun opens the content.
        let after_addressee = k > from && {
            let prev = &toks[k - 1];
            is_capitalised(cx.text, prev)
                || matches!(cx.word(prev), "him" | "her" | "them" | "us" | "me")
        };
        if after_addressee
            && !is_capitalised(cx.text, t)
            && (lexicon::contains(lexicon::DETERMINERS, w)
                || (lexicon::contains(lexicon::PRONOUNS, w) && !matches!(w, "which" | "who")))
        {
            break;
        }
        k += 1;
    }
    k
}

/// A complementiser "that" opening the content within a few words after the
/// cue ("said in a statement that ...", "stressed, however, that ...").
pub(super) fn find_that(cx: &Context, toks: &[Token], from: usize) -> Option<usize> {
    (from..toks.len().min(from + 8))
        .take_while(|&k| {
            let another_cue = k > from
                && cx.has(
                    &toks[k],
                    lexicon::bits::CUE_VERBS | lexicon::bits::PARTICIPLES,
                );
            !(cx.is_mark(&toks[k]) || another_cue)
        })
        .find(|&k| cx.word(&toks[k]) == "that")
}

/// True when token `k` ends the sentence (terminal punctuation, maybe with
/// closing marks after it).
pub(super) fn is_end(cx: &Context, toks: &[Token], k: usize) -> bool {
    toks[k..].iter().all(|t| {
        t.kind == TokenKind::Punct
            && (matches!(cx.word(t), "." | "!" | "?" | ")" | "…") || cx.is_mark(t))
    })
}

/// The content after a cue: from token `start` to the end of the sentence,
/// or to the end of a quotation that opens there and runs on. When nothing
/// follows ("Trump said:"), the quotation opening the next sentence.
pub(super) fn forward_content(
    cx: &Context,
    si: usize,
    toks: &[Token],
    start: usize,
    in_sentence_only: bool,
) -> Option<Vec<ByteSpan>> {
    let mut start = start;
    while start < toks.len() && matches!(cx.word(&toks[start]), "," | ":" | "—" | "–") {
        start += 1;
    }
    if start >= toks.len() || is_end(cx, toks, start) {
        if in_sentence_only {
            return None;
        }
        // The quotation in the next sentence (or paragraph).
        let next = cx.sentences.get(si + 1)?;
        let q = cx
            .quote_starting_at(next.start)
            .filter(|q| q.outer.start == next.start)?;
        return Some(vec![q.outer]);
    }
    let mut end = content_end(cx, toks);
    // ", even though ...", ", but in fact ...": the writer's own comment.
    if let Some(k) = (start + 1..toks.len().saturating_sub(1)).find(|&k| {
        is_punct(cx.text, &toks[k], ',')
            && !cx.is_quoted(toks[k].span.start)
            && matches!(
                cx.word(&toks[k + 1]),
                "although" | "though" | "whereas" | "despite" | "even" | "but" | "however"
            )
    }) {
        end = end.min(toks[k].span.start);
    }
    let first = &toks[start];
    if cx.is_mark(first) {
        if let Some(q) = cx
            .top_quote_at(first.span.start)
            .filter(|q| q.outer.start == first.span.start)
        {
            end = end.max(q.outer.end);
        }
    }
    (end > first.span.start).then(|| vec![ByteSpan::new(first.span.start, end)])
}

/// Where a sentence's own words end: before its final period, unless the
/// period sits inside a closing quotation mark.
fn content_end(cx: &Context, toks: &[Token]) -> usize {
    let mut k = toks.len();
    while k > 0 {
        let t = &toks[k - 1];
        if cx.is_mark(t)
            || t.kind != TokenKind::Punct
            || !matches!(cx.word(t), "." | "!" | "?" | "…" | ";" | ":")
        {
            break;
        }
        k -= 1;
    }
    // An unbalanced closing bracket belongs to the writer's text around it.
    if k > 1
        && is_punct(cx.text, &toks[k - 1], ')')
        && !toks[..k - 1].iter().any(|t| is_punct(cx.text, t, '('))
    {
        k -= 1;
    }
    let last = &toks[k.max(1) - 1];
    if cx.is_mark(last) {
        return last.span.end;
    }
    // A question keeps its mark.
    if toks.get(k).is_some_and(|t| cx.word(t) == "?") {
        return toks[k].span.end;
    }
    last.span.end
}

/// The content before a cue whose source starts after token `boundary`
/// (a comma or a closing quotation mark).
pub(super) fn backward_content(
    cx: &Context,
    si: usize,
    toks: &[Token],
    boundary: usize,
    clause: usize,
) -> Option<ByteSpan> {
    let sentence = cx.sentences[si];
    let mut mark = boundary;
    if is_punct(cx.text, &toks[boundary], ',') && boundary > 0 && cx.is_mark(&toks[boundary - 1]) {
        mark = boundary - 1;
    }
    let (start, end) = if cx.is_mark(&toks[mark]) {
        let end = toks[mark].span.end;
        let quote = cx.top_ending_at(end);
        match quote {
            Some(q) if q.outer.start < sentence.start => (q.outer.start, end),
            Some(q) => {
                let lead = cx
                    .text
                    .get(sentence.start..q.outer.start)
                    .unwrap_or("")
                    .trim_end();
                let own_clause = toks.get(clause).map_or(sentence.start, |t| t.span.start);
                if lead.is_empty() || lead.ends_with([',', ':']) || own_clause >= q.outer.start {
                    (q.outer.start, end)
                } else {
                    (own_clause, end)
                }
            }
            None => (toks.get(clause)?.span.start, end),
        }
    } else {
        (toks.get(clause)?.span.start, toks[boundary].span.start)
    };
    // The content must end where the attribution begins, and hold something.
    (start + 1 < end && start < toks[boundary].span.start).then(|| ByteSpan::new(start, end))
}

/// `"…," he said, "…."`: the quotation after the attribution is content too.
pub(super) fn add_split_quote(
    cx: &Context,
    toks: &[Token],
    after: usize,
    content: &mut Vec<ByteSpan>,
) {
    let Some(t) = toks.get(after) else { return };
    if !matches!(cx.word(t), "," | ":") {
        return;
    }
    if let Some(q) = toks.get(after + 1).filter(|n| cx.is_mark(n)).and_then(|n| {
        cx.top_quote_at(n.span.start)
            .filter(|q| q.outer.start == n.span.start)
    }) {
        content.push(q.outer);
    }
}

/// `span` without trailing spaces, commas, dashes and a dangling "and".
pub(super) fn trimmed(text: &str, span: ByteSpan) -> Option<ByteSpan> {
    let s = span.of(text);
    let mut t =
        s.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ',' | '—' | '–' | ';'));
    for tail in [" and", " but", " or"] {
        if let Some(rest) = t.strip_suffix(tail) {
            t = rest.trim_end_matches(|c: char| c.is_whitespace() || c == ',');
        }
    }
    (!t.is_empty()).then(|| ByteSpan::new(span.start, span.start + t.len()))
}

/// True when `span` is exactly one top-level quotation, marks included.
pub(super) fn is_whole_quote(cx: &Context, span: ByteSpan) -> bool {
    cx.is_whole_quote(span)
}
