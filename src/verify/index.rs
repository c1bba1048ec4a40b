//! The term index of a pack.
//!
//! A pack stores an inverted index: for each term (sorted, so a term's id is
//! its position), the documents containing it, plus one flag byte per
//! posting (count in the claim, count in the context, capitalised as a
//! name). Everything the matcher reads is computed when the pack is built
//! and stored as fixed-width arrays (per term its idf; per document its
//! field lengths, length normalisations and claim totals), so loading a pack
//! checks sizes and posting lists and builds nothing: the matcher reads the
//! file in place. The re-ranker reads a candidate's terms from the query's
//! side (is the candidate in this term's postings?) plus the per-document
//! totals, so no per-document term lists exist.
//!
//! Sections: TERM (the sorted terms, a string column), TIDF (f32 per term),
//! POFF (u32 per term + 1: where its postings start), PDOC (u32 per posting:
//! the document), FLAG (one byte per posting), DOCS (the average field
//! lengths, then per document: claim length, context length, names and
//! numbers in the claim as u16; claim idf total, claim and context length
//! normalisation as f32, column by column).

use super::pack::codec::{DecodeResult, Writer};
use super::pack::view::{write_array, Array, Slice, Strings, Window};

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

impl Posting {
    fn new(doc: u32, flag: u8) -> Posting {
        Posting {
            doc,
            tf_claim: flag & 0x0F,
            tf_context: (flag >> 4) & 0x07,
            name: flag & 0x80 != 0,
        }
    }
}

/// One document's analysed fields, for [`encode`].
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DocFields {
    /// Sorted by term id, unique.
    pub claim: Vec<DocTerm>,
    /// (term id, count), sorted by term id, unique.
    pub context: Vec<(u32, u8)>,
}

/// The index sections of a pack, as [`encode`] writes them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct IndexSections {
    pub idf: Vec<u8>,
    pub posting_offsets: Vec<u8>,
    pub posting_docs: Vec<u8>,
    pub flags: Vec<u8>,
    pub docs: Vec<u8>,
}

/// A pack's index, read in place from the pack file.
#[derive(Debug, Clone, PartialEq)]
pub struct Index {
    /// Sorted: a term's id is its position.
    pub terms: Strings,
    /// Per term: its BM25 inverse document frequency.
    idf: Array<f32>,
    posting_offsets: Array<u32>,
    posting_docs: Array<u32>,
    flags: Window,
    pub avg_claim_len: f32,
    pub avg_context_len: f32,
    claim_len: Array<u16>,
    context_len: Array<u16>,
    /// Per document, over its claim's distinct terms: the sum of their idf,
    /// how many are names, and how many are numbers.
    claim_names: Array<u16>,
    claim_numbers: Array<u16>,
    claim_idf: Array<f32>,
    /// Per document, for the default BM25F parameters: 1 / (1 - b + b * len / avg).
    claim_norm: Array<f32>,
    context_norm: Array<f32>,
}

/// Stored weights (idf, their sums per claim, length normalisations) are at
/// least 0 and at most this: real ones are far smaller (an idf is at most
/// ln(2n + 1.5)), and a damaged pack must not make a score infinite or NaN.
const MAX_STORED_WEIGHT: f32 = 1.0e6;

fn weights_in_range(weights: &Array<f32>) -> bool {
    weights
        .iter()
        .all(|w| (0.0..=MAX_STORED_WEIGHT).contains(&w))
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

fn is_number(term: &[u8]) -> bool {
    term.first().is_some_and(u8::is_ascii_digit)
}

/// Writes the inverted index of `docs` over `terms` (sorted, unique, the
/// ids `docs` use) with everything the matcher reads precomputed.
pub fn encode(docs: &[DocFields], terms: &[&str]) -> IndexSections {
    let n_terms = terms.len();
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
    let n_docs = docs.len();
    let mut out = IndexSections::default();
    let mut idf_of = Vec::with_capacity(n_terms);
    let mut claim_len = vec![0u32; n_docs];
    let mut context_len = vec![0u32; n_docs];
    let mut claim_idf = vec![0f32; n_docs];
    let mut claim_names = vec![0u16; n_docs];
    let mut claim_numbers = vec![0u16; n_docs];
    let mut offsets = Writer::default();
    let mut postings = Writer::default();
    let mut total = 0u32;
    // Term by term, as the totals were always summed (the order of float sums matters).
    for (list, term) in lists.iter().zip(terms) {
        offsets.u32(total);
        total += list.len() as u32;
        let w = idf(n_docs, list.len());
        let number = is_number(term.as_bytes());
        idf_of.push(w);
        for &(doc, flag) in list {
            postings.u32(doc);
            out.flags.push(flag);
            let p = Posting::new(doc, flag);
            let d = doc as usize;
            if p.tf_claim > 0 {
                claim_len[d] += u32::from(p.tf_claim);
                claim_idf[d] += w;
                claim_names[d] = claim_names[d].saturating_add(u16::from(p.name));
                claim_numbers[d] = claim_numbers[d].saturating_add(u16::from(number));
            }
            context_len[d] += u32::from(p.tf_context);
        }
    }
    offsets.u32(total);
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
            (lens.iter().map(|&l| f64::from(l)).sum::<f64>() / lens.len() as f64).max(1.0) as f32
        }
    };
    let avg_claim_len = avg(&claim_len);
    let avg_context_len = avg(&context_len);
    let bm = crate::verify::matcher::BM25;
    let mut stats = Writer::default();
    stats.f32(avg_claim_len);
    stats.f32(avg_context_len);
    for column in [&claim_len, &context_len, &claim_names, &claim_numbers] {
        write_array(&mut stats, column.iter().copied());
    }
    write_array(&mut stats, claim_idf);
    write_array(
        &mut stats,
        claim_len
            .iter()
            .map(|&l| length_norm(bm.b_claim, l, avg_claim_len)),
    );
    write_array(
        &mut stats,
        context_len
            .iter()
            .map(|&l| length_norm(bm.b_context, l, avg_context_len)),
    );
    let mut idf_bytes = Writer::default();
    write_array(&mut idf_bytes, idf_of);
    out.idf = idf_bytes.bytes;
    out.posting_offsets = offsets.bytes;
    out.posting_docs = postings.bytes;
    out.docs = stats.bytes;
    out
}

/// The index sections of a loaded pack, for [`Index::read`].
pub struct IndexWindows<'a> {
    pub idf: &'a Window,
    pub posting_offsets: &'a Window,
    pub posting_docs: &'a Window,
    pub flags: &'a Window,
    pub docs: &'a Window,
}

/// An array filling `window` exactly.
fn exact<T: super::pack::view::Fixed>(
    window: &Window,
    n: usize,
    what: &str,
) -> DecodeResult<Array<T>> {
    match Array::<T>::take(window, n) {
        Some((array, rest)) if rest.is_empty() => Ok(array),
        _ => Err(format!("{what}: {} bytes, not {n} entries", window.len())),
    }
}

impl Index {
    /// Checks the sizes of the index sections over `docs` documents and that
    /// every posting list is in range, ordered and non-empty, and reads the
    /// index in place.
    pub fn read(terms: Strings, sections: IndexWindows<'_>, docs: usize) -> DecodeResult<Index> {
        let n_terms = terms.len();
        let n_postings = sections.flags.len();
        let idf = exact::<f32>(sections.idf, n_terms, "term idf")?;
        let posting_offsets =
            exact::<u32>(sections.posting_offsets, n_terms + 1, "posting offsets")?;
        let posting_docs = exact::<u32>(sections.posting_docs, n_postings, "postings")?;
        let flags = sections.flags.bytes();
        let (mut start, mut offsets) = (0usize, posting_offsets.iter());
        if offsets.next() != Some(0) {
            return Err("the first posting list does not start at 0".to_string());
        }
        for end in offsets {
            let end = end as usize;
            if end < start || end > n_postings || end - start > docs {
                return Err(
                    "a posting list is longer than the documents or postings allow".to_string(),
                );
            }
            let mut previous: Option<u32> = None;
            for (doc, &flag) in posting_docs
                .range(start, end)
                .iter()
                .zip(&flags[start..end])
            {
                if doc as usize >= docs {
                    return Err("a posting points past the last document".to_string());
                }
                if previous.is_some_and(|p| doc <= p) {
                    return Err("a posting list repeats a document or is out of order".to_string());
                }
                if flag & 0x7F == 0 {
                    return Err("a posting has no occurrences".to_string());
                }
                previous = Some(doc);
            }
            start = end;
        }
        if start != n_postings {
            return Err(format!("{start} postings listed but {n_postings} flags"));
        }
        let averages = exact::<f32>(
            &sections
                .docs
                .slice(0, 8.min(sections.docs.len()))
                .unwrap_or_else(|| sections.docs.clone()),
            2,
            "document statistics",
        )?;
        let rest = sections
            .docs
            .slice(8, sections.docs.len())
            .ok_or("document statistics: too short")?;
        let too_short = || "document statistics: too short".to_string();
        let (claim_len, rest) = Array::<u16>::take(&rest, docs).ok_or_else(too_short)?;
        let (context_len, rest) = Array::<u16>::take(&rest, docs).ok_or_else(too_short)?;
        let (claim_names, rest) = Array::<u16>::take(&rest, docs).ok_or_else(too_short)?;
        let (claim_numbers, rest) = Array::<u16>::take(&rest, docs).ok_or_else(too_short)?;
        let (claim_idf, rest) = Array::<f32>::take(&rest, docs).ok_or_else(too_short)?;
        let (claim_norm, rest) = Array::<f32>::take(&rest, docs).ok_or_else(too_short)?;
        let context_norm = exact::<f32>(&rest, docs, "document statistics")?;
        let averages_ok = averages
            .iter()
            .all(|a| (1.0..=f32::from(u16::MAX)).contains(&a));
        if !averages_ok
            || ![&idf, &claim_idf, &claim_norm, &context_norm]
                .into_iter()
                .all(weights_in_range)
        {
            return Err("a stored weight is out of range".to_string());
        }
        Ok(Index {
            terms,
            idf,
            posting_offsets,
            posting_docs,
            flags: sections.flags.clone(),
            avg_claim_len: averages.get(0).unwrap_or(1.0),
            avg_context_len: averages.get(1).unwrap_or(1.0),
            claim_len,
            context_len,
            claim_names,
            claim_numbers,
            claim_idf,
            claim_norm,
            context_norm,
        })
    }

    pub fn docs(&self) -> usize {
        self.claim_len.len()
    }

    pub fn term_id(&self, term: &str) -> Option<u32> {
        self.terms.find_sorted(term)
    }

    /// Where `term`'s postings lie (empty when out of range).
    fn posting_range(&self, term: u32) -> (usize, usize) {
        let t = term as usize;
        match (self.posting_offsets.get(t), self.posting_offsets.get(t + 1)) {
            (Some(a), Some(b)) if a <= b => (a as usize, b as usize),
            _ => (0, 0),
        }
    }

    /// The documents containing `term`, in order.
    pub fn postings(&self, term: u32) -> impl Iterator<Item = Posting> + '_ {
        let (a, b) = self.posting_range(term);
        let flags = self.flags.bytes().get(a..b).unwrap_or(&[]);
        self.posting_docs
            .range(a, b)
            .iter()
            .zip(flags)
            .map(|(doc, &flag)| Posting::new(doc, flag))
    }

    /// Documents containing `term`, in either field.
    pub fn df(&self, term: u32) -> usize {
        let (a, b) = self.posting_range(term);
        b - a
    }

    /// The BM25 idf of `term` (that of the rarest term when out of range).
    pub fn idf(&self, term: u32) -> f32 {
        self.idf
            .get(term as usize)
            .unwrap_or_else(|| idf(self.docs(), 1))
    }

    pub fn is_number(&self, term: u32) -> bool {
        is_number(self.terms.get_bytes(term as usize))
    }

    /// Each document's claim and context lengths, in terms.
    pub fn field_lengths(&self) -> impl Iterator<Item = (u16, u16)> + '_ {
        self.claim_len.iter().zip(self.context_len.iter())
    }

    /// `doc`'s claim and context length normalisations for the default BM25F parameters.
    #[inline]
    pub fn default_norms(&self, doc: usize) -> Option<(f32, f32)> {
        self.claim_norm.get(doc).zip(self.context_norm.get(doc))
    }

    /// Every document's claim and context length normalisations for the
    /// default BM25F parameters, as two columns indexed by document.
    pub fn default_norm_columns(&self) -> (Slice<'_, f32>, Slice<'_, f32>) {
        let docs = self.docs();
        (
            self.claim_norm.range(0, docs),
            self.context_norm.range(0, docs),
        )
    }

    /// `term`'s posting for `doc`, if `doc` contains it.
    pub fn posting(&self, term: u32, doc: u32) -> Option<Posting> {
        let (a, b) = self.posting_range(term);
        let docs = self.posting_docs.range(a, b);
        let (mut lo, mut hi) = (0usize, docs.len());
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            match docs.get(mid)?.cmp(&doc) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => {
                    let flag = *self.flags.bytes().get(a + mid)?;
                    return Some(Posting::new(doc, flag));
                }
            }
        }
        None
    }

    /// Over the distinct terms of `doc`'s claim: the sum of their idf, how
    /// many are names, how many are numbers.
    pub fn claim_totals(&self, doc: u32) -> (f32, usize, usize) {
        let d = doc as usize;
        (
            self.claim_idf.get(d).unwrap_or(0.0),
            self.claim_names.get(d).map_or(0, usize::from),
            self.claim_numbers.get(d).map_or(0, usize::from),
        )
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::verify::pack::view::File;

    /// Reads `sections` (and `terms`) over `docs` documents as a loaded pack would.
    fn read(terms: &[&str], sections: &IndexSections, docs: usize) -> DecodeResult<Index> {
        let mut w = Writer::default();
        Strings::write(&mut w, terms.iter().copied());
        let parts = [
            w.bytes,
            sections.idf.clone(),
            sections.posting_offsets.clone(),
            sections.posting_docs.clone(),
            sections.flags.clone(),
            sections.docs.clone(),
        ];
        let file: File = Arc::new(parts.concat());
        let mut windows = Vec::new();
        let mut at = 0;
        for part in &parts {
            windows.push(Window::new(&file, at, at + part.len()).unwrap());
            at += part.len();
        }
        let terms = Strings::read(&windows[0])?;
        Index::read(
            terms,
            IndexWindows {
                idf: &windows[1],
                posting_offsets: &windows[2],
                posting_docs: &windows[3],
                flags: &windows[4],
                docs: &windows[5],
            },
            docs,
        )
    }

    fn two_docs() -> Vec<DocFields> {
        vec![
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
        ]
    }

    #[test]
    fn round_trips_with_per_document_totals() {
        let terms = ["10", "b", "c"];
        let index = read(&terms, &encode(&two_docs(), &terms), 2).unwrap();
        assert_eq!(index.df(1), 2);
        assert_eq!(
            index.postings(2).collect::<Vec<_>>(),
            [Posting {
                doc: 0,
                tf_claim: 1,
                tf_context: 3,
                name: true
            }]
        );
        assert_eq!(index.posting(1, 1).map(|p| p.tf_claim), Some(MAX_TF_CLAIM));
        assert_eq!(index.posting(0, 1), None);
        assert_eq!(
            index.field_lengths().collect::<Vec<_>>(),
            [(3, 4), (MAX_TF_CLAIM as u16, 0)]
        );
        assert_eq!(index.idf(1), idf(2, 2));
        assert_eq!(index.idf(9), idf(2, 1), "out of range: as the rarest");
        let (claim_idf, names, numbers) = index.claim_totals(0);
        assert!((claim_idf - (index.idf(0) + index.idf(2))).abs() < 1e-6);
        assert_eq!((names, numbers), (1, 1));
        assert!(index.is_number(0) && !index.is_number(1));
        assert_eq!(index.claim_totals(9), (0.0, 0, 0));
        let bm = crate::verify::matcher::BM25;
        let avg_claim = (3.0 + f32::from(MAX_TF_CLAIM)) / 2.0;
        assert_eq!(
            index.default_norms(0),
            Some((
                length_norm(bm.b_claim, 3, avg_claim),
                length_norm(bm.b_context, 4, 2.0)
            ))
        );
        assert_eq!(index.default_norms(2), None);
    }

    #[test]
    fn corrupt_postings_are_errors() {
        let terms = ["a", "b", "c"];
        let good = encode(&two_docs(), &terms);
        assert!(read(&terms, &good, 2).is_ok());
        let u32s = |v: &[u32]| v.iter().flat_map(|x| x.to_le_bytes()).collect::<Vec<u8>>();
        let with = |f: &dyn Fn(&mut IndexSections)| {
            let mut s = good.clone();
            f(&mut s);
            s
        };
        let cases: Vec<(&str, IndexSections)> = vec![
            (
                "doc past the end",
                with(&|s| s.posting_docs = u32s(&[0, 0, 1, 5])),
            ),
            (
                "repeated doc",
                with(&|s| s.posting_docs = u32s(&[0, 1, 1, 0])),
            ),
            (
                "out of order",
                with(&|s| s.posting_docs = u32s(&[0, 1, 0, 0])),
            ),
            ("no occurrences", with(&|s| s.flags[0] = 0x80)),
            ("flags left over", with(&|s| s.flags.push(1))),
            (
                "offsets backwards",
                with(&|s| s.posting_offsets = u32s(&[0, 2, 1, 4])),
            ),
            (
                "offsets past the end",
                with(&|s| s.posting_offsets = u32s(&[0, 1, 3, 9])),
            ),
            ("short idf", with(&|s| s.idf.truncate(4))),
            ("short statistics", with(&|s| s.docs.truncate(20))),
            ("trailing statistics", with(&|s| s.docs.push(0))),
            (
                "NaN idf",
                with(&|s| s.idf[..4].copy_from_slice(&f32::NAN.to_le_bytes())),
            ),
            (
                "infinite norm",
                with(&|s| {
                    let at = s.docs.len() - 4;
                    s.docs[at..].copy_from_slice(&f32::INFINITY.to_le_bytes());
                }),
            ),
            (
                "negative average",
                with(&|s| s.docs[..4].copy_from_slice(&(-1.0f32).to_le_bytes())),
            ),
        ];
        for (what, sections) in cases {
            assert!(read(&terms, &sections, 2).is_err(), "{what}");
        }
        assert!(
            read(&terms, &good, 1).is_err(),
            "fewer documents than postings need"
        );
    }
}
