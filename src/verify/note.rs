//! The reader's note on one claim: what the text itself shows (kind,
//! sourcing, quotes, dates, figures), what published fact-checkers said about
//! it (only what a matched record says: a verdict is never made up), and how
//! to check it yourself (links only; nothing is fetched).

use crate::analysis::{
    FactCheckMatch, FactCheckStatus, Interval, Link, Note, NoteFactCheck, NoteQuote, NoteSourcing,
    NoteTime, SourcingKind as OutSourcingKind,
};
use crate::attribute::{QuoteAttribution, Sourcing, SourcingKind};
use crate::calendar::{days_in_month, Date};
use crate::detect::{ClaimKind, Detection};
use crate::segment::entities::EntityKind;
use crate::segment::quantities::QuantityKind;
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
        .map(|t| {
            let written = t.span.of(c.text);
            NoteTime {
                text: written.to_string(),
                resolved: t.resolved.map(|(from, to)| Interval {
                    from: from.to_string(),
                    to: to.to_string(),
                }),
                display: match t.resolved {
                    Some((from, to)) => format!("“{written}” → {}", describe_interval(from, to)),
                    None => format!("“{written}” could not be placed on the calendar"),
                },
            }
        })
        .collect();
    let figures: Vec<String> = c
        .layer
        .quantities
        .iter()
        // An ordinal ("second term") is not a figure anyone could source.
        .filter(|q| span.contains(q.span) && q.kind != QuantityKind::Ordinal)
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
    let related_lines: Vec<NoteFactCheck> = related.iter().map(|m| related_fact_check(m)).collect();

    let summary = summary(
        c,
        &sourcing,
        &matches,
        &related,
        fact_check_status,
        agreement,
    );
    let checks = checks(c, &sourcing, &figures, &times, &matches, &related);
    let links = links(c, claim_text, &matches, &related);
    let note = Note {
        summary,
        checks,
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
    let cue = if s.carried {
        Some("(from the previous quote)".to_string())
    } else {
        s.cue.map(|cue| cue.of(c.text).to_string())
    };
    let who = match (&s.speaker, &role) {
        (Some(name), Some(role)) => format!("{name} ({role})"),
        (Some(name), None) => name.clone(),
        (None, _) => String::new(),
    };
    let text = match s.kind {
        SourcingKind::Named if who.is_empty() && s.speaker_candidates.len() > 1 => format!(
            "Who said this is unclear: {}; the article does not say which.",
            s.speaker_candidates.join(" or ")
        ),
        SourcingKind::Named if who.is_empty() => "Attributed to a named source.".to_string(),
        SourcingKind::Named if s.carried => {
            format!("Attributed to {who} (from the previous quote), on the record.")
        }
        SourcingKind::Named if s.on_record => format!("Attributed to {who}, on the record."),
        SourcingKind::Named => {
            format!("Attributed to {who}: the article reports this view, not their words.")
        }
        SourcingKind::Anonymous => match &cue {
            Some(cue) => format!("Attributed to an anonymous source (“{cue}”)."),
            None => "Attributed to an anonymous source.".to_string(),
        },
        SourcingKind::Vague => match &cue {
            Some(cue) => format!("Attributed vaguely (“{cue}”): no one is named."),
            None => "Attributed vaguely: no one is named.".to_string(),
        },
        SourcingKind::Outlet => "Asserted by the publication itself.".to_string(),
        SourcingKind::Unattributed => "Not attributed to anyone.".to_string(),
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
        text,
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

/// "2024", "December 2024", "2024-12-21", or "2024-12-01 to 2024-12-07".
pub fn describe_interval(from: Date, to: Date) -> String {
    if from == to {
        return from.to_string();
    }
    let whole_year =
        from.year == to.year && (from.month, from.day) == (1, 1) && (to.month, to.day) == (12, 31);
    if whole_year {
        return from.year.to_string();
    }
    let whole_month = from.year == to.year
        && from.month == to.month
        && from.day == 1
        && to.day == days_in_month(to.year, to.month);
    if whole_month {
        return format!(
            "{} {}",
            MONTHS[(from.month as usize).saturating_sub(1) % 12],
            from.year
        );
    }
    format!("{from} to {to}")
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn kind_label(kind: ClaimKind) -> &'static str {
    match kind {
        ClaimKind::Quantity => "A statistical claim",
        ClaimKind::Comparison => "A comparative claim",
        ClaimKind::Event => "A dated event",
        ClaimKind::Causal => "A causal claim",
        ClaimKind::Quote => "A reported-speech claim",
        ClaimKind::Prediction => "A prediction",
        ClaimKind::Rule => "A legal or rule claim",
        ClaimKind::Experience => "A personal-experience claim",
        ClaimKind::Other => "A factual claim",
        ClaimKind::Opinion => "An opinion, not a factual claim",
        ClaimKind::Question => "A question, not a factual claim",
        ClaimKind::Rhetoric => "A rhetorical remark, not a factual claim",
        ClaimKind::Boilerplate => "Boilerplate, not a factual claim",
    }
}

fn summary(
    c: &ClaimContext<'_>,
    sourcing: &NoteSourcing,
    matches: &[&Match],
    related: &[&Match],
    status: FactCheckStatus,
    agreement: Option<Consensus>,
) -> String {
    let kind = c
        .detection
        .kinds
        .first()
        .map_or("A statement", |k| kind_label(*k));
    let source = sourcing.text.trim_end_matches('.');
    let mut out = format!("{kind}. {source}.");
    match status {
        FactCheckStatus::Matched => {
            if let Some(first) = matches.first() {
                out.push(' ');
                out.push_str(&match_sentence(first));
            }
            match (matches.len(), agreement) {
                (0 | 1, _) => {}
                (n, Some(Consensus::Agree(_))) => {
                    out.push_str(&format!(" {} more fact-checks agree.", n - 1))
                }
                (_, Some(Consensus::Disagree)) => {
                    out.push_str(" Fact-checkers disagree: see each verdict.")
                }
                (n, None) => out.push_str(&format!(" {} more fact-checks found.", n - 1)),
            }
        }
        FactCheckStatus::NoneFound => {
            out.push_str(" No published fact-check of this claim found in the loaded packs.");
            match related.len() {
                0 => {}
                1 => out.push_str(" One fact-check of a related claim is listed below."),
                n => out.push_str(&format!(
                    " {n} fact-checks of related claims are listed below."
                )),
            }
        }
        FactCheckStatus::NoPacks => out
            .push_str(" No fact-check pack is loaded, so published fact-checks were not searched."),
        FactCheckStatus::NotChecked => {}
    }
    out
}

/// "PolitiFact checked a related claim (2019-10-29), not this one: its
/// figures differ." Never the verdict: it belongs to another claim.
fn related_fact_check(m: &Match) -> NoteFactCheck {
    let fc = &m.fact_check;
    let (who, when) = checker_and_date(m);
    let mut text = format!(
        "{who} checked a related claim{when}: “{}”",
        unquoted(&fc.claim_reviewed)
    );
    if let Some(by) = &fc.item_reviewed.author {
        text.push_str(&format!(" (by {by})"));
    }
    text.push('.');
    let differences: Vec<&str> = m.conflicts.iter().map(|c| c.describe()).collect();
    if !differences.is_empty() {
        text.push_str(&format!(" Not this claim: {}.", differences.join("; ")));
    }
    NoteFactCheck {
        publisher: fc.author.as_ref().map(|a| a.name.clone()),
        verdict: None,
        date: fc.date_published.map(|d| d.to_string()),
        url: fc.url.clone(),
        claim: fc.claim_reviewed.clone(),
        why: m.reasons.clone(),
        text,
    }
}

/// A checked claim without the quotation marks around all of it, so that
/// the note's own marks do not double them.
fn unquoted(claim: &str) -> &str {
    let t = claim.trim();
    let inner = t
        .strip_prefix(['"', '“'])
        .and_then(|x| x.strip_suffix(['"', '”']));
    match inner {
        // Only when the marks enclose one quotation, not two ("a" and "b").
        Some(x) if !x.contains(['"', '“', '”']) => x.trim(),
        _ => t,
    }
}

/// Who published a fact-check, and " (YYYY-MM-DD)" when it is dated.
fn checker_and_date(m: &Match) -> (&str, String) {
    let fc = &m.fact_check;
    let who = fc
        .author
        .as_ref()
        .map_or("A fact-checker", |a| a.name.as_str());
    let when = fc
        .date_published
        .map(|d| format!(" ({d})"))
        .unwrap_or_default();
    (who, when)
}

/// "PolitiFact rated this claim “False” (2019-10-29)." Only the record's words.
fn match_sentence(m: &Match) -> String {
    let fc = &m.fact_check;
    let (who, when) = checker_and_date(m);
    match fc.review_rating.verdict_text() {
        Some(verdict) => format!("{who} rated this claim “{verdict}”{when}."),
        None => format!("{who} checked this claim{when}; the record states no verdict."),
    }
}

fn note_fact_check(m: &Match) -> NoteFactCheck {
    let fc = &m.fact_check;
    let mut text = match_sentence(m);
    text.push_str(&format!(
        " Checked claim: “{}”",
        unquoted(&fc.claim_reviewed)
    ));
    if let Some(who) = &fc.item_reviewed.author {
        text.push_str(&format!(" (by {who})"));
    }
    text.push('.');
    NoteFactCheck {
        publisher: fc.author.as_ref().map(|a| a.name.clone()),
        verdict: fc.review_rating.verdict_text(),
        date: fc.date_published.map(|d| d.to_string()),
        url: fc.url.clone(),
        claim: fc.claim_reviewed.clone(),
        why: m.reasons.clone(),
        text,
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
        why: m.reasons.clone(),
    }
}

fn checks(
    c: &ClaimContext<'_>,
    sourcing: &NoteSourcing,
    figures: &[String],
    times: &[NoteTime],
    matches: &[&Match],
    related: &[&Match],
) -> Vec<String> {
    let mut out = Vec::new();
    if !matches.is_empty() {
        out.push(
            "Read the fact-check, and confirm it covers this claim as the article states it."
                .to_string(),
        );
    } else if !related.is_empty() {
        out.push(
            "The fact-checks listed are about a related claim, not this one: their verdicts do not apply here."
                .to_string(),
        );
    }
    for f in figures {
        out.push(format!("Find the original source of the figure “{f}”."));
    }
    for t in times {
        match &t.resolved {
            Some(_) => out.push(format!("Confirm the timing: {}.", t.display)),
            None => out.push(format!("Pin down when “{}” was.", t.text)),
        }
    }
    match c.sourcing.kind {
        SourcingKind::Anonymous | SourcingKind::Vague => {
            out.push("Look for an on-the-record source confirming this.".to_string())
        }
        SourcingKind::Named => out.push(match &sourcing.speaker {
            Some(s) => format!("Check that {s} said this, in this context."),
            None => "Check that the quoted person said this, in this context.".to_string(),
        }),
        SourcingKind::Unattributed => {
            if c.detection.checkworthy {
                out.push(
                    "Look for the evidence behind this: the article names no source.".to_string(),
                )
            }
        }
        SourcingKind::Outlet => {}
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
    let fact_check_links = matches.iter().map(|m| (m, "Read the fact-check by")).chain(
        related
            .iter()
            .map(|m| (m, "Read the related fact-check by")),
    );
    for (m, label) in fact_check_links {
        if let Some(url) = &m.fact_check.url {
            let who = m
                .fact_check
                .author
                .as_ref()
                .map_or("the fact-checker", |a| a.name.as_str());
            out.push(Link {
                label: format!("{label} {who}"),
                url: url.clone(),
            });
        }
    }
    let query = search_phrase(claim_text, 200);
    out.push(Link {
        label: "Search Google Fact Check Explorer".to_string(),
        url: format!(
            "https://toolbox.google.com/factcheck/explorer/search/{};hl=en",
            percent_encode(&query)
        ),
    });
    let mut names: Vec<String> = Vec::new();
    if let Some(speaker) = &c.sourcing.speaker {
        names.push(speaker.clone());
    }
    for e in &c.layer.entities {
        let in_claim = e.mentions.iter().any(|m| c.detection.span.contains(m.span));
        let wanted = matches!(e.kind, EntityKind::Person | EntityKind::Organization);
        if in_claim && wanted && !names.contains(&e.name) {
            names.push(e.name.clone());
        }
    }
    for name in names.iter().take(MAX_WIKIPEDIA_LINKS) {
        out.push(Link {
            label: format!("Wikipedia: {name}"),
            url: format!(
                "https://en.wikipedia.org/w/index.php?search={}",
                percent_encode(name)
            ),
        });
    }
    out.push(Link {
        label: "Search news coverage".to_string(),
        url: format!(
            "https://news.google.com/search?q={}",
            percent_encode(&query)
        ),
    });
    out
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
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_encoding_is_utf8_safe() {
        assert_eq!(percent_encode("a b“c”"), "a%20b%E2%80%9Cc%E2%80%9D");
    }

    #[test]
    fn intervals_read_naturally() {
        let d = |y, m, day| Date::new(y, m, day).unwrap();
        assert_eq!(describe_interval(d(2024, 1, 1), d(2024, 12, 31)), "2024");
        assert_eq!(
            describe_interval(d(2024, 2, 1), d(2024, 2, 29)),
            "February 2024"
        );
        assert_eq!(
            describe_interval(d(2025, 12, 21), d(2025, 12, 21)),
            "2025-12-21"
        );
        assert_eq!(
            describe_interval(d(2025, 12, 15), d(2025, 12, 21)),
            "2025-12-15 to 2025-12-21"
        );
    }

    #[test]
    fn checked_claims_are_not_quoted_twice() {
        assert_eq!(
            unquoted("\"We won in a landslide.\""),
            "We won in a landslide."
        );
        assert_eq!(unquoted("“Florida passes bill.”"), "Florida passes bill.");
        assert_eq!(unquoted("\"a\" and \"b\""), "\"a\" and \"b\"");
        assert_eq!(unquoted("Says X."), "Says X.");
    }

    #[test]
    fn search_phrases_are_cut_at_words() {
        assert_eq!(search_phrase("“Short claim.”", 200), "Short claim.");
        assert_eq!(search_phrase("one two three four", 9), "one two");
    }
}
