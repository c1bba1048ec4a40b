//! Numbers that name rather than count: labels ("Article 5", "Trump 2.0"),
//! times of day, and numbers that are part of a name ("19 Crimes").

use super::words::*;
use super::Cx;
use crate::lexicon::{self, Reader::Rank, Reader::Tense};
use crate::segment::tokens::TokenKind;

impl<'a> Cx<'a> {
    /// Whether the capitalised words at `k` make a bare number before them
    /// part of a name ("19 Crimes", "10 Downing Street") rather than count a
    /// group ("10 Americans", "42 Senate Republicans", "12 NATO soldiers",
    /// "5 Pulitzer Prizes").
    pub(super) fn in_a_name(&self, k: usize) -> bool {
        if !self.capitalised(k) {
            return false;
        }
        let end = self.capitalised_run_end(k);
        self.capitalised_count_noun(k).is_none() && !self.is_plural_noun(end)
    }

    pub(super) fn capitalised(&self, j: usize) -> bool {
        self.kind(j) == Some(TokenKind::Word) && self.raw(j).starts_with(char::is_uppercase)
    }

    /// The token after the capitalised words starting at `k`.
    fn capitalised_run_end(&self, k: usize) -> usize {
        let mut j = k;
        while self.capitalised(j) {
            j += 1;
        }
        j
    }

    /// The last of the capitalised words at `k` that a number before them
    /// counts: a group ("10 Americans", "5 Democrats", "20,000 SKUs",
    /// "42 Senate Republicans"), or a plural ending two or three capitalised
    /// words ("5 Pulitzer Prizes", "3 Grammy Awards"). A single capitalised
    /// plural is a name ("19 Crimes"); a run before a lowercase plural only
    /// describes it ("2 New York Times bestsellers").
    pub(super) fn capitalised_count_noun(&self, k: usize) -> Option<usize> {
        let end = self.capitalised_run_end(k);
        if end == k || self.is_plural_noun(end) {
            return None;
        }
        for j in k..end {
            let w = self.w(j);
            let singular = w.strip_suffix('s').unwrap_or(w);
            // "20,000 SKUs": an acronym's plural is a counted noun.
            let acronym_plural = self
                .raw(j)
                .strip_suffix('s')
                .is_some_and(|a| a.len() >= 2 && a.bytes().all(|b| b.is_ascii_uppercase()));
            // A demonym counts people in the plural only ("10 Americans";
            // "in 1865 Russian troops" is an adjective).
            let demonym_plural =
                w != singular && crate::segment::gazetteer::DEMONYMS.contains(&singular);
            if acronym_plural || GROUP_NOUNS.contains(&w) || demonym_plural {
                return Some(j);
            }
        }
        // A title in capitals ("Top 10 Most Desired Digital Cameras") is no
        // counted noun: it has a function word or a superlative in it.
        let title = (k..end).any(|j| {
            let w = self.w(j);
            FUNCTION_STARTERS.contains(&w)
                || STOP_NOUNS.contains(&w)
                || lexicon::is_superlative(w, Rank)
                || matches!(
                    w,
                    "most" | "best" | "top" | "ways" | "things" | "tips" | "reasons"
                )
        });
        if title {
            return None;
        }
        let last = end - 1;
        let w = self.w(last);
        let plural = w.len() >= 4
            && w.ends_with('s')
            && !w.ends_with("ss")
            && !w.ends_with("'s")
            && !STOP_NOUNS.contains(&w)
            && !NOT_NOUNS.contains(&w);
        (plural && (2..=3).contains(&(end - k))).then_some(last)
    }

    /// A bare number that names rather than counts: "Trump 2.0",
    /// "Article 5", "10:30", "5 p.m.", "[16]".
    pub(super) fn is_label(&self, start: usize, next: usize) -> bool {
        // "01060", "0187": leading zeros make a code (a postcode, a page
        // id), never an amount; "0.5" and "0" stay numbers.
        let raw = self.raw(start);
        if raw.len() > 1 && raw.starts_with('0') && raw.as_bytes()[1].is_ascii_digit() {
            return true;
        }
        let prev = start.checked_sub(1).map_or("", |j| self.w(j));
        let after = self.w(next);
        let prev2 = start.checked_sub(2).map_or("", |j| self.w(j));
        if LABEL_WORDS.contains(&prev)
            || (prev == "." && LABEL_WORDS.contains(&prev2))
            || (prev == "[" && after == "]")
        {
            return true;
        }
        if matches!(
            after,
            ":" | "a.m."
                | "p.m."
                | "am"
                | "pm"
                | "a.m"
                | "p.m"
                | "gmt"
                | "utc"
                | "et"
                | "pt"
                | "o'clock"
        ) {
            return true;
        }
        // Before a capitalised word: a title or name ("“60 Minutes”", "7
        // Eleven", "19 Crimes"), unless the words count a group.
        if self
            .tokens
            .get(next)
            .is_some_and(|t| t.is_capitalised(self.text))
        {
            let opened = prev == "\"" || prev == "'";
            // Glued, a capital is a unit or a label ("60FPS", "5G"), not a name.
            let glued = self.touches(next - 1);
            if opened || (glued && !after.ends_with('s')) || (!glued && self.in_a_name(next)) {
                return true;
            }
        }
        if prev == ":" && start >= 2 && self.kind(start - 2) == Some(TokenKind::Number) {
            return true;
        }
        // "9/11", "24/7": numbers glued by a slash name a day or a schedule.
        let slash_after = after == "/" && self.touches(next - 1) && self.touches(next);
        let slash_before = prev == "/" && start >= 2 && self.touches(start - 1);
        if slash_after || slash_before {
            return true;
        }
        // After a word with a capital inside: a product ("iOS 5", "macOS 14").
        if start > 0 && self.kind(start - 1) == Some(TokenKind::Word) {
            let raw = self.raw(start - 1);
            let inner_capital = raw.chars().skip(1).any(char::is_uppercase);
            if inner_capital && raw.chars().any(char::is_lowercase) {
                return true;
            }
        }
        // After a capitalised word: a name ("Trump 2.0", "Windows 11"),
        // unless the word opens the sentence as a function word ("About 40")
        // or a past verb ("Attracted 814 token holders", a list item).
        if start > 0 {
            let t = &self.tokens[start - 1];
            let opens_with_verb = self.opens_sentence(start - 1)
                && (prev.ends_with("ed") || lexicon::is_irregular_past(prev, Tense));
            if t.is_capitalised(self.text) && !FUNCTION_STARTERS.contains(&prev) && !opens_with_verb
            {
                return true;
            }
        }
        false
    }

    /// Whether token `k` starts a sentence or a line: nothing, a full stop
    /// or a line break before it.
    fn opens_sentence(&self, k: usize) -> bool {
        let Some(before) = k.checked_sub(1) else {
            return true;
        };
        let gap = self
            .text
            .get(self.tokens[before].span.end..self.tokens[k].span.start)
            .unwrap_or("");
        gap.contains('\n') || matches!(self.w(before), "." | "!" | "?" | ":" | ";")
    }

    /// A number written as a year would be: four digits from 1800 to 2100,
    /// no separator ("2013 Census QuickStats" names a census).
    pub(super) fn year_like(&self, k: usize) -> bool {
        let raw = self.raw(k);
        raw.len() == 4
            && raw.bytes().all(|b| b.is_ascii_digit())
            && raw.parse::<u32>().is_ok_and(|y| (1800..=2100).contains(&y))
    }
}
