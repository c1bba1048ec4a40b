//! Time expressions, resolved against the article's published date to a
//! calendar interval. What cannot be resolved is reported unresolved.

use super::tokens::{Token, TokenKind};
use crate::calendar::Date;
use crate::spans::ByteSpan;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimeMention {
    pub span: ByteSpan,
    /// Inclusive interval, when it can be resolved.
    pub resolved: Option<(Date, Date)>,
}

const MONTHS: &[&str] = &[
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
const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

fn month_of(w: &str) -> Option<u32> {
    MONTHS.iter().position(|m| *m == w).map(|i| i as u32 + 1)
}

fn year_of(t: &Token, text: &str) -> Option<i32> {
    let s = t.text(text);
    (t.kind == TokenKind::Number && s.len() == 4)
        .then(|| s.parse::<i32>().ok())
        .flatten()
        .filter(|y| (1800..=2200).contains(y))
}

pub fn find(text: &str, tokens: &[Token], published: Option<Date>) -> Vec<TimeMention> {
    let lower: Vec<String> = tokens.iter().map(|t| t.text(text).to_lowercase()).collect();
    let mut out = Vec::new();
    let mut k = 0;
    while k < tokens.len() {
        let w = lower[k].as_str();
        let here = tokens[k].span;
        // "last year", "this year", "next year", "this weekend", "last week".
        if matches!(w, "last" | "this" | "next") && k + 1 < tokens.len() {
            let unit = lower[k + 1].as_str();
            if matches!(unit, "year" | "month" | "week" | "weekend") {
                let span = ByteSpan::new(here.start, tokens[k + 1].span.end);
                let offset = match w {
                    "last" => -1,
                    "next" => 1,
                    _ => 0,
                };
                let resolved = published.map(|p| relative(p, unit, offset));
                out.push(TimeMention { span, resolved });
                k += 2;
                continue;
            }
        }
        if let Some(month) = month_of(w) {
            // "May" as a modal verb: require a capital M and a plausible neighbour.
            let capital = tokens[k].text(text).starts_with(|c: char| c.is_uppercase());
            if !capital {
                k += 1;
                continue;
            }
            let mut end = here.end;
            let mut day = None;
            let mut year = None;
            let mut next = k + 1;
            if let Some(t) = tokens.get(next) {
                if t.kind == TokenKind::Number && t.text(text).len() <= 2 {
                    day = t.text(text).parse::<u32>().ok();
                    end = t.span.end;
                    next += 1;
                    if lower.get(next).map(String::as_str) == Some(",")
                        && tokens
                            .get(next + 1)
                            .and_then(|t| year_of(t, text))
                            .is_some()
                    {
                        next += 1;
                    }
                }
            }
            if let Some(y) = tokens.get(next).and_then(|t| year_of(t, text)) {
                year = Some(y);
                end = tokens[next].span.end;
                next += 1;
            }
            if w == "may" && day.is_none() && year.is_none() {
                k += 1;
                continue;
            }
            let resolved = resolve_month(month, day, year, published);
            out.push(TimeMention {
                span: ByteSpan::new(here.start, end),
                resolved,
            });
            k = next;
            continue;
        }
        if let Some(wd) = WEEKDAYS.iter().position(|d| *d == w) {
            // The most recent such weekday on or before publication: news reports the past.
            let resolved = published.map(|p| {
                let back = (p.weekday() as i64 - wd as i64).rem_euclid(7);
                let d = p.add_days(-back);
                (d, d)
            });
            out.push(TimeMention {
                span: here,
                resolved,
            });
            k += 1;
            continue;
        }
        if let Some(y) = year_of(&tokens[k], text) {
            out.push(TimeMention {
                span: here,
                resolved: Some((Date::first_of_month(y, 1), Date::last_of_month(y, 12))),
            });
        }
        k += 1;
    }
    out
}

fn relative(p: Date, unit: &str, offset: i64) -> (Date, Date) {
    match unit {
        "year" => {
            let y = p.year + offset as i32;
            (Date::first_of_month(y, 1), Date::last_of_month(y, 12))
        }
        "month" => {
            let m0 = p.year as i64 * 12 + (p.month as i64 - 1) + offset;
            let (y, m) = (m0.div_euclid(12) as i32, m0.rem_euclid(12) as u32 + 1);
            (Date::first_of_month(y, m), Date::last_of_month(y, m))
        }
        "week" => {
            let monday = p.add_days(-(p.weekday() as i64) + 7 * offset);
            (monday, monday.add_days(6))
        }
        _ => {
            // weekend: the Saturday and Sunday of the week in question; "this
            // weekend" in a Monday story is the one just past.
            let back = (p.weekday() as i64 + 2).rem_euclid(7);
            let saturday = if p.weekday() >= 5 {
                p.add_days(-(p.weekday() as i64 - 5))
            } else {
                p.add_days(-back)
            };
            let saturday = saturday.add_days(7 * offset);
            (saturday, saturday.add_days(1))
        }
    }
}

/// A month with optional day and year. Without a year, it is the most recent
/// such month not after publication.
fn resolve_month(
    month: u32,
    day: Option<u32>,
    year: Option<i32>,
    published: Option<Date>,
) -> Option<(Date, Date)> {
    let year = match (year, published) {
        (Some(y), _) => y,
        (None, Some(p)) => {
            if month <= p.month {
                p.year
            } else {
                p.year - 1
            }
        }
        (None, None) => return None,
    };
    match day {
        Some(d) => Date::new(year, month, d).map(|d| (d, d)),
        None => Some((
            Date::first_of_month(year, month),
            Date::last_of_month(year, month),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::tokens::tokenize;

    fn resolve(text: &str) -> Vec<(String, Option<String>)> {
        let published = Date::new(2025, 12, 22);
        find(text, &tokenize(text), published)
            .into_iter()
            .map(|t| {
                (
                    t.span.of(text).to_string(),
                    t.resolved.map(|(a, b)| format!("{a}..{b}")),
                )
            })
            .collect()
    }

    #[test]
    fn table_of_times_against_a_monday_2025_12_22() {
        let s = |a: &str, b: &str| (a.to_string(), Some(b.to_string()));
        assert_eq!(
            resolve("began in February 2022."),
            vec![s("February 2022", "2022-02-01..2022-02-28")]
        );
        assert_eq!(
            resolve("Last year, he"),
            vec![s("Last year", "2024-01-01..2024-12-31")]
        );
        assert_eq!(
            resolve("this weekend as"),
            vec![s("this weekend", "2025-12-20..2025-12-21")]
        );
        assert_eq!(
            resolve("session Saturday with"),
            vec![s("Saturday", "2025-12-20..2025-12-20")]
        );
        assert_eq!(
            resolve("said in October."),
            vec![s("October", "2025-10-01..2025-10-31")]
        );
        assert_eq!(resolve("You may go"), vec![]);
    }

    #[test]
    fn without_a_published_date_relative_times_stay_unresolved() {
        let text = "last year";
        let found = find(text, &tokenize(text), None);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].resolved, None);
    }
}
