//! Named people, organisations and places, from capitalisation patterns,
//! titles and roles, and small gazetteers (see `gazetteer.rs`).
//!
//! Later mentions by surname, given name or pronoun are linked to the full
//! name. A link is only made certain when one entity fits: when two people
//! share a surname (Ian Kelly and Anna Kelly), the mention is reported with
//! every candidate, most likely first, and is not added to either entity's
//! mentions. Pronoun links are always reported with their candidates.
//!
//! This file holds the types and the entry point; finding names is in
//! `entities/candidates.rs`, linking mentions in `entities/linking.rs`.

use super::fxhash::FxMap;
use super::gazetteer::{
    DEMONYMS, FEMALE_GIVEN_NAMES, MALE_GIVEN_NAMES, NOT_NAMES, ORGANIZATIONS, ORG_SUFFIXES,
    OTHER_SUFFIXES, PLACES, PLACE_SUFFIXES, ROLE_HEADS, ROLE_MODIFIERS, TITLES,
};
use super::sentences::{SentenceInfo, SentenceKind};
use super::times::TimeMention;
use super::tokens::{is_space, normalize_char, Normalized, Token, TokenKind};
use crate::spans::ByteSpan;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EntityKind {
    Person,
    Organization,
    Place,
}

impl EntityKind {
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Organization => "organization",
            EntityKind::Place => "place",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct EntityMention {
    pub span: ByteSpan,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Entity {
    pub name: String,
    pub kind: EntityKind,
    /// The title or role written before the name ("Secretary of State",
    /// "White House deputy press secretary").
    pub role: Option<String>,
    /// An appositive ("a retired career diplomat and former U.S.
    /// ambassador to Georgia", "his wife").
    pub descriptor: Option<String>,
    /// Mentions that certainly refer to this entity, in text order.
    pub mentions: Vec<EntityMention>,
}

/// How a mention names its entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MentionForm {
    /// The full name, or the name of an organisation or place.
    Name,
    /// The surname alone, possibly after a title ("Kelly", "Mr. Kushner").
    Surname,
    /// The given name alone ("Jared").
    GivenName,
    /// "he", "him", "his", "she", "her".
    Pronoun,
}

impl MentionForm {
    pub fn as_str(self) -> &'static str {
        match self {
            MentionForm::Name => "name",
            MentionForm::Surname => "surname",
            MentionForm::GivenName => "given_name",
            MentionForm::Pronoun => "pronoun",
        }
    }
}

/// A mention with the entities it may refer to.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    pub span: ByteSpan,
    pub form: MentionForm,
    /// Indices into `TextLayer::entities`, most likely first. Empty when
    /// nothing fits (a pronoun with no compatible person before it).
    pub candidates: Vec<usize>,
    /// More than one candidate fits; the order is a guess, not a link.
    pub ambiguous: bool,
}

impl Mention {
    /// The entity, when exactly one fits.
    pub fn entity(&self) -> Option<usize> {
        match self.candidates[..] {
            [one] => Some(one),
            _ => None,
        }
    }
}

/// Everything the recogniser found.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Found {
    pub entities: Vec<Entity>,
    /// Every mention (names, surnames, pronouns) in text order.
    pub mentions: Vec<Mention>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Gender {
    Male,
    Female,
}

/// What the gazetteers say about one word, as bit flags.
mod facts {
    pub const NOT_NAME: u16 = 1;
    pub const TITLE: u16 = 1 << 1;
    pub const PLACE: u16 = 1 << 2;
    pub const ORG: u16 = 1 << 3;
    pub const ORG_SUFFIX: u16 = 1 << 4;
    pub const PLACE_SUFFIX: u16 = 1 << 5;
    pub const OTHER_SUFFIX: u16 = 1 << 6;
    pub const MALE: u16 = 1 << 7;
    pub const FEMALE: u16 = 1 << 8;
    pub const DEMONYM: u16 = 1 << 9;
    pub const GIVEN: u16 = MALE | FEMALE;
    pub const UNSET: u16 = u16::MAX;
}

/// One table for every single-word gazetteer entry, built once: capitalised
/// lists keyed as written, given names and demonyms in lower case.
fn facts_table() -> &'static FxMap<&'static str, u32> {
    static TABLE: std::sync::OnceLock<FxMap<&'static str, u32>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table: FxMap<&'static str, u32> = FxMap::default();
        let lists: [(&[&'static str], u16); 10] = [
            (NOT_NAMES, facts::NOT_NAME),
            (TITLES, facts::TITLE),
            (PLACES, facts::PLACE),
            (ORGANIZATIONS, facts::ORG),
            (ORG_SUFFIXES, facts::ORG_SUFFIX),
            (PLACE_SUFFIXES, facts::PLACE_SUFFIX),
            (OTHER_SUFFIXES, facts::OTHER_SUFFIX),
            (MALE_GIVEN_NAMES, facts::MALE),
            (FEMALE_GIVEN_NAMES, facts::FEMALE),
            (DEMONYMS, facts::DEMONYM),
        ];
        for (list, flag) in lists {
            let flag = u32::from(flag);
            for &w in list.iter().filter(|w| !w.contains(' ')) {
                *table.entry(w).or_default() |= flag;
            }
        }
        table
    })
}

/// The flags of a word as written (`word`) and in lower case (`lower`).
fn word_facts(word: &str, lower: &str) -> u16 {
    let table = facts_table();
    let exact = table.get(word).copied().unwrap_or(0) as u16;
    let lower_flags = facts::GIVEN | facts::DEMONYM;
    let lower = if lower == word {
        exact
    } else {
        table.get(lower).copied().unwrap_or(0) as u16
    };
    (exact & !lower_flags) | (lower & lower_flags)
}

/// A token's text as a name word: possessive and lower-case hyphen tail
/// removed ("Trump’s" → "Trump", "Emirates-controlled" → "Emirates").
/// Returns the word and whether something was removed after it.
fn name_base(raw: &str) -> (&str, bool, bool) {
    let base = strip_possessive(raw);
    let possessive = base.len() < raw.len();
    match base.rsplit_once('-') {
        Some((head, tail)) if tail.starts_with(char::is_lowercase) => (head, possessive, true),
        _ => (base, possessive, false),
    }
}

fn sorted_contains(list: &[&str], w: &str) -> bool {
    list.binary_search(&w).is_ok()
}

fn given_gender(lower: &str) -> Option<Gender> {
    let male = sorted_contains(MALE_GIVEN_NAMES, lower);
    let female = sorted_contains(FEMALE_GIVEN_NAMES, lower);
    match (male, female) {
        (true, false) => Some(Gender::Male),
        (false, true) => Some(Gender::Female),
        _ => None,
    }
}

fn is_given_name(lower: &str) -> bool {
    sorted_contains(MALE_GIVEN_NAMES, lower) || sorted_contains(FEMALE_GIVEN_NAMES, lower)
}

fn strip_possessive(w: &str) -> &str {
    for suffix in ["'s", "’s", "'S", "’S"] {
        if let Some(b) = w.strip_suffix(suffix) {
            return b;
        }
    }
    w
}

fn is_honorific(w: &str) -> bool {
    matches!(
        w,
        "Mr" | "Mrs" | "Ms" | "Miss" | "Mx" | "Sir" | "Dame" | "Dr"
    )
}

fn honorific_gender(w: &str) -> Option<Gender> {
    match w {
        "Mr" | "Sir" => Some(Gender::Male),
        "Mrs" | "Ms" | "Miss" | "Dame" => Some(Gender::Female),
        _ => None,
    }
}

fn role_gender(role: &str) -> Option<Gender> {
    let lower = role.to_lowercase();
    let last = lower.rsplit(' ').next().unwrap_or("");
    match last {
        "spokeswoman" | "wife" | "mother" | "daughter" | "sister" | "chairwoman"
        | "congresswoman" | "queen" | "princess" | "daughter-in-law" | "mother-in-law"
        | "businesswoman" | "councilwoman" => Some(Gender::Female),
        "spokesman" | "husband" | "father" | "son" | "brother" | "chairman" | "congressman"
        | "king" | "prince" | "son-in-law" | "father-in-law" | "businessman" | "councilman" => {
            Some(Gender::Male)
        }
        _ => None,
    }
}

/// A speech verb of the attribution lexicon ("said", "told").
fn is_speech_verb(w: &str) -> bool {
    crate::attribute::lexicon::has(crate::attribute::lexicon::bits::CUE_VERBS, w)
}

/// A word of a capitalised run: token index and text (possessive stripped).
type Part<'a> = (usize, &'a str);

/// One capitalised run, analysed.
#[derive(Debug, Clone)]
struct Candidate<'a> {
    /// The name part.
    span: ByteSpan,
    /// Name words, possessives stripped.
    words: Vec<&'a str>,
    class: Class,
    role: Option<String>,
    honorific: Option<Gender>,
    descriptor: Option<String>,
    sentence: usize,
    paragraph: usize,
    in_quote: bool,
    /// Capitalised by position (sentence or quote start), not necessarily a name.
    initial: bool,
    /// Followed by a speech verb ("Kelly said").
    speaks: bool,
}

impl<'a> Candidate<'a> {
    /// A candidate with no role, honorific or descriptor yet, not followed by a speech verb.
    fn bare(
        span: ByteSpan,
        words: Vec<&'a str>,
        class: Class,
        at: (usize, usize),
        in_quote: bool,
        initial: bool,
    ) -> Self {
        let (sentence, paragraph) = at;
        Candidate {
            span,
            words,
            class,
            role: None,
            honorific: None,
            descriptor: None,
            sentence,
            paragraph,
            in_quote,
            initial,
            speaks: false,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Known(EntityKind),
    /// One word of unknown kind: a surname, a given name, or nothing.
    Single,
}

struct Cx<'a> {
    text: &'a str,
    tokens: &'a [Token],
    norm: &'a Normalized,
    quotes: Vec<ByteSpan>,
    /// Time expressions ("on Friday", "in June"), without their anchors,
    /// sorted: their capitalised words are not names.
    dates: Vec<ByteSpan>,
    /// `word_facts` of each token's run word, computed on first use.
    facts: Vec<std::cell::Cell<u16>>,
}

/// Finds the entities and mentions of `text`. `info` is parallel to
/// `sentences` (it may be empty); `times` are the text's time expressions.
pub fn find(
    text: &str,
    tokens: &[Token],
    norm: &Normalized,
    sentences: &[ByteSpan],
    info: &[SentenceInfo],
    times: &[TimeMention],
) -> Found {
    let cx = Cx {
        text,
        tokens,
        norm,
        quotes: quote_regions(text),
        dates: date_words(times),
        facts: vec![std::cell::Cell::new(facts::UNSET); tokens.len()],
    };
    let candidates = cx.candidates(sentences, info);
    let mut linker = Linker::new(&cx, sentences, info);
    linker.link(candidates);
    linker.pronouns();
    linker.finish()
}

/// The parts of time expressions that are not their anchors ("a year into
/// Trump 2.0" keeps "Trump 2.0" as text that may hold names), sorted.
fn date_words(times: &[TimeMention]) -> Vec<ByteSpan> {
    let mut out: Vec<ByteSpan> = Vec::with_capacity(times.len());
    for t in times {
        match t.anchor.filter(|a| t.span.contains(*a)) {
            Some(a) => {
                out.push(ByteSpan::new(t.span.start, a.start));
                out.push(ByteSpan::new(a.end, t.span.end));
            }
            None => out.push(t.span),
        }
    }
    out.retain(|d| d.start < d.end);
    crate::sort::sort_by_key(&mut out, |d| d.start);
    out
}

/// Double-quoted regions (quote marks excluded), paired within a line.
fn quote_regions(text: &str) -> Vec<ByteSpan> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    let mut prev = ' ';
    for (i, c) in text.char_indices() {
        match c {
            '“' => open = Some(i + c.len_utf8()),
            '”' => {
                if let Some(s) = open.take() {
                    out.push(ByteSpan::new(s, i));
                }
            }
            '"' => {
                let opens = is_space(prev) || matches!(prev, '(' | '[' | '—' | '-');
                match open {
                    Some(s) if !opens => {
                        out.push(ByteSpan::new(s, i));
                        open = None;
                    }
                    _ => open = Some(i + 1),
                }
            }
            '\n' => open = None,
            _ => {}
        }
        prev = c;
    }
    out
}

fn inside(regions: &[ByteSpan], at: usize) -> bool {
    let i = regions.partition_point(|r| r.end < at);
    regions.get(i).is_some_and(|r| r.start <= at && at <= r.end)
}

/// Lower-case words inside names ("Bank of America", "Ursula von der Leyen").
pub(crate) fn is_connector(w: &str) -> bool {
    matches!(
        w,
        "of" | "de"
            | "da"
            | "van"
            | "von"
            | "al"
            | "bin"
            | "ibn"
            | "la"
            | "le"
            | "du"
            | "der"
            | "den"
            | "del"
            | "della"
            | "di"
            | "dos"
            | "&"
    )
}

/// The first word or number token of a sentence.
fn first_word_token(tokens: &[Token], sentence: ByteSpan) -> Option<usize> {
    let from = tokens.partition_point(|t| t.span.start < sentence.start);
    tokens[from..]
        .iter()
        .take_while(|t| t.span.start < sentence.end)
        .position(|t| t.kind != TokenKind::Punct)
        .map(|p| from + p)
}

mod candidates;
mod linking;

use linking::*;

#[cfg(test)]
mod tests;
