//! The term index of a pack.
//!
//! A pack stores an inverted index: for each term (sorted, so a term's id is
//! its position), the documents containing it as gaps, plus one flag byte per
//! posting (count in the claim, count in the context, capitalised as a
//! name). Inverted lists of gaps compress far better than per-document term
//! lists, and load without re-analysing any text. The per-document view the
//! re-ranker needs is rebuilt at load by one counting-sort transposition.

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
    claim_offsets: Vec<u32>,
    claim_terms: Vec<DocTerm>,
    context_offsets: Vec<u32>,
    context_terms: Vec<u32>,
    pub claim_len: Vec<u16>,
    pub context_len: Vec<u16>,
    pub avg_claim_len: f32,
    pub avg_context_len: f32,
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
        let mut claim_count = vec![0u32; docs];
        let mut context_count = vec![0u32; docs];
        let mut claim_len = vec![0u32; docs];
        let mut context_len = vec![0u32; docs];
        for _ in 0..n_terms {
            posting_offsets.push(postings.len() as u32);
            let n = r.varint()? as usize;
            if n > docs || postings.len() + n > flags.len() {
                return Err(
                    "a posting list is longer than the documents or flags allow".to_string()
                );
            }
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
                if tf_claim == 0 && tf_context == 0 {
                    return Err("a posting has no occurrences".to_string());
                }
                let d = doc as usize;
                if tf_claim > 0 {
                    claim_count[d] += 1;
                    claim_len[d] += u32::from(tf_claim);
                }
                if tf_context > 0 {
                    context_count[d] += 1;
                    context_len[d] += u32::from(tf_context);
                }
                postings.push(Posting {
                    doc,
                    tf_claim,
                    tf_context,
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
        // Transpose into per-document lists, already sorted by term id.
        let offsets_of = |counts: &[u32]| {
            let mut offsets = Vec::with_capacity(counts.len() + 1);
            let mut total = 0u32;
            for &c in counts {
                offsets.push(total);
                total += c;
            }
            offsets.push(total);
            offsets
        };
        let claim_offsets = offsets_of(&claim_count);
        let context_offsets = offsets_of(&context_count);
        let mut claim_fill: Vec<u32> = claim_offsets[..docs].to_vec();
        let mut context_fill: Vec<u32> = context_offsets[..docs].to_vec();
        let mut claim_terms = vec![
            DocTerm {
                term: 0,
                tf: 0,
                name: false
            };
            claim_offsets[docs] as usize
        ];
        let mut context_terms = vec![0u32; context_offsets[docs] as usize];
        for term in 0..n_terms {
            let (a, b) = (
                posting_offsets[term] as usize,
                posting_offsets[term + 1] as usize,
            );
            for (k, p) in postings[a..b].iter().enumerate() {
                let d = p.doc as usize;
                if p.tf_claim > 0 {
                    let slot = &mut claim_fill[d];
                    claim_terms[*slot as usize] = DocTerm {
                        term: term as u32,
                        tf: p.tf_claim,
                        name: flags[a + k] & 0x80 != 0,
                    };
                    *slot += 1;
                }
                if p.tf_context > 0 {
                    let slot = &mut context_fill[d];
                    context_terms[*slot as usize] = term as u32;
                    *slot += 1;
                }
            }
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
        Ok(Index {
            avg_claim_len: avg(&claim_len),
            avg_context_len: avg(&context_len),
            terms,
            posting_offsets,
            postings,
            claim_offsets,
            claim_terms,
            context_offsets,
            context_terms,
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
    pub fn claim_terms(&self, doc: u32) -> &[DocTerm] {
        let d = doc as usize;
        match (self.claim_offsets.get(d), self.claim_offsets.get(d + 1)) {
            (Some(&a), Some(&b)) => self.claim_terms.get(a as usize..b as usize).unwrap_or(&[]),
            _ => &[],
        }
    }

    /// The context-field term ids of `doc`, sorted.
    pub fn context_terms(&self, doc: u32) -> &[u32] {
        let d = doc as usize;
        match (self.context_offsets.get(d), self.context_offsets.get(d + 1)) {
            (Some(&a), Some(&b)) => self
                .context_terms
                .get(a as usize..b as usize)
                .unwrap_or(&[]),
            _ => &[],
        }
    }

    pub fn heap_bytes(&self) -> usize {
        self.terms.bytes()
            + (self.posting_offsets.len() + self.claim_offsets.len() + self.context_offsets.len())
                * 4
            + self.postings.len() * std::mem::size_of::<Posting>()
            + self.claim_terms.len() * std::mem::size_of::<DocTerm>()
            + self.context_terms.len() * 4
            + self.claim_len.len() * 4
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_transposes() {
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
        let index = Index::decode(StrColumn::build(["a", "b", "c"]), &post, &flags, 2).unwrap();
        assert_eq!(index.claim_terms(0), docs[0].claim.as_slice());
        assert_eq!(index.context_terms(0), [1, 2]);
        assert_eq!(
            index.claim_terms(1),
            [DocTerm {
                term: 1,
                tf: MAX_TF_CLAIM,
                name: false
            }]
        );
        assert_eq!(index.df(1), 2);
        assert_eq!(
            index.postings(2),
            [Posting {
                doc: 0,
                tf_claim: 1,
                tf_context: 3
            }]
        );
        assert_eq!(index.claim_len, [3, MAX_TF_CLAIM as u16]);
        assert_eq!(index.claim_terms(9), []);
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
