//! Measurement only (issue 16): would a contextual encoder lift
//! check-worthiness on these labels? Scores the shipped recipe with the
//! teacher's sentence vectors (from `teacher_sentences`) exactly as
//! `claimlens eval checkworthiness` scores the shipped model: 5-fold
//! cross-validation on ct24_train (the debates always train; calibration and
//! threshold for each fold chosen on the other folds' out-of-fold margins),
//! and MAP over the 2019 training debates, leave one debate out. ct24_dev is
//! never read.
//!
//! Usage: `teacher_eval DATA_DIR VECTORS [VARIANT ...]`, VARIANT one of
//! `shipped` (today's recipe: cues, n-grams, static encoder vector),
//! `teacher` (logistic regression on the teacher vector alone),
//! `teacher+cues` (cues, n-grams and the teacher vector instead of the static
//! one), `both` (cues, n-grams, static and teacher vectors).
//! Environment: SEEDS (comma-separated fold seeds, default 2024), SCALE (the
//! teacher vector's multiplier, default 3), EPOCHS (default 6), LODO (0 to
//! skip the debates), ALPHA (default 0.5), TEACHER_VARIANT (default
//! `teacher+cues`).

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use claimlens::detect::dataset::{load_debates, training_texts, DEBATES};
use claimlens::detect::features::CueSet;
use claimlens::detect::model::sigmoid;
use claimlens::detect::train::{
    average_precision, cross_validated, folds, out_of_fold_margins, train, train_towards,
    training_examples, Example, OutOfFold, TrainConfig,
};

type Error = Box<dyn std::error::Error>;

fn main() {
    if let Err(e) = run() {
        eprintln!("teacher_eval: {e}");
        std::process::exit(1);
    }
}

fn env<T: std::str::FromStr>(name: &str, default: T) -> T {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn run() -> Result<(), Error> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [data, vectors, variants @ ..] = &args[..] else {
        return Err("usage: teacher_eval DATA_DIR VECTORS [VARIANT ...]".into());
    };
    let data = PathBuf::from(data);
    let seeds: Vec<u64> = std::env::var("SEEDS")
        .unwrap_or_else(|_| "2024".into())
        .split(',')
        .map(str::parse)
        .collect::<Result<_, _>>()?;
    let scale: f32 = env("SCALE", 3.0);
    let lodo: bool = env("LODO", 1u8) != 0;
    let config = TrainConfig {
        epochs: env("EPOCHS", TrainConfig::default().epochs),
        ..TrainConfig::default()
    };
    let encoder = claimlens::encode::builtin();
    let (shipped, ct24) = training_examples(&data, encoder.as_deref(), &config)?;
    let teacher = load_vectors(&data, Path::new(vectors))?;
    if teacher.len() != shipped.len() {
        return Err("the vectors do not match the training examples".into());
    }
    let in_ct24: HashSet<usize> = ct24.iter().copied().collect();
    let always: Vec<usize> = (0..shipped.len())
        .filter(|i| !in_ct24.contains(i))
        .collect();
    let debate_sizes: Vec<usize> = load_debates(&data.join(DEBATES))?
        .iter()
        .map(|d| d.lines.len())
        .collect();
    let variants: Vec<&str> = if variants.is_empty() {
        vec!["shipped", "teacher", "teacher+cues"]
    } else {
        variants.iter().map(String::as_str).collect()
    };
    let alpha: f32 = env("ALPHA", 0.5);
    let teacher_variant = std::env::var("TEACHER_VARIANT").unwrap_or("teacher+cues".into());
    for variant in variants {
        let distill = variant == "distill";
        let examples = if distill {
            shipped.clone()
        } else {
            with_teacher(&shipped, &teacher, variant, scale)?
        };
        let teacher_examples = if distill {
            with_teacher(&shipped, &teacher, &teacher_variant, scale)?
        } else {
            Vec::new()
        };
        let label = if distill {
            format!("distill from {teacher_variant} (alpha {alpha})")
        } else {
            variant.to_string()
        };
        for &seed in &seeds {
            let config = TrainConfig { seed, ..config };
            let started = std::time::Instant::now();
            let (oof, margins) = if distill {
                distilled_out_of_fold(&examples, &teacher_examples, &ct24, &always, alpha, &config)
            } else {
                let oof = out_of_fold_margins(&examples, &ct24, &always, &config);
                let margins = oof.full.clone();
                (oof, margins)
            };
            let cv = cross_validated(&examples, &oof, &margins);
            eprintln!("({:.0} s)", started.elapsed().as_secs_f64());
            println!(
                "{label} (scale {scale}, epochs {}) seed {seed}: ct24_train 5-fold CV P {:.4} R {:.4} F1 {:.4} (per fold {:.4} ± {:.4}) ROC-AUC {:.4}",
                config.epochs,
                cv.all.precision,
                cv.all.recall,
                cv.all.f1,
                cv.fold_f1_mean,
                cv.fold_f1_sd,
                cv.roc_auc
            );
        }
        if lodo {
            let config = TrainConfig {
                seed: seeds[0],
                ..config
            };
            let teacher = distill.then(|| (&teacher_examples[..], alpha));
            let map = debates_map(&examples, teacher, ct24.len(), &debate_sizes, &config);
            println!(
                "{label} (scale {scale}): clef2019_train_debates leave-one-debate-out MAP {map:.4}"
            );
        }
    }
    Ok(())
}

/// The examples as `variant` sees them.
fn with_teacher(
    shipped: &[Example],
    teacher: &[Vec<f32>],
    variant: &str,
    scale: f32,
) -> Result<Vec<Example>, Error> {
    let scaled = |v: &[f32]| v.iter().map(|x| x * scale).collect::<Vec<f32>>();
    shipped
        .iter()
        .zip(teacher)
        .map(|(e, t)| {
            let mut e = e.clone();
            match variant {
                "shipped" => {}
                "teacher" => {
                    e.features.cues = CueSet::default();
                    e.features.hashed.clear();
                    e.features.dense = scaled(t);
                }
                "teacher+cues" => e.features.dense = scaled(t),
                "both" => e.features.dense.extend(scaled(t)),
                other => return Err(format!("unknown variant {other}").into()),
            }
            Ok(e)
        })
        .collect()
}

/// The training examples minus those that repeat a held-out sentence.
fn without_repeats(examples: &[Example], candidates: &[usize], held_out: &[usize]) -> Vec<usize> {
    let held: HashSet<u64> = held_out.iter().map(|&i| examples[i].key).collect();
    candidates
        .iter()
        .copied()
        .filter(|&i| !held.contains(&examples[i].key))
        .collect()
}

/// Soft targets for `training`: alpha × label + (1 − alpha) × the
/// probability the teacher-vector model gives each example when trained on
/// the other four fifths of `training` (indexed like `examples`).
fn soft_targets(
    teacher: &[Example],
    training: &[usize],
    alpha: f32,
    config: &TrainConfig,
) -> Vec<f32> {
    let mut targets = vec![0.0f32; teacher.len()];
    let inner: Vec<Vec<usize>> = folds(training.len(), 5, config.seed ^ 0x1A2B)
        .into_iter()
        .map(|f| f.into_iter().map(|k| training[k]).collect())
        .collect();
    for (j, held) in inner.iter().enumerate() {
        let rest: Vec<usize> = inner
            .iter()
            .enumerate()
            .filter(|(m, _)| *m != j)
            .flat_map(|(_, f)| f.iter().copied())
            .collect();
        let rest = without_repeats(teacher, &rest, held);
        let w = train(teacher, &rest, config);
        for &i in held {
            let y = if teacher[i].label { 1.0 } else { 0.0 };
            targets[i] = alpha * y + (1.0 - alpha) * sigmoid(w.margin(&teacher[i].features));
        }
    }
    targets
}

/// Out-of-fold margins of the student trained towards soft targets, on the
/// same folds as [`out_of_fold_margins`].
fn distilled_out_of_fold(
    student: &[Example],
    teacher: &[Example],
    ct24: &[usize],
    always: &[usize],
    alpha: f32,
    config: &TrainConfig,
) -> (OutOfFold, Vec<f32>) {
    let splits: Vec<Vec<usize>> = folds(ct24.len(), config.folds, config.seed)
        .into_iter()
        .map(|f| f.into_iter().map(|k| ct24[k]).collect())
        .collect();
    let mut margins = vec![0.0f32; student.len()];
    for (k, held) in splits.iter().enumerate() {
        let training: Vec<usize> = splits
            .iter()
            .enumerate()
            .filter(|(j, _)| *j != k)
            .flat_map(|(_, f)| f.iter().copied())
            .chain(without_repeats(student, always, held))
            .collect();
        let targets = soft_targets(teacher, &training, alpha, config);
        let w = train_towards(student, &training, Some(&targets), config);
        for &i in held {
            margins[i] = w.margin(&student[i].features);
        }
    }
    let oof = OutOfFold {
        folds: splits,
        full: margins.clone(),
        fallback: vec![0.0; student.len()],
    };
    (oof, margins)
}

/// As `claimlens eval checkworthiness`: each debate ranked by a model trained
/// on everything else minus the sentences that repeat one of it (towards
/// the teacher's soft targets when `teacher` is given).
fn debates_map(
    examples: &[Example],
    teacher: Option<(&[Example], f32)>,
    start: usize,
    sizes: &[usize],
    config: &TrainConfig,
) -> f64 {
    let mut start = start;
    let mut aps = Vec::new();
    for &n in sizes {
        let range = start..start + n;
        let held: HashSet<u64> = range.clone().map(|i| examples[i].key).collect();
        let training: Vec<usize> = (0..examples.len())
            .filter(|i| !range.contains(i) && !held.contains(&examples[*i].key))
            .collect();
        let weights = match teacher {
            Some((teacher, alpha)) => {
                let targets = soft_targets(teacher, &training, alpha, config);
                train_towards(examples, &training, Some(&targets), config)
            }
            None => train(examples, &training, config),
        };
        let scores: Vec<f32> = range
            .clone()
            .map(|i| weights.margin(&examples[i].features))
            .collect();
        let labels: Vec<bool> = range.clone().map(|i| examples[i].label).collect();
        aps.push(average_precision(&scores, &labels));
        start += n;
    }
    aps.iter().sum::<f64>() / aps.len().max(1) as f64
}

/// Reads `teacher_sentences` output and checks it belongs to these texts.
fn load_vectors(data: &Path, path: &Path) -> Result<Vec<Vec<f32>>, Error> {
    let texts = training_texts(data)?;
    let bytes = std::fs::read(path)?;
    let header = bytes.get(..20).ok_or("vectors file too short")?;
    let u32_at =
        |k: usize| u32::from_le_bytes([header[k], header[k + 1], header[k + 2], header[k + 3]]);
    if &header[..4] != b"CLTV" {
        return Err("not a teacher vectors file".into());
    }
    let (n, dims) = (u32_at(4) as usize, u32_at(8) as usize);
    let mut hash = [0u8; 8];
    hash.copy_from_slice(&header[12..20]);
    if n != texts.len() || u64::from_le_bytes(hash) != texts_hash(&texts) {
        return Err(
            "the vectors were computed for other sentences; rerun teacher_sentences".into(),
        );
    }
    let body = bytes.get(20..).ok_or("vectors file too short")?;
    if body.len() != n * dims * 4 {
        return Err("vectors file has the wrong length".into());
    }
    let floats: Vec<f32> = body
        .chunks_exact(4)
        .map(|b| f32::from_le_bytes([b[0], b[1], b[2], b[3]]))
        .collect();
    Ok(floats.chunks(dims).map(<[f32]>::to_vec).collect())
}

/// The same hash as `teacher_sentences` writes.
fn texts_hash(texts: &[String]) -> u64 {
    let mut h = 0xcbf2_9ce4_8422_2325u64;
    for t in texts {
        for b in t.bytes().chain(std::iter::once(b'\n')) {
            h = (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01B3);
        }
    }
    h
}
