//! The fact-check packs in use: the shipped default and any the user
//! imported. A claim is matched against all of them; the results are merged,
//! ranked by similarity, and chosen so that several fact-checkers show when
//! more than one has checked the claim.

use std::collections::HashSet;
use std::fmt;
use std::sync::Arc;

use super::factcheck::{FactCheck, VerdictLean};
use super::matcher::{feature, Analysed, Hit, Query, SearchSettings, Searcher, FEATURES};
use super::pack::Pack;
use super::same_claim::{self, Conflict};
use super::text;
use crate::analysis::{MatchReason, MatchReasonCode};

/// Whether a fact-check checks the very claim, or only one like it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tier {
    /// It checks this claim: its verdict may be shown.
    SameClaim,
    /// It checks a related claim (same topic, other figures, people or
    /// time): shown apart, never with its verdict.
    Related,
}

/// A published fact-check matched to a claim.
#[derive(Debug, Clone, PartialEq)]
pub struct Match {
    /// The pack it came from.
    pub pack: String,
    pub fact_check: FactCheck,
    /// For [`Tier::SameClaim`], the probability that the fact-check checks
    /// this very claim; for [`Tier::Related`], retrieval's probability that
    /// it is about a claim like it (0 to 1).
    pub score: f32,
    /// Why it matched, strongest first.
    pub reasons: Vec<MatchReason>,
    pub tier: Tier,
    /// For a related fact-check, what sets its claim apart from this one.
    pub conflicts: Vec<Conflict>,
}

/// What a registry lists about each pack.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PackInfo {
    pub name: String,
    pub description: String,
    pub source: String,
    pub licence: String,
    pub records: usize,
    pub file_bytes: usize,
}

#[derive(Clone, Default)]
pub struct Registry {
    packs: Vec<Arc<Pack>>,
}

impl fmt::Debug for Registry {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list()
            .entries(self.packs.iter().map(|p| (&p.meta.name, p.len())))
            .finish()
    }
}

/// Two registries are equal when they hold the very same packs.
impl PartialEq for Registry {
    fn eq(&self, other: &Self) -> bool {
        self.packs.len() == other.packs.len()
            && self
                .packs
                .iter()
                .zip(&other.packs)
                .all(|(a, b)| Arc::ptr_eq(a, b))
    }
}

fn info(pack: &Pack) -> PackInfo {
    PackInfo {
        name: pack.meta.name.clone(),
        description: pack.meta.description.clone(),
        source: pack.meta.source.clone(),
        licence: pack.meta.licence.clone(),
        records: pack.len(),
        file_bytes: pack.file_bytes,
    }
}

impl Registry {
    pub fn new() -> Registry {
        Registry::default()
    }

    /// Adds a pack, replacing any pack of the same name (which is returned).
    pub fn add(&mut self, pack: Arc<Pack>) -> Option<PackInfo> {
        let replaced = self.remove_pack(&pack.meta.name);
        self.packs.push(pack);
        replaced.map(|p| info(&p))
    }

    /// Removes the pack called `name`; false if there is none.
    pub fn remove(&mut self, name: &str) -> bool {
        self.remove_pack(name).is_some()
    }

    fn remove_pack(&mut self, name: &str) -> Option<Arc<Pack>> {
        let i = self.packs.iter().position(|p| p.meta.name == name)?;
        Some(self.packs.remove(i))
    }

    /// What the registry lists about `pack`.
    pub fn info(pack: &Pack) -> PackInfo {
        info(pack)
    }

    pub fn list(&self) -> Vec<PackInfo> {
        self.packs.iter().map(|p| info(p)).collect()
    }

    pub fn is_empty(&self) -> bool {
        self.packs.is_empty()
    }

    pub fn packs(&self) -> &[Arc<Pack>] {
        &self.packs
    }

    /// The fact-checks of `claim` in every pack: first those that check this
    /// very claim ([`Tier::SameClaim`], at most `settings.top_k`, each at
    /// least `settings.threshold`), then those about a related claim
    /// ([`Tier::Related`], at most `settings.top_k`, each at least
    /// `settings.related_threshold` by retrieval), each tier best first.
    pub fn search(
        &self,
        searcher: &mut Searcher,
        claim: &Analysed,
        settings: &SearchSettings,
    ) -> Vec<Match> {
        let mut same: Vec<Found> = Vec::new();
        let mut related: Vec<Found> = Vec::new();
        for pack in &self.packs {
            let query = Query::for_pack(claim, pack);
            for hit in searcher.rank(pack, &query, settings.candidates) {
                // Below both floors a candidate can be neither tier: skip
                // the decision's work (most of the candidates).
                let floor = same_claim::GATES
                    .retrieval
                    .min(same_claim::MEANING_ROUTE.gates.retrieval)
                    .min(settings.related_threshold);
                if hit.score < floor {
                    continue;
                }
                // The cosine only where it can change the decision: it
                // encodes the candidate's claim.
                let similarity = same_claim::MEANING_ROUTE
                    .may_admit(&hit)
                    .then(|| searcher.similarity(claim, pack, hit.doc))
                    .flatten();
                let decision = same_claim::decide(claim, pack, &hit, similarity);
                if decision.probability >= settings.threshold && decision.conflicts.is_empty() {
                    // Admitted by meaning where the words alone fell short:
                    // the reader is told so.
                    let by_meaning = !same_claim::words_suffice(&hit);
                    same.push(Found {
                        pack,
                        hit: Hit {
                            score: decision.probability,
                            ..hit
                        },
                        conflicts: Vec::new(),
                        by_meaning,
                    });
                } else if hit.score >= settings.related_threshold && same_claim::GATES.relates(&hit)
                {
                    related.push(Found {
                        pack,
                        hit,
                        conflicts: decision.conflicts,
                        by_meaning: false,
                    });
                }
            }
        }
        let mut out = Vec::new();
        for (found, tier) in [(same, Tier::SameClaim), (related, Tier::Related)] {
            let mut found = found;
            crate::sort::sort_by(&mut found, |a, b| {
                b.hit
                    .score
                    .total_cmp(&a.hit.score)
                    .then_with(|| a.pack.meta.name.cmp(&b.pack.meta.name))
                    .then(a.hit.doc.cmp(&b.hit.doc))
            });
            out.extend(select(found, settings.top_k).into_iter().filter_map(|f| {
                let mut why = reasons(f.pack, &f.hit, claim);
                if f.by_meaning {
                    why.insert(
                        0,
                        MatchReason {
                            code: MatchReasonCode::CloseInMeaning,
                            words: Vec::new(),
                            percent: None,
                        },
                    );
                }
                Some(Match {
                    pack: f.pack.meta.name.clone(),
                    fact_check: f.pack.record(f.hit.doc as usize)?,
                    score: f.hit.score,
                    reasons: why,
                    tier,
                    conflicts: f.conflicts,
                })
            }));
        }
        out
    }
}

/// A candidate on its way to a tier.
struct Found<'a> {
    pack: &'a Pack,
    hit: Hit,
    /// For a related fact-check, what sets its claim apart.
    conflicts: Vec<Conflict>,
    /// A same-claim match admitted through the encoder's meaning route,
    /// which the word gates alone would not have admitted.
    by_meaning: bool,
}

/// Picks up to `k` results in score order, so that one fact-checker fills at
/// most half the slots while others have matches too, and the same
/// fact-checker's repeat of the same claim and verdict shows once.
fn select(found: Vec<Found<'_>>, k: usize) -> Vec<Found<'_>> {
    let cap = k.div_ceil(2).max(1);
    let mut picked: Vec<Found> = Vec::new();
    let mut deferred = Vec::new();
    let mut seen_keys: HashSet<(Option<String>, Option<String>, String)> = HashSet::new();
    for f in found {
        let (pack, hit) = (f.pack, f.hit);
        let d = hit.doc as usize;
        let publisher = pack.publisher(d).map(str::to_string);
        let key = (
            publisher.clone(),
            pack.record(d).and_then(|r| r.review_rating.alternate_name),
            text::folded(pack.claim(d)),
        );
        if !seen_keys.insert(key) {
            continue;
        }
        let same = picked
            .iter()
            .filter(|p| p.pack.publisher(p.hit.doc as usize).map(str::to_string) == publisher)
            .count();
        if same < cap {
            picked.push(f);
        } else {
            deferred.push(f);
        }
    }
    let room = k.saturating_sub(picked.len());
    picked.extend(deferred.into_iter().take(room));
    crate::sort::sort_by(&mut picked, |a, b| b.hit.score.total_cmp(&a.hit.score));
    picked.truncate(k);
    picked
}

/// Why a fact-check matched, from the words the claim and the fact-check
/// share and the features that scored it (worded by `crate::english`, and
/// by the extension through `_locales`).
fn reasons(pack: &Pack, hit: &Hit, claim: &Analysed) -> Vec<MatchReason> {
    let doc = hit.doc as usize;
    let checked = pack.claim(doc);
    let mut shared: Vec<(f32, String)> = Vec::new();
    for t in text::terms(checked) {
        if !claim.terms.iter().any(|q| q.text == t.text) || t.text == "percent" {
            continue;
        }
        let Some(word) = checked.get(t.span.0..t.span.1) else {
            continue;
        };
        let word = word
            .strip_suffix("'s")
            .or_else(|| word.strip_suffix("’s"))
            .unwrap_or(word);
        if shared.iter().any(|(_, w)| w.eq_ignore_ascii_case(word)) {
            continue;
        }
        let df = pack
            .index
            .term_id(&t.text)
            .map_or(1, |id| pack.index.df(id));
        shared.push((-(df as f32), word.to_string()));
    }
    crate::sort::sort_by(&mut shared, |a, b| b.0.total_cmp(&a.0));
    let f: &[f32; FEATURES] = &hit.features;
    let reason = |code| MatchReason {
        code,
        words: Vec::new(),
        percent: None,
    };
    let mut out = Vec::new();
    if !shared.is_empty() {
        out.push(MatchReason {
            words: shared.into_iter().take(5).map(|(_, w)| w).collect(),
            ..reason(MatchReasonCode::SharedWords)
        });
    }
    let covered = f[feature::CLAIM_COVERED];
    if covered > 0.0 {
        out.push(MatchReason {
            percent: Some((covered * 100.0).round().clamp(0.0, 100.0) as u32),
            ..reason(MatchReasonCode::KeyTermsCovered)
        });
    }
    if f[feature::CLAIM_NAMES_FOUND] > 0.0 {
        out.push(reason(MatchReasonCode::SameNames));
    }
    if f[feature::NUMBERS_AGREE] > 0.0 {
        out.push(reason(MatchReasonCode::SameFigures));
    }
    if f[feature::DATES_CLOSE] > 0.0 {
        out.push(reason(MatchReasonCode::CheckedSoonAfter));
    }
    out
}

/// Whether the matched fact-checks agree on the claim, when at least two
/// give a verdict that leans one way.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Consensus {
    Agree(VerdictLean),
    Disagree,
}

pub fn consensus(matches: &[Match]) -> Option<Consensus> {
    let leans: Vec<VerdictLean> = matches
        .iter()
        .filter(|m| m.tier == Tier::SameClaim)
        .filter_map(|m| m.fact_check.review_rating.lean())
        .collect();
    let first = *leans.first()?;
    if leans.len() < 2 {
        return None;
    }
    Some(if leans.iter().all(|&l| l == first) {
        Consensus::Agree(first)
    } else {
        Consensus::Disagree
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::verify::factcheck::{FactChecker, ReviewRating};
    use crate::verify::pack::{build, PackMeta};

    fn check(id: &str, publisher: &str, claim: &str, verdict: &str) -> FactCheck {
        FactCheck {
            id: id.to_string(),
            claim_reviewed: claim.to_string(),
            review_rating: ReviewRating {
                alternate_name: Some(verdict.to_string()),
                ..ReviewRating::default()
            },
            author: Some(FactChecker {
                name: publisher.to_string(),
                url: None,
            }),
            url: Some(format!("https://{publisher}.example/{id}")),
            ..FactCheck::default()
        }
    }

    fn filler(n: usize) -> Vec<FactCheck> {
        // Unrelated records so that term statistics look like a real pack.
        let topics = [
            "school budget",
            "river bridge",
            "tax credit",
            "city parks",
            "bus lanes",
            "fishing rules",
        ];
        (0..n)
            .map(|i| {
                check(
                    &format!("f{i}"),
                    "Filler",
                    &format!(
                        "The {} plan number {i} was approved by the {} committee.",
                        topics[i % 6],
                        topics[(i + 1) % 6]
                    ),
                    "True",
                )
            })
            .collect()
    }

    fn pack(name: &str, mut records: Vec<FactCheck>) -> Arc<Pack> {
        records.extend(filler(300));
        let meta = PackMeta {
            name: name.to_string(),
            ..PackMeta::default()
        };
        let (bytes, _) = build(&records, &meta).unwrap();
        Arc::new(Pack::from_bytes(&bytes).unwrap())
    }

    const CLAIM: &str = "Wind turbines cause cancer in people who live near them.";

    #[test]
    fn several_fact_checkers_show_and_their_disagreement_is_reported() {
        let mut registry = Registry::new();
        registry.add(pack(
            "a",
            vec![
                check("a1", "PolitiFact", CLAIM, "Pants on Fire"),
                check(
                    "a2",
                    "PolitiFact",
                    "Wind turbines cause cancer, a senator said.",
                    "False",
                ),
                check(
                    "a3",
                    "PolitiFact",
                    "Wind turbines cause cancer in people living nearby.",
                    "False",
                ),
            ],
        ));
        registry.add(pack(
            "b",
            vec![check("b1", "OtherChecker", CLAIM, "Mostly True")],
        ));
        let found = registry.search(
            &mut Searcher::default(),
            &Analysed::new(
                "A senator said wind turbines cause cancer in people who live near them.",
                None,
            ),
            &SearchSettings {
                top_k: 2,
                ..SearchSettings::default()
            },
        );
        let publishers: Vec<&str> = found
            .iter()
            .filter_map(|m| m.fact_check.author.as_ref().map(|a| a.name.as_str()))
            .collect();
        // Two slots: one per fact-checker, not two from the same one.
        assert_eq!(publishers.len(), 2, "{found:?}");
        assert!(publishers.contains(&"PolitiFact") && publishers.contains(&"OtherChecker"));
        assert_eq!(consensus(&found), Some(Consensus::Disagree));
        assert!(found.iter().all(|m| !m.reasons.is_empty()));
    }

    #[test]
    fn adding_replaces_by_name_and_removing_forgets() {
        let mut registry = Registry::new();
        assert!(registry
            .add(pack("a", vec![check("a1", "X", CLAIM, "False")]))
            .is_none());
        let replaced = registry.add(pack("a", vec![check("a2", "X", CLAIM, "False")]));
        assert_eq!(replaced.map(|p| p.records), Some(301));
        assert_eq!(registry.list().len(), 1);
        assert!(registry.remove("a"));
        assert!(!registry.remove("a"));
        assert!(registry.is_empty());
    }

    #[test]
    fn agreement_needs_two_verdicts() {
        let m = |verdict: &str| Match {
            pack: "p".into(),
            fact_check: check("x", "P", CLAIM, verdict),
            score: 0.9,
            reasons: Vec::new(),
            tier: Tier::SameClaim,
            conflicts: Vec::new(),
        };
        assert_eq!(consensus(&[m("False")]), None);
        assert_eq!(
            consensus(&[m("False"), m("Pants on Fire")]),
            Some(Consensus::Agree(VerdictLean::False))
        );
        assert_eq!(consensus(&[m("False"), m("Full Flop")]), None);
        assert_eq!(
            consensus(&[m("True"), m("Mostly False")]),
            Some(Consensus::Disagree)
        );
    }
}
