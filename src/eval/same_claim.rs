//! The same-claim decision ([`crate::verify::same_claim`]), measured as the
//! product runs it: the same candidate count, thresholds and packs.
//!
//! - CheckThat! 2022 2A (tweets against Snopes) and 2B (debate sentences
//!   against PolitiFact): MAP@5 with no threshold, for retrieval's order and
//!   for the same-claim order; the share of queries whose right fact-check is
//!   shown first in the same-claim tier; the share of hard negatives (the
//!   three best-ranked wrong candidates of each query) accepted as the same
//!   claim; and how often a right fact-check is vetoed, by conflict.
//! - Sentences no fact-check is about (UD EWT, UD GUM): false same-claim matches.
//! - The judged real-page set in `tests/fixtures/matching/`: same-claim
//!   precision and recall of the whole analysis with the shipped default pack.
//!
//! `claimlens eval same-claim-fit` fits the decision's weights on the 2A and
//! 2B *train* queries (and UD EWT sentences as unrelated negatives) and picks
//! the threshold on train alone; dev and dev-test only ever report.

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use super::logistic::fit_logistic;
use super::matching::{
    average_precision, build_pack, clip, read_qrels, read_queries, tweet_date, ud_sentences,
};
use super::EvalError;
use crate::calendar::Date;
use crate::verify::matcher::{Analysed, Hit, Query, SearchSettings, Searcher};
use crate::verify::pack::Pack;
use crate::verify::same_claim::{
    self, Conflict, Gates, MeaningRoute, FEATURES, FEATURE_NAMES, WEIGHTS,
};

/// Hard negatives per query: its best-ranked wrong candidates.
const HARD_NEGATIVES: usize = 3;

struct Labelled {
    text: String,
    date: Option<Date>,
    gold: Vec<String>,
}

struct Split<'p> {
    name: String,
    pack: &'p Pack,
    queries: Vec<Labelled>,
}

/// One retrieval candidate with what the decision sees.
struct Candidate {
    retrieval: f32,
    gated: bool,
    conflicts: Vec<Conflict>,
    features: [f32; FEATURES],
    /// The encoder's cosine of the two claims (`None`: run without it).
    similarity: Option<f32>,
    hit: Hit,
    gold: bool,
}

/// The searcher the product uses: with the built-in encoder, unless the
/// evaluation measures the fallback without it.
fn product_searcher(with_encoder: bool) -> Searcher {
    Searcher::default().with_encoder(if with_encoder {
        crate::encode::builtin()
    } else {
        None
    })
}

fn candidates(
    searcher: &mut Searcher,
    pack: &Pack,
    text: &str,
    date: Option<Date>,
    gold: &[String],
) -> Vec<Candidate> {
    let settings = SearchSettings::default();
    let analysed = Analysed::new(text, date);
    let query = Query::for_pack(&analysed, pack);
    let hits = searcher.rank(pack, &query, settings.candidates);
    hits.into_iter()
        .map(|hit| {
            let similarity = searcher.similarity(&analysed, pack, hit.doc);
            Candidate {
                retrieval: hit.score,
                gated: same_claim::GATES.pass(&hit, similarity),
                conflicts: same_claim::conflicts(&analysed, pack, hit.doc as usize),
                features: same_claim::features(&analysed, pack, &hit, similarity),
                similarity,
                hit,
                gold: gold.iter().any(|g| g == pack.id(hit.doc as usize)),
            }
        })
        .collect()
}

fn same_probability(c: &Candidate, weights: &[f32; FEATURES + 1]) -> f32 {
    if c.conflicts.is_empty() && c.gated {
        same_claim::probability(weights, &c.features)
    } else {
        0.0
    }
}

/// The debate's date from a 2B query id (`20121023_third_presidential_debate_0959`).
fn debate_date(id: &str) -> Option<Date> {
    let d = id.get(..8)?;
    Date::new(
        d.get(..4)?.parse().ok()?,
        d.get(4..6)?.parse().ok()?,
        d.get(6..8)?.parse().ok()?,
    )
}

fn split<'p>(
    name: &str,
    pack: &'p Pack,
    queries: &[(String, String)],
    qrels: &HashMap<String, Vec<String>>,
    date: impl Fn(&str, &str) -> Option<Date>,
) -> Split<'p> {
    let mut seen = std::collections::HashSet::new();
    Split {
        name: name.to_string(),
        pack,
        queries: queries
            .iter()
            .filter(|(id, _)| qrels.contains_key(id) && seen.insert(id.clone()))
            .map(|(id, text)| Labelled {
                text: text.clone(),
                date: date(id, text),
                gold: qrels.get(id).cloned().unwrap_or_default(),
            })
            .collect(),
    }
}

struct Splits<'p> {
    train: Vec<Split<'p>>,
    report: Vec<Split<'p>>,
}

fn load<'p>(
    data: &Path,
    pack_2a: &'p Pack,
    politifact: Option<&'p Pack>,
) -> Result<Splits<'p>, EvalError> {
    let dir = data.join("claim_matching");
    let train_dev = read_queries(&dir.join("CT2022-Task2A-EN-Train-Dev_Queries.tsv"))?;
    let dev_test = read_queries(&dir.join("CT2022-Task2A-EN-Dev-Test_Queries.tsv"))?;
    let tweet = |_: &str, text: &str| tweet_date(text);
    let qrels = |f: &str| read_qrels(&dir.join(f));
    let mut train = vec![split(
        "2A train",
        pack_2a,
        &train_dev,
        &qrels("CT2022-Task2A-EN-Train_QRELs.tsv")?,
        tweet,
    )];
    let mut report = vec![
        split(
            "2A dev",
            pack_2a,
            &train_dev,
            &qrels("CT2022-Task2A-EN-Dev_QRELs.tsv")?,
            tweet,
        ),
        split(
            "2A dev-test",
            pack_2a,
            &dev_test,
            &qrels("CT2022-Task2A-EN-Dev-Test_QRELs.tsv")?,
            tweet,
        ),
    ];
    if let Some(pf) = politifact {
        let b = dir.join("ct2022_2b");
        let queries = read_queries(&b.join("CT2022-Task2B-EN-Train-Dev_Queries.tsv"))?;
        let debate = |id: &str, _: &str| debate_date(id);
        train.push(split(
            "2B train",
            pf,
            &queries,
            &read_qrels(&b.join("CT2022-Task2B-EN-Train_QRELs.tsv"))?,
            debate,
        ));
        report.push(split(
            "2B dev",
            pf,
            &queries,
            &read_qrels(&b.join("CT2022-Task2B-EN-Dev_QRELs.tsv"))?,
            debate,
        ));
    }
    Ok(Splits { train, report })
}

/// Figures of one split at one threshold.
struct Figures {
    queries: usize,
    map_retrieval: f64,
    map_same: f64,
    first_right: usize,
    first_shown: usize,
    hard_negatives: usize,
    hard_accepted: usize,
    gold_in_candidates: usize,
    /// Queries with at least one right fact-check among the candidates:
    /// candidate recall, the most any decision or re-ranking can show.
    queries_with_gold: usize,
    gold_vetoed: HashMap<&'static str, usize>,
}

fn measure(
    split_candidates: &[(Vec<Candidate>, usize)],
    weights: &[f32; FEATURES + 1],
    threshold: f32,
) -> Figures {
    let mut f = Figures {
        queries: split_candidates.len(),
        map_retrieval: 0.0,
        map_same: 0.0,
        first_right: 0,
        first_shown: 0,
        hard_negatives: 0,
        hard_accepted: 0,
        gold_in_candidates: 0,
        queries_with_gold: 0,
        gold_vetoed: HashMap::new(),
    };
    for (cands, relevant) in split_candidates {
        let by_retrieval: Vec<bool> = cands.iter().map(|c| c.gold).collect();
        f.map_retrieval += average_precision(&by_retrieval, 5, *relevant);
        let mut order: Vec<(f32, usize)> = cands
            .iter()
            .enumerate()
            .map(|(i, c)| (same_probability(c, weights), i))
            .collect();
        // Stable: ties (every vetoed candidate) keep retrieval's order.
        order.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        let by_same: Vec<bool> = order.iter().map(|&(_, i)| cands[i].gold).collect();
        f.map_same += average_precision(&by_same, 5, *relevant);
        if let Some(&(p, i)) = order.first() {
            if p >= threshold {
                f.first_shown += 1;
                f.first_right += usize::from(cands[i].gold);
            }
        }
        for c in cands.iter().filter(|c| !c.gold).take(HARD_NEGATIVES) {
            f.hard_negatives += 1;
            f.hard_accepted += usize::from(same_probability(c, weights) >= threshold);
        }
        f.queries_with_gold += usize::from(cands.iter().any(|c| c.gold));
        for c in cands.iter().filter(|c| c.gold) {
            f.gold_in_candidates += 1;
            for conflict in &c.conflicts {
                *f.gold_vetoed.entry(conflict_name(*conflict)).or_default() += 1;
            }
        }
    }
    let n = f.queries.max(1) as f64;
    f.map_retrieval /= n;
    f.map_same /= n;
    f
}

fn conflict_name(c: Conflict) -> &'static str {
    match c {
        Conflict::Figures => "figures",
        Conflict::Years => "years",
        Conflict::Names => "names",
        Conflict::Claimant => "claimant",
        Conflict::ClaimantAbsent => "claimant absent",
        Conflict::LaterClaim => "later claim",
    }
}

fn all_candidates(split: &Split<'_>) -> Vec<(Vec<Candidate>, usize)> {
    let mut searcher = product_searcher(true);
    split
        .queries
        .iter()
        .map(|q| {
            (
                candidates(&mut searcher, split.pack, &q.text, q.date, &q.gold),
                q.gold.len(),
            )
        })
        .collect()
}

fn pct(a: usize, b: usize) -> f64 {
    100.0 * a as f64 / b.max(1) as f64
}

fn print_split(
    name: &str,
    cands: &[(Vec<Candidate>, usize)],
    weights: &[f32; FEATURES + 1],
    threshold: f32,
    out: &mut dyn Write,
) -> Result<(), EvalError> {
    let f = measure(cands, weights, threshold);
    let mut vetoed: Vec<(&str, usize)> = f.gold_vetoed.iter().map(|(k, v)| (*k, *v)).collect();
    vetoed.sort();
    let vetoed: Vec<String> = vetoed
        .iter()
        .map(|(k, v)| format!("{k} {:.1}%", pct(*v, f.gold_in_candidates)))
        .collect();
    writeln!(
        out,
        "{name:<14} {:>7} {:>10.4} {:>9.4} {:>12.1}% {:>11.1}% {:>10.1}%  {}; right among candidates {} (for {} queries: candidate recall@{} {:.3})",
        f.queries,
        f.map_retrieval,
        f.map_same,
        pct(f.first_right, f.queries),
        pct(f.first_right, f.first_shown),
        pct(f.hard_accepted, f.hard_negatives),
        if vetoed.is_empty() {
            "-".to_string()
        } else {
            vetoed.join(", ")
        },
        f.gold_in_candidates,
        f.queries_with_gold,
        crate::verify::matcher::SEARCH_CANDIDATES,
        f.queries_with_gold as f64 / f.queries.max(1) as f64
    )?;
    Ok(())
}

pub fn run(
    data: &Path,
    pack_2a: &Pack,
    politifact: Option<&Pack>,
    unrelated: &[String],
    out: &mut dyn Write,
) -> Result<(), EvalError> {
    let splits = load(data, pack_2a, politifact)?;
    report(
        &splits,
        &WEIGHTS,
        same_claim::DEFAULT_SAME_THRESHOLD,
        unrelated,
        politifact,
        data,
        out,
    )
}

#[allow(clippy::too_many_arguments)]
fn report(
    splits: &Splits<'_>,
    weights: &[f32; FEATURES + 1],
    threshold: f32,
    unrelated: &[String],
    politifact: Option<&Pack>,
    data: &Path,
    out: &mut dyn Write,
) -> Result<(), EvalError> {
    writeln!(
        out,
        "\nsame-claim decision at threshold {threshold} ({} candidates per query, as shipped)",
        SearchSettings::default().candidates
    )?;
    writeln!(
        out,
        "{:<14} {:>7} {:>10} {:>9} {:>13} {:>12} {:>11}  right fact-checks vetoed (of those retrieved)",
        "split",
        "queries",
        "MAP@5 retr",
        "MAP@5 same",
        "right first",
        "first right",
        "hard neg ok",
    )?;
    for s in splits.train.iter().chain(&splits.report) {
        let cands = all_candidates(s);
        let name = if splits.train.iter().any(|t| std::ptr::eq(t, s)) {
            format!("{} (fit)", s.name)
        } else {
            s.name.clone()
        };
        print_split(&name, &cands, weights, threshold, out)?;
    }
    writeln!(
        out,
        "right first: queries whose top same-claim match is a right fact-check; first right: of the\n\
         queries with a same-claim match, how often the top one is right; hard neg ok: the {HARD_NEGATIVES} best-ranked\n\
         wrong candidates of each query accepted as the same claim (target <= 2%)\n\
         targets: 2B dev MAP@5 >= 0.60 and right first >= 50%; 2A dev-test MAP@5 >= 0.95"
    )?;
    if let Some(pf) = politifact {
        let mut searcher = product_searcher(true);
        let mut shown = 0;
        let mut examples = Vec::new();
        for s in unrelated {
            let cands = candidates(&mut searcher, pf, s, None, &[]);
            if let Some(c) = cands
                .iter()
                .find(|c| same_probability(c, weights) >= threshold)
            {
                shown += 1;
                if examples.len() < 3 {
                    examples.push(format!("      “{}” ({:.2})", clip(s, 90), c.retrieval));
                }
            }
        }
        writeln!(
            out,
            "false same-claim matches, UD EWT dev sentences vs PolitiFact: {shown}/{} = {:.2}%",
            unrelated.len(),
            pct(shown, unrelated.len())
        )?;
        for e in examples {
            writeln!(out, "{e}")?;
        }
    }
    super::matching_judged::run(data, out)
}

pub fn fit(data: &Path, out: &mut dyn Write) -> Result<(), EvalError> {
    let dir = data.join("claim_matching");
    let pack_2a = Pack::from_bytes(&build_pack(
        &dir.join("ct2022_2a_vclaims.jsonl"),
        "checkthat-2022-2a",
    )?)
    .map_err(|e| EvalError::data(&dir, e))?;
    let pf_file = data.join("factchecks/politifact_vclaims.jsonl");
    let politifact = Pack::from_bytes(&build_pack(&pf_file, "politifact")?)
        .map_err(|e| EvalError::data(&pf_file, e))?;
    let splits = load(data, &pack_2a, Some(&politifact))?;
    let unrelated = ud_sentences(&data.join("segmentation/ewt_en_ewt-ud-dev.sentences.jsonl"))?;
    let mut xs: Vec<[f32; FEATURES]> = Vec::new();
    let mut ys: Vec<f32> = Vec::new();
    let mut train_cands = Vec::new();
    for s in &splits.train {
        let cands = all_candidates(s);
        for (list, _) in &cands {
            for c in list.iter().filter(|c| c.conflicts.is_empty() && c.gated) {
                xs.push(c.features);
                ys.push(f32::from(u8::from(c.gold)));
            }
        }
        train_cands.push(cands);
    }
    explore_meaning_route(&train_cands, out)?;
    explore_meaning_order(&splits, out)?;
    let mut searcher = product_searcher(true);
    let mut unrelated_cands = Vec::new();
    for s in &unrelated {
        for pack in [&pack_2a, &politifact] {
            let list = candidates(&mut searcher, pack, s, None, &[]);
            for c in list
                .iter()
                .filter(|c| c.conflicts.is_empty() && c.gated)
                .take(5)
            {
                xs.push(c.features);
                ys.push(0.0);
            }
            unrelated_cands.push(list);
        }
    }
    writeln!(
        out,
        "fitting the same-claim decision on {} candidates ({} right) from the 2A and 2B train queries and UD EWT",
        xs.len(),
        ys.iter().filter(|&&y| y > 0.5).count()
    )?;
    let fitted = fit_logistic(&xs, &ys, 1.0);
    let mut weights = WEIGHTS;
    weights.copy_from_slice(&fitted);
    // The threshold: the lowest at which, on train alone, at most 2% of hard
    // negatives are accepted and at most 0.25% of UD EWT sentences get a
    // same-claim match.
    let threshold = (10..=95)
        .map(|i| i as f32 / 100.0)
        .find(|&t| {
            let hard_ok = train_cands.iter().all(|cands| {
                let f = measure(cands, &weights, t);
                f.hard_accepted * 100 <= f.hard_negatives * 2
            });
            let false_same = unrelated_cands
                .iter()
                .filter(|l| l.iter().any(|c| same_probability(c, &weights) >= t))
                .count();
            hard_ok && false_same * 400 <= unrelated.len()
        })
        .unwrap_or(0.95);
    writeln!(out, "pub const WEIGHTS: [f32; FEATURES + 1] = [")?;
    for (name, w) in FEATURE_NAMES.iter().zip(&weights) {
        writeln!(out, "    {w:.4}, // {name}")?;
    }
    writeln!(out, "    {:.4}, // bias", weights[FEATURES])?;
    writeln!(
        out,
        "];\npub const DEFAULT_SAME_THRESHOLD: f32 = {threshold:.2};"
    )?;
    report(
        &splits,
        &weights,
        threshold,
        &unrelated,
        Some(&politifact),
        data,
        out,
    )
}

/// How the encoder's cosine separates right from wrong candidates on the
/// train splits, and what looser gates would admit beside it: the numbers
/// the [`same_claim::MEANING_ROUTE`] was chosen from.
fn explore_meaning_route(
    train: &[Vec<(Vec<Candidate>, usize)>],
    out: &mut dyn Write,
) -> Result<(), EvalError> {
    let free: Vec<&Candidate> = train
        .iter()
        .flatten()
        .flat_map(|(list, _)| list)
        .filter(|c| c.conflicts.is_empty())
        .collect();
    let quantiles = |gold: bool| -> String {
        let mut v: Vec<f32> = free
            .iter()
            .filter(|c| c.gold == gold)
            .filter_map(|c| c.similarity)
            .collect();
        v.sort_by(f32::total_cmp);
        [0.1, 0.25, 0.5, 0.75, 0.9]
            .iter()
            .map(|q| {
                let i = ((v.len().max(1) - 1) as f64 * q).round() as usize;
                format!("{:.2}", v.get(i).copied().unwrap_or(0.0))
            })
            .collect::<Vec<_>>()
            .join(" ")
    };
    writeln!(
        out,
        "train candidates without conflicts, cosine deciles 10/25/50/75/90: right {} | wrong {}",
        quantiles(true),
        quantiles(false)
    )?;
    writeln!(
        out,
        "route (cosine, retrieval, claim covered, sentence covered, jaccard): right / wrong admitted beyond the word gates (train)"
    )?;
    for cosine in [0.6f32, 0.7, 0.75, 0.8, 0.85, 0.9] {
        for retrieval in [0.1f32, 0.3, 0.5] {
            for claim_covered in [0.3f32, 0.45, 0.6] {
                for sentence_covered in [0.15f32, 0.25, 0.35] {
                    let route = MeaningRoute {
                        cosine,
                        gates: Gates {
                            retrieval,
                            claim_covered,
                            sentence_covered,
                            jaccard: 0.05,
                        },
                    };
                    let (mut right, mut wrong) = (0, 0);
                    for c in &free {
                        let beyond = !same_claim::words_suffice(&c.hit)
                            && c.similarity.is_some_and(|s| route.admits(&c.hit, s));
                        if beyond {
                            if c.gold {
                                right += 1;
                            } else {
                                wrong += 1;
                            }
                        }
                    }
                    writeln!(
                        out,
                        "  {cosine:.2} {retrieval:.2} {claim_covered:.2} {sentence_covered:.2}: {right} / {wrong}"
                    )?;
                }
            }
        }
    }
    Ok(())
}

/// MAP@5 if retrieval's order took the encoder's cosine in as well (its
/// logit plus `weight` × cosine): whether a semantic re-ranking would pay
/// for encoding every candidate. Printed by the fit; nothing ships from it.
fn explore_meaning_order(splits: &Splits<'_>, out: &mut dyn Write) -> Result<(), EvalError> {
    const WEIGHTS_TRIED: [f32; 6] = [0.0, 1.0, 2.0, 4.0, 8.0, 16.0];
    writeln!(
        out,
        "MAP@5 ordering candidates by retrieval logit + w × cosine, w = {WEIGHTS_TRIED:?}"
    )?;
    for s in splits.train.iter().chain(&splits.report) {
        let cands = all_candidates(s);
        let maps: Vec<String> = WEIGHTS_TRIED
            .iter()
            .map(|&w| {
                let total: f64 = cands
                    .iter()
                    .map(|(list, relevant)| {
                        let mut order: Vec<(f32, bool)> = list
                            .iter()
                            .map(|c| {
                                let p = c.retrieval.clamp(1e-6, 1.0 - 1e-6);
                                let z = (p / (1.0 - p)).ln() + w * c.similarity.unwrap_or(0.0);
                                (z, c.gold)
                            })
                            .collect();
                        order.sort_by(|a, b| b.0.total_cmp(&a.0));
                        let gold: Vec<bool> = order.iter().map(|o| o.1).collect();
                        average_precision(&gold, 5, *relevant)
                    })
                    .sum();
                format!("{:.4}", total / cands.len().max(1) as f64)
            })
            .collect();
        writeln!(out, "  {:<12} {}", s.name, maps.join(" "))?;
    }
    Ok(())
}

/// Where the judged sets live in the repository.
pub fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/matching")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debate_ids_carry_their_date() {
        assert_eq!(
            debate_date("20121023_third_presidential_debate_0959"),
            Date::new(2012, 10, 23)
        );
        assert_eq!(debate_date("x"), None);
    }

    fn candidate(doc: u32, gold: bool) -> Candidate {
        Candidate {
            retrieval: 0.9,
            gated: false,
            conflicts: Vec::new(),
            features: [0.0; FEATURES],
            similarity: None,
            hit: Hit {
                doc,
                score: 0.9,
                features: [0.0; crate::verify::matcher::FEATURES],
            },
            gold,
        }
    }

    /// "Right among candidates 72" for 2B dev had been read as 72 of 119
    /// queries: it counts right candidates, and a query with two right
    /// fact-checks counts twice.
    #[test]
    fn candidate_recall_counts_queries_not_right_candidates() {
        let split = vec![
            (vec![candidate(0, true), candidate(1, true)], 2),
            (vec![candidate(2, false), candidate(3, true)], 1),
            (vec![candidate(4, false)], 1),
        ];
        let f = measure(&split, &WEIGHTS, same_claim::DEFAULT_SAME_THRESHOLD);
        assert_eq!(f.gold_in_candidates, 3);
        assert_eq!(f.queries_with_gold, 2);
        assert_eq!(f.queries, 3);
    }
}
