//! Training the check-worthiness model: L2-regularised logistic regression
//! fitted with AdaGrad, k-fold out-of-fold margins for Platt calibration and
//! the threshold (of the full model and of its no-encoder fallback), then a
//! final fit on all the data. Deterministic for a seed: the only randomness
//! is our own SplitMix64 shuffle.

use std::collections::HashSet;

use super::features::Features;
use super::model::{dot, sigmoid, Calibration, Fallback, Model, Weights};
use crate::encode::Encoder;

#[derive(Debug, Clone)]
pub struct Example {
    pub features: Features,
    pub label: bool,
    /// Loss weight (the debates' sparser labels count for less).
    pub weight: f32,
    /// The sentence's [`super::dataset::sentence_key`], hashed: a held-out
    /// sentence's copies elsewhere in the data stay out of training.
    pub key: u64,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TrainConfig {
    pub hash_bits: u8,
    pub epochs: usize,
    pub learning_rate: f32,
    /// L2 penalty per example seen (applied to the active weights).
    pub l2: f32,
    /// Loss weight of a positive example (the classes are 1:3).
    pub positive_weight: f32,
    pub folds: usize,
    pub seed: u64,
    /// Average the weights at the end of this many final epochs (0: none),
    /// which steadies SGD's last-example noise.
    pub average_last: usize,
    /// Loss weight of a CheckThat! 2019 debate line, relative to a ct24 one.
    /// The debates label only what journalists went on to check (a few
    /// percent of lines), a stricter notion than ct24's. Chosen on ct24_train
    /// cross-validation and the debates' leave-one-out MAP (never on
    /// ct24_dev), over 0, 0.1, 0.3 and 1: F1 0.692/0.689/0.683/0.669, MAP
    /// 0.237/0.236/0.233/0.227. At 0.1 they cost nothing within the folds'
    /// spread (± 0.008).
    pub debate_weight: f32,
}

impl Default for TrainConfig {
    fn default() -> Self {
        TrainConfig {
            hash_bits: super::features::DEFAULT_HASH_BITS,
            epochs: 6,
            learning_rate: 0.1,
            l2: 1e-5,
            positive_weight: 1.0,
            folds: 5,
            seed: 2024,
            average_last: 0,
            debate_weight: 0.1,
        }
    }
}

/// Features for labelled sentences, as the shipped model sees them, each
/// with loss weight `weight`.
pub fn examples(
    rows: &[super::dataset::Labelled],
    hash_bits: u8,
    encoder: Option<&Encoder>,
    weight: f32,
) -> Vec<Example> {
    rows.iter()
        .map(|r| Example {
            features: super::standalone_features(&r.text, hash_bits, encoder),
            label: r.label,
            weight,
            key: key_hash(&super::dataset::sentence_key(&r.text)),
        })
        .collect()
}

/// The training data: ct24_train's sentences, then every line of the 2019
/// training debates (loss weight `config.debate_weight`), with the indices of
/// the ct24 ones (calibration and cross-validation use those).
pub fn training_examples(
    data: &std::path::Path,
    encoder: Option<&Encoder>,
    config: &TrainConfig,
) -> Result<(Vec<Example>, Vec<usize>), super::dataset::DatasetError> {
    use super::dataset::{load_ct24, load_debates, CT24_TRAIN, DEBATES};
    let rows = load_ct24(&data.join(CT24_TRAIN))?;
    let debates = load_debates(&data.join(DEBATES))?;
    let mut all = examples(&rows, config.hash_bits, encoder, 1.0);
    let ct24: Vec<usize> = (0..all.len()).collect();
    for debate in &debates {
        all.extend(examples(
            &debate.lines,
            config.hash_bits,
            encoder,
            config.debate_weight,
        ));
    }
    Ok((all, ct24))
}

fn key_hash(key: &str) -> u64 {
    key.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01B3)
    })
}

/// The mean encoder vector of `indices` (empty when they have none).
pub fn dense_mean(all: &[Example], indices: &[usize]) -> Vec<f32> {
    let dims = indices
        .iter()
        .find_map(|&i| all.get(i).map(|e| e.features.dense.len()))
        .unwrap_or(0);
    let mut sum = vec![0.0f64; dims];
    let mut n = 0usize;
    for e in indices.iter().filter_map(|&i| all.get(i)) {
        if e.features.dense.len() == dims {
            sum.iter_mut()
                .zip(&e.features.dense)
                .for_each(|(s, &x)| *s += f64::from(x));
            n += 1;
        }
    }
    sum.iter().map(|s| (s / n.max(1) as f64) as f32).collect()
}

/// The margin `weights` give `f` without its encoder vector: as if it were
/// the average sentence `mean` (the shipped fallback).
pub fn fallback_margin(weights: &Weights, f: &Features, mean: &[f32]) -> f32 {
    weights.margin(f) - dot(&weights.dense, &f.dense) + dot(&weights.dense, mean)
}

/// SplitMix64: tiny, portable and fully deterministic.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.below(i + 1);
            items.swap(i, j);
        }
    }
}

/// Fits a logistic regression on `examples` (indices into `all`).
pub fn train(all: &[Example], indices: &[usize], config: &TrainConfig) -> Weights {
    train_towards(all, indices, None, config)
}

/// [`train`] towards soft targets: `targets[i]` in 0..=1 replaces example
/// i's label in the loss (distillation from another model's probabilities;
/// the positive weight still follows the label). `None`: the labels.
pub fn train_towards(
    all: &[Example],
    indices: &[usize],
    targets: Option<&[f32]>,
    config: &TrainConfig,
) -> Weights {
    let dense_dims = indices
        .iter()
        .find_map(|&i| all.get(i).map(|e| e.features.dense.len()))
        .unwrap_or(0);
    let mut w = Weights::zero(config.hash_bits, dense_dims);
    let mut g2_hashed = vec![1e-6f32; w.hashed.len()];
    let mut g2_dense = vec![1e-6f32; dense_dims];
    let mut g2_cues = [1e-6f32; super::features::CUE_COUNT];
    let mut g2_bias = 1e-6f32;
    let mut order = indices.to_vec();
    let mut rng = Rng::new(config.seed);
    let lr = config.learning_rate;
    let mut sum: Option<Weights> = None;
    let mut averaged = 0usize;
    for epoch in 0..config.epochs {
        rng.shuffle(&mut order);
        for &i in &order {
            let Some(example) = all.get(i) else { continue };
            let f = &example.features;
            let y = match targets.and_then(|t| t.get(i)) {
                Some(&t) => t,
                None if example.label => 1.0,
                None => 0.0,
            };
            let weight = example.weight
                * if example.label {
                    config.positive_weight
                } else {
                    1.0
                };
            let g = (sigmoid(w.margin(f)) - y) * weight;
            g2_bias += g * g;
            w.bias -= lr * g / g2_bias.sqrt();
            for cue in f.cues.iter() {
                let k = cue as usize;
                let grad = g + config.l2 * w.cues[k];
                g2_cues[k] += grad * grad;
                w.cues[k] -= lr * grad / g2_cues[k].sqrt();
            }
            for &(bucket, value, _) in &f.hashed {
                let k = bucket as usize;
                if k >= w.hashed.len() {
                    continue;
                }
                let grad = g * value + config.l2 * w.hashed[k];
                g2_hashed[k] += grad * grad;
                w.hashed[k] -= lr * grad / g2_hashed[k].sqrt();
            }
            if f.dense.len() == dense_dims {
                for ((wd, g2), &x) in w.dense.iter_mut().zip(&mut g2_dense).zip(&f.dense) {
                    let grad = g * x + config.l2 * *wd;
                    *g2 += grad * grad;
                    *wd -= lr * grad / g2.sqrt();
                }
            }
        }
        if epoch + config.average_last >= config.epochs {
            averaged += 1;
            match &mut sum {
                None => sum = Some(w.clone()),
                Some(total) => {
                    total.bias += w.bias;
                    total
                        .cues
                        .iter_mut()
                        .zip(&w.cues)
                        .for_each(|(t, x)| *t += x);
                    total
                        .hashed
                        .iter_mut()
                        .zip(&w.hashed)
                        .for_each(|(t, x)| *t += x);
                    total
                        .dense
                        .iter_mut()
                        .zip(&w.dense)
                        .for_each(|(t, x)| *t += x);
                }
            }
        }
    }
    match sum {
        Some(mut total) if averaged > 1 => {
            let n = averaged as f32;
            total.bias /= n;
            total.cues.iter_mut().for_each(|t| *t /= n);
            total.hashed.iter_mut().for_each(|t| *t /= n);
            total.dense.iter_mut().for_each(|t| *t /= n);
            total
        }
        _ => w,
    }
}

/// Splits `0..n` into `k` folds after a seeded shuffle.
pub fn folds(n: usize, k: usize, seed: u64) -> Vec<Vec<usize>> {
    let mut order: Vec<usize> = (0..n).collect();
    Rng::new(seed ^ 0xF01D).shuffle(&mut order);
    let k = k.max(2);
    let mut out = vec![Vec::new(); k];
    for (pos, i) in order.into_iter().enumerate() {
        out[pos % k].push(i);
    }
    out
}

/// Out-of-fold margins of the full model and of its fallback.
#[derive(Debug, Clone, PartialEq)]
pub struct OutOfFold {
    /// The k folds, as indices into the examples.
    pub folds: Vec<Vec<usize>>,
    /// Per example (0 for those never held out).
    pub full: Vec<f32>,
    pub fallback: Vec<f32>,
}

/// Out-of-fold margins: each of `scored` is scored by a model that never saw
/// it, trained on the other folds plus `always` (minus any sentence that
/// repeats one held out).
pub fn out_of_fold_margins(
    all: &[Example],
    scored: &[usize],
    always: &[usize],
    config: &TrainConfig,
) -> OutOfFold {
    let splits: Vec<Vec<usize>> = folds(scored.len(), config.folds, config.seed)
        .into_iter()
        .map(|fold| fold.into_iter().map(|k| scored[k]).collect())
        .collect();
    let mut full = vec![0.0f32; all.len()];
    let mut fallback = vec![0.0f32; all.len()];
    for (k, held_out) in splits.iter().enumerate() {
        let held: HashSet<u64> = held_out.iter().map(|&i| all[i].key).collect();
        let training: Vec<usize> = splits
            .iter()
            .enumerate()
            .filter(|(j, _)| *j != k)
            .flat_map(|(_, f)| f.iter().copied())
            .chain(
                always
                    .iter()
                    .copied()
                    .filter(|&i| !held.contains(&all[i].key)),
            )
            .collect();
        let w = train(all, &training, config);
        let mean = dense_mean(all, &training);
        for &i in held_out {
            full[i] = w.margin(&all[i].features);
            fallback[i] = fallback_margin(&w, &all[i].features, &mean);
        }
    }
    OutOfFold {
        folds: splits,
        full,
        fallback,
    }
}

/// Platt scaling: fits `sigmoid(a * margin + b)` to the labels by Newton's
/// method on the log loss, with Platt's smoothed targets against overfitting.
pub fn fit_platt(margins: &[f32], labels: &[bool]) -> Calibration {
    let positives = labels.iter().filter(|l| **l).count() as f64;
    let negatives = labels.len() as f64 - positives;
    let hi = (positives + 1.0) / (positives + 2.0);
    let lo = 1.0 / (negatives + 2.0);
    let (mut a, mut b) = (1.0f64, 0.0f64);
    for _ in 0..100 {
        let (mut ga, mut gb, mut haa, mut hab, mut hbb) = (0.0, 0.0, 1e-9, 0.0, 1e-9);
        for (&m, &l) in margins.iter().zip(labels) {
            let m = f64::from(m);
            let t = if l { hi } else { lo };
            let p = 1.0 / (1.0 + (-(a * m + b)).exp());
            let d = p - t;
            let s = p * (1.0 - p);
            ga += d * m;
            gb += d;
            haa += s * m * m;
            hab += s * m;
            hbb += s;
        }
        let det = haa * hbb - hab * hab;
        if det.abs() < 1e-12 {
            break;
        }
        let da = (hbb * ga - hab * gb) / det;
        let db = (haa * gb - hab * ga) / det;
        a -= da;
        b -= db;
        if da.abs() < 1e-9 && db.abs() < 1e-9 {
            break;
        }
    }
    Calibration {
        a: a as f32,
        b: b as f32,
    }
}

/// Cross-validated figures of out-of-fold margins.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CrossValidated {
    /// Over all held-out examples together.
    pub all: Prf,
    /// F1 per fold: mean and standard deviation.
    pub fold_f1_mean: f64,
    pub fold_f1_sd: f64,
    pub roc_auc: f64,
}

/// Scores out-of-fold `margins` as a reader of new text would meet them:
/// each fold's calibration and threshold are chosen on the other folds
/// only, never on the fold they decide.
pub fn cross_validated(examples: &[Example], oof: &OutOfFold, margins: &[f32]) -> CrossValidated {
    let mut flagged = Vec::new();
    let mut labels = Vec::new();
    let mut fold_f1 = Vec::new();
    for (k, held_out) in oof.folds.iter().enumerate() {
        let others: Vec<usize> = oof
            .folds
            .iter()
            .enumerate()
            .filter(|(j, _)| *j != k)
            .flat_map(|(_, f)| f.iter().copied())
            .collect();
        let m: Vec<f32> = others.iter().map(|&i| margins[i]).collect();
        let l: Vec<bool> = others.iter().map(|&i| examples[i].label).collect();
        let (calibration, threshold, _) = calibrate(&m, &l);
        let pred: Vec<bool> = held_out
            .iter()
            .map(|&i| calibration.probability(margins[i]) >= threshold)
            .collect();
        let truth: Vec<bool> = held_out.iter().map(|&i| examples[i].label).collect();
        fold_f1.push(prf(&pred, &truth).f1);
        flagged.extend(pred);
        labels.extend(truth);
    }
    let n = fold_f1.len().max(1) as f64;
    let mean = fold_f1.iter().sum::<f64>() / n;
    let sd = (fold_f1.iter().map(|f| (f - mean).powi(2)).sum::<f64>() / n).sqrt();
    let scored: Vec<f32> = oof.folds.iter().flatten().map(|&i| margins[i]).collect();
    let truth: Vec<bool> = oof
        .folds
        .iter()
        .flatten()
        .map(|&i| examples[i].label)
        .collect();
    CrossValidated {
        all: prf(&flagged, &labels),
        fold_f1_mean: mean,
        fold_f1_sd: sd,
        roc_auc: roc_auc(&scored, &truth),
    }
}

/// Precision, recall and F1 of the positive class.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Prf {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

pub fn prf(predicted: &[bool], labels: &[bool]) -> Prf {
    let mut tp = 0usize;
    let mut fp = 0usize;
    let mut fn_ = 0usize;
    for (&p, &l) in predicted.iter().zip(labels) {
        match (p, l) {
            (true, true) => tp += 1,
            (true, false) => fp += 1,
            (false, true) => fn_ += 1,
            _ => {}
        }
    }
    let precision = if tp + fp > 0 {
        tp as f64 / (tp + fp) as f64
    } else {
        0.0
    };
    let recall = if tp + fn_ > 0 {
        tp as f64 / (tp + fn_) as f64
    } else {
        0.0
    };
    let f1 = if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    };
    Prf {
        precision,
        recall,
        f1,
    }
}

/// The score threshold that maximises positive-class F1, and that F1.
pub fn best_f1_threshold(scores: &[f32], labels: &[bool]) -> (f32, f64) {
    let mut order: Vec<usize> = (0..scores.len()).collect();
    crate::sort::sort_by(&mut order, |&i, &j| scores[j].total_cmp(&scores[i]));
    let positives = labels.iter().filter(|l| **l).count();
    let (mut tp, mut fp) = (0usize, 0usize);
    let (mut best_f1, mut best_threshold) = (0.0f64, 0.5f32);
    for (rank, &i) in order.iter().enumerate() {
        if labels[i] {
            tp += 1;
        } else {
            fp += 1;
        }
        // Only cut between distinct scores.
        let next = order.get(rank + 1).map(|&j| scores[j]);
        if next == Some(scores[i]) {
            continue;
        }
        let precision = tp as f64 / (tp + fp) as f64;
        let recall = tp as f64 / positives.max(1) as f64;
        let f1 = if tp > 0 {
            2.0 * precision * recall / (precision + recall)
        } else {
            0.0
        };
        if f1 > best_f1 {
            best_f1 = f1;
            // Midway to the next score, so it generalises a little.
            best_threshold = next.map_or(scores[i], |n| (scores[i] + n) / 2.0);
        }
    }
    (best_threshold, best_f1)
}

/// Area under the ROC curve, ties counted half (Mann-Whitney U).
pub fn roc_auc(scores: &[f32], labels: &[bool]) -> f64 {
    let mut order: Vec<usize> = (0..scores.len()).collect();
    crate::sort::sort_by(&mut order, |&i, &j| scores[i].total_cmp(&scores[j]));
    let mut rank_sum = 0.0f64;
    let mut k = 0;
    while k < order.len() {
        let mut end = k;
        while end + 1 < order.len() && scores[order[end + 1]] == scores[order[k]] {
            end += 1;
        }
        let mid_rank = (k + end) as f64 / 2.0 + 1.0;
        for &i in &order[k..=end] {
            if labels[i] {
                rank_sum += mid_rank;
            }
        }
        k = end + 1;
    }
    let positives = labels.iter().filter(|l| **l).count() as f64;
    let negatives = labels.len() as f64 - positives;
    if positives == 0.0 || negatives == 0.0 {
        return 0.5;
    }
    (rank_sum - positives * (positives + 1.0) / 2.0) / (positives * negatives)
}

/// Average precision of a ranking by descending score (ties in input order).
pub fn average_precision(scores: &[f32], labels: &[bool]) -> f64 {
    let mut order: Vec<usize> = (0..scores.len()).collect();
    crate::sort::sort_by(&mut order, |&i, &j| scores[j].total_cmp(&scores[i]));
    let positives = labels.iter().filter(|l| **l).count();
    if positives == 0 {
        return 0.0;
    }
    let mut hits = 0usize;
    let mut sum = 0.0f64;
    for (rank, &i) in order.iter().enumerate() {
        if labels[i] {
            hits += 1;
            sum += hits as f64 / (rank + 1) as f64;
        }
    }
    sum / positives as f64
}

/// What training printed about itself, for the CLI and the eval.
#[derive(Debug, Clone, PartialEq)]
pub struct TrainReport {
    pub examples: usize,
    pub positives: usize,
    /// Out of fold on the calibration examples, at the chosen threshold
    /// (in-sample for the threshold itself).
    pub cross_validated: Prf,
    pub cross_validated_auc: f64,
    pub fallback_cross_validated: Prf,
}

/// A Platt calibration and the F1-best threshold on the calibrated scores.
pub fn calibrate(margins: &[f32], labels: &[bool]) -> (Calibration, f32, Prf) {
    let calibration = fit_platt(margins, labels);
    let probabilities: Vec<f32> = margins
        .iter()
        .map(|&m| calibration.probability(m))
        .collect();
    let (threshold, _) = best_f1_threshold(&probabilities, labels);
    let predicted: Vec<bool> = probabilities.iter().map(|&p| p >= threshold).collect();
    (calibration, threshold, prf(&predicted, labels))
}

/// The whole recipe: calibration and thresholds from out-of-fold margins on
/// `calibration_set` (the ct24 sentences: the debates' labels follow another
/// rate and scheme), then a fit on everything, quantised.
pub fn build_model(
    all: &[Example],
    calibration_set: &[usize],
    encoder_checksum: u32,
    config: &TrainConfig,
) -> (Model, TrainReport) {
    let in_set: HashSet<usize> = calibration_set.iter().copied().collect();
    let always: Vec<usize> = (0..all.len()).filter(|i| !in_set.contains(i)).collect();
    let oof = out_of_fold_margins(all, calibration_set, &always, config);
    let labels: Vec<bool> = calibration_set.iter().map(|&i| all[i].label).collect();
    let pick = |m: &[f32]| calibration_set.iter().map(|&i| m[i]).collect::<Vec<f32>>();
    let full = pick(&oof.full);
    let (calibration, threshold, full_prf) = calibrate(&full, &labels);
    let (fallback_calibration, fallback_threshold, fallback_prf) =
        calibrate(&pick(&oof.fallback), &labels);
    let report = TrainReport {
        examples: all.len(),
        positives: all.iter().filter(|e| e.label).count(),
        cross_validated: full_prf,
        cross_validated_auc: roc_auc(&full, &labels),
        fallback_cross_validated: fallback_prf,
    };
    let everything: Vec<usize> = (0..all.len()).collect();
    let weights = train(all, &everything, config);
    let mean = dense_mean(all, &everything);
    let fallback = Fallback {
        calibration: fallback_calibration,
        threshold: fallback_threshold,
    };
    let model = Model::quantise(
        &weights,
        &mean,
        encoder_checksum,
        calibration,
        threshold,
        fallback,
    );
    (model, report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn metrics_on_hand_computed_cases() {
        let labels = [true, false, true, false];
        let p = prf(&[true, true, false, false], &labels);
        assert_eq!((p.precision, p.recall, p.f1), (0.5, 0.5, 0.5));
        assert_eq!(roc_auc(&[0.9, 0.1, 0.8, 0.2], &labels), 1.0);
        assert_eq!(roc_auc(&[0.1, 0.9, 0.2, 0.8], &labels), 0.0);
        assert_eq!(roc_auc(&[0.5, 0.5, 0.5, 0.5], &labels), 0.5);
        // Ranking: T F T F -> (1/1 + 2/3) / 2.
        let ap = average_precision(&[0.9, 0.8, 0.7, 0.1], &labels);
        assert!((ap - (1.0 + 2.0 / 3.0) / 2.0).abs() < 1e-12);
        let (t, f1) = best_f1_threshold(&[0.9, 0.1, 0.8, 0.2], &labels);
        assert_eq!(f1, 1.0);
        assert!(t > 0.2 && t <= 0.8);
    }

    #[test]
    fn platt_recovers_a_known_sigmoid() {
        // Labels drawn deterministically from sigmoid(2m - 1).
        let mut rng = Rng::new(7);
        let mut margins = Vec::new();
        let mut labels = Vec::new();
        for _ in 0..20_000 {
            let m = (rng.below(2001) as f32 - 1000.0) / 250.0;
            let p = sigmoid(2.0 * m - 1.0);
            margins.push(m);
            labels.push((rng.below(1_000_000) as f32) < p * 1e6);
        }
        let c = fit_platt(&margins, &labels);
        assert!((c.a - 2.0).abs() < 0.15, "{c:?}");
        assert!((c.b + 1.0).abs() < 0.15, "{c:?}");
    }

    #[test]
    fn soft_targets_pull_the_margins_towards_them() {
        // One cue separates the classes perfectly; trained towards a flat
        // 0.5 instead of the labels, the model must not learn the split.
        let examples: Vec<Example> = (0..400)
            .map(|k| {
                let label = k % 2 == 0;
                let mut features = Features::default();
                if label {
                    features.cues.set(super::super::features::Cue::Digits);
                }
                Example {
                    features,
                    label,
                    weight: 1.0,
                    key: k,
                }
            })
            .collect();
        let all: Vec<usize> = (0..examples.len()).collect();
        let config = TrainConfig {
            hash_bits: 4,
            ..TrainConfig::default()
        };
        let margin_gap =
            |w: &Weights| w.margin(&examples[0].features) - w.margin(&examples[1].features);
        let by_labels = train(&examples, &all, &config);
        let towards_labels: Vec<f32> = examples
            .iter()
            .map(|e| f32::from(u8::from(e.label)))
            .collect();
        assert_eq!(
            by_labels,
            train_towards(&examples, &all, Some(&towards_labels), &config)
        );
        assert!(margin_gap(&by_labels) > 3.0, "{}", margin_gap(&by_labels));
        let flat = train_towards(&examples, &all, Some(&vec![0.5; examples.len()]), &config);
        assert!(margin_gap(&flat).abs() < 0.3, "{}", margin_gap(&flat));
    }

    #[test]
    fn folds_partition_every_index_once() {
        let f = folds(103, 5, 1);
        let mut all: Vec<usize> = f.concat();
        all.sort();
        assert_eq!(all, (0..103).collect::<Vec<_>>());
        assert!(f.iter().all(|fold| (20..=21).contains(&fold.len())));
    }
}
