//! `claimlens eval NAME [--data DIR] [--corpus NAME] [--pages]
//! [--real-pages DIR]`: scores a
//! stage on the public datasets in `../shared/data` (or `--data DIR`) and
//! prints per-item rows and totals. `--corpus` picks one corpus of an eval
//! that has several; `--pages` lists every page, not only the worst;
//! `--real-pages DIR` scores check-worthiness on the judged real pages in DIR.

use std::io::Write;
use std::path::PathBuf;

use lexopt::prelude::*;

use super::CliError;

pub fn run(parser: &mut lexopt::Parser, out: &mut dyn Write) -> Result<(), CliError> {
    let mut name = None;
    let mut data = PathBuf::from(crate::eval::DEFAULT_DATA_DIR);
    let mut options = crate::eval::Options::default();
    while let Some(arg) = parser.next()? {
        match arg {
            Long("data") => data = parser.value()?.into(),
            Long("corpus") => options.corpus = Some(parser.value()?.string()?),
            Long("pages") => options.list_pages = true,
            Long("real-pages") => options.real_pages = Some(parser.value()?.into()),
            Value(v) if name.is_none() => name = Some(v.string()?),
            other => return Err(other.unexpected().into()),
        }
    }
    let name = name.ok_or_else(|| CliError::Usage("eval needs a name".into()))?;
    if !data.is_dir() {
        return Err(CliError::BadInput(format!(
            "data folder {} not found (pass --data DIR)",
            data.display()
        )));
    }
    crate::eval::run(&name, &data, &options, out).map_err(|e| CliError::BadInput(e.to_string()))
}
