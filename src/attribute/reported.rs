//! Attribution relations, sentence by sentence: a cue ("said", "according
//! to", "is viewed by", "expressed skepticism"), its source phrase and its
//! content, for direct quotes and reported speech alike. Quotations that go
//! on after their attribution ("“...,” Kelly said. “...”") are then
//! attached to it.

use super::context::{is_capitalised, is_punct, Context};
use super::lexicon;
use super::phrases::Phrase;
use crate::segment::{Token, TokenKind};
use crate::spans::ByteSpan;

mod asked;
mod content;
mod continuations;
mod credit_line;
mod frames;
mod passive;
mod untangle;
mod verb_frame;
pub(crate) use verb_frame::is_adverb;

use content::{clause_start, is_whole_quote};
use continuations::{attach_continuations, attach_earlier_pieces};
use frames::{
    according_to, colon_quote, document_reads, framed_quote, headline_colon, in_a_poll,
    in_their_words, said_first,
};
use untangle::{mark_aside, untangle};
use verb_frame::verb_frame;
pub(super) use verb_frame::{is_cue_adverb, subject_before};

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
#[inline(never)] // kept out of its caller: docs/BENCHMARKS.md, "large functions"
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
        if let Some(found) = passive::with_be(cx, si, toks, i) {
            return Some(found);
        }
    }
    // "… and criticized by the Obama administration for …": the agent
    // speaks; the verb's subject, if read as active, never would.
    if passive::is_reduced(cx, toks, i) {
        return passive::reduced(cx, si, toks, i);
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
    // "tasks like writing boilerplate code", "the practice of saying no": a
    // gerund after a preposition names an activity; it reports nothing.
    if w.ends_with("ing") && i > 0 && lower_is(cx, toks.get(i - 1), &["like", "including", "of"]) {
        return None;
    }
    // "Māori claims to the foreshore": rights claimed, a noun; "he claims to
    // have seen it" is a verb.
    if matches!(w, "claim" | "claims")
        && lower_is(cx, toks.get(i + 1), &["to"])
        && toks
            .get(i + 2)
            .is_some_and(|n| lexicon::contains(lexicon::DETERMINERS, cx.word(n)))
    {
        return None;
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
    if ends_a_gapped_clause(cx, toks, i, end) {
        return None;
    }
    let found = verb_frame(cx, si, toks, i, end, first_in_sentence, earlier, kind);
    found.map(|(mut r, next)| {
        if states_an_intention(cx, toks, i, end, &r) {
            r.kind = CueKind::Stance;
        }
        (r, next)
    })
}

/// "the “jobs machine” it thinks it is", "the man he says he was": a cue
/// after a noun and its pronoun subject, followed only by a pronoun and a
/// stranded auxiliary, sits in a relative clause whose gap is its content. It reports nothing of its own; the
/// sentence's cue is elsewhere.
fn ends_a_gapped_clause(cx: &Context, toks: &[Token], cue: usize, after_cue: usize) -> bool {
    let (Some(pronoun), Some(aux)) = (toks.get(after_cue), toks.get(after_cue + 1)) else {
        return false;
    };
    // The clause hangs on a noun or a quoted term before its subject ("the
    // man he says he was", "the “jobs machine” it thinks"); "Asked if he
    // voted, he said he did" and "because he said he would" report an
    // answer.
    let on_a_noun = cue >= 2
        && cx.has(&toks[cue - 1], lexicon::bits::PRONOUNS)
        && (cx.is_mark(&toks[cue - 2])
            || (toks[cue - 2].kind == TokenKind::Word
                && !is_capitalised(cx.text, &toks[cue - 2])
                && !cx.has(&toks[cue - 2], lexicon::bits::CLAUSE_OPENERS)
                && !matches!(cx.word(&toks[cue - 2]), "and" | "or")));
    if !on_a_noun {
        return false;
    }
    // "won" is also a past tense ("the seat he says he won").
    let stranded =
        cx.has(aux, lexicon::bits::VERB_WORDS | lexicon::bits::BE_FORMS) && cx.word(aux) != "won";
    let clause_ends = toks
        .get(after_cue + 2)
        .is_none_or(|t| t.kind == TokenKind::Punct && !cx.is_mark(t));
    cx.has(pronoun, lexicon::bits::PRONOUNS)
        && !matches!(cx.word(pronoun), "who" | "which")
        && stranded
        && clause_ends
}

/// "The company hopes to resume launches", "has declared his intention to
/// stay in office", "asks you to fill out a questionnaire": what the source
/// means to do or wants done, reported by the article, not a statement the
/// source made (PolNeAR still counts it).
fn states_an_intention(
    cx: &Context,
    toks: &[Token],
    cue: usize,
    after_cue: usize,
    r: &Relation,
) -> bool {
    let next = |k: usize| toks.get(k).map_or("", |t| cx.word(t));
    let infinitive = next(after_cue) == "to";
    if r.kind == CueKind::Belief && infinitive {
        return true;
    }
    let intention = matches!(next(after_cue), "his" | "her" | "its" | "their" | "our")
        && matches!(
            next(after_cue + 1),
            "intention" | "intentions" | "intent" | "plan" | "plans" | "desire" | "wish"
        )
        && next(after_cue + 2) == "to";
    // "asks you to fill out a questionnaire", "urged voters to", "asks
    // about your budget": a request or a question, not a statement.
    let asking = matches!(
        next(cue),
        "ask"
            | "asks"
            | "asked"
            | "asking"
            | "urge"
            | "urges"
            | "urged"
            | "urging"
            | "invite"
            | "invites"
            | "invited"
            | "inviting"
    );
    let request = asking
        && (next(after_cue) == "about"
            || (next(after_cue).chars().all(|c| c.is_ascii_lowercase())
                && !matches!(next(after_cue), "" | "that" | "whether" | "if" | "to")
                && next(after_cue + 1) == "to"));
    r.kind == CueKind::Speech && (intention || request)
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
