//! Stage 4: quotes, speakers, and how each claim is sourced.
//!
//! The stage reads the text layer's sentences and tokens (and its person
//! entities, as hints) and finds, on its own:
//! - quoted spans, by pairing quotation marks ([`quotes`]);
//! - attribution relations, each a cue, a source phrase and content, for
//!   direct quotes and reported speech ([`reported`], [`phrases`]);
//! - who each source is: named (with role), anonymous, vague or the outlet,
//!   with pronoun and surname coreference and honest ambiguity ([`speakers`]);
//! - how each sentence is sourced ([`sourcing`]).

mod clean;
mod context;
mod described;
mod lead_in;
pub mod lexicon;
pub mod note;
mod phrases;
mod plausible;
pub mod quotes;
pub mod reported;
pub mod sourcing;
pub mod speakers;

use crate::segment::TextLayer;
use crate::spans::ByteSpan;

pub use clean::{clean_role, is_garbled, is_garbled_role};
pub use context::Context;
pub use reported::Relation;
pub use speakers::Speaker;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourcingKind {
    Named,
    Anonymous,
    Vague,
    Unattributed,
    Outlet,
}

impl SourcingKind {
    pub fn as_str(self) -> &'static str {
        match self {
            SourcingKind::Named => "named",
            SourcingKind::Anonymous => "anonymous",
            SourcingKind::Vague => "vague",
            SourcingKind::Unattributed => "unattributed",
            SourcingKind::Outlet => "outlet",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct QuoteAttribution {
    /// The quoted words, without the quotation marks; for reported speech,
    /// the content of what was said.
    pub span: ByteSpan,
    pub speaker: Option<String>,
    /// Everyone the speaker could be when more than one person fits.
    pub speaker_candidates: Vec<String>,
    /// The speaker's role or descriptor as the article gives it.
    pub speaker_role: Option<String>,
    pub cue: Option<ByteSpan>,
    pub direct: bool,
    /// How the speaker was decided, or why it is ambiguous.
    pub note: Option<note::AttributionNote>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Sourcing {
    /// The sentence this sourcing is about.
    pub sentence: ByteSpan,
    pub kind: SourcingKind,
    pub speaker: Option<String>,
    pub speaker_role: Option<String>,
    pub speaker_candidates: Vec<String>,
    /// How the speaker was decided, or why it is ambiguous.
    pub note: Option<note::AttributionNote>,
    /// The phrase that shows the sourcing ("according to a Western diplomat").
    pub cue: Option<ByteSpan>,
    /// A named speaker whose own words or writing are reported: a speech
    /// cue ("said", "wrote", "according to"), not a view ascribed to them
    /// ("remains skeptical").
    pub on_record: bool,
    /// The sentence is a quotation that carries on the previous one's
    /// speaker, with no cue of its own.
    pub carried: bool,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Attribution {
    pub quotes: Vec<QuoteAttribution>,
    /// One per sentence of the text layer, in order.
    pub sourcing: Vec<Sourcing>,
    /// Every attribution relation, by cue position.
    pub relations: Vec<Relation>,
    /// Who each relation's source is, parallel to `relations`.
    pub speakers: Vec<Speaker>,
}

impl Sourcing {
    /// No source at all: the sentence stands on the article's own authority.
    pub fn unattributed(sentence: ByteSpan) -> Self {
        Sourcing {
            sentence,
            kind: SourcingKind::Unattributed,
            speaker: None,
            speaker_role: None,
            speaker_candidates: Vec::new(),
            note: None,
            cue: None,
            on_record: false,
            carried: false,
        }
    }
}

impl Attribution {
    /// The sourcing of the sentence that holds most of `span` (a claim).
    pub fn sourcing_for(&self, span: ByteSpan) -> Option<&Sourcing> {
        self.sourcing
            .iter()
            .filter(|s| s.sentence.overlaps(span))
            .max_by_key(|s| s.sentence.end.min(span.end) - s.sentence.start.max(span.start))
    }
}

/// Attribution without knowing the publication's name.
pub fn attribute(text: &str, layer: &TextLayer) -> Attribution {
    attribute_for(text, layer, None)
}

/// Attribution of an article published by `publisher` (its site name), so
/// that the outlet's references to itself are told from other outlets.
pub fn attribute_for(text: &str, layer: &TextLayer, publisher: Option<&str>) -> Attribution {
    let cx = Context::new(text, &layer.tokens, &layer.sentences);
    let relations = reported::find(&cx);
    let mut people = speakers::People::new(&cx, &layer.entities, &relations);
    let mut speakers = people.resolve(&cx, &relations, publisher);
    let persons = plausible::Persons::new(&layer.entities);
    for (r, s) in relations.iter().zip(&mut speakers) {
        plausible::check(&cx, &persons, r, s);
    }
    let sourcing = sourcing::per_sentence(&cx, &relations, &speakers);
    let quotes = quote_list(&cx, &relations, &speakers);
    Attribution {
        quotes,
        sourcing,
        relations,
        speakers,
    }
}

/// Direct quotes (titles and unattributed scare quotes left out) and
/// reported speech, by position.
fn quote_list(cx: &Context, relations: &[Relation], speakers: &[Speaker]) -> Vec<QuoteAttribution> {
    let mut out = Vec::new();
    let owners = quote_owners(cx, relations);
    for (q, owner) in cx.top.iter().zip(&owners) {
        let owned = owner.map(|k| (&relations[k], &speakers[k]));
        let whole_content = owned.is_some_and(|(r, _)| r.content.contains(&q.outer));
        if !whole_content && quotes::looks_like_title(cx.text, q) {
            continue;
        }
        if owned.is_none() && quotes::looks_like_scare_quote(cx.text, q) {
            continue;
        }
        // With no source to have said it, a Title Case quotation names a
        // work or a slogan (“RIGS: Mechanized Combat League” ($20), "Review:
        // ‘Madden NFL 17’"), whatever precedes it.
        let has_source = owned.is_some_and(|(_, s)| {
            s.name.is_some() || matches!(s.kind, SourcingKind::Anonymous | SourcingKind::Vague)
        });
        if !has_source && quotes::title_case_words(cx.text, q).is_some() {
            continue;
        }
        let inner = trim_span(cx.text, q.inner);
        if inner.is_empty() {
            continue;
        }
        out.push(entry(inner, owned, true));
    }
    for (r, s) in relations.iter().zip(speakers) {
        // Stance reports ("Trump wants ...") are not speech, and a source
        // that is no one ("the numbers suggest") is not a speaker.
        if r.direct
            || r.kind == reported::CueKind::Stance
            || s.kind == SourcingKind::Unattributed
            || r.aside
        {
            continue;
        }
        let (Some(&first), Some(&last)) = (r.content.first(), r.content.last()) else {
            continue;
        };
        // Pieces in one sentence read as one span ("X is viewed by Y as Z").
        let one_sentence = cx.sentence_at(first.start).is_some()
            && cx.sentence_at(first.start) == cx.sentence_at(last.end.saturating_sub(1));
        let span = if one_sentence {
            ByteSpan::new(first.start, last.end)
        } else {
            first
        };
        out.push(entry(trim_span(cx.text, span), Some((r, s)), false));
    }
    crate::sort::sort_by_key(&mut out, |q| (q.span.start, !q.direct));
    out
}

/// Which relation's content holds each top-level quote. A content piece
/// claims the quotes inside it, and a quote that starts inside it and runs
/// on past the sentence break ("tweeted this announcement: “... CBD. Fares
/// ...”"). When two pieces hold one quote, the tighter one wins: in "the
/// officials said, the utility switched ..., “so they cannot ...,” Mr.
/// McHugh said" the quote is McHugh's, not the officials'. A view ("Trump
/// views Kushner as a “trusted adviser”, said Kelly") owns a quote only
/// when no speech report holds it.
fn quote_owners(cx: &Context, relations: &[Relation]) -> Vec<Option<usize>> {
    let mut owners: Vec<Option<(usize, (bool, usize))>> = vec![None; cx.top.len()];
    for (k, r) in relations.iter().enumerate() {
        for c in &r.content {
            let from = cx.top.partition_point(|q| q.outer.start < c.start);
            for (slot, q) in owners[from..].iter_mut().zip(&cx.top[from..]) {
                if q.outer.start >= c.end {
                    break;
                }
                let inside = q.outer.end <= c.end;
                let runs_on = !inside
                    && cx.sentence_at(c.end.saturating_sub(1)) != cx.sentence_at(q.outer.end - 1);
                if !inside && !runs_on {
                    continue;
                }
                let rank = (r.kind == reported::CueKind::Stance, c.end - c.start);
                if slot.is_none_or(|(_, best)| rank < best) {
                    *slot = Some((k, rank));
                }
            }
        }
    }
    owners.into_iter().map(|o| o.map(|(k, _)| k)).collect()
}

fn entry(span: ByteSpan, owner: Option<(&Relation, &Speaker)>, direct: bool) -> QuoteAttribution {
    match owner {
        Some((r, s)) => QuoteAttribution {
            span,
            speaker: s.name.clone(),
            speaker_candidates: s.candidates.clone(),
            speaker_role: s.role.clone(),
            cue: Some(r.cue),
            direct,
            note: s.note.clone(),
        },
        None => QuoteAttribution {
            span,
            speaker: None,
            speaker_candidates: Vec::new(),
            speaker_role: None,
            cue: None,
            direct,
            note: None,
        },
    }
}

/// `span` without surrounding whitespace.
fn trim_span(text: &str, span: ByteSpan) -> ByteSpan {
    let s = span.of(text);
    let lead = s.len() - s.trim_start().len();
    let trimmed = s.trim();
    ByteSpan::new(span.start + lead, span.start + lead + trimmed.len())
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod regressions;

#[cfg(test)]
mod recall_tests;

#[cfg(test)]
mod regressions_judged;

#[cfg(test)]
mod regressions_pages;

#[cfg(test)]
mod regressions_notes;

#[cfg(all(test, not(target_arch = "wasm32")))]
mod seed_tests;
