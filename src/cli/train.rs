//! `claimlens train checkworthiness [--data DIR] --out FILE`: trains the
//! check-worthiness model on CheckThat! 2024 `ct24_train.tsv` and the
//! CheckThat! 2019 training debates (ct24 dev stays for evaluation), over
//! the built-in sentence encoder (`--encoder FILE` for another,
//! `--no-encoder` for none), deterministically for a given `--seed`.

use std::io::Write;
use std::path::PathBuf;

use lexopt::prelude::*;

use super::CliError;
use crate::detect::train::{build_model, training_examples, TrainConfig};
use crate::encode::Encoder;

pub fn run(parser: &mut lexopt::Parser, out: &mut dyn Write) -> Result<(), CliError> {
    let mut name = None;
    let mut data = PathBuf::from(crate::eval::DEFAULT_DATA_DIR);
    let mut output: Option<PathBuf> = None;
    let mut config = TrainConfig::default();
    let mut encoder_path: Option<String> = None;
    let mut no_encoder = false;
    while let Some(arg) = parser.next()? {
        match arg {
            Long("encoder") => encoder_path = Some(parser.value()?.string()?),
            Long("no-encoder") => no_encoder = true,
            Long("debate-weight") => config.debate_weight = parser.value()?.parse()?,
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
    let encoder = load_encoder(encoder_path.as_deref(), no_encoder)?;
    let (examples, calibration_set) = training_examples(&data, encoder.as_deref(), &config)
        .map_err(|e| {
            CliError::BadInput(format!(
                "{e} (pass --data DIR, the folder holding checkworthiness/)"
            ))
        })?;
    let checksum = encoder.as_ref().map_or(0, |e| e.checksum());
    let (model, report) = build_model(&examples, &calibration_set, checksum, &config);
    let bytes = model.to_bytes();
    std::fs::write(&output, &bytes).map_err(|e| CliError::Read {
        path: output.display().to_string(),
        reason: e.to_string(),
    })?;
    writeln!(
        out,
        "trained on {} sentences ({} check-worthy; {} from ct24_train), seed {}, 2^{} hashed weights, encoder {}\n\
         {}-fold cross-validation on ct24_train (threshold chosen on the same out-of-fold scores): P {:.3} R {:.3} F1 {:.3} ROC-AUC {:.3}\n\
         calibration sigmoid({:.4} * margin + {:.4}); default threshold {:.4}\n\
         without the encoder (fallback): F1 {:.3}, calibration sigmoid({:.4} * margin + {:.4}), threshold {:.4}\n\
         wrote {} ({} bytes)",
        report.examples,
        report.positives,
        calibration_set.len(),
        config.seed,
        config.hash_bits,
        encoder.as_ref().map_or("none".to_string(), |e| format!("{} dimensions", e.dims())),
        config.folds,
        report.cross_validated.precision,
        report.cross_validated.recall,
        report.cross_validated.f1,
        report.cross_validated_auc,
        model.calibration.a,
        model.calibration.b,
        model.threshold,
        report.fallback_cross_validated.f1,
        model.fallback.calibration.a,
        model.fallback.calibration.b,
        model.fallback.threshold,
        output.display(),
        bytes.len()
    )?;
    Ok(())
}

/// The encoder training uses: `path`, none, or the built-in one.
pub fn load_encoder(
    path: Option<&str>,
    none: bool,
) -> Result<Option<std::sync::Arc<Encoder>>, CliError> {
    if none {
        return Ok(None);
    }
    match path {
        Some(p) => {
            let bytes = super::read_input(p)?;
            let encoder =
                Encoder::from_bytes(&bytes).map_err(|e| CliError::BadInput(format!("{p}: {e}")))?;
            Ok(Some(std::sync::Arc::new(encoder)))
        }
        None => crate::encode::builtin()
            .map(Some)
            .ok_or_else(|| CliError::BadInput("the built-in encoder does not load".into())),
    }
}
