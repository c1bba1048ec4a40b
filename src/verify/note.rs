//! The reader's note on one claim: what the text itself shows (kind,
//! sourcing, quotes, dates, figures), what published fact-checkers said about
//! it (only what a matched record says: a verdict is never made up), and how
//! to check it yourself (links only; nothing is fetched).
//!
//! The note carries codes and figures; its English sentences are worded from
//! them afterwards by [`crate::english`] (natively), and by the extension
//! through `_locales`.

use crate::analysis::{
    CheckCode, FactCheckMatch, FactCheckStatus, Interval, Link, LinkKind, Note, NoteCheck,
    NoteFactCheck, NoteQuote, NoteSourcing, NoteTime, SourcingCode,
    SourcingKind as OutSourcingKind,
};
use crate::attribute::{QuoteAttribution, Sourcing, SourcingKind};
use crate::detect::Detection;
use crate::segment::entities::EntityKind;
use crate::segment::quantities::{QuantityKind, QuantityMention};
use crate::segment::TextLayer;

use super::registry::{consensus, Consensus, Match, Tier};

/// Everything the earlier stages say about one claim.
pub struct ClaimContext<'a> {
    pub text: &'a str,
    pub detection: &'a Detection,
    pub sourcing: &'a Sourcing,
    pub layer: &'a TextLayer,
    /// All quotations of the article; the note keeps those inside the claim.
    pub quotes: &'a [QuoteAttribution],
}

/// The result of looking the claim up in fact-check packs.
#[derive(Debug, Clone, PartialEq)]
pub enum Lookup {
    Searched(Vec<Match>),
    NoPacks,
    NotChecked,
}

/// Most links of one kind a note carries.
const MAX_WIKIPEDIA_LINKS: usize = 3;

/// The note, and the fact-checks of this claim and of related claims.
pub struct Composed {
    pub note: Note,
    pub matches: Vec<FactCheckMatch>,
    pub related: Vec<FactCheckMatch>,
}

/// Builds the note and the two match lists for one claim.
pub fn compose(c: &ClaimContext<'_>, lookup: &Lookup) -> Composed {
    let span = c.detection.span;
    let claim_text = span.of(c.text);
    let sourcing = sourcing_section(c);
    let quotes: Vec<NoteQuote> = c
        .quotes
        .iter()
        .filter(|q| span.overlaps(q.span))
        .map(|q| NoteQuote {
            text: q.span.of(c.text).to_string(),
            speaker: q.speaker.clone(),
            direct: q.direct,
        })
        .collect();
    let times: Vec<NoteTime> = c
        .layer
        .times
        .iter()
        .filter(|t| span.contains(t.span))
        .map(|t| NoteTime {
            text: t.span.of(c.text).to_string(),
            resolved: t.resolved.map(|(from, to)| Interval {
                from: from.to_string(),
                to: to.to_string(),
            }),
            display: String::new(),
        })
        .collect();
    let figures: Vec<String> = c
        .layer
        .quantities
        .iter()
        .filter(|q| span.contains(q.span) && is_sourceable_figure(q))
        .map(|q| q.span.of(c.text).to_string())
        .collect();

    let found: &[Match] = match lookup {
        Lookup::Searched(m) => m,
        _ => &[],
    };
    // Only fact-checks of this very claim carry a verdict into the note.
    let (matches, related): (Vec<&Match>, Vec<&Match>) =
        found.iter().partition(|m| m.tier == Tier::SameClaim);
    let fact_check_status = match lookup {
        Lookup::Searched(_) if !matches.is_empty() => FactCheckStatus::Matched,
        Lookup::Searched(_) => FactCheckStatus::NoneFound,
        Lookup::NoPacks => FactCheckStatus::NoPacks,
        Lookup::NotChecked => FactCheckStatus::NotChecked,
    };
    let agreement = consensus(found);
    let fact_checks: Vec<NoteFactCheck> = matches.iter().map(|m| note_fact_check(m)).collect();
    let related_lines: Vec<NoteFactCheck> = related.iter().map(|m| note_fact_check(m)).collect();

    let check_items = check_items(c, &sourcing, &figures, &times, &matches, &related);
    let links = links(c, claim_text, &matches, &related);
    let note = Note {
        summary: String::new(),
        checks: Vec::new(),
        check_items,
        links,
        sourcing: Some(sourcing),
        quotes,
        times,
        figures,
        fact_checks,
        related: related_lines,
        fact_check_status,
        consensus: agreement.map(|a| match a {
            Consensus::Agree(_) => "agree".to_string(),
            Consensus::Disagree => "disagree".to_string(),
        }),
    };
    Composed {
        note,
        matches: matches.iter().map(|m| fact_check_match(m)).collect(),
        related: related.iter().map(|m| fact_check_match(m)).collect(),
    }
}

fn sourcing_section(c: &ClaimContext<'_>) -> NoteSourcing {
    let s = c.sourcing;
    // The stage's own role for this speaker; the entity list only when it
    // gives none, and then only under the same full name (a shared surname
    // must not lend one person's role to another).
    let role = s.speaker_role.clone().or_else(|| {
        s.speaker
            .as_deref()
            .and_then(|speaker| role_of(c.layer, speaker))
    });
    // A carried quotation has no cue of its own; the English note says so.
    let cue = if s.carried {
        None
    } else {
        s.cue.map(|cue| cue.of(c.text).to_string())
    };
    let code = match s.kind {
        SourcingKind::Named if s.speaker.is_none() && s.speaker_candidates.len() > 1 => {
            SourcingCode::NamedUnclear
        }
        SourcingKind::Named if s.speaker.is_none() => SourcingCode::NamedUnknown,
        SourcingKind::Named if s.carried => SourcingCode::NamedCarried,
        SourcingKind::Named if s.on_record => SourcingCode::NamedOnRecord,
        SourcingKind::Named => SourcingCode::NamedView,
        SourcingKind::Anonymous => SourcingCode::Anonymous,
        SourcingKind::Vague => SourcingCode::Vague,
        SourcingKind::Outlet => SourcingCode::Outlet,
        SourcingKind::Unattributed => SourcingCode::Unattributed,
    };
    NoteSourcing {
        kind: match s.kind {
            SourcingKind::Named => OutSourcingKind::Named,
            SourcingKind::Anonymous => OutSourcingKind::Anonymous,
            SourcingKind::Vague => OutSourcingKind::Vague,
            SourcingKind::Unattributed => OutSourcingKind::Unattributed,
            SourcingKind::Outlet => OutSourcingKind::Outlet,
        },
        speaker: s.speaker.clone(),
        role,
        cue,
        text: String::new(),
        code: Some(code),
        carried: s.carried,
    }
}

/// The title or role the article gives a speaker ("Secretary of State").
fn role_of(layer: &TextLayer, speaker: &str) -> Option<String> {
    let last = speaker.split_whitespace().last()?;
    layer
        .entities
        .iter()
        .filter(|e| e.kind == EntityKind::Person)
        .find(|e| e.name == speaker)
        .or_else(|| {
            // A one-word speaker ("Mayer") is that person's surname.
            (!speaker.contains(' '))
                .then(|| {
                    layer
                        .entities
                        .iter()
                        .filter(|e| e.kind == EntityKind::Person)
                        .find(|e| e.name.split_whitespace().last() == Some(last))
                })
                .flatten()
        })
        .and_then(|e| e.role.clone().or_else(|| e.descriptor.clone()))
        .and_then(|r| crate::attribute::clean_role(&r))
}

/// A fact-check as a line of the note: of this very claim (with its
/// verdict), or of a related claim (its verdict left out: it belongs to
/// another claim; what sets it apart in `conflicts`).
fn note_fact_check(m: &Match) -> NoteFactCheck {
    let fc = &m.fact_check;
    let same = m.tier == Tier::SameClaim;
    NoteFactCheck {
        publisher: fc.author.as_ref().map(|a| a.name.clone()),
        verdict: if same {
            fc.review_rating.verdict_text()
        } else {
            None
        },
        date: fc.date_published.map(|d| d.to_string()),
        url: fc.url.clone(),
        claim: fc.claim_reviewed.clone(),
        why: Vec::new(),
        text: String::new(),
        claimant: fc.item_reviewed.author.clone(),
        conflicts: if same {
            Vec::new()
        } else {
            m.conflicts.clone()
        },
    }
}

/// A match as the analysis contract carries it.
pub fn fact_check_match(m: &Match) -> FactCheckMatch {
    let fc = &m.fact_check;
    FactCheckMatch {
        id: fc.id.clone(),
        claim: fc.claim_reviewed.clone(),
        verdict: fc.review_rating.verdict_text(),
        publisher: fc.author.as_ref().map(|a| a.name.clone()),
        url: fc.url.clone(),
        date: fc.date_published.map(|d| d.to_string()),
        similarity: m.score,
        pack: m.pack.clone(),
        claimant: fc.item_reviewed.author.clone(),
        claim_date: fc.item_reviewed.date_published.map(|d| d.to_string()),
        why: Vec::new(),
        reasons: m.reasons.clone(),
    }
}

fn check_items(
    c: &ClaimContext<'_>,
    sourcing: &NoteSourcing,
    figures: &[String],
    times: &[NoteTime],
    matches: &[&Match],
    related: &[&Match],
) -> Vec<NoteCheck> {
    let item = |code, subject: Option<&str>| NoteCheck {
        code,
        subject: subject.map(str::to_string),
        resolved: None,
    };
    let mut out = Vec::new();
    if !matches.is_empty() {
        out.push(item(CheckCode::ReadFactCheck, None));
    } else if !related.is_empty() {
        out.push(item(CheckCode::RelatedOnly, None));
    }
    for f in figures {
        out.push(item(CheckCode::SourceFigure, Some(f)));
    }
    for t in times {
        out.push(match &t.resolved {
            Some(resolved) => NoteCheck {
                resolved: Some(resolved.clone()),
                ..item(CheckCode::ConfirmTiming, Some(&t.text))
            },
            None => item(CheckCode::PinDownTime, Some(&t.text)),
        });
    }
    match c.sourcing.kind {
        SourcingKind::Anonymous | SourcingKind::Vague => {
            out.push(item(CheckCode::FindOnRecordSource, None))
        }
        SourcingKind::Named => {
            out.push(item(CheckCode::ConfirmSpeaker, sourcing.speaker.as_deref()))
        }
        SourcingKind::Unattributed if c.detection.checkworthy => {
            out.push(item(CheckCode::FindEvidence, None))
        }
        SourcingKind::Unattributed | SourcingKind::Outlet => {}
    }
    out
}

fn links(
    c: &ClaimContext<'_>,
    claim_text: &str,
    matches: &[&Match],
    related: &[&Match],
) -> Vec<Link> {
    let mut out = Vec::new();
    let link = |kind, subject: Option<&str>, url: String| Link {
        label: String::new(),
        url,
        kind: Some(kind),
        subject: subject.map(str::to_string),
    };
    let fact_check_links = matches
        .iter()
        .map(|m| (m, LinkKind::FactCheck))
        .chain(related.iter().map(|m| (m, LinkKind::RelatedFactCheck)));
    for (m, kind) in fact_check_links {
        if let Some(url) = &m.fact_check.url {
            let who = m.fact_check.author.as_ref().map(|a| a.name.as_str());
            out.push(link(kind, who, url.clone()));
        }
    }
    let query = search_phrase(claim_text, 200);
    out.push(link(
        LinkKind::FactCheckSearch,
        None,
        format!(
            "https://toolbox.google.com/factcheck/explorer/search/{};hl=en",
            percent_encode(&query)
        ),
    ));
    let mut names: Vec<String> = Vec::new();
    if let Some(speaker) = &c.sourcing.speaker {
        names.push(speaker.clone());
    }
    // Keys made once per name, and only for the people and organisations
    // the claim mentions: the layer holds the whole page's entities.
    let mut keys: Vec<String> = names.iter().map(|n| name_key(n)).collect();
    for e in &c.layer.entities {
        let wanted = matches!(e.kind, EntityKind::Person | EntityKind::Organization);
        if !wanted || !e.mentions.iter().any(|m| c.detection.span.contains(m.span)) {
            continue;
        }
        let key = name_key(&e.name);
        if !keys.contains(&key) {
            names.push(e.name.clone());
            keys.push(key);
        }
    }
    for name in names.iter().take(MAX_WIKIPEDIA_LINKS) {
        out.push(link(
            LinkKind::Wikipedia,
            Some(name),
            format!(
                "https://en.wikipedia.org/w/index.php?search={}",
                percent_encode(name)
            ),
        ));
    }
    out.push(link(
        LinkKind::NewsSearch,
        None,
        format!(
            "https://news.google.com/search?q={}",
            percent_encode(&query)
        ),
    ));
    out
}

/// A name's words without case or punctuation: "Robert M. Danin" and the
/// entity layer's "Robert M Danin" are one person, and get one link.
fn name_key(name: &str) -> String {
    name.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The claim, cut at a word boundary to at most `max` characters, without
/// surrounding quotation marks.
fn search_phrase(claim: &str, max: usize) -> String {
    let trimmed = claim
        .trim()
        .trim_matches(|c: char| matches!(c, '"' | '“' | '”' | '\''));
    if trimmed.chars().count() <= max {
        return trimmed.to_string();
    }
    let mut out = String::new();
    for word in trimmed.split_whitespace() {
        if out.chars().count() + word.chars().count() + 1 > max {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Percent-encodes for a URL path or query component (RFC 3986 unreserved kept).
pub fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len() * 3);
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            // Not `format!`: links are built for every claim, every word.
            const HEX: &[u8; 16] = b"0123456789ABCDEF";
            out.push('%');
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 0x0F)]));
        }
    }
    out
}

/// Whether a figure is one a reader could trace to a source. An ordinal
/// ("second term") is not, nor is a length of time given without a number
/// ("several weeks", "for years"): the seed article's note asked for "the
/// original source of the figure “several weeks”". Vague amounts of money
/// ("billions of dollars") stay: where that money comes from can be checked.
fn is_sourceable_figure(q: &QuantityMention) -> bool {
    match q.kind {
        QuantityKind::Ordinal => false,
        QuantityKind::Duration => q.value.is_some(),
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_encoding_is_utf8_safe() {
        assert_eq!(percent_encode("a b“c”"), "a%20b%E2%80%9Cc%E2%80%9D");
    }

    #[test]
    fn search_phrases_are_cut_at_words() {
        assert_eq!(search_phrase("“Short claim.”", 200), "Short claim.");
        assert_eq!(search_phrase("one two three four", 9), "one two");
    }
}
