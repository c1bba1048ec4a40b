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
