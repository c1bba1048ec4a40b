//! Publication dates as pages write them in metadata: ISO 8601 first, then
//! `2025/12/22`, `December 22, 2025`, `22 Dec 2025` and RFC 2822
//! (`Mon, 22 Dec 2025 09:00:00 GMT`). The date part is taken as written;
//! time zones are not applied (see [`crate::calendar`]).

use crate::calendar::Date;

pub fn parse_date(s: &str) -> Option<Date> {
    let s = s.trim();
    Date::parse_iso(s)
        .or_else(|| parse_numeric(s))
        .or_else(|| parse_with_month_name(s))
}

/// `2025/12/22` or `2025.12.22` at the start.
fn parse_numeric(s: &str) -> Option<Date> {
    let mut parts = s
        .split(|c: char| !c.is_ascii_digit())
        .filter(|p| !p.is_empty());
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if y.len() != 4 || m.len() > 2 || d.len() > 2 {
        return None;
    }
    let sep = s.as_bytes().get(4).copied();
    if !matches!(sep, Some(b'/' | b'.')) {
        return None;
    }
    Date::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

/// "March", "Mar", "Mar.": an English month name or its abbreviation.
pub fn is_month_name(word: &str) -> bool {
    month_number(word.trim_end_matches(['.', ','])).is_some()
}

fn month_number(word: &str) -> Option<u32> {
    const MONTHS: [&str; 12] = [
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
    let w = word.to_ascii_lowercase();
    if w.len() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .position(|m| m.starts_with(w.as_str()))
        .map(|i| i as u32 + 1)
}

/// A month name with a day and a four-digit year around it, either order.
fn parse_with_month_name(s: &str) -> Option<Date> {
    let tokens: Vec<&str> = s
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|t| !t.is_empty())
        .collect();
    let month_at = tokens.iter().position(|t| month_number(t).is_some())?;
    let month = month_number(tokens[month_at])?;
    let number = |t: &str| -> Option<u32> {
        let digits = t.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        (!digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()))
            .then(|| digits.parse().ok())
            .flatten()
    };
    let year = tokens
        .iter()
        .filter(|t| t.len() == 4)
        .find_map(|t| number(t))?;
    // The day is next to the month: after it ("Dec 22") or before ("22 Dec").
    let day = tokens
        .get(month_at + 1)
        .and_then(|t| number(t))
        .filter(|&d| (1..=31).contains(&d))
        .or_else(|| {
            month_at
                .checked_sub(1)
                .and_then(|i| tokens.get(i))
                .and_then(|t| number(t))
                .filter(|&d| (1..=31).contains(&d))
        })?;
    Date::new(year as i32, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_formats_pages_use() {
        let cases = [
            ("2025-12-22T09:00:00-05:00", Some((2025, 12, 22))),
            ("2017-11-03 03:01:00.000000", Some((2017, 11, 3))),
            ("2025/12/22", Some((2025, 12, 22))),
            ("December 22, 2025", Some((2025, 12, 22))),
            ("Dec. 22, 2025 at 9:00 am", Some((2025, 12, 22))),
            ("22 December 2025", Some((2025, 12, 22))),
            ("Mon, 22 Dec 2025 09:00:00 GMT", Some((2025, 12, 22))),
            ("Sept 3rd 2024", Some((2024, 9, 3))),
            ("Updated 3 hours ago", None),
            ("May 2025", None),
            ("2025-02-30", None),
            ("", None),
        ];
        for (s, expected) in cases {
            let expected = expected.and_then(|(y, m, d)| Date::new(y, m, d));
            assert_eq!(parse_date(s), expected, "{s:?}");
        }
    }
}
