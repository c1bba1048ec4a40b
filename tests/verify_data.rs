//! Checks against ../shared/data (tests named `data_*` need it).

use std::path::{Path, PathBuf};

use claimlens::verify::import;
use claimlens::verify::pack::{self, PackMeta};
use claimlens::verify::Pack;

/// `$CLAIMLENS_DATA`, else `../shared/data` beside the crate (or one level
/// further up, from a worktree).
fn data(rel: &str) -> PathBuf {
    let path = claimlens::dev_data::data_dir().join(rel);
    assert!(
        path.exists(),
        "{} is missing: these tests need ../shared/data (or set CLAIMLENS_DATA)",
        path.display()
    );
    path
}

fn import_file(path: &Path) -> import::ImportReport {
    let bytes = std::fs::read(path).unwrap();
    let (_, report) = import::import(&path.display().to_string(), &bytes).unwrap();
    report
}

/// The committed pack is exactly what `claimlens index build` makes from the
/// dataset, so it can be rebuilt and audited (and a changed text analyser
/// cannot ship with a stale pack).
#[test]
fn data_default_pack_rebuilds_byte_for_byte() {
    let committed_path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/factchecks/politifact.clpack");
    let committed = std::fs::read(&committed_path).unwrap();
    let meta: PackMeta = Pack::from_bytes(&committed).unwrap().meta;
    let report = import_file(&data("factchecks/politifact_vclaims.jsonl"));
    assert!(
        report.issues.is_empty(),
        "{:?}",
        &report.issues[..report.issues.len().min(5)]
    );
    assert_eq!(report.records.len(), 19_250);
    let (rebuilt, summary) = pack::build(&report.records, &meta).unwrap();
    assert!(summary.duplicate_ids.is_empty());
    assert!(
        rebuilt == committed,
        "assets/factchecks/politifact.clpack is stale: rebuild it with `claimlens index build` (see assets/factchecks/NOTICE.md)"
    );
}

#[test]
fn data_checkthat_vclaims_import_with_every_problem_reported() {
    let report = import_file(&data("claim_matching/ct2022_2a_vclaims.jsonl"));
    assert_eq!(report.records.len() + report.skipped(), 14_231);
    // The file's only oddities are dates; none is dropped silently.
    assert!(
        report.issues.iter().all(|i| i.reason.contains("date")),
        "{:?}",
        report.issues
    );
    assert!(report
        .records
        .iter()
        .all(|r| r.author.as_ref().is_some_and(|a| a.name == "Snopes")));
}
