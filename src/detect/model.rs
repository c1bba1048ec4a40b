//! The check-worthiness model: a logistic regression over [`Features`],
//! Platt-calibrated, with hashed weights quantised to one byte each.
//!
//! File format (little endian), chosen so loading is a bounds-checked copy:
//! `CLCW` magic, u16 format version, u32 feature version, u8 hash bits,
//! u16 cue count, f32 bias, Platt a and b, threshold, hashed scale,
//! f32 × cue count, i8 × 2^hash bits, u32 FNV-1a checksum of all before it.

use thiserror::Error;

use super::features::{Cue, Features, CUE_COUNT, FEATURE_VERSION};

const MAGIC: &[u8; 4] = b"CLCW";
const FORMAT_VERSION: u16 = 1;
const HEADER_LEN: usize = 4 + 2 + 4 + 1 + 2 + 5 * 4;
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
    #[error("model has a non-finite parameter")]
    NotFinite,
}

/// Unquantised weights, as the trainer produces them.
#[derive(Debug, Clone, PartialEq)]
pub struct Weights {
    pub hash_bits: u8,
    pub bias: f32,
    pub cues: [f32; CUE_COUNT],
    pub hashed: Vec<f32>,
}

impl Weights {
    pub fn zero(hash_bits: u8) -> Self {
        Weights {
            hash_bits,
            bias: 0.0,
            cues: [0.0; CUE_COUNT],
            hashed: vec![0.0; 1 << hash_bits],
        }
    }

    /// The raw score (log-odds before calibration).
    pub fn margin(&self, f: &Features) -> f32 {
        let mut z = self.bias;
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

/// The shipped model: quantised, calibrated, with its default threshold.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    hash_bits: u8,
    bias: f32,
    cues: [f32; CUE_COUNT],
    hashed_scale: f32,
    hashed: Vec<i8>,
    pub calibration: Calibration,
    /// The calibrated probability at or above which a sentence is check-worthy.
    pub threshold: f32,
}

/// How much each part of the model pushed a sentence's margin.
#[derive(Debug, Clone, PartialEq)]
pub struct Contributions {
    pub margin: f32,
    /// Per cue that fired, its weight.
    pub cues: Vec<(Cue, f32)>,
    /// Per word of the sentence, the n-gram weight attributed to it.
    pub words: Vec<f32>,
}

impl Model {
    /// Quantises `weights` to one signed byte per hashed bucket.
    pub fn quantise(weights: &Weights, calibration: Calibration, threshold: f32) -> Model {
        let max = weights.hashed.iter().fold(0.0f32, |m, w| m.max(w.abs()));
        let hashed_scale = if max > 0.0 { max / 127.0 } else { 1.0 };
        let hashed = weights
            .hashed
            .iter()
            .map(|w| (w / hashed_scale).round().clamp(-127.0, 127.0) as i8)
            .collect();
        Model {
            hash_bits: weights.hash_bits,
            bias: weights.bias,
            cues: weights.cues,
            hashed_scale,
            hashed,
            calibration,
            threshold,
        }
    }

    pub fn hash_bits(&self) -> u8 {
        self.hash_bits
    }

    pub fn margin(&self, f: &Features) -> f32 {
        let mut z = self.bias;
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
        self.calibration.probability(self.margin(f))
    }

    /// The margin split by where it came from, in one pass over the features.
    pub fn contributions(&self, f: &Features) -> Contributions {
        let cues: Vec<(Cue, f32)> = f.cues.iter().map(|c| (c, self.cues[c as usize])).collect();
        let mut margin = self.bias + cues.iter().map(|(_, w)| w).sum::<f32>();
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
        }
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(HEADER_LEN + CUE_COUNT * 4 + self.hashed.len() + 4);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
        out.extend_from_slice(&FEATURE_VERSION.to_le_bytes());
        out.push(self.hash_bits);
        out.extend_from_slice(&(CUE_COUNT as u16).to_le_bytes());
        for v in [
            self.bias,
            self.calibration.a,
            self.calibration.b,
            self.threshold,
            self.hashed_scale,
        ] {
            out.extend_from_slice(&v.to_le_bytes());
        }
        for w in self.cues {
            out.extend_from_slice(&w.to_le_bytes());
        }
        out.extend(self.hashed.iter().map(|&w| w as u8));
        let sum = checksum(&out);
        out.extend_from_slice(&sum.to_le_bytes());
        out
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<Model, ModelError> {
        let mut r = Reader { bytes, at: 0 };
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
        let expected = HEADER_LEN + CUE_COUNT * 4 + (1usize << hash_bits) + 4;
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
        let mut scalars = [0.0f32; 5];
        for s in &mut scalars {
            *s = r.f32().ok_or_else(length_error)?;
        }
        let [bias, a, b, threshold, hashed_scale] = scalars;
        let mut cues = [0.0f32; CUE_COUNT];
        for c in &mut cues {
            *c = r.f32().ok_or_else(length_error)?;
        }
        if !scalars.iter().chain(&cues).all(|v| v.is_finite()) {
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
            calibration: Calibration { a, b },
            threshold,
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

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let slice = self.bytes.get(self.at..self.at.checked_add(n)?)?;
        self.at += n;
        Some(slice)
    }
    fn u8(&mut self) -> Option<u8> {
        self.take(1).map(|b| b[0])
    }
    fn u16(&mut self) -> Option<u16> {
        self.take(2)?.try_into().ok().map(u16::from_le_bytes)
    }
    fn u32(&mut self) -> Option<u32> {
        self.take(4)?.try_into().ok().map(u32::from_le_bytes)
    }
    fn f32(&mut self) -> Option<f32> {
        self.take(4)?.try_into().ok().map(f32::from_le_bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::features::{extract, LayerCues};

    fn small_model() -> Model {
        let mut w = Weights::zero(8);
        w.bias = -0.5;
        w.cues[Cue::Digits as usize] = 1.25;
        for (k, h) in w.hashed.iter_mut().enumerate() {
            *h = (k as f32 - 128.0) / 64.0;
        }
        Model::quantise(&w, Calibration { a: 0.9, b: 0.1 }, 0.4)
    }

    #[test]
    fn model_round_trips_through_bytes() {
        let model = small_model();
        let back = Model::from_bytes(&model.to_bytes()).unwrap();
        assert_eq!(back, model);
    }

    #[test]
    fn quantised_margin_is_close_to_float_margin() {
        let mut w = Weights::zero(8);
        for (k, h) in w.hashed.iter_mut().enumerate() {
            *h = ((k * 37 % 255) as f32 - 127.0) / 100.0;
        }
        let model = Model::quantise(&w, Calibration::IDENTITY, 0.5);
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
    }
}
