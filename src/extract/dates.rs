//! Publication dates as pages write them in metadata. The parsing itself is
//! [`crate::calendar::parse_written_date`]; this module keeps the names the
//! extractor uses.

use crate::calendar::{month_number, Date};

/// The publication date a page's metadata gives; see
/// [`crate::calendar::parse_written_date`], the one date parser.
pub fn parse_date(s: &str) -> Option<Date> {
    crate::calendar::parse_written_date(s)
}

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
}
