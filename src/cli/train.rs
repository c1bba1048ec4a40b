//! `claimlens train checkworthiness [--data DIR] --out FILE`: trains the
//! check-worthiness model on CheckThat! 2024 `ct24_train.tsv` only (dev stays
//! for evaluation), deterministically for a given `--seed`.

use std::io::Write;
use std::path::PathBuf;

use lexopt::prelude::*;

use super::CliError;
use crate::detect::dataset::{self, CT24_TRAIN};
use crate::detect::train::{build_model, TrainConfig};

pub fn run(parser: &mut lexopt::Parser, out: &mut dyn Write) -> Result<(), CliError> {
    let mut name = None;
    let mut data = PathBuf::from(crate::eval::DEFAULT_DATA_DIR);
    let mut output: Option<PathBuf> = None;
    let mut config = TrainConfig::default();
    while let Some(arg) = parser.next()? {
        match arg {
            Long("data") => data = parser.value()?.into(),
            Long("out") => output = Some(parser.value()?.into()),
            Long("seed") => config.seed = parser.value()?.parse()?,
            Long("hash-bits") => {
                config.hash_bits = parser.value()?.parse()?;
                if !(8..=22).contains(&config.hash_bits) {
                    return Err(CliError::Usage("--hash-bits wants 8 to 22".into()));
                }
            }
            Long("epochs") => config.epochs = parser.value()?.parse()?,
            Long("learning-rate") => config.learning_rate = parser.value()?.parse()?,
            Long("l2") => config.l2 = parser.value()?.parse()?,
            Long("average-last") => config.average_last = parser.value()?.parse()?,
            Long("positive-weight") => config.positive_weight = parser.value()?.parse()?,
            Value(v) if name.is_none() => name = Some(v.string()?),
            other => return Err(other.unexpected().into()),
        }
    }
    match name.as_deref() {
        Some("checkworthiness") => {}
        Some(other) => {
            return Err(CliError::Usage(format!(
                "cannot train `{other}` (checkworthiness)"
            )))
        }
        None => {
            return Err(CliError::Usage(
                "train needs a name: checkworthiness".into(),
            ))
        }
    }
    let output = output.ok_or_else(|| CliError::Usage("train needs --out FILE".into()))?;
    let rows = dataset::load_ct24(&data.join(CT24_TRAIN)).map_err(|e| {
        CliError::BadInput(format!(
            "{e} (pass --data DIR, the folder holding checkworthiness/)"
        ))
    })?;
    let examples = crate::detect::train::examples(&rows, config.hash_bits);
    let (model, report) = build_model(&examples, &config);
    let bytes = model.to_bytes();
    std::fs::write(&output, &bytes).map_err(|e| CliError::Read {
        path: output.display().to_string(),
        reason: e.to_string(),
    })?;
    writeln!(
        out,
        "trained on {} sentences ({} check-worthy), seed {}, 2^{} hashed weights\n\
         {}-fold cross-validation on train: P {:.3} R {:.3} F1 {:.3} ROC-AUC {:.3}\n\
         calibration sigmoid({:.4} * margin + {:.4}); default threshold {:.4}\n\
         wrote {} ({} bytes)",
        report.examples,
        report.positives,
        config.seed,
        config.hash_bits,
        config.folds,
        report.cross_validated.precision,
        report.cross_validated.recall,
        report.cross_validated.f1,
        report.cross_validated_auc,
        model.calibration.a,
        model.calibration.b,
        model.threshold,
        output.display(),
        bytes.len()
    )?;
    Ok(())
}
