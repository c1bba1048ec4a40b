//! `claimlens score FILE|-`: one sentence per line in, one `<score>\t<1|0>`
//! line out per input line, in order. The score is the calibrated
//! probability; the flag is the final check-worthy decision at the default
//! (or `--threshold`) threshold, so non-claims such as questions get 0.

use std::io::{BufWriter, Write};

use lexopt::prelude::*;

use super::input::read_text;
use super::CliError;
use crate::detect::{self, model::Model};

pub fn run(parser: &mut lexopt::Parser, out: &mut dyn Write) -> Result<(), CliError> {
    let mut path = None;
    let mut threshold = None;
    let mut model_path: Option<String> = None;
    while let Some(arg) = parser.next()? {
        match arg {
            Long("threshold") => {
                let value: f32 = parser.value()?.parse()?;
                if !(0.0..=1.0).contains(&value) {
                    return Err(CliError::Usage(format!(
                        "--threshold wants a probability between 0 and 1, got {value}"
                    )));
                }
                threshold = Some(value);
            }
            Long("model") => model_path = Some(parser.value()?.string()?),
            Value(v) if path.is_none() => path = Some(v.string()?),
            other => return Err(other.unexpected().into()),
        }
    }
    let path = path.ok_or_else(|| CliError::Usage("score needs a FILE or -".into()))?;
    let owned;
    let model: &Model = match &model_path {
        Some(p) => {
            let bytes = super::read_input(p)?;
            owned =
                Model::from_bytes(&bytes).map_err(|e| CliError::BadInput(format!("{p}: {e}")))?;
            &owned
        }
        None => detect::default_model().map_err(|e| CliError::BadInput(e.to_string()))?,
    };
    let encoder = crate::encode::builtin();
    let text = read_text(&path)?;
    let mut out = BufWriter::new(out);
    for line in text.lines() {
        let sentence = detect::clean_line(line);
        let d = detect::assess_sentence(model, &sentence, threshold, encoder.as_deref());
        writeln!(out, "{:.4}\t{}", d.score, u8::from(d.checkworthy))?;
    }
    out.flush()?;
    Ok(())
}
