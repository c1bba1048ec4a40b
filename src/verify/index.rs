//! The term index of a pack.
//!
//! A pack stores an inverted index: for each term (sorted, so a term's id is
//! its position), the documents containing it as gaps, plus one flag byte per
//! posting (count in the claim, count in the context, capitalised as a
//! name). Inverted lists of gaps compress far better than per-document term
//! lists, and load in one sequential pass without re-analysing any text.
//! The re-ranker reads a candidate's terms from the query's side (is the
//! candidate in this term's postings?) plus per-document totals gathered in
//! that same pass, so no per-document term lists are ever built.

use super::pack::codec::{DecodeResult, Reader, StrColumn, Writer};

/// Claim-field counts above this are clipped (BM25 saturates long before).
pub const MAX_TF_CLAIM: u8 = 15;
/// Context-field counts above this are clipped.
pub const MAX_TF_CONTEXT: u8 = 7;

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
    /// Capitalised or an acronym in the claim.
    pub name: bool,
}

/// One document's analysed fields, for [`encode`].
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DocFields {
    /// Sorted by term id, unique.
    pub claim: Vec<DocTerm>,
    /// (term id, count), sorted by term id, unique.
    pub context: Vec<(u32, u8)>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Index {
    /// Sorted: a term's id is its position.
    pub terms: StrColumn,
    posting_offsets: Vec<u32>,
    postings: Vec<Posting>,
    pub claim_len: Vec<u16>,
    pub context_len: Vec<u16>,
    pub avg_claim_len: f32,
    pub avg_context_len: f32,
    /// Per term: its BM25 inverse document frequency, and whether it is a number.
    idf: Vec<f32>,
    number: Vec<bool>,
    /// Per document, over its claim's distinct terms: the sum of their idf,
    /// how many are names, and how many are numbers.
    claim_idf: Vec<f32>,
    claim_names: Vec<u16>,
    claim_numbers: Vec<u16>,
    /// Per document, for the default BM25F parameters: 1 / (1 - b + b * len / avg).
    claim_norm: Vec<f32>,
    context_norm: Vec<f32>,
}

/// BM25's inverse document frequency of a term in `df` of `docs` documents.
pub fn idf(docs: usize, df: usize) -> f32 {
    let n = docs as f32;
    let df = df.max(1) as f32;
    (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
}

/// 1 / BM25's length normalisation of a field of `len` terms.
pub fn length_norm(b: f32, len: u16, avg: f32) -> f32 {
    1.0 / (1.0 - b + b * f32::from(len) / avg)
}

fn flag_byte(tf_claim: u8, tf_context: u8, name: bool) -> u8 {
    tf_claim.min(MAX_TF_CLAIM) | tf_context.min(MAX_TF_CONTEXT) << 4 | u8::from(name) << 7
}

/// Writes the inverted index of `docs` over `n_terms` terms: the postings
/// (per term: a count, then document gaps) and one flag byte per posting.
pub fn encode(docs: &[DocFields], n_terms: usize) -> (Vec<u8>, Vec<u8>) {
    let mut lists: Vec<Vec<(u32, u8)>> = vec![Vec::new(); n_terms];
    for (doc, fields) in docs.iter().enumerate() {
        let (mut i, mut j) = (0, 0);
        loop {
            let c = fields.claim.get(i);
            let x = fields.context.get(j);
            let (term, flag) = match (c, x) {
                (Some(c), Some(&(xt, xtf))) if c.term == xt => {
                    i += 1;
                    j += 1;
                    (c.term, flag_byte(c.tf, xtf, c.name))
                }
                (Some(c), Some(&(xt, _))) if c.term < xt => {
                    i += 1;
                    (c.term, flag_byte(c.tf, 0, c.name))
                }
                (Some(c), None) => {
                    i += 1;
                    (c.term, flag_byte(c.tf, 0, c.name))
                }
                (_, Some(&(xt, xtf))) => {
                    j += 1;
                    (xt, flag_byte(0, xtf, false))
                }
                (None, None) => break,
            };
            if let Some(list) = lists.get_mut(term as usize) {
                list.push((doc as u32, flag));
            }
        }
    }
    let mut post = Writer::default();
    let mut flags = Vec::new();
    for list in &lists {
        post.varint(list.len() as u32);
        let mut prev = 0;
        for (k, &(doc, flag)) in list.iter().enumerate() {
            post.varint(if k == 0 { doc } else { doc - prev });
            prev = doc;
            flags.push(flag);
        }
    }
    (post.bytes, flags)
}

impl Index {
    /// Reads and checks an inverted index over `docs` documents.
    pub fn decode(terms: StrColumn, post: &[u8], flags: &[u8], docs: usize) -> DecodeResult<Index> {
        let n_terms = terms.len();
        let mut r = Reader::new(post);
        let mut posting_offsets = Vec::with_capacity(n_terms + 1);
        let mut postings: Vec<Posting> = Vec::with_capacity(flags.len());
        let mut idf_of = Vec::with_capacity(n_terms);
        let mut number = Vec::with_capacity(n_terms);
        let mut claim_len = vec![0u32; docs];
        let mut context_len = vec![0u32; docs];
        let mut claim_idf = vec![0f32; docs];
        let mut claim_names = vec![0u16; docs];
        let mut claim_numbers = vec![0u16; docs];
        for t in 0..n_terms {
            posting_offsets.push(postings.len() as u32);
            let n = r.varint()? as usize;
            if n > docs || postings.len() + n > flags.len() {
                return Err(
                    "a posting list is longer than the documents or flags allow".to_string()
                );
            }
            let w = idf(docs, n);
            let is_number = terms.get(t).starts_with(|c: char| c.is_ascii_digit());
            idf_of.push(w);
            number.push(is_number);
            let mut doc: u32 = 0;
            for k in 0..n {
                let gap = r.varint()?;
                if k > 0 && gap == 0 {
                    return Err("a posting list repeats a document".to_string());
                }
                doc = doc
                    .checked_add(gap)
                    .filter(|&d| (d as usize) < docs)
                    .ok_or_else(|| "a posting points past the last document".to_string())?;
                let flag = flags[postings.len()];
                let tf_claim = flag & 0x0F;
                let tf_context = (flag >> 4) & 0x07;
                let name = flag & 0x80 != 0;
                if tf_claim == 0 && tf_context == 0 {
                    return Err("a posting has no occurrences".to_string());
                }
                let d = doc as usize;
                if tf_claim > 0 {
                    claim_len[d] += u32::from(tf_claim);
                    claim_idf[d] += w;
                    claim_names[d] = claim_names[d].saturating_add(u16::from(name));
                    claim_numbers[d] = claim_numbers[d].saturating_add(u16::from(is_number));
                }
                context_len[d] += u32::from(tf_context);
                postings.push(Posting {
                    doc,
                    tf_claim,
                    tf_context,
                    name,
                });
            }
        }
        posting_offsets.push(postings.len() as u32);
        if !r.is_at_end() {
            return Err("bytes after the last posting list".to_string());
        }
        if postings.len() != flags.len() {
            return Err(format!(
                "{} postings but {} flags",
                postings.len(),
                flags.len()
            ));
        }
        let clip = |v: Vec<u32>| -> Vec<u16> {
            v.into_iter()
                .map(|l| l.min(u32::from(u16::MAX)) as u16)
                .collect()
        };
        let claim_len = clip(claim_len);
        let context_len = clip(context_len);
        let avg = |lens: &[u16]| {
            if lens.is_empty() {
                1.0
            } else {
                (lens.iter().map(|&l| f64::from(l)).sum::<f64>() / lens.len() as f64).max(1.0)
                    as f32
            }
        };
        let avg_claim_len = avg(&claim_len);
        let avg_context_len = avg(&context_len);
        let bm = crate::verify::matcher::BM25;
        let claim_norm = claim_len
            .iter()
            .map(|&l| length_norm(bm.b_claim, l, avg_claim_len))
            .collect();
        let context_norm = context_len
            .iter()
            .map(|&l| length_norm(bm.b_context, l, avg_context_len))
            .collect();
        Ok(Index {
            avg_claim_len,
            avg_context_len,
            idf: idf_of,
            number,
            claim_idf,
            claim_names,
            claim_numbers,
            claim_norm,
            context_norm,
            terms,
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

    /// The BM25 idf of `term` (that of the rarest term when out of range).
    pub fn idf(&self, term: u32) -> f32 {
        self.idf
            .get(term as usize)
            .copied()
            .unwrap_or_else(|| idf(self.docs(), 1))
    }

    pub fn is_number(&self, term: u32) -> bool {
        self.number.get(term as usize).copied().unwrap_or(false)
    }

    /// Precomputed length normalisations for the default BM25F parameters.
    pub fn default_norms(&self) -> (&[f32], &[f32]) {
        (&self.claim_norm, &self.context_norm)
    }

    /// `term`'s posting for `doc`, if `doc` contains it.
    pub fn posting(&self, term: u32, doc: u32) -> Option<Posting> {
        let list = self.postings(term);
        list.binary_search_by(|p| p.doc.cmp(&doc))
            .ok()
            .and_then(|i| list.get(i).copied())
    }

    /// Over the distinct terms of `doc`'s claim: the sum of their idf, how
    /// many are names, how many are numbers.
    pub fn claim_totals(&self, doc: u32) -> (f32, usize, usize) {
        let d = doc as usize;
        (
            self.claim_idf.get(d).copied().unwrap_or(0.0),
            self.claim_names.get(d).copied().map_or(0, usize::from),
            self.claim_numbers.get(d).copied().map_or(0, usize::from),
        )
    }

    pub fn heap_bytes(&self) -> usize {
        self.terms.bytes()
            + self.posting_offsets.len() * 4
            + self.postings.len() * std::mem::size_of::<Posting>()
            + self.claim_len.len() * 20
            + self.idf.len() * 5
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_with_per_document_totals() {
        let docs = vec![
            DocFields {
                claim: vec![
                    DocTerm {
                        term: 0,
                        tf: 2,
                        name: false,
                    },
                    DocTerm {
                        term: 2,
                        tf: 1,
                        name: true,
                    },
                ],
                context: vec![(1, 1), (2, 3)],
            },
            DocFields {
                claim: vec![DocTerm {
                    term: 1,
                    tf: 40,
                    name: false,
                }],
                context: vec![],
            },
        ];
        let (post, flags) = encode(&docs, 3);
        let index = Index::decode(StrColumn::build(["10", "b", "c"]), &post, &flags, 2).unwrap();
        assert_eq!(index.df(1), 2);
        assert_eq!(
            index.postings(2),
            [Posting {
                doc: 0,
                tf_claim: 1,
                tf_context: 3,
                name: true
            }]
        );
        assert_eq!(index.posting(1, 1).map(|p| p.tf_claim), Some(MAX_TF_CLAIM));
        assert_eq!(index.posting(0, 1), None);
        assert_eq!(index.claim_len, [3, MAX_TF_CLAIM as u16]);
        assert_eq!(index.context_len, [4, 0]);
        let (claim_idf, names, numbers) = index.claim_totals(0);
        assert!((claim_idf - (index.idf(0) + index.idf(2))).abs() < 1e-6);
        assert_eq!((names, numbers), (1, 1));
        assert!(index.is_number(0) && !index.is_number(1));
        assert_eq!(index.claim_totals(9), (0.0, 0, 0));
    }

    #[test]
    fn corrupt_postings_are_errors() {
        let terms = || StrColumn::build(["a", "b"]);
        let cases: [(&[u8], &[u8], &str); 6] = [
            (&[1, 5, 0], &[1], "doc past the end"),
            (&[2, 0, 0, 0], &[1, 1], "repeated doc"),
            (&[1, 0, 0], &[0], "no occurrences"),
            (&[1, 0, 0], &[1, 1], "flags left over"),
            (&[3, 0, 1, 1, 0], &[1, 1, 1], "list longer than docs"),
            (&[1, 0, 0, 7], &[1], "trailing bytes"),
        ];
        for (post, flags, what) in cases {
            assert!(Index::decode(terms(), post, flags, 2).is_err(), "{what}");
        }
    }
}
