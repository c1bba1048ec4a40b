//! Regression tests on the reference page, `../shared/fixtures/seed-article.html`,
//! through the whole product pipeline (HTML snapshot → analysis JSON). They
//! need the shared fixture, and say so in their names.

use crate::analysis::{Analysis, Quote, SourcingKind};
use crate::snapshot::html::snapshot_from_html;

fn seed() -> Analysis {
    let bytes = crate::dev_data::read_seed_article();
    let snapshot =
        snapshot_from_html(&bytes, "https://example.test/seed").expect("the seed page parses");
    crate::analyze(&snapshot, &crate::Options::default()).expect("the seed page analyses")
}

fn direct<'a>(a: &'a Analysis, prefix: &str) -> &'a Quote {
    a.quotes
        .iter()
        .find(|q| q.direct && q.text.starts_with(prefix))
        .unwrap_or_else(|| panic!("no direct quote starting {prefix:?}"))
}

#[test]
fn shared_fixture_seed_every_direct_quote_has_its_speaker() {
    let a = seed();
    let expected: &[(&str, &str)] = &[
        ("Kushner has a bit more of a track record", "Ian Kelly"),
        ("trusted family member and talented adviser", "Anna Kelly"),
        ("often seek Mr. Kushner’s input", "Anna Kelly"),
        ("a world-class negotiator", "Tommy Pigott"),
        ("willingness to serve our country", "Tommy Pigott"),
        ("I was trained in foreign policy", "Jared Kushner"),
        ("What people call conflicts of interests", "Jared Kushner"),
        (
            "are undertaken in full compliance with the law",
            "David Warrington",
        ),
        ("Mr. Kushner has agreed to do so", "David Warrington"),
        ("I don’t see that the Witkoff approach", "Ian Kelly"),
        ("He doesn’t really read the Russians well", "Ian Kelly"),
        ("We always bring Jared", "Donald Trump"),
        ("We need that brain on occasion", "Donald Trump"),
        ("I’m gonna try to help set it up", "Jared Kushner"),
    ];
    for (prefix, speaker) in expected {
        let q = direct(&a, prefix);
        assert_eq!(q.speaker.as_deref(), Some(*speaker), "{prefix}: {q:?}");
    }
    // No direct quote is left without a speaker or an honest ambiguity.
    for q in a.quotes.iter().filter(|q| q.direct) {
        assert!(
            q.speaker.is_some() || (q.speaker_candidates.len() > 1 && q.attribution_note.is_some()),
            "{q:?}"
        );
    }
}

#[test]
fn shared_fixture_seed_shared_surname_is_decided_from_context_and_said_so() {
    let a = seed();
    let anna = direct(&a, "often seek Mr. Kushner’s input");
    assert_eq!(
        anna.speaker_role.as_deref(),
        Some("White House deputy press secretary")
    );
    // A speaker was chosen: no candidates beside it (the note says how).
    assert!(anna.speaker_candidates.is_empty(), "{anna:?}");
    assert!(anna
        .attribution_note
        .as_deref()
        .unwrap_or("")
        .contains("taken as Anna Kelly"));
    let ian = direct(&a, "I don’t see that the Witkoff approach");
    assert!(ian
        .speaker_role
        .as_deref()
        .unwrap_or("")
        .contains("retired career diplomat"));
    assert!(ian
        .attribution_note
        .as_deref()
        .unwrap_or("")
        .contains("taken as Ian Kelly"));
}

#[test]
fn shared_fixture_seed_show_title_is_not_a_quote() {
    let a = seed();
    assert!(
        a.quotes.iter().all(|q| !q.text.contains("60 Minutes")),
        "{:?}",
        a.quotes
    );
}

#[test]
fn shared_fixture_seed_anonymous_and_vague_sourcing_is_flagged() {
    let a = seed();
    let expected: &[(&str, SourcingKind)] = &[
        (
            "several current and former administration officials who spoke on condition of anonymity",
            SourcingKind::Anonymous,
        ),
        ("a Western diplomat", SourcingKind::Anonymous),
        ("some inside the administration", SourcingKind::Vague),
        ("Some Democrats and government oversight groups", SourcingKind::Vague),
    ];
    for (phrase, kind) in expected {
        let claim = a
            .claims
            .iter()
            .find(|c| {
                c.sourcing
                    .cue
                    .as_deref()
                    .is_some_and(|cue| cue.contains(phrase))
            })
            .unwrap_or_else(|| panic!("no claim sourced by {phrase:?}"));
        assert_eq!(claim.sourcing.kind, *kind, "{phrase}");
    }
}

#[test]
fn shared_fixture_seed_quoted_claims_carry_speaker_and_role() {
    let a = seed();
    let claim = a
        .claims
        .iter()
        .find(|c| c.text.contains("He doesn’t really read the Russians well"))
        .expect("the claim inside Kelly's quote");
    assert_eq!(claim.sourcing.kind, SourcingKind::Named);
    assert_eq!(claim.sourcing.speaker.as_deref(), Some("Ian Kelly"));
    assert!(claim.sourcing.speaker_role.is_some());
    // Narration with no source stays unattributed.
    let narration = a
        .claims
        .iter()
        .find(|c| c.text.starts_with("The American envoys held further talks"))
        .expect("a narrative sentence");
    assert_eq!(narration.sourcing.kind, SourcingKind::Unattributed);
}

/// Issue 17: a note said "Attributed to Anna Kelly" and "possibly Ian Kelly"
/// at once. Candidates are listed only when no speaker was chosen, for every
/// quote and every claim's sourcing.
#[test]
fn shared_fixture_seed_kelly_trap_takes_one_position() {
    let a = seed();
    for q in &a.quotes {
        assert!(
            q.speaker.is_none() || q.speaker_candidates.is_empty(),
            "{q:?}"
        );
    }
    for c in &a.claims {
        let s = &c.sourcing;
        assert!(
            s.speaker.is_none() || s.speaker_candidates.is_empty(),
            "{s:?}"
        );
    }
    // The Witkoff quotation: Ian Kelly, or explicitly open between both.
    let q = direct(&a, "I don’t see that the Witkoff approach");
    match q.speaker.as_deref() {
        Some(name) => assert_eq!(name, "Ian Kelly"),
        None => assert_eq!(q.speaker_candidates, ["Ian Kelly", "Anna Kelly"]),
    }
    let claim = a
        .claims
        .iter()
        .find(|c| c.text.contains("I don’t see that the Witkoff approach"))
        .expect("the claim of the Witkoff quotation");
    let text = &claim.note.sourcing.as_ref().expect("sourcing").text;
    assert!(
        text.contains("Ian Kelly") && !text.contains("Anna Kelly"),
        "{text}"
    );
}

/// Issue 17: "Kelly and other veteran diplomats remain skeptical" is a view
/// the article ascribes, not words on the record.
#[test]
fn shared_fixture_seed_view_ascribed_is_not_on_the_record() {
    let a = seed();
    let claim = a
        .claims
        .iter()
        .find(|c| {
            c.text
                .starts_with("Kelly and other veteran diplomats remain skeptical")
        })
        .expect("the skeptical diplomats claim");
    let text = &claim.note.sourcing.as_ref().expect("sourcing").text;
    assert!(
        text.contains("Ian Kelly") && !text.contains("on the record"),
        "{text}"
    );
    let said = a
        .claims
        .iter()
        .find(|c| c.text.contains("He doesn’t really read the Russians well"))
        .expect("Kelly's quotation");
    let text = &said.note.sourcing.as_ref().expect("sourcing").text;
    assert!(text.contains("on the record"), "{text}");
}
