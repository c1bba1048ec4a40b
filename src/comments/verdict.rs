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
    /// Present exactly when the level is `High`.
    pub finding: Option<Finding>,
}

/// Why a comment section was flagged: the figures and examples its
/// plain-language finding is worded from (`src/english.rs`, and the
/// extension's `_locales`). It never names the commenters.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Finding {
    /// The comments analysed.
    pub comments: u32,
    /// How many of them repeat one another (in clusters); 0 when only their
    /// timing flagged the section.
    pub clustered: u32,
    /// The repeating comments are all near-copies, not template variants.
    pub near_copies: bool,
    /// How many stock phrases recur, and up to three telling ones.
    #[serde(default)]
    pub phrases: u32,
    #[serde(default)]
    pub phrase_examples: Vec<String>,
    /// The sentence frame most comments share, and how many follow it.
    #[serde(default)]
    pub frame: Option<String>,
    #[serde(default)]
    pub frame_comments: u32,
    /// The largest burst of comments posted at one time: the time as the
    /// page shows it, and how many.
    #[serde(default)]
    pub burst_time: Option<String>,
    #[serde(default)]
    pub burst_comments: u32,
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
    let mut finding = Finding {
        comments: n as u32,
        clustered: 0,
        near_copies: false,
        phrases: 0,
        phrase_examples: Vec::new(),
        frame: None,
        frame_comments: 0,
        burst_time: None,
        burst_comments: 0,
    };
    if templated || copied {
        finding.clustered = clustered as u32;
        finding.near_copies = facts
            .clusters
            .iter()
            .all(|c| c.kind == ClusterKind::NearDuplicate);
        finding.phrases = facts.phrases.len() as u32;
        finding.phrase_examples = phrase_examples(facts.phrases);
        if let Some(frame) = facts.frames.first() {
            finding.frame = Some(frame.pattern.clone());
            finding.frame_comments = frame.docs;
        }
    }
    if let Some(b) = facts.bursts.first() {
        finding.burst_time = Some(b.posted.clone());
        finding.burst_comments = b.members.len() as u32;
    }
    Verdict {
        level: Level::High,
        finding: Some(finding),
    }
}

/// Up to three telling stock phrases, none repeating part of another.
fn phrase_examples(phrases: &[StockPhrase]) -> Vec<String> {
    // The most telling examples: phrases without names, heavy ones used by
    // many, shorter first.
    let mut ranked: Vec<&StockPhrase> = phrases.iter().collect();
    super::order::by_key(&mut ranked, |p| {
        u64::from(p.names) << 63
            | super::order::descending(u64::from(p.weight * p.docs), 31) << 32
            | super::order::field(p.text.len() as u64, 32)
    });
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
    chosen.into_iter().map(str::to_string).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::comments::clusters::Member;

    fn cluster(kind: ClusterKind, members: u32) -> Cluster {
        Cluster {
            kind,
            similarity: 0.5,
            members: (0..members)
                .map(|index| Member {
                    index,
                    spans: Vec::new(),
                })
                .collect(),
        }
    }

    /// (comments, clustered, shared features, largest near-copy group,
    /// dated, largest burst).
    type Case = (usize, u32, usize, usize, usize, usize);

    #[test]
    fn thresholds() {
        let cases: [(Case, bool, &str); 13] = [
            (
                (3, 3, 10, 0, 0, 0),
                false,
                "three comments never flag on phrasing",
            ),
            ((4, 3, 4, 0, 0, 0), true, "smallest templated section"),
            ((12, 3, 4, 0, 0, 0), true, "a quarter of twelve"),
            ((13, 3, 4, 0, 0, 0), false, "under a quarter"),
            (
                (12, 6, 3, 0, 0, 0),
                false,
                "one or two shared idioms are not a template",
            ),
            ((500, 125, 4, 0, 0, 0), true, "a quarter of a large section"),
            ((2, 0, 0, 2, 0, 0), false, "a double post"),
            ((3, 0, 0, 3, 0, 0), true, "three near-copies"),
            (
                (500, 0, 0, 9, 0, 0),
                false,
                "nine copies in 500 are under 2%",
            ),
            ((500, 0, 0, 10, 0, 0), true, "ten copies in 500"),
            (
                (30, 0, 0, 0, 8, 4),
                true,
                "half the dated comments in one minute",
            ),
            ((30, 0, 0, 0, 20, 4), false, "four of twenty dated comments"),
            ((30, 0, 0, 0, 30, 3), false, "a burst of three alone"),
        ];
        for ((comments, clustered, shared, copies, dated, burst), flagged, why) in cases {
            let clusters: Vec<Cluster> = if clustered > 0 {
                vec![cluster(ClusterKind::Template, clustered)]
            } else {
                Vec::new()
            };
            let bursts: Vec<Burst> = if burst > 0 {
                vec![Burst {
                    posted: "10:14".into(),
                    members: (0..burst as u32).collect(),
                }]
            } else {
                Vec::new()
            };
            let v = judge(&Facts {
                comments,
                dated,
                clusters: &clusters,
                largest_near_copy_group: copies,
                shared_features: shared,
                phrases: &[],
                frames: &[],
                bursts: &bursts,
            });
            assert_eq!(v.level == Level::High, flagged, "{why}");
            assert_eq!(v.finding.is_some(), flagged, "{why}");
            if !flagged && (clustered > 0 || burst > 0) {
                assert_eq!(v.level, Level::Some, "{why}");
            }
        }
    }

    #[test]
    fn finding_names_the_share_and_never_the_authors() {
        let clusters = vec![cluster(ClusterKind::Template, 9)];
        let v = judge(&Facts {
            comments: 12,
            dated: 0,
            clusters: &clusters,
            largest_near_copy_group: 0,
            shared_features: 10,
            phrases: &[],
            frames: &[],
            bursts: &[],
        });
        let finding = v.finding.expect("a finding");
        assert_eq!(
            (finding.clustered, finding.comments, finding.near_copies),
            (9, 12, false),
            "{finding:?}"
        );
        assert_eq!(finding.burst_time, None);
    }
}
