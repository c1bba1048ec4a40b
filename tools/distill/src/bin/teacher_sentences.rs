//! Measurement only (issue 16): the contextual teacher, all-MiniLM-L6-v2,
//! run over whole sentences of the check-worthiness training data, to learn
//! what a contextual encoder would give the classifier. Nothing here ships.
//!
//! Reads ct24_train, then every line of the CheckThat! 2019 training debates
//! (the order `claimlens::detect::train::training_examples` uses), and
//! writes one 384-dimension vector per sentence: the teacher's token outputs
//! mean-pooled over the attention mask and L2-normalised, as the
//! sentence-transformers pipeline (Transformer, Pooling mean, Normalize)
//! does, at its maximum length of 256 tokens.
//!
//! Tokenisation is the core's BERT-uncased WordPiece
//! (`claimlens::encode::wordpiece`) over the teacher's full vocabulary; the
//! one difference from the teacher's tokenizer is that a word with no
//! WordPiece split is dropped instead of becoming `[UNK]`.
//!
//! Deterministic: one thread (set before candle starts), fixed batches.
//! Output (little endian): `CLTV`, u32 sentences, u32 dims, u64 FNV-1a of
//! the texts (each followed by a newline), then f32 × sentences × dims.
//!
//! Usage: `teacher_sentences MODEL_DIR DATA_DIR OUT`
//! (`scripts/teacher-vectors.sh` runs it with the pinned teacher).

use std::collections::HashMap;
use std::path::PathBuf;

use candle_core::{DType, Device, Tensor};
use candle_nn::VarBuilder;
use candle_transformers::models::bert::{BertModel, Config};
use claimlens::detect::dataset::training_texts;
use claimlens::encode::wordpiece::{self, Vocabulary};

type Error = Box<dyn std::error::Error>;

const CLS: u32 = 101;
const SEP: u32 = 102;
/// The teacher's `max_seq_length`, special tokens included.
const MAX_TOKENS: usize = 256;
const BATCH: usize = 32;

struct FullVocabulary(HashMap<String, u32>);

impl Vocabulary for FullVocabulary {
    fn find(&self, piece: &str, continuation: bool) -> Option<u32> {
        if continuation {
            self.0.get(&format!("##{piece}")).copied()
        } else {
            self.0.get(piece).copied()
        }
    }
}

fn main() {
    std::env::set_var("RAYON_NUM_THREADS", "1");
    if let Err(e) = run() {
        eprintln!("teacher_sentences: {e}");
        std::process::exit(1);
    }
}

fn run() -> Result<(), Error> {
    let args: Vec<PathBuf> = std::env::args().skip(1).map(PathBuf::from).collect();
    let [model_dir, data, out] = &args[..] else {
        return Err("usage: teacher_sentences MODEL_DIR DATA_DIR OUT".into());
    };
    let texts = training_texts(data)?;
    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(model_dir.join("tokenizer.json"))?)?;
    let vocab = json["model"]["vocab"]
        .as_object()
        .ok_or("tokenizer.json has no model.vocab")?
        .iter()
        .map(|(t, id)| Ok((t.clone(), id.as_u64().ok_or("bad id")? as u32)))
        .collect::<Result<HashMap<String, u32>, Error>>()?;
    let vocab = FullVocabulary(vocab);
    let ids: Vec<Vec<u32>> = texts
        .iter()
        .map(|t| {
            let mut row = vec![CLS];
            wordpiece::tokenize(t, &vocab, |id| row.push(id));
            row.truncate(MAX_TOKENS - 1);
            row.push(SEP);
            row
        })
        .collect();
    // Similar lengths together: less padding, same result.
    let mut order: Vec<usize> = (0..ids.len()).collect();
    order.sort_by_key(|&i| (ids[i].len(), i));

    let device = Device::Cpu;
    let config: Config = serde_json::from_slice(&std::fs::read(model_dir.join("config.json"))?)?;
    let weights = model_dir.join("model.safetensors");
    // SAFETY: the file is memory-mapped read-only and not modified while we run.
    let vb = unsafe { VarBuilder::from_mmaped_safetensors(&[weights], DType::F32, &device)? };
    let model = BertModel::load(vb, &config)?;
    let dims = config.hidden_size;
    let mut vectors = vec![0.0f32; texts.len() * dims];
    for (k, chunk) in order.chunks(BATCH).enumerate() {
        let width = chunk.iter().map(|&i| ids[i].len()).max().unwrap_or(2);
        let mut input = Vec::with_capacity(chunk.len() * width);
        let mut mask = Vec::with_capacity(chunk.len() * width);
        for &i in chunk {
            let row = &ids[i];
            input.extend(row.iter().copied().chain(std::iter::repeat(0)).take(width));
            mask.extend((0..width).map(|p| u32::from(p < row.len())));
        }
        let input = Tensor::from_vec(input, (chunk.len(), width), &device)?;
        let mask = Tensor::from_vec(mask, (chunk.len(), width), &device)?;
        let types = input.zeros_like()?;
        let hidden = model.forward(&input, &types, Some(&mask))?; // (batch, width, dims)
        let maskf = mask.to_dtype(DType::F32)?.unsqueeze(2)?;
        let summed = hidden.broadcast_mul(&maskf)?.sum(1)?;
        let counts = maskf.sum(1)?;
        let pooled = summed.broadcast_div(&counts)?;
        let norms = pooled.sqr()?.sum_keepdim(1)?.sqrt()?;
        let unit = pooled.broadcast_div(&norms)?.to_vec2::<f32>()?;
        for (&i, v) in chunk.iter().zip(unit) {
            vectors[i * dims..(i + 1) * dims].copy_from_slice(&v);
        }
        if k % 50 == 0 {
            eprintln!("teacher: {} / {} sentences", k * BATCH, texts.len());
        }
    }
    let mut bytes = Vec::with_capacity(24 + vectors.len() * 4);
    bytes.extend_from_slice(b"CLTV");
    bytes.extend_from_slice(&(texts.len() as u32).to_le_bytes());
    bytes.extend_from_slice(&(dims as u32).to_le_bytes());
    bytes.extend_from_slice(&texts_hash(&texts).to_le_bytes());
    for v in &vectors {
        bytes.extend_from_slice(&v.to_le_bytes());
    }
    std::fs::write(out, &bytes)?;
    eprintln!(
        "wrote {} ({} sentences x {dims})",
        out.display(),
        texts.len()
    );
    Ok(())
}

/// FNV-1a of the texts, each followed by a newline: a reader checks that
/// the vectors belong to the sentences it loaded, in that order.
fn texts_hash(texts: &[String]) -> u64 {
    let mut h = 0xcbf2_9ce4_8422_2325u64;
    for t in texts {
        for b in t.bytes().chain(std::iter::once(b'\n')) {
            h = (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01B3);
        }
    }
    h
}
