//! The English table words a note from its codes alone: the saved analysis
//! of `tests/fixtures/notes/wording.html`, its English sentences blanked and
//! worded again by `claimlens::english::fill`, is the same analysis. The
//! extension words the same file through `_locales`
//! (`tests/unit/note-wording.test.mjs`), so both say the same sentences.

use claimlens::Analysis;

fn saved() -> Analysis {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/notes/wording.analysis.json"
    );
    let json = std::fs::read_to_string(path).expect("the saved analysis");
    serde_json::from_str(&json).expect("a claimlens/analysis@1 document")
}

#[test]
fn english_is_worded_from_the_codes_alone() {
    let saved = saved();
    let mut blank = saved.clone();
    for claim in &mut blank.claims {
        claim.signals.clear();
        for m in claim.matches.iter_mut().chain(claim.related.iter_mut()) {
            m.why.clear();
        }
        let note = &mut claim.note;
        note.summary.clear();
        note.checks.clear();
        for link in &mut note.links {
            link.label.clear();
        }
        for line in note.fact_checks.iter_mut().chain(note.related.iter_mut()) {
            line.text.clear();
            line.why.clear();
        }
        for time in &mut note.times {
            time.display.clear();
        }
        if let Some(sourcing) = &mut note.sourcing {
            sourcing.text.clear();
            if sourcing.carried {
                sourcing.cue = None;
            }
        }
    }
    claimlens::english::fill(&mut blank);
    assert_eq!(blank, saved);
}

#[test]
fn the_saved_analysis_covers_the_codes_the_extension_words() {
    let saved = saved();
    let notes: Vec<_> = saved.claims.iter().map(|c| &c.note).collect();
    assert!(
        notes.iter().any(|n| !n.fact_checks.is_empty()),
        "a matched claim"
    );
    assert!(
        notes
            .iter()
            .any(|n| n.related.iter().any(|r| !r.conflicts.is_empty())),
        "a related fact-check and what sets it apart"
    );
    let codes: Vec<_> = notes
        .iter()
        .filter_map(|n| n.sourcing.as_ref()?.code)
        .collect();
    for code in [
        "named_on_record",
        "named_carried",
        "named_view",
        "anonymous",
        "vague",
        "unattributed",
    ] {
        assert!(
            codes
                .iter()
                .any(|c| serde_json::to_value(c).ok() == Some(code.into())),
            "{code}"
        );
    }
}

/// `tests/fixtures/notes/page-wording.json`: attribution notes, comment
/// findings and notices as codes, with the English they are worded in. The
/// extension words the same items (`tests/unit/note-wording.test.mjs`).
#[derive(serde::Deserialize)]
struct PageWording {
    attribution: Vec<AttributionCase>,
    comment_findings: Vec<FindingCase>,
    notices: Vec<NoticeCase>,
}

#[derive(serde::Deserialize)]
struct AttributionCase {
    attribution: claimlens::analysis::AttributionNote,
    english: String,
}

#[derive(serde::Deserialize)]
struct FindingCase {
    finding: claimlens::analysis::CommentFinding,
    english: String,
}

#[derive(serde::Deserialize)]
struct NoticeCase {
    notice: claimlens::analysis::Notice,
    english: String,
}

fn page_wording() -> PageWording {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/notes/page-wording.json"
    );
    let json = std::fs::read_to_string(path).expect("the saved codes");
    serde_json::from_str(&json).expect("attribution notes, findings and notices")
}

#[test]
fn attribution_notes_findings_and_notices_are_worded_from_their_codes() {
    let cases = page_wording();
    for case in &cases.attribution {
        assert_eq!(
            claimlens::english::attribution_note(&case.attribution),
            case.english
        );
    }
    for case in &cases.comment_findings {
        assert_eq!(
            claimlens::english::comment_finding(&case.finding),
            case.english
        );
    }
    for case in &cases.notices {
        assert_eq!(claimlens::english::notice(&case.notice), case.english);
    }
    let codes: std::collections::BTreeSet<String> = cases
        .attribution
        .iter()
        .map(|c| format!("{:?}", c.attribution.code))
        .chain(cases.notices.iter().map(|c| format!("{:?}", c.notice.code)))
        .collect();
    assert_eq!(
        codes.len(),
        5 + 5,
        "every attribution and notice code: {codes:?}"
    );
}

/// Regression: a text cut by `analyze_text` said "the article found in it
/// (N characters) was analysed", as if the whole article had been.
#[test]
fn a_cut_text_says_only_its_first_characters_were_analysed() {
    // The notice's code and figures, and its English beside them.
    let options = claimlens::Options {
        max_text_bytes: 2_000,
        ..claimlens::Options::default()
    };
    let text = "The council voted 30 to 12 to raise the sales tax in December 2018.\n\n".repeat(60);
    let a = claimlens::analyze_text(&text, &options);
    let cut = a.notice_items.first().expect("a notice of the cut");
    assert_eq!(cut.code, claimlens::analysis::NoticeCode::TextCut);
    assert_eq!(
        cut.analysed,
        Some(claimlens::analysis::AnalysedPart::FirstCharacters)
    );
    assert!(cut.characters.is_some_and(|n| n <= 2_000), "{cut:?}");
    assert_eq!(a.notices, vec![claimlens::english::notice(cut)]);
    assert!(
        a.notices[0].starts_with("The page is too large: only the first "),
        "{:?}",
        a.notices
    );
}
