//! The article-extraction benchmarks' text metric: word 4-gram shingles.
//!
//! Tokens are the `\w+` runs of the lower-cased text (letters, digits and
//! `_`, in any script; a run of CJK characters is one token, as in the
//! benchmarks). Shingles are the token 4-grams, counted with multiplicity
//! (a text of fewer than four tokens is one shingle). Per page, the true
//! positives, false positives and false negatives are normalised by their
//! sum, so long pages weigh no more than short ones. Precision is averaged
//! over the pages that produced text, recall over the pages whose ground
//! truth has text, and F1 is the harmonic mean of the two means.
//!
//! The **strict** variant also counts a page we declined ("no article") or
//! left empty as precision 0 and recall 0, unless its ground truth is empty
//! too (then declining is right and the page is not counted).

use std::collections::HashMap;

const SHINGLE: usize = 4;

/// `\w` as the benchmarks' regex engines read it.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The lower-cased `\w+` tokens of `text`.
pub fn tokens(text: &str) -> Vec<String> {
    text.split(|c: char| !is_word_char(c))
        .filter(|t| !t.is_empty())
        .map(str::to_lowercase)
        .collect()
}

fn shingles(tokens: &[String]) -> HashMap<&[String], u32> {
    let mut counts = HashMap::new();
    if tokens.is_empty() {
        return counts;
    }
    let n = SHINGLE.min(tokens.len());
    for w in tokens.windows(n) {
        *counts.entry(w).or_insert(0) += 1;
    }
    counts
}

/// One page's normalised `(tp, fp, fn)`; all zero when both texts are empty.
pub fn page_counts(ours: &str, truth: &str) -> Counts {
    let (ours, truth) = (tokens(ours), tokens(truth));
    let (a, b) = (shingles(&ours), shingles(&truth));
    let (mut tp, mut fp, mut fn_) = (0u64, 0u64, 0u64);
    for (k, &n) in &a {
        let m = b.get(k).copied().unwrap_or(0);
        tp += u64::from(n.min(m));
        fp += u64::from(n.saturating_sub(m));
    }
    for (k, &m) in &b {
        fn_ += u64::from(m.saturating_sub(a.get(k).copied().unwrap_or(0)));
    }
    let sum = (tp + fp + fn_) as f64;
    if sum == 0.0 {
        return Counts::default();
    }
    Counts {
        tp: tp as f64 / sum,
        fp: fp as f64 / sum,
        fn_: fn_ as f64 / sum,
    }
}

/// Normalised shingle counts of one page.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Counts {
    pub tp: f64,
    pub fp: f64,
    pub fn_: f64,
}

impl Counts {
    /// Precision, when the page produced text.
    pub fn precision(&self) -> Option<f64> {
        let d = self.tp + self.fp;
        (d > 0.0).then(|| self.tp / d)
    }

    /// Recall, when the ground truth has text.
    pub fn recall(&self) -> Option<f64> {
        let d = self.tp + self.fn_;
        (d > 0.0).then(|| self.tp / d)
    }

    /// Per-page F1 (0 when either side is missing), for listing bad pages.
    pub fn f1(&self) -> f64 {
        match (self.precision(), self.recall()) {
            (Some(p), Some(r)) if p + r > 0.0 => 2.0 * p * r / (p + r),
            (None, None) => 1.0,
            _ => 0.0,
        }
    }
}

/// Running means of precision and recall over pages.
#[derive(Debug, Clone, Default)]
pub struct Tally {
    precision_sum: f64,
    precision_pages: usize,
    recall_sum: f64,
    recall_pages: usize,
}

impl Tally {
    pub fn add(&mut self, c: Counts) {
        if let Some(p) = c.precision() {
            self.precision_sum += p;
            self.precision_pages += 1;
        }
        if let Some(r) = c.recall() {
            self.recall_sum += r;
            self.recall_pages += 1;
        }
    }

    /// Adds a page as the strict variant counts it: a declined page whose
    /// ground truth has text scores 0 and 0.
    pub fn add_strict(&mut self, c: Counts, declined: bool, truth_has_text: bool) {
        let empty = c.precision().is_none();
        if (declined || empty) && truth_has_text {
            self.precision_pages += 1;
            self.recall_pages += 1;
            return;
        }
        if declined {
            return;
        }
        self.add(c);
    }

    pub fn precision(&self) -> f64 {
        mean(self.precision_sum, self.precision_pages)
    }

    pub fn recall(&self) -> f64 {
        mean(self.recall_sum, self.recall_pages)
    }

    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn mean(sum: f64, n: usize) -> f64 {
    if n == 0 {
        0.0
    } else {
        sum / n as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_lower_cased_word_runs_in_any_script() {
        assert_eq!(
            tokens("Hello, World_2! café—naïve 東京です"),
            vec!["hello", "world_2", "café", "naïve", "東京です"]
        );
        assert!(tokens(" .,; ").is_empty());
    }

    #[test]
    fn shingles_count_order_and_multiplicity() {
        // Same words, other order: a bag of words would score 1.0.
        let c = page_counts("a b c d e", "e d c b a");
        assert_eq!(
            (c.tp, c.precision(), c.recall()),
            (0.0, Some(0.0), Some(0.0))
        );
        // "a b c d" twice against once: one hit, one false positive.
        let c = page_counts("a b c d x a b c d", "a b c d");
        assert_eq!(c.precision(), Some(1.0 / 6.0));
        assert_eq!(c.recall(), Some(1.0));
        // Short texts are one shingle.
        assert_eq!(page_counts("A b", "a B").f1(), 1.0);
    }

    #[test]
    fn means_skip_pages_without_text_unless_strict() {
        let good = page_counts("a b c d", "a b c d");
        let declined = page_counts("", "a b c d");
        assert_eq!((declined.precision(), declined.recall()), (None, Some(0.0)));
        let mut plain = Tally::default();
        let mut strict = Tally::default();
        for (c, d) in [(good, false), (declined, true)] {
            plain.add(c);
            strict.add_strict(c, d, true);
        }
        assert_eq!((plain.precision(), plain.recall()), (1.0, 0.5));
        assert_eq!((strict.precision(), strict.recall()), (0.5, 0.5));
        assert!((plain.f1() - 2.0 / 3.0).abs() < 1e-12);
        // Declining a page with no ground truth is right: not counted.
        let mut s = Tally::default();
        s.add_strict(page_counts("", ""), true, false);
        assert_eq!((s.precision_pages, s.recall_pages), (0, 0));
    }
}
