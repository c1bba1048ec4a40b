//! Publication dates as pages write them in metadata. The parsing itself is
//! [`crate::calendar::parse_written_date`]; this module keeps the names the
//! extractor uses.

use crate::calendar::{month_number, Date};

/// The publication date a page's metadata gives; see
/// [`crate::calendar::parse_written_date`], the one date parser.
pub fn parse_date(s: &str) -> Option<Date> {
    crate::calendar::parse_written_date(s)
}

/// The date a news site writes into an article's address, as a last resort
/// when the page states none: three path segments `/2015/03/18/`, or a
/// segment that starts with `2015-03-18`. Only whole, valid dates count: a
/// year and month alone (`/2015/03/`) say too little to resolve "Tuesday".
pub fn date_in_url(url: &str) -> Option<Date> {
    let path = url.split(['?', '#']).next()?;
    let path = path.split_once("://").map_or(path, |(_, rest)| rest);
    let segments: Vec<&str> = path.split('/').skip(1).collect();
    let number = |s: &str, digits: std::ops::RangeInclusive<usize>| {
        (digits.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<u32>().ok())
            .flatten()
    };
    let plausible = |year: u32| (URL_YEARS).contains(&year);
    let from_parts =
        |y: u32, m: u32, d: u32| plausible(y).then(|| Date::new(y as i32, m, d)).flatten();
    segments
        .windows(3)
        .find_map(|w| {
            from_parts(
                number(w[0], 4..=4)?,
                number(w[1], 1..=2)?,
                number(w[2], 1..=2)?,
            )
        })
        .or_else(|| {
            segments.iter().find_map(|s| {
                let head = s.get(..10)?;
                let mut parts = head.split('-');
                let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
                let after = s[10..].chars().next();
                if after.is_some_and(|c| c.is_ascii_alphanumeric()) {
                    return None;
                }
                from_parts(number(y, 4..=4)?, number(m, 2..=2)?, number(d, 2..=2)?)
            })
        })
}

/// Years an article's address may date it to: the web's, not a product
/// number or an ID that happens to have four digits.
const URL_YEARS: std::ops::RangeInclusive<u32> = 1994..=2100;

/// "March", "Mar", "Mar.": an English month name or its abbreviation.
pub fn is_month_name(word: &str) -> bool {
    month_number(word.trim_end_matches(['.', ','])).is_some()
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

    // Regression (wapo-2): the page states no date, its address does, and
    // "Tuesday's parliamentary elections" stayed unresolved.
    #[test]
    fn a_news_address_dates_the_article_when_the_page_does_not() {
        let cases = [
            ("https://www.washingtonpost.com/business/economy/netanyahu-win/2015/03/18/ca175d64-cd76_story.html", Some((2015, 3, 18))),
            ("https://example.com/2024/1/5/story", Some((2024, 1, 5))),
            ("https://example.com/news/2023-11-02-council-vote?utm=x", Some((2023, 11, 2))),
            ("https://example.com/news/2023-11-02", Some((2023, 11, 2))),
            ("https://example.com/2015/03/", None),
            ("https://example.com/2015/02/30/x", None),
            ("https://example.com/products/1200/12/31/", None),
            ("https://example.com/id/2023-11-0212", None),
            ("https://example.com/story?date=2015/03/18", None),
            ("https://2015/03/18", None),
            ("", None),
        ];
        for (url, expected) in cases {
            let expected = expected.and_then(|(y, m, d)| Date::new(y, m, d));
            assert_eq!(date_in_url(url), expected, "{url:?}");
        }
    }
}
