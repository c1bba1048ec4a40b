//! The check-worthiness variants of docs/checkworthiness-generalisation.md,
//! each scored by 5-fold cross-validation on ct24_train exactly as
//! `claimlens eval checkworthiness` scores the shipped recipe (calibration
//! and threshold chosen out of fold). Not shipped; ct24_dev is never read.
//!
//! `cargo run --profile native --example checkworthiness_variants -- MODE`
//! with MODE one of errors, mlp, gate, trigram, pairs, bag, rules, lodo
//! (settings through the environment: SEED, L2, PW, H, SCALE, LR2, L2H, GATES, W3,
//! WP, BAGS, RULES).
use claimlens::detect::model::{sigmoid, Weights};
use claimlens::detect::train::*;
use std::collections::HashSet;
use std::path::Path;

/// F1 over all held-out examples, its per-fold spread and ROC-AUC, scored
/// as the eval scores the shipped recipe.
fn cv_f1(all: &[Example], oof: &OutOfFold, margins: &[f32]) -> (f64, f64, f64) {
    let cv = cross_validated(all, oof, margins);
    (cv.all.f1, cv.fold_f1_sd, cv.roc_auc)
}

/// Joint linear + one hidden tanh layer over [encoder*scale, cues].
struct Mlp {
    h: usize,
    inp: usize,
    u: Vec<f32>,
    c: Vec<f32>,
    v: Vec<f32>,
}
fn mlp_input(e: &Example, scale: f32) -> Vec<f32> {
    let mut z: Vec<f32> = e.features.dense.iter().map(|x| x * scale).collect();
    for cue in claimlens::detect::features::Cue::ALL {
        z.push(if e.features.cues.has(cue) { 1.0 } else { 0.0 });
    }
    z
}
impl Mlp {
    fn out(&self, z: &[f32], hid: &mut Vec<f32>) -> f32 {
        hid.clear();
        let mut o = 0.0;
        for k in 0..self.h {
            let row = &self.u[k * self.inp..(k + 1) * self.inp];
            let a = self.c[k] + row.iter().zip(z).map(|(a, b)| a * b).sum::<f32>();
            let t = a.tanh();
            hid.push(t);
            o += self.v[k] * t;
        }
        o
    }
}
fn train_mlp(
    all: &[Example],
    idx: &[usize],
    config: &TrainConfig,
    h: usize,
    lr2: f32,
    l2h: f32,
    zs: &[Vec<f32>],
) -> (Weights, Mlp) {
    let inp = zs[0].len();
    let mut rng = Rng::new(config.seed ^ 0xABCD);
    let a = 1.0 / (inp as f32).sqrt();
    let u: Vec<f32> = (0..h * inp)
        .map(|_| ((rng.below(2_000_001) as f32 / 1_000_000.0) - 1.0) * a)
        .collect();
    let mut m = Mlp {
        h,
        inp,
        u,
        c: vec![0.0; h],
        v: vec![0.0; h],
    };
    let dense_dims = all[idx[0]].features.dense.len();
    let mut w = Weights::zero(config.hash_bits, dense_dims);
    let mut g2h = vec![1e-6f32; w.hashed.len()];
    let mut g2d = vec![1e-6f32; dense_dims];
    let mut g2c = [1e-6f32; claimlens::detect::features::CUE_COUNT];
    let mut g2b = 1e-6f32;
    let mut g2u = vec![1e-6f32; h * inp];
    let mut g2cc = vec![1e-6f32; h];
    let mut g2v = vec![1e-6f32; h];
    let mut order = idx.to_vec();
    let mut rng = Rng::new(config.seed);
    let lr = config.learning_rate;
    let mut hid = Vec::new();
    for _ in 0..config.epochs {
        rng.shuffle(&mut order);
        for &i in &order {
            let ex = &all[i];
            let f = &ex.features;
            let z = &zs[i];
            let y = if ex.label { 1.0 } else { 0.0 };
            let wt = ex.weight
                * if ex.label {
                    config.positive_weight
                } else {
                    1.0
                };
            let o = m.out(z, &mut hid);
            let g = (sigmoid(w.margin(f) + o) - y) * wt;
            g2b += g * g;
            w.bias -= lr * g / g2b.sqrt();
            for cue in f.cues.iter() {
                let k = cue as usize;
                let gr = g + config.l2 * w.cues[k];
                g2c[k] += gr * gr;
                w.cues[k] -= lr * gr / g2c[k].sqrt();
            }
            for &(b, val, _) in &f.hashed {
                let k = b as usize;
                let gr = g * val + config.l2 * w.hashed[k];
                g2h[k] += gr * gr;
                w.hashed[k] -= lr * gr / g2h[k].sqrt();
            }
            for ((wd, g2), &x) in w.dense.iter_mut().zip(&mut g2d).zip(&f.dense) {
                let gr = g * x + config.l2 * *wd;
                *g2 += gr * gr;
                *wd -= lr * gr / g2.sqrt();
            }
            for k in 0..h {
                let t = hid[k];
                let gv = g * t + l2h * m.v[k];
                let gh = g * m.v[k] * (1.0 - t * t);
                g2v[k] += gv * gv;
                m.v[k] -= lr2 * gv / g2v[k].sqrt();
                g2cc[k] += gh * gh;
                m.c[k] -= lr2 * gh / g2cc[k].sqrt();
                let row = &mut m.u[k * inp..(k + 1) * inp];
                let g2row = &mut g2u[k * inp..(k + 1) * inp];
                for ((uu, g2), &x) in row.iter_mut().zip(g2row.iter_mut()).zip(z) {
                    let gu = gh * x + l2h * *uu;
                    *g2 += gu * gu;
                    *uu -= lr2 * gu / g2.sqrt();
                }
            }
        }
    }
    (w, m)
}

fn main() {
    let data = Path::new("../shared/data");
    let enc = claimlens::encode::builtin();
    let seed: u64 = std::env::var("SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(2024);
    let env_f32 = |name: &str, default: f32| {
        std::env::var(name)
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(default)
    };
    let config = TrainConfig {
        seed,
        l2: env_f32("L2", TrainConfig::default().l2),
        positive_weight: env_f32("PW", 1.0),
        ..TrainConfig::default()
    };
    let (all, ct24) = training_examples(data, enc.as_deref(), &config).unwrap();
    let rows =
        claimlens::detect::dataset::load_ct24(&data.join(claimlens::detect::dataset::CT24_TRAIN))
            .unwrap();
    let in_ct: HashSet<usize> = ct24.iter().copied().collect();
    let always: Vec<usize> = (0..all.len()).filter(|i| !in_ct.contains(i)).collect();
    let mode = std::env::args().nth(1).unwrap_or_default();
    let oof = out_of_fold_margins(&all, &ct24, &always, &config);
    let (f1, sd, auc) = cv_f1(&all, &oof, &oof.full);
    println!("baseline CV F1 {f1:.4} ± {sd:.4} AUC {auc:.4}");
    if mode == "mlp" {
        let h: usize = std::env::var("H")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(16);
        let scale: f32 = std::env::var("SCALE")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(11.0);
        let lr2: f32 = std::env::var("LR2")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(0.02);
        let l2h: f32 = std::env::var("L2H")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(1e-5);
        let zs: Vec<Vec<f32>> = all.iter().map(|e| mlp_input(e, scale)).collect();
        let mut margins = vec![0.0f32; all.len()];
        let mut hid = Vec::new();
        for (k, held) in oof.folds.iter().enumerate() {
            let heldk: HashSet<u64> = held.iter().map(|&i| all[i].key).collect();
            let training: Vec<usize> = oof
                .folds
                .iter()
                .enumerate()
                .filter(|(j, _)| *j != k)
                .flat_map(|(_, f)| f.iter().copied())
                .chain(
                    always
                        .iter()
                        .copied()
                        .filter(|&i| !heldk.contains(&all[i].key)),
                )
                .collect();
            let (w, m) = train_mlp(&all, &training, &config, h, lr2, l2h, &zs);
            for &i in held {
                margins[i] = w.margin(&all[i].features) + m.out(&zs[i], &mut hid);
            }
        }
        let (f1, sd, auc) = cv_f1(&all, &oof, &margins);
        println!(
            "mlp H {h} scale {scale} lr2 {lr2} l2h {l2h}: CV F1 {f1:.4} ± {sd:.4} AUC {auc:.4}"
        );
    }
    if mode == "lodo" {
        let h: usize = std::env::var("H")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(0);
        let zs: Vec<Vec<f32>> = all.iter().map(|e| mlp_input(e, 3.0)).collect();
        let debates = claimlens::detect::dataset::load_debates(
            &data.join(claimlens::detect::dataset::DEBATES),
        )
        .unwrap();
        let mut start = ct24.len();
        let mut aps = Vec::new();
        let mut hid = Vec::new();
        for d in &debates {
            let n = d.lines.len();
            let held: HashSet<u64> = (start..start + n).map(|i| all[i].key).collect();
            let training: Vec<usize> = (0..all.len())
                .filter(|&i| !(start..start + n).contains(&i) && !held.contains(&all[i].key))
                .collect();
            let scores: Vec<f32> = if h == 0 {
                let w = train(&all, &training, &config);
                (start..start + n)
                    .map(|i| w.margin(&all[i].features))
                    .collect()
            } else {
                let (w, m) = train_mlp(&all, &training, &config, h, 0.05, 1e-5, &zs);
                (start..start + n)
                    .map(|i| w.margin(&all[i].features) + m.out(&zs[i], &mut hid))
                    .collect()
            };
            let labels: Vec<bool> = d.lines.iter().map(|l| l.label).collect();
            aps.push(average_precision(&scores, &labels));
            start += n;
        }
        println!(
            "LODO H {h} seed {seed}: MAP {:.4}",
            aps.iter().sum::<f64>() / aps.len() as f64
        );
    }
    if mode == "pairs" {
        let wp: f32 = std::env::var("WP")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(1.0);
        let mut g = all.clone();
        for e in g.iter_mut() {
            let fired: Vec<u8> = e.features.cues.iter().map(|c| c as u8).collect();
            let mut pairs = Vec::new();
            for a in 0..fired.len() {
                for b in a + 1..fired.len() {
                    pairs.push((fired[a], fired[b]));
                }
            }
            if pairs.is_empty() {
                continue;
            }
            let v = wp / (pairs.len() as f32).sqrt();
            for (a, b) in pairs {
                let mut h = (u64::from(a) << 8 | u64::from(b)) ^ 0x5151_0000;
                h ^= h >> 33;
                h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
                h ^= h >> 33;
                h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
                h ^= h >> 33;
                e.features.hashed.push(((h & 0xffff) as u32, v, 0));
            }
        }
        let o = out_of_fold_margins(&g, &ct24, &always, &config);
        let (f1, sd, auc) = cv_f1(&g, &o, &o.full);
        println!("cue pairs x{wp}: CV F1 {f1:.4} ± {sd:.4} AUC {auc:.4}");
    }
    if mode == "bag" {
        let n: u64 = std::env::var("BAGS")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(5);
        let mut margins = vec![0.0f32; all.len()];
        for (k, held) in oof.folds.iter().enumerate() {
            let heldk: HashSet<u64> = held.iter().map(|&i| all[i].key).collect();
            let training: Vec<usize> = oof
                .folds
                .iter()
                .enumerate()
                .filter(|(j, _)| *j != k)
                .flat_map(|(_, f)| f.iter().copied())
                .chain(
                    always
                        .iter()
                        .copied()
                        .filter(|&i| !heldk.contains(&all[i].key)),
                )
                .collect();
            for b in 0..n {
                let c = TrainConfig {
                    seed: config.seed.wrapping_add(b * 7919),
                    ..config
                };
                let w = train(&all, &training, &c);
                for &i in held {
                    margins[i] += w.margin(&all[i].features) / n as f32;
                }
            }
        }
        let (f1, sd, auc) = cv_f1(&all, &oof, &margins);
        println!("bagged {n} shuffles: CV F1 {f1:.4} ± {sd:.4} AUC {auc:.4}");
    }
    if mode == "rules" {
        let which = std::env::var("RULES").unwrap_or("position,event".into());
        let mut texts: Vec<String> = rows.iter().map(|r| r.text.clone()).collect();
        let debates = claimlens::detect::dataset::load_debates(
            &data.join(claimlens::detect::dataset::DEBATES),
        )
        .unwrap();
        for d in &debates {
            texts.extend(d.lines.iter().map(|l| l.text.clone()));
        }
        let mut g = all.clone();
        let mut fired = [0usize; 2];
        for (e, t) in g.iter_mut().zip(&texts) {
            let toks: Vec<String> = t
                .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '\u{2019}')
                .filter(|w| !w.is_empty())
                .map(|w| w.to_lowercase().replace('\u{2019}', "'"))
                .collect();
            let tk = |k: usize| toks.get(k).map_or("", |s| s.as_str());
            let position = (0..toks.len()).any(|k| {
                matches!(
                    (tk(k), tk(k + 1), tk(k + 2)),
                    ("i'm", "for", _)
                        | ("i'm", "not", "in")
                        | ("i", "support", _)
                        | ("i", "propose", _)
                        | ("i'll", _, _)
                        | ("i", "will", _)
                        | ("my", "plan", _)
                        | ("i", "won't", _)
                        | ("we", "will", _)
                        | ("we'll", _, _)
                        | ("i", "want", "to")
                        | ("we", "need", "to")
                        | ("we", "must", _)
                        | ("we", "should", _)
                        | ("i", "favor", _)
                        | ("number", _, "is")
                )
            });
            let past = |w: &str| {
                (w.len() > 4 && w.ends_with("ed"))
                    || matches!(
                        w,
                        "was"
                            | "were"
                            | "lost"
                            | "won"
                            | "said"
                            | "did"
                            | "had"
                            | "made"
                            | "took"
                            | "gave"
                            | "went"
                            | "came"
                            | "told"
                            | "sent"
                            | "led"
                            | "left"
                            | "paid"
                            | "sold"
                            | "voted"
                            | "signed"
                    )
            };
            let subj = |k: usize| {
                matches!(tk(k), "he" | "she" | "they" | "it")
                    || (k > 0
                        && t.split_whitespace()
                            .nth(k)
                            .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase)))
            };
            let first = toks
                .iter()
                .any(|w| matches!(w.as_str(), "i" | "i'm" | "me" | "my" | "we" | "our" | "us"));
            let event = !first
                && (0..toks.len().min(8)).any(|k| {
                    subj(k)
                        && (k + 1..(k + 4).min(toks.len())).any(|j| {
                            past(tk(j)) || (matches!(tk(j), "has" | "have") && past(tk(j + 1)))
                        })
                });
            for (n, (name, on)) in [("position", position), ("event", event)]
                .into_iter()
                .enumerate()
            {
                if on && which.contains(name) {
                    fired[n] += 1;
                    let h = 0xE0E0 + n as u32;
                    e.features.hashed.push((h & 0xffff, 1.0, 0));
                }
            }
        }
        let o = out_of_fold_margins(&g, &ct24, &always, &config);
        let (f1, sd, auc) = cv_f1(&g, &o, &o.full);
        println!("rules {which} (fired {fired:?}): CV F1 {f1:.4} ± {sd:.4} AUC {auc:.4}");
    }
    if mode == "gate" {
        use claimlens::detect::features::Cue;
        let gates: Vec<Cue> = std::env::var("GATES")
            .unwrap_or("Digits,Question,FirstSingular,PastTense,OpinionMarker,Future".into())
            .split(',')
            .map(|n| *Cue::ALL.iter().find(|c| format!("{c:?}") == n).unwrap())
            .collect();
        let mut g = all.clone();
        for e in g.iter_mut() {
            let d = e.features.dense.clone();
            for c in &gates {
                let on = e.features.cues.has(*c);
                e.features
                    .dense
                    .extend(d.iter().map(|x| if on { *x } else { 0.0 }));
            }
        }
        let o = out_of_fold_margins(&g, &ct24, &always, &config);
        let (f1, sd, auc) = cv_f1(&g, &o, &o.full);
        println!("gated by {gates:?}: CV F1 {f1:.4} ± {sd:.4} AUC {auc:.4}");
    }
    if mode == "trigram" {
        let w3: f32 = std::env::var("W3")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(1.0);
        let mut texts: Vec<String> = rows.iter().map(|r| r.text.clone()).collect();
        let debates = claimlens::detect::dataset::load_debates(
            &data.join(claimlens::detect::dataset::DEBATES),
        )
        .unwrap();
        for d in &debates {
            texts.extend(d.lines.iter().map(|l| l.text.clone()));
        }
        assert_eq!(texts.len(), all.len());
        let mut g = all.clone();
        for (e, t) in g.iter_mut().zip(&texts) {
            let toks: Vec<String> = std::iter::once("<s>".to_string())
                .chain(
                    t.split(|c: char| !c.is_alphanumeric() && c != '\'')
                        .filter(|w| !w.is_empty())
                        .map(|w| w.to_lowercase()),
                )
                .chain(std::iter::once("</s>".to_string()))
                .collect();
            let n = toks.len().saturating_sub(2);
            if n == 0 {
                continue;
            }
            let v = w3 / (n as f32).sqrt();
            for k in 0..n {
                let mut h = 0x9E37_79B9_7F4A_7C15u64 ^ 0x77;
                for b in toks[k..k + 3].join(" ").bytes() {
                    h ^= u64::from(b);
                    h = h.wrapping_mul(0x100_0000_01B3);
                }
                h ^= h >> 33;
                h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
                h ^= h >> 33;
                e.features.hashed.push(((h & 0xffff) as u32, v, 0));
            }
        }
        let o = out_of_fold_margins(&g, &ct24, &always, &config);
        let (f1, sd, auc) = cv_f1(&g, &o, &o.full);
        println!("word trigrams x{w3}: CV F1 {f1:.4} ± {sd:.4} AUC {auc:.4}");
    }
    if mode == "errors" {
        let labels: Vec<bool> = ct24.iter().map(|&i| all[i].label).collect();
        let m: Vec<f32> = ct24.iter().map(|&i| oof.full[i]).collect();
        let (c, t, _) = calibrate(&m, &labels);
        let mut fps: Vec<(f32, usize)> = ct24
            .iter()
            .filter(|&&i| !all[i].label && c.probability(oof.full[i]) >= t)
            .map(|&i| (c.probability(oof.full[i]), i))
            .collect();
        let mut fns: Vec<(f32, usize)> = ct24
            .iter()
            .filter(|&&i| all[i].label && c.probability(oof.full[i]) < t)
            .map(|&i| (c.probability(oof.full[i]), i))
            .collect();
        println!("threshold {t:.3}: {} FP, {} FN", fps.len(), fns.len());
        // a deterministic spread sample: every k-th by score
        fps.sort_by(|a, b| b.0.total_cmp(&a.0));
        fns.sort_by(|a, b| a.0.total_cmp(&b.0));
        let step = |n: usize| (n / 50).max(1);
        println!(
            "--- FALSE POSITIVES (labelled No, scored >= t), every {}th by score",
            step(fps.len())
        );
        for (p, i) in fps.iter().step_by(step(fps.len())).take(50) {
            println!("{p:.2}\t{}", rows[*i].text);
        }
        println!(
            "--- FALSE NEGATIVES (labelled Yes, scored < t), every {}th by score",
            step(fns.len())
        );
        for (p, i) in fns.iter().step_by(step(fns.len())).take(50) {
            println!("{p:.2}\t{}", rows[*i].text);
        }
    }
}
