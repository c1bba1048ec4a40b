//! Weekdays ("Saturday night", "Tue 13th") and day words ("today",
//! "the day after tomorrow"), with the filters that keep a day word from
//! dating what it doesn't: calls to action and hypothetical "if" clauses.

use super::*;

impl<'a> Cx<'a> {
    /// "Saturday", "Saturday night", "Saturday’s".
    pub(super) fn weekday(&self, k: usize) -> Option<Parsed> {
        let Some(weekday) = self.weekday_at(k) else {
            // "Tue 13th": an abbreviated weekday, only before an ordinal day.
            let w = self.w(k);
            if !(3..=5).contains(&w.len()) || !self.capitalised(k) {
                return None;
            }
            let short = WEEKDAYS.iter().position(|d| d.starts_with(w))?;
            let (day, after) = self.day_number(k + 1)?;
            return (after == k + 3 && self.month_at(after).is_none()).then_some(Parsed {
                end: after,
                expr: Expr::WeekdayDay {
                    weekday: short as u32,
                    day,
                },
            });
        };
        // "on Sunday mornings": a habit, no one day.
        if is_plural_day_part(self.w(k + 1)) {
            return None;
        }
        // "Sunday 31", "Tue 13th", "Friday the 13th" (not "Friday 13
        // March", which names its month).
        let the = usize::from(self.w(k + 1) == "the");
        let spelled = || self.spelled_day(k + 2).filter(|_| the == 1);
        if let Some((day, after)) = self.day_number(k + 1 + the).or_else(spelled) {
            let ordinal = after > k + 2 + the || self.day_number(k + 1 + the).is_none();
            // "On Monday 12 protesters were held": a count, not a day.
            let noun_after = self
                .tokens
                .get(after)
                .is_some_and(|t| t.kind == TokenKind::Word)
                && !self.capitalised(after)
                && !matches!(self.w(after), "at" | "between" | "from" | "and" | "or");
            // "Friday 7/6", "Monday 11-4": a numeric date follows the weekday.
            let numeric = !ordinal
                && matches!(self.w(after), "/" | "-" | ":" | ".")
                && self.touches(after - 1)
                && self.touches(after);
            let plain = the == 0 && !noun_after;
            if (plain || ordinal) && !numeric && self.month_at(after).is_none() {
                return parsed(after, Expr::WeekdayDay { weekday, day });
            }
        }
        let mut end = k + 1;
        if is_day_part(self.w(end)) {
            end += 1;
        }
        parsed(
            end,
            Expr::Weekday {
                weekday,
                rel: Rel::None,
                nearest: false,
            },
        )
    }

    /// "today", "yesterday", "tomorrow", "tonight".
    pub(super) fn day_word(&self, k: usize) -> Option<Parsed> {
        // "the day after tomorrow", "the day before yesterday".
        let at = if self.w(k) == "the" { k + 1 } else { k };
        if self.w(at) == "day" {
            let offset = match (self.w(at + 1), self.w(at + 2)) {
                ("after", "tomorrow") => 2,
                ("before", "yesterday") => -2,
                _ => return None,
            };
            return parsed(at + 3, Expr::DayOffset(offset));
        }
        // "Sign up today and ...", "Get started today.": a call to action
        // urges the reader and dates nothing.
        // The verb opens the sentence a few words before ("Call us today",
        // "Try it free today").
        let clause_ends = matches!(self.w(k + 1), "." | "!" | "and" | "");
        let start = self.sentence_start(k);
        if self.w(k) == "today"
            && clause_ends
            && k.saturating_sub(start) <= 3
            && CALL_TO_ACTION_VERBS.contains(&self.w(start))
            // "Order was restored today", "Book sales fell today": a
            // tense after the first word makes it a noun reporting news.
            && !(start + 1..k).any(|j| self.marker(j).is_some())
        {
            return None;
        }
        if matches!(self.w(k), "today" | "tonight") && self.counterfactual(k) {
            return None;
        }
        let offset = match self.w(k) {
            "today" | "tonight" => 0,
            "yesterday" => -1,
            "tomorrow" => 1,
            _ => return None,
        };
        let mut end = k + 1;
        if is_day_part(self.w(end)) {
            end += 1;
        }
        parsed(end, Expr::DayOffset(offset))
    }

    /// Whether token `k` is in an "if" clause told in the past ("if it
    /// snowed today", "if the election were held today"): a hypothetical
    /// day, none on the calendar.
    fn counterfactual(&self, k: usize) -> bool {
        let sentence = self.sentence_start(k);
        let start = sentence.max(k.saturating_sub(10));
        let mut past = false;
        for j in (start..k).rev() {
            match self.w(j) {
                "," | ";" | ":" => return false,
                "if" => {
                    return past
                        && !self.if_is_whether_or_reported(sentence, j)
                        && !self.has_will(sentence);
                }
                _ => past |= self.marker(j) == Some(Tense::Past),
            }
        }
        false
    }

    /// Whether the "if" at `at` asks or reports rather than supposes: "He
    /// asked if the plant closed today" (a question), "Officials said the
    /// strike would go ahead if talks failed today" (reported speech, its
    /// tense shifted back by "said").
    fn if_is_whether_or_reported(&self, sentence: usize, at: usize) -> bool {
        let asks = at > 0
            && matches!(
                self.w(at - 1),
                "ask" | "asked" | "know" | "knew" | "wonder" | "unclear" | "clear" | "sure"
            );
        asks || (sentence..at)
            .any(|j| crate::lexicon::is_reporting_verb(self.w(j), crate::lexicon::Reader::Tense))
    }

    /// Whether the sentence opening at token `sentence` speaks of the future
    /// with "will" ("If you voted today, your ballot will be counted"): its
    /// "if" clause is a real condition, not a counterfactual.
    fn has_will(&self, sentence: usize) -> bool {
        (sentence..self.tokens.len())
            .take_while(|&j| self.sentence_start(j) == sentence)
            .any(|j| self.w(j) == "will" || self.w(j).ends_with("'ll"))
    }
}
