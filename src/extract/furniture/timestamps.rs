//! Widget and timestamp lines: share buttons, "Posted by", and a short line
//! of dates and times with a word like "published" or "updated".

use crate::calendar::{month_of_abbreviation, month_of_name};

/// Words that make a short line with a date a timestamp line ("CNNMoney
/// (New York) First published February 1, 2016: 1:28 AM ET").
const PUBLICATION_WORDS: &[&str] = &["published", "updated", "posted", "modified"];

/// At most this many other words (a dateline's place, a source) may stand
/// in a timestamp line.
const MAX_TIMESTAMP_OTHER_WORDS: usize = 4;

const MAX_TIMESTAMP_WORDS: usize = 16;

/// Words that, with dates and times, make up widgets and timestamp lines
/// ("Share Tweet Email", "PUBLISHED: 10:48, Tue, Nov 19, 2019", "Posted
/// by"), lower-case. A block of these words only is furniture.
const WIDGET_WORDS: &[&str] = &[
    "share",
    "shares",
    "shared",
    "tweet",
    "email",
    "print",
    "facebook",
    "twitter",
    "whatsapp",
    "linkedin",
    "reddit",
    "pinterest",
    "telegram",
    "messenger",
    "flipboard",
    "url",
    "short",
    "get",
    "save",
    "saved",
    "gift",
    "comments",
    "comment",
    "reprints",
    "published",
    "updated",
    "posted",
    "modified",
    "last",
    "on",
    "at",
    "by",
    "in",
    "ago",
    "just",
    "now",
    "today",
    "yesterday",
    "a.m",
    "p.m",
    "second",
    "seconds",
    "minute",
    "minutes",
    "min",
    "mins",
    "hour",
    "hours",
    "hr",
    "hrs",
    "day",
    "days",
    "week",
    "weeks",
    "am",
    "pm",
    "a",
    "m",
    "p",
    "gmt",
    "bst",
    "utc",
    "et",
    "est",
    "edt",
    "ct",
    "cst",
    "cdt",
    "pt",
    "pst",
    "pdt",
    "cet",
    "cest",
    "msk",
    "advertisement",
    "advertising",
    "sponsored",
    "ad",
    "loading",
    "related",
    "read",
    "more",
    "listen",
    "follow",
    "close",
    "caption",
    "photo",
    "toggle",
    "expand",
    "enlarge",
    "st",
    "nd",
    "rd",
    "th",
    "and",
    "of",
    "subscribe",
    "sign",
    "up",
    "log",
    "register",
];

/// A short line giving when the story was published or updated, with a
/// few other words (a source, a dateline's place); the caller makes sure
/// it does not end as a sentence:
/// "cnnmoney (new york) first published february 1, 2016: 1:28 am et".
pub(super) fn is_timestamp_line(text: &str) -> bool {
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '|' | '(' | ')' | '•' | '·'))
        .map(|w| w.trim_matches(|c: char| matches!(c, ':' | '.' | ';')))
        .filter(|w| !w.is_empty())
        .collect();
    let published = words.iter().any(|w| PUBLICATION_WORDS.contains(w));
    let dated = words.iter().any(|w| {
        month_of_name(w).is_some()
            || month_of_abbreviation(w).is_some()
            || (is_numeric_date_or_time(w) && !w.chars().all(|c| c.is_ascii_digit()))
    });
    let others = words.iter().filter(|w| !is_widget_or_time_word(w)).count();
    published && dated && words.len() <= MAX_TIMESTAMP_WORDS && others <= MAX_TIMESTAMP_OTHER_WORDS
}

pub(super) fn is_widget_or_time_word(w: &str) -> bool {
    WIDGET_WORDS.contains(&w)
        || month_of_name(w).is_some()
        || month_of_abbreviation(w).is_some()
        || is_weekday(w)
        || is_numeric_date_or_time(w)
}

fn is_weekday(w: &str) -> bool {
    crate::calendar::WEEKDAY_NAMES
        .iter()
        .any(|d| *d == w || (w.len() >= 3 && d.starts_with(w) && w.len() <= 4))
}

/// "2019", "10:48", "18.11.2019", "2019-11-19", "19th", "5h"; not "225.86".
fn is_numeric_date_or_time(w: &str) -> bool {
    let w = w
        .strip_suffix("th")
        .or_else(|| w.strip_suffix("st"))
        .or_else(|| w.strip_suffix("nd"))
        .or_else(|| w.strip_suffix("rd"))
        .or_else(|| w.strip_suffix('h'))
        .or_else(|| w.strip_suffix('m'))
        .or_else(|| w.strip_suffix('d'))
        .unwrap_or(w);
    // A time has a colon and a date two separators; "225.86" is a figure.
    let separators = w.chars().filter(|c| matches!(c, '.' | '-')).count();
    !w.is_empty()
        && w.chars().next().is_some_and(|c| c.is_ascii_digit())
        && w.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ':' | '.' | '-'))
        && (w.contains(':') || separators == 0 || separators == 2)
}
