//! The section-level decision and its plain-language finding. See the
//! module docs of [`super`] for the rule and why each threshold is there.

use super::clusters::{Cluster, ClusterKind};
use super::phrases::StockPhrase;
use super::skeleton::Frame;
use super::timestamps::Burst;

/// Below this many comments the template rule never flags: in two or three
/// comments, shared phrasing is as likely a reply as a campaign.
pub const MIN_SECTION: usize = 4;
/// Templated comments needed: at least this many...
pub const MIN_TEMPLATED: usize = 3;
/// ...and at least this share of the section.
pub const MIN_TEMPLATED_SHARE: f64 = 0.25;
/// Distinct stock phrases and frames the templated comments must share.
pub const MIN_SHARED_FEATURES: usize = 4;
/// Near-copies needed in one group: at least this many, and 2% of the section.
pub const MIN_NEAR_COPIES: usize = 3;
pub const MIN_NEAR_COPY_SHARE: f64 = 0.02;
/// Comments needed in one timestamp burst to flag on timing alone: at least
/// this many, and a quarter of the comments that show a precise time.
pub const MIN_BURST_ALONE: usize = 4;
pub const MIN_BURST_SHARE: f64 = 0.25;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    /// Nothing repeats beyond chance.
    None,
    /// Some repetition (a pair of near-copies, a small cluster, a burst),
    /// not enough for a finding.
    Some,
    /// Flagged: the finding says why.
    High,
}

pub struct Facts<'a> {
    pub comments: usize,
    /// Comments with a precise timestamp.
    pub dated: usize,
    pub clusters: &'a [Cluster],
    pub largest_near_copy_group: usize,
    /// Distinct phrases and frames used by two or more clustered comments.
    pub shared_features: usize,
    pub phrases: &'a [StockPhrase],
    pub frames: &'a [Frame],
    pub bursts: &'a [Burst],
}

#[derive(Debug, Clone, PartialEq)]
pub struct Verdict {
    pub level: Level,
    pub finding: Option<String>,
}

fn at_least(count: usize, floor: usize, share: f64, of: usize) -> bool {
    count >= floor && count as f64 >= share * of as f64
}

pub fn judge(facts: &Facts<'_>) -> Verdict {
    let n = facts.comments;
    let clustered: usize = facts.clusters.iter().map(|c| c.members.len()).sum();
    let templated = n >= MIN_SECTION
        && at_least(clustered, MIN_TEMPLATED, MIN_TEMPLATED_SHARE, n)
        && facts.shared_features >= MIN_SHARED_FEATURES;
    let copied = at_least(
        facts.largest_near_copy_group,
        MIN_NEAR_COPIES,
        MIN_NEAR_COPY_SHARE,
        n,
    );
    let largest_burst = facts.bursts.first().map_or(0, |b| b.members.len());
    let burst = at_least(largest_burst, MIN_BURST_ALONE, MIN_BURST_SHARE, facts.dated);
    if !(templated || copied || burst) {
        let some = !facts.clusters.is_empty() || !facts.bursts.is_empty();
        return Verdict {
            level: if some { Level::Some } else { Level::None },
            finding: None,
        };
    }
    let mut sentences = Vec::new();
    if templated || copied {
        let only_copies = facts
            .clusters
            .iter()
            .all(|c| c.kind == ClusterKind::NearDuplicate);
        if only_copies {
            sentences.push(format!(
                "{clustered} of {n} comments are near-copies of one another."
            ));
        } else {
            sentences.push(format!(
                "{clustered} of {n} comments share templated phrasing."
            ));
        }
        if let Some(examples) = phrase_examples(facts.phrases) {
            sentences.push(examples);
        }
        if let Some(frame) = facts.frames.first() {
            sentences.push(format!(
                "{} follow the same sentence frame, “{}”.",
                count_comments(frame.docs as usize),
                frame.pattern
            ));
        }
    }
    if let Some(b) = facts.bursts.first() {
        sentences.push(format!(
            "{} were posted at the identical time, {}.",
            count_comments(b.members.len()),
            b.posted
        ));
    }
    sentences.push("Repeated wording alone does not show who wrote them.".to_string());
    Verdict {
        level: Level::High,
        finding: Some(sentences.join(" ")),
    }
}

fn count_comments(k: usize) -> String {
    format!("{k} comments")
}

fn phrase_examples(phrases: &[StockPhrase]) -> Option<String> {
    if phrases.is_empty() {
        return None;
    }
    // The most telling examples: heavy phrases used by many, shorter first.
    let mut ranked: Vec<&StockPhrase> = phrases.iter().collect();
    ranked.sort_by_key(|p| (std::cmp::Reverse(p.weight * p.docs), p.text.len()));
    // Skip an example that repeats part of one already chosen.
    let mut chosen: Vec<&str> = Vec::new();
    for p in ranked {
        let lower = p.text.to_lowercase();
        let overlaps = chosen.iter().any(|c| {
            let c = c.to_lowercase();
            c.contains(&lower) || lower.contains(&c)
        });
        if !overlaps {
            chosen.push(&p.text);
        }
        if chosen.len() == 3 {
            break;
        }
    }
    let quoted: Vec<String> = chosen.iter().map(|t| format!("“{t}”")).collect();
    let list = match quoted.as_slice() {
        [a] => a.clone(),
        [a, b] => format!("{a} and {b}"),
        [a, b, c, ..] => format!("{a}, {b} and {c}"),
        [] => return None,
    };
    let k = phrases.len();
    Some(if k == 1 {
        format!("The phrase {list} recurs in different comments.")
    } else {
        format!("{k} stock phrases recur in different comments, such as {list}.")
    })
}
