//! Attribution frames of a fixed shape, each its own rule: "according to X",
//! "Said X, ...", a headline's "Graham: ...", a poll as the source, "in X's
//! words", a quotation opened by a colon or framed by the sentence before,
//! and the passive "is viewed by".

use super::content::{backward_content, clause_start, forward_content};
use super::continuations::whole_sentence_quote;
use super::verb_frame::is_adverb;
use super::{clause_subject, lower_is, phrase_span, relation, span, CueKind, Relation};
use crate::attribute::context::{is_capitalised, is_punct, Context};
use crate::attribute::lexicon;
use crate::attribute::phrases::{self, Phrase};
use crate::segment::{Token, TokenKind};
use crate::spans::ByteSpan;

/// "Said Dorothy Poynter, who grew up with Ali, “We were all so proud.”"
pub(super) fn said_first(cx: &Context, si: usize, toks: &[Token]) -> Option<(Relation, usize)> {
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
#[inline(never)] // kept out of its caller: docs/BENCHMARKS.md, "large functions"
pub(super) fn headline_colon(cx: &Context, si: usize, toks: &[Token]) -> Option<(Relation, usize)> {
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
pub(super) fn in_a_poll(cx: &Context, si: usize, toks: &[Token]) -> Option<(Relation, usize)> {
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
pub(super) fn according_to(
    cx: &Context,
    si: usize,
    toks: &[Token],
    i: usize,
) -> Option<(Relation, usize)> {
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
pub(super) fn document_reads(cx: &Context, toks: &[Token], i: usize) -> bool {
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

/// "De Miranda beautifully evokes the notion ... in his introduction: “...”":
/// a quotation opened by a colon, in a sentence with no cue of its own for
/// it, is the words of the clause's subject when that is a name or "he" or
/// "she".
#[inline(never)] // kept out of its caller: docs/BENCHMARKS.md, "large functions"
pub(super) fn colon_quote(
    cx: &Context,
    si: usize,
    toks: &[Token],
    found: &[Relation],
) -> Option<Relation> {
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
#[inline(never)] // kept out of its caller: docs/BENCHMARKS.md, "large functions"
pub(super) fn framed_quote(cx: &Context, si: usize) -> Option<Relation> {
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
pub(super) fn in_their_words(
    cx: &Context,
    si: usize,
    toks: &[Token],
    i: usize,
) -> Option<(Relation, usize)> {
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
pub(super) fn passive(
    cx: &Context,
    si: usize,
    toks: &[Token],
    be: usize,
) -> Option<(Relation, usize)> {
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
pub(super) fn source_is_document(cx: &Context, toks: &[Token], src: Phrase) -> bool {
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
