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
