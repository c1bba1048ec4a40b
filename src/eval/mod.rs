//! Evaluation against public datasets with published results. Each module
//! scores one stage and prints its metric; see `../shared/README.md` for the
//! datasets, their licences and the published figures to compare against.

mod attribution;
pub mod checkworthiness;
pub mod checkworthiness_pages;
pub mod comments;
pub mod dates_pages;
mod extraction;
mod extraction_corpora;
pub mod judged_attribution;
pub mod judged_checkworthiness;
pub mod judged_extraction;
pub mod judged_sources;
pub mod kinds_pages;
mod logistic;
mod matching;
pub mod matching_judged;
pub mod same_claim;
mod scores;
mod segmentation;
mod shingles;
pub mod text;

use std::io::Write;
use std::path::Path;

use thiserror::Error;

pub const DEFAULT_DATA_DIR: &str = "../shared/data";

#[derive(Debug, Error)]
pub enum EvalError {
    #[error("unknown evaluation `{0}` (extraction, segmentation, text, checkworthiness, attribution, sources, matching, matching-judged, comments, matching-fit, same-claim-fit, dates-real-pages, kinds-real-pages)")]
    Unknown(String),
    #[error("{path}: {reason}")]
    Data { path: String, reason: String },
    #[error("`eval {0}` is not implemented yet")]
    NotImplemented(&'static str),
    #[error("unknown corpus `{0}` (readability, wcxb, dragnet, judged)")]
    UnknownCorpus(String),
    #[error("cannot write output: {0}")]
    Io(#[from] std::io::Error),
}

impl EvalError {
    pub fn data(path: &Path, reason: impl ToString) -> Self {
        EvalError::Data {
            path: path.display().to_string(),
            reason: reason.to_string(),
        }
    }
}

/// The rows of a JSON Lines file, blank lines skipped; a bad row is an
/// error naming its line.
pub(crate) fn read_jsonl<T: for<'de> serde::Deserialize<'de>>(
    path: &Path,
) -> Result<Vec<T>, EvalError> {
    std::fs::read_to_string(path)
        .map_err(|e| EvalError::data(path, e))?
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| {
            serde_json::from_str(l)
                .map_err(|e| EvalError::data(path, format!("line {}: {e}", i + 1)))
        })
        .collect()
}

/// What `claimlens eval` was asked beyond the name.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// `--corpus NAME`: one corpus of an eval that has several (extraction:
    /// `readability`, `wcxb`, `dragnet`, `judged`); all when `None`.
    pub corpus: Option<String>,
    /// `--pages`: a row for every page, not only the worst.
    pub list_pages: bool,
    /// `--real-pages DIR`: check-worthiness on the judged real pages whose
    /// `tune.tsv` and `heldout.tsv` are in DIR, instead of the datasets;
    /// for `dates-real-pages` and `kinds-real-pages`, the folder of its judged set.
    pub real_pages: Option<std::path::PathBuf>,
}

pub fn run(
    name: &str,
    data: &Path,
    options: &Options,
    out: &mut dyn Write,
) -> Result<(), EvalError> {
    match name {
        "extraction" => extraction::run(data, options, out),
        "segmentation" => segmentation::run(data, out),
        "checkworthiness" => match &options.real_pages {
            Some(dir) => checkworthiness_pages::run(data, dir, out),
            None => checkworthiness::run(data, out),
        },
        "attribution" => attribution::run(data, out),
        "sources" => judged_sources::run(data, options.list_pages, out),
        "matching" => matching::run(data, out),
        "matching-fit" => matching::fit(data, out),
        "matching-judged" => matching_judged::run(data, out),
        "same-claim-fit" => same_claim::fit(data, out),
        "comments" => comments::run(data, out),
        "text" => text::run(data, out),
        "dates-real-pages" => {
            let fixtures = options
                .real_pages
                .clone()
                .unwrap_or_else(|| dates_pages::DEFAULT_FIXTURES.into());
            dates_pages::run(data, &fixtures, out)
        }
        "kinds-real-pages" => {
            let fixtures = options
                .real_pages
                .clone()
                .unwrap_or_else(|| kinds_pages::DEFAULT_FIXTURES.into());
            kinds_pages::run(data, &fixtures, out)
        }
        _ => Err(EvalError::Unknown(name.to_string())),
    }
}
