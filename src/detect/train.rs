//! Training the check-worthiness model: L2-regularised logistic regression
//! fitted with AdaGrad, k-fold out-of-fold margins for Platt calibration and
//! the threshold, then a final fit on all the data. Deterministic for a seed:
//! the only randomness is our own SplitMix64 shuffle.

use super::features::Features;
use super::model::{sigmoid, Calibration, Model, Weights};

#[derive(Debug, Clone)]
pub struct Example {
    pub features: Features,
    pub label: bool,
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
        }
    }
}

/// Features for labelled sentences, as the shipped model sees them.
pub fn examples(rows: &[super::dataset::Labelled], hash_bits: u8) -> Vec<Example> {
    rows.iter()
        .map(|r| Example {
            features: super::standalone_features(&r.text, hash_bits),
            label: r.label,
        })
        .collect()
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
    let mut w = Weights::zero(config.hash_bits);
    let mut g2_hashed = vec![1e-6f32; w.hashed.len()];
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
            let y = if example.label { 1.0 } else { 0.0 };
            let weight = if example.label {
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

/// Out-of-fold margins: each example scored by a model that never saw it.
pub fn out_of_fold_margins(all: &[Example], config: &TrainConfig) -> Vec<f32> {
    let splits = folds(all.len(), config.folds, config.seed);
    let mut margins = vec![0.0f32; all.len()];
    for (k, held_out) in splits.iter().enumerate() {
        let training: Vec<usize> = splits
            .iter()
            .enumerate()
            .filter(|(j, _)| *j != k)
            .flat_map(|(_, f)| f.iter().copied())
            .collect();
        let w = train(all, &training, config);
        for &i in held_out {
            margins[i] = w.margin(&all[i].features);
        }
    }
    margins
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
    pub cross_validated: Prf,
    pub cross_validated_auc: f64,
}

/// The whole recipe: cross-validated calibration and threshold, then a fit
/// on everything, quantised.
pub fn build_model(all: &[Example], config: &TrainConfig) -> (Model, TrainReport) {
    let labels: Vec<bool> = all.iter().map(|e| e.label).collect();
    let margins = out_of_fold_margins(all, config);
    let calibration = fit_platt(&margins, &labels);
    let probabilities: Vec<f32> = margins
        .iter()
        .map(|&m| calibration.probability(m))
        .collect();
    let (threshold, _) = best_f1_threshold(&probabilities, &labels);
    let predicted: Vec<bool> = probabilities.iter().map(|&p| p >= threshold).collect();
    let report = TrainReport {
        examples: all.len(),
        positives: labels.iter().filter(|l| **l).count(),
        cross_validated: prf(&predicted, &labels),
        cross_validated_auc: roc_auc(&margins, &labels),
    };
    let everything: Vec<usize> = (0..all.len()).collect();
    let weights = train(all, &everything, config);
    (Model::quantise(&weights, calibration, threshold), report)
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
    fn folds_partition_every_index_once() {
        let f = folds(103, 5, 1);
        let mut all: Vec<usize> = f.concat();
        all.sort();
        assert_eq!(all, (0..103).collect::<Vec<_>>());
        assert!(f.iter().all(|fold| (20..=21).contains(&fold.len())));
    }
}
