//! Who a source phrase is: a named person (with role and descriptor), an
//! organisation, the publication itself, an anonymous or a vague source.
//! Pronouns ("he said") and surnames ("Kelly said") are resolved to the
//! full name introduced earlier; when two people share the surname, the
//! context decides (who was named nearby, whose descriptor the sentences
//! echo), and when it cannot, the speaker is left open with both candidates.

mod coreference;
mod documents;
mod mentions;
mod names;

use coreference::is_pronoun;
use documents::{document_speaker, is_share_of_people};
use mentions::{add_person, find_mentions};
use names::{
    core_text, head_word, is_plausible_name, name_in, office_of, role_and_descriptor,
    role_before_mention, NameFound,
};

use super::context::Context;
use super::described::{Described, Organisations};
use super::lexicon;
use super::note::{AttributionCandidate, AttributionCode, AttributionNote};
use super::reported::Relation;
use super::SourcingKind;
use crate::segment::entities::{Entity, EntityKind};
use crate::segment::{Token, TokenKind};
use crate::spans::ByteSpan;

/// Who a relation's source is.
#[derive(Debug, Clone, PartialEq)]
pub struct Speaker {
    pub kind: SourcingKind,
    /// The full name of a person, or the name of an organisation.
    pub name: Option<String>,
    /// Role or descriptor, as the article gives it.
    pub role: Option<String>,
    /// Everyone the source could be, when more than one person fits.
    pub candidates: Vec<String>,
    /// Why the speaker is uncertain, or how it was decided.
    pub note: Option<AttributionNote>,
}

impl Speaker {
    fn of_kind(kind: SourcingKind) -> Self {
        Speaker {
            kind,
            name: None,
            role: None,
            candidates: Vec::new(),
            note: None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Gender {
    Male,
    Female,
    Unknown,
}

#[derive(Debug, Clone)]
struct Person {
    name: String,
    surname: String,
    first: String,
    role: Option<String>,
    descriptor: Option<String>,
    gender: Gender,
}

/// A place in the text where a person is mentioned.
#[derive(Debug, Clone)]
struct Mention {
    /// Where the surname is.
    at: usize,
    /// Where the mention starts: the first name, for a full name.
    start: usize,
    /// The people it may be; one when unambiguous.
    people: Vec<usize>,
    /// A full-name mention (or one the context resolved).
    explicit: bool,
}

/// The people of one article and where they are mentioned.
pub struct People {
    persons: Vec<Person>,
    mentions: Vec<Mention>,
    /// The name in each relation's source phrase, found once.
    names: Vec<Option<NameFound>>,
    /// For each relation resolved so far: its speaker is a person (not an
    /// organisation, a document or the outlet).
    person_spoke: Vec<bool>,
    /// Where each person is first named in full, found once (a scan per
    /// lookup made long pages quadratic).
    introduced: Vec<Option<usize>>,
    /// The named organisations, for "the company said".
    organisations: Organisations,
}

impl People {
    /// Collects the people from the text layer's entities and from the
    /// names in source phrases, then finds their mentions.
    pub fn new(cx: &Context, entities: &[Entity], relations: &[Relation]) -> Self {
        let mut persons: Vec<Person> = Vec::new();
        let names: Vec<Option<NameFound>> = relations
            .iter()
            .map(|r| r.source.and_then(|src| name_in(cx, src)))
            .collect();
        // Names in source phrases first: their roles and appositives are the
        // ones the attribution itself gives.
        for (r, found) in relations.iter().zip(&names) {
            if let (Some(src), Some(found)) = (r.source, found) {
                if found.words >= 2 && found.kind == EntityKind::Person {
                    let (role, descriptor) = role_and_descriptor(cx.text, src, found.span);
                    add_person(&mut persons, found.span.of(cx.text), role, descriptor);
                }
            }
        }
        for e in entities.iter().filter(|e| e.kind == EntityKind::Person) {
            let name = e.name.trim();
            if name.split_whitespace().count() >= 2 && is_plausible_name(name) {
                add_person(&mut persons, name, e.role.clone(), e.descriptor.clone());
            }
        }
        // Single-word person entities ("Mr. Trump") whose surname no one has.
        for e in entities.iter().filter(|e| e.kind == EntityKind::Person) {
            let name = e.name.trim();
            if !name.contains(' ')
                && is_plausible_name(name)
                && !persons.iter().any(|p| p.surname == name)
            {
                add_person(&mut persons, name, e.role.clone(), e.descriptor.clone());
            }
        }
        let mentions = find_mentions(cx, &persons);
        // A role written before the first full mention ("Trump’s son-in-law
        // Jared Kushner", "special envoy Steve Witkoff").
        for (p, person) in persons.iter_mut().enumerate() {
            if person.role.is_some() {
                continue;
            }
            if let Some(m) = mentions.iter().find(|m| m.explicit && m.people == [p]) {
                person.role = role_before_mention(cx, m.start);
            }
        }
        let mut introduced = vec![None; persons.len()];
        for m in mentions.iter().filter(|m| m.explicit) {
            if let [p] = m.people[..] {
                if let Some(slot) = introduced.get_mut(p) {
                    slot.get_or_insert(m.at);
                }
            }
        }
        People {
            persons,
            mentions,
            names,
            person_spoke: Vec::new(),
            introduced,
            organisations: Organisations::new(entities),
        }
    }

    /// Resolves every relation's source, in text order, so later surnames
    /// and pronouns can lean on earlier resolutions.
    pub fn resolve(
        &mut self,
        cx: &Context,
        relations: &[Relation],
        publisher: Option<&str>,
    ) -> Vec<Speaker> {
        let mut out: Vec<Speaker> = Vec::with_capacity(relations.len());
        for (k, r) in relations.iter().enumerate() {
            let mut speaker = match (r.shares_source_of, r.source) {
                (Some(j), _) if j < out.len() => out[j].clone(),
                (_, None) => Speaker::of_kind(SourcingKind::Unattributed),
                (_, Some(src)) => self.speaker_of(cx, relations, &out, k, src, publisher),
            };
            // A resolved surname or description ("the president") counts as
            // a mention of that person from here on.
            let mut person = false;
            if let (Some(src), Some(name)) = (r.source, speaker.name.as_deref()) {
                if let Some(p) = self.persons.iter().position(|p| p.name == name) {
                    person = true;
                    let from = self.mentions.partition_point(|m| m.at < src.start);
                    match self.mentions.get_mut(from).filter(|m| m.at < src.end) {
                        Some(m) => {
                            m.people = vec![p];
                            m.explicit = true;
                        }
                        None if r.shares_source_of.is_none() && !is_pronoun(cx, src) => {
                            self.mentions.insert(
                                from,
                                Mention {
                                    at: src.start,
                                    start: src.start,
                                    people: vec![p],
                                    explicit: true,
                                },
                            )
                        }
                        None => {}
                    }
                }
            }
            person |= speaker.name.is_some()
                && self
                    .names
                    .get(k)
                    .copied()
                    .flatten()
                    .is_some_and(|f| f.kind == EntityKind::Person);
            super::clean::settle(&mut speaker);
            self.person_spoke.push(person && speaker.name.is_some());
            out.push(speaker);
        }
        out
    }

    fn speaker_of(
        &self,
        cx: &Context,
        relations: &[Relation],
        done: &[Speaker],
        k: usize,
        src: ByteSpan,
        publisher: Option<&str>,
    ) -> Speaker {
        let text = cx.text;
        let toks = cx.tokens_in(src);
        let mut words = toks.iter().filter(|t| t.kind == TokenKind::Word);
        let first_token = words.clone().next();
        let word_count = words.clone().count();
        let first_lower = first_token
            .map(|t| cx.word(t).to_ascii_lowercase())
            .unwrap_or_default();
        let first = first_lower.as_str();
        let first_class = first_token.map_or(0, |t| cx.class_of(t));
        // Pronouns.
        if word_count == 1 && first_class & lexicon::bits::PRONOUNS != 0 {
            return self.pronoun(cx, relations, done, k, src, first, publisher);
        }
        if words.any(|t| cx.has(t, lexicon::bits::ANONYMITY_MARKERS)) {
            return Speaker::of_kind(SourcingKind::Anonymous);
        }
        if first_class & lexicon::bits::VAGUE_WORDS != 0 || is_share_of_people(cx, toks) {
            return Speaker::of_kind(SourcingKind::Vague);
        }
        let head = head_word(cx, toks);
        let head_lower = head.map(|h| h.to_ascii_lowercase()).unwrap_or_default();
        if first_class & lexicon::bits::COUNTERS != 0
            && lexicon::has(lexicon::bits::ANONYMOUS_HEADS, &head_lower)
        {
            return Speaker::of_kind(SourcingKind::Anonymous);
        }
        if is_outlet(cx, src, toks, publisher, relations.get(k).map(|r| r.cue)) {
            let mut s = Speaker::of_kind(SourcingKind::Outlet);
            s.name = Some(core_text(text, src).to_string());
            return s;
        }
        // "The company hopes …": the organisation named just before, or a
        // vague source; never a speaker called "company".
        if let Some(described) = self.organisations.described(cx, src) {
            return match described {
                Described::Named(name) => {
                    let mut s = Speaker::of_kind(SourcingKind::Named);
                    s.name = Some(name);
                    s
                }
                Described::Unnamed => Speaker::of_kind(SourcingKind::Vague),
            };
        }
        // The relation's own source was read once; an antecedent is read here.
        let found = match relations.get(k) {
            Some(r) if r.source == Some(src) => self.names.get(k).copied().flatten(),
            _ => name_in(cx, src),
        };
        // "FEC records from the 2008 cycle show", "New filings show": a
        // document, whose capitalised words are its owner or the sentence's
        // first word, not a speaker's name.
        let opens_sentence = |at: usize| {
            cx.sentence_at(at)
                .is_some_and(|i| cx.sentences[i].start == at)
        };
        if found.is_some_and(|f| {
            f.kind != EntityKind::Person || (f.words == 1 && opens_sentence(f.span.start))
        }) && lexicon::has(lexicon::bits::DOCUMENTS, &head_lower)
        {
            if let Some(s) = document_speaker(cx, src, toks, &head_lower) {
                return s;
            }
        }
        if let Some(found) = found {
            // "West Mercia police said", "Con Edison officials said": a name
            // qualifying a body's head noun; the body speaks (officials are
            // a body's, judged Named on nytimes-3). "Biden aides said",
            // "Trump supporters say": a person's people, unnamed, speak.
            let core = core_text(text, src);
            let tail = text
                .get(found.span.end..src.start + core.len())
                .unwrap_or("")
                .trim();
            if found.kind == EntityKind::Person && tail.eq_ignore_ascii_case(&head_lower) {
                let head_class = lexicon::class(&head_lower);
                if head_class & lexicon::bits::INSTITUTIONS != 0
                    || matches!(head_lower.as_str(), "official" | "officials")
                {
                    let mut s = Speaker::of_kind(SourcingKind::Named);
                    let name = match core.split_once(' ') {
                        Some((first, rest)) if lexicon::contains(lexicon::DETERMINERS, first) => {
                            rest
                        }
                        _ => core,
                    };
                    s.name = Some(name.to_string());
                    return s;
                }
                if head_class & lexicon::bits::ANONYMOUS_HEADS != 0 {
                    return Speaker::of_kind(SourcingKind::Anonymous);
                }
                if head_class & lexicon::bits::GROUP_HEADS != 0 {
                    return Speaker::of_kind(SourcingKind::Vague);
                }
            }
            if found.kind == EntityKind::Person {
                return self.person_speaker(cx, src, found, done, relations, k);
            }
            let mut s = Speaker::of_kind(SourcingKind::Named);
            s.name = Some(core_text(text, src).to_string());
            return s;
        }
        if lexicon::has(lexicon::bits::ANONYMOUS_HEADS, &head_lower) {
            return Speaker::of_kind(SourcingKind::Anonymous);
        }
        if lexicon::has(lexicon::bits::GROUP_WORDS, &head_lower)
            || lexicon::contains(lexicon::HEARSAY_HEADS, &head_lower)
        {
            return Speaker::of_kind(SourcingKind::Vague);
        }
        // An institution, a document or an office on the record: "police",
        // "the report", "the President".
        // "a June report by the University of Chicago Education Lab": the
        // document's author.
        if lexicon::has(lexicon::bits::DOCUMENTS, &head_lower) {
            if let Some(s) = document_speaker(cx, src, toks, &head_lower) {
                return s;
            }
        }
        let on_record = lexicon::has(lexicon::bits::INSTITUTIONS, &head_lower)
            || lexicon::has(lexicon::bits::DOCUMENTS, &head_lower)
            || (lexicon::has(lexicon::bits::ROLE_HEADS, &head_lower)
                && matches!(first, "the" | "this"));
        if on_record {
            // "The president said", after "President Barack Obama": the one
            // person named earlier with that office.
            if first != "this" {
                if let Some(p) = self.person_by_office(src.start, &head_lower) {
                    let person = &self.persons[p];
                    let mut s = Speaker::of_kind(SourcingKind::Named);
                    s.name = Some(person.name.clone());
                    s.role = person.role.clone().or_else(|| person.descriptor.clone());
                    return s;
                }
            }
            let mut s = Speaker::of_kind(SourcingKind::Named);
            s.name = Some(core_text(text, src).to_string());
            return s;
        }
        // An unnamed person ("the woman", "a doctor") is an anonymous source;
        // anything else ("Trump’s reliance on Kushner suggests") is the
        // writer's inference, not a source.
        if lexicon::has(lexicon::bits::PERSON_NOUNS, &head_lower)
            || lexicon::has(lexicon::bits::ROLE_HEADS, &head_lower)
        {
            Speaker::of_kind(SourcingKind::Anonymous)
        } else {
            Speaker::of_kind(SourcingKind::Unattributed)
        }
    }

    fn speaker_for_mention(&self, m: &Mention, via: &str) -> Speaker {
        let mut s = Speaker::of_kind(SourcingKind::Named);
        match m.people.as_slice() {
            [p] => {
                let person = &self.persons[*p];
                s.name = Some(person.name.clone());
                s.role = person.role.clone().or_else(|| person.descriptor.clone());
            }
            many => {
                s.candidates = many.iter().map(|&p| self.persons[p].name.clone()).collect();
                s.note = Some(AttributionNote {
                    word: Some(via.to_string()),
                    candidates: many.iter().map(|&p| self.candidate(p)).collect(),
                    ..AttributionNote::of(AttributionCode::AmbiguousReference)
                });
            }
        }
        s
    }

    fn person_speaker(
        &self,
        cx: &Context,
        src: ByteSpan,
        found: NameFound,
        done: &[Speaker],
        relations: &[Relation],
        k: usize,
    ) -> Speaker {
        let text = cx.text;
        let written = found.span.of(text);
        let (role_here, descriptor_here) = role_and_descriptor(text, src, found.span);
        let mut s = Speaker::of_kind(SourcingKind::Named);
        let exact = self.persons.iter().position(|p| p.name == written);
        let candidates: Vec<usize> = match exact {
            Some(p) => vec![p],
            None => {
                let surname = written.rsplit(' ').next().unwrap_or(written);
                let all: Vec<usize> = (0..self.persons.len())
                    .filter(|&p| self.persons[p].surname == surname)
                    .collect();
                // People introduced before this mention; else anyone.
                let earlier: Vec<usize> = all
                    .iter()
                    .copied()
                    .filter(|&p| self.first_explicit(p).is_some_and(|at| at < src.start))
                    .collect();
                if earlier.is_empty() {
                    all
                } else {
                    earlier
                }
            }
        };
        let chosen = match candidates.as_slice() {
            [] => {
                s.name = Some(written.to_string());
                s.role = role_here.or(descriptor_here);
                return s;
            }
            [p] => Some(*p),
            many => {
                s.candidates = many.iter().map(|&p| self.persons[p].name.clone()).collect();
                self.decide(
                    cx,
                    src,
                    many,
                    role_here.as_deref(),
                    relations,
                    k,
                    done,
                    &mut s,
                )
            }
        };
        if let Some(p) = chosen {
            let person = &self.persons[p];
            s.name = Some(person.name.clone());
            s.role = role_here
                .or(descriptor_here)
                .or_else(|| person.role.clone())
                .or_else(|| person.descriptor.clone());
        } else {
            s.role = None;
        }
        s
    }

    /// Person `p` as a candidate speaker: the name, and the role or
    /// descriptor the article gives them.
    fn candidate(&self, p: usize) -> AttributionCandidate {
        let person = &self.persons[p];
        AttributionCandidate {
            name: person.name.clone(),
            role: person.role.clone().or_else(|| person.descriptor.clone()),
        }
    }

    /// The mentions before byte `at` (mentions are in text order).
    fn before(&self, at: usize) -> &[Mention] {
        &self.mentions[..self.mentions.partition_point(|m| m.at < at)]
    }

    /// The one person introduced before `at` whose role is the office
    /// `head` ("President" for "the president"; not "vice president of
    /// ..."). `None` when no one or more than one person holds it.
    fn person_by_office(&self, at: usize, head: &str) -> Option<usize> {
        let mut found = None;
        for (p, person) in self.persons.iter().enumerate() {
            let Some(role) = person.role.as_deref() else {
                continue;
            };
            let introduced = self.introduced.get(p).copied().flatten();
            if office_of(role) != Some(head) || introduced.is_none_or(|m| m >= at) {
                continue;
            }
            if found.is_some() {
                return None;
            }
            found = Some(p);
        }
        found
    }

    fn first_explicit(&self, p: usize) -> Option<usize> {
        self.mentions
            .iter()
            .find(|m| m.explicit && m.people == [p])
            .map(|m| m.at)
    }
}

/// True when the source is the publication itself ("The Post has learned",
/// the site's own name, "this newspaper").
#[inline(never)] // kept out of its caller: docs/BENCHMARKS.md, "large functions"
fn is_outlet(
    cx: &Context,
    src: ByteSpan,
    toks: &[Token],
    publisher: Option<&str>,
    cue: Option<ByteSpan>,
) -> bool {
    let core = core_text(cx.text, src);
    let significant = |w: &&str| w.len() >= 3 && !w.eq_ignore_ascii_case("the");
    if let Some(site) = publisher {
        let mut core_words = core
            .split(|c: char| !c.is_alphanumeric())
            .filter(significant)
            .peekable();
        let in_site = |w: &str| {
            site.split(|c: char| !c.is_alphanumeric())
                .filter(significant)
                .any(|s| s.eq_ignore_ascii_case(w))
        };
        if core_words.peek().is_some() && core_words.all(in_site) {
            return true;
        }
    }
    let words: Vec<&str> = toks
        .iter()
        .filter(|t| t.kind == TokenKind::Word)
        .map(|t| cx.word(t))
        .take(3)
        .collect();
    if let [this, what, ..] = words[..] {
        if this.eq_ignore_ascii_case("this")
            && ["newspaper", "publication", "site", "reporter"]
                .iter()
                .any(|n| what.eq_ignore_ascii_case(n))
        {
            return true;
        }
    }
    // "The Post has learned": a short outlet name with a verb of finding out.
    let short_outlet = matches!(words[..], [the, name] if the.eq_ignore_ascii_case("the") && lexicon::has(lexicon::bits::OUTLET_HEADS, name));
    let finding = cue.is_some_and(|c| {
        c.of(cx.text)
            .split_whitespace()
            .any(|w| lexicon::has(lexicon::bits::OUTLET_VERBS, w))
    });
    short_outlet && finding
}
