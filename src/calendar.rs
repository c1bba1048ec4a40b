//! Civil calendar dates: parsing `YYYY-MM-DD`-like strings and the day
//! arithmetic time resolution needs. Proleptic Gregorian, no time zones:
//! a published timestamp's own date part is the article's date.

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl Date {
    /// A valid date, or `None`.
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        ((1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month))
            .then_some(Date { year, month, day })
    }

    /// Parses the date at the start of an ISO 8601 string:
    /// `2025-12-22`, `2025-12-22T09:00:00-05:00`, `20251222`.
    pub fn parse_iso(s: &str) -> Option<Date> {
        let s = s.trim();
        let b = s.as_bytes();
        let digits = |r: std::ops::Range<usize>| -> Option<u32> {
            let part = s.get(r)?;
            if part.bytes().all(|c| c.is_ascii_digit()) {
                part.parse().ok()
            } else {
                None
            }
        };
        let (y, m, d) = if b.len() >= 10 && b[4] == b'-' && b[7] == b'-' {
            (digits(0..4)?, digits(5..7)?, digits(8..10)?)
        } else if b.len() >= 8 && b[..8].iter().all(u8::is_ascii_digit) {
            (digits(0..4)?, digits(4..6)?, digits(6..8)?)
        } else {
            return None;
        };
        // A date part must not run on into more digits ("2025-12-223").
        if let Some(next) = b.get(if b[4] == b'-' { 10 } else { 8 }) {
            if next.is_ascii_digit() {
                return None;
            }
        }
        Date::new(y as i32, m, d)
    }

    /// Days since 1970-01-01 (negative before).
    pub fn to_days(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    pub fn from_days(z: i64) -> Date {
        let z = z + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    pub fn add_days(self, n: i64) -> Date {
        Date::from_days(self.to_days() + n)
    }

    /// 0 = Monday .. 6 = Sunday.
    pub fn weekday(self) -> u32 {
        // 1970-01-01 was a Thursday (3).
        ((self.to_days() + 3).rem_euclid(7)) as u32
    }

    pub fn first_of_month(year: i32, month: u32) -> Date {
        Date {
            year,
            month,
            day: 1,
        }
    }

    pub fn last_of_month(year: i32, month: u32) -> Date {
        Date {
            year,
            month,
            day: days_in_month(year, month),
        }
    }
}

impl Date {
    /// The same day `n` months later (or earlier), clamped to the month's end.
    pub fn add_months(self, n: i64) -> Date {
        let m0 = i64::from(self.year) * 12 + i64::from(self.month) - 1 + n;
        let year = m0.div_euclid(12) as i32;
        let month = m0.rem_euclid(12) as u32 + 1;
        Date {
            year,
            month,
            day: self.day.min(days_in_month(year, month)),
        }
    }

    /// The Monday of this date's (Monday-to-Sunday) week.
    pub fn week_start(self) -> Date {
        self.add_days(-i64::from(self.weekday()))
    }

    /// Days from `self` to `other` (positive when `other` is later).
    pub fn days_until(self, other: Date) -> i64 {
        other.to_days() - self.to_days()
    }

    /// The `n`-th (1-based) `weekday` (0 = Monday) of a month, if it exists.
    pub fn nth_weekday(year: i32, month: u32, weekday: u32, n: u32) -> Option<Date> {
        let first = Date::first_of_month(year, month);
        let offset = (i64::from(weekday) - i64::from(first.weekday())).rem_euclid(7);
        let d = first.add_days(offset + 7 * (i64::from(n) - 1));
        (d.month == month && n >= 1).then_some(d)
    }

    /// The last `weekday` (0 = Monday) of a month.
    pub fn last_weekday(year: i32, month: u32, weekday: u32) -> Date {
        let last = Date::last_of_month(year, month);
        let back = (i64::from(last.weekday()) - i64::from(weekday)).rem_euclid(7);
        last.add_days(-back)
    }

    /// Western Easter Sunday (the anonymous Gregorian computus).
    pub fn easter(year: i32) -> Date {
        let y = year;
        let a = y.rem_euclid(19);
        let b = y.div_euclid(100);
        let c = y.rem_euclid(100);
        let d = b / 4;
        let e = b % 4;
        let f = (b + 8) / 25;
        let g = (b - f + 1) / 3;
        let h = (19 * a + b - d - g + 15).rem_euclid(30);
        let i = c / 4;
        let k = c % 4;
        let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
        let m = (a + 11 * h + 22 * l) / 451;
        let month = ((h + l - 7 * m + 114) / 31) as u32;
        let day = ((h + l - 7 * m + 114) % 31 + 1) as u32;
        Date { year, month, day }
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// English weekday names, lowercase, Monday first.
pub const WEEKDAY_NAMES: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// English month names, lowercase, January first.
pub const MONTH_NAMES: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The month of a full English month name, in any case: "October" → 10.
pub fn month_of_name(word: &str) -> Option<u32> {
    MONTH_NAMES
        .iter()
        .position(|m| m.eq_ignore_ascii_case(word))
        .map(|i| i as u32 + 1)
}

/// The month of a three-letter abbreviation, or "Sept", in any case and
/// without its period: "oct" → 10, "Sept" → 9.
pub fn month_of_abbreviation(word: &str) -> Option<u32> {
    if word.eq_ignore_ascii_case("sept") {
        return Some(9);
    }
    if word.len() != 3 {
        return None;
    }
    MONTH_NAMES
        .iter()
        .position(|m| m.get(..3).is_some_and(|a| a.eq_ignore_ascii_case(word)))
        .map(|i| i as u32 + 1)
}

/// A month's full name or abbreviation, with an optional period:
/// "October", "Oct", "Oct.", "Sept" → 10, 10, 10, 9.
pub fn month_number(word: &str) -> Option<u32> {
    let word = word.strip_suffix('.').unwrap_or(word);
    month_of_name(word).or_else(|| month_of_abbreviation(word))
}

/// A date as pages and fact-check sources write it: ISO 8601 first
/// (`2025-12-22T09:00:00-05:00`), then `2025/12/22` or `2025.12.22`, then
/// a month name with a day next to it and a four-digit year, in either
/// order: `December 22, 2025`, `Dec. 22, 2025 at 9:00 am`, `22 Dec 2025`,
/// `Mon, 22 Dec 2025 09:00:00 GMT`, `1st March 2021`, `21February 2009`.
/// The date part is taken as written; time zones are not applied.
pub fn parse_written_date(s: &str) -> Option<Date> {
    let s = s.trim();
    Date::parse_iso(s)
        .or_else(|| parse_numeric_date(s))
        .or_else(|| parse_date_with_month_name(s))
}

/// `2025/12/22` or `2025.12.22` at the start.
fn parse_numeric_date(s: &str) -> Option<Date> {
    let mut parts = s
        .split(|c: char| !c.is_ascii_digit())
        .filter(|p| !p.is_empty());
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if y.len() != 4 || m.len() > 2 || d.len() > 2 {
        return None;
    }
    if !matches!(s.as_bytes().get(4), Some(b'/' | b'.')) {
        return None;
    }
    Date::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

/// A month name, a day next to it ("Dec 22" or "22 Dec") and a four-digit year.
fn parse_date_with_month_name(s: &str) -> Option<Date> {
    // Runs of letters or of digits: "21February" is two, "3rd" is "3" and "rd".
    let mut runs: Vec<&str> = Vec::new();
    let mut start: Option<(usize, bool)> = None;
    for (i, c) in s.char_indices().chain(std::iter::once((s.len(), ' '))) {
        let kind = if c.is_ascii_digit() {
            Some(true)
        } else if c.is_alphabetic() {
            Some(false)
        } else {
            None
        };
        if let Some((at, digits)) = start {
            if kind != Some(digits) {
                runs.push(&s[at..i]);
                start = None;
            }
        }
        if start.is_none() {
            start = kind.map(|digits| (i, digits));
        }
    }
    // Ordinal suffixes after a number: "1st March".
    let mut i = 1;
    while i < runs.len() {
        let ordinal = matches!(
            runs[i].to_ascii_lowercase().as_str(),
            "st" | "nd" | "rd" | "th"
        );
        if ordinal && runs[i - 1].bytes().all(|b| b.is_ascii_digit()) {
            runs.remove(i);
        } else {
            i += 1;
        }
    }
    let month_at = runs.iter().position(|r| month_number(r).is_some())?;
    let month = month_number(runs[month_at])?;
    let number = |r: &str| -> Option<u32> {
        r.bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| r.parse().ok())
            .flatten()
    };
    let year = runs
        .iter()
        .filter(|r| r.len() == 4)
        .find_map(|r| number(r))?;
    let day_at = |i: Option<usize>| {
        i.and_then(|i| runs.get(i))
            .and_then(|r| number(r))
            .filter(|d| (1..=31).contains(d))
    };
    let day = day_at(Some(month_at + 1)).or_else(|| day_at(month_at.checked_sub(1)))?;
    Date::new(i32::try_from(year).ok()?, month, day)
}

pub fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn written_dates_as_pages_and_fact_checkers_write_them() {
        let d = |y, m, day| Date::new(y, m, day);
        let cases = [
            ("2025-12-22T09:00:00-05:00", d(2025, 12, 22)),
            ("2017-11-03 03:01:00.000000", d(2017, 11, 3)),
            ("2019-10-30T14:00:00Z", d(2019, 10, 30)),
            ("2025/12/22", d(2025, 12, 22)),
            ("December 22, 2025", d(2025, 12, 22)),
            ("Dec. 22, 2025 at 9:00 am", d(2025, 12, 22)),
            ("22 December 2025", d(2025, 12, 22)),
            ("Mon, 22 Dec 2025 09:00:00 GMT", d(2025, 12, 22)),
            ("Sept 3rd 2024", d(2024, 9, 3)),
            ("Sept 3 2020", d(2020, 9, 3)),
            ("21February 2009", d(2009, 2, 21)),
            ("1st March 2021", d(2021, 3, 1)),
            ("Updated 3 hours ago", None),
            ("May 2025", None),
            ("May", None),
            ("2025-02-30", None),
            ("February 30, 2019", None),
            ("Mayday 2, 2019", None),
            ("March 5, 99999999999", None),
            ("yesterday", None),
            ("", None),
        ];
        for (s, want) in cases {
            assert_eq!(parse_written_date(s), want, "{s:?}");
        }
    }

    #[test]
    fn month_names_and_abbreviations() {
        for (word, month) in [
            ("January", Some(1)),
            ("MAY", Some(5)),
            ("may.", Some(5)),
            ("Oct", Some(10)),
            ("Oct.", Some(10)),
            ("Sept", Some(9)),
            ("sept.", Some(9)),
            ("Dec", Some(12)),
            ("Ju", None),
            ("Janu", None),
            ("Octob", None),
            ("Mon", None),
            ("", None),
            ("Oct..", None),
        ] {
            assert_eq!(month_number(word), month, "{word}");
        }
        assert_eq!(month_of_name("oct"), None);
        assert_eq!(month_of_abbreviation("October"), None);
    }

    #[test]
    fn parses_iso_forms() {
        let d = Date::new(2025, 12, 22);
        for s in [
            "2025-12-22",
            "2025-12-22T09:00:00-05:00",
            " 20251222 ",
            "2025-12-22 09:00",
        ] {
            assert_eq!(Date::parse_iso(s), d, "{s}");
        }
        for s in ["2025-13-01", "2025-02-30", "December 22", "", "2025-12-223"] {
            assert_eq!(Date::parse_iso(s), None, "{s}");
        }
    }

    #[test]
    fn day_arithmetic_round_trips() {
        for z in [-800_000i64, -1, 0, 1, 19_000, 20_444, 2_000_000] {
            assert_eq!(Date::from_days(z).to_days(), z);
        }
        assert_eq!(Date::new(1970, 1, 1).unwrap().to_days(), 0);
        assert_eq!(
            Date::new(2024, 2, 28).unwrap().add_days(1),
            Date::new(2024, 2, 29).unwrap()
        );
        assert_eq!(Date::new(2025, 12, 22).unwrap().weekday(), 0); // a Monday
    }

    #[test]
    fn month_week_and_holiday_arithmetic() {
        let d = |y, m, day| Date::new(y, m, day).unwrap();
        assert_eq!(d(2025, 1, 31).add_months(1), d(2025, 2, 28));
        assert_eq!(d(2024, 3, 31).add_months(-1), d(2024, 2, 29));
        assert_eq!(d(2025, 1, 15).add_months(-13), d(2023, 12, 15));
        assert_eq!(d(2025, 12, 24).week_start(), d(2025, 12, 22));
        assert_eq!(d(2025, 12, 21).week_start(), d(2025, 12, 15));
        // Thanksgiving 2025: fourth Thursday of November.
        assert_eq!(Date::nth_weekday(2025, 11, 3, 4), Some(d(2025, 11, 27)));
        assert_eq!(Date::nth_weekday(2025, 2, 0, 5), None);
        // Memorial Day 2025: last Monday of May.
        assert_eq!(Date::last_weekday(2025, 5, 0), d(2025, 5, 26));
        for (year, month, day) in [(2024, 3, 31), (2025, 4, 20), (2019, 4, 21), (2000, 4, 23)] {
            assert_eq!(Date::easter(year), d(year, month, day));
        }
        assert_eq!(d(2025, 12, 20).days_until(d(2025, 12, 22)), 2);
    }
}
