//! The noun phrase next to a cue: the source before a cue ("White House
//! counsel David Warrington stated"), with its appositive ("Flynn, a top
//! Trump surrogate, said"), or after an inverted cue ("said Ian Kelly, a
//! retired career diplomat ..."). Token indices are into one sentence's tokens.

use super::context::{is_capitalised, is_punct, Context};
use super::lexicon;
use crate::segment::numbers::unit_number;
use crate::segment::{Token, TokenKind};

/// A source phrase: token range `[start, end)`, end-exclusive, within the sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Phrase {
    pub start: usize,
    pub end: usize,
}

/// The longest a source phrase without an appositive may be.
const MAX_PLAIN_SOURCE: usize = 12;

/// The source phrase ending right before token `cue` (exclusive), walking
/// left to the start of its clause. `None` when the words before the cue do
/// not look like a subject.
pub fn source_before(cx: &Context, toks: &[Token], cue: usize) -> Option<Phrase> {
    source_before_plain(cx, toks, cue).or_else(|| source_before_clause(cx, toks, cue))
}

/// "Ms. Gedrich, who works in retail as a sales manager, said", "Corey
/// Lewandowski, a Manafort rival whom Trump fired as campaign manager,
/// said": a name and an appositive or relative clause between commas whose
/// own clause words ("as", "whom", a verb) would stop the plain walk left.
fn source_before_clause(cx: &Context, toks: &[Token], cue: usize) -> Option<Phrase> {
    let close = cue.checked_sub(1)?;
    if !is_punct(cx.text, toks.get(close)?, ',') {
        return None;
    }
    let open = (close.saturating_sub(MAX_CLAUSE_APPOSITIVE)..close)
        .rev()
        .take_while(|&k| {
            let t = &toks[k];
            !cx.is_mark(t) && !matches!(cx.word(t), ";" | ":" | "—" | "–" | "(" | ")")
        })
        .find(|&k| is_punct(cx.text, &toks[k], ','))?;
    let first = toks.get(open + 1)?;
    let fw = cx.word(first);
    let opens_clause = matches!(fw, "who" | "whom" | "whose")
        || (!is_capitalised(cx.text, first) && matches!(fw, "a" | "an" | "the"))
        || lexicon::has(lexicon::bits::ROLE_HEADS, fw);
    if !opens_clause || open + 2 >= close {
        return None;
    }
    let head = source_before_plain(cx, toks, open)?;
    // The head stands at its clause's start and names someone.
    let at_start = head.start == 0
        || toks[..head.start]
            .iter()
            .all(|t| cx.has(t, lexicon::bits::LEADING_CONNECTIVES) || is_punct(cx.text, t, ','))
        || is_punct(cx.text, &toks[head.start - 1], ',');
    let names_someone = toks[head.start..head.end].iter().any(|t| {
        (is_capitalised(cx.text, t) && !matches!(cx.word(t), "The" | "A" | "An"))
            || cx.has(
                t,
                lexicon::bits::PERSON_NOUNS
                    | lexicon::bits::ROLE_HEADS
                    | lexicon::bits::GROUP_HEADS
                    | lexicon::bits::ANONYMOUS_HEADS,
            )
    });
    (at_start && names_someone).then_some(Phrase {
        start: head.start,
        end: cue,
    })
}

/// "King Charles I", "Queen Elizabeth I": an "I" right after a name inside
/// the sentence is the name's numeral, not the writer. The name must be two
/// words ("Charles" after "King") so that "Yesterday I" or "In Paris I",
/// where the capitalised word opens the sentence or follows a function
/// word, stays the pronoun.
pub(super) fn is_regnal_numeral(cx: &Context, toks: &[Token], k: usize) -> bool {
    let (Some(i), Some(name), Some(before)) = (
        toks.get(k),
        k.checked_sub(1).and_then(|j| toks.get(j)),
        k.checked_sub(2).and_then(|j| toks.get(j)),
    ) else {
        return false;
    };
    let is_name = |t: &Token| {
        is_capitalised(cx.text, t)
            && !lexicon::has(
                lexicon::bits::NOT_NAME_WORDS | lexicon::bits::PRONOUNS,
                cx.word(t),
            )
            && !matches!(
                cx.word(t),
                "The"
                    | "A"
                    | "An"
                    | "But"
                    | "And"
                    | "In"
                    | "On"
                    | "At"
                    | "For"
                    | "As"
                    | "So"
                    | "Then"
            )
            && crate::calendar::month_of_name(cx.word(t)).is_none()
            && !cx.has(t, lexicon::bits::CUE_TIME_SUFFIXES)
    };
    cx.word(i) == "I"
        && name.span.end + 1 == i.span.start
        && before.span.end + 1 == name.span.start
        && is_name(name)
        && is_name(before)
}

/// The longest appositive or relative clause [`source_before_clause`] reads.
const MAX_CLAUSE_APPOSITIVE: usize = 30;

fn source_before_plain(cx: &Context, toks: &[Token], cue: usize) -> Option<Phrase> {
    let last = cue.checked_sub(1)?;
    let w = cx.word(toks.get(last)?);
    if lexicon::has(lexicon::bits::PRONOUNS, w) && !is_regnal_numeral(cx, toks, last) {
        return Some(Phrase {
            start: last,
            end: cue,
        });
    }
    // Walk left to the clause boundary, remembering commas.
    let mut commas: Vec<usize> = Vec::new();
    let mut boundary = 0;
    let mut k = last + 1;
    let mut depth = 0usize;
    while k > 0 {
        k -= 1;
        let t = &toks[k];
        let word = cx.word(t);
        if t.kind == TokenKind::Punct {
            if is_punct(cx.text, t, ')') {
                depth += 1;
                continue;
            }
            if is_punct(cx.text, t, '(') {
                if depth == 0 {
                    boundary = k + 1;
                    break;
                }
                depth -= 1;
                continue;
            }
            if depth > 0 {
                continue;
            }
            if is_punct(cx.text, t, ',') {
                commas.push(k);
                if commas.len() > 4 {
                    boundary = k + 1;
                    break;
                }
                continue;
            }
            if !cx.is_mark(t) && matches!(word, "." | "$" | "%" | "&" | "-" | "’" | "'") {
                continue;
            }
            boundary = k + 1;
            break;
        }
        if depth > 0 {
            continue;
        }
        let lower_case = !is_capitalised(cx.text, t);
        if cx.has(t, lexicon::bits::CLAUSE_OPENERS) && (lower_case || k == 0) {
            boundary = k + 1;
            break;
        }
        // "... Witkoff, who many officials view as ...": an object relative
        // clause; its subject starts after the pronoun.
        // (Not "officials who spoke on condition of anonymity said".)
        if matches!(word, "who" | "whom" | "which" | "whose") && k < last {
            let next = &toks[k + 1];
            let nw = cx.word(next).to_ascii_lowercase();
            let subject_follows = is_capitalised(cx.text, next)
                || lexicon::has(lexicon::bits::PRONOUNS, &nw)
                || matches!(
                    nw.as_str(),
                    "the"
                        | "a"
                        | "an"
                        | "many"
                        | "some"
                        | "most"
                        | "several"
                        | "few"
                        | "his"
                        | "her"
                        | "their"
                        | "its"
                        | "our"
                );
            if subject_follows {
                boundary = k + 1;
                break;
            }
        }
        // "... asked for a photo and Clinton said": "and" between a lower-case
        // word and a name or pronoun joins two clauses, not two names.
        if word == "and" && k > 0 && k < last {
            let before = &toks[k - 1];
            let after = &toks[k + 1];
            if before.kind == TokenKind::Word
                && !is_capitalised(cx.text, before)
                && (is_capitalised(cx.text, after) || cx.has(after, lexicon::bits::PRONOUNS))
            {
                boundary = k + 1;
                break;
            }
        }
        if k < last && lower_case && cx.has(t, lexicon::bits::CUE_VERBS) {
            boundary = k + 1;
            break;
        }
    }
    // Chunks between commas, right to left; the comma right before the cue
    // means an appositive or relative clause closes there.
    commas.retain(|&c| c >= boundary);
    let chunk_end = |i: usize| if i == 0 { cue } else { commas[i - 1] };
    let chunk_start = |i: usize| commas.get(i).map_or(boundary, |&c| c + 1);
    if commas.first() == Some(&last) {
        // "... Flynn, a top Trump surrogate, said": head, appositive, comma.
        let appositive = (chunk_start(1), chunk_end(1));
        if appositive.0 >= appositive.1 || commas.len() < 2 {
            return None;
        }
        let first = cx.word(&toks[appositive.0]);
        let looks_appositive = !is_capitalised(cx.text, &toks[appositive.0])
            || matches!(first, "A" | "An" | "The")
            || lexicon::has(lexicon::bits::ROLE_HEADS, first);
        // "..., the race will be tight, said Dan Gerstein": a clause before
        // an inverted cue, not an appositive.
        if has_main_verb(cx, &toks[appositive.0..appositive.1]) {
            return None;
        }
        if !looks_appositive {
            // "..., Gov. John Kasich (R-OH), said": the phrase before the comma.
            if appositive.1 - appositive.0 > MAX_PLAIN_SOURCE {
                return None;
            }
            return valid(
                cx,
                toks,
                Phrase {
                    start: appositive.0,
                    end: cue,
                },
                false,
            );
        }
        let head_start = strip_connectives(cx, toks, chunk_start(2), chunk_end(2));
        if head_start >= chunk_end(2) || chunk_end(2) - head_start > MAX_PLAIN_SOURCE {
            return None;
        }
        return valid(
            cx,
            toks,
            Phrase {
                start: head_start,
                end: cue,
            },
            true,
        );
    }
    let start = strip_connectives(cx, toks, chunk_start(0), cue);
    // "Trump last year proposed", "Clinton on Tuesday said": the time is
    // neither source nor cue.
    let mut end = cue;
    while end > start + 1 && is_time_word(cx, &toks[end - 1]) {
        end -= 1;
    }
    if end > start + 1 && cx.word(&toks[end - 1]) == "on" {
        end -= 1;
    }
    if start >= end || end - start > MAX_PLAIN_SOURCE {
        return None;
    }
    valid(cx, toks, Phrase { start, end }, false)
}

/// True when the words hold an auxiliary outside a relative clause ("the
/// race will be tight"), unlike an appositive ("a rival whom Trump had
/// fired").
fn has_main_verb(cx: &Context, words: &[Token]) -> bool {
    words
        .iter()
        .take_while(|t| !matches!(cx.word(t), "who" | "whom" | "which" | "that" | "whose"))
        .any(|t| cx.has(t, lexicon::bits::VERB_WORDS))
}

fn is_time_word(cx: &Context, t: &Token) -> bool {
    let w = cx.word(t);
    lexicon::has(lexicon::bits::CUE_TIME_SUFFIXES, w)
        || matches!(
            w,
            "year" | "month" | "this" | "night" | "recently" | "previously"
        )
}

/// Skips "But", "And", "Also" ... at the start of a chunk.
fn strip_connectives(cx: &Context, toks: &[Token], mut start: usize, end: usize) -> usize {
    while start < end && cx.has(&toks[start], lexicon::bits::LEADING_CONNECTIVES) {
        start += 1;
    }
    start
}

/// "4 in 10", "six out of 10": a count of a group that a poll's report
/// ("More than 4 in 10 said ...") has as its source.
fn ends_in_ratio(cx: &Context, words: &[Token]) -> bool {
    let is_count = |t: &Token| {
        t.kind == TokenKind::Number || unit_number(&cx.word(t).to_ascii_lowercase()).is_some()
    };
    match words {
        [.., a, out, of, b] if cx.word(out) == "out" && cx.word(of) == "of" => {
            is_count(a) && is_count(b)
        }
        [.., a, within, b] if cx.word(within) == "in" => is_count(a) && is_count(b),
        _ => false,
    }
}

fn valid(cx: &Context, toks: &[Token], p: Phrase, with_appositive: bool) -> Option<Phrase> {
    let words = &toks[p.start..p.end];
    let without_commas = &words[..=words.iter().rposition(|t| !is_punct(cx.text, t, ','))?];
    let last = without_commas.last()?;
    if cx.has(last, lexicon::bits::NOT_SOURCE_END)
        || (last.kind == TokenKind::Number && !ends_in_ratio(cx, without_commas))
    {
        return None;
    }
    if !with_appositive {
        // Inside a plain phrase, a verb is only allowed in a relative clause.
        let mut relative = false;
        for t in words {
            let w = cx.word(t);
            if matches!(w, "who" | "that" | "which" | "whom") {
                relative = true;
            }
            if !relative && cx.has(t, lexicon::bits::VERB_WORDS) {
                return None;
            }
        }
    }
    // The phrase starts like a noun phrase, not a verb or preposition.
    let first = cx.word(&words[0]);
    if !is_capitalised(cx.text, &words[0])
        && lexicon::has(lexicon::bits::NOT_SOURCE_END, first)
        && first != "a"
        && first != "an"
        && first != "the"
    {
        return None;
    }
    // Sources are outside quotations.
    if cx.is_quoted(words[0].span.start) {
        return None;
    }
    Some(p)
}

/// The source phrase after an inverted cue ("said Ian Kelly, a retired
/// career diplomat ..."), from token `from` to the end of the sentence or the
/// next quotation, semicolon or dash.
pub fn source_after(cx: &Context, toks: &[Token], from: usize) -> Option<Phrase> {
    let first = toks.get(from)?;
    let w = cx.word(first);
    let starts_phrase = is_capitalised(cx.text, first)
        || lexicon::has(lexicon::bits::PRONOUNS, w)
        || matches!(
            w,
            "the" | "a" | "an" | "one" | "two" | "some" | "many" | "several"
        )
        || role_before_name(cx, toks, from);
    if !starts_phrase || cx.is_quoted(first.span.start) {
        return None;
    }
    // "said he." / "said he, adding": a pronoun stands alone; "said she
    // hopes ..." is a clause, not an inverted source.
    if lexicon::has(lexicon::bits::PRONOUNS, w) {
        let next_ok = toks.get(from + 1).is_none_or(|n| {
            n.kind == TokenKind::Punct
                || cx.has(n, lexicon::bits::ADJUNCT_STARTS)
                || cx.has(n, lexicon::bits::CUE_TIME_SUFFIXES)
        });
        return next_ok.then_some(Phrase {
            start: from,
            end: from + 1,
        });
    }
    let mut end = from;
    let mut seen_comma = false;
    while end < toks.len() {
        let t = &toks[end];
        if t.kind == TokenKind::Punct {
            let p = cx.word(t);
            if cx.is_mark(t) || matches!(p, ";" | "—" | "–" | ":" | "!" | "?") {
                break;
            }
            if p == "." && end + 1 >= toks.len() {
                break;
            }
            if p == "," {
                seen_comma = true;
                // ", adding ..." / ", according to ..." start a new clause.
                if let Some(n) = toks.get(end + 1) {
                    let nw = cx.word(n);
                    if lexicon::has(lexicon::bits::PARTICIPLES, nw)
                        || nw == "according"
                        || cx.is_mark(n)
                        || (lexicon::has(lexicon::bits::CLAUSE_OPENERS, nw) && nw != "that")
                    {
                        break;
                    }
                }
            }
        } else {
            let word = cx.word(t);
            if cx.has(t, lexicon::bits::CLAUSE_OPENERS)
                && !is_capitalised(cx.text, t)
                && word != "that"
            {
                break;
            }
            // Before any appositive, a verb means this is a clause ("said
            // the party was ..."), and a preposition ends the name ("said
            // Mr. Burman of the plan").
            if !seen_comma {
                // "said Obama failed to address ...": a past-tense verb
                // right after a name.
                let past_after_name = word.len() > 3
                    && word.ends_with("ed")
                    && !is_capitalised(cx.text, t)
                    && end > from
                    && is_capitalised(cx.text, &toks[end - 1]);
                if cx.has(t, lexicon::bits::VERB_WORDS) || past_after_name {
                    return None;
                }
                if matches!(
                    word,
                    "in" | "on"
                        | "at"
                        | "during"
                        | "after"
                        | "before"
                        | "to"
                        | "about"
                        | "of"
                        | "from"
                ) && end > from
                    && is_capitalised(cx.text, &toks[end - 1])
                    && !(word == "of"
                        && toks
                            .get(end + 1)
                            .is_some_and(|n| is_capitalised(cx.text, n)))
                {
                    break;
                }
                if end - from >= 9 {
                    return None;
                }
            }
        }
        end += 1;
    }
    // Trailing punctuation is not part of the phrase.
    while end > from
        && toks[end - 1].kind == TokenKind::Punct
        && !is_punct(cx.text, &toks[end - 1], ')')
    {
        end -= 1;
    }
    (end > from).then_some(Phrase { start: from, end })
}

/// "said chief inspector Jennifer Mattinson", "says study author Elizabeth
/// Hoge": up to four lower-case role words, none a verb, before a name.
fn role_before_name(cx: &Context, toks: &[Token], from: usize) -> bool {
    let mut k = from;
    while k < toks.len() && k < from + 4 {
        let t = &toks[k];
        if is_capitalised(cx.text, t) {
            return k > from;
        }
        if t.kind != TokenKind::Word
            || cx.has(
                t,
                lexicon::bits::VERB_WORDS
                    | lexicon::bits::CUE_VERBS
                    | lexicon::bits::CLAUSE_OPENERS
                    | lexicon::bits::NOT_SOURCE_END
                    | lexicon::bits::ADJUNCT_STARTS,
            )
        {
            return false;
        }
        k += 1;
    }
    false
}
