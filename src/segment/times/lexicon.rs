//! The words of time expressions, and reading single tokens (numbers,
//! month and weekday names, counts).

use super::*;

pub(super) const WEEKDAYS: &[&str] = &crate::calendar::WEEKDAY_NAMES;

/// Words after which a bare month name is a time ("in June", "an October interview").
pub(super) const MONTH_CONTEXT: &[&str] = &[
    "in",
    "on",
    "since",
    "until",
    "till",
    "through",
    "by",
    "during",
    "from",
    "to",
    "last",
    "next",
    "this",
    "early",
    "late",
    "mid",
    "of",
    "before",
    "after",
    "between",
    "and",
    "or",
    "an",
    "a",
    "the",
    "each",
    "every",
    "that",
    "-",
    "until",
    "throughout",
    "around",
];

/// Verbs that open a call to action ("Sign up today", "Get started
/// today"): its "today" urges the reader and dates nothing. Single first
/// words of a sentence; `extract::template_lines::CALL_OPENERS` holds the
/// opening phrases of a whole call-to-action line, another shape.
pub(super) const CALL_TO_ACTION_VERBS: &[&str] = &[
    "sign",
    "get",
    "start",
    "join",
    "subscribe",
    "register",
    "order",
    "call",
    "contact",
    "book",
    "download",
    "try",
    "shop",
    "buy",
    "apply",
    "donate",
    "enroll",
    "enrol",
    "reserve",
    "request",
    "claim",
];

/// Whether a word before "last" makes it the verb ("built to last 40
/// years", "it will last two weeks"), not "the last 40 years".
pub(super) fn before_verb_last(w: &str) -> bool {
    crate::lexicon::is_modal(w)
        || matches!(
            w,
            "to" | "did" | "does" | "do" | "didn't" | "won't" | "can't" | "cannot"
        )
}

/// Parts of a day that may follow a day ("Saturday night", "yesterday
/// morning", "next Monday evening").
const DAY_PARTS: &[&str] = &["morning", "afternoon", "evening", "night"];

pub(super) fn is_day_part(w: &str) -> bool {
    DAY_PARTS.contains(&w)
}

/// Plural parts of the day after a weekday make a habit ("on Sunday
/// mornings"), not one day.
pub(super) fn is_plural_day_part(w: &str) -> bool {
    w.strip_suffix('s').is_some_and(is_day_part)
}

pub(super) fn strip_possessive(w: &str) -> &str {
    w.strip_suffix("'s").unwrap_or(w)
}

pub(super) fn month_number(w: &str) -> Option<u32> {
    crate::calendar::month_of_name(w)
}

pub(super) fn weekday_number(w: &str) -> Option<u32> {
    WEEKDAYS.iter().position(|d| *d == w).map(|i| i as u32)
}

pub(super) fn small_number_word(w: &str) -> Option<u32> {
    Some(match w {
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "fifteen" => 15,
        "eighteen" => 18,
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "hundred" => 100,
        _ => return None,
    })
}

pub(super) fn unit_of(w: &str) -> Option<(Unit, bool)> {
    Some(match w {
        "hour" => (Unit::Hour, false),
        "hours" => (Unit::Hour, true),
        "day" => (Unit::Day, false),
        "days" => (Unit::Day, true),
        "week" => (Unit::Week, false),
        "weeks" => (Unit::Week, true),
        "weekend" => (Unit::Weekend, false),
        "weekends" => (Unit::Weekend, true),
        "month" => (Unit::Month, false),
        "months" => (Unit::Month, true),
        "quarter" => (Unit::Quarter, false),
        "quarters" => (Unit::Quarter, true),
        "year" => (Unit::Year, false),
        "years" => (Unit::Year, true),
        "decade" => (Unit::Decade, false),
        "decades" => (Unit::Decade, true),
        _ => return None,
    })
}

pub(super) fn season_of(w: &str) -> Option<Season> {
    Some(match w {
        "spring" => Season::Spring,
        "summer" => Season::Summer,
        "fall" | "autumn" => Season::Fall,
        "winter" => Season::Winter,
        _ => return None,
    })
}

/// Count words after which a following plural noun shows a number is not a year.
pub(super) const COUNT_NOUNS: &[&str] = &[
    "people",
    "votes",
    "troops",
    "cases",
    "deaths",
    "times",
    "members",
    "jobs",
    "percent",
    "dollars",
    "euros",
    "miles",
    "km",
    "kilometers",
    "kilometres",
    "feet",
    "tons",
    "tonnes",
    "units",
    "students",
    "workers",
    "employees",
    "residents",
    "homes",
    "points",
    "words",
    "pages",
    "acres",
    "soldiers",
    "civilians",
    "children",
    "men",
    "women",
    "voters",
    "seats",
    "hours",
    "days",
    "meters",
    "metres",
    "pounds",
    "barrels",
    "calories",
    "applications",
    "patients",
];

impl<'a> Cx<'a> {
    pub(super) fn w(&self, k: usize) -> &'a str {
        self.norm.get(k)
    }

    /// The first token of the sentence holding token `k`.
    pub(super) fn sentence_start(&self, k: usize) -> usize {
        let Some(token) = self.tokens.get(k) else {
            return k;
        };
        let at = token.span.start;
        let i = self.sentences.partition_point(|s| s.end <= at);
        match self.sentences.get(i) {
            Some(s) if s.start <= at => self.tokens.partition_point(|t| t.span.start < s.start),
            _ => k,
        }
    }

    /// Whether an expression can start at token `k`: a number, a
    /// capitalised word (month, weekday, holiday), or one of the words
    /// that open the relative forms.
    pub(super) fn may_start(&self, k: usize) -> bool {
        let t = self.tokens[k];
        match t.kind {
            TokenKind::Number => true,
            TokenKind::Punct => self.w(k) == "'",
            TokenKind::Word => {
                if t.is_capitalised(self.text) {
                    return true;
                }
                let w = self.w(k);
                w.starts_with("mid")
                    || small_number_word(w).is_some()
                    || (w.contains("day") && weekday_number(strip_possessive(w)).is_some())
                    || self.lowercase_month(k)
                    || matches!(w, "christmas" | "easter" | "thanksgiving" | "halloween")
                    || w == "year-to-date"
                    || (w == "year" && self.w(k + 1) == "to" && self.w(k + 2) == "date")
                    || matches!(
                        w,
                        "since"
                            | "in"
                            | "after"
                            | "before"
                            | "no"
                            | "from"
                            | "between"
                            | "early"
                            | "late"
                            | "earlier"
                            | "later"
                            | "the"
                            | "beginning"
                            | "start"
                            | "end"
                            | "middle"
                            | "rest"
                            | "remainder"
                            | "first"
                            | "second"
                            | "third"
                            | "fourth"
                            | "this"
                            | "last"
                            | "next"
                            | "past"
                            | "coming"
                            | "previous"
                            | "following"
                            | "that"
                            | "preceding"
                            | "today"
                            | "tonight"
                            | "yesterday"
                            | "tomorrow"
                            | "within"
                            | "recent"
                            | "nearly"
                            | "almost"
                            | "about"
                            | "roughly"
                            | "some"
                            | "over"
                            | "just"
                            | "barely"
                            | "only"
                            | "around"
                            | "more"
                            | "less"
                            | "a"
                            | "an"
                            | "few"
                            | "several"
                            | "many"
                            | "spring"
                            | "summer"
                            | "fall"
                            | "autumn"
                            | "winter"
                            | "q1"
                            | "q2"
                            | "q3"
                            | "q4"
                            | "hours"
                            | "days"
                            | "weeks"
                            | "months"
                            | "years"
                            | "decades"
                            | "black"
                            | "juneteenth"
                            | "twenties"
                            | "thirties"
                            | "forties"
                            | "fifties"
                            | "sixties"
                            | "seventies"
                            | "eighties"
                            | "nineties"
                    )
            }
        }
    }

    pub(super) fn raw(&self, k: usize) -> &'a str {
        self.tokens.get(k).map_or("", |t| t.text(self.text))
    }

    pub(super) fn capitalised(&self, k: usize) -> bool {
        self.tokens
            .get(k)
            .is_some_and(|t| t.is_capitalised(self.text))
    }

    /// Token `k` ends where token `k + 1` starts.
    pub(super) fn touches(&self, k: usize) -> bool {
        match (self.tokens.get(k), self.tokens.get(k + 1)) {
            (Some(a), Some(b)) => a.touches(b),
            _ => false,
        }
    }

    /// A plain integer token (no separators).
    pub(super) fn integer(&self, k: usize) -> Option<u32> {
        let t = self.tokens.get(k)?;
        if t.kind != TokenKind::Number {
            return None;
        }
        let s = t.text(self.text);
        if s.len() > 6 || !s.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        s.parse().ok()
    }

    /// A day of the month, with an optional touching ordinal suffix. Returns (day, next).
    pub(super) fn day_number(&self, k: usize) -> Option<(u32, usize)> {
        let day = self.integer(k)?;
        if !(1..=31).contains(&day) || self.raw(k).len() > 2 {
            return None;
        }
        let mut next = k + 1;
        if self.touches(k) && matches!(self.w(k + 1), "st" | "nd" | "rd" | "th") {
            next += 1;
        }
        Some((day, next))
    }

    /// A day of the month spelled as an ordinal: "ninth", "twenty-first",
    /// "twenty first". Returns (day, next).
    pub(super) fn spelled_day(&self, k: usize) -> Option<(u32, usize)> {
        let one = |w: &str| {
            crate::segment::numbers::ordinal_word(w)
                .filter(|d| (1.0..=31.0).contains(d))
                .map(|d| d as u32)
        };
        let tens = match self.w(k) {
            "twenty" => 20,
            "thirty" => 30,
            w => return one(w).map(|d| (d, k + 1)),
        };
        let unit = one(self.w(k + 1)).filter(|u| *u < 10)?;
        (tens + unit <= 31).then_some((tens + unit, k + 2))
    }

    /// A day of the month in digits ("9", "9th") or spelled ("ninth").
    pub(super) fn any_day(&self, k: usize) -> Option<(u32, usize)> {
        self.day_number(k).or_else(|| self.spelled_day(k))
    }

    /// An ordinal day at `k`: spelled ("ninth") or with its suffix ("9th").
    pub(super) fn spelled_or_suffixed(&self, k: usize) -> bool {
        self.spelled_day(k).is_some() || self.day_number(k).is_some_and(|(_, n)| n > k + 1)
    }

    /// What may follow a spelled day after a month ("January first 2000",
    /// "April ninth through seventeenth"), unlike "March first-time
    /// buyers" or "in January first quarter results".
    pub(super) fn ends_spelled_day(&self, k: usize) -> bool {
        self.tokens.get(k).is_none_or(|t| t.kind != TokenKind::Word)
            && !(self.w(k) == "-" && self.touches(k.saturating_sub(1)))
            || matches!(
                self.w(k),
                "to" | "through" | "till" | "until" | "and" | "or" | "at" | "in" | "on" | "of"
            )
    }

    /// Token `k` is glued to a currency sign or a clock's colon before it
    /// ("$12", "12:30"): a number that is no day of the month.
    pub(super) fn glued_to_money_or_clock(&self, k: usize) -> bool {
        if k == 0 || !self.touches(k - 1) {
            return false;
        }
        match self.w(k - 1) {
            "$" | "€" | "£" => true,
            ":" => k >= 2 && self.touches(k - 2) && self.integer(k - 2).is_some(),
            _ => false,
        }
    }

    /// A four-digit year token in a plausible range.
    pub(super) fn year_token(&self, k: usize) -> Option<i32> {
        let t = self.tokens.get(k)?;
        let s = t.text(self.text);
        if t.kind != TokenKind::Number || s.len() != 4 || !s.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let y: i32 = s.parse().ok()?;
        (1800..=2199).contains(&y).then_some(y)
    }

    /// A month name at `k`: capitalised full name (possessive allowed), or
    /// a capitalised abbreviation with an optional period. Returns
    /// (month, next, abbreviated).
    pub(super) fn month_at(&self, k: usize) -> Option<(u32, usize, bool)> {
        let w = self.w(k);
        if !self.capitalised(k) && !self.lowercase_month(k) {
            return None;
        }
        if let Some(m) = month_number(strip_possessive(w)) {
            return Some((m, k + 1, false));
        }
        let m = crate::calendar::month_of_abbreviation(w)?;
        let next = if self.touches(k) && self.w(k + 1) == "." {
            k + 2
        } else {
            k + 1
        };
        Some((m, next, true))
    }

    pub(super) fn weekday_at(&self, k: usize) -> Option<u32> {
        // Weekday names are not ordinary words, so case does not matter.
        if self.tokens.get(k)?.kind != TokenKind::Word {
            return None;
        }
        let w = strip_possessive(self.w(k));
        if !w.ends_with("day") {
            return None;
        }
        weekday_number(w)
    }

    /// A month name written in lower case ("in april", "14 nov"): words
    /// that are also verbs or nouns ("may", "march", "mar") only before a
    /// day or a year.
    pub(super) fn lowercase_month(&self, k: usize) -> bool {
        let w = strip_possessive(self.w(k));
        // Cheap filter: month names start with one of these and are 3 to 9 letters.
        if !(3..=9).contains(&w.len()) || !w.starts_with(['j', 'f', 'm', 'a', 's', 'o', 'n', 'd']) {
            return false;
        }
        if self.tokens.get(k).is_none_or(|t| t.kind != TokenKind::Word) {
            return false;
        }
        match w {
            "may" | "march" | "mar" => self.integer(k + 1).is_some() && !self.touches(k),
            // Lower-cased already: an exact match, no case-folding scans.
            "january" | "february" | "april" | "june" | "july" | "august" | "september"
            | "october" | "november" | "december" | "jan" | "feb" | "apr" | "jun" | "jul"
            | "aug" | "sep" | "sept" | "oct" | "nov" | "dec" => true,
            _ => false,
        }
    }

    /// A count before a unit: digits, a number word, "a"/"an", or a vague
    /// quantifier (`None` value). Returns (value, next).
    pub(super) fn count(&self, k: usize) -> Option<(Option<u32>, usize)> {
        let w = self.w(k);
        if let Some(n) = self.integer(k) {
            return Some((Some(n), k + 1));
        }
        if let Some(n) = small_number_word(w) {
            return Some((Some(n), k + 1));
        }
        match w {
            "a" | "an" => match self.w(k + 1) {
                "few" => Some((None, k + 2)),
                "couple" if self.w(k + 2) == "of" => Some((Some(2), k + 3)),
                _ => Some((Some(1), k + 1)),
            },
            "few" | "several" | "many" | "some" => Some((None, k + 1)),
            _ => None,
        }
    }
}
