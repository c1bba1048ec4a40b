//! The term index of a pack. A pack stores, per fact-check, its analysed
//! terms (a forward index: term ids with counts, in two fields: the claim,
//! and its context, i.e. the headline, summary and claimant). Loading inverts
//! that into postings with one counting sort, which is much cheaper than
//! re-analysing the text and keeps the pack smaller than storing both.

use super::pack::codec::{DecodeResult, Reader, StrColumn, Writer};

/// Term counts above this are clipped; BM25 saturates long before.
const MAX_TF: u32 = 255;

/// One term of a fact-check's claim field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DocTerm {
    pub term: u32,
    pub tf: u8,
    /// Capitalised or an acronym in the claim: part of a name.
    pub name: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Posting {
    pub doc: u32,
    pub tf_claim: u8,
    pub tf_context: u8,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Index {
    /// Sorted: a term's id is its position.
    pub terms: StrColumn,
    forward: Vec<u8>,
    forward_offsets: Vec<u32>,
    posting_offsets: Vec<u32>,
    postings: Vec<Posting>,
    pub claim_len: Vec<u16>,
    pub context_len: Vec<u16>,
    pub avg_claim_len: f32,
    pub avg_context_len: f32,
}

/// Writes one document: its claim terms (sorted by id, with counts and name
/// flags) and its context terms (sorted, with counts).
pub fn encode_doc(claim: &[DocTerm], context: &[(u32, u8)], w: &mut Writer) {
    w.varint(claim.len() as u32);
    let mut prev = 0;
    for t in claim {
        w.varint(t.term - prev);
        w.varint(u32::from(t.tf) << 1 | u32::from(t.name));
        prev = t.term;
    }
    w.varint(context.len() as u32);
    let mut prev = 0;
    for &(term, tf) in context {
        w.varint(term - prev);
        w.varint(u32::from(tf));
        prev = term;
    }
}

/// One decoded entry of a document: all claim terms come before all context terms.
enum Entry {
    Claim(DocTerm),
    Context(u32, u8),
}

/// Decodes one document's fields from `r`, checking every term id.
fn decode_doc(r: &mut Reader<'_>, terms: usize, mut each: impl FnMut(Entry)) -> DecodeResult<()> {
    for field in 0..2 {
        let n = r.varint()?;
        let mut term: u32 = 0;
        for i in 0..n {
            let delta = r.varint()?;
            if i > 0 && delta == 0 {
                return Err("a document lists a term twice".to_string());
            }
            term = term
                .checked_add(delta)
                .filter(|&t| (t as usize) < terms)
                .ok_or_else(|| "a term id is out of range".to_string())?;
            let packed = r.varint()?;
            if field == 0 {
                let tf = packed >> 1;
                if tf == 0 || tf > MAX_TF {
                    return Err("a term count is out of range".to_string());
                }
                each(Entry::Claim(DocTerm {
                    term,
                    tf: tf as u8,
                    name: packed & 1 == 1,
                }));
            } else {
                if packed == 0 || packed > MAX_TF {
                    return Err("a term count is out of range".to_string());
                }
                each(Entry::Context(term, packed as u8));
            }
        }
    }
    Ok(())
}

/// Clips a term count to what the index stores.
pub fn clip_tf(n: usize) -> u8 {
    n.min(MAX_TF as usize) as u8
}

impl Index {
    /// Inverts a forward index of `docs` documents over `terms`.
    pub fn from_forward(terms: StrColumn, forward: Vec<u8>, docs: usize) -> DecodeResult<Index> {
        let n_terms = terms.len();
        // Pass 1: document boundaries, lengths and document frequencies.
        let mut forward_offsets = Vec::with_capacity(docs + 1);
        let mut claim_len = Vec::with_capacity(docs);
        let mut context_len = Vec::with_capacity(docs);
        let mut df = vec![0u32; n_terms + 1];
        let mut r = Reader::new(&forward);
        let mut offset = 0usize;
        for _ in 0..docs {
            forward_offsets.push(offset as u32);
            let mut c_len = 0u32;
            let mut x_len = 0u32;
            let mut in_claim: Vec<u32> = Vec::new();
            decode_doc(&mut r, n_terms, |entry| match entry {
                Entry::Claim(t) => {
                    c_len += u32::from(t.tf);
                    df[t.term as usize] += 1;
                    in_claim.push(t.term);
                }
                Entry::Context(term, tf) => {
                    x_len += u32::from(tf);
                    // One posting per document even if the term is in both fields.
                    if in_claim.binary_search(&term).is_err() {
                        df[term as usize] += 1;
                    }
                }
            })?;
            claim_len.push(c_len.min(u32::from(u16::MAX)) as u16);
            context_len.push(x_len.min(u32::from(u16::MAX)) as u16);
            offset = forward.len() - r.remaining();
        }
        if !r.is_at_end() {
            return Err("the forward index has bytes after its last document".to_string());
        }
        forward_offsets.push(offset as u32);
        let mut posting_offsets = Vec::with_capacity(n_terms + 1);
        let mut total = 0u32;
        for &d in &df[..n_terms] {
            posting_offsets.push(total);
            total = total.saturating_add(d);
        }
        posting_offsets.push(total);
        let mut fill: Vec<u32> = posting_offsets[..n_terms].to_vec();
        // `fill` only advances within each term's slot range: df counted exactly these postings.
        let mut postings = vec![
            Posting {
                doc: 0,
                tf_claim: 0,
                tf_context: 0
            };
            total as usize
        ];
        // Pass 2: one posting per (term, document), both fields merged.
        let mut r = Reader::new(&forward);
        let mut claim_terms: Vec<(u32, u8)> = Vec::new();
        let mut context_terms: Vec<(u32, u8)> = Vec::new();
        for doc in 0..docs as u32 {
            claim_terms.clear();
            context_terms.clear();
            decode_doc(&mut r, n_terms, |entry| match entry {
                Entry::Claim(t) => claim_terms.push((t.term, t.tf)),
                Entry::Context(term, tf) => context_terms.push((term, tf)),
            })?;
            // Merge the two sorted lists into one posting per term.
            let (mut i, mut j) = (0, 0);
            while i < claim_terms.len() || j < context_terms.len() {
                let c = claim_terms.get(i).copied();
                let x = context_terms.get(j).copied();
                let (term, tf_claim, tf_context) = match (c, x) {
                    (Some((ct, ctf)), Some((xt, xtf))) if ct == xt => {
                        i += 1;
                        j += 1;
                        (ct, ctf, xtf)
                    }
                    (Some((ct, ctf)), Some((xt, _))) if ct < xt => {
                        i += 1;
                        (ct, ctf, 0)
                    }
                    (Some((ct, ctf)), None) => {
                        i += 1;
                        (ct, ctf, 0)
                    }
                    (_, Some((xt, xtf))) => {
                        j += 1;
                        (xt, 0, xtf)
                    }
                    (None, None) => break,
                };
                let slot = &mut fill[term as usize];
                if let Some(p) = postings.get_mut(*slot as usize) {
                    *p = Posting {
                        doc,
                        tf_claim,
                        tf_context,
                    };
                }
                *slot += 1;
            }
        }
        let avg = |lens: &[u16]| {
            if lens.is_empty() {
                1.0
            } else {
                (lens.iter().map(|&l| f64::from(l)).sum::<f64>() / lens.len() as f64).max(1.0)
                    as f32
            }
        };
        Ok(Index {
            avg_claim_len: avg(&claim_len),
            avg_context_len: avg(&context_len),
            terms,
            forward,
            forward_offsets,
            posting_offsets,
            postings,
            claim_len,
            context_len,
        })
    }

    pub fn docs(&self) -> usize {
        self.claim_len.len()
    }

    pub fn term_id(&self, term: &str) -> Option<u32> {
        self.terms.find_sorted(term)
    }

    pub fn postings(&self, term: u32) -> &[Posting] {
        let t = term as usize;
        match (self.posting_offsets.get(t), self.posting_offsets.get(t + 1)) {
            (Some(&a), Some(&b)) => self.postings.get(a as usize..b as usize).unwrap_or(&[]),
            _ => &[],
        }
    }

    /// Documents containing `term`, in either field.
    pub fn df(&self, term: u32) -> usize {
        self.postings(term).len()
    }

    /// The claim-field terms of `doc`, sorted by term id.
    pub fn claim_terms(&self, doc: u32, out: &mut Vec<DocTerm>) {
        out.clear();
        let d = doc as usize;
        let (Some(&a), Some(&b)) = (self.forward_offsets.get(d), self.forward_offsets.get(d + 1))
        else {
            return;
        };
        let Some(bytes) = self.forward.get(a as usize..b as usize) else {
            return;
        };
        // Validated at load; a failure here would leave `out` partial, not panic.
        let _ = decode_doc(&mut Reader::new(bytes), self.terms.len(), |entry| {
            if let Entry::Claim(t) = entry {
                out.push(t);
            }
        });
    }

    /// The context-field term ids of `doc`, sorted.
    pub fn context_terms(&self, doc: u32, out: &mut Vec<u32>) {
        out.clear();
        let d = doc as usize;
        let (Some(&a), Some(&b)) = (self.forward_offsets.get(d), self.forward_offsets.get(d + 1))
        else {
            return;
        };
        let Some(bytes) = self.forward.get(a as usize..b as usize) else {
            return;
        };
        let _ = decode_doc(&mut Reader::new(bytes), self.terms.len(), |entry| {
            if let Entry::Context(t, _) = entry {
                out.push(t);
            }
        });
    }

    pub fn heap_bytes(&self) -> usize {
        self.terms.bytes()
            + self.forward.len()
            + self.forward_offsets.len() * 4
            + self.posting_offsets.len() * 4
            + self.postings.len() * std::mem::size_of::<Posting>()
            + self.claim_len.len() * 4
    }
}
