//! The text layer as a reader meets it: figures and dates in the analysis
//! JSON, and the conformance suite (Microsoft Recognizers-Text spec cases,
//! `../shared/data/text_layer/recognizers`). Tests that need the shared
//! data are prefixed `data_`.

use std::path::PathBuf;

use claimlens::calendar::Date;
use claimlens::{analyze_text, Options};

use claimlens::dev_data::data_dir;

/// Regression: notes showed "second term" as "2 term", "20 or 30 years" as
/// "20 years" and "four to six services" as "4 services".
#[test]
fn analysis_figures_display_ranges_ordinals_and_signs_as_read() {
    let text = "The governor, who won a second term in 2020, said on Monday that \
                the state will spend $2.8 billion over the next 20 or 30 years to run \
                four to six services a day. The fund lost -12.99 percent last year, \
                officials said.";
    let options = Options {
        published: Date::new(2025, 12, 22),
        ..Options::default()
    };
    let analysis = analyze_text(text, &options);
    let quantities: Vec<_> = analysis
        .claims
        .iter()
        .flat_map(|c| c.quantities.iter())
        .collect();
    let display = |written: &str| {
        quantities
            .iter()
            .find(|q| q.text == written)
            .and_then(|q| q.display.clone())
            .unwrap_or_else(|| panic!("no figure “{written}” in {quantities:#?}"))
    };
    assert_eq!(display("second term"), "2nd term");
    assert_eq!(display("20 or 30 years"), "20–30 years");
    assert_eq!(display("four to six services"), "4–6 services");
    assert_eq!(display("$2.8 billion"), "USD 2.8 billion");
    assert_eq!(display("-12.99 percent"), "-12.99%");
    // The note lists figures to source as written; an ordinal is not one.
    let figures: Vec<&String> = analysis
        .claims
        .iter()
        .flat_map(|c| c.note.figures.iter())
        .collect();
    assert!(
        figures.iter().any(|f| *f == "20 or 30 years"),
        "{figures:?}"
    );
    assert!(!figures.iter().any(|f| f.contains("second")), "{figures:?}");
}

/// Regression: "was due to be released … in September", in a November 2019
/// article, resolved to September 2020.
#[test]
fn analysis_times_read_tense_and_nearby_anchors() {
    let text = "The album was due to be released by the label in September, the \
                company said. Sales rose 40 percent in 2017, marking a significant \
                increase from the previous year, according to the report.";
    let options = Options {
        published: Date::new(2019, 11, 20),
        ..Options::default()
    };
    let analysis = analyze_text(text, &options);
    let times: Vec<_> = analysis
        .claims
        .iter()
        .flat_map(|c| c.times.iter())
        .collect();
    let resolved = |written: &str| {
        times
            .iter()
            .find(|t| t.text == written)
            .and_then(|t| t.resolved.as_ref())
            .map(|i| format!("{}..{}", i.from, i.to))
            .unwrap_or_else(|| panic!("no resolved “{written}” in {times:#?}"))
    };
    assert_eq!(resolved("September"), "2019-09-01..2019-09-30");
    assert_eq!(resolved("the previous year"), "2016-01-01..2016-12-31");
}

/// The pass counts on the shared half of the spec cases, pinned from below:
/// an improvement raises them (update the pins), a regression fails here.
#[test]
fn data_text_conformance_pass_counts_do_not_regress() {
    let data = data_dir();
    let scores = claimlens::eval::text::score_all(&data).unwrap_or_else(|e| {
        panic!("this test needs ../shared/data/text_layer (set CLAIMLENS_DATA): {e}")
    });
    let pins: &[(&str, usize, usize)] = &[
        // (model, at least this many pass, of this many cases in scope)
        ("datetime", 169, 293),
        ("number", 103, 118),
        ("numberrange", 39, 44),
        ("percent", 8, 10),
        ("currency", 80, 90),
    ];
    for &(name, floor, total) in pins {
        let s = scores
            .iter()
            .find(|s| s.name == name)
            .unwrap_or_else(|| panic!("no score for {name}"));
        assert_eq!(s.total, total, "{name}: the spec files changed");
        assert!(
            s.passed >= floor,
            "{name}: {}/{} passed, below the pinned {floor}",
            s.passed,
            s.total
        );
    }
}

/// The label of a judged span that no figure may overlap.
const NOT_A_FIGURE: &str = "not a figure";

/// Judged excerpts from real pages (`tests/fixtures/text_layer/real-pages.jsonl`,
/// one reason per label): each figure's display reading, or each time's
/// interval, as a reader should get it; or [`NOT_A_FIGURE`].
#[test]
fn judged_real_page_figures_and_times_read_as_labelled() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/text_layer/real-pages.jsonl");
    let raw = std::fs::read_to_string(&path).expect("fixture readable");
    let mut checked = 0;
    for line in raw.lines().filter(|l| !l.trim().is_empty()) {
        let row: serde_json::Value = serde_json::from_str(line).expect("valid fixture line");
        let field = |k: &str| row[k].as_str().unwrap_or_default().to_string();
        let (text, span, expected) = (field("text"), field("span"), field("expected"));
        let published = claimlens::calendar::Date::parse_iso(&field("published"));
        let layer = claimlens::segment::analyse(
            &text,
            &[claimlens::spans::ByteSpan::new(0, text.len())],
            published,
        );
        if expected == NOT_A_FIGURE {
            let at = text.find(&span).expect("the judged span is in the text");
            let judged = claimlens::spans::ByteSpan::new(at, at + span.len());
            let overlapping: Vec<&str> = layer
                .quantities
                .iter()
                .filter(|q| q.span.start < judged.end && judged.start < q.span.end)
                .map(|q| q.span.of(&text))
                .collect();
            assert!(
                overlapping.is_empty(),
                "{}: “{span}” read as the figure {overlapping:?} ({})",
                field("page"),
                field("reason")
            );
            checked += 1;
            continue;
        }
        let figure = layer
            .quantities
            .iter()
            .find(|q| q.span.of(&text) == span)
            .and_then(|q| q.display());
        let time = layer
            .times
            .iter()
            .find(|t| t.span.of(&text) == span)
            .and_then(|t| t.resolved)
            .map(|(a, b)| format!("{a}..{b}"));
        let got = figure.or(time);
        assert_eq!(
            got.as_deref(),
            Some(expected.as_str()),
            "{}: “{span}” in {text:?} ({})",
            field("page"),
            field("reason")
        );
        checked += 1;
    }
    assert!(checked >= 10, "only {checked} judged rows");
}
