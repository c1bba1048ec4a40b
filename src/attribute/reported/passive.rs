//! The passive cue: "X is viewed by Y as ...", "has been described as
//! ‘heartbreaking’ by the conservation department", "an appearance ... and
//! criticized by the Obama administration for making ...". The agent after
//! "by" is the source; the grammatical subject is what was spoken about,
//! never the speaker.

use super::content::forward_content;
use super::{phrase_span, relation, span, CueKind, Relation};
use crate::attribute::context::{is_capitalised, is_punct, Context};
use crate::attribute::lexicon;
use crate::attribute::phrases;
use crate::segment::{Token, TokenKind};
use crate::spans::ByteSpan;

/// The passive with its auxiliary, the be-form at `be`: "X is viewed by Y
/// as ...", "His views were echoed by experts".
pub(super) fn with_be(
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
                | "first"
                | "originally"
                | "previously"
                | "initially"
                | "recently"
                | "repeatedly"
        )
    }) {
        p += 1;
    }
    if !is_participle(cx, toks.get(p)?) {
        return None;
    }
    let agent = agent_after(cx, toks, p)?;
    // The subject before the verb group ("The spate of strandings has
    // been described"): what was spoken about.
    let mut group = be;
    while group > 0 && is_auxiliary(cx.word(&toks[group - 1])) {
        group -= 1;
    }
    let subject = phrases::source_before(cx, toks, group).map(|s| phrase_span(toks, s));
    let mut content: Vec<ByteSpan> = subject.into_iter().collect();
    content.extend(said_about(cx, si, toks, &agent));
    if content.is_empty() {
        return None;
    }
    Some((
        relation(
            kind_of(cx, &toks[p]),
            si,
            span(toks, be, p + 1),
            Some(agent.source),
            content,
        ),
        agent.end,
    ))
}

/// Whether the word at `p` is a participle with an agent and no auxiliary
/// ("an appearance ... and criticized by the Obama administration", "the
/// plan, praised by critics as ..."): a passive, whatever the verb could
/// be in the active.
pub(super) fn is_reduced(cx: &Context, toks: &[Token], p: usize) -> bool {
    let Some(t) = toks.get(p) else {
        return false;
    };
    // "He said by Friday": "said" after its subject is active; the
    // auxiliary passive ("is said by") is read from the be-form.
    if !is_participle(cx, t) || cx.word(t) == "said" || p == 0 {
        return false;
    }
    let prev = &toks[p - 1];
    let pw = cx.word(prev);
    let joins = matches!(pw, "and" | "or" | "but" | "," | "—" | "–");
    // "the plan criticized by unions": after the noun it modifies, not
    // after its subject ("Netanyahu criticized", "he criticized").
    let after_noun = prev.kind == TokenKind::Word
        && !is_capitalised(cx.text, prev)
        && pw.chars().all(char::is_lowercase)
        && !cx.has(prev, lexicon::bits::PRONOUNS | lexicon::bits::CUE_PREFIXES)
        && !super::is_adverb(pw)
        && !is_auxiliary(pw);
    (joins || after_noun) && agent_after(cx, toks, p).is_some()
}

/// The reduced passive at participle `p` (see [`is_reduced`]): the agent is
/// the source and what the phrase says ("as …", "for …", "that …") is the
/// content; with nothing said, no relation.
pub(super) fn reduced(
    cx: &Context,
    si: usize,
    toks: &[Token],
    p: usize,
) -> Option<(Relation, usize)> {
    let agent = agent_after(cx, toks, p)?;
    let mut content = said_about(cx, si, toks, &agent);
    // "(a view echoed by everyone I interviewed)": with nothing said, the
    // noun the participle describes is what was spoken of. The phrase
    // only describes that noun: it does not source the sentence.
    let describes_a_noun = content.is_empty();
    if describes_a_noun {
        content.extend(noun_before(cx, toks, p));
    }
    if content.is_empty() {
        return None;
    }
    let mut r = relation(
        kind_of(cx, &toks[p]),
        si,
        span(toks, p, p + 1),
        Some(agent.source),
        content,
    );
    // "The bill, praised by critics as a breakthrough, passed": set off by
    // commas, like ", who said …,", an aside that does not source the
    // sentence.
    r.aside = describes_a_noun || (p > 0 && is_punct(cx.text, &toks[p - 1], ','));
    Some((r, agent.end))
}

/// The noun phrase right before participle `p`, back to its determiner
/// ("a view", "the plan"); `None` after a comma or a conjunction.
fn noun_before(cx: &Context, toks: &[Token], p: usize) -> Option<ByteSpan> {
    let mut k = p;
    while k > 0 && p - k < 5 {
        let t = &toks[k - 1];
        let w = cx.word(t);
        if t.kind != TokenKind::Word || matches!(w, "and" | "or" | "but") {
            break;
        }
        // "The registration issue was first reported by …": a clause, not
        // a noun phrase.
        if cx.has(t, lexicon::bits::BE_FORMS | lexicon::bits::VERB_WORDS) || is_auxiliary(w) {
            return None;
        }
        k -= 1;
        if lexicon::contains(lexicon::DETERMINERS, w) {
            break;
        }
    }
    (k < p).then(|| span(toks, k, p))
}

/// The agent of a passive participle: its source phrase and the token
/// after it.
struct Agent {
    /// "as ‘heartbreaking’" between the participle and "by", as tokens.
    as_phrase: Option<(usize, usize)>,
    source: ByteSpan,
    end: usize,
}

/// "criticized by X", "described as ‘heartbreaking’ by X": the agent
/// phrase after "by", when it can be someone (a name, a determiner's
/// phrase, "some", a plural noun such as "critics"), not a means or a
/// time ("by phone", "by far", "by 2020", "by saying").
fn agent_after(cx: &Context, toks: &[Token], p: usize) -> Option<Agent> {
    let (by, as_phrase) = match toks.get(p + 1).map(|t| cx.word(t)) {
        Some("by") => (p + 1, None),
        Some("as") => {
            let by = as_phrase_end(cx, toks, p + 1)?;
            (by, Some((p + 1, by)))
        }
        _ => return None,
    };
    let from = by + 1;
    let first = toks.get(from)?;
    let mut end = from;
    while end < toks.len() {
        let t = &toks[end];
        let w = cx.word(t);
        if (t.kind == TokenKind::Punct && !matches!(w, "." | "’" | "'" | "-"))
            || cx.is_mark(t)
            || (end > from
                && (ends_agent(w) || (is_past_verb(w) && !is_capitalised(cx.text, &toks[end - 1]))))
        {
            break;
        }
        end += 1;
    }
    while end > from && is_punct(cx.text, &toks[end - 1], '.') {
        end -= 1;
    }
    let w = cx.word(first);
    // "security researcher Yuki Chen": a role before a name.
    let names_someone = toks[from..end]
        .iter()
        .any(|t| t.kind == TokenKind::Word && is_capitalised(cx.text, t));
    let someone = first.kind == TokenKind::Word
        && (names_someone
            || lexicon::contains(lexicon::DETERMINERS, w)
            || lexicon::contains(lexicon::PLURAL_QUANTIFIERS, w)
            || lexicon::contains(lexicon::VAGUE_WORDS, w)
            || matches!(w, "everyone" | "everybody")
            || (w.len() > 3
                && w.ends_with('s')
                && !w.ends_with("ss")
                && w.chars().all(|c| c.is_ascii_lowercase())));
    if !someone {
        return None;
    }
    (end > from).then(|| Agent {
        as_phrase,
        source: span(toks, from, end),
        end,
    })
}

/// "by unions passed on Friday": a lower-case past form after the agent's
/// lower-case word is the sentence's own verb ("everyone I interviewed" is
/// a relative clause).
fn is_past_verb(w: &str) -> bool {
    w.len() > 4 && w.ends_with("ed") && w.chars().all(|c| c.is_ascii_lowercase())
}

/// A word after which the agent phrase has ended: the clause goes on.
fn ends_agent(w: &str) -> bool {
    matches!(
        w,
        "as" | "for"
            | "because"
            | "to"
            | "that"
            | "whether"
            | "if"
            | "who"
            | "which"
            | "when"
            | "while"
            | "in"
            | "on"
            | "at"
            | "over"
            | "after"
            | "during"
            | "since"
    )
}

/// The "by" closing "as ‘heartbreaking’ by": a short phrase, quoted words
/// allowed, no clause break.
fn as_phrase_end(cx: &Context, toks: &[Token], at: usize) -> Option<usize> {
    for (k, t) in toks.iter().enumerate().skip(at + 1).take(12) {
        let quoted = cx.is_quoted(t.span.start);
        if cx.word(t) == "by" && !quoted {
            return Some(k);
        }
        if t.kind == TokenKind::Punct && !quoted && !cx.is_mark(t) && cx.word(t) != "-" {
            return None;
        }
    }
    None
}

/// What the passive says of its subject: "as …" before the agent or after
/// it, or "for …", "that …" after it.
fn said_about(cx: &Context, si: usize, toks: &[Token], agent: &Agent) -> Vec<ByteSpan> {
    let mut out = Vec::new();
    if let Some((from, to)) = agent.as_phrase {
        out.push(span(toks, from, to));
    }
    let next = toks.get(agent.end).map(|t| cx.word(t));
    if matches!(next, Some("as" | "for" | "that")) {
        if let Some(more) = forward_content(cx, si, toks, agent.end, true) {
            // "The bill, praised by critics as a breakthrough, passed": the
            // phrase closes at its comma; the sentence's own verb follows.
            out.extend(more.into_iter().map(|c| {
                let piece = c.of(cx.text);
                match piece
                    .match_indices(',')
                    .map(|(k, _)| k)
                    .find(|&k| !cx.is_quoted(c.start + k))
                {
                    Some(k) => ByteSpan::new(c.start, c.start + k),
                    None => c,
                }
            }));
        }
    }
    out
}

/// A participle that reports words or a judgement, from the passive list
/// ("viewed", "praised", "criticized"). Any cue verb's "-ed" form is too
/// loose: "Europe's borders were being defended by some of its weakest
/// countries" is no speech.
fn is_participle(cx: &Context, t: &Token) -> bool {
    cx.has(t, lexicon::bits::PASSIVE_PARTICIPLES)
}

fn kind_of(cx: &Context, t: &Token) -> CueKind {
    if cx.has(t, lexicon::bits::COGNITION_VERBS) && !cx.has(t, lexicon::bits::CUE_VERBS) {
        CueKind::Belief
    } else {
        CueKind::Speech
    }
}

/// The verb group's auxiliaries and adverbs before a be-form ("has been",
/// "will also be"): the lexicon's auxiliaries and be-forms ("won" there is
/// also a past tense).
fn is_auxiliary(w: &str) -> bool {
    matches!(w, "also" | "not")
        || (w != "won" && lexicon::has(lexicon::bits::VERB_WORDS | lexicon::bits::BE_FORMS, w))
}
