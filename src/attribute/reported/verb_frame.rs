//! The verb cue's frame: given "said", "told", "believes" at a place in
//! the sentence, where its source and its content are.

use super::content::{
    add_split_quote, backward_content, clause_start, find_that, forward_content, is_end,
    skip_object, skip_time_words,
};
use super::continuations::quote_just_before;
use super::frames::source_is_document;
use super::{clause_subject, lower_is, phrase_span, relation, span, CueKind, Relation};
use crate::attribute::context::{is_capitalised, is_punct, Context};
use crate::attribute::lexicon;
use crate::attribute::phrases::{self, Phrase};
use crate::segment::{Token, TokenKind};
use crate::spans::ByteSpan;

/// A verb cue at tokens `[c0, c1)`: finds the source (before it, or after
/// it when inverted) and the content (after it, or before it).
#[allow(clippy::too_many_arguments)]
pub(super) fn verb_frame(
    cx: &Context,
    si: usize,
    toks: &[Token],
    c0: usize,
    c1: usize,
    first_in_sentence: usize,
    earlier: &[Relation],
    kind: CueKind,
) -> Option<(Relation, usize)> {
    // Auxiliaries and adverbs before the verb belong to the cue.
    let head_verb = cx.word(&toks[c0]);
    let v = c0;
    let mut c0 = c0;
    while c0 > 0 && {
        let p = cx.word(&toks[c0 - 1]);
        (lexicon::has(lexicon::bits::CUE_PREFIXES, p) || p == "not" || is_adverb(p))
            && !is_capitalised(cx.text, &toks[c0 - 1])
    } {
        c0 -= 1;
    }
    let prev = c0.checked_sub(1).map(|k| &toks[k]);
    let prev_is_break = prev.is_some_and(|p| is_punct(cx.text, p, ',') || cx.is_mark(p));
    let sentence_start = clause_start(cx, toks);
    let nounish = lexicon::has(lexicon::bits::NOUNISH, head_verb)
        // "a company called World Liberty": a name given, not words said.
        || matches!(head_verb, "called" | "calling");
    let opener_after = toks
        .get(c1)
        .is_some_and(|t| cx.is_mark(t) || matches!(cx.word(t), "that" | ":"));
    let last_in_sentence = earlier
        .len()
        .checked_sub(1)
        .filter(|&k| k >= first_in_sentence);
    // ", adding that ..." and "... and said ...": the main clause's speaker.
    let after_comma = prev.is_some_and(|p| is_punct(cx.text, p, ','))
        || (c0 >= 2 && cx.is_mark(&toks[c0 - 1]) && is_punct(cx.text, &toks[c0 - 2], ','));
    let participle = lexicon::has(lexicon::bits::PARTICIPLES, head_verb) && after_comma;
    // "... and called it “a disaster”": a name given in quotation marks.
    let calls_it = matches!(head_verb, "called" | "calls" | "call")
        && (c1..toks.len().min(c1 + 4)).any(|k| cx.is_mark(&toks[k]));
    let coordinated =
        prev.is_some_and(|p| matches!(cx.word(p), "and" | "but")) && (!nounish || calls_it);
    if participle || coordinated {
        // Only an active clause's source is the subject the verb shares.
        let active = last_in_sentence.filter(|&k| {
            earlier[k]
                .source
                .is_some_and(|s| s.start < earlier[k].cue.start)
        });
        let (source, shared) = match active {
            Some(k) => (earlier[k].source, Some(k)),
            None if last_in_sentence.is_some() && coordinated => (None, None),
            None => (
                clause_subject(cx, toks, c0).map(|p| phrase_span(toks, p)),
                None,
            ),
        };
        source?;
        let content = forward_content(cx, si, toks, content_start(cx, toks, c1, head_verb), true)?;
        let mut r = relation(kind, si, span(toks, c0, c1), source, content);
        r.shares_source_of = shared;
        r.continues_clause = true;
        return Some((r, c1));
    }
    // "Before saying ..., Trump added": the main clause's subject.
    let subordinate = prev.is_some_and(|p| {
        matches!(
            cx.word(p).to_ascii_lowercase().as_str(),
            "before" | "after" | "while" | "since" | "without" | "when" | "by"
        )
    }) && head_verb.ends_with("ing");
    if subordinate {
        let comma = (c1..toks.len()).find(|&k| is_punct(cx.text, &toks[k], ','))?;
        let subject = clause_subject(cx, toks, comma + 1).or_else(|| {
            let p = clause_subject(cx, &toks[comma + 1..], toks.len() - comma - 1)?;
            Some(Phrase {
                start: p.start + comma + 1,
                end: p.end + comma + 1,
            })
        })?;
        if subject.start <= comma {
            return None;
        }
        let start = content_start(cx, toks, c1, head_verb);
        let content = span(toks, start, comma);
        if content.is_empty() {
            return None;
        }
        return Some((
            relation(
                kind,
                si,
                span(toks, c0, c1),
                Some(phrase_span(toks, subject)),
                vec![content],
            ),
            c1,
        ));
    }
    // "Karimi, executive director of ..., said she hopes": a subject with an
    // appositive before the cue, not an inverted one.
    let before = if prev.is_some_and(|p| is_punct(cx.text, p, ',')) {
        phrases::source_before(cx, toks, c0)
    } else {
        None
    };
    // Inverted: "“...,” said Ian Kelly, a retired career diplomat."
    // "“...,” notes Harden Bradford": a nounish verb is a cue when a name follows.
    let name_follows = toks
        .get(c1)
        .is_some_and(|t| is_capitalised(cx.text, t) && !cx.is_mark(t));
    // "…, call Monkey Wrench Plumbing": a bare verb after a plain comma is
    // an imperative; after a quotation ("“…,” say the protesters") it is a
    // plural inverted cue.
    let after_quotation =
        prev.is_some_and(|p| cx.is_mark(p)) || (c0 >= 2 && cx.is_mark(&toks[c0 - 2]));
    let imperative = is_base_form(head_verb) && !after_quotation;
    if prev_is_break
        && before.is_none()
        && kind == CueKind::Speech
        && !imperative
        && (!nounish
            || (name_follows && prev.is_some_and(|p| cx.is_mark(p) || is_punct(cx.text, p, ','))))
    {
        let after = skip_time_words(cx, toks, c1);
        if let Some(src) = phrases::source_after(cx, toks, after) {
            if let Some(content) = backward_content(cx, si, toks, c0 - 1, sentence_start) {
                let mut content = vec![content];
                add_split_quote(cx, toks, src.end, &mut content);
                return Some((
                    relation(
                        kind,
                        si,
                        span(toks, c0, c1),
                        Some(phrase_span(toks, src)),
                        content,
                    ),
                    src.end,
                ));
            }
        }
    }
    let src = before.or_else(|| phrases::source_before(cx, toks, c0))?;
    // "many states base their rules", "Other states require": after a
    // plural quantifier alone, the cue word is a plural noun.
    let quantifier_only = (src.start..src.end).all(|k| {
        let w = cx.word(&toks[k]);
        lexicon::contains(lexicon::PLURAL_QUANTIFIERS, w)
            || w.bytes().all(|b| b.is_ascii_digit() || b == b',')
    });
    if quantifier_only && c0 == v && head_verb.ends_with('s') {
        return None;
    }
    if kind == CueKind::Belief && src.end - src.start > 6 {
        return None;
    }
    let verb_follows = toks.get(c1).is_some_and(|t| {
        matches!(
            cx.word(t),
            "was"
                | "is"
                | "were"
                | "are"
                | "has"
                | "had"
                | "have"
                | "would"
                | "will"
                | "could"
                | "can"
                | "may"
                | "might"
                | "should"
                | "did"
        )
    });
    // "He agreed to sell it in 2010, records show.": a document's cue
    // ending the sentence after a comma.
    let document_after_comma = src.start > 0
        && is_punct(cx.text, &toks[src.start - 1], ',')
        && (c1 >= toks.len() || is_end(cx, toks, c1))
        && source_is_document(cx, toks, src);
    // "A poll shows Sanders leading", "new filings show it has …": "show"
    // is a verb after a document.
    let document_shows =
        matches!(head_verb, "show" | "shows") && c0 == v && source_is_document(cx, toks, src);
    if nounish
        && !document_after_comma
        && !document_shows
        && (verb_follows || (!opener_after && !ends_in_name(cx, toks, src)))
    {
        return None;
    }
    // "The Post has learned", not "he learned to swim".
    if head_verb == "learned" && c0 == v && !lower_is(cx, toks.get(c1), &["that"]) {
        return None;
    }
    if matches!(
        head_verb,
        "show" | "shows" | "showed" | "showing" | "found" | "estimate" | "estimates" | "estimated"
    ) && !source_is_document(cx, toks, src)
        && !lower_is(cx, toks.get(c1), &["that"])
    {
        return None;
    }
    // What follows the cue decides where the content is.
    let after_time = skip_time_words(cx, toks, c1);
    let after_object = if lexicon::has(lexicon::bits::OBJECT_VERBS, head_verb) {
        skip_object(cx, toks, after_time)
    } else {
        after_time
    };
    let that = find_that(cx, toks, after_object);
    // A quotation mark before the source, even one the pairing could not
    // match ("6’2”,”"), means the content is before it.
    let quote_char = |t: &Token| {
        cx.is_mark(t)
            || (t.kind == TokenKind::Punct && matches!(cx.word(t), "”" | "\"" | "'" | "’"))
    };
    let boundary = src.start.checked_sub(1).filter(|&b| {
        let t = &toks[b];
        is_punct(cx.text, t, ',') || quote_char(t)
    });
    let after_quote = boundary.is_some_and(|b| {
        quote_char(&toks[b])
            || (b > 0 && is_punct(cx.text, &toks[b], ',') && quote_char(&toks[b - 1]))
    });
    let split_quote_after = toks
        .get(after_object)
        .is_some_and(|t| matches!(cx.word(t), "," | ":"))
        && toks.get(after_object + 1).is_some_and(|t| cx.is_mark(t));
    let to_infinitive = lexicon::has(lexicon::bits::OBJECT_VERBS, head_verb)
        && lower_is(cx, toks.get(after_object), &["to"]);
    let adjunct_tail = !to_infinitive && tail_is_adjunct(cx, toks, after_object);
    let quote_then_adjunct = after_quote
        && toks.get(after_object).is_some_and(|t| {
            is_punct(cx.text, t, ',')
                || (cx.has(t, lexicon::bits::ADJUNCT_STARTS) && !is_capitalised(cx.text, t))
        });
    // "“...,” Clinton said sarcastically", "“...,” he said in his victory
    // speech that night": right after a quotation, a cue with no content
    // opener of its own ("that" right after it, a quotation in its tail) is
    // the quotation's, whatever adjuncts follow it.
    let post_quote = after_quote
        && that.is_none_or(|k| k > after_object)
        && !toks[c1..].iter().any(|t| cx.is_mark(t));
    if let Some(b) = boundary.filter(|_| that.is_none() || post_quote) {
        if adjunct_tail || quote_then_adjunct || post_quote || (after_quote && split_quote_after) {
            let ends_cue = after_time > c1
                && (after_time >= toks.len()
                    || is_end(cx, toks, after_time)
                    || is_punct(cx.text, &toks[after_time], ','));
            let cue_end = if ends_cue { after_time } else { c1 };
            if let Some(before) = backward_content(cx, si, toks, b, sentence_start) {
                let mut content = vec![before];
                add_split_quote(cx, toks, after_object.max(cue_end), &mut content);
                return Some((
                    relation(
                        kind,
                        si,
                        span(toks, c0, cue_end),
                        Some(phrase_span(toks, src)),
                        content,
                    ),
                    cue_end,
                ));
            }
        }
    }
    // "“We’ve never had demand like this.” Mayer said.": the cue is a
    // sentence of its own after a quotation, which is its content.
    if boundary.is_none() && that.is_none() && adjunct_tail && src.start <= sentence_start {
        if let Some(q) = quote_just_before(cx, si) {
            let cue_end =
                if after_time > c1 && (after_time >= toks.len() || is_end(cx, toks, after_time)) {
                    after_time
                } else {
                    c1
                };
            return Some((
                relation(
                    kind,
                    si,
                    span(toks, c0, cue_end),
                    Some(phrase_span(toks, src)),
                    vec![q],
                ),
                cue_end,
            ));
        }
    }
    let start = that.unwrap_or(after_object);
    let content = forward_content(cx, si, toks, start, false)?;
    Some((
        relation(
            kind,
            si,
            span(toks, c0, c1),
            Some(phrase_span(toks, src)),
            content,
        ),
        c1,
    ))
}

/// A word before a cue verb that belongs to the cue: an auxiliary
/// ("has said"), "not" or an adverb ("also said").
pub(in crate::attribute) fn is_cue_adverb(cx: &Context, t: &Token) -> bool {
    let w = cx.word(t);
    (lexicon::has(lexicon::bits::CUE_PREFIXES, w) || w == "not" || is_adverb(w))
        && !is_capitalised(cx.text, t)
}

/// The subject of the clause that ends at token `before`, as a span.
pub(in crate::attribute) fn subject_before(
    cx: &Context,
    toks: &[Token],
    before: usize,
) -> Option<ByteSpan> {
    clause_subject(cx, toks, before).map(|p| phrase_span(toks, p))
}

/// An "-ly" adverb ("initially", "famously"), not a noun like "family".
pub(super) fn is_adverb(w: &str) -> bool {
    w.len() > 4
        && w.ends_with("ly")
        && w.bytes().all(|b| b.is_ascii_lowercase())
        && !matches!(
            w,
            "family"
                | "ally"
                | "rally"
                | "assembly"
                | "supply"
                | "monopoly"
                | "anomaly"
                | "italy"
                | "july"
                | "only"
        )
}

/// Where the content of a participle or coordinated cue starts.
fn content_start(cx: &Context, toks: &[Token], c1: usize, verb: &str) -> usize {
    let k = skip_time_words(cx, toks, c1);
    let k = if lexicon::has(lexicon::bits::OBJECT_VERBS, verb) {
        skip_object(cx, toks, k)
    } else {
        k
    };
    find_that(cx, toks, k).unwrap_or(k)
}

/// True when what follows token `k` is only the cue's adjuncts: the sentence
/// ends, or a short phrase of time, place or manner does ("in a statement",
/// "on Fox News", ", adding ...").
fn tail_is_adjunct(cx: &Context, toks: &[Token], k: usize) -> bool {
    if k >= toks.len() || is_end(cx, toks, k) {
        return true;
    }
    let t = &toks[k];
    let starts_adjunct = if is_punct(cx.text, t, ',') {
        toks.get(k + 1).is_some_and(|n| {
            let nw = cx.word(n);
            lexicon::has(lexicon::bits::PARTICIPLES, nw)
                || matches!(
                    nw,
                    "who"
                        | "which"
                        | "according"
                        | "as"
                        | "while"
                        | "when"
                        | "after"
                        | "before"
                        | "because"
                        | "but"
                        | "and"
                )
                || lexicon::has(lexicon::bits::ADJUNCT_STARTS, nw)
        })
    } else {
        cx.has(t, lexicon::bits::ADJUNCT_STARTS) && !is_capitalised(cx.text, t)
    };
    if !starts_adjunct {
        return false;
    }
    // No second clause hides in the tail: no "that", no quotation opening it.
    let tail = &toks[k..];
    tail.len() <= 20
        && !tail
            .iter()
            .any(|t| cx.word(t) == "that" && !is_capitalised(cx.text, t))
}

/// True when the phrase ends in a name or a pronoun.
fn ends_in_name(cx: &Context, toks: &[Token], p: Phrase) -> bool {
    toks[p.start..p.end]
        .iter()
        .rev()
        .find(|t| t.kind == TokenKind::Word)
        .is_some_and(|t| {
            let w = cx.word(t);
            is_capitalised(cx.text, t)
                || lexicon::has(lexicon::bits::PRONOUNS, w)
                || lexicon::has(lexicon::bits::ANONYMOUS_HEADS, w)
                || lexicon::has(lexicon::bits::GROUP_HEADS, w)
        })
}

/// "call", "say", "note": a cue verb's bare form (its "-s" form is a cue
/// too): an imperative or a plural, never an inverted "said Ian Kelly".
fn is_base_form(verb: &str) -> bool {
    let cue = |w: &str| lexicon::has(lexicon::bits::CUE_VERBS, w);
    cue(verb) && (cue(&format!("{verb}s")) || cue(&format!("{verb}es")))
}
