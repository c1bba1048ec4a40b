//! Broken fact-check files, through the importers and `claimlens index build`:
//! bad records are reported with their line or index and reason, good ones
//! are kept, and a file that cannot be read at all changes nothing.

use std::path::{Path, PathBuf};

use claimlens::verify::import::{self, ImportError};
use claimlens::verify::Pack;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/factchecks")
        .join(name)
}

fn import_fixture(name: &str) -> Result<import::ImportReport, ImportError> {
    let path = fixture(name);
    let bytes = std::fs::read(&path).expect("fixture exists");
    import::import(name, &bytes).map(|(_, report)| report)
}

fn issues(report: &import::ImportReport) -> Vec<String> {
    report.issues.iter().map(|i| i.to_string()).collect()
}

#[test]
fn jsonl_with_bad_lines_keeps_the_good_ones_and_names_each_bad_line() {
    let report = import_fixture("mixed-good-and-bad.jsonl").unwrap();
    let ids: Vec<&str> = report.records.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, ["ok-1", "bad-date", "vclaim-sno-ok-2"]);
    assert_eq!(
        issues(&report),
        [
            "line 2: `claim` is a number, not text (record skipped)",
            "line 3: `stated` is not “stated on DATE in PLACE”: “stated on the 45th of Smarch” (field dropped)",
            "line 4: no `claim` (record skipped)",
            "line 5: not valid JSON: the text ends early (truncated?) at column 49 (record skipped)",
        ]
    );
}

#[test]
fn a_non_utf8_line_is_one_bad_record() {
    let report = import_fixture("not-utf8-line.jsonl").unwrap();
    assert_eq!(report.records.len(), 1);
    assert_eq!(
        issues(&report),
        ["line 1: the line is not UTF-8 text (record skipped)"]
    );
}

#[test]
fn wrong_types_bad_dates_and_missing_fields_in_json_ld() {
    let report = import_fixture("wrong-types.json").unwrap();
    assert_eq!(report.records.len(), 1);
    assert_eq!(report.other_nodes, 1);
    let fc = &report.records[0];
    assert_eq!(fc.claim_reviewed, "Wind turbines cause cancer.");
    assert_eq!(fc.review_rating.alternate_name.as_deref(), Some("False"));
    assert_eq!(fc.review_rating.best_rating, Some(5.0));
    assert_eq!(fc.review_rating.rating_value, None);
    assert_eq!(fc.date_published, None);
    assert_eq!(
        issues(&report),
        [
            "@graph[1]: `claimReviewed` is a list, not text (record skipped)",
            "@graph[2]: `datePublished` is not a date: “yesterday-ish” (field dropped)",
            "@graph[2]: reviewRating: `ratingValue` is not a usable number (field dropped)",
            "@graph[2]: itemReviewed: `datePublished` is not a date: “2019-02-30” (field dropped)",
            "@graph[3]: no `claimReviewed`: the claim is missing (record skipped)",
        ]
    );
}

#[test]
fn google_responses_and_service_errors() {
    let report = import_fixture("google-response.json").unwrap();
    assert_eq!(report.records.len(), 2);
    assert_eq!(
        report.records[0].review_rating.alternate_name.as_deref(),
        Some("Pants on Fire")
    );
    assert_eq!(
        issues(&report),
        [
            "claims[0].claimReview[1]: `reviewDate` is not a date: “not a date” (field dropped)",
            "claims[1]: the claim has no `text` (record skipped)",
        ]
    );
    match import_fixture("google-error.json") {
        Err(ImportError::Service {
            code: Some(403),
            status: Some(s),
            ..
        }) => assert_eq!(s, "PERMISSION_DENIED"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn unreadable_files_are_errors() {
    assert!(matches!(
        import_fixture("truncated.json"),
        Err(ImportError::Syntax { .. })
    ));
    assert_eq!(import_fixture("not-utf8.json"), Err(ImportError::NotUtf8));
    assert_eq!(import_fixture("empty.json"), Err(ImportError::Empty));
}

fn run_cli(args: &[&str]) -> Result<String, String> {
    let mut out = Vec::new();
    let args = args.iter().map(|a| a.into()).collect();
    claimlens::cli::run(args, &mut out).map_err(|e| e.to_string())?;
    Ok(String::from_utf8(out).expect("CLI output is UTF-8"))
}

#[test]
fn index_build_with_bad_records_builds_the_good_ones() {
    let dir = std::env::temp_dir().join(format!("claimlens-index-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let pack_path = dir.join("mixed.clpack");
    let out = run_cli(&[
        "index",
        "build",
        fixture("mixed-good-and-bad.jsonl").to_str().unwrap(),
        fixture("google-response.json").to_str().unwrap(),
        "-o",
        pack_path.to_str().unwrap(),
    ])
    .unwrap();
    assert!(
        out.contains("3 fact-checks (JSON Lines), 3 records skipped, 1 fields dropped"),
        "{out}"
    );
    assert!(
        out.contains(
            "2 fact-checks (Google Fact Check Tools claims:search response), 1 records skipped"
        ),
        "{out}"
    );
    let pack = Pack::from_bytes(&std::fs::read(&pack_path).unwrap()).unwrap();
    assert_eq!(pack.len(), 5);
    assert_eq!(pack.meta.name, "mixed");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn index_build_with_an_unreadable_input_changes_nothing() {
    let dir = std::env::temp_dir().join(format!("claimlens-nochange-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let pack_path = dir.join("existing.clpack");
    std::fs::write(&pack_path, b"the previous pack").unwrap();
    for bad in [
        "truncated.json",
        "not-utf8.json",
        "empty.json",
        "google-error.json",
    ] {
        let err = run_cli(&[
            "index",
            "build",
            fixture("mixed-good-and-bad.jsonl").to_str().unwrap(),
            fixture(bad).to_str().unwrap(),
            "-o",
            pack_path.to_str().unwrap(),
        ])
        .unwrap_err();
        assert!(err.contains(bad), "{bad}: {err}");
        assert_eq!(
            std::fs::read(&pack_path).unwrap(),
            b"the previous pack",
            "{bad}"
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}
