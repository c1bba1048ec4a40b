//! `claimlens eval checkworthiness`: the shipped model on CheckThat! 2024
//! dev (never used in training), 5-fold cross-validation on ct24_train, and
//! MAP with leave-one-debate-out over the CheckThat! 2019 training debates,
//! each with the sentence encoder and without it (the fallback); and the
//! judged quips and claims ([`super::judged_checkworthiness`]).

use std::collections::HashSet;
use std::io::Write;
use std::path::Path;

use super::EvalError;
use crate::detect::dataset::{self, Labelled, CT24_DEV, DEBATES};
use crate::detect::model::Model;
use crate::detect::train::{
    self, average_precision, best_f1_threshold, cross_validated, fallback_margin,
    out_of_fold_margins, prf, roc_auc, training_examples, Example, TrainConfig,
};
use crate::detect::{self as detect_stage};
use crate::encode::Encoder;

pub fn run(data: &Path, out: &mut dyn Write) -> Result<(), EvalError> {
    let dev_path = data.join(CT24_DEV);
    let dev_rows = dataset::load_ct24(&dev_path).map_err(|e| EvalError::data(&dev_path, e))?;
    let model = detect_stage::default_model()
        .map_err(|e| EvalError::data(Path::new("assets/checkworthiness.model"), e))?;
    let encoder = crate::encode::builtin();
    let encoder = detect_stage::usable_encoder(model, encoder.as_deref());
    let config = TrainConfig {
        hash_bits: model.hash_bits(),
        ..TrainConfig::default()
    };

    writeln!(
        out,
        "== check-worthiness: CheckThat! 2024 Task 1 (English) =="
    )?;
    writeln!(
        out,
        "shipped model: assets/checkworthiness.model, {} bytes, 2^{} hashed weights, encoder {}, threshold {:.4} (fallback {:.4})",
        model.to_bytes().len(),
        model.hash_bits(),
        encoder.map_or("none".to_string(), |e| format!("{} dimensions", e.dims())),
        model.threshold,
        model.fallback.threshold,
    )?;
    dev_report(model, &dev_rows, encoder, "with the encoder", out)?;
    if encoder.is_some() {
        dev_report(
            model,
            &dev_rows,
            None,
            "without the encoder (fallback)",
            out,
        )?;
    }

    super::judged_checkworthiness::report(model, encoder, out)?;

    let (examples, ct24) =
        training_examples(data, encoder, &config).map_err(|e| EvalError::data(data, e))?;
    cross_validation_report(&examples, &ct24, &config, out)?;

    let debates_dir = data.join(DEBATES);
    let debates =
        dataset::load_debates(&debates_dir).map_err(|e| EvalError::data(&debates_dir, e))?;
    let lines: Vec<&[Labelled]> = debates.iter().map(|d| &d.lines[..]).collect();
    let names: Vec<&str> = debates.iter().map(|d| d.name.as_str()).collect();
    debates_report(&examples, &ct24, &names, &lines, &config, out)?;
    Ok(())
}

fn dev_report(
    model: &Model,
    dev: &[Labelled],
    encoder: Option<&Encoder>,
    mode: &str,
    out: &mut dyn Write,
) -> Result<(), EvalError> {
    let labels: Vec<bool> = dev.iter().map(|r| r.label).collect();
    let detections: Vec<_> = dev
        .iter()
        .map(|r| detect_stage::assess_sentence(model, &r.text, None, encoder))
        .collect();
    let threshold = if encoder.is_some() {
        model.threshold
    } else {
        model.fallback.threshold
    };
    let scores: Vec<f32> = detections.iter().map(|d| d.score).collect();
    let flagged: Vec<bool> = detections.iter().map(|d| d.checkworthy).collect();
    let by_score: Vec<bool> = scores.iter().map(|&s| s >= threshold).collect();
    let final_prf = prf(&flagged, &labels);
    let score_prf = prf(&by_score, &labels);
    let (oracle_threshold, oracle_f1) = best_f1_threshold(&scores, &labels);
    writeln!(
        out,
        "ct24_dev ({} sentences, {} check-worthy; reporting only, never trained or tuned on), {mode}:",
        dev.len(),
        labels.iter().filter(|l| **l).count()
    )?;
    writeln!(
        out,
        "  final decision (score >= threshold and a claim kind): P {:.3} R {:.3} F1 {:.3}   (target F1 >= 0.90)",
        final_prf.precision, final_prf.recall, final_prf.f1
    )?;
    writeln!(
        out,
        "  score alone at the default threshold {threshold:.4}:        P {:.3} R {:.3} F1 {:.3}",
        score_prf.precision, score_prf.recall, score_prf.f1
    )?;
    writeln!(out, "  ROC-AUC {:.3}", roc_auc(&scores, &labels))?;
    writeln!(
        out,
        "  (for reference only, not used for anything: the best threshold in hindsight on dev would be {:.3}, F1 {:.3})",
        oracle_threshold, oracle_f1
    )?;
    let mean_score = scores.iter().map(|&s| f64::from(s)).sum::<f64>() / scores.len().max(1) as f64;
    let positive_rate = labels.iter().filter(|l| **l).count() as f64 / labels.len().max(1) as f64;
    writeln!(
        out,
        "  calibration: mean score {mean_score:.3} vs positive rate {positive_rate:.3}; Brier {:.4}",
        brier(&scores, &labels)
    )?;
    Ok(())
}

fn brier(scores: &[f32], labels: &[bool]) -> f64 {
    let n = scores.len().max(1) as f64;
    scores
        .iter()
        .zip(labels)
        .map(|(&s, &l)| (f64::from(s) - if l { 1.0 } else { 0.0 }).powi(2))
        .sum::<f64>()
        / n
}

/// k-fold cross-validation on ct24_train (the debates always train), with
/// calibration and threshold themselves chosen out of fold: for each fold,
/// from the other folds' out-of-fold margins.
fn cross_validation_report(
    examples: &[Example],
    ct24: &[usize],
    config: &TrainConfig,
    out: &mut dyn Write,
) -> Result<(), EvalError> {
    let in_ct24: HashSet<usize> = ct24.iter().copied().collect();
    let always: Vec<usize> = (0..examples.len())
        .filter(|i| !in_ct24.contains(i))
        .collect();
    let oof = out_of_fold_margins(examples, ct24, &always, config);
    for (name, margins) in [
        ("with the encoder", &oof.full),
        ("without the encoder (fallback)", &oof.fallback),
    ] {
        let cv = cross_validated(examples, &oof, margins);
        writeln!(
            out,
            "ct24_train {}-fold cross-validation, {name} (score alone): P {:.3} R {:.3} F1 {:.3} (per fold {:.3} ± {:.3}) ROC-AUC {:.3}   (target F1 >= 0.78)",
            config.folds,
            cv.all.precision,
            cv.all.recall,
            cv.all.f1,
            cv.fold_f1_mean,
            cv.fold_f1_sd,
            cv.roc_auc
        )?;
    }
    Ok(())
}

/// MAP over the 2019 training debates, each ranked by a model that never saw
/// it: retrained per debate on ct24_train and the other debates, minus every
/// sentence that repeats one of the held-out debate's (the 2016 presidential
/// debates are in both sets).
fn debates_report(
    examples: &[Example],
    ct24: &[usize],
    names: &[&str],
    debates: &[&[Labelled]],
    config: &TrainConfig,
    out: &mut dyn Write,
) -> Result<(), EvalError> {
    writeln!(
        out,
        "clef2019_train_debates, leave-one-debate-out (trained on ct24_train and the other training debates):"
    )?;
    let mut aps = Vec::new();
    let mut fallback_aps = Vec::new();
    let mut start = ct24.len();
    for (name, lines) in names.iter().zip(debates) {
        let held: HashSet<u64> = (start..start + lines.len())
            .map(|i| examples[i].key)
            .collect();
        let training: Vec<usize> = (0..examples.len())
            .filter(|&i| !(start..start + lines.len()).contains(&i))
            .filter(|&i| !held.contains(&examples[i].key))
            .collect();
        let removed = examples.len() - lines.len() - training.len();
        let weights = train::train(examples, &training, config);
        let mean = train::dense_mean(examples, &training);
        let held_out = &examples[start..start + lines.len()];
        let scores: Vec<f32> = held_out
            .iter()
            .map(|e| weights.margin(&e.features))
            .collect();
        let fallback: Vec<f32> = held_out
            .iter()
            .map(|e| fallback_margin(&weights, &e.features, &mean))
            .collect();
        let labels: Vec<bool> = lines.iter().map(|l| l.label).collect();
        let ap = average_precision(&scores, &labels);
        let fallback_ap = average_precision(&fallback, &labels);
        writeln!(
            out,
            "  {:<28} {:>5} lines {:>3} checked  AP {:.3} (fallback {:.3})  (removed {} repeated training sentences)",
            name,
            lines.len(),
            labels.iter().filter(|l| **l).count(),
            ap,
            fallback_ap,
            removed
        )?;
        aps.push(ap);
        fallback_aps.push(fallback_ap);
        start += lines.len();
    }
    let map = aps.iter().sum::<f64>() / aps.len().max(1) as f64;
    let fallback_map = fallback_aps.iter().sum::<f64>() / fallback_aps.len().max(1) as f64;
    writeln!(
        out,
        "  MAP {map:.3} (fallback {fallback_map:.3}) over {} training debates   (target >= 0.30)\n  \
         not comparable with the best published 0.166: that was measured on the 2019 test debates, these are the training debates",
        aps.len()
    )?;
    Ok(())
}
