//! Replays every fuzz seed (fuzz/seeds/<target>/) and every saved crash
//! (fuzz/regressions/<target>/) through the same target functions the
//! libFuzzer binaries run (fuzz/src/targets.rs), on the stable toolchain, so
//! every `cargo test` covers them even where cargo-fuzz cannot run.
//! A crash found by fuzzing is saved under fuzz/regressions/<target>/ with a
//! name that says what it was, and gets a named test here.

#[allow(dead_code)]
#[path = "../fuzz/src/checks.rs"]
mod checks;
#[allow(dead_code)]
#[path = "../fuzz/src/targets.rs"]
mod targets;

use std::fs;
use std::path::Path;

use claimlens::verify::import::Format;

const FUZZ: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/fuzz");

/// Runs `target` on every file under seeds/<name> and regressions/<name>;
/// returns how many there were.
fn replay(name: &str, target: fn(&[u8])) -> usize {
    let mut count = 0;
    for dir in ["seeds", "regressions"] {
        let Ok(entries) = fs::read_dir(Path::new(FUZZ).join(dir).join(name)) else {
            continue;
        };
        for entry in entries {
            let path = entry.expect("a readable directory entry").path();
            let data = fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            let outcome = std::panic::catch_unwind(|| target(&data));
            assert!(outcome.is_ok(), "{name} failed on {}", path.display());
            count += 1;
        }
    }
    count
}

#[test]
fn html_analysis_seeds() {
    assert!(replay("html_analysis", targets::html_analysis) >= 4);
}

#[test]
fn snapshot_analysis_seeds() {
    assert!(replay("snapshot_analysis", targets::snapshot_analysis) >= 2);
}

#[test]
fn snapshot_flat_seeds() {
    assert!(replay("snapshot_flat", targets::snapshot_flat) >= 2);
}

#[test]
fn text_analysis_seeds() {
    assert!(replay("text_analysis", targets::text_analysis) >= 2);
}

#[test]
fn import_seeds() {
    assert!(
        replay("import_claimreview", |d| targets::import(
            Format::ClaimReview,
            d
        )) >= 2
    );
    assert!(replay("import_jsonl", |d| targets::import(Format::JsonLines, d)) >= 2);
    assert!(replay("import_html", |d| targets::import(Format::Html, d)) >= 1);
    assert!(replay("import_claim_search", targets::import_claim_search) >= 3);
}

#[test]
fn pack_load_seeds() {
    assert!(replay("pack_load", targets::pack_load) >= 1);
}

/// The checks themselves can fail: a span outside its text is caught.
#[test]
#[should_panic(expected = "outside")]
fn the_offset_check_catches_a_span_outside_the_text() {
    checks::Units::new("abc").slice("claim", 1, 9);
}

/// ... and so is a span that splits a surrogate pair.
#[test]
#[should_panic(expected = "splits a surrogate pair")]
fn the_offset_check_catches_a_split_surrogate_pair() {
    checks::Units::new("a😀").slice("claim", 0, 2);
}
