//! `claimlens eval extraction --corpus judged`: the judged news pages of
//! `tests/fixtures/extraction/judged.json` (replicas of real templates,
//! written for this repo). Per page: furniture left in the text, non-prose
//! labels found with the judged kind, prose labels kept as prose, and claims
//! made from non-prose blocks (target 0). `tests/extraction_non_prose.rs`
//! asserts the same labels.

use std::io::Write;
use std::path::Path;

use serde::Deserialize;

use super::EvalError;
use crate::analysis::{Analysis, BlockKind};
use crate::pipeline::{analyze, Options};
use crate::snapshot::html::snapshot_from_html;

/// Where the judged pages live, in the source tree.
const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/extraction");

/// `judged.json`: the replica pages in this folder, and real pages read
/// from the data folder. The eval and `tests/extraction_non_prose.rs` both
/// read it through these types.
#[derive(Deserialize)]
pub struct Judged {
    pub pages: Vec<Page>,
    /// Real pages, under `extraction/` of the data folder.
    #[serde(default)]
    pub shared_pages: Vec<SharedPage>,
}

#[derive(Deserialize)]
pub struct SharedPage {
    /// The page's folder under `extraction/` of the data folder.
    pub shared: String,
    #[serde(flatten)]
    pub labels: Page,
}

#[derive(Deserialize)]
pub struct Page {
    /// The replica's file in this folder (empty for a shared page).
    #[serde(default)]
    pub file: String,
    pub excluded: Vec<Label>,
    pub non_prose: Vec<Label>,
    pub prose: Vec<Label>,
}

#[derive(Deserialize)]
pub struct Label {
    pub text: String,
    #[serde(default)]
    pub kind: Option<BlockKind>,
    /// Why the text is labelled so (one line, for the reader of a failure).
    #[serde(default)]
    pub reason: String,
}

/// The judged set, parsed.
pub fn read_judged(path: &Path) -> Result<Judged, EvalError> {
    let json = std::fs::read_to_string(path).map_err(|e| EvalError::data(path, e))?;
    serde_json::from_str(&json).map_err(|e| EvalError::data(path, e))
}

/// A judged page's HTML: WCXB's pages are kept gzipped (`….html.gz`).
pub fn read_page(path: &Path) -> Result<Vec<u8>, EvalError> {
    if path.extension().is_some_and(|e| e == "gz") {
        super::extraction_corpora::gunzip(path)
    } else {
        std::fs::read(path).map_err(|e| EvalError::data(path, e))
    }
}

/// How a shared page is shown: "readability-test-pages/cnn/source.html" as
/// "cnn", "wcxb-articles/html/0347.html.gz" as "wcxb-0347".
pub fn shared_name(shared: &str) -> String {
    match shared.strip_prefix("wcxb-articles/html/") {
        Some(file) => format!("wcxb-{}", file.trim_end_matches(".html.gz")),
        None => shared.rsplit('/').nth(1).unwrap_or(shared).to_string(),
    }
}

/// The kind of the block holding the first `needle` of the text: `None`
/// when the needle is missing, `Some(None)` when it is prose.
fn kind_of(a: &Analysis, needle: &str) -> Option<Option<BlockKind>> {
    let text = &a.article.text;
    let at = text.find(needle)?;
    let start = text[..at].encode_utf16().count() as u32;
    let end = start + needle.encode_utf16().count() as u32;
    Some(
        a.article
            .blocks
            .iter()
            .find(|b| b.start <= start && end <= b.end)
            .map(|b| b.kind),
    )
}

/// Scores the judged pages; the real ones are read from `data` (skipped,
/// with a note, when it is missing).
pub fn run(data: &Path, out: &mut dyn Write) -> Result<(), EvalError> {
    let dir = Path::new(DIR);
    let judged = read_judged(&dir.join("judged.json"))?;
    writeln!(
        out,
        "{:<28} {:>9} {:>10} {:>6} {:>16}",
        "page", "furniture", "non-prose", "prose", "non-prose claims"
    )?;
    let shared_dir = data.join("extraction");
    let mut pages: Vec<(String, std::path::PathBuf, &Page)> = judged
        .pages
        .iter()
        .map(|p| (p.file.clone(), dir.join(&p.file), p))
        .collect();
    let shared_missing = !shared_dir.is_dir();
    if !shared_missing {
        for p in &judged.shared_pages {
            pages.push((
                shared_name(&p.shared),
                shared_dir.join(&p.shared),
                &p.labels,
            ));
        }
    }
    let mut totals = [0usize; 7];
    for (name, page_path, page) in &pages {
        let html = read_page(page_path)?;
        let snapshot = snapshot_from_html(&html, "").map_err(|e| EvalError::data(page_path, e))?;
        let a =
            analyze(&snapshot, &Options::default()).map_err(|e| EvalError::data(page_path, e))?;
        let left = page
            .excluded
            .iter()
            .filter(|l| a.article.text.contains(&l.text))
            .count();
        let marked = page
            .non_prose
            .iter()
            .filter(|l| kind_of(&a, &l.text) == Some(l.kind))
            .count();
        let prose = page
            .prose
            .iter()
            .filter(|l| kind_of(&a, &l.text) == Some(None))
            .count();
        let from_non_prose = a
            .claims
            .iter()
            .filter(|c| {
                a.article
                    .blocks
                    .iter()
                    .any(|b| c.start < b.end && b.start < c.end)
            })
            .count();
        writeln!(
            out,
            "{:<28} {:>5} left {:>6}/{:<3} {:>3}/{:<2} {:>16}",
            name,
            left,
            marked,
            page.non_prose.len(),
            prose,
            page.prose.len(),
            from_non_prose
        )?;
        for (t, v) in totals.iter_mut().zip([
            left,
            page.excluded.len(),
            marked,
            page.non_prose.len(),
            prose,
            page.prose.len(),
            from_non_prose,
        ]) {
            *t += v;
        }
    }
    let [left, excluded, marked, non_prose, prose, prose_all, claims] = totals;
    writeln!(out)?;
    writeln!(
        out,
        "== judged news pages ({} pages; labels in-sample: the rules were written with them)",
        pages.len()
    )?;
    if shared_missing {
        writeln!(
            out,
            "({} real pages skipped: no {})",
            judged.shared_pages.len(),
            shared_dir.display()
        )?;
    }
    writeln!(
        out,
        "furniture left in the text: {left}/{excluded}   target 0"
    )?;
    writeln!(
        out,
        "non-prose blocks marked with the judged kind: {marked}/{non_prose}"
    )?;
    writeln!(out, "prose kept as prose: {prose}/{prose_all}")?;
    writeln!(out, "claims from non-prose blocks: {claims}   target 0")?;
    Ok(())
}
