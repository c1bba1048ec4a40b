//! The tense of the clause around an expression, which decides whether a
//! recurring period ("in March", "Saturday") is the last one or the next.

use super::*;
use crate::lexicon::{self, Reader};

impl<'a> Cx<'a> {
    /// The tense of the clause around tokens `[a, b)`: the nearest marker
    /// wins, markers after the expression counting as two tokens further.
    pub(super) fn tense(&self, a: usize, b: usize) -> Tense {
        let Some(first) = self.tokens.get(a) else {
            return Tense::Unknown;
        };
        let i = self
            .sentences
            .partition_point(|s| s.end <= first.span.start);
        let (lo, hi) = match self.sentences.get(i) {
            Some(s) if s.start <= first.span.start => (
                self.tokens.partition_point(|t| t.span.start < s.start),
                self.tokens.partition_point(|t| t.span.start < s.end),
            ),
            _ => (a.saturating_sub(12), (b + 12).min(self.tokens.len())),
        };
        // Tense is local: the nearest marker on each side, in a bounded window.
        let (lo, hi) = (lo.max(a.saturating_sub(30)), hi.min(b + 30));
        let mut best: Option<(usize, Tense)> = None;
        let mut j = a;
        while j > lo {
            j -= 1;
            if self.w(j) == ";" {
                break;
            }
            if let Some(tense) = self.marker(j) {
                best = Some((a - j, tense));
                break;
            }
        }
        for j in b..hi {
            let distance = j - b + 3;
            if self.w(j) == ";" || best.is_some_and(|(d, _)| d <= distance) {
                break;
            }
            if let Some(tense) = self.marker(j) {
                best = Some((distance, tense));
                break;
            }
        }
        best.map_or(Tense::Unknown, |(_, t)| t)
    }

    /// The tense a token marks, if any (cached per token).
    pub(super) fn marker(&self, j: usize) -> Option<Tense> {
        let cell = self.markers.get(j)?;
        let code = match cell.get() {
            MARKER_UNSET => {
                let code = match self.compute_marker(j) {
                    None => 0,
                    Some(Tense::Past) => 1,
                    Some(Tense::Present) => 2,
                    Some(Tense::Future) => 3,
                    Some(Tense::Unknown) => 4,
                };
                cell.set(code);
                code
            }
            code => code,
        };
        match code {
            1 => Some(Tense::Past),
            2 => Some(Tense::Present),
            3 => Some(Tense::Future),
            4 => Some(Tense::Unknown),
            _ => None,
        }
    }

    pub(super) fn compute_marker(&self, j: usize) -> Option<Tense> {
        let w = self.w(j);
        let next = self.w(j + 1);
        let prev = if j == 0 { "" } else { self.w(j - 1) };
        // "was due to", "were expected to", "had planned to": a future seen
        // from the past is past for the reader ("was due to be released in
        // September", in a November article, is last September).
        let prev2 = if j < 2 { "" } else { self.w(j - 2) };
        let past_auxiliary =
            matches!(prev, "was" | "were" | "had") || (prev == "been" && prev2 == "had");
        if past_auxiliary
            && next == "to"
            && matches!(
                w,
                "due"
                    | "expected"
                    | "set"
                    | "scheduled"
                    | "planned"
                    | "planning"
                    | "supposed"
                    | "going"
                    | "slated"
            )
        {
            return Some(Tense::Past);
        }
        if matches!(
            w,
            "will" | "shall" | "won't" | "upcoming" | "would" | "scheduled" | "tomorrow"
        ) || w.ends_with("'ll")
            || (w == "going" && next == "to" && matches!(prev, "is" | "are" | "am" | "'re" | "'s"))
            || (matches!(
                w,
                "plans"
                    | "plan"
                    | "planned"
                    | "planning"
                    | "expects"
                    | "expected"
                    | "set"
                    | "aims"
                    | "intends"
                    | "hopes"
                    | "due"
            ) && next == "to")
        {
            return Some(Tense::Future);
        }
        if matches!(
            w,
            "now" | "is" | "are" | "am" | "has" | "have" | "remains" | "remain"
        ) {
            return Some(Tense::Present);
        }
        // Past participles after "be" are passive, not past ("will be held").
        let after_be = matches!(
            prev,
            "be" | "been" | "being" | "is" | "are" | "am" | "get" | "gets"
        );
        if matches!(w, "was" | "were" | "had" | "did" | "ago" | "yesterday")
            || (!after_be && (lexicon::is_irregular_past(w, Reader::Tense) || is_regular_past(w)))
        {
            return Some(Tense::Past);
        }
        None
    }
}

pub(super) fn is_regular_past(w: &str) -> bool {
    w.len() >= 5
        && w.ends_with("ed")
        && w.bytes().all(|b| b.is_ascii_lowercase())
        && !lexicon::is_ed_not_past(w, Reader::Tense)
}
