//! Has this claim been fact-checked? Retrieval in two steps:
//!
//! 1. **Candidates** by BM25F over the pack's terms, with the fact-check's
//!    claim and its context (headline, summary, claimant) as two fields.
//! 2. **Re-ranking** of the best candidates by a logistic model over
//!    query-normalised features: BM25F against its upper bound and against
//!    the best candidate, how much of the query and of the fact-checked claim
//!    the other covers (IDF-weighted), the rarest shared term, character
//!    4-gram overlap, agreement on names and on numbers, and whether the
//!    fact-check is within 30 days of the claim's date. Its output is a
//!    probability that the fact-check is about this claim, and
//!    [`DEFAULT_THRESHOLD`] keeps unrelated claims from showing any match.
//!
//! The weights were fitted on CheckThat! 2022 2A *train* queries, each seen
//! with and without its date (`claimlens eval matching-fit`), then the bias
//! was lowered (a prior correction: every train query has a match, most
//! article sentences have none) until at most 0.25% of UD EWT sentences
//! match. Dev and dev-test are only ever used to report.

use super::pack::Pack;
use super::same_claim::Facts;
use super::text::{self, TermKind};

use std::cell::OnceCell;
use std::sync::Arc;

use crate::calendar::Date;
use crate::encode::{self, Encoder};

/// BM25F parameters: saturation, length normalisation per field, and the
/// context field's weight relative to the claim's.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bm25 {
    pub k1: f32,
    pub b_claim: f32,
    pub b_context: f32,
    pub w_context: f32,
}

/// Tuned on train queries (`claimlens eval matching-fit`).
pub const BM25: Bm25 = Bm25 {
    k1: 0.9,
    b_claim: 0.75,
    b_context: 0.5,
    w_context: 1.0,
};

/// Character n-gram length for the shingle features.
const SHINGLE: usize = 4;

/// The number of features [`features`] computes.
pub const FEATURES: usize = 17;
pub const FEATURE_NAMES: [&str; FEATURES] = [
    "bm25f/upper bound",
    "bm25f/best candidate",
    "query idf covered (any field)",
    "query idf covered (claim)",
    "claim idf covered by query",
    "4-gram containment of claim",
    "4-gram jaccard",
    "query names found",
    "query has names",
    "claim names found",
    "claim has names",
    "numbers agree",
    "numbers conflict",
    "ln query terms",
    "dates within 30 days",
    "rarest shared term / rarest query term",
    "ln shared terms",
];

/// Positions in the feature vector that explanations read.
pub mod feature {
    pub const QUERY_COVERED_BY_CLAIM: usize = 3;
    pub const CLAIM_COVERED: usize = 4;
    pub const JACCARD: usize = 6;
    pub const CLAIM_NAMES_FOUND: usize = 9;
    pub const NUMBERS_AGREE: usize = 11;
    pub const DATES_CLOSE: usize = 14;
    // No "dates far apart" feature: on CheckThat! it is strongly negative
    // (tweets are checked within days), but real claims recirculate for
    // years, and an old fact-check of a repeated claim is still the answer.
}

/// Logistic weights over [`FEATURE_NAMES`], then the bias.
const WEIGHTS: [f32; FEATURES + 1] = [
    0.6556,   // bm25f/upper bound
    10.6441,  // bm25f/best candidate
    -0.0649,  // query idf covered (any field)
    -0.0344,  // query idf covered (claim)
    3.0398,   // claim idf covered by query
    1.7108,   // 4-gram containment of claim
    5.8676,   // 4-gram jaccard
    -0.6975,  // query names found
    1.8866,   // query has names
    0.4076,   // claim names found
    -0.2298,  // claim has names
    -0.5773,  // numbers agree
    -0.7498,  // numbers conflict
    0.4058,   // ln query terms
    2.0710,   // dates within 30 days
    4.6278,   // rarest shared term / rarest query term
    2.1198,   // ln shared terms
    -24.2094, // bias
];

/// Matches below this probability are not shown. Calibrated for precision:
/// see `claimlens eval matching` for the false-match rate it gives.
pub const DEFAULT_THRESHOLD: f32 = 0.5;

/// How a search runs.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SearchSettings {
    /// BM25F candidates re-ranked per query.
    pub candidates: usize,
    /// Results returned per tier (after the thresholds).
    pub top_k: usize,
    /// Minimum same-claim probability for a fact-check to count as checking
    /// this very claim (its verdict is shown).
    pub threshold: f32,
    /// Minimum retrieval probability for a fact-check to be shown as being
    /// about a related claim (no verdict).
    pub related_threshold: f32,
}

/// BM25F candidates the product re-ranks per claim.
pub const SEARCH_CANDIDATES: usize = 20;

impl Default for SearchSettings {
    fn default() -> Self {
        SearchSettings {
            candidates: SEARCH_CANDIDATES,
            top_k: 5,
            threshold: super::same_claim::DEFAULT_SAME_THRESHOLD,
            related_threshold: DEFAULT_THRESHOLD,
        }
    }
}

/// One fact-check of a pack, scored against a query.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Hit {
    pub doc: u32,
    /// Probability that the fact-check is about the query's claim.
    pub score: f32,
    pub features: [f32; FEATURES],
}

/// An analysed query.
pub struct Query {
    /// (term id in the pack, idf, kind), unique terms.
    terms: Vec<(Option<u32>, f32, TermKind)>,
    idf_total: f32,
    shingles: Vec<u32>,
    names: usize,
    numbers: Vec<String>,
    /// When the claim was made or published (the article's date).
    date: Option<Date>,
}

/// The re-ranker: logistic weights over the features, then the bias.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Model {
    pub weights: [f32; FEATURES + 1],
    pub bm25: Bm25,
}

impl Default for Model {
    fn default() -> Self {
        Model {
            weights: WEIGHTS,
            bm25: BM25,
        }
    }
}

impl Model {
    /// The model's probability for a feature vector.
    pub fn probability(&self, features: &[f32; FEATURES]) -> f32 {
        let z: f32 = features
            .iter()
            .zip(&self.weights)
            .map(|(f, w)| f * w)
            .sum::<f32>()
            + self.weights[FEATURES];
        1.0 / (1.0 + (-z).exp())
    }
}

/// Reusable buffers: one per thread of matching, so a query allocates little.
#[derive(Default)]
pub struct Searcher {
    model: Model,
    /// The sentence encoder the same-claim decision compares meanings with;
    /// without it the decision reads words alone.
    encoder: Option<Arc<Encoder>>,
    scores: Vec<f32>,
    touched: Vec<u32>,
    /// A candidate's shingle hashes in text order, repeats included.
    shingles: Vec<u32>,
    /// The query's shingles, and a candidate's distinct ones: hash sets
    /// instead of sorting every candidate's shingles.
    query_shingles: ShingleSet,
    doc_shingles: ShingleSet,
}

/// A set of shingle hashes, emptied in O(1) by bumping a generation stamp,
/// so one allocation serves every candidate of every query.
#[derive(Default)]
struct ShingleSet {
    keys: Vec<u32>,
    stamps: Vec<u32>,
    stamp: u32,
}

impl ShingleSet {
    /// Empties the set, with room for `n` values at most half full.
    fn clear(&mut self, n: usize) {
        let size = n.saturating_mul(2).max(64).next_power_of_two();
        if self.keys.len() < size {
            self.keys = vec![0; size];
            self.stamps = vec![0; size];
            self.stamp = 0;
        }
        if self.stamp == u32::MAX {
            self.stamps.fill(0);
            self.stamp = 0;
        }
        self.stamp += 1;
    }

    /// The slot holding `value`, or the empty slot where it belongs.
    fn slot(&self, value: u32) -> usize {
        let mask = self.keys.len().wrapping_sub(1);
        // Fibonacci hashing spreads the FNV values over the table.
        let mut i = (value.wrapping_mul(0x9E37_79B9) as usize) & mask;
        loop {
            match (self.stamps.get(i), self.keys.get(i)) {
                (Some(&s), Some(&k)) if s == self.stamp && k != value => i = (i + 1) & mask,
                _ => return i,
            }
        }
    }

    /// Adds `value`; whether it was new.
    fn insert(&mut self, value: u32) -> bool {
        let i = self.slot(value);
        match (self.stamps.get_mut(i), self.keys.get_mut(i)) {
            (Some(s), Some(k)) if *s != self.stamp => {
                *s = self.stamp;
                *k = value;
                true
            }
            _ => false,
        }
    }

    fn contains(&self, value: u32) -> bool {
        self.stamps.get(self.slot(value)) == Some(&self.stamp)
    }
}

use super::index::{idf, length_norm};

/// Candidates whose BM25F score is below this fraction of the best one are
/// not re-ranked: with the weight the model gives that ratio, they cannot
/// reach the top of the ranking or the threshold.
pub const PRUNE_BELOW: f32 = 0.4;

/// A claim analysed once, to be looked up in any number of packs.
#[derive(Debug, Clone)]
pub struct Analysed {
    /// Unique terms in order of first appearance, a name if capitalised anywhere.
    pub terms: Vec<text::Term>,
    shingles: Vec<u32>,
    pub date: Option<Date>,
    /// Its figures, years and names, for the same-claim decision.
    pub facts: Facts,
    /// The named speaker the article attributes the claim to.
    pub speaker: Option<String>,
    /// The words that attribute it ("Romney said", "He said"), if any: they
    /// tell whether the sentence itself names its speaker.
    pub cue: Option<String>,
    /// The claim's text, encoded only if a candidate needs its meaning.
    text: String,
    /// Its sentence vector, worked out by the first [`Searcher::similarity`]
    /// that needs it (most claims never do).
    meaning: OnceCell<Vec<f32>>,
}

impl Analysed {
    /// The claim, attributed by the article to `speaker`.
    pub fn with_speaker(mut self, speaker: Option<&str>) -> Analysed {
        self.speaker = speaker.map(str::to_string);
        self
    }

    /// The claim, attributed by the words `cue` ("Clinton said", "She said").
    pub fn with_cue(mut self, cue: Option<&str>) -> Analysed {
        self.cue = cue.map(str::to_string);
        self
    }

    /// `date` is when the claim was published (the article's date), if known.
    pub fn new(text: &str, date: Option<Date>) -> Analysed {
        let all = text::terms(text);
        let facts = Facts::of_terms(text, &all);
        let mut terms: Vec<text::Term> = Vec::new();
        for t in all {
            match terms.iter_mut().find(|u| u.text == t.text) {
                Some(u) if t.kind == TermKind::Name => u.kind = TermKind::Name,
                Some(_) => {}
                None => terms.push(t),
            }
        }
        let mut shingles = Vec::new();
        text::shingles_of(text, SHINGLE, &mut shingles);
        Analysed {
            terms,
            shingles,
            date,
            facts,
            speaker: None,
            cue: None,
            text: text.to_string(),
            meaning: OnceCell::new(),
        }
    }
}

impl Query {
    /// Analyses `text` against `pack`'s vocabulary.
    pub fn new(pack: &Pack, text: &str, date: Option<Date>) -> Query {
        Query::for_pack(&Analysed::new(text, date), pack)
    }

    /// Looks an analysed claim up in `pack`'s vocabulary.
    pub fn for_pack(analysed: &Analysed, pack: &Pack) -> Query {
        let index = &pack.index;
        let docs = index.docs();
        let terms: Vec<(Option<u32>, f32, TermKind)> = analysed
            .terms
            .iter()
            .map(|t| {
                let id = index.term_id(&t.text);
                // Unknown words weigh like the rarest known ones.
                let w = id.map_or_else(|| idf(docs, 1), |id| index.idf(id));
                (id, w, t.kind)
            })
            .collect();
        let numbers = analysed
            .terms
            .iter()
            .filter(|t| t.kind == TermKind::Number)
            .map(|t| t.text.clone())
            .collect();
        Query {
            idf_total: terms.iter().map(|t| t.1).sum(),
            names: terms.iter().filter(|t| t.2 == TermKind::Name).count(),
            terms,
            shingles: analysed.shingles.clone(),
            numbers,
            date: analysed.date,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }
}

impl Searcher {
    pub fn with_model(model: Model) -> Searcher {
        Searcher {
            model,
            ..Searcher::default()
        }
    }

    /// This searcher, comparing meanings with `encoder` as well as words.
    pub fn with_encoder(mut self, encoder: Option<Arc<Encoder>>) -> Searcher {
        self.encoder = encoder;
        self
    }

    pub fn encoder(&self) -> Option<&Encoder> {
        self.encoder.as_deref()
    }

    /// The cosine of `claim`'s meaning and fact-check `doc`'s claim, both
    /// encoded now: only the few candidates whose decision it can change get
    /// here, so the pack stores no vectors. `None` without an encoder.
    pub fn similarity(&self, claim: &Analysed, pack: &Pack, doc: u32) -> Option<f32> {
        let encoder = self.encoder.as_deref()?;
        let meaning = claim.meaning.get_or_init(|| encoder.encode(&claim.text));
        let checked = encoder.encode(pack.claim(doc as usize));
        Some(encode::similarity(meaning, &checked))
    }

    /// The best fact-checks in `pack` for `query`, best first, at most
    /// `settings.top_k`, each at least `settings.threshold`.
    pub fn search(&mut self, pack: &Pack, query: &Query, settings: &SearchSettings) -> Vec<Hit> {
        let mut hits = self.rank(pack, query, settings.candidates);
        hits.retain(|h| h.score >= settings.threshold);
        hits.truncate(settings.top_k);
        hits
    }

    /// All `candidates` BM25F candidates, re-ranked, without a threshold.
    pub fn rank(&mut self, pack: &Pack, query: &Query, candidates: usize) -> Vec<Hit> {
        // Pruned before the selection, not after: the same candidates (the
        // survivors are a prefix of the ranking), without ordering the
        // thousands of documents that share only a common word.
        let top = self.bm25_top_above(pack, query, candidates, PRUNE_BELOW);
        self.query_shingles.clear(query.shingles.len());
        for &h in &query.shingles {
            self.query_shingles.insert(h);
        }
        let best = top.first().map_or(1.0, |t| t.0).max(f32::EPSILON);
        let mut hits: Vec<Hit> = top
            .iter()
            .filter(|&&(bm25, _)| bm25 >= PRUNE_BELOW * best)
            .map(|&(bm25, doc)| {
                let features = self.features(pack, query, doc, bm25, best);
                Hit {
                    doc,
                    score: self.model.probability(&features),
                    features,
                }
            })
            .collect();
        crate::sort::sort_by(&mut hits, |a, b| {
            b.score.total_cmp(&a.score).then(a.doc.cmp(&b.doc))
        });
        hits
    }

    /// The `n` best documents by BM25F alone, best first, as (score, doc).
    pub fn bm25_top(&mut self, pack: &Pack, query: &Query, n: usize) -> Vec<(f32, u32)> {
        self.bm25_top_above(pack, query, n, 0.0)
    }

    /// [`Searcher::bm25_top`] without the documents scoring below `fraction`
    /// of the best one (of `f32::EPSILON` when all score less).
    fn bm25_top_above(
        &mut self,
        pack: &Pack,
        query: &Query,
        n: usize,
        fraction: f32,
    ) -> Vec<(f32, u32)> {
        let index = &pack.index;
        if query.is_empty() || index.docs() == 0 || n == 0 {
            return Vec::new();
        }
        // Shared across packs: entries are reset after every query.
        if self.scores.len() < index.docs() {
            self.scores.resize(index.docs(), 0.0);
        }
        self.touched.clear();
        let bm = self.model.bm25;
        // Other parameters than the default (while fitting): this pack's own norms.
        let own_norms: Option<Vec<(f32, f32)>> = (bm != BM25).then(|| {
            index
                .field_lengths()
                .map(|(claim, context)| {
                    (
                        length_norm(bm.b_claim, claim, index.avg_claim_len),
                        length_norm(bm.b_context, context, index.avg_context_len),
                    )
                })
                .collect()
        });
        // Read once, not per posting: the innermost loop of matching.
        let (claim_norms, context_norms) = index.default_norm_columns();
        let norms_of = |d: usize| match &own_norms {
            Some(norms) => norms.get(d).copied(),
            None => claim_norms.get(d).zip(context_norms.get(d)),
        };
        let (scores, touched) = (&mut self.scores, &mut self.touched);
        // Scores only grow, so the best final score is the best running one.
        let mut best = 0.0f32;
        for &(id, idf, _) in &query.terms {
            let Some(id) = id else { continue };
            for p in index.postings(id) {
                let d = p.doc as usize;
                let (Some((cn, xn)), Some(s)) = (norms_of(d), scores.get_mut(d)) else {
                    continue;
                };
                let tf = f32::from(p.tf_claim) * cn + bm.w_context * f32::from(p.tf_context) * xn;
                if *s == 0.0 {
                    touched.push(p.doc);
                }
                *s += idf * tf * (bm.k1 + 1.0) / (bm.k1 + tf);
                best = best.max(*s);
            }
        }
        let floor = fraction * best.max(f32::EPSILON);
        // One pass keeps the documents above the floor and resets every score.
        // Highest score first; ties by record order, so results are deterministic.
        // Each hit is one integer key in that order (see `rank_key`), so the
        // sort is the `u64` one the comment hashes already compile: a
        // comparator of its own cost ~8 KB of WASM in the sorting networks.
        let mut top: Vec<u64> = Vec::new();
        for &d in touched.iter() {
            if let Some(s) = scores.get_mut(d as usize) {
                if *s >= floor {
                    top.push(rank_key(*s, d));
                }
                *s = 0.0;
            }
        }
        let keep = n.min(top.len());
        if keep > 0 && keep < top.len() {
            top.select_nth_unstable(keep - 1);
            top.truncate(keep);
        }
        top.sort_unstable();
        top.into_iter().map(from_rank_key).collect()
    }

    pub fn model(&self) -> &Model {
        &self.model
    }

    fn features(
        &mut self,
        pack: &Pack,
        query: &Query,
        doc: u32,
        bm25: f32,
        best: f32,
    ) -> [f32; FEATURES] {
        let index = &pack.index;
        let upper = (query.idf_total * (self.model.bm25.k1 + 1.0)).max(f32::EPSILON);
        // Everything about the candidate's terms is read from the query's
        // side: its postings say whether and where the candidate has each term.
        let mut covered_any = 0.0;
        let mut covered_claim = 0.0;
        let mut names_found = 0usize;
        let mut max_query_idf = 0.0f32;
        let mut max_shared_idf = 0.0f32;
        let mut shared_terms = 0usize;
        let mut doc_names_found = 0usize;
        let mut numbers_shared = 0usize;
        for &(id, idf, kind) in &query.terms {
            max_query_idf = max_query_idf.max(idf);
            let Some(p) = id.and_then(|id| index.posting(id, doc)) else {
                continue;
            };
            covered_any += idf;
            shared_terms += 1;
            max_shared_idf = max_shared_idf.max(idf);
            names_found += usize::from(kind == TermKind::Name);
            if p.tf_claim > 0 {
                covered_claim += idf;
                doc_names_found += usize::from(p.name);
                numbers_shared += usize::from(id.is_some_and(|id| index.is_number(id)));
            }
        }
        let (claim_idf, doc_names, doc_numbers) = index.claim_totals(doc);
        let claim_idf_covered = covered_claim;
        text::shingle_hashes(pack.claim(doc as usize), SHINGLE, &mut self.shingles);
        self.doc_shingles.clear(self.shingles.len());
        let (mut distinct, mut shared) = (0usize, 0usize);
        for &h in &self.shingles {
            if self.doc_shingles.insert(h) {
                distinct += 1;
                shared += usize::from(self.query_shingles.contains(h));
            }
        }
        let union = (query.shingles.len() + distinct) as f32 - shared as f32;
        let (distinct, shared) = (distinct as f32, shared as f32);
        let ratio = |a: f32, b: f32| if b > 0.0 { a / b } else { 0.0 };
        let has_numbers = !query.numbers.is_empty() && doc_numbers > 0;
        // The closer of the fact-check's date and the claim's own date.
        let days_apart = query.date.and_then(|q| {
            let d = doc as usize;
            [pack.date_published(d), pack.claim_date(d)]
                .into_iter()
                .flatten()
                .map(|d| (d.to_days() - q.to_days()).abs())
                .min()
        });
        [
            ratio(bm25, upper),
            ratio(bm25, best),
            ratio(covered_any, query.idf_total),
            ratio(covered_claim, query.idf_total),
            ratio(claim_idf_covered, claim_idf),
            ratio(shared, distinct),
            ratio(shared, union),
            ratio(names_found as f32, query.names as f32),
            f32::from(u8::from(query.names > 0)),
            ratio(doc_names_found as f32, doc_names as f32),
            f32::from(u8::from(doc_names > 0)),
            f32::from(u8::from(numbers_shared > 0)),
            f32::from(u8::from(has_numbers && numbers_shared == 0)),
            (1.0 + query.terms.len() as f32).ln(),
            f32::from(u8::from(days_apart.is_some_and(|d| d <= 30))),
            ratio(max_shared_idf, max_query_idf),
            (1.0 + shared_terms as f32).ln(),
        ]
    }
}

/// A hit's place in the ranking as one integer: ascending keys order hits
/// by descending score (in `f32::total_cmp`'s order), then ascending record.
fn rank_key(score: f32, doc: u32) -> u64 {
    // `total_cmp`'s own mapping of a float onto an ordered signed integer,
    // shifted to unsigned and inverted, so the best score has the least key.
    let bits = score.to_bits() as i32;
    let ordered = bits ^ ((((bits >> 31) as u32) >> 1) as i32);
    let descending = !((ordered as u32) ^ 0x8000_0000);
    (u64::from(descending) << 32) | u64::from(doc)
}

/// The score and record `rank_key` packed, bit for bit.
fn from_rank_key(key: u64) -> (f32, u32) {
    let ordered = (!((key >> 32) as u32) ^ 0x8000_0000) as i32;
    let bits = ordered ^ ((((ordered >> 31) as u32) >> 1) as i32);
    (f32::from_bits(bits as u32), key as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rank_keys_sort_like_the_score_then_record_order() {
        let scores = [
            0.0f32,
            -0.0,
            1.5,
            1.5,
            f32::EPSILON,
            3.25e7,
            -2.0,
            f32::INFINITY,
            f32::MIN_POSITIVE / 2.0,
        ];
        let hits: Vec<(f32, u32)> = scores
            .iter()
            .zip([7, 3, 9, 2, 5, 1, 0, 4, 8])
            .map(|(&s, d)| (s, d))
            .collect();
        let mut expected = hits.clone();
        expected.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        let mut keys: Vec<u64> = hits.iter().map(|&(s, d)| rank_key(s, d)).collect();
        keys.sort_unstable();
        let ranked: Vec<(u32, u32)> = keys
            .into_iter()
            .map(from_rank_key)
            .map(|(s, d)| (s.to_bits(), d))
            .collect();
        let expected: Vec<(u32, u32)> = expected
            .into_iter()
            .map(|(s, d)| (s.to_bits(), d))
            .collect();
        assert_eq!(ranked, expected);
    }

    /// The hash sets must count exactly what sorting and deduplicating did:
    /// the 4-gram features (and so every score) depend on it.
    #[test]
    fn shingle_sets_count_like_sorted_deduplicated_lists() {
        let texts = [
            "",
            "a",
            "Says Joe Biden voted for the Iraq war, the Iraq war, the Iraq war.",
            "Ébola “kills” 90% of people — 2,000 cases in 2014!",
            "aaaa aaaa aaaa aaaa aaaa aaaa aaaa aaaa aaaa aaaa aaaa aaaa aaaa",
            "https://example.com/x shows don't dont DON'T 日本語 text",
        ];
        let mut query = ShingleSet::default();
        let mut doc = ShingleSet::default();
        let mut hashes = Vec::new();
        for q in texts {
            let mut q_sorted = Vec::new();
            text::shingles_of(q, SHINGLE, &mut q_sorted);
            query.clear(q_sorted.len());
            for &h in &q_sorted {
                assert!(query.insert(h), "{q:?}: sorted shingles repeat");
            }
            for d in texts {
                let mut d_sorted = Vec::new();
                text::shingles_of(d, SHINGLE, &mut d_sorted);
                let expected_shared = d_sorted
                    .iter()
                    .filter(|h| q_sorted.binary_search(h).is_ok())
                    .count();
                text::shingle_hashes(d, SHINGLE, &mut hashes);
                doc.clear(hashes.len());
                let (mut distinct, mut shared) = (0, 0);
                for &h in &hashes {
                    if doc.insert(h) {
                        distinct += 1;
                        shared += usize::from(query.contains(h));
                    }
                }
                assert_eq!(
                    (distinct, shared),
                    (d_sorted.len(), expected_shared),
                    "{q:?} / {d:?}"
                );
            }
        }
    }
}
