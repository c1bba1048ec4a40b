//! `claimlens eval checkworthiness`: the shipped model on CheckThat! 2024
//! dev (it was trained on train only), k-fold cross-validation on train, and
//! MAP with leave-one-debate-out over the CheckThat! 2019 debates.

use std::collections::HashSet;
use std::io::Write;
use std::path::Path;

use super::EvalError;
use crate::detect::dataset::{self, sentence_key, Debate, Labelled, CT24_DEV, CT24_TRAIN, DEBATES};
use crate::detect::model::Model;
use crate::detect::train::{
    self, average_precision, best_f1_threshold, fit_platt, out_of_fold_margins, prf, roc_auc,
    Example, TrainConfig,
};
use crate::detect::{self as detect_stage};

pub fn run(data: &Path, out: &mut dyn Write) -> Result<(), EvalError> {
    let load = |rel: &str| {
        dataset::load_ct24(&data.join(rel)).map_err(|e| EvalError::data(&data.join(rel), e))
    };
    let train_rows = load(CT24_TRAIN)?;
    let dev_rows = load(CT24_DEV)?;
    let model = detect_stage::default_model()
        .map_err(|e| EvalError::data(Path::new("assets/checkworthiness.model"), e))?;
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
        "shipped model: assets/checkworthiness.model, {} bytes, 2^{} hashed weights, threshold {:.4}",
        model.to_bytes().len(),
        model.hash_bits(),
        model.threshold
    )?;
    dev_report(model, &dev_rows, out)?;

    let examples = train::examples(&train_rows, config.hash_bits);
    cross_validation_report(&examples, &config, out)?;

    let debates_dir = data.join(DEBATES);
    let debates =
        dataset::load_debates(&debates_dir).map_err(|e| EvalError::data(&debates_dir, e))?;
    debates_report(&train_rows, &debates, &config, out)?;
    Ok(())
}

fn dev_report(model: &Model, dev: &[Labelled], out: &mut dyn Write) -> Result<(), EvalError> {
    let labels: Vec<bool> = dev.iter().map(|r| r.label).collect();
    let detections: Vec<_> = dev
        .iter()
        .map(|r| detect_stage::assess_sentence(model, &r.text, model.threshold))
        .collect();
    let scores: Vec<f32> = detections.iter().map(|d| d.score).collect();
    let flagged: Vec<bool> = detections.iter().map(|d| d.checkworthy).collect();
    let by_score: Vec<bool> = scores.iter().map(|&s| s >= model.threshold).collect();
    let final_prf = prf(&flagged, &labels);
    let score_prf = prf(&by_score, &labels);
    let (oracle_threshold, oracle_f1) = best_f1_threshold(&scores, &labels);
    writeln!(
        out,
        "ct24_dev ({} sentences, {} check-worthy), trained on ct24_train only:",
        dev.len(),
        labels.iter().filter(|l| **l).count()
    )?;
    writeln!(
        out,
        "  final decision (score >= threshold and a claim kind): P {:.3} R {:.3} F1 {:.3}   (target F1 >= 0.85)",
        final_prf.precision, final_prf.recall, final_prf.f1
    )?;
    writeln!(
        out,
        "  score alone at the default threshold:               P {:.3} R {:.3} F1 {:.3}",
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

fn cross_validation_report(
    examples: &[Example],
    config: &TrainConfig,
    out: &mut dyn Write,
) -> Result<(), EvalError> {
    let labels: Vec<bool> = examples.iter().map(|e| e.label).collect();
    let folds = train::folds(examples.len(), config.folds, config.seed);
    let margins = out_of_fold_margins(examples, config);
    // Calibration and threshold are themselves chosen out of fold: for each
    // fold, from the other folds' out-of-fold margins.
    let mut flagged = vec![false; examples.len()];
    let mut fold_f1 = Vec::new();
    for (k, held_out) in folds.iter().enumerate() {
        let others: Vec<usize> = folds
            .iter()
            .enumerate()
            .filter(|(j, _)| *j != k)
            .flat_map(|(_, f)| f.iter().copied())
            .collect();
        let m: Vec<f32> = others.iter().map(|&i| margins[i]).collect();
        let l: Vec<bool> = others.iter().map(|&i| labels[i]).collect();
        let calibration = fit_platt(&m, &l);
        let p: Vec<f32> = m.iter().map(|&x| calibration.probability(x)).collect();
        let (threshold, _) = best_f1_threshold(&p, &l);
        let mut fold_pred = Vec::new();
        let mut fold_labels = Vec::new();
        for &i in held_out {
            flagged[i] = calibration.probability(margins[i]) >= threshold;
            fold_pred.push(flagged[i]);
            fold_labels.push(labels[i]);
        }
        fold_f1.push(prf(&fold_pred, &fold_labels).f1);
    }
    let all = prf(&flagged, &labels);
    let mean = fold_f1.iter().sum::<f64>() / fold_f1.len().max(1) as f64;
    let sd = (fold_f1.iter().map(|f| (f - mean).powi(2)).sum::<f64>()
        / fold_f1.len().max(1) as f64)
        .sqrt();
    writeln!(
        out,
        "ct24_train {}-fold cross-validation (score alone): P {:.3} R {:.3} F1 {:.3} (per fold {:.3} ± {:.3}) ROC-AUC {:.3}",
        config.folds,
        all.precision,
        all.recall,
        all.f1,
        mean,
        sd,
        roc_auc(&margins, &labels)
    )?;
    Ok(())
}

/// MAP over the 2019 debates, each ranked by a model that never saw it: the
/// model is retrained per debate on ct24_train minus every sentence of that
/// debate (the 2016 presidential debates are in both sets).
fn debates_report(
    train_rows: &[Labelled],
    debates: &[Debate],
    config: &TrainConfig,
    out: &mut dyn Write,
) -> Result<(), EvalError> {
    let examples = train::examples(train_rows, config.hash_bits);
    let keys: Vec<String> = train_rows.iter().map(|r| sentence_key(&r.text)).collect();
    let mut aps = Vec::new();
    writeln!(
        out,
        "clef2019_train_debates, leave-one-debate-out (the ct24 recipe retrained without the held-out debate's sentences; no 2019 labels used):"
    )?;
    for debate in debates {
        let held: HashSet<String> = debate.lines.iter().map(|l| sentence_key(&l.text)).collect();
        let training: Vec<usize> = (0..examples.len())
            .filter(|&i| !held.contains(&keys[i]))
            .collect();
        let weights = train::train(&examples, &training, config);
        let scores: Vec<f32> = debate
            .lines
            .iter()
            .map(|l| {
                weights.margin(&detect_stage::standalone_features(
                    &l.text,
                    config.hash_bits,
                ))
            })
            .collect();
        let labels: Vec<bool> = debate.lines.iter().map(|l| l.label).collect();
        let ap = average_precision(&scores, &labels);
        writeln!(
            out,
            "  {:<28} {:>5} lines {:>3} checked  AP {:.3}  (removed {} overlapping training sentences)",
            debate.name,
            debate.lines.len(),
            labels.iter().filter(|l| **l).count(),
            ap,
            examples.len() - training.len()
        )?;
        aps.push(ap);
    }
    let map = aps.iter().sum::<f64>() / aps.len().max(1) as f64;
    writeln!(
        out,
        "  MAP {map:.3} over {} debates (best published on the 2019 test debates: 0.166)",
        aps.len()
    )?;
    Ok(())
}
