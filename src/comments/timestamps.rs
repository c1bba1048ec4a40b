//! Bursts: several comments stamped with the very same time. Only stamps
//! precise to the minute or better count ("10:14", "2025-12-22T10:14:03Z"):
//! "2 hours ago" or "Dec 22" on many comments is how pages show time, not a
//! sign of anything.

use super::hashing::{hash_bytes, FastMap};
use super::order::{self, descending};

/// Comments with one identical precise timestamp.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Burst {
    /// The timestamp they share (whitespace collapsed).
    pub posted: String,
    pub members: Vec<u32>,
}

/// A comment's timestamp: the value compared, and how the page shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Stamp<'a> {
    pub key: Option<&'a str>,
    pub shown: Option<&'a str>,
}

/// At least this many comments make a burst.
pub const MIN_BURST: usize = 3;

/// Groups comments by identical precise timestamp; largest burst first.
/// A burst is labelled with its first member's timestamp as shown, when that
/// is precise too ("9:41 PM" reads better than "2025-03-03T21:41").
pub fn bursts(stamps: &[Stamp<'_>]) -> Vec<Burst> {
    let collapse = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    // Grouped by the collapsed key, in order of first appearance.
    let mut index: FastMap<usize> = FastMap::default();
    let mut groups: Vec<(String, Burst)> = Vec::new();
    for (i, stamp) in stamps.iter().enumerate() {
        let Some(key) = stamp.key.map(collapse).filter(|k| is_precise(k)) else {
            continue;
        };
        let at = *index.entry(hash_bytes(key.as_bytes())).or_insert_with(|| {
            let label = stamp
                .shown
                .map(collapse)
                .filter(|s| is_precise(s))
                .unwrap_or_else(|| key.clone());
            groups.push((
                key.clone(),
                Burst {
                    posted: label,
                    members: Vec::new(),
                },
            ));
            groups.len() - 1
        });
        // A hash collision between two different stamps is not a burst.
        if groups[at].0 == key {
            groups[at].1.members.push(i as u32);
        }
    }
    let mut out: Vec<Burst> = groups
        .into_iter()
        .map(|(_, b)| b)
        .filter(|b| b.members.len() >= MIN_BURST)
        .collect();
    order::by_key(&mut out, |b| {
        descending(b.members.len() as u64, 32) << 32 | u64::from(b.members[0])
    });
    out
}

/// True when the timestamp is precise to the minute: it contains a clock
/// time `H:MM` or `HH:MM`.
pub fn is_precise(s: &str) -> bool {
    let b = s.as_bytes();
    (0..b.len()).any(|i| {
        b[i] == b':'
            && i >= 1
            && b[i - 1].is_ascii_digit()
            && b.get(i + 1).is_some_and(u8::is_ascii_digit)
            && b.get(i + 2).is_some_and(u8::is_ascii_digit)
            && !b.get(i + 3).is_some_and(u8::is_ascii_digit)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn precise_identical_stamps_form_bursts() {
        let posted = [
            Some("Dec 22, 2025 10:14 AM"),
            Some("Dec 22, 2025  10:14 AM"),
            Some("2 hours ago"),
            Some("2 hours ago"),
            Some("2 hours ago"),
            None,
            Some("Dec 22, 2025 10:14 AM"),
            Some("Dec 22, 2025 10:15 AM"),
            Some("2025-12-22T10:14:03Z"),
        ];
        let stamps: Vec<Stamp> = posted
            .iter()
            .map(|&key| Stamp { key, shown: None })
            .collect();
        let found = bursts(&stamps);
        assert_eq!(
            found,
            vec![Burst {
                posted: "Dec 22, 2025 10:14 AM".into(),
                members: vec![0, 1, 6]
            }]
        );
    }

    #[test]
    fn machine_times_group_and_shown_times_label() {
        let stamps = [
            Stamp {
                key: Some("2025-03-03T21:41"),
                shown: Some("9:41 PM"),
            },
            Stamp {
                key: Some("2025-03-03T21:41"),
                shown: Some("just now"),
            },
            Stamp {
                key: Some("2025-03-03T21:41"),
                shown: None,
            },
            Stamp {
                key: Some("2025-03-03T21:42"),
                shown: Some("9:41 PM"),
            },
        ];
        let found = bursts(&stamps);
        assert_eq!(
            found,
            vec![Burst {
                posted: "9:41 PM".into(),
                members: vec![0, 1, 2]
            }]
        );
        let relative = [Stamp {
            key: Some("2025-03-03T21:41"),
            shown: Some("2 hours ago"),
        }; 3];
        assert_eq!(bursts(&relative)[0].posted, "2025-03-03T21:41");
    }

    #[test]
    fn clock_times() {
        for (s, want) in [
            ("10:14", true),
            ("9:05 pm", true),
            ("2025-12-22T10:14:03Z", true),
            ("12:345", false),
            ("Dec 22", false),
            (":14", false),
            ("ratio 3:1", false),
            ("", false),
        ] {
            assert_eq!(is_precise(s), want, "{s}");
        }
    }
}
