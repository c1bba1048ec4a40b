//! The sentence encoder: what a sentence *means*, as a short unit vector.
//!
//! Static token vectors distilled offline from the all-MiniLM-L6-v2
//! sentence transformer (Apache-2.0; see `tools/distill` and
//! `scripts/build-encoder.sh`): every vocabulary token went through the
//! teacher, the outputs were reduced by PCA, weighted down for frequent
//! tokens and quantised to one signed byte per dimension. A sentence is the
//! mean of its tokens' vectors, so encoding is a tokenizer and a lookup.
//!
//! The asset is loaded from bytes like a fact-check pack; the WASM never
//! embeds it (the extension's background loads it), natively it is built in.
//!
//! File format (little endian): `CLEN` magic, u16 format version, u16
//! dimensions, u32 token count, u16 + UTF-8 about text (teacher, licence),
//! f32 × dimensions scales, per token u8 length + UTF-8 piece (BERT's `##`
//! marks a continuation), i8 × tokens × dimensions, u32 checksum of all
//! before it ([`checksum`]).

pub mod wordpiece;

use crate::bytes::ByteReader;
use thiserror::Error;

const MAGIC: &[u8; 4] = b"CLEN";
const FORMAT_VERSION: u16 = 1;
/// More than this is not an encoder we would ship (or could fit the budget).
const MAX_DIMS: u16 = 1024;
const MAX_TOKENS: u32 = 1 << 20;

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum EncoderError {
    #[error("not a sentence encoder (bad magic)")]
    BadMagic,
    #[error("encoder format version {0} is not supported (expected {FORMAT_VERSION})")]
    FormatVersion(u16),
    #[error("encoder has {dims} dimensions and {tokens} tokens, out of range")]
    Shape { dims: u16, tokens: u32 },
    #[error("encoder file is truncated or has trailing bytes")]
    Length,
    #[error("encoder file is corrupt (checksum mismatch)")]
    Checksum,
    #[error("encoder has a bad token or scale at row {0}")]
    BadEntry(usize),
}

/// A loaded encoder. Immutable; share it with an `Arc`.
#[derive(Clone, PartialEq)]
pub struct Encoder {
    about: String,
    dims: usize,
    scales: Vec<f32>,
    /// Token rows × dims.
    vectors: Vec<i8>,
    /// The token text without `##`, row after row; `starts` has rows + 1 entries.
    text: Vec<u8>,
    starts: Vec<u32>,
    continuation: Vec<bool>,
    /// Open addressing: row + 1, 0 for empty; the length is a power of two.
    slots: Vec<u32>,
    file_bytes: usize,
    checksum: u32,
}

impl std::fmt::Debug for Encoder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Encoder")
            .field("dims", &self.dims)
            .field("tokens", &self.tokens())
            .field("about", &self.about)
            .finish()
    }
}

/// FNV-1a over little-endian 64-bit words (then the tail bytes), folded to
/// 32 bits: a byte-wise FNV over the 3.7 MB file took most of the load time.
fn checksum(bytes: &[u8]) -> u32 {
    let mut h = 0xcbf2_9ce4_8422_2325u64;
    let mut words = bytes.chunks_exact(8);
    for w in &mut words {
        let mut word = [0u8; 8];
        word.copy_from_slice(w);
        h = (h ^ u64::from_le_bytes(word)).wrapping_mul(0x0000_0100_0000_01B3);
    }
    for &b in words.remainder() {
        h = (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01B3);
    }
    (h ^ (h >> 32)) as u32
}

fn fnv1a(seed: u32, bytes: &[u8]) -> u32 {
    let mut h = seed;
    for &b in bytes {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    h
}

const FNV_SEED: u32 = 0x811c_9dc5;

fn slot_hash(piece: &[u8], continuation: bool) -> u32 {
    let h = fnv1a(FNV_SEED, &[u8::from(continuation)]);
    let h = fnv1a(h, piece);
    // Mix the high bits down: the table uses the low ones.
    h ^ (h >> 15)
}

impl Encoder {
    pub fn dims(&self) -> usize {
        self.dims
    }

    pub fn tokens(&self) -> usize {
        self.continuation.len()
    }

    /// Where the vectors come from and under which licence.
    pub fn about(&self) -> &str {
        &self.about
    }

    pub fn file_bytes(&self) -> usize {
        self.file_bytes
    }

    /// The file's checksum: identifies these exact vectors (a model trained
    /// on them records it).
    pub fn checksum(&self) -> u32 {
        self.checksum
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<Encoder, EncoderError> {
        let mut r = ByteReader::new(bytes);
        if r.take(4) != Some(&MAGIC[..]) {
            return Err(EncoderError::BadMagic);
        }
        let format = r.u16().ok_or(EncoderError::Length)?;
        if format != FORMAT_VERSION {
            return Err(EncoderError::FormatVersion(format));
        }
        let dims = r.u16().ok_or(EncoderError::Length)?;
        let tokens = r.u32().ok_or(EncoderError::Length)?;
        if dims == 0 || dims > MAX_DIMS || tokens == 0 || tokens > MAX_TOKENS {
            return Err(EncoderError::Shape { dims, tokens });
        }
        let body_len = bytes.len().checked_sub(4).ok_or(EncoderError::Length)?;
        let checksum = checksum(&bytes[..body_len]);
        if bytes[body_len..] != checksum.to_le_bytes() {
            return Err(EncoderError::Checksum);
        }
        let (dims, rows) = (usize::from(dims), tokens as usize);
        let about_len = usize::from(r.u16().ok_or(EncoderError::Length)?);
        let about = r.take(about_len).ok_or(EncoderError::Length)?;
        let about = String::from_utf8_lossy(about).into_owned();
        let mut scales = Vec::with_capacity(dims);
        for d in 0..dims {
            let s = r.f32().ok_or(EncoderError::Length)?;
            if !s.is_finite() || s < 0.0 {
                return Err(EncoderError::BadEntry(d));
            }
            scales.push(s);
        }
        let mut text = Vec::with_capacity(rows * 6);
        let mut starts = Vec::with_capacity(rows + 1);
        let mut continuation = Vec::with_capacity(rows);
        starts.push(0);
        for row in 0..rows {
            let len = usize::from(r.u8().ok_or(EncoderError::Length)?);
            let piece = r.take(len).ok_or(EncoderError::Length)?;
            let (piece, cont) = match piece.strip_prefix(b"##") {
                Some(rest) if !rest.is_empty() => (rest, true),
                _ => (piece, false),
            };
            if piece.is_empty() || std::str::from_utf8(piece).is_err() {
                return Err(EncoderError::BadEntry(row));
            }
            text.extend_from_slice(piece);
            starts.push(text.len() as u32);
            continuation.push(cont);
        }
        let vectors: Vec<i8> = r
            .take(rows * dims)
            .ok_or(EncoderError::Length)?
            .iter()
            .map(|&b| b as i8)
            .collect();
        if r.position() != body_len {
            return Err(EncoderError::Length);
        }
        let mut encoder = Encoder {
            about,
            dims,
            scales,
            vectors,
            text,
            starts,
            continuation,
            slots: vec![0; (rows * 2).next_power_of_two()],
            file_bytes: bytes.len(),
            checksum,
        };
        for row in 0..rows {
            let mask = encoder.slots.len() - 1;
            let mut at = slot_hash(encoder.piece(row), encoder.continuation[row]) as usize & mask;
            // A repeated piece keeps its first row, as a vocabulary lookup would.
            while encoder.slots[at] != 0 {
                if encoder.same(encoder.slots[at] as usize - 1, row) {
                    break;
                }
                at = (at + 1) & mask;
            }
            if encoder.slots[at] == 0 {
                encoder.slots[at] = row as u32 + 1;
            }
        }
        Ok(encoder)
    }

    fn piece(&self, row: usize) -> &[u8] {
        &self.text[self.starts[row] as usize..self.starts[row + 1] as usize]
    }

    fn same(&self, a: usize, b: usize) -> bool {
        self.continuation[a] == self.continuation[b] && self.piece(a) == self.piece(b)
    }

    /// The sentence's vector: the mean of its known tokens' vectors, scaled
    /// to unit length. All zeros when no token is known.
    pub fn encode(&self, sentence: &str) -> Vec<f32> {
        let mut sums = vec![0i32; self.dims];
        let mut count = 0usize;
        wordpiece::tokenize(sentence, self, |row| {
            let from = row as usize * self.dims;
            if let Some(v) = self.vectors.get(from..from + self.dims) {
                sums.iter_mut()
                    .zip(v)
                    .for_each(|(s, &q)| *s += i32::from(q));
                count += 1;
            }
        });
        let mut out: Vec<f32> = sums
            .iter()
            .zip(&self.scales)
            .map(|(&s, &scale)| s as f32 * scale)
            .collect();
        let norm = out.iter().map(|x| x * x).sum::<f32>().sqrt();
        if count > 0 && norm > 0.0 {
            out.iter_mut().for_each(|x| *x /= norm);
        }
        out
    }
}

impl wordpiece::Vocabulary for Encoder {
    fn find(&self, piece: &str, continuation: bool) -> Option<u32> {
        let mask = self.slots.len() - 1;
        let mut at = slot_hash(piece.as_bytes(), continuation) as usize & mask;
        loop {
            let row = (*self.slots.get(at)? as usize).checked_sub(1)?;
            if self.continuation[row] == continuation && self.piece(row) == piece.as_bytes() {
                return Some(row as u32);
            }
            at = (at + 1) & mask;
        }
    }
}

/// Cosine similarity of two encoded sentences (they are unit vectors).
pub fn similarity(a: &[f32], b: &[f32]) -> f32 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

/// Writes an encoder file (for the offline distillation tool and tests).
/// `vectors` holds `tokens.len() × scales.len()` values.
#[cfg(not(target_arch = "wasm32"))]
pub fn to_bytes(about: &str, tokens: &[String], scales: &[f32], vectors: &[i8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(64 + tokens.len() * 8 + vectors.len());
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
    out.extend_from_slice(&(scales.len() as u16).to_le_bytes());
    out.extend_from_slice(&(tokens.len() as u32).to_le_bytes());
    out.extend_from_slice(&(about.len() as u16).to_le_bytes());
    out.extend_from_slice(about.as_bytes());
    for s in scales {
        out.extend_from_slice(&s.to_le_bytes());
    }
    for t in tokens {
        out.push(t.len() as u8);
        out.extend_from_slice(t.as_bytes());
    }
    out.extend(vectors.iter().map(|&v| v as u8));
    let sum = checksum(&out);
    out.extend_from_slice(&sum.to_le_bytes());
    out
}

/// The shipped encoder, built into native builds only (the WASM loads it
/// at run time; see `load_encoder` in `src/wasm.rs`).
#[cfg(not(target_arch = "wasm32"))]
pub fn builtin() -> Option<std::sync::Arc<Encoder>> {
    use std::sync::{Arc, OnceLock};
    static ENCODER: OnceLock<Option<Arc<Encoder>>> = OnceLock::new();
    ENCODER
        .get_or_init(|| {
            Encoder::from_bytes(include_bytes!("../../assets/encoder.clenc"))
                .ok()
                .map(Arc::new)
        })
        .clone()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tiny() -> Vec<u8> {
        let tokens: Vec<String> = ["the", "crime", "rose", "##s", "fell", "."]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let vectors: Vec<i8> = vec![
            0, 0, 1, // the
            100, 0, 0, // crime
            0, 100, 0, // rose
            0, 50, 50, // ##s
            0, -100, 0, // fell
            0, 0, 0, // .
        ];
        to_bytes("test", &tokens, &[0.01, 0.01, 0.01], &vectors)
    }

    #[test]
    fn encoder_round_trips_and_encodes_the_mean_of_known_tokens() {
        let e = Encoder::from_bytes(&tiny()).unwrap();
        assert_eq!((e.dims(), e.tokens(), e.about()), (3, 6, "test"));
        let crime_rose = e.encode("Crime rose.");
        // (100, 100, 0) / 2 normalised.
        let h = std::f32::consts::FRAC_1_SQRT_2;
        for (got, want) in crime_rose.iter().zip([h, h, 0.0]) {
            assert!((got - want).abs() < 1e-5, "{crime_rose:?}");
        }
        let fell = e.encode("crime fell");
        assert!(similarity(&crime_rose, &fell) < 0.01);
        // "roses" = rose + ##s; an unknown word adds nothing.
        let roses = e.encode("roses zzz");
        assert!(roses[1] > roses[2] && roses[2] > 0.0);
        assert_eq!(e.encode("zzz qqq"), vec![0.0; 3]);
    }

    #[test]
    fn shipped_encoder_puts_paraphrases_closer_than_unrelated_sentences() {
        let e = builtin().expect("assets/encoder.clenc must load");
        assert_eq!(e.dims(), 128);
        let jobs = e.encode("The unemployment rate fell to 4 percent last year.");
        let paraphrase = e.encode("Joblessness dropped to four percent in 2023.");
        let unrelated = e.encode("My grandmother bakes the best apple pie.");
        let (near, far) = (
            similarity(&jobs, &paraphrase),
            similarity(&jobs, &unrelated),
        );
        assert!(near > far + 0.2, "paraphrase {near}, unrelated {far}");
        let norm: f32 = jobs.iter().map(|x| x * x).sum();
        assert!((norm - 1.0).abs() < 1e-4);
    }

    #[test]
    fn damaged_encoder_files_are_typed_errors() {
        let good = tiny();
        assert_eq!(Encoder::from_bytes(b""), Err(EncoderError::BadMagic));
        assert_eq!(
            Encoder::from_bytes(b"CLCW...."),
            Err(EncoderError::BadMagic)
        );
        assert_eq!(
            Encoder::from_bytes(&good[..good.len() - 1]),
            Err(EncoderError::Checksum)
        );
        let mut flipped = good.clone();
        flipped[30] ^= 0x01;
        assert_eq!(Encoder::from_bytes(&flipped), Err(EncoderError::Checksum));
        let mut version = good.clone();
        version[4] = 9;
        assert_eq!(
            Encoder::from_bytes(&version),
            Err(EncoderError::FormatVersion(9))
        );
        let mut zero = good;
        zero[6] = 0;
        zero[7] = 0;
        assert!(matches!(
            Encoder::from_bytes(&zero),
            Err(EncoderError::Shape { dims: 0, .. })
        ));
        // A checksum that matches a body of the wrong length.
        let mut short = to_bytes("x", &["a".to_string()], &[1.0, 1.0], &[1]);
        let n = short.len();
        short.truncate(n - 4);
        let sum = checksum(&short);
        short.extend_from_slice(&sum.to_le_bytes());
        assert_eq!(Encoder::from_bytes(&short), Err(EncoderError::Length));
    }
}
