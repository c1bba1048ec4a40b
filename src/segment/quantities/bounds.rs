//! The bounds written around a figure: "more than", "at least", "up to"
//! before it; "or more", "or less" after it.

use super::words::{OVER_BOUND_TAILS, OVER_PERIOD_HEADS};
use super::{Cx, Modifier};
use crate::segment::tokens::TokenKind;

impl<'a> Cx<'a> {
    /// The modifier written just before token `k`: (modifier, first token).
    pub(super) fn modifier_before(&self, k: usize) -> Option<Modifier> {
        let back = |n: usize| k.checked_sub(n).map_or("", |j| self.w(j));
        let (w1, w2, w3) = (back(1), back(2), back(3));
        if w1.is_empty() {
            return None;
        }
        // "less than or equal to 30", "smaller or equal than 100".
        if matches!((w3, w2, w1), ("or", "equal", "to" | "than")) {
            return match (back(4), back(5)) {
                ("than", "less" | "fewer" | "smaller") | ("less" | "smaller" | "fewer", _) => {
                    Some(Modifier::AtMost)
                }
                ("than", "more" | "greater" | "bigger") | ("more" | "greater" | "bigger", _) => {
                    Some(Modifier::AtLeast)
                }
                ("least", "at") => Some(Modifier::AtLeast),
                _ => None,
            };
        }
        Some(match (w3, w2, w1) {
            ("no", "less" | "fewer", "than") => Modifier::AtLeast,
            ("no", "more", "than") => Modifier::AtMost,
            (_, "more" | "greater" | "bigger", "than") => Modifier::MoreThan,
            (_, "less" | "fewer" | "smaller", "than") => Modifier::LessThan,
            (_, "at", "least") => Modifier::AtLeast,
            (_, "at", "most") | (_, "up", "to") | (_, _, "upto") => Modifier::AtMost,
            ("as", "many" | "much", "as") => Modifier::AtMost,
            (_, "close", "to") => Modifier::Approximately,
            (_, "upwards", "of") => Modifier::MoreThan,
            (_, ">", "=") => Modifier::AtLeast,
            (_, "<", "=") => Modifier::AtMost,
            // "=>30" is no comparison anyone writes.
            (_, "=", ">" | "<") => return None,
            (
                _,
                _,
                "about" | "around" | "approximately" | "roughly" | "some" | "nearly" | "almost"
                | "estimated" | "approx" | "~",
            ) => Modifier::Approximately,
            (_, _, "over" | "exceeding" | "exceed" | "exceeds" | "above" | ">") => {
                Modifier::MoreThan
            }
            (_, _, "under" | "below" | "<") => Modifier::LessThan,
            _ => return None,
        })
    }

    /// A bound written after the figure ("500 or more", "5000 or less"),
    /// or "or equal" widening one before it; and the tokens it takes.
    pub(super) fn modifier_after(
        &self,
        next: usize,
        before: Option<Modifier>,
    ) -> (Option<Modifier>, usize) {
        if self.w(next) != "or" {
            return (before, next);
        }
        let after = self.w(next + 1);
        let took = |m| (Some(m), next + 2);
        // "every 3 days or so": about that many.
        if after == "so" && before.is_none() {
            return took(Modifier::Approximately);
        }
        // "200 or greater than 190" is two figures.
        if self.w(next + 2) == "than" {
            return (before, next);
        }
        match (before, after) {
            (None | Some(Modifier::Approximately), "more" | "greater" | "above") => {
                took(Modifier::AtLeast)
            }
            (None | Some(Modifier::Approximately), "less" | "fewer" | "below") => {
                took(Modifier::AtMost)
            }
            (Some(Modifier::LessThan), "equal") => took(Modifier::AtMost),
            (Some(Modifier::MoreThan), "equal") => took(Modifier::AtLeast),
            _ => (before, next),
        }
    }

    /// Whether "over" before the duration at `start` (ending before
    /// `next`) is the preposition of a period ("sitting in sessions over 4
    /// days", "fell 5% over two years", "save $60,000 over 25 years", "Over
    /// two years, the market grew") rather than a bound ("has over 4 years
    /// of experience", "lasted over 4 days", "over two years ago", "Over 10
    /// years have passed").
    pub(super) fn over_heads_a_period(&self, start: usize, next: usize) -> bool {
        let Some(over) = start.checked_sub(1).filter(|&k| self.w(k) == "over") else {
            return false;
        };
        if OVER_BOUND_TAILS.contains(&self.w(next)) {
            return false;
        }
        let before = over.checked_sub(1);
        let opens_clause = self.reader.raw(over) == "Over"
            || before.is_none_or(|j| matches!(self.reader.raw(j), "," | ";" | "." | "!" | "?"));
        if opens_clause {
            // "Over two years, the market grew"; "Over 10 years have passed".
            return self.w(next) == ",";
        }
        // A figure just before: the change or sum spread across the period.
        let after_figure =
            (over.saturating_sub(3)..over).any(|j| self.kind(j) == Some(TokenKind::Number));
        after_figure || before.is_some_and(|j| OVER_PERIOD_HEADS.contains(&self.w(j)))
    }
}
