//! The check-worthiness stage end to end: the seed article, the `score` CLI
//! contract, and non-claims never flagged.

use std::path::PathBuf;

use claimlens::detect::{self, ClaimKind, Signal};
use claimlens::snapshot::html::snapshot_from_html;

/// ../shared beside the repository, or $CLAIMLENS_SHARED (for a git worktree).
fn shared(relative: &str) -> PathBuf {
    let path = claimlens::dev_data::shared_dir().join(relative);
    assert!(
        path.exists(),
        "{} is missing: this test needs ../shared (or set CLAIMLENS_SHARED)",
        path.display()
    );
    path
}

fn seed_article() -> claimlens::Analysis {
    let bytes = std::fs::read(shared("fixtures/seed-article.html")).unwrap();
    let snapshot = snapshot_from_html(&bytes, "https://example.com/kushner").unwrap();
    claimlens::analyze(&snapshot, &claimlens::Options::default()).unwrap()
}

fn score_of(analysis: &claimlens::Analysis, fragment: &str) -> f32 {
    analysis
        .claims
        .iter()
        .find(|c| c.text.contains(fragment))
        .unwrap_or_else(|| panic!("no sentence contains {fragment:?}"))
        .score
}

#[test]
fn data_seed_article_ranks_figures_dates_and_events_above_commentary() {
    let analysis = seed_article();
    let facts = [
        "$2 billion investment",
        "20-point peace plan",
        "invasion in February 2022",
        "The lengthy session Saturday",
        "further talks with Dmitriev on Sunday",
        "hosted Russian negotiator Kirill Dmitriev in Miami",
    ];
    let commentary = [
        "We need that brain on occasion",
        "the Witkoff approach is going to work",
        "He doesn’t really read the Russians well",
        "remain skeptical about Kushner’s ability",
    ];
    let lowest_fact = facts
        .iter()
        .map(|f| (score_of(&analysis, f), *f))
        .min_by(|a, b| a.0.total_cmp(&b.0))
        .unwrap();
    let highest_opinion = commentary
        .iter()
        .map(|f| (score_of(&analysis, f), *f))
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .unwrap();
    assert!(
        lowest_fact.0 > highest_opinion.0,
        "fact {lowest_fact:?} ranks below commentary {highest_opinion:?}"
    );
    let money = analysis
        .claims
        .iter()
        .find(|c| c.text.contains("$2 billion"))
        .unwrap();
    assert!(money.checkworthy);
    assert!(money.kinds.iter().any(|k| k.as_str() == "quantity"));
    assert!(
        money.signals.iter().any(|s| s == "contains a figure"),
        "{:?}",
        money.signals
    );
}

#[test]
fn data_seed_article_comment_section_makes_no_claims() {
    let analysis = seed_article();
    assert!(
        analysis.comments.count >= 12,
        "the fixture's comments were not found"
    );
    let article = &analysis.article.text;
    for claim in &analysis.claims {
        assert!(
            article.contains(&claim.text),
            "claim outside the article: {:?}",
            claim.text
        );
        for comment in &analysis.comments.items {
            assert!(
                !comment.text.contains(&claim.text),
                "claim {:?} comes from a comment",
                claim.text
            );
        }
    }
}

#[test]
fn non_claims_are_never_checkworthy_even_with_figures() {
    let model = detect::default_model().unwrap();
    let encoder = claimlens::encode::builtin();
    let table: &[(&str, ClaimKind)] = &[
        (
            "Did unemployment really fall to 3.5 percent in 2019?",
            ClaimKind::Question,
        ),
        (
            "Thank you, and good evening from the 2016 debate in Las Vegas.",
            ClaimKind::Boilerplate,
        ),
        ("(APPLAUSE)", ClaimKind::Boilerplate),
    ];
    for (sentence, kind) in table {
        // Even at a threshold of zero, a non-claim is not flagged.
        let d = detect::assess_sentence(model, sentence, Some(0.0), encoder.as_deref());
        assert_eq!(d.kinds, vec![*kind], "{sentence:?}");
        assert!(!d.checkworthy, "{sentence:?}");
        assert_eq!(
            d.signals.first(),
            Some(&match kind {
                ClaimKind::Question => Signal::Question,
                _ => Signal::Boilerplate,
            })
        );
    }
}

#[test]
fn scores_are_calibrated_probabilities_ordered_by_evidence() {
    let model = detect::default_model().unwrap();
    let encoder = claimlens::encode::builtin();
    let score = |s: &str| detect::assess_sentence(model, s, None, encoder.as_deref()).score;
    let fact = score("Unemployment fell from 10 percent in 2009 to 4.7 percent in 2016.");
    let opinion = score("I think we need to be much more careful.");
    assert!((0.0..=1.0).contains(&fact) && (0.0..=1.0).contains(&opinion));
    assert!(
        fact > 0.8 && opinion < 0.2,
        "fact {fact}, opinion {opinion}"
    );
}

#[test]
fn score_cli_writes_one_line_per_input_line_in_order() {
    let dir = std::env::temp_dir().join(format!("claimlens-score-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let input = dir.join("lines.txt");
    std::fs::write(
        &input,
        "The deficit doubled to $1.4 trillion in 2009.\n\nWhat do you think?\r\n\\\"We cut taxes by 20 percent.\\\"\nThank you.",
    )
    .unwrap();
    let mut out = Vec::new();
    claimlens::cli::run(
        vec!["score".into(), input.clone().into_os_string()],
        &mut out,
    )
    .unwrap();
    let out = String::from_utf8(out).unwrap();
    let rows: Vec<(f32, &str)> = out
        .lines()
        .map(|l| {
            let (score, flag) = l.split_once('\t').expect("score<TAB>flag");
            (score.parse().unwrap(), flag)
        })
        .collect();
    assert_eq!(rows.len(), 5, "{out}");
    assert_eq!(rows[0].1, "1");
    assert_eq!(rows[1].1, "0");
    assert_eq!(rows[2].1, "0");
    assert_eq!(rows[3].1, "1");
    assert_eq!(rows[4].1, "0");
    assert!(rows.iter().all(|(s, _)| (0.0..=1.0).contains(s)));

    let err = claimlens::cli::run(
        vec!["score".into(), dir.join("missing.txt").into_os_string()],
        &mut Vec::new(),
    )
    .unwrap_err();
    assert!(err.to_string().contains("no such file"), "{err}");
    std::fs::write(&input, [0xff, 0xfe, b'\n']).unwrap();
    let err = claimlens::cli::run(
        vec!["score".into(), input.into_os_string()],
        &mut Vec::new(),
    )
    .unwrap_err();
    assert!(err.to_string().contains("UTF-8"), "{err}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn data_shipped_model_meets_the_dev_f1_target() {
    use claimlens::detect::dataset::{load_ct24, CT24_DEV};
    use claimlens::detect::train::{prf, roc_auc};
    let rows = load_ct24(&shared("data").join(CT24_DEV)).unwrap();
    let model = detect::default_model().unwrap();
    let encoder = claimlens::encode::builtin();
    let detections: Vec<_> = rows
        .iter()
        .map(|r| detect::assess_sentence(model, &r.text, None, encoder.as_deref()))
        .collect();
    let labels: Vec<bool> = rows.iter().map(|r| r.label).collect();
    let flagged: Vec<bool> = detections.iter().map(|d| d.checkworthy).collect();
    let scores: Vec<f32> = detections.iter().map(|d| d.score).collect();
    let f1 = prf(&flagged, &labels).f1;
    assert!(f1 >= 0.85, "ct24_dev F1 {f1:.3} fell below the 0.85 target");
    assert!(roc_auc(&scores, &labels) >= 0.95);
}

/// The judged quips and claims of issue 16 (tests/fixtures/checkworthiness):
/// quips and rhetorical questions are never flagged and score low unless
/// their kind says they are no claim; clear claims are caught.
#[test]
fn quips_score_low_and_clear_claims_are_caught() {
    use claimlens::eval::judged_checkworthiness::{behaves_as_judged, judged, Label};
    let model = detect::default_model().unwrap();
    let encoder = claimlens::encode::builtin();
    assert!(detect::usable_encoder(model, encoder.as_deref()).is_some());
    let judged = judged().unwrap();
    let count = |label| judged.iter().filter(|j| j.label == label).count();
    assert!(count(Label::Claim) >= 7 && count(Label::Quip) >= 12);
    for j in judged.iter().filter(|j| j.label != Label::Miss) {
        let d = detect::assess_sentence(model, j.sentence, None, encoder.as_deref());
        assert!(
            behaves_as_judged(model, j, &d),
            "{:?} ({:?}: {}) scored {:.3} as {:?}, signals {:?}",
            j.sentence,
            j.label,
            j.reason,
            d.score,
            d.kinds,
            d.signals
        );
    }
}

/// A quip built like the issue's ("if we were any higher, we'd be North
/// Dakota") is rhetoric, and a rhetorical question a question: the kind is
/// the first reason the note gives for not flagging them.
#[test]
fn quips_are_told_apart_by_their_kind() {
    let model = detect::default_model().unwrap();
    let encoder = claimlens::encode::builtin();
    for (sentence, kind, signal) in [
        (
            "If we were any higher, we'd be North Dakota.",
            ClaimKind::Rhetoric,
            Signal::Rhetoric,
        ),
        (
            "If he were any more relaxed, he'd be asleep.",
            ClaimKind::Rhetoric,
            Signal::Rhetoric,
        ),
        (
            "What could possibly go wrong?",
            ClaimKind::Question,
            Signal::Question,
        ),
    ] {
        let d = detect::assess_sentence(model, sentence, Some(0.0), encoder.as_deref());
        assert!(!d.checkworthy, "{sentence:?} flagged even at threshold 0");
        assert!(d.kinds.contains(&kind), "{sentence:?}: {:?}", d.kinds);
        assert_eq!(d.signals.first(), Some(&signal), "{sentence:?}");
    }
}

#[test]
fn without_the_encoder_the_model_falls_back_and_still_scores() {
    let model = detect::default_model().unwrap();
    let sentence = "Unemployment fell from 10 percent in 2009 to 4.7 percent in 2016.";
    let with = detect::assess_sentence(
        model,
        sentence,
        None,
        claimlens::encode::builtin().as_deref(),
    );
    let without = detect::assess_sentence(model, sentence, None, None);
    assert!(with.checkworthy && without.checkworthy);
    assert_ne!(
        with.score, without.score,
        "the fallback is its own calibration"
    );
    let quip = detect::assess_sentence(model, "Isn't that something?", None, None);
    assert!(!quip.checkworthy);
}

/// The shipped model is exactly what the documented command makes from the
/// data (`claimlens train checkworthiness --data ../shared/data --out …`), so
/// it can be rebuilt and audited, and a change to the features or the
/// trainer cannot ship with a stale model.
#[test]
fn data_shipped_model_rebuilds_byte_for_byte_with_claimlens_train() {
    let out = std::env::temp_dir().join(format!("claimlens-cw-{}.model", std::process::id()));
    let mut log = Vec::new();
    claimlens::cli::run(
        vec![
            "train".into(),
            "checkworthiness".into(),
            "--data".into(),
            shared("data").into_os_string(),
            "--out".into(),
            out.clone().into_os_string(),
        ],
        &mut log,
    )
    .unwrap();
    let rebuilt = std::fs::read(&out).unwrap();
    std::fs::remove_file(&out).unwrap();
    let shipped = detect::embedded_model_bytes();
    assert!(
        rebuilt == shipped,
        "assets/checkworthiness.model is stale ({} bytes shipped, {} rebuilt): rerun `claimlens train checkworthiness --data ../shared/data --out assets/checkworthiness.model` and set DEFAULT_THRESHOLD\n{}",
        shipped.len(),
        rebuilt.len(),
        String::from_utf8_lossy(&log)
    );
}
