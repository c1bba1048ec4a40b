//! Attribution relations, sentence by sentence: a cue ("said", "according
//! to", "is viewed by", "expressed skepticism"), its source phrase and its
//! content, for direct quotes and reported speech alike. Quotations that go
//! on after their attribution ("“...,” Kelly said. “...”") are then
//! attached to it.

use super::context::{is_capitalised, is_punct, Context};
use super::lexicon;
use super::phrases::{self, Phrase};
use crate::segment::{Token, TokenKind};
use crate::spans::ByteSpan;

mod asked;
mod credit_line;

/// What a cue reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CueKind {
    /// Said, wrote, found, according to: the content is the source's claim.
    Speech,
    /// Believes, thinks, remains skeptical: the source's view.
    Belief,
    /// Wants, plans, supports: a report about the source, not its claim.
    Stance,
}

/// One attribution: who (source) says or thinks what (content), shown by
/// which words (cue). Spans are as written: a pronoun source stays "he".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Relation {
    pub kind: CueKind,
    /// A participle or coordinated verb that continues the main clause
    /// (", adding that ...", "... and said ...").
    pub continues_clause: bool,
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
    /// A non-restrictive relative clause ("Assange, who denies the
    /// accusation, has avoided extradition"): an aside about the source, not
    /// the sentence's attribution.
    pub aside: bool,
}

/// Every relation in the article, ordered by cue.
pub fn find(cx: &Context) -> Vec<Relation> {
    let mut out: Vec<Relation> = Vec::new();
    for (si, &sentence) in cx.sentences.iter().enumerate() {
        let toks = cx.tokens_in(sentence);
        let first = out.len();
        let mut i = 0;
        if let Some((rel, next)) = headline_colon(cx, si, toks).or_else(|| in_a_poll(cx, si, toks))
        {
            out.push(rel);
            i = next;
        }
        while i < toks.len() {
            match cue_at(cx, si, toks, i, first, &out) {
                Some((rel, next)) => {
                    out.push(rel);
                    i = next.max(i + 1);
                }
                None => i += 1,
            }
        }
        untangle(cx, &mut out, first);
        if let Some(rel) = colon_quote(cx, si, toks, &out[first..]) {
            out.push(rel);
        }
        if out.len() == first {
            out.extend(super::lead_in::list_after_lead_in(cx, si));
        }
        if out.len() == first {
            out.extend(credit_line::after_quote(cx, si));
        }
        if out.len() == first && out.last().is_none_or(|r| r.sentence + 1 < si) {
            out.extend(framed_quote(cx, si));
        }
    }
    out.retain(|r| !r.content.is_empty());
    for r in &mut out {
        mark_aside(cx, r);
    }
    attach_continuations(cx, &mut out);
    attach_earlier_pieces(cx, &mut out);
    // A defect in a rule must never reach the output as a broken span.
    out.retain(|r| {
        let ok = |s: &ByteSpan| {
            s.start <= s.end && cx.text.is_char_boundary(s.start) && cx.text.is_char_boundary(s.end)
        };
        ok(&r.cue) && r.source.iter().all(ok) && r.content.iter().all(ok)
    });
    for r in &mut out {
        r.direct = !r.content.is_empty() && r.content.iter().all(|c| is_whole_quote(cx, *c));
    }
    out
}

/// The bytes of tokens `[from, to)`; empty (at `from`) when `to <= from`.
fn span(toks: &[Token], from: usize, to: usize) -> ByteSpan {
    let start = toks.get(from).map_or(0, |t| t.span.start);
    let end = to
        .checked_sub(1)
        .and_then(|k| toks.get(k))
        .map_or(start, |t| t.span.end)
        .max(start);
    ByteSpan::new(start, end)
}

fn phrase_span(toks: &[Token], p: Phrase) -> ByteSpan {
    span(toks, p.start, p.end)
}

fn relation(
    kind: CueKind,
    si: usize,
    cue: ByteSpan,
    source: Option<ByteSpan>,
    content: Vec<ByteSpan>,
) -> Relation {
    Relation {
        kind,
        continues_clause: false,
        cue,
        source,
        content,
        direct: false,
        shares_source_of: None,
        sentence: si,
        aside: false,
    }
}

fn lower_is(cx: &Context, t: Option<&Token>, words: &[&str]) -> bool {
    t.is_some_and(|t| words.iter().any(|w| cx.word(t).eq_ignore_ascii_case(w)))
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
    if t.kind != TokenKind::Word {
        return None;
    }
    let w = cx.word(t);
    if matches!(w, "in" | "In" | "as" | "As") {
        return in_their_words(cx, si, toks, i);
    }
    if matches!(w, "asked" | "Asked") && !cx.is_quoted(t.span.start) {
        if let Some(found) = asked::frame(cx, si, toks, i) {
            return Some(found);
        }
    }
    // Cues are lower-case words, but for "According to" and a sentence
    // opening "Said X, ...": capitalised words are skipped unread.
    let capitalised = is_capitalised(cx.text, t);
    if capitalised && !matches!(w, "According" | "Said" | "Says") {
        return None;
    }
    if w.eq_ignore_ascii_case("according") {
        if lower_is(cx, toks.get(i + 1), &["to"]) && !cx.is_quoted(t.span.start) {
            return according_to(cx, si, toks, i);
        }
        return None;
    }
    if matches!(w, "reads" | "read") {
        return document_reads(cx, toks, i)
            .then(|| {
                verb_frame(
                    cx,
                    si,
                    toks,
                    i,
                    i + 1,
                    first_in_sentence,
                    earlier,
                    CueKind::Speech,
                )
            })
            .flatten();
    }
    // One lookup answers every list for this word.
    let class = cx.class_of(t);
    use lexicon::bits::{
        BE_FORMS, COGNITION_VERBS, CUE_VERBS, EXPRESS_VERBS, STANCE_COPULAS, STANCE_VERBS,
    };
    if class
        & (BE_FORMS | COGNITION_VERBS | CUE_VERBS | EXPRESS_VERBS | STANCE_COPULAS | STANCE_VERBS)
        == 0
        || cx.is_quoted(t.span.start)
    {
        return None;
    }
    if class & BE_FORMS != 0 {
        if let Some(found) = passive(cx, si, toks, i) {
            return Some(found);
        }
    }
    if let Some((len, kind)) = evaluative_cue(cx, toks, i) {
        return verb_frame(cx, si, toks, i, i + len, first_in_sentence, earlier, kind);
    }
    if capitalised {
        return if i == 0 {
            said_first(cx, si, toks)
        } else {
            None
        };
    }
    // "referring to the community": what was meant, not what was said.
    let kind = if w.starts_with("referr") {
        CueKind::Stance
    } else if class & CUE_VERBS != 0 {
        CueKind::Speech
    } else if class & COGNITION_VERBS != 0 {
        CueKind::Belief
    } else if class & STANCE_VERBS != 0 {
        CueKind::Stance
    } else {
        return None;
    };
    if i > 0 {
        let prev = cx.word(&toks[i - 1]);
        // "is said to", "to say", "the claim", "his statement": not a cue
        // here; "is calling", "are saying" are.
        if lexicon::has(lexicon::bits::BE_FORMS, prev) && !w.ends_with("ing")
            || matches!(
                prev.to_ascii_lowercase().as_str(),
                "to" | "the"
                    | "a"
                    | "an"
                    | "his"
                    | "her"
                    | "their"
                    | "its"
                    | "our"
                    | "my"
                    | "your"
                    | "this"
                    | "no"
                    | "of"
                    | "for"
                    | "new"
                    | "first"
                    | "latest"
                    | "whose"
            )
        {
            return None;
        }
    }
    // "Salafists attacked bars and art galleries": an assault, not words. A
    // verbal attack has a person or a body as its target ("attacked
    // Clinton", "attacked her record") or says what it attacked the target
    // as, for or over.
    if matches!(w, "attack" | "attacked" | "attacks" | "attacking") {
        let target_is_someone = toks.get(i + 1).is_some_and(|n| {
            is_capitalised(cx.text, n)
                || matches!(
                    cx.word(n),
                    "him" | "her" | "them" | "his" | "their" | "its" | "me" | "us" | "you"
                )
        });
        let verbal_frame = toks[i + 1..]
            .iter()
            .any(|n| matches!(cx.word(n), "as" | "for" | "over" | "on" | ":"));
        if !target_is_someone && !verbal_frame {
            return None;
        }
    }
    // "pledged $3 billion": money committed, not words said.
    if lexicon::contains(lexicon::PLEDGE_VERBS, w)
        && toks.get(i + 1).is_some_and(|n| {
            n.kind == TokenKind::Number
                || matches!(cx.word(n), "$" | "€" | "£" | "¥")
                || cx.word(n).starts_with(|c: char| c.is_ascii_digit())
        })
    {
        return None;
    }
    let mut end = i + 1;
    if let Some(n) = toks.get(i + 1).map(|n| cx.word(n)) {
        let particle = match w {
            "pointed" | "points" | "pointing" => n == "out",
            "called" | "calls" | "calling" | "call" => matches!(n, "for" | "on"),
            "referring" | "referred" => n == "to",
            "talked" | "talking" => n == "about",
            // "“... ?” Rothman recalls thinking at the time."
            "recalls" | "recalled" | "remembers" | "remembered" => {
                matches!(n, "thinking" | "wondering" | "saying" | "asking")
            }
            _ => false,
        };
        if particle {
            end += 1;
        } else if matches!(
            w,
            "referring" | "referred" | "talked" | "talking" | "points" | "pointing"
        ) {
            return None;
        }
    }
    verb_frame(cx, si, toks, i, end, first_in_sentence, earlier, kind)
}

/// "expressed skepticism", "raised concerns", "remain skeptical": a stance
/// cue of two words. Returns its length in tokens and kind.
fn evaluative_cue(cx: &Context, toks: &[Token], i: usize) -> Option<(usize, CueKind)> {
    use lexicon::bits::{EXPRESS_NOUNS, EXPRESS_VERBS, STANCE_ADJECTIVES, STANCE_COPULAS};
    let w = cx.class_of(toks.get(i)?);
    if w & (EXPRESS_VERBS | STANCE_COPULAS) == 0 {
        return None;
    }
    let n = cx.class_of(toks.get(i + 1)?);
    if w & EXPRESS_VERBS != 0 && n & EXPRESS_NOUNS != 0 {
        return Some((2, CueKind::Speech));
    }
    (w & STANCE_COPULAS != 0 && n & STANCE_ADJECTIVES != 0).then_some((2, CueKind::Belief))
}

/// The subject at the start of the sentence's main clause: a pronoun or a
/// short name phrase ("The Wisconsin Republican", "Democrat Hillary Clinton").
fn clause_subject(cx: &Context, toks: &[Token], before: usize) -> Option<Phrase> {
    let mut starts = vec![clause_start(cx, toks)];
    starts.extend(
        (0..before)
            .filter(|&k| is_punct(cx.text, &toks[k], ','))
            .map(|k| k + 1)
            .take(2),
    );
    for start in starts {
        let first = toks.get(start)?;
        if start >= before {
            break;
        }
        let w = cx.word(first).to_ascii_lowercase();
        if matches!(
            w.as_str(),
            "there"
                | "it"
                | "this"
                | "that"
                | "here"
                | "what"
                | "these"
                | "those"
                | "in"
                | "on"
                | "at"
                | "with"
                | "by"
                | "for"
                | "from"
                | "during"
                | "whenever"
                | "earlier"
                | "later"
                | "more"
                | "last"
                | "then"
                | "among"
                | "under"
                | "over"
                | "without"
                | "despite"
                | "amid"
                | "like"
                | "unlike"
                | "once"
        ) || lexicon::has(lexicon::bits::CLAUSE_OPENERS, &w)
        {
            continue;
        }
        if cx.has(first, lexicon::bits::PRONOUNS)
            && !matches!(
                cx.word(first).to_ascii_lowercase().as_str(),
                "who" | "which" | "it" | "you"
            )
        {
            return Some(Phrase {
                start,
                end: start + 1,
            });
        }
        let mut end = start;
        while end < before && end < start + 8 {
            let t = &toks[end];
            let w = cx.word(t);
            let ok = is_capitalised(cx.text, t)
                || (end == start && matches!(w, "the" | "The" | "A" | "a"))
                || (end > start && matches!(w, "." | "’" | "'" | "-"))
                || (t.kind == TokenKind::Punct
                    && (is_punct(cx.text, t, '(') || is_punct(cx.text, t, ')')));
            if !ok {
                break;
            }
            end += 1;
        }
        if end > start
            && toks[start..end]
                .iter()
                .any(|t| is_capitalised(cx.text, t) && !matches!(cx.word(t), "The" | "A"))
        {
            return Some(Phrase { start, end });
        }
    }
    None
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
    if prev_is_break
        && before.is_none()
        && kind == CueKind::Speech
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
pub(super) fn is_cue_adverb(cx: &Context, t: &Token) -> bool {
    let w = cx.word(t);
    (lexicon::has(lexicon::bits::CUE_PREFIXES, w) || w == "not" || is_adverb(w))
        && !is_capitalised(cx.text, t)
}

/// The subject of the clause that ends at token `before`, as a span.
pub(super) fn subject_before(cx: &Context, toks: &[Token], before: usize) -> Option<ByteSpan> {
    clause_subject(cx, toks, before).map(|p| phrase_span(toks, p))
}

/// An "-ly" adverb ("initially", "famously"), not a noun like "family".
fn is_adverb(w: &str) -> bool {
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

/// "Said Dorothy Poynter, who grew up with Ali, “We were all so proud.”"
fn said_first(cx: &Context, si: usize, toks: &[Token]) -> Option<(Relation, usize)> {
    let src = phrases::source_after(cx, toks, 1)?;
    let content = forward_content(cx, si, toks, src.end, false)?;
    Some((
        relation(
            CueKind::Speech,
            si,
            span(toks, 0, 1),
            Some(phrase_span(toks, src)),
            content,
        ),
        src.end,
    ))
}

/// "Graham: Trump’s ‘Incredibly Hateful Rhetoric’ ...": a headline or
/// transcript line whose speaker is named before a colon.
fn headline_colon(cx: &Context, si: usize, toks: &[Token]) -> Option<(Relation, usize)> {
    let first_of_paragraph =
        si == 0 || cx.paragraph.get(si.wrapping_sub(1)) != cx.paragraph.get(si);
    if !first_of_paragraph {
        return None;
    }
    let colon = toks.iter().take(5).position(|t| cx.word(t) == ":")?;
    if colon == 0
        || !is_capitalised(cx.text, &toks[0])
        || matches!(cx.word(&toks[0]), "The" | "A" | "An")
    {
        return None;
    }
    // Labels, not speakers: "Update:", "Editor’s Note:", "Poll:", a
    // directory's "Investment:" and "Client Wins:".
    if toks[..colon]
        .iter()
        .any(|t| lexicon::contains(lexicon::LABEL_WORDS, cx.word(t)))
    {
        return None;
    }
    let name_like = toks[..colon].iter().all(|t| {
        let w = cx.word(t);
        is_capitalised(cx.text, t)
            || matches!(
                w,
                "." | "’" | "'" | "-" | "&" | "of" | "camp" | "campaign" | "aides" | "officials"
            )
    });
    let after = toks.get(colon + 1)?;
    let content_opens =
        (is_capitalised(cx.text, after) || cx.is_mark(after)) && !t_is_number(after);
    if !name_like || !content_opens || toks.len() < colon + 3 {
        return None;
    }
    // A list item's label, not a name: every word of it is one the article
    // also writes in lower case ("Black Beans: Black beans are …",
    // "Investment: …"). A name is capitalised wherever it appears.
    let label_words = toks[..colon].iter().filter(|t| t.kind == TokenKind::Word);
    if !cx.is_mark(after)
        && label_words.clone().count() > 0
        && label_words
            .clone()
            .all(|t| cx.written_in_lower_case(cx.word(t)))
    {
        return None;
    }
    // A transcript's "TAPPER:" is a speaker; a shouted label ("UPDATE:")
    // was left out above, with the other label words.

    let content = forward_content(cx, si, toks, colon + 1, true)?;
    Some((
        relation(
            CueKind::Speech,
            si,
            span(toks, colon, colon + 1),
            Some(span(toks, 0, colon)),
            content,
        ),
        colon + 1,
    ))
}

fn t_is_number(t: &Token) -> bool {
    t.kind == TokenKind::Number
}

/// "In a new CNN poll, 51 percent of voters ...": the poll is the source.
fn in_a_poll(cx: &Context, si: usize, toks: &[Token]) -> Option<(Relation, usize)> {
    let start = clause_start(cx, toks);
    if !lower_is(cx, toks.get(start), &["in"]) {
        return None;
    }
    let comma =
        (start + 1..toks.len().min(start + 16)).find(|&k| is_punct(cx.text, &toks[k], ','))?;
    let phrase = Phrase {
        start: start + 1,
        end: comma,
    };
    if phrase.end <= phrase.start
        || !toks[phrase.start..phrase.end].iter().any(|t| {
            matches!(
                cx.word(t).to_ascii_lowercase().as_str(),
                "poll" | "survey" | "study" | "report" | "analysis" | "census"
            )
        })
    {
        return None;
    }
    let content = forward_content(cx, si, toks, comma + 1, true)?;
    Some((
        relation(
            CueKind::Speech,
            si,
            span(toks, start, start + 1),
            Some(phrase_span(toks, phrase)),
            content,
        ),
        comma + 1,
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
        let content = forward_content(cx, si, toks, comma + 1, true)?;
        return Some((
            relation(
                CueKind::Speech,
                si,
                cue,
                Some(span(toks, i + 2, comma)),
                content,
            ),
            comma,
        ));
    }
    // The source runs to the sentence end (or a clause break).
    let from = i + 2;
    let mut end = from;
    while end < toks.len() {
        let t = &toks[end];
        let w = cx.word(t);
        if cx.is_mark(t)
            || matches!(w, ";" | "—" | "–" | ":" | "!" | "?")
            || (w == "." && end + 1 >= toks.len())
        {
            break;
        }
        if w == ","
            && toks.get(end + 1).is_some_and(|n| {
                let nw = cx.word(n);
                !is_capitalised(cx.text, n)
                    && (lexicon::has(lexicon::bits::CLAUSE_OPENERS, nw)
                        || lexicon::has(lexicon::bits::PARTICIPLES, nw)
                        || nw == "and")
            })
        {
            break;
        }
        end += 1;
    }
    while end > from
        && toks[end - 1].kind == TokenKind::Punct
        && !is_punct(cx.text, &toks[end - 1], ')')
    {
        end -= 1;
    }
    if end <= from {
        return None;
    }
    let content = if i > 0 && is_punct(cx.text, &toks[i - 1], ',') {
        backward_content(cx, si, toks, i - 1, sentence_start)?
    } else {
        let s = span(toks, sentence_start, i);
        if s.is_empty() {
            return None;
        }
        s
    };
    Some((
        relation(
            CueKind::Speech,
            si,
            cue,
            Some(span(toks, from, end)),
            vec![content],
        ),
        end,
    ))
}

/// "The tweet from Vulture magazine reads, “...”", "“...,” read the
/// statement": "read" is a cue only between a document and a quotation.
fn document_reads(cx: &Context, toks: &[Token], i: usize) -> bool {
    let is_doc = |k: usize| {
        toks.get(k)
            .is_some_and(|t| cx.has(t, lexicon::bits::DOCUMENTS))
    };
    let quote_at = |k: usize| toks.get(k).is_some_and(|t| cx.is_mark(t));
    let before = (clause_start(cx, toks)..i).any(is_doc)
        && toks
            .get(i + 1)
            .is_some_and(|t| matches!(cx.word(t), "," | ":"))
        && quote_at(i + 2);
    let after = i > 0
        && (quote_at(i - 1) || i > 1 && cx.word(&toks[i - 1]) == "," && quote_at(i - 2))
        && (i + 1..toks.len().min(i + 4)).any(is_doc);
    before || after
}

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

/// "De Miranda beautifully evokes the notion ... in his introduction: “...”":
/// a quotation opened by a colon, in a sentence with no cue of its own for
/// it, is the words of the clause's subject when that is a name or "he" or
/// "she".
fn colon_quote(cx: &Context, si: usize, toks: &[Token], found: &[Relation]) -> Option<Relation> {
    // One byte search first: most sentences have no colon.
    let sentence = cx.sentences.get(si)?;
    if !sentence.of(cx.text).contains(':') {
        return None;
    }
    let colon = toks
        .iter()
        .position(|t| is_punct(cx.text, t, ':') && !cx.is_quoted(t.span.start))?;
    let mark = toks.get(colon + 1).filter(|t| cx.is_mark(t))?;
    let q = cx
        .top_quote_at(mark.span.start)
        .filter(|q| q.outer.start == mark.span.start)?;
    let claimed = found.iter().any(|r| {
        r.content
            .iter()
            .any(|c| c.start <= q.outer.start && q.outer.start < c.end)
    });
    if claimed {
        return None;
    }
    // "Pollsters agree - Carl Bialik: “…”": a name set off right before
    // the colon is the speaker, whatever the clause before it.
    if let Some(name) = name_before_colon(cx, toks, colon) {
        return Some(relation(
            CueKind::Speech,
            si,
            span(toks, colon, colon + 1),
            Some(name),
            vec![q.outer],
        ));
    }
    let subject = clause_subject(cx, toks, colon)?;
    let first = cx.word(toks.get(subject.start)?).to_ascii_lowercase();
    let named = toks[subject.start..subject.end]
        .iter()
        .any(|t| is_name_word_token(cx, t));
    if !(named || matches!(first.as_str(), "he" | "she")) {
        return None;
    }
    Some(relation(
        CueKind::Speech,
        si,
        span(toks, colon, colon + 1),
        Some(phrase_span(toks, subject)),
        vec![q.outer],
    ))
}

/// The two to four capitalised words right before token `colon`, set off
/// by a dash (or opening the sentence): a roundup's "- Carl Bialik:".
fn name_before_colon(cx: &Context, toks: &[Token], colon: usize) -> Option<ByteSpan> {
    let mut k = colon;
    while k > 0 && colon - k < 4 && is_name_word_token(cx, &toks[k - 1]) {
        k -= 1;
    }
    let words = colon - k;
    let set_off = k == 0 || matches!(cx.word(&toks[k - 1]), "-" | "—" | "–");
    (words >= 2 && set_off).then(|| span(toks, k, colon))
}

/// "Charles Schultze, chairman of the Council of Economic Advisers, once
/// summed up the danger with a metaphor. “It’s not so much ...”": a sentence
/// that is one quotation, with no cue, right after a cue-less sentence (same
/// paragraph) whose subject is a name, is that person's words. The cue is
/// the subject's verb.
fn framed_quote(cx: &Context, si: usize) -> Option<Relation> {
    let quote = whole_sentence_quote(cx, si)?;
    let prev = si.checked_sub(1)?;
    if cx.paragraph.get(prev) != cx.paragraph.get(si) {
        return None;
    }
    let frame = *cx.sentences.get(prev)?;
    let toks = cx.tokens_in(frame);
    if toks.iter().any(|t| cx.is_mark(t)) || !cx.text.get(..frame.end)?.ends_with('.') {
        return None;
    }
    let subject = clause_subject(cx, toks, toks.len())?;
    if subject.start != clause_start(cx, toks)
        || !toks[subject.start..subject.end]
            .iter()
            .any(|t| is_name_word_token(cx, t))
    {
        return None;
    }
    // The verb: after the subject, its appositive (", chairman of ...,")
    // and adverbs ("once").
    let mut k = subject.end;
    if toks.get(k).is_some_and(|t| is_punct(cx.text, t, ',')) {
        k = (k + 1..toks.len()).find(|&j| is_punct(cx.text, &toks[j], ','))? + 1;
    }
    while toks
        .get(k)
        .is_some_and(|t| is_adverb(cx.word(t)) || matches!(cx.word(t), "once" | "also" | "then"))
    {
        k += 1;
    }
    // A past-tense verb ("summed up", "wrote"), not "is" or "has".
    toks.get(k).filter(|t| {
        t.kind == TokenKind::Word && !is_capitalised(cx.text, t) && cx.word(t).ends_with("ed")
    })?;
    Some(relation(
        CueKind::Speech,
        prev,
        span(toks, k, k + 1),
        Some(phrase_span(toks, subject)),
        vec![quote],
    ))
}

/// A capitalised word that may be part of a name (not "The", "A").
fn is_name_word_token(cx: &Context, t: &Token) -> bool {
    is_capitalised(cx.text, t) && !matches!(cx.word(t), "The" | "A" | "An" | "This" | "That")
}

/// "In Dr. Shadlen's words, “...”", "(in economist Tyler Cowen’s phrase)
/// “...”", "in the words of X, ...", "As Paco Calvo ... puts it, “...”": a
/// source named in a framing phrase, the content after it.
fn in_their_words(cx: &Context, si: usize, toks: &[Token], i: usize) -> Option<(Relation, usize)> {
    if cx.is_quoted(toks.get(i)?.span.start) {
        return None;
    }
    // Exact words: these run for every "in" and "as" of the article.
    let word_is =
        |k: usize, words: &[&str]| toks.get(k).is_some_and(|t| words.contains(&cx.word(t)));
    let (source, cue, after) = if word_is(i, &["as", "As"]) {
        // "As X puts it,": a name, then the verb and "it". The name may
        // carry a long appositive ("As Paco Calvo, director of ... and
        // author of Planta Sapiens, puts it").
        if !toks.get(i + 1).is_some_and(|t| is_capitalised(cx.text, t)) {
            return None;
        }
        let k = (i + 2..toks.len().min(i + 32)).find(|&k| word_is(k, &["puts", "put"]))?;
        if !word_is(k + 1, &["it"]) {
            return None;
        }
        (span(toks, i + 1, k), span(toks, k, k + 2), k + 2)
    } else if word_is(i + 1, &["the"]) && word_is(i + 2, &["words"]) && word_is(i + 3, &["of"]) {
        let end = (i + 4..toks.len()).find(|&k| matches!(cx.word(&toks[k]), "," | ")" | ":"))?;
        (span(toks, i + 4, end), span(toks, i, i + 3), end)
    } else {
        // "In <name>'s words": a possessive name within six words.
        let k = (i + 1..toks.len().min(i + 7)).find(|&k| word_is(k, &["words", "phrase"]))?;
        let owner = toks
            .get(k - 1)
            .filter(|o| k > i + 1 && is_capitalised(cx.text, o))?;
        let name = cx.word(owner);
        if !name.ends_with("’s") && !name.ends_with("'s") {
            return None;
        }
        (span(toks, i + 1, k), span(toks, k, k + 1), k + 1)
    };
    let mut from = after;
    while from < toks.len() && matches!(cx.word(&toks[from]), ")" | ",") {
        from += 1;
    }
    if source.is_empty() || from == after && !cx.is_mark(toks.get(from)?) {
        return None;
    }
    // A quotation right after the frame is the content, and only it.
    let content = match cx
        .top_quote_at(toks.get(from).map_or(usize::MAX, |t| t.span.start))
        .filter(|q| {
            toks.get(from)
                .is_some_and(|t| q.outer.start == t.span.start)
        }) {
        Some(q) => vec![q.outer],
        None => forward_content(cx, si, toks, from, false)?,
    };
    Some((
        relation(CueKind::Speech, si, cue, Some(source), content),
        from,
    ))
}

/// "X is viewed by Y as ...", "His views were echoed by experts".
fn passive(cx: &Context, si: usize, toks: &[Token], be: usize) -> Option<(Relation, usize)> {
    let mut p = be + 1;
    while toks.get(p).is_some_and(|t| {
        matches!(
            cx.word(t),
            "widely"
                | "also"
                | "often"
                | "generally"
                | "increasingly"
                | "largely"
                | "being"
                | "been"
        )
    }) {
        p += 1;
    }
    let participle = cx.word(toks.get(p)?);
    if !lexicon::has(lexicon::bits::PASSIVE_PARTICIPLES, participle)
        || toks.get(p + 1).map(|t| cx.word(t)) != Some("by")
    {
        return None;
    }
    let from = p + 2;
    let mut end = from;
    while end < toks.len() {
        let t = &toks[end];
        let w = cx.word(t);
        if (t.kind == TokenKind::Punct && !matches!(w, "." | "’" | "'" | "-"))
            || matches!(w, "as" | "for" | "because" | "to")
            || cx.is_mark(t)
        {
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
        if let Some(more) = forward_content(cx, si, toks, end, true) {
            content.extend(more);
        }
    }
    Some((
        relation(
            CueKind::Speech,
            si,
            span(toks, be, p + 1),
            Some(span(toks, from, end)),
            content,
        ),
        end,
    ))
}

/// True when the source phrase names a document or survey ("a new poll").
fn source_is_document(cx: &Context, toks: &[Token], src: Phrase) -> bool {
    toks[src.start..src.end].iter().any(|t| {
        matches!(
            cx.word(t).to_ascii_lowercase().as_str(),
            "poll"
                | "polls"
                | "survey"
                | "surveys"
                | "study"
                | "studies"
                | "report"
                | "reports"
                | "data"
                | "analysis"
                | "research"
                | "records"
                | "figures"
                | "numbers"
                | "review"
                | "investigation"
                | "audit"
                | "estimates"
                | "documents"
                | "filings"
                | "statistics"
                | "researchers"
                | "results"
                | "video"
                | "videos"
                | "footage"
                | "emails"
                | "email"
                | "markets"
                | "tape"
                | "transcript"
                | "memo"
                | "letter"
                | "ad"
                | "photos"
                | "map"
                | "chart"
                | "models"
                | "forecasts"
                | "tally"
                | "count"
        )
    })
}

/// First token of the sentence's own words: after "But", "And" and the like.
fn clause_start(cx: &Context, toks: &[Token]) -> usize {
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

fn skip_time_words(cx: &Context, toks: &[Token], mut k: usize) -> usize {
    while k < toks.len() && cx.has(&toks[k], lexicon::bits::CUE_TIME_SUFFIXES) {
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
        k += 1;
    }
    k
}

/// A complementiser "that" opening the content within a few words after the
/// cue ("said in a statement that ...", "stressed, however, that ...").
fn find_that(cx: &Context, toks: &[Token], from: usize) -> Option<usize> {
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
fn is_end(cx: &Context, toks: &[Token], k: usize) -> bool {
    toks[k..].iter().all(|t| {
        t.kind == TokenKind::Punct
            && (matches!(cx.word(t), "." | "!" | "?" | ")" | "…") || cx.is_mark(t))
    })
}

/// The content after a cue: from token `start` to the end of the sentence,
/// or to the end of a quotation that opens there and runs on. When nothing
/// follows ("Trump said:"), the quotation opening the next sentence.
fn forward_content(
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
fn backward_content(
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
fn add_split_quote(cx: &Context, toks: &[Token], after: usize, content: &mut Vec<ByteSpan>) {
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

/// Within one sentence, no token plays two parts. An attribution nested in
/// another's content ("X said Y believes Z") is left to the outer one; a
/// participle or coordinated cue (", adding that ...") cuts the content
/// before it; a later source inside an earlier one's (", who said ...")
/// cuts that source.
fn untangle(cx: &Context, rels: &mut Vec<Relation>, first: usize) {
    let n = rels.len();
    let mut keep = vec![true; n];
    let inside = |r: &Relation, at: usize| r.content.iter().any(|c| c.start <= at && at < c.end);
    for b in first + 1..n {
        for a in first..b {
            if !keep[a] || !keep[b] {
                continue;
            }
            let (head, tail) = rels.split_at_mut(b);
            let (ra, rb) = (&mut head[a], &mut tail[0]);
            let b_in_a = inside(ra, rb.cue.start);
            let a_in_b = inside(rb, ra.cue.start);
            // "X declined to comment and aides said ...": a new clause, not nesting.
            let opens_clause = rb
                .source
                .filter(|s| s.start < rb.cue.start)
                .is_some_and(|s| {
                    let before = cx.text.get(..s.start).unwrap_or("").trim_end();
                    before.ends_with(" and")
                        || before.ends_with(" but")
                        || before.ends_with(';')
                        || before.ends_with(" while")
                });
            // "the officials said, the utility switched ..., “so they cannot
            // ...,” Mr. McHugh said": a quotation with its own post-posed
            // cue is that speaker's, not part of the outer report.
            let own_quote = rb
                .content
                .first()
                .filter(|c| {
                    rb.content.len() == 1
                        && c.end
                            <= rb
                                .source
                                .map_or(rb.cue.start, |s| s.start.min(rb.cue.start))
                        && is_whole_quote(cx, **c)
                        && inside(ra, c.start)
                        && ra.content.iter().all(|p| p.start < c.start)
                })
                .map(|c| c.start);
            // "when they see a target in a lawsuit with ZeniMax, which
            // accuses Oculus of “misappropriating” ...": a speech report
            // inside a view is an attribution of its own.
            let speech_in_view = ra.kind == CueKind::Stance && rb.kind == CueKind::Speech;
            if b_in_a
                && !rb.continues_clause
                && !opens_clause
                && own_quote.is_none()
                && !speech_in_view
            {
                if a_in_b {
                    keep[a] = false;
                } else {
                    keep[b] = false;
                }
                continue;
            }
            if a_in_b && !b_in_a {
                keep[a] = false;
                continue;
            }
            // A participle's shared source sits back in the main clause: cut at its cue.
            let cut = match (own_quote, rb.source) {
                (Some(at), _) => at,
                (None, Some(s)) if s.start < rb.cue.start && !rb.continues_clause => s.start,
                _ => rb.cue.start,
            };
            if b_in_a {
                for piece in ra.content.iter_mut() {
                    if piece.start < cut && cut < piece.end {
                        *piece = trimmed(cx.text, ByteSpan::new(piece.start, cut))
                            .unwrap_or(ByteSpan::new(piece.start, piece.start));
                    }
                }
                ra.content.retain(|p| !p.is_empty());
            }
            if let Some(s) = ra.source {
                if !ra.continues_clause && s.start < cut && cut < s.end {
                    ra.source = trimmed(cx.text, ByteSpan::new(s.start, cut));
                }
            }
        }
    }
    // Drop the nested ones, renumbering shared-source links.
    let mut new_index = vec![None; n];
    let mut next = first;
    for (k, slot) in new_index.iter_mut().enumerate().skip(first) {
        if keep[k] {
            *slot = Some(next);
            next += 1;
        }
    }
    let mut k = 0;
    rels.retain(|_| {
        let kept = k < first || keep[k];
        k += 1;
        kept
    });
    for r in rels.iter_mut().skip(first) {
        if let Some(j) = r.shares_source_of {
            if j >= first {
                r.shares_source_of = new_index[j];
            }
        }
    }
}

/// `span` without trailing spaces, commas, dashes and a dangling "and".
fn trimmed(text: &str, span: ByteSpan) -> Option<ByteSpan> {
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
fn is_whole_quote(cx: &Context, span: ByteSpan) -> bool {
    cx.is_whole_quote(span)
}

/// A quotation whose attribution comes in a later paragraph: the pieces it
/// continues from ("“First paragraph ...\n\n“... second,” she said.").
fn attach_earlier_pieces(cx: &Context, rels: &mut [Relation]) {
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
fn attach_continuations(cx: &Context, rels: &mut [Relation]) {
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

/// ", who denies the accusation, has avoided ...": a relative clause set off
/// by commas inside a sentence that goes on. Its content stops at the
/// closing comma and the relation is marked an aside.
fn mark_aside(cx: &Context, r: &mut Relation) {
    let Some(src) = r.source else { return };
    let relative = matches!(
        src.of(cx.text).to_ascii_lowercase().as_str(),
        "who" | "which"
    );
    let after_comma = cx
        .text
        .get(..src.start)
        .is_some_and(|t| t.trim_end().ends_with(','));
    if !relative || !after_comma || r.content.len() != 1 || src.end > r.cue.start {
        return;
    }
    let c = r.content[0];
    let Some(sentence) = cx.sentences.get(r.sentence) else {
        return;
    };
    let piece = c.of(cx.text);
    // The first comma outside quotation marks closes the clause.
    let Some(comma) = piece
        .match_indices(", ")
        .map(|(i, _)| i)
        .find(|&i| !cx.is_quoted(c.start + i))
    else {
        return;
    };
    let rest = cx.text.get(c.start + comma + 1..sentence.end).unwrap_or("");
    if rest
        .trim()
        .trim_end_matches(['.', '!', '?'])
        .trim()
        .is_empty()
    {
        return;
    }
    r.content[0] = ByteSpan::new(c.start, c.start + comma);
    r.aside = true;
}

/// The quotation that makes up the whole of the sentence before `si`, in
/// the same paragraph.
fn quote_just_before(cx: &Context, si: usize) -> Option<ByteSpan> {
    let prev = si.checked_sub(1)?;
    if cx.paragraph.get(prev) != cx.paragraph.get(si) {
        return None;
    }
    whole_sentence_quote(cx, prev)
}

/// The quotation that makes up the whole of sentence `si`.
fn whole_sentence_quote(cx: &Context, si: usize) -> Option<ByteSpan> {
    let sentence = *cx.sentences.get(si)?;
    let q = cx.top_before(sentence.end)?;
    let lead = cx.text.get(sentence.start..q.outer.start)?;
    let tail = cx.text.get(q.outer.end..sentence.end)?;
    (lead.trim().is_empty() && tail.trim().trim_matches(['.', '!', '?', '…']).is_empty())
        .then_some(q.outer)
}
