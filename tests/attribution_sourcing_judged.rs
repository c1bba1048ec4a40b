//! The judged sourcing of check-worthy sentences on real pages
//! (`tests/fixtures/attribution/judged-sourcing.tsv`), through the whole
//! product: who a note says a claim is attributed to, and how. It needs
//! ../shared/data (or CLAIMLENS_SHARED), as the other `data_` tests do.

use claimlens::analysis::SourcingKind;
use claimlens::dev_data::data_dir;
use claimlens::snapshot::html::snapshot_from_html;
use claimlens::{analyze, Analysis, Options};

const JUDGED: &str = include_str!("fixtures/attribution/judged-sourcing.tsv");

/// Rows a reader still sees wrong, each as (sentence prefix, why): the test
/// fails when one of them starts passing (so the list stays honest) or any
/// other row fails. Empty since "He is confident …", in the list after
/// "President Obama also said:", is credited to Obama.
const KNOWN_MISSES: &[(&str, &str)] = &[];

struct Row<'a> {
    page: &'a str,
    sentence: &'a str,
    speaker: Option<&'a str>,
    kind: SourcingKind,
}

fn rows() -> Vec<Row<'static>> {
    JUDGED
        .lines()
        .filter(|l| !l.starts_with('#') && !l.starts_with("page\t") && !l.trim().is_empty())
        .map(|l| {
            let cols: Vec<&str> = l.split('\t').collect();
            assert_eq!(cols.len(), 5, "five columns: {l}");
            let kind = match cols[3] {
                "named" => SourcingKind::Named,
                "anonymous" => SourcingKind::Anonymous,
                "vague" => SourcingKind::Vague,
                "outlet" => SourcingKind::Outlet,
                "unattributed" => SourcingKind::Unattributed,
                other => panic!("unknown kind {other}: {l}"),
            };
            assert!(!cols[4].trim().is_empty(), "every label has a reason: {l}");
            Row {
                page: cols[0],
                sentence: cols[1],
                speaker: (cols[2] != "-").then_some(cols[2]),
                kind,
            }
        })
        .collect()
}

/// `wcxb-<id>` is a gzipped page of `wcxb-articles`; anything else a
/// Readability test page.
fn analysis_of(page: &str) -> Analysis {
    let path = match page.strip_prefix("wcxb-") {
        Some(id) => data_dir().join(format!("extraction/wcxb-articles/html/{id}.html.gz")),
        None => data_dir().join(format!(
            "extraction/readability-test-pages/{page}/source.html"
        )),
    };
    let bytes = std::fs::read(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e}: this test needs ../shared/data (or CLAIMLENS_SHARED)",
            path.display()
        )
    });
    let html = if page.starts_with("wcxb-") {
        let mut out = Vec::new();
        std::io::Read::read_to_end(&mut flate2::read::GzDecoder::new(&bytes[..]), &mut out)
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        out
    } else {
        bytes
    };
    let snapshot = snapshot_from_html(&html, "").expect("the page parses");
    analyze(&snapshot, &Options::default()).expect("the page analyses")
}

#[test]
fn data_judged_sourcing_of_real_page_claims() {
    let rows = rows();
    assert!(rows.len() >= 18, "the judged set shrank");
    let mut wrong = Vec::new();
    let mut cache: Vec<(&str, Analysis)> = Vec::new();
    for row in &rows {
        if !cache.iter().any(|(p, _)| *p == row.page) {
            cache.push((row.page, analysis_of(row.page)));
        }
        let analysis = &cache
            .iter()
            .find(|(p, _)| *p == row.page)
            .expect("cached")
            .1;
        let claim = analysis
            .claims
            .iter()
            .find(|c| c.text.starts_with(row.sentence))
            .unwrap_or_else(|| panic!("{}: no claim {:?}", row.page, row.sentence));
        let s = &claim.sourcing;
        let speaker_right = match row.speaker {
            Some(name) => s.speaker.as_deref().is_some_and(|got| got.contains(name)),
            None => s.speaker.is_none(),
        };
        let right = s.kind == row.kind && speaker_right;
        let known = KNOWN_MISSES
            .iter()
            .any(|(p, _)| row.sentence.starts_with(p));
        if right == known {
            wrong.push(format!(
                "{} {:?}: want {:?} {:?}, got {:?} {:?}{}",
                row.page,
                row.sentence,
                row.kind,
                row.speaker,
                s.kind,
                s.speaker,
                if known {
                    " (a known miss now passes: take it off the list)"
                } else {
                    ""
                }
            ));
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}
