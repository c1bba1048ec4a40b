//! Who a source phrase is: a named person (with role and descriptor), an
//! organisation, the publication itself, an anonymous or a vague source.
//! Pronouns ("he said") and surnames ("Kelly said") are resolved to the
//! full name introduced earlier; when two people share the surname, the
//! context decides (who was named nearby, whose descriptor the sentences
//! echo), and when it cannot, the speaker is left open with both candidates.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;

use super::context::{is_capitalised, Context};
use super::described::{Described, Organisations};
use super::lexicon;
use super::lexicon::Fnv;
use super::note::{AttributionBasis, AttributionCandidate, AttributionCode, AttributionNote};
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

    #[allow(clippy::too_many_arguments)]
    fn pronoun(
        &self,
        cx: &Context,
        relations: &[Relation],
        done: &[Speaker],
        k: usize,
        src: ByteSpan,
        pronoun: &str,
        publisher: Option<&str>,
    ) -> Speaker {
        let _ = publisher;
        match pronoun {
            "we" | "i" => {
                let mut s = Speaker::of_kind(SourcingKind::Outlet);
                s.note = Some(AttributionNote::of(AttributionCode::FirstPerson));
                return s;
            }
            "who" | "which" => {
                // The phrase right before ", who": a person named there, the
                // previous relation's source, or the phrase itself.
                let before = cx
                    .text
                    .get(..src.start)
                    .unwrap_or("")
                    .trim_end()
                    .trim_end_matches(',')
                    .trim_end();
                if let Some(m) = self.before(src.start).last() {
                    let name_end = cx
                        .tokens_in(ByteSpan::new(m.at, before.len()))
                        .first()
                        .map(|t| t.span.end);
                    if name_end.is_some_and(|e| before.len().saturating_sub(e) <= 3) {
                        return self.speaker_for_mention(m, pronoun);
                    }
                }
                if let Some(np) = antecedent(cx, before.len()) {
                    let s = self.speaker_of(cx, relations, done, k, np, publisher);
                    if s.kind != SourcingKind::Unattributed {
                        return s;
                    }
                }
                if let Some(j) = (0..k).rev().find(|&j| {
                    relations[j].sentence == relations[k].sentence
                        && relations[j].source.is_some_and(|s| s.end <= src.start)
                }) {
                    if let Some(prev) = done.get(j) {
                        return prev.clone();
                    }
                }
                let sentence = relations[k].sentence;
                let from = cx.sentences.get(sentence).map_or(0, |s| s.start);
                if let Some(m) = self.before(src.start).last().filter(|m| m.at >= from) {
                    return self.speaker_for_mention(m, "who");
                }
                return Speaker::of_kind(SourcingKind::Unattributed);
            }
            "they" | "it" => {
                // The latest non-person source in this or the previous paragraph.
                let here = cx
                    .paragraph
                    .get(relations[k].sentence)
                    .copied()
                    .unwrap_or(0);
                for j in (0..k).rev() {
                    let there = cx
                        .paragraph
                        .get(relations[j].sentence)
                        .copied()
                        .unwrap_or(0);
                    if here > there + 1 {
                        break;
                    }
                    if let Some(prev) = done.get(j) {
                        let person = prev
                            .name
                            .as_deref()
                            .is_some_and(|n| self.persons.iter().any(|p| p.name == n));
                        if !person && prev.kind != SourcingKind::Unattributed {
                            return prev.clone();
                        }
                    }
                }
                return Speaker::of_kind(SourcingKind::Vague);
            }
            _ => {}
        }
        let gender = match pronoun {
            "he" => Gender::Male,
            "she" => Gender::Female,
            _ => Gender::Unknown,
        };
        let fits = |p: usize| {
            let g = self.persons[p].gender;
            g == Gender::Unknown || gender == Gender::Unknown || g == gender
        };
        let para_of = |at: usize| {
            cx.sentence_at(at)
                .and_then(|s| cx.paragraph.get(s).copied())
                .unwrap_or(0)
        };
        let here = para_of(src.start);
        // The last person who spoke, a few paragraphs back at most: "“...,”
        // said Patrick McHugh, vice president ... for Con Edison. “...,” he
        // added" is McHugh, not a name in his own appositive.
        let last = (0..k).rev().find(|&j| {
            self.person_spoke.get(j).copied().unwrap_or(false)
                && relations[j].source.is_some_and(|s| s.end <= src.start)
        });
        let last = last.filter(|&j| {
            let name = done[j].name.as_deref();
            here <= para_of(relations[j].cue.start) + 3
                && self
                    .persons
                    .iter()
                    .position(|p| Some(p.name.as_str()) == name)
                    .is_none_or(fits)
        });
        // The latest person mentioned outside quotations, in this or the
        // previous paragraph, whose gender does not clash.
        for m in self.before(src.start).iter().rev() {
            if here > para_of(m.at) + 3 {
                break;
            }
            // "Paris Baguette remains “a true bakery,” he said": a name in
            // the words "he" reports is never "he".
            // (Unless the name speaks there itself: "“...,” developer Ammar
            // Askar wrote in a blog post, 21 months, he said, after ...").
            let reported = relations[k]
                .content
                .iter()
                .any(|c| c.start <= m.at && m.at < c.end)
                && !speaks_next(cx, m.at);
            if cx.is_quoted(m.at) || reported || !m.people.iter().any(|&p| fits(p)) {
                continue;
            }
            if let Some(j) = last {
                let said = relations[j].source.map_or(0, |s| s.start);
                let in_own_clause = cx.sentence_at(m.at) == Some(relations[j].sentence);
                if m.at < said || in_own_clause {
                    return done[j].clone();
                }
            }
            if here > para_of(m.at) + 1 {
                break;
            }
            return self.speaker_for_mention(m, pronoun);
        }
        if let Some(j) = last {
            return done[j].clone();
        }
        let mut s = Speaker::of_kind(SourcingKind::Named);
        s.note = Some(AttributionNote {
            word: Some(pronoun.to_string()),
            ..AttributionNote::of(AttributionCode::UnlinkedPronoun)
        });
        s
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

    /// Chooses among people sharing a surname from the context: who was
    /// named most recently nearby, and whose role or descriptor the
    /// surrounding sentences echo. `None` (with a note) when nothing decides.
    #[allow(clippy::too_many_arguments)]
    fn decide(
        &self,
        cx: &Context,
        src: ByteSpan,
        candidates: &[usize],
        role_here: Option<&str>,
        _relations: &[Relation],
        _k: usize,
        _done: &[Speaker],
        s: &mut Speaker,
    ) -> Option<usize> {
        let surname = self.persons[candidates[0]].surname.clone();
        let mut scores = vec![0i32; candidates.len()];
        let mut reasons: Vec<Vec<AttributionBasis>> = vec![Vec::new(); candidates.len()];
        // A role written with the surname ("press secretary Kelly").
        if let Some(role) = role_here {
            for (i, &p) in candidates.iter().enumerate() {
                if overlap_words(role, &self.describe_words(p)) > 0 {
                    scores[i] += 4;
                    reasons[i].push(AttributionBasis::Role);
                }
            }
        }
        // Recency: who of them was named last, and how near.
        let here_sentence = cx.sentence_at(src.start).unwrap_or(0);
        let here_para = cx.paragraph.get(here_sentence).copied().unwrap_or(0);
        let latest = self
            .before(src.start)
            .iter()
            .rev()
            .filter(|m| m.explicit && m.people.len() == 1)
            .find(|m| candidates.contains(&m.people[0]));
        if let Some(m) = latest {
            let i = candidates
                .iter()
                .position(|&p| p == m.people[0])
                .unwrap_or(0);
            let para = cx
                .sentence_at(m.at)
                .and_then(|s| cx.paragraph.get(s).copied())
                .unwrap_or(0);
            if para == here_para {
                scores[i] += 2;
                reasons[i].push(AttributionBasis::SameParagraph);
            } else if para + 1 == here_para {
                scores[i] += 1;
                reasons[i].push(AttributionBasis::PreviousParagraph);
            }
        }
        // Descriptor echo in this and the previous sentence (not the name itself).
        let window_start = cx
            .sentences
            .get(here_sentence.saturating_sub(1))
            .map_or(0, |s| s.start);
        let window_end = cx.sentences.get(here_sentence).map_or(src.end, |s| s.end);
        let window = cx.text.get(window_start..window_end).unwrap_or("");
        for (i, &p) in candidates.iter().enumerate() {
            let own_name = &self.persons[p].name;
            // The name itself ("Ian Kelly, a retired diplomat") is no echo.
            let words = self.describe_words(p);
            let hits = window
                .split(own_name.as_str())
                .fold(0u64, |seen, piece| seen | echoed(piece, &words))
                .count_ones() as usize;
            if hits > 0 {
                scores[i] += 2 * hits.min(2) as i32;
                reasons[i].push(AttributionBasis::Description);
            }
        }
        let mut order: Vec<usize> = (0..candidates.len()).collect();
        crate::sort::sort_by_key(&mut order, |&i| std::cmp::Reverse(scores[i]));
        let best = order[0];
        let margin = scores[best] - order.get(1).map_or(0, |&j| scores[j]);
        let described: Vec<AttributionCandidate> =
            candidates.iter().map(|&p| self.candidate(p)).collect();
        if scores[best] >= 2 && margin >= 2 {
            let chosen = &self.persons[candidates[best]];
            s.note = Some(AttributionNote {
                word: Some(surname),
                candidates: described,
                chosen: Some(chosen.name.clone()),
                basis: std::mem::take(&mut reasons[best]),
                ..AttributionNote::of(AttributionCode::SharedSurnameChosen)
            });
            Some(candidates[best])
        } else {
            s.note = Some(AttributionNote {
                word: Some(surname),
                candidates: described,
                ..AttributionNote::of(AttributionCode::SharedSurnameUndecided)
            });
            None
        }
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

    fn describe_words(&self, p: usize) -> Vec<String> {
        let person = &self.persons[p];
        let mut words = Vec::new();
        for phrase in [&person.role, &person.descriptor].into_iter().flatten() {
            for w in phrase.split(|c: char| !c.is_alphanumeric()) {
                let w = w.to_ascii_lowercase();
                if w.len() >= 4
                    && !matches!(
                        w.as_str(),
                        "former"
                            | "retired"
                            | "from"
                            | "with"
                            | "that"
                            | "this"
                            | "house"
                            | "state"
                            | "their"
                            | "also"
                    )
                {
                    words.push(stem(&w).to_string());
                }
            }
        }
        crate::sort::sort(&mut words);
        words.dedup();
        words
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

fn stem(w: &str) -> &str {
    w.strip_suffix("s").filter(|s| s.len() >= 4).unwrap_or(w)
}

/// How many of `words` (stemmed, lower-case) occur in `text`.
fn overlap_words(text: &str, words: &[String]) -> usize {
    echoed(text, words).count_ones() as usize
}

/// Which of `words` (stemmed, lower-case) occur in `text`, as bits.
fn echoed(text: &str, words: &[String]) -> u64 {
    let mut seen = 0u64;
    for w in text.split(|c: char| !c.is_alphanumeric()) {
        if w.len() < 4 {
            continue;
        }
        let st = stem(w);
        if let Some(k) = words.iter().position(|x| x.eq_ignore_ascii_case(st)) {
            seen |= 1 << (k % 64);
        }
    }
    seen
}

fn is_plausible_name(name: &str) -> bool {
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

fn add_person(
    persons: &mut Vec<Person>,
    name: &str,
    role: Option<String>,
    descriptor: Option<String>,
) {
    let name = name
        .trim()
        .trim_end_matches(['’', '\'', ','])
        .trim_end_matches("’s")
        .trim_end_matches("'s");
    if name.is_empty() {
        return;
    }
    // "De Miranda" opening a sentence is "Luis de Miranda": the particle
    // is only capitalised there.
    let same = |known: &str, short: &str| {
        let cut = known.len().saturating_sub(short.len());
        cut > 0
            && known
                .get(cut..)
                .is_some_and(|tail| tail.eq_ignore_ascii_case(short))
            && known.get(..cut).is_some_and(|head| head.ends_with(' '))
            && short
                .split(' ')
                .next()
                .is_some_and(|particle| known.contains(&format!(" {} ", particle.to_lowercase())))
    };
    if let Some(p) = persons.iter_mut().find(|p| same(name, &p.name)) {
        p.name = name.to_string();
        p.first = name.split(' ').next().unwrap_or(name).to_string();
    }
    if let Some(p) = persons
        .iter_mut()
        .find(|p| p.name == name || same(&p.name, name))
    {
        if p.role.is_none() {
            p.role = role;
        }
        if p.descriptor.is_none() {
            p.descriptor = descriptor;
        }
        return;
    }
    let parts: Vec<&str> = name
        .split_whitespace()
        .filter(|w| !matches!(*w, "Jr." | "Sr." | "Jr" | "Sr" | "II" | "III"))
        .collect();
    let surname = parts.last().copied().unwrap_or(name).to_string();
    let first = parts.first().copied().unwrap_or(name).to_string();
    let mut gender = Gender::Unknown;
    for phrase in [&role, &descriptor].into_iter().flatten() {
        for w in phrase.split_whitespace() {
            if lexicon::has(lexicon::bits::MALE_WORDS, w) {
                gender = Gender::Male;
            } else if lexicon::has(lexicon::bits::FEMALE_WORDS, w) {
                gender = Gender::Female;
            }
        }
    }
    persons.push(Person {
        name: name.to_string(),
        surname,
        first,
        role,
        descriptor,
        gender,
    });
}

/// Every mention of a known person: full names (explicit), and surnames
/// alone (explicit only when one person has that surname).
fn find_mentions(cx: &Context, persons: &[Person]) -> Vec<Mention> {
    let mut out = Vec::new();
    let toks = cx.tokens;
    let mut by_surname: HashMap<&str, Vec<usize>, BuildHasherDefault<Fnv>> = HashMap::default();
    // A one-word Bloom filter of (length, first, last byte) lets most
    // capitalised words skip the map.
    let signature = |w: &str| -> u64 {
        let b = w.as_bytes();
        let h = b.len() as u64 * 31 + u64::from(b[0]) * 7 + u64::from(b[b.len() - 1]);
        1 << (h % 64)
    };
    let mut filter = 0u64;
    for (p, person) in persons.iter().enumerate() {
        by_surname
            .entry(person.surname.as_str())
            .or_default()
            .push(p);
        if !person.surname.is_empty() {
            filter |= signature(&person.surname);
        }
    }
    let name_words: Vec<usize> = persons
        .iter()
        .map(|p| p.name.split_whitespace().count())
        .collect();
    let bytes = cx.text.as_bytes();
    for (k, t) in toks.iter().enumerate() {
        // Names start with a capital: most tokens stop at their first byte.
        let first = bytes.get(t.span.start).copied().unwrap_or(0);
        if t.kind != TokenKind::Word
            || (first < 0x80 && !first.is_ascii_uppercase())
            || !is_capitalised(cx.text, t)
        {
            continue;
        }
        let w = base(cx.word(t));
        if w.is_empty() || filter & signature(w) == 0 {
            continue;
        }
        let Some(owners) = by_surname.get(w) else {
            continue;
        };
        // A full name ends here: "Ian Kelly".
        let is_full = |p: usize| {
            let words = name_words[p];
            words >= 2 && k + 1 >= words && {
                let start = toks[k + 1 - words].span.start;
                cx.text.get(start..t.span.end).map(base) == Some(persons[p].name.as_str())
            } || (k > 0
                && base(cx.word(&toks[k - 1])) == persons[p].first
                && persons[p].first != persons[p].surname)
        };
        let mut full = owners.iter().copied().filter(|&p| is_full(p));
        let full = match (full.next(), full.next()) {
            (Some(p), None) => vec![p],
            _ => Vec::new(),
        };
        let at = t.span.start;
        if let [p] = full[..] {
            let words = name_words[p];
            let start = k
                .checked_sub(words - 1)
                .and_then(|j| toks.get(j))
                .map_or(at, |f| f.span.start);
            let start =
                if cx.text.get(start..t.span.end).map(base) == Some(persons[p].name.as_str()) {
                    start
                } else {
                    toks.get(k.wrapping_sub(1)).map_or(at, |f| f.span.start)
                };
            out.push(Mention {
                at,
                start,
                people: vec![p],
                explicit: true,
            });
        } else {
            let explicit = owners.len() == 1;
            out.push(Mention {
                at,
                start: at,
                people: owners.clone(),
                explicit,
            });
        }
    }
    out
}

fn base(s: &str) -> &str {
    let s = s
        .strip_suffix("’s")
        .or_else(|| s.strip_suffix("'s"))
        .unwrap_or(s);
    s.strip_suffix(['’', '\'']).unwrap_or(s)
}

#[derive(Debug, Clone, Copy)]
struct NameFound {
    span: ByteSpan,
    words: usize,
    kind: EntityKind,
}

/// The name in a source phrase: the last run of capitalised words in the
/// phrase's core (before its first comma, "who" or lower-case preposition),
/// without title words. `None` when the core names no one.
fn name_in(cx: &Context, src: ByteSpan) -> Option<NameFound> {
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
    let is_org = toks[start..end].iter().any(|t| {
        cx.has(t, lexicon::bits::ORG_WORDS)
            || lexicon::has(lexicon::bits::ORG_WORDS, base(cx.word(t)))
    });
    if !is_org {
        while start < end {
            let w = cx.word(toks[start]);
            let title = cx.has(
                toks[start],
                lexicon::bits::ROLE_HEADS | lexicon::bits::NOT_NAME_WORDS,
            ) || matches!(
                w,
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
                    | "of"
                    | "."
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
            );
            if !title || end - start == 1 && !matches!(w, "." | "of") {
                break;
            }
            start += 1;
        }
    }
    while start < end && matches!(cx.word(toks[start]), "." | "of" | "and") {
        start += 1;
    }
    if start >= end {
        return None;
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

/// "We've", "I’m", "they'll", "don’t": an apostrophe and a clitic ending.
/// The office a role names, lower-cased: its last word before any "of",
/// "for", "at" or comma ("President" → "president"); `None` for a deputy's
/// or a former holder's role ("vice president", "former president").
fn office_of(role: &str) -> Option<&'static str> {
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

/// The named author after "by" or "from" in a document's source phrase ("a
/// report by the Congressional Budget Office", "the tweet from Vulture
/// magazine"), as a span of the phrase.
fn author_of_document(cx: &Context, src: ByteSpan) -> Option<ByteSpan> {
    let toks = cx.tokens_in(src);
    let by = toks
        .iter()
        .position(|t| matches!(cx.word(t), "by" | "from"))?;
    let rest = ByteSpan::new(toks.get(by + 1)?.span.start, src.end);
    name_in(cx, rest).map(|_| rest)
}

/// At most this many words describe a document before its noun ("a new
/// national survey").
const DOCUMENT_MODIFIERS: usize = 3;

/// Who a document speaks for: its author ("a June report by the University
/// of Chicago Education Lab"), its owner written before it ("FEC records",
/// "the Gallup poll"), else the document itself, without what it is of ("A
/// systemic review of 27 trials" → "A systemic review").
fn document_speaker(cx: &Context, src: ByteSpan, toks: &[Token], head: &str) -> Option<Speaker> {
    let mut s = Speaker::of_kind(SourcingKind::Named);
    if let Some(author) = author_of_document(cx, src) {
        s.name = Some(core_text(cx.text, author).to_string());
        return Some(s);
    }
    let h = toks
        .iter()
        .position(|t| cx.word(t).eq_ignore_ascii_case(head))?;
    let mut from = h;
    while from > 0 && is_name_word(cx, &toks[from - 1]) {
        from -= 1;
    }
    // A capitalised first word of the sentence ("New filings") is no owner;
    // an acronym there ("FEC records") is.
    let opens_sentence = |k: usize| {
        let at = toks[k].span.start;
        cx.sentence_at(at)
            .is_some_and(|i| cx.sentences[i].start == at)
    };
    let acronym = |k: usize| cx.word(&toks[k]).chars().all(|c| c.is_ascii_uppercase());
    if from < h && opens_sentence(from) && !acronym(from) {
        from += 1;
    }
    if from < h {
        s.name = Some(
            ByteSpan::new(toks[from].span.start, toks[h - 1].span.end)
                .of(cx.text)
                .to_string(),
        );
        return Some(s);
    }
    // The document itself: its noun phrase, from its determiner ("the
    // data", not "extracting greater amounts whenever the data"); a
    // sentence's capitalised first word ("New filings") is no name.
    let mut from = h;
    while from > 0
        && h - from < DOCUMENT_MODIFIERS
        && toks[from - 1].kind == TokenKind::Word
        && !is_capitalised(cx.text, &toks[from - 1])
        && !lexicon::contains(lexicon::SPEAKER_EDGE_WORDS, cx.word(&toks[from - 1]))
    {
        from -= 1;
    }
    if from > 0 && lexicon::contains(lexicon::DETERMINERS, cx.word(&toks[from - 1])) {
        from -= 1;
    }
    if from == 0 && h > 0 && opens_sentence(0) && is_name_word(cx, &toks[0]) {
        from = 1;
    }
    s.name = Some(
        ByteSpan::new(toks[from].span.start, toks[h].span.end)
            .of(cx.text)
            .to_string(),
    );
    Some(s)
}

/// "About half of voters", "72 percent of Democrats", "most voters": a
/// share of a group, a vague source (not a speaker called "About").
fn is_share_of_people(cx: &Context, toks: &[Token]) -> bool {
    let mut words = toks
        .iter()
        .filter(|t| t.kind != TokenKind::Punct)
        .skip_while(|t| lexicon::contains(lexicon::APPROXIMATORS, cx.word(t)));
    words.next().is_some_and(|t| {
        t.kind == TokenKind::Number || lexicon::contains(lexicon::SHARE_WORDS, cx.word(t))
    }) && toks.len() <= 8
}

/// The word after the name at `at` is a speech verb ("Askar wrote").
fn speaks_next(cx: &Context, at: usize) -> bool {
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

/// A source phrase that is one pronoun ("he", "they").
fn is_pronoun(cx: &Context, src: ByteSpan) -> bool {
    let mut words = cx
        .tokens_in(src)
        .iter()
        .filter(|t| t.kind == TokenKind::Word);
    matches!((words.next(), words.next()), (Some(t), None) if cx.has(t, lexicon::bits::PRONOUNS))
}

fn is_contraction(word: &str) -> bool {
    let Some(at) = word.rfind(['\'', '’']) else {
        return false;
    };
    let ending = word[at..]
        .trim_start_matches(['\'', '’'])
        .to_ascii_lowercase();
    matches!(ending.as_str(), "m" | "ve" | "re" | "ll" | "d" | "t")
}

/// The noun phrase ending at byte `end` (before ", who"), up to its clause
/// boundary.
fn antecedent(cx: &Context, end: usize) -> Option<ByteSpan> {
    let sentence = cx.sentence_at(end.saturating_sub(1))?;
    let toks = cx.tokens_in(ByteSpan::new(cx.sentences[sentence].start, end));
    let mut start = toks.len();
    while start > 0 && toks.len() - start < 6 {
        let t = &toks[start - 1];
        let w = cx.word(t);
        if t.kind == TokenKind::Punct && !matches!(w, "." | "’" | "'")
            || cx.has(t, lexicon::bits::CLAUSE_OPENERS | lexicon::bits::CUE_VERBS)
        {
            break;
        }
        // "a lawsuit with ZeniMax Media, which accuses": the name after
        // the preposition.
        let named_after = toks
            .get(start)
            .is_some_and(|n| start < toks.len() && is_capitalised(cx.text, n));
        if named_after && matches!(w, "with" | "against" | "by" | "from" | "for" | "at") {
            break;
        }
        start -= 1;
        if matches!(
            w,
            "the" | "a" | "an" | "The" | "A" | "An" | "some" | "Some" | "many" | "Many"
        ) {
            break;
        }
    }
    (start < toks.len())
        .then(|| ByteSpan::new(toks[start].span.start, toks[toks.len() - 1].span.end))
}

/// The role words written just before a full-name mention at `at`
/// ("Trump’s son-in-law", "special envoy", "Russian President").
fn role_before_mention(cx: &Context, at: usize) -> Option<String> {
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

fn is_initial(cx: &Context, toks: &[&Token], dot: usize) -> bool {
    dot > 0 && {
        let w = cx.word(toks[dot - 1]);
        w.len() == 1 && w.starts_with(char::is_uppercase)
    }
}

fn is_name_word(cx: &Context, t: &Token) -> bool {
    is_capitalised(cx.text, t)
        && !matches!(
            cx.word(t),
            "The" | "A" | "An" | "But" | "And" | "In" | "On" | "At" | "For" | "As"
        )
        && !cx.has(t, lexicon::bits::DEMONYMS)
}

/// The head word of a source phrase's core: its last word.
fn head_word<'a>(cx: &Context<'a>, toks: &[Token]) -> Option<&'a str> {
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
fn core_text(text: &str, src: ByteSpan) -> &str {
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
fn role_and_descriptor(
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

/// True when the source is the publication itself ("The Post has learned",
/// the site's own name, "this newspaper").
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
