//! What follows a terminator: citation marks and footnote numbers to step
//! over, the next word (does it start a sentence?), and an attribution
//! after a closing quote that keeps the quote's sentence whole.

use super::abbreviations::{abbreviation, word_before, Abbrev, TITLES};
use super::is_opener;
use super::lists::is_bullet;
use crate::segment::tokens::{is_space, normalize_char};

/// Length of a citation mark ("[17]", " [6]"), an editorial ellipsis
/// ("[...]") or an emoticon right after byte `at`, or 0.
pub(super) fn citation_after(s: &str, at: usize, end: usize) -> usize {
    let rest = &s[at..end];
    let trimmed = rest.trim_start_matches(' ');
    let lead = rest.len() - trimmed.len();
    // An editorial ellipsis or an emoticon after the terminator stays with
    // the sentence it closes ("for all! [...] What", "family !!!! :-) http").
    for mark in [
        "[...]", "[…]", "(...)", ":-)", ":)", ";-)", ";)", ":-(", ":(",
    ] {
        if let Some(after) = trimmed.strip_prefix(mark) {
            if after.is_empty() || after.starts_with(is_space) {
                return lead + mark.len();
            }
        }
    }
    let b = trimmed.as_bytes();
    if b.first() != Some(&b'[') {
        return 0;
    }
    let digits = b[1..].iter().take_while(|c| c.is_ascii_digit()).count();
    if (1..=3).contains(&digits) && b.get(1 + digits) == Some(&b']') {
        lead + digits + 2
    } else {
        0
    }
}

/// Length of a textbook's footnote number after the sentence's period
/// ("… minority rights. 4 Even though"): a bare number before a capitalised
/// word, after an ordinary word ("No. 10 Downing St." is an address). A
/// number that starts a sentence is followed by its noun ("2019. 12 people
/// died", "3 TO 4 DAYS").
pub(super) fn footnote_after(s: &str, start: usize, dot: usize, at: usize, end: usize) -> usize {
    let rest = &s[at..end];
    let trimmed = rest.trim_start_matches(' ');
    let b = trimmed.as_bytes();
    let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
    let shape = (1..=2).contains(&digits)
        && b.get(digits) == Some(&b' ')
        && b.get(digits + 1).is_some_and(u8::is_ascii_uppercase)
        && b.get(digits + 2).is_some_and(u8::is_ascii_lowercase);
    // "Statistics New Zealand. 23 October 2018": a date, not a footnote.
    let month = shape && {
        let next = trimmed
            .get(digits + 1..)
            .unwrap_or("")
            .split(|c: char| !c.is_ascii_alphabetic())
            .next()
            .unwrap_or("");
        next.len() >= 3
            && crate::calendar::MONTH_NAMES
                .iter()
                .any(|m| m.len() >= next.len() && m[..next.len()].eq_ignore_ascii_case(next))
    };
    let word = word_before(s, start, dot);
    if shape
        && !month
        && s[dot..].starts_with('.')
        && abbreviation(word) == Abbrev::No
        && word.chars().any(char::is_alphabetic)
    {
        rest.len() - trimmed.len() + digits
    } else {
        0
    }
}

/// "he asked", "she wondered", "thought I": a pronoun and a speech verb
/// after a question or an exclamation.
pub(super) fn pronoun_speech(s: &str, from: usize, end: usize) -> bool {
    let mut words = s[from..end].split_whitespace();
    let first = words.next().unwrap_or("");
    let second = words
        .next()
        .unwrap_or("")
        .trim_end_matches(|c: char| !c.is_alphanumeric());
    let speech = |w: &str| is_speech_verb(w) || matches!(w, "thought" | "cried");
    let pronoun = |w: &str| matches!(w, "he" | "she" | "they" | "i" | "I" | "we" | "you" | "it");
    // "he asked", and the literary "thought I".
    (pronoun(first) && speech(second)) || (speech(first) && pronoun(second))
}

/// The start of what follows a terminator.
pub(super) struct NextWord {
    /// Byte offset of the first character after whitespace.
    pub(super) start: usize,
    /// The first letter is lower case (and the word is not "iPhone"-like).
    pub(super) lower_start: bool,
    pub(super) digit: bool,
    /// The word itself, after any opening quotes or brackets.
    word: (usize, usize),
}

impl NextWord {
    pub(super) fn at(s: &str, from: usize, end: usize) -> NextWord {
        let mut i = from;
        while i < end {
            match s[i..].chars().next() {
                Some(c) if is_space(c) => i += c.len_utf8(),
                _ => break,
            }
        }
        let start = i;
        // Skip openers, dashes and bullets to the first significant character.
        while i < end {
            match s[i..].chars().next() {
                Some(c)
                    if is_opener(c) || is_bullet(c) || matches!(normalize_char(c), '-' | '*') =>
                {
                    i += c.len_utf8()
                }
                _ => break,
            }
        }
        let word_start = i;
        let word_end = s[i..end]
            .char_indices()
            .find(|&(_, c)| !(c.is_alphanumeric() || c == '.' || normalize_char(c) == '\''))
            .map_or(end, |(p, _)| i + p);
        let mut chars = s[word_start..word_end].chars();
        let first = chars.next();
        let second = chars.next();
        let lower_start =
            first.is_some_and(char::is_lowercase) && !second.is_some_and(char::is_uppercase);
        NextWord {
            start,
            lower_start,
            digit: first.is_some_and(|c| c.is_ascii_digit()),
            word: (word_start, word_end),
        }
    }

    /// The next word is one that typically starts a sentence.
    pub(super) fn is_starter(&self, s: &str) -> bool {
        let word = &s[self.word.0..self.word.1];
        let word = word.trim_end_matches('.');
        if word.is_empty() {
            // A quote, symbol or bracket opening the next sentence.
            return true;
        }
        let base = word.split(['\'', '’']).next().unwrap_or(word);
        STARTERS.contains(&base) || TITLES.contains(&base)
    }
}

/// Capitalised words that commonly start a sentence and rarely continue a
/// name after an abbreviation.
const STARTERS: &[&str] = &[
    "A",
    "An",
    "The",
    "This",
    "That",
    "These",
    "Those",
    "There",
    "Here",
    "It",
    "Its",
    "He",
    "She",
    "They",
    "We",
    "I",
    "You",
    "His",
    "Her",
    "Their",
    "Our",
    "My",
    "Your",
    "Him",
    "Them",
    "But",
    "And",
    "Or",
    "So",
    "Yet",
    "Nor",
    "If",
    "When",
    "While",
    "Where",
    "Why",
    "How",
    "What",
    "Who",
    "Which",
    "Whose",
    "Whether",
    "After",
    "Before",
    "Since",
    "Until",
    "Although",
    "Though",
    "Because",
    "As",
    "At",
    "In",
    "On",
    "By",
    "With",
    "From",
    "To",
    "Of",
    "Into",
    "During",
    "Despite",
    "Under",
    "Over",
    "Among",
    "Between",
    "Through",
    "Without",
    "Within",
    "About",
    "Against",
    "For",
    "However",
    "Meanwhile",
    "Still",
    "Now",
    "Then",
    "Thus",
    "Therefore",
    "Also",
    "Instead",
    "Indeed",
    "Moreover",
    "Furthermore",
    "Nevertheless",
    "Nonetheless",
    "Yes",
    "No",
    "Not",
    "Only",
    "Even",
    "Just",
    "Some",
    "Many",
    "Most",
    "All",
    "Each",
    "Every",
    "Both",
    "Few",
    "Several",
    "Such",
    "Other",
    "Another",
    "Any",
    "Much",
    "More",
    "Today",
    "Yesterday",
    "Tomorrow",
    "Last",
    "Next",
    "According",
    "Is",
    "Are",
    "Was",
    "Were",
    "Do",
    "Does",
    "Did",
    "Can",
    "Could",
    "Will",
    "Would",
    "Should",
    "Shall",
    "Might",
    "Must",
    "Has",
    "Have",
    "Had",
    "Let",
    "Please",
    "Once",
    "Later",
    "Earlier",
    "Finally",
    "First",
    "Second",
    "Third",
    "Officials",
    "Critics",
];

/// `"Why?" Trump asked.`: a capitalised name (up to four words) and a
/// speech verb ending the sentence (or followed by an adverbial) after a
/// closing quote keep the quote and its attribution together.
pub(super) fn attribution_follows(s: &str, from: usize, end: usize) -> bool {
    let mut words = s[from..end]
        .split(|c: char| is_space(c))
        .filter(|w| !w.is_empty());
    for _ in 0..5 {
        let Some(w) = words.next() else {
            return false;
        };
        let bare = w.trim_end_matches(|c: char| !c.is_alphanumeric());
        if is_speech_verb(bare) {
            if bare.len() < w.len() {
                // "Trump said." / "Trump said," / "said:"; but `He added,
                // “...”` opens the next quotation, a sentence of its own.
                let opens_quote = w[bare.len()..].starts_with([',', ':'])
                    && words.next().is_some_and(|n| n.starts_with(['“', '"']));
                return !opens_quote;
            }
            return match words.next() {
                None => true,
                Some(n) => {
                    let n = n.trim_end_matches(|c: char| !c.is_alphanumeric());
                    matches!(bare, "told" | "asked" | "tells" | "asks")
                        || FOLLOWERS.contains(&n)
                        || n.ends_with("day")
                }
            };
        }
        let capitalised = w.chars().next().is_some_and(char::is_uppercase);
        if !capitalised {
            return false;
        }
    }
    false
}

/// A lower-case speech verb ("said", "told"): the attribution lexicon's.
fn is_speech_verb(w: &str) -> bool {
    w.starts_with(|c: char| c.is_ascii_lowercase())
        && crate::attribute::lexicon::has(crate::attribute::lexicon::bits::CUE_VERBS, w)
}

const FOLLOWERS: &[&str] = &[
    "on",
    "in",
    "at",
    "to",
    "after",
    "during",
    "later",
    "earlier",
    "yesterday",
    "today",
    "recently",
    "last",
    "this",
    "when",
    "while",
    "as",
    "before",
    "of",
    "in",
    "afterward",
    "afterwards",
    "then",
    "again",
    "privately",
    "publicly",
];

/// "world.Today" or "1,000.That": a period glued to a following capitalised
/// word, outside web addresses and e-mail addresses.
pub(super) fn glued_boundary(s: &str, dot: usize, end: usize) -> bool {
    let before = s[..dot].chars().next_back();
    if !before.is_some_and(|c| c.is_lowercase() || c.is_ascii_digit()) {
        return false;
    }
    let mut after = s[dot + 1..end].chars();
    let (Some(a), Some(b)) = (after.next(), after.next()) else {
        return false;
    };
    if !(a.is_uppercase() && b.is_lowercase()) {
        return false;
    }
    // The whole non-space chunk around the period.
    // Bounded both ways: a hostile run of "aa.Bb" must not be quadratic.
    let mut floor = dot.saturating_sub(64);
    while !s.is_char_boundary(floor) {
        floor += 1;
    }
    let mut ceiling = end.min(dot + 64);
    while !s.is_char_boundary(ceiling) {
        ceiling -= 1;
    }
    let chunk_start = s[floor..dot]
        .char_indices()
        .rev()
        .find(|&(_, c)| is_space(c))
        .map_or(floor, |(p, c)| floor + p + c.len_utf8());
    let chunk_end = s[dot..ceiling]
        .char_indices()
        .find(|&(_, c)| is_space(c))
        .map_or(ceiling, |(p, _)| dot + p);
    let chunk = &s[chunk_start..chunk_end];
    let left = &s[chunk_start..dot];
    let right: String = s[dot + 1..chunk_end]
        .chars()
        .take_while(|c| c.is_alphabetic())
        .collect();
    let domain = [
        "com", "org", "net", "gov", "edu", "co", "uk", "io", "info", "biz",
    ]
    .iter()
    .any(|d| d.eq_ignore_ascii_case(&right));
    if domain {
        return false;
    }
    !(chunk.contains('@') || chunk.contains("://") || chunk.contains("www."))
        && left.chars().filter(|c| c.is_alphanumeric()).count() >= 2
        && !left.contains('.')
}
