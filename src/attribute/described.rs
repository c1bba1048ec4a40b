//! An organisation referred to by a description: "The company hopes to
//! resume launches", "the firm said". The description is the organisation
//! named just before it when the text names exactly one there ("NASA
//! supplier SpaceX …. The company hopes" → SpaceX); otherwise it is a vague
//! source, never a speaker called "company".

use super::context::Context;
use super::lexicon;
use crate::segment::entities::{Entity, EntityKind};
use crate::segment::TokenKind;
use crate::spans::ByteSpan;

/// How far back a description looks for the organisation it stands for.
const SENTENCES_BACK: usize = 3;
/// A description is short: "the company", "the Dutch firm", "the new agency".
const MAX_WORDS: usize = 4;
/// An organisation named right before another ("NASA supplier SpaceX")
/// qualifies it: within this many bytes, only the second one is a candidate.
const QUALIFIER_GAP: usize = 16;

/// What a description of an organisation stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Described {
    /// The one organisation named just before.
    Named(String),
    /// None, or more than one, is named there.
    Unnamed,
}

/// Every mention of a named organisation, in text order.
pub struct Organisations {
    mentions: Vec<(ByteSpan, usize)>,
    names: Vec<String>,
}

impl Organisations {
    pub fn new(entities: &[Entity]) -> Self {
        let mut mentions = Vec::new();
        let mut names = Vec::new();
        for e in entities
            .iter()
            .filter(|e| e.kind == EntityKind::Organization)
        {
            let k = names.len();
            names.push(e.name.trim().to_string());
            mentions.extend(e.mentions.iter().map(|m| (m.span, k)));
        }
        crate::sort::sort_by_key(&mut mentions, |(span, _)| span.start);
        Organisations { mentions, names }
    }

    /// `None` when `src` is not a description of an organisation ("the
    /// company", "this firm"); else who it stands for.
    #[inline(never)] // kept out of its caller: docs/BENCHMARKS.md, "large functions"
    pub fn described(&self, cx: &Context, src: ByteSpan) -> Option<Described> {
        let words: Vec<&str> = cx
            .tokens_in(src)
            .iter()
            .filter(|t| t.kind == TokenKind::Word)
            .map(|t| cx.word(t))
            .collect();
        let (first, head) = (words.first()?, words.last()?);
        let is_description = (2..=MAX_WORDS).contains(&words.len())
            && ["the", "this", "that"]
                .iter()
                .any(|d| first.eq_ignore_ascii_case(d))
            && lexicon::contains(lexicon::ORG_DESCRIPTIONS, head)
            && words[1..].iter().all(|w| {
                !w.starts_with(char::is_uppercase) || lexicon::has(lexicon::bits::DEMONYMS, w)
            });
        if !is_description {
            return None;
        }
        let here = cx.sentence_at(src.start)?;
        let before = self.mentions.partition_point(|(m, _)| m.end <= src.start);
        let nearest = self.mentions[..before]
            .iter()
            .rev()
            .find(|(m, _)| !in_parentheses(cx.text, *m));
        let Some(&(nearest, _)) = nearest else {
            return Some(Described::Unnamed);
        };
        let Some(sentence) = cx.sentence_at(nearest.start) else {
            return Some(Described::Unnamed);
        };
        if here - sentence.min(here) > SENTENCES_BACK {
            return Some(Described::Unnamed);
        }
        // Every organisation named in that sentence, before the description;
        // one that qualifies the next ("NASA supplier SpaceX") is no candidate.
        let from = cx.sentences.get(sentence)?.start;
        let in_sentence: Vec<(ByteSpan, usize)> = self.mentions[..before]
            .iter()
            .copied()
            .filter(|(m, _)| m.start >= from && !in_parentheses(cx.text, *m))
            .collect();
        let mut candidates: Vec<usize> = Vec::new();
        for (i, &(m, k)) in in_sentence.iter().enumerate() {
            let qualifies_next = in_sentence
                .get(i + 1)
                .is_some_and(|(next, _)| next.start.saturating_sub(m.end) <= QUALIFIER_GAP);
            if !qualifies_next && !candidates.contains(&k) {
                candidates.push(k);
            }
        }
        let in_a_list = in_sentence
            .iter()
            .any(|&(m, k)| candidates.contains(&k) && listed_with_another(cx.text, m));
        Some(match candidates[..] {
            [k] if !in_a_list => Described::Named(self.names.get(k)?.clone()),
            _ => Described::Unnamed,
        })
    }
}

/// "single sign-on (SSO)": an abbreviation glossed in parentheses is no
/// organisation the article talks about.
fn in_parentheses(text: &str, m: ByteSpan) -> bool {
    text.get(..m.start).is_some_and(|b| b.ends_with('('))
        && text.get(m.end..).is_some_and(|a| a.starts_with(')'))
}

/// "Boeing and Airbus", "Airbus, Boeing": a name coordinated with another
/// capitalised one, which the entity list may not hold.
fn listed_with_another(text: &str, m: ByteSpan) -> bool {
    const JOINS: [&str; 3] = [" and ", " or ", ", "];
    let after = text.get(m.end..).unwrap_or("");
    let before = text.get(..m.start).unwrap_or("");
    let capitalised_after = JOINS.iter().any(|j| {
        after
            .strip_prefix(j)
            .is_some_and(|rest| rest.starts_with(char::is_uppercase))
    });
    let capitalised_before = JOINS.iter().any(|j| {
        before.strip_suffix(j).is_some_and(|rest| {
            rest.rsplit(' ')
                .next()
                .is_some_and(|w| w.starts_with(char::is_uppercase))
        })
    });
    capitalised_after || capitalised_before
}
