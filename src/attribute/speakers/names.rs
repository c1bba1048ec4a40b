//! Names and roles read out of a source phrase: the name it gives (without
//! title words), the role before it and the appositive after it, and the
//! office a role names.

use crate::attribute::context::{is_capitalised, Context};
use crate::attribute::lexicon;
use crate::segment::entities::EntityKind;
use crate::segment::{Token, TokenKind};
use crate::spans::ByteSpan;

pub(super) fn is_plausible_name(name: &str) -> bool {
    let first = name.split_whitespace().next().unwrap_or("");
    // "U.N. Women", "NATO Allies": an acronym makes it an organisation;
    // an initial ("J.") does not.
    let acronym = |w: &str| {
        w.chars().filter(|c| c.is_uppercase()).count() >= 2
            && !w.contains('-')
            && w.chars().any(|c| c == '.' || c.is_uppercase())
            && w.chars().filter(|c| c.is_lowercase()).count() == 0
    };
    !lexicon::has(lexicon::bits::NOT_NAME_WORDS, first)
        && !name.split_whitespace().any(|w| {
            lexicon::has(lexicon::bits::ORG_WORDS, w.trim_end_matches(['.', ','])) || acronym(w)
        })
}

pub(super) fn base(s: &str) -> &str {
    let s = s
        .strip_suffix("’s")
        .or_else(|| s.strip_suffix("'s"))
        .unwrap_or(s);
    s.strip_suffix(['’', '\'']).unwrap_or(s)
}

#[derive(Debug, Clone, Copy)]
pub(super) struct NameFound {
    pub(super) span: ByteSpan,
    pub(super) words: usize,
    pub(super) kind: EntityKind,
}

/// The name in a source phrase: the last run of capitalised words in the
/// phrase's core (before its first comma, "who" or lower-case preposition),
/// without title words. `None` when the core names no one.
pub(super) fn name_in(cx: &Context, src: ByteSpan) -> Option<NameFound> {
    let core = ByteSpan::new(src.start, src.start + core_text(cx.text, src).len());
    let all = cx.tokens_in(core);
    // The head phrase ends at a lower-case preposition ("Trump’s reliance on
    // Kushner"), but "Secretary of State Marco Rubio" keeps its "of".
    let head_end = (0..all.len())
        .find(|&k| {
            let w = cx.word(&all[k]);
            matches!(
                w,
                "on" | "of"
                    | "in"
                    | "at"
                    | "during"
                    | "for"
                    | "from"
                    | "with"
                    | "about"
                    | "over"
                    | "by"
                    | "to"
                    | "into"
            ) && !(w == "of" && all.get(k + 1).is_some_and(|n| is_capitalised(cx.text, n)))
                // "Centers for Disease Control and Prevention": "for"
                // between two capitalised words is inside one name.
                && !(w == "for"
                    && k > 0
                    && is_capitalised(cx.text, &all[k - 1])
                    && all.get(k + 1).is_some_and(|n| is_capitalised(cx.text, n)))
        })
        .unwrap_or(all.len());
    let toks: Vec<&Token> = all[..head_end].iter().collect();
    // "Trump’s reliance": a name that only owns the head noun is not the source.
    if let Some(last) = toks.iter().rposition(|t| is_capitalised(cx.text, t)) {
        let possessive = cx.word(toks[last]).ends_with("’s") || cx.word(toks[last]).ends_with("'s");
        let after = &toks[last + 1..];
        if possessive
            && !after.is_empty()
            && after.iter().all(|t| !is_capitalised(cx.text, t))
            && !after.iter().any(|t| {
                cx.has(t, lexicon::bits::ROLE_HEADS)
                    || matches!(
                        cx.word(t),
                        "campaign"
                            | "spokesman"
                            | "spokeswoman"
                            | "office"
                            | "lawyer"
                            | "aides"
                            | "aide"
                    )
            })
        {
            return None;
        }
    }
    // "Islamist politicians", "Local people": a capitalised word that only
    // qualifies a group names no one; the group is the (vague) source.
    if let Some(last) = toks.iter().rposition(|t| is_capitalised(cx.text, t)) {
        let after = &toks[last + 1..];
        let group_head = after
            .iter()
            .rev()
            .find(|t| t.kind == TokenKind::Word)
            .is_some_and(|t| cx.has(t, lexicon::bits::GROUP_WORDS));
        if group_head && after.iter().all(|t| !is_capitalised(cx.text, t)) {
            return None;
        }
    }
    let mut best: Option<(usize, usize)> = None;
    let mut k = 0;
    while k < toks.len() {
        // "a June report by ...": a month before a lower-case word is a date.
        let month = crate::calendar::month_of_name(cx.word(toks[k])).is_some()
            && !toks.get(k + 1).is_some_and(|n| is_name_word(cx, n));
        if !is_name_word(cx, toks[k]) || month {
            k += 1;
            continue;
        }
        let start = k;
        let mut end = k + 1;
        while end < toks.len() {
            let t = toks[end];
            let joined = t.span.start <= toks[end - 1].span.end + 1;
            let ok = is_name_word(cx, t)
                || (cx.word(t) == "." && joined)
                || (matches!(cx.word(t), "of" | "and" | "for")
                    && toks
                        .get(end + 1)
                        .is_some_and(|n| is_capitalised(cx.text, n)));
            if !ok || !joined && cx.word(t) == "." {
                break;
            }
            end += 1;
        }
        best = Some((start, end));
        k = end;
    }
    let (mut start, mut end) = best?;
    while end > start
        && matches!(cx.word(toks[end - 1]), "." | "of" | "and" | "for")
        && !is_initial(cx, &toks, end - 1)
    {
        end -= 1;
    }
    // Peel titles: "Secretary of State Marco Rubio", "Retired Lt. Gen. Michael Flynn".
    // A name joined by "for" ("Centers for Disease Control and Prevention")
    // is an organisation's, unless a title opens it: "Minister for Foreign
    // Affairs Penny Wong" is an office and its holder.
    let titled = is_title(cx, toks[start]);
    let is_org = toks[start..end].iter().any(|t| {
        cx.has(t, lexicon::bits::ORG_WORDS)
            || lexicon::has(lexicon::bits::ORG_WORDS, base(cx.word(t)))
            || (cx.word(t) == "for" && !titled)
    });
    // "Swedish Prosecution Authority", "American College of Sports
    // Medicine": a nationality opening an organisation's name is the name's.
    if is_org {
        if let Some(j) = start.checked_sub(1) {
            let joined = toks[j].span.end + 1 == toks[start].span.start;
            if joined
                && is_capitalised(cx.text, toks[j])
                && cx.has(toks[j], lexicon::bits::DEMONYMS)
            {
                start = j;
            }
        }
    }
    if !is_org {
        while start < end {
            let w = cx.word(toks[start]);
            let joins_office = matches!(w, "of" | "for");
            if !(is_title(cx, toks[start]) || joins_office || w == ".")
                || end - start == 1 && !matches!(w, "." | "of")
            {
                break;
            }
            start += 1;
            // "Minister for Foreign Affairs Penny Wong": the office's own
            // capitalised words run up to the holder's given name.
            if joins_office {
                if let Some(given) = (start..end.saturating_sub(1)).find(|&j| {
                    crate::segment::entities::is_given_name(&cx.word(toks[j]).to_lowercase())
                }) {
                    start = given;
                    break;
                }
            }
        }
    }
    while start < end && matches!(cx.word(toks[start]), "." | "of" | "and") {
        start += 1;
    }
    if start >= end {
        return None;
    }
    // "de Miranda writes", "Luis de Miranda": a surname's particle is the
    // name's (and so is the given name before it), never a role.
    let is_particle =
        |w: &str| !matches!(w, "of" | "and" | "for") && crate::segment::entities::is_connector(w);
    while let Some(before) = start.checked_sub(1).map(|j| toks[j]) {
        let joined = before.span.end + 1 == toks[start].span.start;
        // "President da Silva", "General de Gaulle": a peeled title stays off.
        let take = is_particle(cx.word(before))
            || (is_particle(cx.word(toks[start]))
                && is_name_word(cx, before)
                && !is_title(cx, before));
        if !joined || !take {
            break;
        }
        start -= 1;
    }
    let span = ByteSpan::new(toks[start].span.start, toks[end - 1].span.end);
    let written = base(span.of(cx.text));
    let span = ByteSpan::new(span.start, span.start + written.len());
    let words = toks[start..end]
        .iter()
        .filter(|t| t.kind == TokenKind::Word)
        .count();
    if lexicon::has(lexicon::bits::NOT_NAME_WORDS, written) {
        return None;
    }
    // "an Israeli prime minister", "Israeli officials": a nationality
    // before a common noun describes the source ("Swedish Prosecution
    // Authority", capitalised throughout, is a name).
    if words == 1
        && toks
            .get(end)
            .is_some_and(|n| n.kind == TokenKind::Word && !is_capitalised(cx.text, n))
        && lexicon::has(lexicon::bits::DEMONYMS, written)
    {
        return None;
    }
    // One capitalised word that is a contraction ("We've", "I’m", "Don’t"),
    // or that opens its sentence and is written in lower case elsewhere
    // ("Maybe", "Several", "Officials"), is not a name.
    if words == 1
        && !is_org
        && (is_contraction(written)
            || (cx.opens_sentence(toks[start]) && cx.written_in_lower_case(written)))
    {
        return None;
    }
    let kind = if is_org || (words == 1 && written.chars().all(|c| c.is_uppercase() || c == '.')) {
        EntityKind::Organization
    } else {
        EntityKind::Person
    };
    Some(NameFound { span, words, kind })
}

/// The office a role names, lower-cased: its last word before any "of",
/// "for", "at" or comma ("President" → "president"); `None` for a deputy's
/// or a former holder's role ("vice president", "former president").
pub(super) fn office_of(role: &str) -> Option<&'static str> {
    let core = [" of ", " for ", " at ", ","]
        .iter()
        .filter_map(|p| role.find(p))
        .min()
        .map_or(role, |cut| &role[..cut]);
    let mut words = core.split_whitespace().rev();
    let last = words.next()?;
    if words.any(|w| {
        matches!(
            w.to_ascii_lowercase().as_str(),
            "vice" | "deputy" | "assistant" | "associate" | "former" | "acting" | "ex"
        ) || w.starts_with("ex-")
    }) {
        return None;
    }
    lexicon::ROLE_HEADS
        .iter()
        .copied()
        .find(|h| h.eq_ignore_ascii_case(last))
}

/// The word after the name at `at` is a speech verb ("Askar wrote").
pub(super) fn speaks_next(cx: &Context, at: usize) -> bool {
    let end = cx.text.len().min(at + 80);
    let mut words = cx
        .tokens_in(ByteSpan::new(at, end))
        .iter()
        .filter(|t| t.kind == TokenKind::Word);
    words.next();
    words
        .next()
        .is_some_and(|t| cx.has(t, lexicon::bits::CUE_VERBS))
}

/// "We've", "I’m", "they'll", "don’t": an apostrophe and a clitic ending.
fn is_contraction(word: &str) -> bool {
    let Some(at) = word.rfind(['\'', '’']) else {
        return false;
    };
    let ending = word[at..]
        .trim_start_matches(['\'', '’'])
        .to_ascii_lowercase();
    matches!(ending.as_str(), "m" | "ve" | "re" | "ll" | "d" | "t")
}

/// The role words written just before a full-name mention at `at`
/// ("Trump’s son-in-law", "special envoy", "Russian President").
pub(super) fn role_before_mention(cx: &Context, at: usize) -> Option<String> {
    let sentence = cx.sentence_at(at)?;
    let toks = cx.tokens_in(ByteSpan::new(cx.sentences[sentence].start, at));
    let mut start = toks.len();
    while start > 0 && toks.len() - start < 6 {
        let t = &toks[start - 1];
        let w = cx.word(t);
        let lower = w.to_ascii_lowercase();
        if t.kind != TokenKind::Word
            || matches!(
                lower.as_str(),
                "the"
                    | "a"
                    | "an"
                    | "and"
                    | "with"
                    | "by"
                    | "as"
                    | "of"
                    | "to"
                    | "for"
                    | "from"
                    | "said"
                    | "says"
                    | "told"
            )
        {
            break;
        }
        if !is_capitalised(cx.text, t) && cx.has(t, lexicon::bits::CUE_VERBS) {
            break;
        }
        start -= 1;
    }
    let words = &toks[start..];
    let has_role = words.iter().any(|t| {
        let w = cx.word(t);
        cx.has(t, lexicon::bits::ROLE_HEADS)
            || matches!(
                w,
                "son-in-law"
                    | "daughter-in-law"
                    | "wife"
                    | "husband"
                    | "son"
                    | "daughter"
                    | "brother"
                    | "sister"
                    | "father"
                    | "mother"
                    | "envoy"
                    | "negotiator"
            )
    });
    (has_role && !words.is_empty()).then(|| {
        ByteSpan::new(words[0].span.start, words[words.len() - 1].span.end)
            .of(cx.text)
            .to_string()
    })
}

/// A title or role word a name is written after ("Secretary", "Lt",
/// "Former", "White" of "White House"), peeled from the name and never
/// re-attached to it.
fn is_title(cx: &Context, t: &Token) -> bool {
    cx.has(t, lexicon::bits::ROLE_HEADS | lexicon::bits::NOT_NAME_WORDS)
        || matches!(
            cx.word(t),
            "Mr" | "Mrs"
                | "Ms"
                | "Dr"
                | "Sen"
                | "Rep"
                | "Gov"
                | "Gen"
                | "Lt"
                | "Col"
                | "Retired"
                | "Vice"
                | "Deputy"
                | "House"
                | "White"
                | "State"
                | "Former"
                | "Rev"
                | "Sgt"
                | "Capt"
                | "Adm"
                | "Prime"
                | "Justice"
                | "Judge"
                | "Attorney"
                | "General"
                | "Press"
        )
}

fn is_initial(cx: &Context, toks: &[&Token], dot: usize) -> bool {
    dot > 0 && {
        let w = cx.word(toks[dot - 1]);
        w.len() == 1 && w.starts_with(char::is_uppercase)
    }
}

pub(super) fn is_name_word(cx: &Context, t: &Token) -> bool {
    is_capitalised(cx.text, t)
        && !matches!(
            cx.word(t),
            "But" | "And" | "In" | "On" | "At" | "For" | "As"
        )
        // "Our sources say", "The agency": a determiner opens a phrase, never a name.
        && !lexicon::contains(lexicon::DETERMINERS, cx.word(t))
        && !cx.has(t, lexicon::bits::DEMONYMS)
}

/// The head word of a source phrase's core: its last word.
pub(super) fn head_word<'a>(cx: &Context<'a>, toks: &[Token]) -> Option<&'a str> {
    let core_end = toks
        .iter()
        .position(|t| {
            let w = cx.word(t);
            w == ","
                || (!is_capitalised(cx.text, t)
                    && matches!(
                        w,
                        "who"
                            | "which"
                            | "that"
                            | "by"
                            | "of"
                            | "at"
                            | "in"
                            | "for"
                            | "from"
                            | "with"
                            | "on"
                            | "inside"
                            | "within"
                            | "close"
                            | "familiar"
                    ))
        })
        .unwrap_or(toks.len());
    toks[..core_end]
        .iter()
        .rev()
        .find(|t| t.kind == TokenKind::Word)
        .map(|t| cx.word(t))
}

/// The phrase up to its first comma, relative clause or parenthesis.
pub(super) fn core_text(text: &str, src: ByteSpan) -> &str {
    let s = src.of(text);
    let b = s.as_bytes();
    let mut end = s.len();
    for (i, &c) in b.iter().enumerate() {
        let cut = c == b','
            || (c == b' '
                && [&b"who "[..], b"which ", b"(", b"that "]
                    .iter()
                    .any(|w| b[i + 1..].starts_with(w)));
        if cut {
            end = i;
            break;
        }
    }
    s[..end].trim_end()
}

/// The role written before a name in its source phrase ("White House deputy
/// press secretary") and the appositive after it (", a retired career
/// diplomat and former U.S. ambassador to Georgia").
pub(super) fn role_and_descriptor(
    text: &str,
    src: ByteSpan,
    name: ByteSpan,
) -> (Option<String>, Option<String>) {
    let before = text.get(src.start..name.start).unwrap_or("").trim();
    let before = before
        .strip_prefix("The ")
        .or_else(|| before.strip_prefix("the "))
        .unwrap_or(before)
        .trim();
    let role = (!before.is_empty()
        && before
            .split_whitespace()
            .any(|w| !matches!(w, "Mr." | "Mrs." | "Ms." | "Dr." | "Mr" | "Ms" | "Mrs")))
    .then(|| before.to_string());
    let after = text.get(name.end..src.end).unwrap_or("");
    let descriptor = after
        .trim_start_matches(['’', '\''])
        .trim_start_matches('s')
        .trim_start()
        .strip_prefix(',')
        .map(|rest| {
            let rest = rest.trim();
            let cut = [" who ", " which ", " where "]
                .iter()
                .filter_map(|p| rest.find(p))
                .min()
                .unwrap_or(rest.len());
            rest[..cut].trim_end_matches([',', ' ']).to_string()
        })
        .filter(|d| {
            d.split_whitespace().count() >= 2
                && (d.starts_with(|c: char| c.is_lowercase() || c == 'A' || c == 'T')
                    // "Doug McMillon, CEO of Walmart": an office is a role.
                    || d.split_whitespace()
                        .next()
                        .is_some_and(|w| lexicon::has(lexicon::bits::ROLE_HEADS, w)))
                && !["who ", "which ", "whose ", "where ", "whom "]
                    .iter()
                    .any(|p| d.starts_with(p))
        });
    (role, descriptor)
}
