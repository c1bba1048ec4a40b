//! Ages that describe a person or a group: "at the age of 58", "Parata,
//! 75, has", "between the ages of 25 and 54", "aged 18 to 24", "people 65
//! and older", "the 25-54 age group". They say who is meant, they are not
//! statistics to source.

use super::words::{AGES, AGE_GROUP_NOUNS, AGE_HEADS, AGE_TAILS};
use super::Cx;

impl<'a> Cx<'a> {
    /// When an age starts at token `k`, the token after it (its other
    /// bound, "and older" and "years old" included), so that no part of it
    /// is read as a figure.
    pub(super) fn age_end(&self, k: usize) -> Option<usize> {
        let first = self.number(k)?;
        let back = |n: usize| k.checked_sub(n).map_or("", |j| self.w(j));
        // "aged 64", "at age 65", "the ages of 25 and 54", "aged between 18
        // and 24".
        // ("the Stone Age 10,000 years ago" names an era: lower case only.)
        let headed = (AGE_HEADS.contains(&back(1)) && self.lowercase_word(k - 1))
            || (back(1) == "of" && matches!(back(2), "age" | "ages"))
            || (back(1) == "between" && back(2) == "aged");
        let mut next = first.next;
        // The other bound of a bracket: "18 to 24", "25 and 54" (after a
        // head only: "between the ages of" opens the "and").
        if matches!(self.w(next), "to" | "-" | "–" | "through" | "or")
            || (headed && self.w(next) == "and")
        {
            if let Some(second) = self.number(next + 1).filter(|n| !n.fraction) {
                next = second.next;
            }
        }
        // "18- to 24-year-olds": the first bound's hyphen waits for the
        // second's noun.
        let mut hyphenated_age = false;
        if self.w(next) == "-" && matches!(self.w(next + 1), "to" | "and" | "or") {
            if let Some(second) = self.number(next + 2).filter(|n| !n.fraction) {
                if self.w(second.next) == "-" && AGES.contains(&self.w(second.next + 1)) {
                    hyphenated_age = true;
                    next = second.next + 2;
                }
            }
        }
        // "65 and older", "18 or over": an open bracket.
        let older = matches!(self.w(next), "and" | "or") && AGE_TAILS.contains(&self.w(next + 1));
        let unambiguous = older && matches!(self.w(next + 1), "older" | "younger");
        if older {
            next += 2;
        }
        // "the 25-54 age group".
        let age_group = self.w(next) == "age" && AGE_GROUP_NOUNS.contains(&self.w(next + 1));
        if !(headed || hyphenated_age || unambiguous || age_group || self.appositive_age(k, next)) {
            return None;
        }
        // "aged 12 years", "65 years old", "18 years of age".
        if matches!(self.w(next), "years" | "year") {
            next += 1;
            if self.w(next) == "old" {
                next += 1;
            } else if self.w(next) == "of" && self.w(next + 1) == "age" {
                next += 2;
            }
        }
        Some(next)
    }

    /// "Parata, 75, has now overseen": a whole number between commas after
    /// a name, before a lower-case word, is the person's age. (A list of
    /// scores, "Finland, 12, Sweden, 9", goes on with a capital.)
    fn appositive_age(&self, k: usize, next: usize) -> bool {
        let single_token = next == k + 1;
        let whole_age = self
            .number(k)
            .and_then(|n| n.value)
            .is_some_and(|v| v.fract() == 0.0 && (1.0..=120.0).contains(&v));
        single_token
            && whole_age
            && !self.spelled(k)
            && k >= 2
            && self.w(k - 1) == ","
            && self.capitalised(k - 2)
            && self.w(next) == ","
            && self.lowercase_word(next + 1)
    }

    fn spelled(&self, k: usize) -> bool {
        self.number(k).is_some_and(|n| n.spelled)
    }
}
