//! Attribution relations, sentence by sentence: a cue ("said", "according
//! to", "is viewed by", "expressed skepticism"), its source phrase and its
//! content, for direct quotes and reported speech alike. Quotations that go
//! on after their attribution ("“...,” Kelly said. “...”") are then
//! attached to it.

use super::context::{is_capitalised, is_punct, Context};
use super::lexicon::{self, contains};
use super::phrases::{self, Phrase};
use crate::segment::{Token, TokenKind};
use crate::spans::ByteSpan;

/// One attribution: who (source) says or thinks what (content), shown by
/// which words (cue). Spans are as written: a pronoun source stays "he".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Relation {
    pub cue: ByteSpan,
    pub source: Option<ByteSpan>,
    /// In text order; more than one for split and continued quotes.
    pub content: Vec<ByteSpan>,
    /// Every piece of the content is a quotation in marks.
    pub direct: bool,
    /// The relation whose source this one shares (", adding that ...").
    pub shares_source_of: Option<usize>,
    /// The sentence holding the cue.
    pub sentence: usize,
}

/// Every relation in the article, ordered by cue.
pub fn find(cx: &Context) -> Vec<Relation> {
    let mut out: Vec<Relation> = Vec::new();
    for (si, &sentence) in cx.sentences.iter().enumerate() {
        let toks = cx.tokens_in(sentence);
        let first = out.len();
        let mut i = 0;
        while i < toks.len() {
            match cue_at(cx, si, toks, i, first, &out) {
                Some((rel, next)) => {
                    out.push(rel);
                    i = next.max(i + 1);
                }
                None => i += 1,
            }
        }
        untangle(cx, &mut out[first..]);
        out.retain(|r| !r.content.is_empty() || r.source.is_some());
    }
    attach_continuations(cx, &mut out);
    for r in &mut out {
        r.direct = !r.content.is_empty() && r.content.iter().all(|c| is_whole_quote(cx, *c));
    }
    out
}

fn span(toks: &[Token], from: usize, to: usize) -> ByteSpan {
    ByteSpan::new(toks[from].span.start, toks[to - 1].span.end)
}

fn phrase_span(toks: &[Token], p: Phrase) -> ByteSpan {
    span(toks, p.start, p.end)
}

/// Tries to read a relation whose cue starts at token `i`. Returns it and
/// the token index to continue from.
fn cue_at(
    cx: &Context,
    si: usize,
    toks: &[Token],
    i: usize,
    first_in_sentence: usize,
    earlier: &[Relation],
) -> Option<(Relation, usize)> {
    let t = toks.get(i)?;
    if t.kind != TokenKind::Word || cx.is_quoted(t.span.start) {
        return None;
    }
    let w = cx.word(t);
    let next = toks.get(i + 1).map(|n| cx.word(n));
    if w.eq_ignore_ascii_case("according") && next == Some("to") {
        return according_to(cx, si, toks, i);
    }
    if contains(lexicon::BE_FORMS, w) {
        if let Some(found) = passive(cx, si, toks, i) {
            return Some(found);
        }
    }
    if let Some(len) = evaluative_cue(cx, toks, i) {
        return verb_frame(cx, si, toks, i, i + len, first_in_sentence, earlier, true);
    }
    if is_capitalised(cx.text, t) && i > 0 {
        return None;
    }
    let speech = contains(lexicon::CUE_VERBS, w);
    let cognition = contains(lexicon::COGNITION_VERBS, w);
    if !speech && !cognition {
        return None;
    }
    if i > 0 {
        let prev = cx.word(&toks[i - 1]);
        // "is said to", "to say", "the claim", "his statement": not a cue here.
        if contains(lexicon::BE_FORMS, prev)
            || matches!(
                prev.to_ascii_lowercase().as_str(),
                "to" | "the" | "a" | "an" | "his" | "her" | "their" | "its" | "our" | "my" | "your" | "this" | "that" | "no"
            )
        {
            return None;
        }
    }
    let mut end = i + 1;
    if let Some(n) = next {
        let particle = match w {
            "pointed" => n == "out",
            "called" | "calls" | "calling" => matches!(n, "for" | "on"),
            _ => false,
        };
        if particle {
            end += 1;
        }
    }
    verb_frame(cx, si, toks, i, end, first_in_sentence, earlier, cognition && !speech)
}

/// "expressed skepticism", "raised concerns", "remain skeptical": a stance
/// cue of two words. Returns its length in tokens.
fn evaluative_cue(cx: &Context, toks: &[Token], i: usize) -> Option<usize> {
    let w = cx.word(toks.get(i)?).to_ascii_lowercase();
    let n = cx.word(toks.get(i + 1)?).to_ascii_lowercase();
    let voiced = matches!(w.as_str(), "expressed" | "raised" | "voiced" | "expressing" | "raising")
        && matches!(
            n.as_str(),
            "skepticism" | "concern" | "concerns" | "doubt" | "doubts" | "support" | "frustration"
                | "opposition" | "alarm" | "questions" | "fears" | "confidence" | "optimism" | "outrage"
        );
    let stance = matches!(
        w.as_str(),
        "remain" | "remains" | "remained" | "is" | "are" | "was" | "were" | "grew" | "became"
    ) && matches!(
        n.as_str(),
        "skeptical" | "confident" | "convinced" | "worried" | "concerned" | "optimistic"
            | "pessimistic" | "hopeful" | "unconvinced" | "doubtful" | "adamant" | "certain"
    );
    (voiced || stance).then_some(2)
}

/// A verb cue at tokens `[c0, c1)`: finds the source (before it, or after
/// it when inverted) and the content (after it, or before it).
#[allow(clippy::too_many_arguments)]
fn verb_frame(
    cx: &Context,
    si: usize,
    toks: &[Token],
    c0: usize,
    c1: usize,
    first_in_sentence: usize,
    earlier: &[Relation],
    cognition: bool,
) -> Option<(Relation, usize)> {
    // Auxiliaries and adverbs before the verb belong to the cue.
    let mut c0 = c0;
    while c0 > 0 && {
        let p = cx.word(&toks[c0 - 1]);
        (contains(lexicon::CUE_PREFIXES, p) || p == "not") && !is_capitalised(cx.text, &toks[c0 - 1])
    } {
        c0 -= 1;
    }
    let verb = cx.word(&toks[c1 - 1]);
    let prev_is_break = c0 > 0 && {
        let p = &toks[c0 - 1];
        is_punct(cx.text, p, ',') || cx.is_mark(p)
    };
    let sentence_start = clause_start(cx, toks);
    // ", adding that ...": the participle shares the main clause's source.
    if contains(lexicon::PARTICIPLES, verb) && c0 > 0 && is_punct(cx.text, &toks[c0 - 1], ',') {
        let shared = earlier.len().checked_sub(1).filter(|&k| k >= first_in_sentence);
        let content = forward_content(cx, si, toks, c1, true)?;
        return Some((
            Relation {
                cue: span(toks, c0, c1),
                source: shared.and_then(|k| earlier[k].source),
                content,
                direct: false,
                shares_source_of: shared,
                sentence: si,
            },
            c1,
        ));
    }
    // Inverted: "“...,” said Ian Kelly, a retired career diplomat."
    if prev_is_break && !cognition {
        let after = skip_time_words(cx, toks, c1);
        if let Some(src) = phrases::source_after(cx, toks, after) {
            let content = backward_content(cx, si, toks, c0 - 1, sentence_start)?;
            let mut content = vec![content];
            let cue_end = if after > c1 && src.start == after { c1 } else { c1 };
            add_split_quote(cx, toks, src.end, &mut content);
            return Some((
                Relation {
                    cue: span(toks, c0, cue_end),
                    source: Some(phrase_span(toks, src)),
                    content,
                    direct: false,
                    shares_source_of: None,
                    sentence: si,
                },
                src.end,
            ));
        }
    }
    let src = phrases::source_before(cx, toks, c0)?;
    if cognition && src.end - src.start > 6 {
        return None;
    }
    if matches!(verb, "show" | "shows" | "showed" | "found" | "estimate" | "estimates" | "estimated")
        && !source_is_document(cx, toks, src)
        && toks.get(c1).map(|t| cx.word(t)) != Some("that")
    {
        return None;
    }
    // What follows the cue decides where the content is.
    let after_time = skip_time_words(cx, toks, c1);
    let after_object = if contains(lexicon::OBJECT_VERBS, verb) {
        skip_object(cx, toks, after_time)
    } else {
        after_time
    };
    let that = find_that(cx, toks, after_object);
    let boundary_before_source = src.start.checked_sub(1).filter(|&b| {
        let t = &toks[b];
        is_punct(cx.text, t, ',') || cx.is_mark(t)
    });
    let nothing_after = after_object >= toks.len() || is_end(cx, toks, after_object);
    let adjunct_after = toks.get(after_object).is_some_and(|t| {
        is_punct(cx.text, t, ',')
            || (contains(lexicon::ADJUNCT_STARTS, cx.word(t)) && !is_capitalised(cx.text, t))
    });
    if let (Some(b), None) = (boundary_before_source, that) {
        if nothing_after || adjunct_after {
            let cue_end = if after_time > c1 && (after_time >= toks.len() || is_end(cx, toks, after_time) || is_punct(cx.text, &toks[after_time], ',')) {
                after_time
            } else {
                c1
            };
            let mut content = vec![backward_content(cx, si, toks, b, sentence_start)?];
            add_split_quote(cx, toks, cue_end, &mut content);
            return Some((
                Relation {
                    cue: span(toks, c0, cue_end),
                    source: Some(phrase_span(toks, src)),
                    content,
                    direct: false,
                    shares_source_of: None,
                    sentence: si,
                },
                cue_end,
            ));
        }
    }
    let start = that.unwrap_or(after_object);
    let content = forward_content(cx, si, toks, start, false).unwrap_or_default();
    if content.is_empty() {
        return None;
    }
    Some((
        Relation {
            cue: span(toks, c0, c1),
            source: Some(phrase_span(toks, src)),
            content,
            direct: false,
            shares_source_of: None,
            sentence: si,
        },
        c1,
    ))
}

/// "According to X, ..." and "..., according to X."
fn according_to(cx: &Context, si: usize, toks: &[Token], i: usize) -> Option<(Relation, usize)> {
    let cue = span(toks, i, i + 2);
    let sentence_start = clause_start(cx, toks);
    if i <= sentence_start {
        // Source up to the first comma, content after it.
        let comma = (i + 2..toks.len()).find(|&k| is_punct(cx.text, &toks[k], ','))?;
        if comma <= i + 2 {
            return None;
        }
        let content = forward_content(cx, si, toks, comma + 1, false)?;
        return Some((
            Relation {
                cue,
                source: Some(span(toks, i + 2, comma)),
                content,
                direct: false,
                shares_source_of: None,
                sentence: si,
            },
            comma,
        ));
    }
    let src = phrases::source_after(cx, toks, i + 2)?;
    let content = if i > 0 && is_punct(cx.text, &toks[i - 1], ',') {
        backward_content(cx, si, toks, i - 1, sentence_start)?
    } else {
        span(toks, sentence_start, i)
    };
    Some((
        Relation {
            cue,
            source: Some(phrase_span(toks, src)),
            content: vec![content],
            direct: false,
            shares_source_of: None,
            sentence: si,
        },
        src.end,
    ))
}

/// "X is viewed by Y as ...", "His views were echoed by experts".
fn passive(cx: &Context, si: usize, toks: &[Token], be: usize) -> Option<(Relation, usize)> {
    let mut p = be + 1;
    while toks.get(p).is_some_and(|t| {
        matches!(cx.word(t), "widely" | "also" | "often" | "generally" | "increasingly" | "largely" | "being" | "been")
    }) {
        p += 1;
    }
    let participle = cx.word(toks.get(p)?);
    if !contains(lexicon::PASSIVE_PARTICIPLES, participle) || toks.get(p + 1).map(|t| cx.word(t)) != Some("by") {
        return None;
    }
    let from = p + 2;
    let mut end = from;
    while end < toks.len() {
        let t = &toks[end];
        let w = cx.word(t);
        if (t.kind == TokenKind::Punct && !matches!(w, "." | "’" | "'" | "-")) || matches!(w, "as" | "for" | "because" | "to") || cx.is_mark(t) {
            break;
        }
        end += 1;
    }
    while end > from && is_punct(cx.text, &toks[end - 1], '.') {
        end -= 1;
    }
    if end == from {
        return None;
    }
    let subject = phrases::source_before(cx, toks, be)?;
    let mut content = vec![phrase_span(toks, subject)];
    if toks.get(end).is_some_and(|t| cx.word(t) == "as") {
        if let Some(more) = forward_content(cx, si, toks, end, false) {
            content.extend(more);
        }
    }
    Some((
        Relation {
            cue: span(toks, be, p + 1),
            source: Some(span(toks, from, end)),
            content,
            direct: false,
            shares_source_of: None,
            sentence: si,
        },
        end,
    ))
}

/// True when the source phrase names a document or survey ("a new poll").
fn source_is_document(cx: &Context, toks: &[Token], src: Phrase) -> bool {
    toks[src.start..src.end].iter().any(|t| {
        matches!(
            cx.word(t).to_ascii_lowercase().as_str(),
            "poll" | "polls" | "survey" | "surveys" | "study" | "studies" | "report" | "reports" | "data"
                | "analysis" | "research" | "records" | "figures" | "numbers" | "review" | "investigation"
                | "audit" | "estimates" | "documents" | "filings" | "statistics" | "researchers"
        )
    })
}

/// First token of the sentence's own words: after "But", "And" and the like.
fn clause_start(cx: &Context, toks: &[Token]) -> usize {
    let mut k = 0;
    while k < toks.len() && contains(lexicon::LEADING_CONNECTIVES, cx.word(&toks[k])) && !cx.is_mark(&toks[k]) {
        k += 1;
        // "But, ..." keeps its comma out too.
        if toks.get(k).is_some_and(|t| is_punct(cx.text, t, ',')) {
            k += 1;
        }
    }
    k.min(toks.len())
}

fn skip_time_words(cx: &Context, toks: &[Token], mut k: usize) -> usize {
    while k < toks.len() && contains(lexicon::CUE_TIME_SUFFIXES, cx.word(&toks[k])) {
        k += 1;
    }
    k
}

/// Skips the addressee of "told", "urged": up to the content's start.
fn skip_object(cx: &Context, toks: &[Token], from: usize) -> usize {
    let mut k = from;
    while k < toks.len() && k < from + 8 {
        let t = &toks[k];
        let w = cx.word(t);
        if cx.is_mark(t) || matches!(w, "that" | "to" | ":" | "," | "." | "about" | "of" | "how" | "why" | "what" | "whether" | "if") {
            break;
        }
        if contains(lexicon::ADJUNCT_STARTS, w) && !is_capitalised(cx.text, t) && k > from {
            break;
        }
        k += 1;
    }
    k
}

/// A complementiser "that" opening the content within a few words after the cue
/// ("said in a statement that ...").
fn find_that(cx: &Context, toks: &[Token], from: usize) -> Option<usize> {
    (from..toks.len().min(from + 8))
        .take_while(|&k| !is_punct(cx.text, &toks[k], ',') && !cx.is_mark(&toks[k]))
        .find(|&k| cx.word(&toks[k]) == "that")
}

/// True when token `k` ends the sentence (terminal punctuation, maybe with
/// closing marks after it).
fn is_end(cx: &Context, toks: &[Token], k: usize) -> bool {
    toks[k..].iter().all(|t| {
        t.kind == TokenKind::Punct && (matches!(cx.word(t), "." | "!" | "?" | ")" | "…") || cx.is_mark(t))
    })
}

/// The content after a cue: from token `start` to the end of the sentence,
/// or to the end of a quotation that opens there and runs on. When nothing
/// follows ("Trump said:"), the quotation opening the next sentence.
fn forward_content(cx: &Context, si: usize, toks: &[Token], start: usize, allow_empty: bool) -> Option<Vec<ByteSpan>> {
    let mut start = start;
    while start < toks.len() && matches!(cx.word(&toks[start]), "," | ":" | "—" | "–") {
        start += 1;
    }
    if start >= toks.len() || is_end(cx, toks, start) {
        if allow_empty {
            return None;
        }
        // The quotation in the next sentence (or paragraph).
        let next = cx.sentences.get(si + 1)?;
        let q = cx.quote_starting_at(next.start).filter(|q| q.outer.start == next.start)?;
        return Some(vec![q.outer]);
    }
    let mut end = content_end(cx, toks);
    let first = &toks[start];
    if cx.is_mark(first) {
        if let Some(q) = cx.top_quote_at(first.span.start).filter(|q| q.outer.start == first.span.start) {
            end = end.max(q.outer.end);
        }
    }
    let span = ByteSpan::new(first.span.start, end);
    (!span.is_empty()).then(|| vec![span])
}

/// Where a sentence's own words end: before its final period, unless the
/// period sits inside a closing quotation mark.
fn content_end(cx: &Context, toks: &[Token]) -> usize {
    let mut k = toks.len();
    while k > 0 {
        let t = &toks[k - 1];
        if cx.is_mark(t) || t.kind != TokenKind::Punct || !matches!(cx.word(t), "." | "!" | "?" | "…" | ";" | ":") {
            break;
        }
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
fn backward_content(cx: &Context, si: usize, toks: &[Token], boundary: usize, clause: usize) -> Option<ByteSpan> {
    let sentence = cx.sentences[si];
    let mut mark = boundary;
    if is_punct(cx.text, &toks[boundary], ',') && boundary > 0 && cx.is_mark(&toks[boundary - 1]) {
        mark = boundary - 1;
    }
    let (start, end) = if cx.is_mark(&toks[mark]) {
        let end = toks[mark].span.end;
        let quote = cx
            .quotes
            .iter()
            .filter(|q| q.depth == 0 && q.outer.end == end)
            .last();
        match quote {
            Some(q) if q.outer.start < sentence.start => (q.outer.start, end),
            Some(q) => {
                let lead = cx.text.get(sentence.start..q.outer.start).unwrap_or("").trim_end();
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
    let span = ByteSpan::new(start, end);
    (span.len() > 1 && start < toks[boundary].span.start.max(start + 1)).then_some(span)
}

/// `"…," he said, "…."`: the quotation after the attribution is content too.
fn add_split_quote(cx: &Context, toks: &[Token], after: usize, content: &mut Vec<ByteSpan>) {
    let Some(t) = toks.get(after) else { return };
    if !matches!(cx.word(t), "," | ":") {
        return;
    }
    if let Some(q) = toks
        .get(after + 1)
        .filter(|n| cx.is_mark(n))
        .and_then(|n| cx.top_quote_at(n.span.start).filter(|q| q.outer.start == n.span.start))
    {
        content.push(q.outer);
    }
}

/// Within one sentence, no token plays two parts: a relation's content or
/// source is cut before a later relation's source or cue inside it.
fn untangle(cx: &Context, rels: &mut [Relation]) {
    for b in 1..rels.len() {
        let (before, after) = rels.split_at_mut(b);
        let later = &after[0];
        let cut = later
            .source
            .filter(|s| s.start < later.cue.start)
            .map_or(later.cue.start, |s| s.start);
        for a in before.iter_mut() {
            if let Some(s) = a.source {
                if a.shares_source_of.is_none() && s.start < cut && cut < s.end {
                    a.source = trimmed(cx.text, ByteSpan::new(s.start, cut));
                }
            }
            for piece in a.content.iter_mut() {
                if piece.start < cut && cut < piece.end {
                    *piece = trimmed(cx.text, ByteSpan::new(piece.start, cut)).unwrap_or(ByteSpan::new(piece.start, piece.start));
                }
            }
            a.content.retain(|p| !p.is_empty());
        }
    }
}

/// `span` without trailing spaces, commas and dashes.
fn trimmed(text: &str, span: ByteSpan) -> Option<ByteSpan> {
    let s = span.of(text);
    let t = s.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ',' | '—' | '–' | ';'));
    (!t.is_empty()).then(|| ByteSpan::new(span.start, span.start + t.len()))
}

/// True when `span` is exactly one top-level quotation, marks included.
fn is_whole_quote(cx: &Context, span: ByteSpan) -> bool {
    cx.quotes.iter().any(|q| q.depth == 0 && q.outer == span)
}

/// A direct quotation that goes on after its attribution: the following
/// sentences of the paragraph that open with a quotation mark and have no
/// cue of their own, and the paragraphs a quotation continues into.
fn attach_continuations(cx: &Context, rels: &mut [Relation]) {
    let has_cue: Vec<bool> = {
        let mut v = vec![false; cx.sentences.len()];
        for r in rels.iter() {
            if let Some(x) = v.get_mut(r.sentence) {
                *x = true;
            }
        }
        v
    };
    for r in rels.iter_mut() {
        let Some(&last) = r.content.last() else { continue };
        let Some(q) = cx.quotes.iter().find(|q| q.depth == 0 && q.outer.end == last.end) else {
            continue;
        };
        let mut covered_to = last.end.max(r.cue.end).max(r.source.map_or(0, |s| s.end));
        let mut continues = q.continues;
        let paragraph = cx.paragraph.get(r.sentence).copied();
        let mut sj = cx.sentence_at(covered_to.saturating_sub(1)).unwrap_or(r.sentence) + 1;
        while let Some(&s) = cx.sentences.get(sj) {
            if s.end <= covered_to {
                sj += 1;
                continue;
            }
            let same_paragraph = cx.paragraph.get(sj).copied() == paragraph;
            if !(same_paragraph || continues) || has_cue.get(sj).copied().unwrap_or(true) {
                break;
            }
            let Some(next) = cx.quote_starting_at(s.start).filter(|n| n.outer.start == s.start) else {
                break;
            };
            let next = *next;
            r.content.push(next.outer);
            covered_to = next.outer.end;
            continues = next.continues;
            sj += 1;
        }
    }
}
