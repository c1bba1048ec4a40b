//! Figures read from words: ordinals ("20th", "a second term"), fractions
//! ("two-thirds", "half of") and vague amounts ("several weeks").

use super::words::*;
use super::{Cx, Modifier, Num, QuantityKind, QuantityMention};
use crate::lexicon::{self, Reader::Rank};
use crate::segment::numbers::{fraction_word, ordinal_word, unit_number};
use crate::segment::tokens::TokenKind;

impl<'a> Cx<'a> {
    /// A fraction read in words or digits ("two thirds", "3 1/2" is not
    /// one): a share when "of" or nothing follows; "a third term" is an
    /// ordinal use, left to [`Cx::ordinal`].
    pub(super) fn fraction_reading(&self, k: usize, num: Num) -> Option<(QuantityMention, usize)> {
        let after = self.w(num.next);
        if self.lowercase_word(num.next) && after != "of" {
            return None;
        }
        // "a hoot and a half", "a week and a half": the half of an idiom or
        // of a unit read before it, never a share on its own. ("one and a
        // half" is read whole by the number reader.)
        let prev = k.checked_sub(1).map_or("", |j| self.w(j));
        if matches!(self.w(k), "a" | "an") && prev == "and" {
            return None;
        }
        Some((
            self.simple(
                k,
                num.next - 1,
                num.value,
                "fraction",
                QuantityKind::Fraction,
            ),
            num.next,
        ))
    }

    /// "several weeks", "a few days", "dozens of people", "billions of dollars".
    pub(super) fn vague(&self, k: usize) -> Option<(QuantityMention, usize)> {
        let at = if self.w(k) == "a" {
            if self.w(k + 1) == "handful" {
                k + 3
            } else {
                k + 2
            }
        } else {
            k + 1
        };
        let of = self.w(at) == "of";
        let noun_at = if of { at + 1 } else { at };
        let noun = self.w(noun_at);
        if !self.is_plural_noun(noun_at) {
            return None;
        }
        // "hundreds" alone after a number ("three hundred") is not vague.
        if !of
            && matches!(
                self.w(k),
                "dozens"
                    | "hundreds"
                    | "thousands"
                    | "millions"
                    | "billions"
                    | "trillions"
                    | "tens"
                    | "scores"
            )
        {
            return None;
        }
        let (kind, unit) = classify_unit(noun);
        let mention = QuantityMention {
            span: self.span(k, noun_at),
            value: None,
            unit: Some(unit),
            kind,
            upper: None,
            modifier: Some(Modifier::Vague),
            grouped: true,
        };
        Some((mention, noun_at + 1))
    }

    /// "half of", "two-thirds", "a third of", "one-quarter".
    pub(super) fn fraction(&self, k: usize) -> Option<(QuantityMention, usize)> {
        let w = self.w(k);
        if w == "half"
            && matches!(
                self.w(k + 1),
                "of" | "the" | "a" | "an" | "its" | "their" | "his" | "her"
            )
        {
            let prev = k.checked_sub(1).map_or("", |j| self.w(j));
            if matches!(prev, "first" | "second" | "other" | "and") {
                return None;
            }
            return Some((
                self.simple(k, k, Some(0.5), "fraction", QuantityKind::Fraction),
                k + 1,
            ));
        }
        // "two-thirds", "one-quarter" (one token).
        if let Some((num, den)) = w.split_once('-') {
            if let (Some(n), Some(d)) = (unit_number(num), fraction_word(den).map(|(d, _)| d)) {
                if n >= 1.0 {
                    return Some((
                        self.simple(k, k, Some(n / d), "fraction", QuantityKind::Fraction),
                        k + 1,
                    ));
                }
            }
        }
        // "a third of", "a quarter of".
        if matches!(w, "a" | "one") && self.w(k + 2) == "of" {
            if let Some((d, _)) = fraction_word(self.w(k + 1)).filter(|_| self.w(k + 1) != "half") {
                return Some((
                    self.simple(k, k + 1, Some(1.0 / d), "fraction", QuantityKind::Fraction),
                    k + 2,
                ));
            }
        }
        None
    }

    /// "20th", "1st", "second phase", "third-largest".
    pub(super) fn ordinal(&self, k: usize) -> Option<(QuantityMention, usize)> {
        if self.kind(k) == Some(TokenKind::Number)
            && self.touches(k)
            && matches!(
                self.w(k + 1).split('-').next(),
                Some("st" | "nd" | "rd" | "th")
            )
        {
            let value: f64 = self.raw(k).replace(',', "").parse().ok()?;
            // "the 3rd-largest": the ranking word is glued to the suffix;
            // "21st-century" is no rank.
            if let Some((_, rest)) = self.w(k + 1).split_once('-') {
                if !lexicon::is_superlative(rest, Rank) {
                    return None;
                }
                return Some((
                    self.simple(k, k + 1, Some(value), "ordinal", QuantityKind::Ordinal),
                    k + 2,
                ));
            }
            let (unit, end) = self.ordinal_noun(k + 2);
            let mention = QuantityMention {
                span: self.span(k, end.map_or(k + 1, |e| e)),
                value: Some(value),
                unit: Some(unit.unwrap_or_else(|| "ordinal".to_string())),
                kind: QuantityKind::Ordinal,
                upper: None,
                modifier: None,
                grouped: true,
            };
            return Some((mention, end.map_or(k + 2, |e| e + 1)));
        }
        // Spelled, an ordinal is a figure only where it ranks or counts in
        // succession ("the third-largest", "ranked first", "a second
        // term", "the fifth straight year"); "his first wife", "the first
        // time", "the second half" and "third-party" are words, not figures.
        let w = self.w(k);
        let (first, rest) = w.split_once('-').unwrap_or((w, ""));
        let value = ordinal_word(first)?;
        if self.kind(k) != Some(TokenKind::Word)
            || !self.raw(k).starts_with(|c: char| c.is_lowercase())
        {
            return None;
        }
        if !rest.is_empty() {
            // "second-largest", "third-biggest", "second-place"; not "first-hand".
            let ranking = lexicon::is_superlative(rest, Rank) || RANK_NOUNS.contains(&rest);
            return ranking.then(|| {
                (
                    self.simple(k, k, Some(value), "ordinal", QuantityKind::Ordinal),
                    k + 1,
                )
            });
        }
        let prev = k.checked_sub(1).map_or("", |j| self.w(j));
        // "a second" / "per second" / "30 seconds" are time units; "at first" is an adverb.
        if first == "second"
            && matches!(prev, "a" | "per" | "one" | "split")
            && !self.lowercase_word(k + 1)
        {
            return None;
        }
        let (noun, end) = self.ordinal_noun(k + 1);
        let Some(end) = end else {
            // "ranked first", "finished third": a rank with no noun after it.
            return RANK_VERBS.contains(&prev).then(|| {
                (
                    self.simple(k, k, Some(value), "ordinal", QuantityKind::Ordinal),
                    k + 1,
                )
            });
        };
        let noun_word = self.w(end);
        let in_a_row = matches!(
            (self.w(end + 1), self.w(end + 2), self.w(end + 3)),
            ("in", "a", "row")
        );
        let ranks = lexicon::is_superlative(noun_word, Rank)
            || RANK_NOUNS.contains(&noun_word)
            || SUCCESSION_WORDS.contains(&noun_word)
            || RANK_VERBS.contains(&prev)
            || in_a_row;
        if !ranks {
            return None;
        }
        let mention = QuantityMention {
            span: self.span(k, end),
            value: Some(value),
            unit: noun,
            kind: QuantityKind::Ordinal,
            upper: None,
            modifier: None,
            grouped: true,
        };
        Some((mention, end + 1))
    }

    /// The noun an ordinal counts ("phase", "term"): (noun, its token).
    pub(super) fn ordinal_noun(&self, k: usize) -> (Option<String>, Option<usize>) {
        let w = self.w(k);
        if self.lowercase_word(k) && !STOP_NOUNS.contains(&w) && w.len() > 2 && !w.ends_with("ly") {
            (Some(w.to_string()), Some(k))
        } else {
            (None, None)
        }
    }
}
