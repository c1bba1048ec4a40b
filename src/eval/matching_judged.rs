//! Same-claim precision and recall on judged real pages: the whole analysis,
//! with the shipped default pack, on the pages listed in
//! `tests/fixtures/matching/*.jsonl`. Each line names a page, a sentence of
//! it, a fact-check id and a human label (`same`, `related` or `different`)
//! with its reason; see that folder's README for how the set was made.
//!
//! A labelled pair counts as shown when the claim holding the sentence lists
//! the fact-check in `matches` (the tier whose verdict is shown).

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::Deserialize;

use super::EvalError;
use crate::pipeline::{analyze, Options};
use crate::snapshot::html::snapshot_from_html;
use crate::verify::{Pack, Registry};

#[derive(Debug, Clone, Deserialize)]
pub struct Judged {
    pub page: String,
    #[serde(default)]
    pub sentence: String,
    #[serde(default)]
    pub factcheck_id: Option<String>,
    pub label: String,
    #[serde(default)]
    pub reason: String,
}

/// Every judged line of the set's JSONL files, in file order.
pub fn read_set(dir: &Path) -> Result<Vec<Judged>, EvalError> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| EvalError::data(dir, e))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
        .collect();
    files.sort();
    let mut out = Vec::new();
    for f in files {
        let text = std::fs::read_to_string(&f).map_err(|e| EvalError::data(&f, e))?;
        for (i, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let j: Judged = serde_json::from_str(line)
                .map_err(|e| EvalError::data(&f, format!("line {}: {e}", i + 1)))?;
            out.push(j);
        }
    }
    Ok(out)
}

/// The HTML of a judged page: `articles/…` in the set's folder, the seed
/// article, or a page of the extraction corpora under `data`.
fn page_html(page: &str, dir: &Path, data: &Path) -> Option<Vec<u8>> {
    let path = if page.starts_with("articles/") {
        dir.join(page)
    } else if page.contains("seed") {
        data.join("../fixtures/seed-article.html")
    } else if let Some(name) = page.strip_prefix("readability-test-pages/") {
        data.join("extraction/readability-test-pages")
            .join(name)
            .join("source.html")
    } else if let Some(id) = page.strip_prefix("wcxb-articles/") {
        let file =
            std::fs::File::open(data.join(format!("extraction/wcxb-articles/html/{id}.html.gz")))
                .ok()?;
        let mut html = Vec::new();
        std::io::Read::read_to_end(&mut flate2::read::GzDecoder::new(file), &mut html).ok()?;
        return Some(html);
    } else {
        return None;
    };
    std::fs::read(path).ok()
}

/// Case- and space-insensitive containment, for finding a judged sentence
/// among the analysis's claims.
fn squeeze(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Counts over the judged pairs.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Counts {
    pub same_shown: usize,
    pub same_missed: usize,
    pub wrong_shown: usize,
    pub wrong_hidden: usize,
    /// Pairs listed as a *related* fact-check (no verdict) whose label is
    /// `related` or `same`: a fair pointer for the reader.
    pub related_listed_fair: usize,
    /// Pairs listed as related whose label is `different`: noise in the note.
    pub related_listed_noise: usize,
    /// Pairs labelled `related` that the note does not list at all.
    pub related_unlisted: usize,
    /// Pairs whose page or sentence could not be found.
    pub skipped: usize,
}

/// Runs the shipped configuration over the judged set.
pub fn score(set: &[Judged], dir: &Path, data: &Path, pack: Arc<Pack>) -> (Counts, Vec<String>) {
    let mut registry = Registry::new();
    registry.add(pack);
    let options = Options {
        factchecks: Some(Arc::new(registry)),
        ..Options::default()
    };
    let mut by_page: BTreeMap<&str, Vec<&Judged>> = BTreeMap::new();
    for j in set.iter().filter(|j| j.factcheck_id.is_some()) {
        by_page.entry(j.page.as_str()).or_default().push(j);
    }
    let mut counts = Counts::default();
    let mut errors = Vec::new();
    for (page, lines) in by_page {
        let analysis = page_html(page, dir, data)
            .and_then(|html| snapshot_from_html(&html, "").ok())
            .and_then(|snapshot| analyze(&snapshot, &options).ok());
        let Some(analysis) = analysis else {
            counts.skipped += lines.len();
            continue;
        };
        for j in lines {
            let want = squeeze(&j.sentence);
            let claim = analysis.claims.iter().find(|c| {
                let have = squeeze(&c.text);
                !have.is_empty() && (want.contains(&have) || have.contains(&want))
            });
            let Some(claim) = claim else {
                counts.skipped += 1;
                continue;
            };
            let id = j.factcheck_id.as_deref().unwrap_or_default();
            let shown = claim.matches.iter().any(|m| m.id == id);
            let listed = claim.related.iter().any(|m| m.id == id);
            match (j.label.as_str(), listed) {
                ("different", true) => {
                    counts.related_listed_noise += 1;
                    errors.push(format!(
                        "  related noise {page}: “{}” lists {id} ({})",
                        j.sentence.chars().take(90).collect::<String>(),
                        j.reason
                    ));
                }
                (_, true) => counts.related_listed_fair += 1,
                ("related", false) => counts.related_unlisted += 1,
                _ => {}
            }
            if std::env::var_os("CLAIMLENS_EVAL_PAIRS").is_some() {
                debug_pair(&options, &analysis, claim, id, j);
            }
            match (j.label.as_str() == "same", shown) {
                (true, true) => counts.same_shown += 1,
                (true, false) => {
                    counts.same_missed += 1;
                }
                (false, true) => {
                    counts.wrong_shown += 1;
                    errors.push(format!(
                        "  WRONG VERDICT {page}: “{}” shown with {id} ({})",
                        j.sentence.chars().take(90).collect::<String>(),
                        j.reason
                    ));
                }
                (false, false) => counts.wrong_hidden += 1,
            }
        }
    }
    (counts, errors)
}

/// With `CLAIMLENS_EVAL_PAIRS=1`: one line per judged pair with the
/// decision's features, for reading why a pair was or was not shown.
fn debug_pair(
    options: &Options,
    analysis: &crate::analysis::Analysis,
    claim: &crate::analysis::Claim,
    id: &str,
    j: &Judged,
) {
    use crate::verify::matcher::{Analysed, Query, Searcher};
    use crate::verify::same_claim;
    let Some(registry) = &options.factchecks else {
        return;
    };
    let published = analysis
        .article
        .published
        .as_deref()
        .and_then(crate::calendar::Date::parse_iso);
    let mut searcher = Searcher::default().with_encoder(options.encoder.clone());
    let analysed = Analysed::new(&claim.text, published)
        .with_speaker(claim.sourcing.speaker.as_deref())
        .with_cue(claim.sourcing.cue.as_deref());
    for pack in registry.packs() {
        let query = Query::for_pack(&analysed, pack);
        let hits = searcher.rank(pack, &query, 20);
        let Some(hit) = hits.iter().find(|h| pack.id(h.doc as usize) == id) else {
            eprintln!(
                "PAIR {}\t-\tnot retrieved\t{}",
                j.label,
                j.sentence.chars().take(60).collect::<String>()
            );
            continue;
        };
        let similarity = searcher.similarity(&analysed, pack, hit.doc);
        let f = same_claim::features(&analysed, pack, hit, similarity);
        let c = same_claim::conflicts(&analysed, pack, hit.doc as usize);
        let f: Vec<String> = f.iter().map(|v| format!("{v:.2}")).collect();
        eprintln!(
            "PAIR {}\t{}\t{}\t{:.2}\t{}\t{:?}\t{}",
            j.label,
            if claim.matches.iter().any(|m| m.id == id) {
                "SHOWN"
            } else {
                "-"
            },
            if same_claim::words_suffice(hit) {
                "words"
            } else {
                "-"
            },
            hit.score,
            f.join(" "),
            c,
            j.sentence.chars().take(60).collect::<String>()
        );
    }
}

pub fn run(data: &Path, out: &mut dyn Write) -> Result<(), EvalError> {
    let dir = super::same_claim::fixtures_dir();
    if !dir.is_dir() {
        writeln!(out, "judged real pages: {} not found", dir.display())?;
        return Ok(());
    }
    let set = read_set(&dir)?;
    let pack_path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/factchecks/politifact.clpack");
    let bytes = std::fs::read(&pack_path).map_err(|e| EvalError::data(&pack_path, e))?;
    let pack = Pack::from_bytes(&bytes).map_err(|e| EvalError::data(&pack_path, e))?;
    let (c, errors) = score(&set, &dir, data, Arc::new(pack));
    let shown = c.same_shown + c.wrong_shown;
    let same = c.same_shown + c.same_missed;
    writeln!(
        out,
        "\njudged real pages (tests/fixtures/matching, labelled before tuning; shipped pack and thresholds):\n  \
         same-claim precision {:.3} ({}/{shown}), recall {:.3} ({}/{same}); related or different pairs hidden {}/{}; skipped {}\n  \
         targets: precision >= 0.95, recall >= 0.80\n  \
         related tier (no verdict): {} listed, {} of them fair (labelled related or same), {} noise (labelled different); {} related pairs not listed",
        c.same_shown as f64 / shown.max(1) as f64,
        c.same_shown,
        c.same_shown as f64 / same.max(1) as f64,
        c.same_shown,
        c.wrong_hidden,
        c.wrong_hidden + c.wrong_shown,
        c.skipped,
        c.related_listed_fair + c.related_listed_noise,
        c.related_listed_fair,
        c.related_listed_noise,
        c.related_unlisted
    )?;
    for e in errors {
        writeln!(out, "{e}")?;
    }
    Ok(())
}
