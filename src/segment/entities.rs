//! Named people, organisations and places, from capitalisation patterns,
//! titles and roles, and small gazetteers (see `gazetteer.rs`).
//!
//! Later mentions by surname, given name or pronoun are linked to the full
//! name. A link is only made certain when one entity fits: when two people
//! share a surname (Ian Kelly and Anna Kelly), the mention is reported with
//! every candidate, most likely first, and is not added to either entity's
//! mentions. Pronoun links are always reported with their candidates.

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
fn is_connector(w: &str) -> bool {
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

impl<'a> Cx<'a> {
    fn raw(&self, k: usize) -> &'a str {
        self.tokens.get(k).map_or("", |t| t.text(self.text))
    }

    fn w(&self, k: usize) -> &'a str {
        self.norm.get(k)
    }

    /// Gazetteer flags of a run word (cached by token).
    fn facts(&self, (k, _): Part<'a>) -> u16 {
        let Some(cell) = self.facts.get(k) else {
            return 0;
        };
        if cell.get() == facts::UNSET {
            let (base, _, _) = name_base(self.raw(k));
            // The normalised form is already lower case; cut it to the same word.
            let norm = self.w(k);
            let flags = match norm.get(..base.len()) {
                Some(lower) if base.is_ascii() => word_facts(base, lower),
                _ => word_facts(base, &base.to_lowercase()),
            };
            cell.set(flags);
        }
        cell.get()
    }

    fn has(&self, part: Part<'a>, flags: u16) -> bool {
        self.facts(part) & flags != 0
    }

    /// Only spaces (no line break or punctuation) between tokens `a` and `a + 1`.
    fn adjacent(&self, a: usize) -> bool {
        match (self.tokens.get(a), self.tokens.get(a + 1)) {
            (Some(x), Some(y)) => {
                let gap = &self.text[x.span.end..y.span.start];
                !gap.is_empty() && gap.chars().all(|c| is_space(c) && c != '\n' && c != '\r')
            }
            _ => false,
        }
    }

    fn capitalised(&self, k: usize) -> bool {
        self.tokens
            .get(k)
            .is_some_and(|t| t.is_capitalised(self.text))
    }

    /// A single capital letter followed by a touching period ("F.").
    fn initial_at(&self, k: usize) -> bool {
        let raw = self.raw(k);
        raw.len() == 1
            && raw.chars().all(|c| c.is_ascii_uppercase())
            && self.raw(k + 1) == "."
            && self.tokens[k].touches(&self.tokens[k + 1])
    }

    /// Capitalised runs, analysed into candidates.
    fn candidates(&self, sentences: &[ByteSpan], info: &[SentenceInfo]) -> Vec<Candidate<'a>> {
        let mut out = Vec::new();
        let mut s = 0usize;
        let mut first_word = sentences
            .first()
            .and_then(|sp| first_word_token(self.tokens, *sp));
        let mut k = 0usize;
        while k < self.tokens.len() {
            let t = self.tokens[k];
            while s + 1 < sentences.len() && sentences[s].end <= t.span.start {
                s += 1;
                first_word = first_word_token(self.tokens, sentences[s]);
            }
            if !self.capitalised(k) {
                k += 1;
                continue;
            }
            let sentence = s.min(sentences.len().saturating_sub(1));
            let heading = info
                .get(sentence)
                .is_some_and(|i| i.kind == SentenceKind::Heading);
            let paragraph = info.get(sentence).map_or(sentence, |i| i.paragraph);
            let initial = first_word == Some(k) || self.after_opener(k);
            let (run, next) = self.run(k);
            // Words of a time expression ("On Friday", "in June") split the
            // run and are never names themselves.
            for parts in run.split(|&(t, _)| self.in_date(t)) {
                let initial = initial && parts.first().map(|p| p.0) == run.first().map(|p| p.0);
                if let Some(pieces) = compound_pieces(self, parts) {
                    for (span, word, kind) in pieces {
                        out.push(Candidate::bare(
                            span,
                            vec![word],
                            Class::Known(kind),
                            (sentence, paragraph),
                            inside(&self.quotes, span.start),
                            false,
                        ));
                    }
                } else if !parts.is_empty() {
                    if let Some(c) = self.analyse(parts, sentence, paragraph, initial, heading) {
                        out.push(c);
                    }
                }
            }
            k = next.max(k + 1);
        }
        out
    }

    /// Whether token `k` lies in a time expression.
    fn in_date(&self, k: usize) -> bool {
        let span = self.tokens[k].span;
        let after = self.dates.partition_point(|d| d.start <= span.start);
        after > 0 && self.dates[after - 1].contains(span)
    }

    /// The first word of a quotation, parenthesis or clause after a colon or dash.
    fn after_opener(&self, k: usize) -> bool {
        k > 0
            && matches!(
                normalize_char(self.raw(k - 1).chars().next().unwrap_or(' ')),
                '"' | '(' | '[' | ':' | '-' | '\''
            )
    }

    /// The run starting at `k`: (token index, word without possessive) pairs,
    /// and the token after the run.
    fn run(&self, k: usize) -> (Vec<Part<'a>>, usize) {
        let mut parts: Vec<Part<'a>> = Vec::new();
        let mut j = k;
        while j < self.tokens.len() {
            let raw = self.raw(j);
            if !parts.is_empty() {
                // Periods of initials and abbreviated titles stay in the run.
                let last = parts.last().map_or(0, |p| p.0);
                if !(self.adjacent(j - 1)
                    || (self.raw(j - 1) == "." && last + 1 == j - 1 && self.adjacent(j - 1)))
                {
                    break;
                }
            }
            if self.capitalised(j)
                || (parts.is_empty() && self.raw(j).chars().next().is_some_and(char::is_uppercase))
            {
                // "Trump’s", "Emirates-controlled": keep the name.
                let (base, possessive, tail_lower) = name_base(raw);
                parts.push((j, base));
                let mut next = j + 1;
                if self.initial_at(j)
                    || (self.has((j, base), facts::TITLE)
                        && self.raw(j + 1) == "."
                        && self.tokens[j].touches(&self.tokens[j + 1]))
                {
                    next += 1; // skip the period
                    if !self.adjacent(j + 1) {
                        return (parts, next);
                    }
                    j = next;
                    continue;
                }
                if possessive || tail_lower {
                    return (parts, next);
                }
                j = next;
                continue;
            }
            // Connectors between capitalised words ("Bank of America", "Secretary of State").
            if !parts.is_empty()
                && is_connector(self.w(j))
                && self.capitalised(j + 1)
                && self.adjacent(j)
            {
                parts.push((j, raw));
                j += 1;
                continue;
            }
            break;
        }
        // A run never ends on a connector.
        while parts.last().is_some_and(|(_, w)| is_connector(w)) {
            parts.pop();
        }
        (parts, j)
    }

    fn span_of(&self, parts: &[Part<'a>]) -> ByteSpan {
        let first = self.tokens[parts[0].0].span.start;
        let (last_k, last_w) = &parts[parts.len() - 1];
        let start = self.tokens[*last_k].span.start;
        ByteSpan::new(first, start + last_w.len())
    }

    /// Splits a run into role and name and classifies it.
    fn analyse(
        &self,
        parts: &[Part<'a>],
        sentence: usize,
        paragraph: usize,
        initial: bool,
        heading: bool,
    ) -> Option<Candidate<'a>> {
        let mut parts: &[Part<'a>] = parts;
        let mut initial = initial;
        // Sentence words that are not names ("The", "However", "Some").
        while let Some(&first) = parts.first() {
            if !self.has(first, facts::NOT_NAME) {
                break;
            }
            parts = &parts[1..];
            initial = false;
        }
        if parts.is_empty() {
            return None;
        }
        let span = self.span_of(parts);
        let base = Candidate::bare(
            span,
            parts.iter().map(|(_, w)| *w).collect(),
            Class::Single,
            (sentence, paragraph),
            inside(&self.quotes, span.start),
            initial,
        );
        // Gazetteers first, whole run.
        let joined = (parts.len() > 1).then(|| join(parts));
        let whole = |flag: u16, list: &[&str]| match &joined {
            Some(j) => sorted_contains(list, j),
            None => self.has(parts[0], flag),
        };
        if whole(facts::PLACE, PLACES) {
            return Some(Candidate {
                class: Class::Known(EntityKind::Place),
                ..base
            });
        }
        if whole(facts::ORG, ORGANIZATIONS) {
            return Some(self.with_descriptors(
                Candidate {
                    class: Class::Known(EntityKind::Organization),
                    ..base
                },
                parts,
            ));
        }
        // Title words, then the name: "Secretary of State Marco Rubio",
        // "Russian President Vladimir Putin", "Mr. Kushner".
        let given_at = parts
            .iter()
            .position(|&p| self.has(p, facts::GIVEN))
            .filter(|&g| g == 0 || parts[..g].iter().all(|&p| self.is_title_word(p)));
        let mut title_end = 0;
        if let Some(g) = given_at {
            title_end = g;
        } else {
            while title_end < parts.len() {
                let w = parts[title_end].1;
                if self.is_title_word(parts[title_end]) {
                    title_end += 1;
                } else if w == "of" && title_end > 0 && title_end + 1 < parts.len() {
                    // "Secretary of State X": the department word belongs to the title.
                    title_end += 2;
                } else {
                    break;
                }
            }
        }
        // "Arab Spring", "Arab League": a nationality alone before one
        // capitalised word belongs to the name; it is not a person's title.
        if given_at.is_none()
            && title_end > 0
            && title_end + 1 == parts.len()
            && parts[..title_end]
                .iter()
                .all(|&p| self.has(p, facts::DEMONYM))
        {
            title_end = 0;
        }
        if title_end >= parts.len() {
            return None;
        }
        let title = &parts[..title_end];
        let name = &parts[title_end..];
        let honorific = title.iter().find_map(|(_, w)| honorific_gender(w));
        let role_words: Vec<&Part<'a>> = title.iter().filter(|(_, w)| !is_honorific(w)).collect();
        let in_run_role = (!role_words.is_empty()).then(|| {
            let first = role_words[0].0;
            let last = role_words[role_words.len() - 1].0;
            let end =
                if self.raw(last + 1) == "." && self.tokens[last].touches(&self.tokens[last + 1]) {
                    self.tokens[last + 1].span.end
                } else {
                    self.tokens[last].span.end
                };
            (
                first,
                self.text[self.tokens[first].span.start..end].to_string(),
            )
        });
        let span = self.span_of(name);
        let words: Vec<&'a str> = name.iter().map(|(_, w)| *w).collect();
        let has_title = !title.is_empty();
        let last_part = name[name.len() - 1];
        let name_is = |flag: u16, list: &[&str]| {
            if name.len() > 1 {
                sorted_contains(list, &join(name))
            } else {
                self.has(name[0], flag)
            }
        };
        let class = if name_is(facts::PLACE, PLACES) {
            Class::Known(EntityKind::Place)
        } else if name_is(facts::ORG, ORGANIZATIONS) {
            Class::Known(EntityKind::Organization)
        } else if self.has(last_part, facts::OTHER_SUFFIX) {
            return None;
        } else if self.has(last_part, facts::ORG_SUFFIX)
            || (words.len() > 2 && self.has(name[0], facts::ORG_SUFFIX) && words[1] == "of")
        {
            Class::Known(EntityKind::Organization)
        } else if self.has(last_part, facts::PLACE_SUFFIX) && words.len() > 1 {
            Class::Known(EntityKind::Place)
        } else if words.len() == 1 && is_shouted_place(words[0]) {
            // A dateline: "CAIRO — Gunmen opened fire".
            Class::Known(EntityKind::Place)
        } else if words.len() == 1 && is_acronym(words[0]) {
            Class::Known(EntityKind::Organization)
        } else if words.len() == 1 {
            Class::Single
        } else if name.iter().any(|&p| self.has(p, facts::DEMONYM)) {
            return None;
        } else if has_title || self.has(name[0], facts::GIVEN) {
            Class::Known(EntityKind::Person)
        } else if self.has(name[0], facts::PLACE) {
            // "Georgia Tech", "Texas Instruments".
            Class::Known(EntityKind::Organization)
        } else if !heading
            && words.len() <= 4
            && words
                .iter()
                .all(|w| w.chars().next().is_some_and(char::is_uppercase))
        {
            Class::Known(EntityKind::Person)
        } else {
            return None;
        };
        let last_token = name[name.len() - 1].0;
        let speaks = is_speech_verb(self.w(last_token + 1));
        let mut candidate = Candidate {
            span,
            words,
            class,
            role: None,
            honorific,
            descriptor: None,
            sentence,
            paragraph,
            in_quote: inside(&self.quotes, span.start),
            initial: (initial || heading) && !has_title,
            speaks,
        };
        let person_like = matches!(class, Class::Known(EntityKind::Person) | Class::Single);
        if person_like {
            let run_start = parts[0].0;
            candidate.role = self.role_before(run_start, in_run_role);
        }
        let mut candidate = self.with_descriptors(candidate, name);
        // "Khartoum, the capital", "Darfur, a vast desert region of western
        // Sudan": a name the lists do not know, described as a place.
        let guessed = matches!(candidate.class, Class::Single)
            || (matches!(candidate.class, Class::Known(EntityKind::Person))
                && !has_title
                && !self.has(name[0], facts::GIVEN));
        if guessed && candidate.descriptor.as_deref().is_some_and(describes_place) {
            candidate.class = Class::Known(EntityKind::Place);
            candidate.role = None;
        }
        Some(candidate)
    }

    fn with_descriptors(&self, mut c: Candidate<'a>, name: &[Part<'a>]) -> Candidate<'a> {
        let last = name[name.len() - 1].0;
        let possessive = self.raw(last).len() > name[name.len() - 1].1.len();
        if !possessive {
            c.descriptor = self.appositive_after(c.span.end);
        }
        if c.descriptor.is_none() {
            c.descriptor = self.appositive_before(name[0].0, last);
        }
        c
    }

    /// The role written before a run: lower-case role phrases ("deputy press
    /// secretary"), organisations and nationalities before them ("White
    /// House", "Russian"), possessives ("Trump’s son-in-law"), merged with
    /// title words inside the run ("former President").
    fn role_before(&self, run_start: usize, in_run: Option<(usize, String)>) -> Option<String> {
        let mut first = run_start;
        let mut has_head = in_run.is_some();
        let mut steps = 0;
        while first > 0 && steps < 7 && self.adjacent(first - 1) {
            let j = first - 1;
            let raw = self.raw(j);
            let lower = self.w(j);
            let token_kind = self.tokens[j].kind;
            if token_kind != TokenKind::Word {
                break;
            }
            let lower_case = raw.starts_with(char::is_lowercase);
            let ok = if !has_head {
                // The head must touch the name.
                lower_case && sorted_contains(ROLE_HEADS, lower)
            } else if lower_case {
                sorted_contains(ROLE_MODIFIERS, lower) || sorted_contains(ROLE_HEADS, lower)
            } else {
                // Capitalised modifiers: organisations, nationalities, possessives, "U.S.".
                !sorted_contains(NOT_NAMES, raw) && !is_speech_verb(lower)
            };
            if !ok {
                break;
            }
            has_head = true;
            first = j;
            steps += 1;
        }
        // Leading capitalised words must not be a sentence start like "Said".
        let end = match &in_run {
            Some((_, role)) => {
                if first == run_start {
                    return Some(role.clone());
                }
                let (k, r) = in_run.as_ref()?;
                self.tokens[*k].span.start + r.len()
            }
            None => {
                if first == run_start {
                    return None;
                }
                self.tokens[run_start - 1].span.end
            }
        };
        let start = self.tokens[first].span.start;
        (start < end).then(|| self.text[start..end].to_string())
    }

    /// ", a retired career diplomat and former U.S. ambassador to Georgia who ...".
    fn appositive_after(&self, end: usize) -> Option<String> {
        let rest = self.text.get(end..)?;
        let rest = rest.strip_prefix(',')?;
        // An appositive is a phrase, not a page: look a bounded distance ahead.
        let mut cap = rest.len().min(400);
        while !rest.is_char_boundary(cap) {
            cap -= 1;
        }
        let rest = &rest[..cap];
        let rest = rest.trim_start_matches(is_space);
        let first = rest.split(|c: char| is_space(c)).next()?;
        if !matches!(
            first,
            "a" | "an"
                | "the"
                | "his"
                | "her"
                | "their"
                | "its"
                | "former"
                | "retired"
                | "longtime"
                | "then"
                | "also"
        ) && !sorted_contains(ROLE_HEADS, first)
        {
            return None;
        }
        let stop = rest
            .char_indices()
            .find(|&(i, c)| {
                matches!(normalize_char(c), ',' | '.' | ';' | ':' | '"' | '(' | ')')
                    || c == '\n'
                    || (normalize_char(c) == '-' && !is_word_hyphen(rest, i, c))
            })
            .map_or(rest.len(), |(i, _)| i);
        // A period inside an initialism ("U.S.") does not end the phrase.
        let mut stop = stop;
        while rest[..stop].len() < rest.len()
            && rest[stop..].starts_with('.')
            && rest[..stop]
                .rsplit(|c: char| is_space(c))
                .next()
                .is_some_and(|w| w.len() <= 3 && w.chars().next().is_some_and(char::is_uppercase))
        {
            let more = rest[stop + 1..]
                .find(|c: char| {
                    matches!(normalize_char(c), ',' | ';' | ':' | '"' | '(' | ')')
                        || c == '\n'
                        || c == '.'
                })
                .map_or(rest.len(), |p| stop + 1 + p);
            if more <= stop + 1 {
                break;
            }
            stop = more;
        }
        let phrase = rest[..stop].trim();
        let cut = [" who ", " which ", " that ", " whose ", " where ", " when "]
            .iter()
            .filter_map(|m| phrase.find(m))
            .min()
            .unwrap_or(phrase.len());
        let phrase = phrase[..cut].trim();
        (phrase.split_whitespace().count() >= 2 && phrase.len() <= 160).then(|| phrase.to_string())
    }

    /// "his wife, Ivanka," / "a cryptocurrency company, World Liberty Financial,".
    fn appositive_before(&self, first: usize, last: usize) -> Option<String> {
        if first < 3 || self.raw(first - 1) != "," {
            return None;
        }
        let after = self.raw(last + 1);
        if !matches!(after, "," | "." | "" | ";") {
            return None;
        }
        let mut j = first - 1;
        let mut words = 0;
        while j > 0 && words < 6 {
            j -= 1;
            let t = self.tokens[j];
            let raw = self.raw(j);
            let determiner = matches!(
                self.w(j),
                "a" | "an" | "the" | "his" | "her" | "their" | "its" | "our" | "my"
            );
            if t.kind != TokenKind::Word || !(determiner || raw.starts_with(char::is_lowercase)) {
                return None;
            }
            words += 1;
            if determiner {
                if words < 2 {
                    return None;
                }
                let span = ByteSpan::new(t.span.start, self.tokens[first - 2].span.end);
                return Some(span.of(self.text).to_string());
            }
        }
        None
    }
}

fn join(parts: &[Part<'_>]) -> String {
    let mut s = String::new();
    for (i, (_, w)) in parts.iter().enumerate() {
        if i > 0 {
            s.push(' ');
        }
        s.push_str(w);
    }
    s
}

impl<'a> Cx<'a> {
    /// A title ("Secretary", "Sen") or a capitalised nationality ("Russian").
    fn is_title_word(&self, part: Part<'a>) -> bool {
        self.has(part, facts::TITLE)
            || (self.has(part, facts::DEMONYM) && part.1.starts_with(char::is_uppercase))
    }
}

/// A hyphen inside a word ("UK-based", "vice-chair"), which an appositive
/// runs on through; a dash between words ("a firm - the largest", "a
/// firm—the largest") ends it.
fn is_word_hyphen(text: &str, at: usize, c: char) -> bool {
    let joins = |ch: Option<char>| ch.is_some_and(char::is_alphanumeric);
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
        && joins(text.get(..at).and_then(|b| b.chars().next_back()))
        && joins(text.get(at + c.len_utf8()..).and_then(|a| a.chars().next()))
}

/// Whether an appositive names a kind of place: its head noun, the last word
/// before any preposition or clause ("a vast desert region of …" → region;
/// "a state senator" → senator, not a place).
fn describes_place(descriptor: &str) -> bool {
    const PLACE_NOUNS: &[&str] = &[
        "area",
        "capital",
        "city",
        "country",
        "county",
        "district",
        "island",
        "kingdom",
        "neighborhood",
        "neighbourhood",
        "port",
        "province",
        "region",
        "republic",
        "state",
        "suburb",
        "territory",
        "town",
        "village",
    ];
    const STOPS: &[&str] = &[
        "of", "in", "on", "at", "for", "from", "with", "that", "which", "where", "who", "near",
        "and",
    ];
    let head = descriptor
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .take_while(|w| !STOPS.contains(w))
        .last();
    head.is_some_and(|w| PLACE_NOUNS.contains(&w.to_lowercase().as_str()))
}

/// A known place written in capitals, as datelines are ("CAIRO", "WASHINGTON").
fn is_shouted_place(w: &str) -> bool {
    if w.chars().count() < 4 || !w.chars().all(|c| c.is_uppercase()) {
        return false;
    }
    let mut chars = w.chars();
    let title_case: String = chars
        .next()
        .into_iter()
        .chain(chars.flat_map(char::to_lowercase))
        .collect();
    sorted_contains(PLACES, &title_case)
}

fn is_acronym(w: &str) -> bool {
    let letters = w.chars().filter(|c| c.is_alphabetic()).count();
    (2..=6).contains(&letters)
        && w.chars()
            .all(|c| c.is_ascii_uppercase() || c == '.' || c == '&')
}

/// "Russia-Ukraine" and "Israel-Hamas" are two names: the byte spans of
/// the pieces of a one-token run, when every piece is in a gazetteer.
fn compound_pieces<'a>(
    cx: &Cx<'_>,
    parts: &[Part<'a>],
) -> Option<Vec<(ByteSpan, &'a str, EntityKind)>> {
    let [(k, w)] = parts else {
        return None;
    };
    if !w.contains('-') {
        return None;
    }
    let start = cx.tokens[*k].span.start;
    let mut out = Vec::new();
    let mut offset = 0;
    for piece in w.split('-') {
        let kind = if sorted_contains(PLACES, piece) {
            EntityKind::Place
        } else if sorted_contains(ORGANIZATIONS, piece) {
            EntityKind::Organization
        } else {
            return None;
        };
        out.push((
            ByteSpan::new(start + offset, start + offset + piece.len()),
            piece,
            kind,
        ));
        offset += piece.len() + 1;
    }
    (out.len() > 1).then_some(out)
}

/// A resolved or guessed mention, for ranking and pronouns.
#[derive(Debug, Clone, Copy)]
struct Seen {
    at: usize,
    entity: usize,
    sentence: usize,
    paragraph: usize,
    in_quote: bool,
}

struct Builder {
    entity: Entity,
    gender: Option<Gender>,
    first: usize,
}

struct Linker<'c, 'a> {
    cx: &'c Cx<'a>,
    sentences: &'c [ByteSpan],
    info: &'c [SentenceInfo],
    entities: Vec<Builder>,
    mentions: Vec<Mention>,
    /// Named mentions: the first `pass1` in text order, then those linked
    /// in pass 2, also in text order.
    seen: Vec<Seen>,
    pass1: usize,
    /// Entity by (kind, name without initials).
    by_key: FxMap<(EntityKind, String), usize>,
    /// People by surname, by given name, and by a one-word name.
    by_surname: FxMap<String, Vec<usize>>,
    by_given: FxMap<String, Vec<usize>>,
    by_one_word: FxMap<String, Vec<usize>>,
}

impl<'c, 'a> Linker<'c, 'a> {
    fn new(cx: &'c Cx<'a>, sentences: &'c [ByteSpan], info: &'c [SentenceInfo]) -> Self {
        Linker {
            cx,
            sentences,
            info,
            entities: Vec::new(),
            mentions: Vec::new(),
            seen: Vec::new(),
            pass1: 0,
            by_key: FxMap::default(),
            by_surname: FxMap::default(),
            by_given: FxMap::default(),
            by_one_word: FxMap::default(),
        }
    }

    fn add_entity(&mut self, c: &Candidate, kind: EntityKind) -> usize {
        // Same name (ignoring initials) and kind: the same entity.
        let key = (kind, name_key(&c.words));
        if let Some(&i) = self.by_key.get(&key) {
            let b = &mut self.entities[i];
            if b.entity.role.is_none() {
                b.entity.role.clone_from(&c.role);
            }
            if b.entity.descriptor.is_none() {
                b.entity.descriptor.clone_from(&c.descriptor);
            }
            return i;
        }
        let name = c.words.join(" ");
        let person = kind == EntityKind::Person;
        let gender = if person {
            c.honorific
                .or_else(|| c.role.as_deref().and_then(role_gender))
                .or_else(|| c.descriptor.as_deref().and_then(role_gender))
                .or_else(|| {
                    (c.words.len() > 1)
                        .then(|| given_gender(&c.words[0].to_lowercase()))
                        .flatten()
                })
        } else {
            None
        };
        let words: Vec<&str> = c
            .words
            .iter()
            .filter(|w| !matches!(**w, "Jr" | "Sr" | "II" | "III" | "IV") && w.len() > 1)
            .copied()
            .collect();
        let (given, surname) = if person && words.len() > 1 {
            (
                words.first().map(|w| w.to_string()),
                words.last().map(|w| w.to_string()),
            )
        } else {
            (None, None)
        };
        let index = self.entities.len();
        self.by_key.insert(key, index);
        if person {
            if let Some(w) = &surname {
                self.by_surname.entry(w.clone()).or_default().push(index);
            }
            if let Some(w) = &given {
                self.by_given.entry(w.clone()).or_default().push(index);
            }
            if c.words.len() == 1 {
                self.by_one_word
                    .entry(name.clone())
                    .or_default()
                    .push(index);
            }
        }
        self.entities.push(Builder {
            entity: Entity {
                name,
                kind,
                role: c.role.clone(),
                descriptor: c.descriptor.clone(),
                mentions: Vec::new(),
            },
            gender,
            first: c.span.start,
        });
        index
    }

    fn record(&mut self, c: &Candidate, entity: usize, form: MentionForm) {
        self.entities[entity]
            .entity
            .mentions
            .push(EntityMention { span: c.span });
        self.mentions.push(Mention {
            span: c.span,
            form,
            candidates: vec![entity],
            ambiguous: false,
        });
        self.seen.push(Seen {
            at: c.span.start,
            entity,
            sentence: c.sentence,
            paragraph: c.paragraph,
            in_quote: c.in_quote,
        });
    }

    fn link(&mut self, candidates: Vec<Candidate>) {
        // Pass 1: full names, organisations and places.
        let mut singles = Vec::new();
        for c in candidates {
            match c.class {
                Class::Known(kind) => {
                    if kind == EntityKind::Person && c.words.len() == 1 {
                        singles.push(c);
                        continue;
                    }
                    let e = self.add_entity(&c, kind);
                    self.record(&c, e, MentionForm::Name);
                }
                Class::Single => singles.push(c),
            }
        }
        // Candidates come in text order, so `seen` already is.
        self.pass1 = self.seen.len();
        // Pass 2: single words, in text order, against the people known so far.
        for c in singles {
            self.link_single(c);
        }
        // Both passes recorded in text order: merge them.
        let second = self.seen.split_off(self.pass1);
        self.seen = merge_by(std::mem::take(&mut self.seen), second, |s| s.at);
    }

    fn link_single(&mut self, c: Candidate) {
        let word = &c.words[0];
        let lookup = |map: &FxMap<String, Vec<usize>>| map.get(*word).cloned().unwrap_or_default();
        let mut form = MentionForm::Surname;
        let mut owners = lookup(&self.by_surname);
        if owners.is_empty() {
            owners = lookup(&self.by_given);
            form = MentionForm::GivenName;
        }
        // Known people with exactly this one-word name ("Ivanka", "Warren").
        if owners.is_empty() {
            owners = lookup(&self.by_one_word);
            form = MentionForm::Name;
        }
        // Reading order: those introduced before this mention, if any.
        let before: Vec<usize> = owners
            .iter()
            .copied()
            .filter(|&i| self.entities[i].first < c.span.start)
            .collect();
        let owners = if before.is_empty() { owners } else { before };
        match owners.len() {
            0 => {
                let lower = word.to_lowercase();
                let evidence = c.role.is_some()
                    || c.honorific.is_some()
                    || (!c.initial
                        && (c.speaks || c.descriptor.is_some() || is_given_name(&lower)))
                    || (c.initial && c.speaks && (c.role.is_some() || is_given_name(&lower)));
                if evidence && DEMONYMS.binary_search(&lower.as_str()).is_err() {
                    let e = self.add_entity(&c, EntityKind::Person);
                    if self.entities[e].gender.is_none() {
                        self.entities[e].gender = given_gender(&lower);
                    }
                    self.record(&c, e, MentionForm::Name);
                }
            }
            1 => {
                let e = owners[0];
                let b = &mut self.entities[e];
                if b.entity.role.is_none() {
                    b.entity.role.clone_from(&c.role);
                }
                if b.gender.is_none() {
                    b.gender = c.honorific;
                }
                self.record(&c, e, form);
            }
            _ => {
                let ranked = self.rank(&owners, &c);
                let best = ranked[0];
                self.mentions.push(Mention {
                    span: c.span,
                    form,
                    candidates: ranked,
                    ambiguous: true,
                });
                // The guess informs later ranking and pronouns, never the entity's mentions.
                self.seen.push(Seen {
                    at: c.span.start,
                    entity: best,
                    sentence: c.sentence,
                    paragraph: c.paragraph,
                    in_quote: c.in_quote,
                });
            }
        }
    }

    /// Orders candidates for an ambiguous mention: mentioned earlier in the
    /// same sentence; role or descriptor words shared with the sentence
    /// ("veteran diplomats" ~ "career diplomat"); mentioned earlier in the
    /// paragraph (most recent first); mentioned anywhere before.
    fn rank(&self, owners: &[usize], c: &Candidate) -> Vec<usize> {
        let sentence_words = self
            .sentences
            .get(c.sentence)
            .map(|s| stems(s.of(self.cx.text)))
            .unwrap_or_default();
        let mut scored: Vec<((bool, usize, i64, i64), usize)> = owners
            .iter()
            .map(|&e| {
                let last = self.last_mention_before(e, c.span.start);
                let same_sentence = last.is_some_and(|s| s.sentence == c.sentence);
                let paragraph_last = last
                    .filter(|s| s.paragraph == c.paragraph)
                    .map_or(-1, |s| s.at as i64);
                let last = last.map_or(-1, |s| s.at as i64);
                let b = &self.entities[e].entity;
                let profile = format!(
                    "{} {}",
                    b.role.as_deref().unwrap_or(""),
                    b.descriptor.as_deref().unwrap_or("")
                );
                let overlap = stems(&profile)
                    .iter()
                    .filter(|w| sentence_words.contains(w))
                    .count();
                ((same_sentence, overlap, paragraph_last, last), e)
            })
            .collect();
        // Insertion sort, best first: a handful of candidates.
        for i in 1..scored.len() {
            let mut j = i;
            while j > 0 && scored[j - 1].0 < scored[j].0 {
                scored.swap(j - 1, j);
                j -= 1;
            }
        }
        scored.into_iter().map(|(_, e)| e).collect()
    }

    /// The most recent named mention of entity `e` before byte `at`. Both
    /// halves of `seen` are in text order; the walk back is bounded.
    fn last_mention_before(&self, e: usize, at: usize) -> Option<Seen> {
        let (first, second) = self.seen.split_at(self.pass1.min(self.seen.len()));
        let latest = |half: &[Seen]| {
            let end = half.partition_point(|s| s.at < at);
            half[..end]
                .iter()
                .rev()
                .take(5_000)
                .find(|s| s.entity == e)
                .copied()
        };
        match (latest(first), latest(second)) {
            (Some(a), Some(b)) => Some(if a.at > b.at { a } else { b }),
            (a, b) => a.or(b),
        }
    }

    /// Links "he", "him", "his", "she", "her" to the people mentioned just
    /// before (same sentence, then up to two sentences back), subjects
    /// first, with quotations kept apart from narration.
    fn pronouns(&mut self) {
        let mut s = 0usize;
        for (k, t) in self.cx.tokens.iter().enumerate() {
            let gender = match self.cx.w(k) {
                "he" | "him" | "his" | "himself" => Gender::Male,
                "she" | "her" | "hers" | "herself" => Gender::Female,
                _ => continue,
            };
            while s + 1 < self.sentences.len() && self.sentences[s].end <= t.span.start {
                s += 1;
            }
            let in_quote = inside(&self.cx.quotes, t.span.start);
            let paragraph = self.info.get(s).map_or(s, |i| i.paragraph);
            let mut ordered: Vec<usize> = Vec::new();
            for back in 0..=2usize {
                let Some(target) = s.checked_sub(back) else {
                    break;
                };
                let target_paragraph = self.info.get(target).map_or(target, |i| i.paragraph);
                if back > 0 && target_paragraph != paragraph && !ordered.is_empty() {
                    break;
                }
                // `seen` is in text order, so one sentence's mentions are contiguous.
                let from = self.seen.partition_point(|m| m.sentence < target);
                let to = self.seen.partition_point(|m| m.sentence <= target);
                for seen in self.seen[from..to]
                    .iter()
                    .filter(|m| m.at < t.span.start && (in_quote || !m.in_quote))
                {
                    let b = &self.entities[seen.entity];
                    let compatible =
                        b.entity.kind == EntityKind::Person && b.gender.is_none_or(|g| g == gender);
                    if compatible && !ordered.contains(&seen.entity) {
                        ordered.push(seen.entity);
                    }
                }
                if back == 0 && !ordered.is_empty() {
                    break;
                }
            }
            self.mentions.push(Mention {
                span: t.span,
                form: MentionForm::Pronoun,
                ambiguous: ordered.len() > 1,
                candidates: ordered,
            });
        }
    }

    /// Entities in order of first mention, with mention indices remapped.
    fn finish(self) -> Found {
        let order: Vec<usize> = (0..self.entities.len()).collect();
        let first_at = |b: &Builder| {
            b.entity
                .mentions
                .iter()
                .map(|m| m.span.start)
                .min()
                .unwrap_or(b.first)
        };
        let mut keyed: Vec<(usize, usize)> = order
            .iter()
            .map(|&i| (first_at(&self.entities[i]), i))
            .collect();
        crate::sort::sort(&mut keyed);
        let order: Vec<usize> = keyed.into_iter().map(|(_, i)| i).collect();
        let mut remap = vec![0usize; self.entities.len()];
        for (new, &old) in order.iter().enumerate() {
            remap[old] = new;
        }
        let mut slots: Vec<Option<Builder>> = self.entities.into_iter().map(Some).collect();
        let entities: Vec<Entity> = order
            .iter()
            .filter_map(|&old| slots[old].take())
            .map(|b| {
                let mut e = b.entity;
                sort_by_offset(&mut e.mentions, |m| m.span.start);
                e.mentions.dedup();
                e
            })
            .collect();
        let mut mentions: Vec<Mention> = self
            .mentions
            .into_iter()
            .map(|mut m| {
                for c in &mut m.candidates {
                    *c = remap[*c];
                }
                m
            })
            .collect();
        sort_by_offset(&mut mentions, |m| m.span.start);
        Found { entities, mentions }
    }
}

/// Merges two lists each in `key` order.
fn merge_by<T>(a: Vec<T>, b: Vec<T>, key: impl Fn(&T) -> usize) -> Vec<T> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let mut a = a.into_iter().peekable();
    let mut b = b.into_iter().peekable();
    loop {
        let take_a = match (a.peek(), b.peek()) {
            (Some(x), Some(y)) => key(x) <= key(y),
            (Some(_), None) => true,
            (None, Some(_)) => false,
            (None, None) => break,
        };
        out.extend(if take_a { a.next() } else { b.next() });
    }
    out
}

/// Sorts by a byte offset through `(offset, index)` pairs, so one sort
/// implementation serves every item type (each generic sort costs WASM size).
fn sort_by_offset<T>(items: &mut Vec<T>, offset: impl Fn(&T) -> usize) {
    let mut keys: Vec<(usize, usize)> = items
        .iter()
        .enumerate()
        .map(|(i, t)| (offset(t), i))
        .collect();
    crate::sort::sort(&mut keys);
    let mut slots: Vec<Option<T>> = std::mem::take(items).into_iter().map(Some).collect();
    items.extend(keys.into_iter().filter_map(|(_, i)| slots[i].take()));
}

/// Name without initials or suffixes, for matching "Donald J. Trump" to "Donald Trump".
fn name_key(words: &[&str]) -> String {
    words
        .iter()
        .filter(|w| w.len() > 1 && !matches!(**w, "Jr" | "Sr"))
        .copied()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Content-word stems of a phrase: lower case, five letters or more, final "s" dropped.
fn stems(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.len() >= 5)
        .map(|w| {
            let w = w.to_lowercase();
            w.strip_suffix('s').map(str::to_string).unwrap_or(w)
        })
        .filter(|w| {
            !matches!(
                w.as_str(),
                "former" | "their" | "there" | "which" | "about" | "other" | "would" | "could"
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::sentences;
    use crate::segment::tokens::tokenize;

    fn run(text: &str) -> Found {
        let tokens = tokenize(text);
        let norm = Normalized::new(text, &tokens);
        let mut spans = Vec::new();
        let mut info = Vec::new();
        sentences::split_into(text, ByteSpan::new(0, text.len()), 0, &mut spans, &mut info);
        let times = super::super::times::find(text, &tokens, &norm, &spans, None);
        find(text, &tokens, &norm, &spans, &info, &times)
    }

    fn entity<'f>(found: &'f Found, name: &str) -> &'f Entity {
        found
            .entities
            .iter()
            .find(|e| e.name == name)
            .unwrap_or_else(|| panic!("no entity {name}: {:#?}", found.entities))
    }

    #[test]
    fn table_of_names_roles_and_kinds() {
        let cases: &[(&str, &str, EntityKind, Option<&str>)] = &[
            (
                "He thanked Secretary of State Marco Rubio on Monday.",
                "Marco Rubio",
                EntityKind::Person,
                Some("Secretary of State"),
            ),
            (
                "said White House deputy press secretary Anna Kelly.",
                "Anna Kelly",
                EntityKind::Person,
                Some("White House deputy press secretary"),
            ),
            (
                "State Department spokesman Tommy Pigott called him.",
                "Tommy Pigott",
                EntityKind::Person,
                Some("State Department spokesman"),
            ),
            (
                "They hosted Russian negotiator Kirill Dmitriev in Miami.",
                "Kirill Dmitriev",
                EntityKind::Person,
                Some("Russian negotiator"),
            ),
            (
                "CAIRO — Gunmen opened fire at the museum on Wednesday.",
                "CAIRO",
                EntityKind::Place,
                None,
            ),
            (
                "Theresa May said on Monday that talks would resume in May.",
                "Theresa May",
                EntityKind::Person,
                None,
            ),
            (
                "June Carter sang on Saturday.",
                "June Carter",
                EntityKind::Person,
                None,
            ),
            (
                "Talks were held in Khartoum, the capital, last week.",
                "Khartoum",
                EntityKind::Place,
                None,
            ),
            (
                "Fighting spread to Darfur, a vast desert region of western Sudan.",
                "Darfur",
                EntityKind::Place,
                None,
            ),
            (
                "Mara Quell, a state senator, voted against it.",
                "Mara Quell",
                EntityKind::Person,
                None,
            ),
            (
                "NATO said the drills would go ahead.",
                "NATO",
                EntityKind::Organization,
                None,
            ),
            (
                "He met Russian President Vladimir Putin in Moscow.",
                "Vladimir Putin",
                EntityKind::Person,
                Some("Russian President"),
            ),
            (
                "Now Trump’s son-in-law Jared Kushner has returned.",
                "Jared Kushner",
                EntityKind::Person,
                Some("Trump’s son-in-law"),
            ),
            (
                "It was led by special envoy Steve Witkoff, a mogul.",
                "Steve Witkoff",
                EntityKind::Person,
                Some("special envoy"),
            ),
            (
                "White House counsel David Warrington stated it.",
                "David Warrington",
                EntityKind::Person,
                Some("White House counsel"),
            ),
            (
                "As the dawn rose on President Donald Trump’s second term.",
                "Donald Trump",
                EntityKind::Person,
                Some("President"),
            ),
            (
                "He teaches at Northwestern University now.",
                "Northwestern University",
                EntityKind::Organization,
                None,
            ),
            (
                "through his firm, Affinity Partners, including",
                "Affinity Partners",
                EntityKind::Organization,
                None,
            ),
            (
                "an interview with CBS on Sunday",
                "CBS",
                EntityKind::Organization,
                None,
            ),
            (
                "a fund from the United Arab Emirates-controlled fund",
                "United Arab Emirates",
                EntityKind::Place,
                None,
            ),
            (
                "interests in the Middle East and",
                "Middle East",
                EntityKind::Place,
                None,
            ),
            (
                "to end the Israel-Hamas war",
                "Hamas",
                EntityKind::Organization,
                None,
            ),
            (
                "to end the Israel-Hamas war",
                "Israel",
                EntityKind::Place,
                None,
            ),
            (
                "The White House said so.",
                "White House",
                EntityKind::Organization,
                None,
            ),
            (
                "He met former Sen. John Smith Jr. there.",
                "John Smith Jr",
                EntityKind::Person,
                Some("former Sen."),
            ),
        ];
        for (text, name, kind, role) in cases {
            let found = run(text);
            let e = entity(&found, name);
            assert_eq!(e.kind, *kind, "{text}");
            assert_eq!(e.role.as_deref(), *role, "{text}");
        }
    }

    #[test]
    fn not_entities() {
        for text in [
            "Talks had initially been led almost solo.",
            "Similarly, officials said so.",
            "Some Democrats have expressed skepticism.",
            "They met Turkish and Qatari officials.",
            "the negotiations of the Abraham Accords",
            "In an October interview he spoke.",
            "It was seen as the lone success of the Arab Spring.",
            "On Friday, the administration will announce a new strategy.",
            "After the attack in June, he admitted the failure.",
        ] {
            let found = run(text);
            assert!(found.entities.is_empty(), "{text}: {:#?}", found.entities);
        }
    }

    #[test]
    fn descriptors_from_appositives_after_and_before() {
        let text = "“Yes,” said Ian Kelly, a retired career diplomat and former U.S. ambassador to Georgia who now teaches. His wife, Ivanka, might change the locks. Witkoff launched a cryptocurrency company, World Liberty Financial, which grew.";
        let found = run(text);
        assert_eq!(
            entity(&found, "Ian Kelly").descriptor.as_deref(),
            Some("a retired career diplomat and former U.S. ambassador to Georgia")
        );
        assert_eq!(
            entity(&found, "Ivanka").descriptor.as_deref(),
            Some("His wife")
        );
        assert_eq!(
            entity(&found, "World Liberty Financial")
                .descriptor
                .as_deref(),
            Some("a cryptocurrency company")
        );
    }

    /// The bug (wcxb-articles 0347): "Deloitte, a UK-based multinational
    /// professional services firm" gave the descriptor "a UK", cut at the
    /// hyphen. A hyphen inside a word does not end an appositive; a dash does.
    #[test]
    fn an_appositive_is_not_cut_at_a_hyphen_inside_a_word() {
        let text = "Analysts say Ada Lovelace, a UK-based professional services partner, holds 3% of the market. They say Grace Hopper, a US admiral - the first of her kind, led it.";
        let found = run(text);
        assert_eq!(
            entity(&found, "Ada Lovelace").descriptor.as_deref(),
            Some("a UK-based professional services partner")
        );
        assert_eq!(
            entity(&found, "Grace Hopper").descriptor.as_deref(),
            Some("a US admiral")
        );
    }

    #[test]
    fn shared_surnames_are_reported_ambiguous_not_merged() {
        let text = "“Yes,” said Ian Kelly, a retired career diplomat. Kelly stressed it.\n\n\
                    Trump praised him, said deputy press secretary Anna Kelly. “He is generous,” Kelly added.\n\n\
                    Kelly and other veteran diplomats remain skeptical. “It will fail,” Kelly said.";
        let tokens = tokenize(text);
        let norm = Normalized::new(text, &tokens);
        let paragraphs = crate::pipeline::rendered_from_plain_text(text).blocks;
        let mut spans = Vec::new();
        let mut info = Vec::new();
        for (i, p) in paragraphs.iter().enumerate() {
            sentences::split_into(text, p.span, i, &mut spans, &mut info);
        }
        let found = find(text, &tokens, &norm, &spans, &info, &[]);
        let ian = found
            .entities
            .iter()
            .position(|e| e.name == "Ian Kelly")
            .expect("Ian");
        let anna = found
            .entities
            .iter()
            .position(|e| e.name == "Anna Kelly")
            .expect("Anna");
        let kellys: Vec<&Mention> = found
            .mentions
            .iter()
            .filter(|m| m.span.of(text) == "Kelly")
            .collect();
        assert_eq!(kellys.len(), 4);
        // Before Anna Kelly appears, "Kelly" can only be Ian.
        assert_eq!(
            (kellys[0].candidates.clone(), kellys[0].ambiguous),
            (vec![ian], false)
        );
        // After, every "Kelly" is ambiguous, with a guess first.
        assert!(kellys[1..]
            .iter()
            .all(|m| m.ambiguous && m.candidates.len() == 2));
        assert_eq!(
            kellys[1].candidates[0], anna,
            "same paragraph as Anna Kelly"
        );
        assert_eq!(kellys[2].candidates[0], ian, "diplomats ~ diplomat");
        assert_eq!(
            kellys[3].candidates[0], ian,
            "same paragraph as the previous guess"
        );
        // Ambiguous mentions are not silently added to either entity.
        assert_eq!(found.entities[ian].mentions.len(), 2);
        assert_eq!(found.entities[anna].mentions.len(), 1);
    }

    #[test]
    fn surnames_given_names_and_pronouns_link() {
        let text = "Trump’s son-in-law Jared Kushner met Steve Witkoff. Kushner spoke about his approach. “We always bring Jared,” Trump said. She left.";
        let found = run(text);
        let kushner = found
            .entities
            .iter()
            .position(|e| e.name == "Jared Kushner")
            .expect("Kushner");
        let links: Vec<(&str, Vec<usize>, MentionForm)> = found
            .mentions
            .iter()
            .filter(|m| m.candidates.contains(&kushner) || m.form == MentionForm::Pronoun)
            .map(|m| (m.span.of(text), m.candidates.clone(), m.form))
            .collect();
        assert_eq!(
            links,
            vec![
                ("Jared Kushner", vec![kushner], MentionForm::Name),
                ("Kushner", vec![kushner], MentionForm::Surname),
                ("his", vec![kushner], MentionForm::Pronoun),
                ("Jared", vec![kushner], MentionForm::GivenName),
                ("She", vec![], MentionForm::Pronoun),
            ]
        );
        assert_eq!(found.entities[kushner].mentions.len(), 3);
    }

    #[test]
    fn hostile_input_never_panics() {
        for text in [
            "",
            "A",
            "A.",
            "Mr.",
            "Mr. .",
            "Secretary of",
            "Of The",
            "X-Y-Z",
            "“",
            "” He",
            "Kelly, a",
            ", a b c",
            "he she him her",
        ] {
            let _ = run(text);
        }
    }
}
