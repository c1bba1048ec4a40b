//! The check-worthiness model: a logistic regression over [`Features`],
//! Platt-calibrated, with hashed weights quantised to one byte each.
//!
//! The sentence encoder's vector ([`crate::encode`]) is an optional part of
//! the features. Its weights are stored centred: a sentence whose vector is
//! the training mean contributes nothing, so without the encoder the same
//! weights still score (the fallback), with their own calibration and
//! threshold, both fitted out of fold like the full model's.
//!
//! File format (little endian), chosen so loading is a bounds-checked copy:
//! `CLCW` magic, u16 format version, u32 feature version, u8 hash bits,
//! u16 cue count, u16 encoder dimensions, u32 encoder checksum, f32 bias, Platt a and b,
//! threshold, hashed scale, encoder offset, fallback Platt a and b, fallback
//! threshold, f32 × cue count, f32 × encoder dimensions, i8 × 2^hash bits,
//! u32 FNV-1a checksum of all before it.

use crate::bytes::ByteReader;
use thiserror::Error;

use super::features::{Cue, Features, CUE_COUNT, FEATURE_VERSION};

const MAGIC: &[u8; 4] = b"CLCW";
const FORMAT_VERSION: u16 = 2;
const HEADER_LEN: usize = 4 + 2 + 4 + 1 + 2 + 2 + 4 + 9 * 4;
/// Wider than the widest encoder we would ship.
const MAX_DENSE: u16 = 1024;
/// More buckets than this is not a model we would ship (16 MB).
const MAX_HASH_BITS: u8 = 24;

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ModelError {
    #[error("not a check-worthiness model (bad magic)")]
    BadMagic,
    #[error("model format version {0} is not supported (expected {FORMAT_VERSION})")]
    FormatVersion(u16),
    #[error("model was trained on feature version {found}, this build extracts version {FEATURE_VERSION}: retrain it")]
    FeatureVersion { found: u32 },
    #[error("model has {found} cues, this build has {CUE_COUNT}: retrain it")]
    CueCount { found: u16 },
    #[error("model hash size 2^{0} is out of range")]
    HashBits(u8),
    #[error("model file is truncated or has trailing bytes ({found} bytes, expected {expected})")]
    Length { found: usize, expected: usize },
    #[error("model file is corrupt (checksum mismatch)")]
    Checksum,
    /// WASM only: the model ships as a file next to the module and must be
    /// handed to it (`load_model`) before anything is scored.
    #[error("the check-worthiness model is not loaded (load_model first)")]
    NotLoaded,
    #[error("model has a non-finite parameter")]
    NotFinite,
    #[error("model expects a {0}-dimension sentence encoder, out of range")]
    DenseDims(u16),
}

/// Unquantised weights, as the trainer produces them.
#[derive(Debug, Clone, PartialEq)]
pub struct Weights {
    pub hash_bits: u8,
    pub bias: f32,
    pub cues: [f32; CUE_COUNT],
    pub hashed: Vec<f32>,
    /// Per encoder dimension (empty: a model without the encoder).
    pub dense: Vec<f32>,
}

impl Weights {
    pub fn zero(hash_bits: u8, dense_dims: usize) -> Self {
        Weights {
            hash_bits,
            bias: 0.0,
            cues: [0.0; CUE_COUNT],
            hashed: vec![0.0; 1 << hash_bits],
            dense: vec![0.0; dense_dims],
        }
    }

    /// The raw score (log-odds before calibration).
    pub fn margin(&self, f: &Features) -> f32 {
        let mut z = self.bias + dot(&self.dense, &f.dense);
        for cue in f.cues.iter() {
            z += self.cues[cue as usize];
        }
        for &(bucket, value, _) in &f.hashed {
            z += self.hashed.get(bucket as usize).copied().unwrap_or(0.0) * value;
        }
        z
    }
}

/// Maps a raw margin to a probability: `sigmoid(a * margin + b)`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Calibration {
    pub a: f32,
    pub b: f32,
}

impl Calibration {
    pub const IDENTITY: Calibration = Calibration { a: 1.0, b: 0.0 };

    pub fn probability(self, margin: f32) -> f32 {
        sigmoid(self.a * margin + self.b)
    }
}

pub fn sigmoid(z: f32) -> f32 {
    1.0 / (1.0 + (-z).exp())
}

/// The dot product; 0 when either side is empty.
pub fn dot(a: &[f32], b: &[f32]) -> f32 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

/// The calibration and default threshold for sentences scored without the
/// encoder's vector.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Fallback {
    pub calibration: Calibration,
    pub threshold: f32,
}

/// The shipped model: quantised, calibrated, with its default threshold.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    hash_bits: u8,
    bias: f32,
    cues: [f32; CUE_COUNT],
    hashed_scale: f32,
    hashed: Vec<i8>,
    dense: Vec<f32>,
    /// The encoder weights' dot product with the training mean vector,
    /// subtracted so that contributions are relative to an average sentence.
    dense_offset: f32,
    /// The checksum of the encoder file the model was trained with: a
    /// vector from any other encoder would be noise to these weights.
    encoder_checksum: u32,
    pub calibration: Calibration,
    /// The calibrated probability at or above which a sentence is check-worthy.
    pub threshold: f32,
    /// For sentences without an encoder vector (the encoder is not loaded).
    pub fallback: Fallback,
}

/// How much each part of the model pushed a sentence's margin.
#[derive(Debug, Clone, PartialEq)]
pub struct Contributions {
    pub margin: f32,
    /// Per cue that fired, its weight.
    pub cues: Vec<(Cue, f32)>,
    /// Per word of the sentence, the n-gram weight attributed to it.
    pub words: Vec<f32>,
    /// The sentence encoder's part, relative to an average sentence.
    pub meaning: f32,
}

impl Model {
    /// Quantises `weights` to one signed byte per hashed bucket;
    /// `dense_mean` is the training mean of the encoder vectors.
    pub fn quantise(
        weights: &Weights,
        dense_mean: &[f32],
        encoder_checksum: u32,
        calibration: Calibration,
        threshold: f32,
        fallback: Fallback,
    ) -> Model {
        let dense_offset = dot(&weights.dense, dense_mean);
        let max = weights.hashed.iter().fold(0.0f32, |m, w| m.max(w.abs()));
        let hashed_scale = if max > 0.0 { max / 127.0 } else { 1.0 };
        let hashed = weights
            .hashed
            .iter()
            .map(|w| (w / hashed_scale).round().clamp(-127.0, 127.0) as i8)
            .collect();
        Model {
            hash_bits: weights.hash_bits,
            bias: weights.bias + dense_offset,
            cues: weights.cues,
            hashed_scale,
            hashed,
            dense: weights.dense.clone(),
            dense_offset,
            encoder_checksum,
            calibration,
            threshold,
            fallback,
        }
    }

    pub fn hash_bits(&self) -> u8 {
        self.hash_bits
    }

    /// The encoder width the model was trained with (0: none).
    pub fn dense_dims(&self) -> usize {
        self.dense.len()
    }

    /// The checksum of the encoder the model expects (see [`crate::encode::Encoder::checksum`]).
    pub fn encoder_checksum(&self) -> u32 {
        self.encoder_checksum
    }

    /// Whether `f` carries the encoder vector this model was trained on.
    pub fn uses_encoder(&self, f: &Features) -> bool {
        !self.dense.is_empty() && f.dense.len() == self.dense.len()
    }

    fn meaning(&self, f: &Features) -> f32 {
        if self.uses_encoder(f) {
            dot(&self.dense, &f.dense) - self.dense_offset
        } else {
            0.0
        }
    }

    /// The calibration and default threshold that apply to `f`.
    pub fn decision(&self, f: &Features) -> (Calibration, f32) {
        if self.uses_encoder(f) || self.dense.is_empty() {
            (self.calibration, self.threshold)
        } else {
            (self.fallback.calibration, self.fallback.threshold)
        }
    }

    pub fn margin(&self, f: &Features) -> f32 {
        let mut z = self.bias + self.meaning(f);
        for cue in f.cues.iter() {
            z += self.cues[cue as usize];
        }
        let mut hashed = 0.0f32;
        for &(bucket, value, _) in &f.hashed {
            hashed += f32::from(self.hashed.get(bucket as usize).copied().unwrap_or(0)) * value;
        }
        z + hashed * self.hashed_scale
    }

    /// The calibrated probability that the sentence is check-worthy.
    pub fn probability(&self, f: &Features) -> f32 {
        self.decision(f).0.probability(self.margin(f))
    }

    /// The margin split by where it came from, in one pass over the features.
    pub fn contributions(&self, f: &Features) -> Contributions {
        let cues: Vec<(Cue, f32)> = f.cues.iter().map(|c| (c, self.cues[c as usize])).collect();
        let meaning = self.meaning(f);
        let mut margin = self.bias + meaning + cues.iter().map(|(_, w)| w).sum::<f32>();
        let mut words = vec![0.0f32; f.words.len()];
        let mut hashed = 0.0f32;
        for &(bucket, value, word) in &f.hashed {
            let w = f32::from(self.hashed.get(bucket as usize).copied().unwrap_or(0)) * value;
            hashed += w;
            if let Some(slot) = words.get_mut(word as usize) {
                *slot += w * self.hashed_scale;
            }
        }
        margin += hashed * self.hashed_scale;
        Contributions {
            margin,
            cues,
            words,
            meaning,
        }
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(
            HEADER_LEN + CUE_COUNT * 4 + self.dense.len() * 4 + self.hashed.len() + 4,
        );
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
        out.extend_from_slice(&FEATURE_VERSION.to_le_bytes());
        out.push(self.hash_bits);
        out.extend_from_slice(&(CUE_COUNT as u16).to_le_bytes());
        out.extend_from_slice(&(self.dense.len() as u16).to_le_bytes());
        out.extend_from_slice(&self.encoder_checksum.to_le_bytes());
        for v in [
            self.bias,
            self.calibration.a,
            self.calibration.b,
            self.threshold,
            self.hashed_scale,
            self.dense_offset,
            self.fallback.calibration.a,
            self.fallback.calibration.b,
            self.fallback.threshold,
        ] {
            out.extend_from_slice(&v.to_le_bytes());
        }
        for w in self.cues.iter().chain(&self.dense) {
            out.extend_from_slice(&w.to_le_bytes());
        }
        out.extend(self.hashed.iter().map(|&w| w as u8));
        let sum = checksum(&out);
        out.extend_from_slice(&sum.to_le_bytes());
        out
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<Model, ModelError> {
        let mut r = ByteReader::new(bytes);
        if r.take(4) != Some(&MAGIC[..]) {
            return Err(ModelError::BadMagic);
        }
        let format = r.u16().ok_or(ModelError::BadMagic)?;
        if format != FORMAT_VERSION {
            return Err(ModelError::FormatVersion(format));
        }
        let length_error = || ModelError::Length {
            found: bytes.len(),
            expected: HEADER_LEN,
        };
        let feature = r.u32().ok_or_else(length_error)?;
        if feature != FEATURE_VERSION {
            return Err(ModelError::FeatureVersion { found: feature });
        }
        let hash_bits = r.u8().ok_or_else(length_error)?;
        if hash_bits == 0 || hash_bits > MAX_HASH_BITS {
            return Err(ModelError::HashBits(hash_bits));
        }
        let cue_count = r.u16().ok_or_else(length_error)?;
        if usize::from(cue_count) != CUE_COUNT {
            return Err(ModelError::CueCount { found: cue_count });
        }
        let dense_dims = r.u16().ok_or_else(length_error)?;
        if dense_dims > MAX_DENSE {
            return Err(ModelError::DenseDims(dense_dims));
        }
        let dense_dims = usize::from(dense_dims);
        let encoder_checksum = r.u32().ok_or_else(length_error)?;
        let expected = HEADER_LEN + (CUE_COUNT + dense_dims) * 4 + (1usize << hash_bits) + 4;
        if bytes.len() != expected {
            return Err(ModelError::Length {
                found: bytes.len(),
                expected,
            });
        }
        let (body, sum) = bytes.split_at(expected - 4);
        if sum != checksum(body).to_le_bytes() {
            return Err(ModelError::Checksum);
        }
        let mut scalars = [0.0f32; 9];
        for s in &mut scalars {
            *s = r.f32().ok_or_else(length_error)?;
        }
        let [bias, a, b, threshold, hashed_scale, dense_offset, fallback_a, fallback_b, fallback_threshold] =
            scalars;
        let mut cues = [0.0f32; CUE_COUNT];
        for c in &mut cues {
            *c = r.f32().ok_or_else(length_error)?;
        }
        let mut dense = vec![0.0f32; dense_dims];
        for d in &mut dense {
            *d = r.f32().ok_or_else(length_error)?;
        }
        if !scalars
            .iter()
            .chain(&cues)
            .chain(&dense)
            .all(|v| v.is_finite())
        {
            return Err(ModelError::NotFinite);
        }
        let hashed = r
            .take(1 << hash_bits)
            .ok_or_else(length_error)?
            .iter()
            .map(|&b| b as i8)
            .collect();
        Ok(Model {
            hash_bits,
            bias,
            cues,
            hashed_scale,
            hashed,
            dense,
            dense_offset,
            encoder_checksum,
            calibration: Calibration { a, b },
            threshold,
            fallback: Fallback {
                calibration: Calibration {
                    a: fallback_a,
                    b: fallback_b,
                },
                threshold: fallback_threshold,
            },
        })
    }
}

fn checksum(bytes: &[u8]) -> u32 {
    let mut h = 0x811c_9dc5u32;
    for &b in bytes {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::features::{extract, LayerCues};

    const FALLBACK: Fallback = Fallback {
        calibration: Calibration { a: 1.5, b: -0.2 },
        threshold: 0.35,
    };

    fn small_model() -> Model {
        let mut w = Weights::zero(8, 3);
        w.bias = -0.5;
        w.cues[Cue::Digits as usize] = 1.25;
        for (k, h) in w.hashed.iter_mut().enumerate() {
            *h = (k as f32 - 128.0) / 64.0;
        }
        w.dense = vec![2.0, -1.0, 0.5];
        Model::quantise(
            &w,
            &[0.5, 0.5, 0.0],
            0xC0FFEE,
            Calibration { a: 0.9, b: 0.1 },
            0.4,
            FALLBACK,
        )
    }

    #[test]
    fn model_round_trips_through_bytes() {
        let model = small_model();
        let back = Model::from_bytes(&model.to_bytes()).unwrap();
        assert_eq!(back, model);
    }

    #[test]
    fn quantised_margin_is_close_to_float_margin() {
        let mut w = Weights::zero(8, 0);
        for (k, h) in w.hashed.iter_mut().enumerate() {
            *h = ((k * 37 % 255) as f32 - 127.0) / 100.0;
        }
        let model = Model::quantise(&w, &[], 0, Calibration::IDENTITY, 0.5, FALLBACK);
        let f = extract(
            "The budget rose by 12 percent in 2019.",
            LayerCues::default(),
            8,
        );
        assert!((model.margin(&f) - w.margin(&f)).abs() < 0.05);
    }

    #[test]
    fn corrupt_model_files_are_typed_errors() {
        let good = small_model().to_bytes();
        assert_eq!(Model::from_bytes(b""), Err(ModelError::BadMagic));
        assert_eq!(Model::from_bytes(b"GIF89a..."), Err(ModelError::BadMagic));
        assert!(matches!(
            Model::from_bytes(&good[..good.len() - 1]),
            Err(ModelError::Length { .. })
        ));
        assert!(matches!(
            Model::from_bytes(&good[..20]),
            Err(ModelError::Length { .. })
        ));
        let mut flipped = good.clone();
        flipped[HEADER_LEN + 3] ^= 0x40;
        assert_eq!(Model::from_bytes(&flipped), Err(ModelError::Checksum));
        let mut old = good.clone();
        old[6] = old[6].wrapping_add(1);
        assert!(matches!(
            Model::from_bytes(&old),
            Err(ModelError::FeatureVersion { .. })
        ));
        let mut huge = good;
        huge[10] = 60;
        assert_eq!(Model::from_bytes(&huge), Err(ModelError::HashBits(60)));
    }

    #[test]
    fn contributions_add_up_to_the_margin() {
        let model = small_model();
        let f = extract(
            "Crime rose 12% in 2019, officials said.",
            LayerCues::default(),
            8,
        );
        let c = model.contributions(&f);
        let total =
            model.bias + c.cues.iter().map(|(_, w)| w).sum::<f32>() + c.words.iter().sum::<f32>();
        assert!((total - c.margin).abs() < 1e-3, "{total} vs {}", c.margin);
        assert_eq!(c.meaning, 0.0, "no encoder vector, no meaning part");
        let mut encoded = f.clone();
        encoded.dense = vec![1.0, 0.0, 0.0];
        let e = model.contributions(&encoded);
        // 2.0 * 1.0 minus the offset 2.0 * 0.5 - 1.0 * 0.5 = 0.5.
        assert!((e.meaning - 1.5).abs() < 1e-6, "{}", e.meaning);
        assert!((e.margin - c.margin - 1.5).abs() < 1e-3);
        assert!((model.margin(&encoded) - e.margin).abs() < 1e-3);
    }

    #[test]
    fn sentences_without_the_encoder_use_the_fallback_calibration_and_threshold() {
        let model = small_model();
        let mut f = extract("Crime rose 12% in 2019.", LayerCues::default(), 8);
        assert_eq!(
            model.decision(&f),
            (FALLBACK.calibration, FALLBACK.threshold)
        );
        assert_eq!(
            model.probability(&f),
            FALLBACK.calibration.probability(model.margin(&f))
        );
        f.dense = vec![0.0; 3];
        assert_eq!(model.decision(&f), (model.calibration, model.threshold));
        // A vector of the wrong width is ignored, not misread.
        f.dense = vec![1.0; 5];
        assert!(!model.uses_encoder(&f));
    }
}
