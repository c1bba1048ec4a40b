//! The English wording of the analysis: the one home of every English
//! sentence that the notes, the CLI's text report, the batch output and the
//! Python package show.
//!
//! The stages carry codes and figures ([`crate::analysis`]); [`fill`] words
//! them, reading nothing but the contract. The extension and the playground
//! word the same codes through `_locales` (`extension/_locales/en/messages.json`
//! says the same things), so everything said here can be said there.

use crate::analysis::{
    AnalysedPart, Analysis, AttributionBasis, AttributionCandidate, AttributionCode,
    AttributionNote, CheckCode, Claim, ClaimKind, CommentFinding, Conflict, FactCheckMatch,
    FactCheckStatus, Interval, LinkKind, MatchReason, MatchReasonCode, NoteCheck, NoteFactCheck,
    NoteSourcing, Notice, NoticeCode, Signal, SourcingCode,
};
use crate::calendar::{days_in_month, Date};

/// Words every code of `analysis` in its English fields (`notices`,
/// `signals`, the note's `summary`, `checks`, link labels, sourcing, time and
/// fact-check lines, attribution notes, the comment finding).
pub fn fill(analysis: &mut Analysis) {
    analysis.notices = analysis.notice_items.iter().map(notice).collect();
    for claim in &mut analysis.claims {
        fill_claim(claim);
    }
    for quote in &mut analysis.quotes {
        quote.attribution_note = quote.attribution.as_ref().map(attribution_note);
    }
    analysis.comments.finding = analysis
        .comments
        .finding_parts
        .as_ref()
        .map(comment_finding);
}

/// The notice of an analysis dated by the crawl date
/// (`NoticeCode::PublishedFromCrawlDate`).
pub const PUBLISHED_FALLBACK_NOTICE: &str =
    "The page gives no publication date; the date it was archived was used instead.";

/// A notice about the analysis as a whole: "The page is too large: …".
pub fn notice(notice: &Notice) -> String {
    let analysed = match (notice.analysed, notice.characters) {
        (Some(AnalysedPart::FirstCharacters), Some(n)) => format!(
            "only the first {} characters of the article were analysed",
            group_thousands(n)
        ),
        (Some(AnalysedPart::FirstCharacters), None) => {
            "only the first part of the article was analysed".to_string()
        }
        (Some(AnalysedPart::WholeArticle), Some(n)) => format!(
            "the article found in it ({} characters) was analysed",
            group_thousands(n)
        ),
        (Some(AnalysedPart::WholeArticle), None) => {
            "the article found in it was analysed".to_string()
        }
        (Some(AnalysedPart::NoArticle) | None, _) => {
            "no article was found in the part that was read".to_string()
        }
    };
    match (notice.code, notice.elements_read, notice.elements_total) {
        (NoticeCode::PageElementsCut, Some(read), Some(total)) => format!(
            "The page is too large: only its first {} of {} elements were read, and {analysed}.",
            group_thousands(read),
            group_thousands(total)
        ),
        (NoticeCode::PageElementsCut | NoticeCode::PagePartCut, _, _) => {
            format!("The page is too large: only its first part was read, and {analysed}.")
        }
        (NoticeCode::TextCut, _, _) => format!("The page is too large: {analysed}."),
        (NoticeCode::PublishedFromCrawlDate, _, _) => PUBLISHED_FALLBACK_NOTICE.to_string(),
        (NoticeCode::UnsupportedLanguage, _, _) => "This language is not yet supported: the article was extracted but not analysed for claims.".to_string(),
    }
}

/// 1234567 → "1,234,567".
fn group_thousands(n: u32) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(d);
    }
    out
}

/// Why an attribution is ambiguous, or how it was decided: "ambiguous
/// attribution: “Kelly” may be Ian Kelly (a retired diplomat) or Anna Kelly;
/// the context does not say which".
pub fn attribution_note(note: &AttributionNote) -> String {
    let word = note.word.as_deref().unwrap_or("");
    let names: Vec<String> = note.candidates.iter().map(|c| c.name.clone()).collect();
    match note.code {
        AttributionCode::FirstPerson => "the writer speaks in the first person".to_string(),
        AttributionCode::UnlinkedPronoun => {
            format!("“{word}” could not be linked to a named person")
        }
        AttributionCode::AmbiguousReference => format!(
            "ambiguous attribution: “{word}” may refer to {}",
            join(&names, "or")
        ),
        AttributionCode::SharedSurnameChosen => {
            let basis: Vec<&str> = note.basis.iter().map(|b| attribution_basis(*b)).collect();
            format!(
                "“{word}” is shared by {}; taken as {} ({})",
                join(&names, "and"),
                note.chosen.as_deref().unwrap_or(""),
                basis.join(", ")
            )
        }
        AttributionCode::SharedSurnameUndecided => {
            let described: Vec<String> = note.candidates.iter().map(described).collect();
            format!(
                "ambiguous attribution: “{word}” may be {}; the context does not say which",
                join(&described, "or")
            )
        }
    }
}

fn attribution_basis(basis: AttributionBasis) -> &'static str {
    match basis {
        AttributionBasis::Role => "its role",
        AttributionBasis::SameParagraph => "named earlier in the same paragraph",
        AttributionBasis::PreviousParagraph => "named in the previous paragraph",
        AttributionBasis::Description => "the surrounding sentences match the description",
    }
}

/// "Ian Kelly (a retired diplomat)".
fn described(candidate: &AttributionCandidate) -> String {
    match &candidate.role {
        Some(role) => format!("{} ({role})", candidate.name),
        None => candidate.name.clone(),
    }
}

/// "A, B or C".
fn join(names: &[String], word: &str) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} {word} {last}", init.join(", ")),
    }
}

/// The comment section's finding, one paragraph: "9 of 12 comments share
/// templated phrasing. … Repeated wording alone does not show who wrote them."
pub fn comment_finding(finding: &CommentFinding) -> String {
    let mut sentences = Vec::new();
    if finding.clustered > 0 {
        let clustered = group_thousands(finding.clustered);
        let n = group_thousands(finding.comments);
        sentences.push(if finding.near_copies {
            format!("{clustered} of {n} comments are near-copies of one another.")
        } else {
            format!("{clustered} of {n} comments share templated phrasing.")
        });
        let quoted: Vec<String> = finding
            .phrase_examples
            .iter()
            .map(|t| format!("“{t}”"))
            .collect();
        if !quoted.is_empty() {
            let list = join(&quoted, "and");
            sentences.push(if finding.phrases <= 1 {
                format!("The phrase {list} recurs in different comments.")
            } else {
                format!(
                    "{} stock phrases recur in different comments, such as {list}.",
                    group_thousands(finding.phrases)
                )
            });
        }
        // A frame or a burst is said with how many comments share it.
        if let Some(frame) = finding
            .frame
            .as_ref()
            .filter(|_| finding.frame_comments > 0)
        {
            sentences.push(format!(
                "{} comments follow the same sentence frame, “{frame}”.",
                group_thousands(finding.frame_comments)
            ));
        }
    }
    if let Some(time) = finding
        .burst_time
        .as_ref()
        .filter(|_| finding.burst_comments > 0)
    {
        sentences.push(format!(
            "{} comments were posted at the identical time, {time}.",
            group_thousands(finding.burst_comments)
        ));
    }
    sentences.push("Repeated wording alone does not show who wrote them.".to_string());
    sentences.join(" ")
}

fn fill_claim(claim: &mut Claim) {
    claim.sourcing.attribution_note = claim.sourcing.attribution.as_ref().map(attribution_note);
    claim.signals = claim
        .reasons
        .iter()
        .map(|r| signal(*r).to_string())
        .collect();
    for m in claim.matches.iter_mut().chain(claim.related.iter_mut()) {
        fill_why(m);
    }
    // The note's fact-check lines are parallel to `matches` and `related`.
    for (line, m) in claim.note.fact_checks.iter_mut().zip(&claim.matches) {
        line.why = m.why.clone();
    }
    for (line, m) in claim.note.related.iter_mut().zip(&claim.related) {
        line.why = m.why.clone();
    }
    let note = &mut claim.note;
    for time in &mut note.times {
        time.display = time_display(&time.text, time.resolved.as_ref());
    }
    if let Some(sourcing) = &mut note.sourcing {
        if sourcing.carried && sourcing.cue.is_none() {
            sourcing.cue = Some(CARRIED_CUE.to_string());
        }
        sourcing.text = sourcing_line(sourcing, &claim.sourcing.speaker_candidates);
    }
    note.checks = note.check_items.iter().map(check).collect();
    for link in &mut note.links {
        if let Some(kind) = link.kind {
            link.label = link_label(kind, link.subject.as_deref());
        }
    }
    for line in &mut note.fact_checks {
        line.text = fact_check_line(line);
    }
    for line in &mut note.related {
        line.text = related_line(line);
    }
    claim.note.summary = summary(claim);
}

/// Words a match's `reasons` in its `why` (for fact-checks matched outside an
/// analysis too: the CLI's `match` command).
pub fn fill_why(m: &mut FactCheckMatch) {
    m.why = m.reasons.iter().map(match_reason).collect();
}

/// Why a fact-check matched: "shares the words “murders”, “Chicago”".
pub fn match_reason(reason: &MatchReason) -> String {
    match reason.code {
        MatchReasonCode::SharedWords => {
            let words: Vec<String> = reason.words.iter().map(|w| format!("“{w}”")).collect();
            format!("shares the words {}", words.join(", "))
        }
        MatchReasonCode::KeyTermsCovered => format!(
            "{}% of the fact-checked claim's key terms appear in the sentence",
            reason.percent.unwrap_or(0)
        ),
        MatchReasonCode::SameNames => "the same names appear".to_string(),
        MatchReasonCode::SameFigures => "the same figures appear".to_string(),
        MatchReasonCode::CheckedSoonAfter => {
            "checked within 30 days of the article's date".to_string()
        }
        MatchReasonCode::CloseInMeaning => {
            "is close in meaning to the fact-checked claim, though worded differently".to_string()
        }
    }
}

/// The cue of a quotation that carries on the previous paragraph's speaker.
const CARRIED_CUE: &str = "(from the previous quote)";

/// A reason behind a score.
pub fn signal(signal: Signal) -> &'static str {
    match signal {
        Signal::Figure => "contains a figure",
        Signal::DatedEvent => "reports an event with a date",
        Signal::Date => "mentions a date or time",
        Signal::Official => "names an official",
        Signal::NamedPerson => "names a person, organisation or place",
        Signal::ReportingVerb => "reports what someone said",
        Signal::DirectQuote => "quotes someone directly",
        Signal::Comparative => "makes a comparison",
        Signal::Change => "describes a rise or fall",
        Signal::Causal => "says what caused something",
        Signal::Prediction => "predicts what will happen",
        Signal::Rule => "refers to a law, vote or rule",
        Signal::PastEvent => "reports something that happened",
        Signal::PolicyTopic => "is about a topic fact-checkers cover",
        Signal::Hedge => "is hedged or speculative",
        Signal::Opinion => "expresses an opinion",
        Signal::FirstPerson => "speaks in the first person",
        Signal::Audience => "addresses the audience",
        Signal::Question => "is a question",
        Signal::Rhetoric => "is rhetorical",
        Signal::Boilerplate => "is a greeting or formality",
        Signal::Negation => "is a denial or negation",
        Signal::Generalisation => "generalises (all, every, never)",
        Signal::Short => "is too short to state a checkable fact",
        Signal::ClaimWording => "is worded like claims fact-checkers check",
        Signal::ChatWording => "is worded like conversation or opinion",
        Signal::ClaimMeaning => "means the kind of thing fact-checkers check",
        Signal::ChatMeaning => "reads as commentary or conversation, not a checkable fact",
    }
}

/// What sets a related fact-check's claim apart, after "Not this claim: ".
pub fn conflict(conflict: Conflict) -> &'static str {
    match conflict {
        Conflict::Figures => "its figures differ",
        Conflict::Years => "it is about another year",
        Conflict::Names => "it is about other people or places",
        Conflict::Claimant => "it was said by someone else",
        Conflict::ClaimantAbsent => "it is about its speaker, who is not in this sentence",
        Conflict::LaterClaim => "it checks a statement made after this article",
    }
}

/// The claim's first kind, opening the summary.
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

/// "Attributed to Jane Doe (Mayor), on the record." An open choice names
/// the `candidates`.
fn sourcing_line(s: &NoteSourcing, candidates: &[String]) -> String {
    let who = match (&s.speaker, &s.role) {
        (Some(name), Some(role)) => format!("{name} ({role})"),
        (Some(name), None) => name.clone(),
        (None, _) => String::new(),
    };
    let quoted_cue = s.cue.as_deref().map(|cue| format!(" (“{cue}”)"));
    match s.code.unwrap_or(SourcingCode::Unattributed) {
        SourcingCode::NamedUnclear => format!(
            "Who said this is unclear: {}; the article does not say which.",
            candidates.join(" or ")
        ),
        // An unlinked pronoun ("he said", no one to link it to): the article
        // names someone, but the note must not pretend to know who.
        SourcingCode::NamedUnknown => {
            "Who said this is unclear: the article does not name the speaker here.".to_string()
        }
        SourcingCode::NamedCarried => {
            format!("Attributed to {who} (from the previous quote), on the record.")
        }
        SourcingCode::NamedOnRecord => format!("Attributed to {who}, on the record."),
        SourcingCode::NamedView => {
            format!("Attributed to {who}: the article reports this view, not their words.")
        }
        SourcingCode::Anonymous => format!(
            "Attributed to an anonymous source{}.",
            quoted_cue.unwrap_or_default()
        ),
        SourcingCode::Vague => format!(
            "Attributed vaguely{}: no one is named.",
            quoted_cue.unwrap_or_default()
        ),
        SourcingCode::Outlet => "Asserted by the publication itself.".to_string(),
        SourcingCode::Unattributed => "Not attributed to anyone.".to_string(),
    }
}

/// One line: what the claim is, how it is sourced, what fact-checkers said.
fn summary(claim: &Claim) -> String {
    let note = &claim.note;
    let kind = claim
        .kinds
        .first()
        .map_or("A statement", |k| kind_label(*k));
    let source = note.sourcing.as_ref().map_or("", |s| s.text.as_str());
    let mut out = format!("{kind}. {}.", source.trim_end_matches('.'));
    match note.fact_check_status {
        FactCheckStatus::Matched => {
            if let Some(first) = claim.matches.first() {
                out.push(' ');
                out.push_str(&match_sentence(
                    first.publisher.as_deref(),
                    first.verdict.as_deref(),
                    first.date.as_deref(),
                ));
            }
            match (claim.matches.len(), note.consensus.as_deref()) {
                (0 | 1, _) => {}
                // "1 more fact-check agrees", never "1 more fact-checks agree".
                (2, Some("agree")) => out.push_str(" 1 more fact-check agrees."),
                (n, Some("agree")) => out.push_str(&format!(" {} more fact-checks agree.", n - 1)),
                (_, Some("disagree")) => out.push_str(" Fact-checkers disagree: see each verdict."),
                (2, _) => out.push_str(" 1 more fact-check found."),
                (n, _) => out.push_str(&format!(" {} more fact-checks found.", n - 1)),
            }
        }
        FactCheckStatus::NoneFound => {
            out.push_str(" No published fact-check of this claim found in the loaded packs.");
            match note.related.len() {
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

/// "PolitiFact rated this claim “False” (2019-10-29)." Only the record's words.
fn match_sentence(publisher: Option<&str>, verdict: Option<&str>, date: Option<&str>) -> String {
    let who = publisher.unwrap_or("A fact-checker");
    let when = date.map(|d| format!(" ({d})")).unwrap_or_default();
    match verdict {
        Some(verdict) => format!("{who} rated this claim “{verdict}”{when}."),
        None => format!("{who} checked this claim{when}; the record states no verdict."),
    }
}

/// The verdict and the checked claim of a fact-check of this very claim.
fn fact_check_line(fc: &NoteFactCheck) -> String {
    let mut text = match_sentence(
        fc.publisher.as_deref(),
        fc.verdict.as_deref(),
        fc.date.as_deref(),
    );
    text.push_str(&format!(" Checked claim: “{}”", unquoted(&fc.claim)));
    if let Some(by) = &fc.claimant {
        text.push_str(&format!(" (by {by})"));
    }
    text.push('.');
    text
}

/// "PolitiFact checked a related claim (2019-10-29): “…”. Not this claim:
/// its figures differ." Never the verdict: it belongs to another claim.
fn related_line(fc: &NoteFactCheck) -> String {
    let who = fc.publisher.as_deref().unwrap_or("A fact-checker");
    let when = fc
        .date
        .as_deref()
        .map(|d| format!(" ({d})"))
        .unwrap_or_default();
    let mut text = format!(
        "{who} checked a related claim{when}: “{}”",
        unquoted(&fc.claim)
    );
    if let Some(by) = &fc.claimant {
        text.push_str(&format!(" (by {by})"));
    }
    text.push('.');
    let differences: Vec<&str> = fc.conflicts.iter().map(|c| conflict(*c)).collect();
    if !differences.is_empty() {
        text.push_str(&format!(" Not this claim: {}.", differences.join("; ")));
    }
    text
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

fn check(item: &NoteCheck) -> String {
    let subject = item.subject.as_deref();
    match item.code {
        CheckCode::ReadFactCheck => {
            "Read the fact-check, and confirm it covers this claim as the article states it."
                .to_string()
        }
        CheckCode::RelatedOnly => "The fact-checks listed are about a related claim, not this one: their verdicts do not apply here.".to_string(),
        CheckCode::SourceFigure => {
            format!("Find the original source of the figure “{}”.", subject.unwrap_or(""))
        }
        CheckCode::ConfirmTiming => format!(
            "Confirm the timing: {}.",
            time_display(subject.unwrap_or(""), item.resolved.as_ref())
        ),
        CheckCode::PinDownTime => format!("Pin down when “{}” was.", subject.unwrap_or("")),
        CheckCode::FindOnRecordSource => {
            "Look for an on-the-record source confirming this.".to_string()
        }
        CheckCode::ConfirmSpeaker => match subject {
            Some(speaker) => format!("Check that {speaker} said this, in this context."),
            None => "Check that the quoted person said this, in this context.".to_string(),
        },
        CheckCode::FindEvidence => {
            "Look for the evidence behind this: the article names no source.".to_string()
        }
    }
}

fn link_label(kind: LinkKind, subject: Option<&str>) -> String {
    let checker = subject.unwrap_or("the fact-checker");
    match kind {
        LinkKind::FactCheck => format!("Read the fact-check by {checker}"),
        LinkKind::RelatedFactCheck => format!("Read the related fact-check by {checker}"),
        LinkKind::FactCheckSearch => "Search Google Fact Check Explorer".to_string(),
        LinkKind::Wikipedia => format!("Wikipedia: {}", subject.unwrap_or("")),
        LinkKind::NewsSearch => "Search news coverage".to_string(),
    }
}

/// "“last year” → 2024", or that it could not be placed.
fn time_display(written: &str, resolved: Option<&Interval>) -> String {
    match resolved {
        Some(interval) => format!("“{written}” → {}", describe_interval(interval)),
        None => format!("“{written}” could not be placed on the calendar"),
    }
}

/// "2024", "December 2024", "2024-12-21", or "2024-12-01 to 2024-12-07".
fn describe_interval(interval: &Interval) -> String {
    let (Some(from), Some(to)) = (
        Date::parse_iso(&interval.from),
        Date::parse_iso(&interval.to),
    ) else {
        return format!("{} to {}", interval.from, interval.to);
    };
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
        let name = crate::calendar::MONTH_NAMES[(from.month as usize).saturating_sub(1) % 12];
        let mut letters = name.chars();
        let capital: String = letters
            .next()
            .into_iter()
            .flat_map(char::to_uppercase)
            .collect();
        return format!("{capital}{} {}", letters.as_str(), from.year);
    }
    format!("{from} to {to}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn interval(from: &str, to: &str) -> Interval {
        Interval {
            from: from.to_string(),
            to: to.to_string(),
        }
    }

    #[test]
    fn intervals_read_naturally() {
        assert_eq!(
            describe_interval(&interval("2024-01-01", "2024-12-31")),
            "2024"
        );
        assert_eq!(
            describe_interval(&interval("2024-02-01", "2024-02-29")),
            "February 2024"
        );
        assert_eq!(
            describe_interval(&interval("2025-12-21", "2025-12-21")),
            "2025-12-21"
        );
        assert_eq!(
            describe_interval(&interval("2025-12-15", "2025-12-21")),
            "2025-12-15 to 2025-12-21"
        );
    }

    #[test]
    fn a_related_fact_check_is_worded_from_its_fields_without_a_verdict() {
        let line = NoteFactCheck {
            publisher: Some("PolitiFact".into()),
            verdict: None,
            date: Some("2019-10-29".into()),
            url: None,
            claim: "“Two soldiers were killed in 2019.”".into(),
            why: Vec::new(),
            text: String::new(),
            claimant: Some("Jane Doe".into()),
            conflicts: vec![Conflict::Figures, Conflict::Years],
        };
        assert_eq!(
            related_line(&line),
            "PolitiFact checked a related claim (2019-10-29): “Two soldiers were killed in 2019.” \
             (by Jane Doe). Not this claim: its figures differ; it is about another year."
        );
    }

    #[test]
    fn checks_are_worded_from_their_code_and_subject() {
        let timing = NoteCheck {
            code: CheckCode::ConfirmTiming,
            subject: Some("last year".into()),
            resolved: Some(interval("2024-01-01", "2024-12-31")),
        };
        assert_eq!(check(&timing), "Confirm the timing: “last year” → 2024.");
        let speaker = NoteCheck {
            code: CheckCode::ConfirmSpeaker,
            subject: None,
            resolved: None,
        };
        assert_eq!(
            check(&speaker),
            "Check that the quoted person said this, in this context."
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
}
