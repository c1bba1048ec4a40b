//! Evaluation against public datasets with published results. Each module
//! scores one stage and prints its metric; see `../shared/README.md` for the
//! datasets, their licences and the published figures to compare against.

mod attribution;
pub mod checkworthiness;
mod comments;
mod extraction;
pub mod judged_attribution;
mod logistic;
mod matching;
pub mod matching_judged;
pub mod same_claim;
mod scores;
mod segmentation;

use std::io::Write;
use std::path::Path;

use thiserror::Error;

pub const DEFAULT_DATA_DIR: &str = "../shared/data";

#[derive(Debug, Error)]
pub enum EvalError {
    #[error("unknown evaluation `{0}` (extraction, segmentation, checkworthiness, attribution, matching, comments)")]
    Unknown(String),
    #[error("{path}: {reason}")]
    Data { path: String, reason: String },
    #[error("`eval {0}` is not implemented yet")]
    NotImplemented(&'static str),
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

pub fn run(name: &str, data: &Path, out: &mut dyn Write) -> Result<(), EvalError> {
    match name {
        "extraction" => extraction::run(data, out),
        "segmentation" => segmentation::run(data, out),
        "checkworthiness" => checkworthiness::run(data, out),
        "attribution" => attribution::run(data, out),
        "matching" => matching::run(data, out),
        "matching-fit" => matching::fit(data, out),
        "same-claim-fit" => same_claim::fit(data, out),
        "comments" => comments::run(data, out),
        _ => Err(EvalError::Unknown(name.to_string())),
    }
}
