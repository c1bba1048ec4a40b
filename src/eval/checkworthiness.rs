//! `claimlens eval checkworthiness`. Placeholder until its stage's issue lands.

use std::io::Write;
use std::path::Path;

use super::EvalError;

pub fn run(_data: &Path, _out: &mut dyn Write) -> Result<(), EvalError> {
    Err(EvalError::NotImplemented("checkworthiness"))
}
