//! Sentence ends with no terminator, as e-mail and web text write them: the
//! header of a quoted e-mail ("Sean Boyle 08/17/2000 11:21 AM I spoke …"),
//! a greeting or a closing on the line of its text ("Regards, Debra …"), a
//! rule of stars or underscores, the end of an attachment marker
//! ("<< File: a.doc >>"), an emoticon closing a remark (":-) Posted by").
//! Each rule reads only the words around one space, so the scan stays linear.

use super::gazetteer::{FEMALE_GIVEN_NAMES, MALE_GIVEN_NAMES};
use super::tokens::is_space;

/// Closings that stand as a sentence of their own before the signature.
const CLOSINGS: &[&str] = &[
    "all the best",
    "best",
    "best regards",
    "best wishes",
    "cheers",
    "kind regards",
    "kindest regards",
    "love",
    "many thanks",
    "regards",
    "respectfully",
    "sincerely",
    "thank you",
    "thanks",
    "thanks again",
    "warm regards",
    "warmest regards",
    "with thanks",
    "yours",
    "yours sincerely",
    "yours truly",
];

/// Words that open a greeting ("Dear All,", "Hi Tom,").
const GREETINGS: &[&str] = &["dear", "hello", "hey", "hi"];

const EMOTICONS: &[&str] = &[
    ":)", ":-)", ":(", ":-(", ":P", ":-P", ":D", ":-D", ";)", ";-)",
];

/// The bytes either side of a space (`last`, `next`) can start one of the
/// rules below: the splitter's per-space filter, kept to two byte tests
/// because it runs at every space of the page.
#[inline]
pub(super) fn candidate(last: u8, next: u8) -> bool {
    // Unusual spacing or letters: let the rules look.
    if matches!(last, b' ' | b'\t')
        || matches!(next, b' ' | b'\t')
        || !last.is_ascii()
        || !next.is_ascii()
    {
        return true;
    }
    // A stamp or a rule starts after the space; a stamp, a rule or a
    // delimiter ends before it.
    if next.is_ascii_digit()
        || matches!(next, b'*' | b'=' | b'_' | b'-')
        || matches!(last, b'M' | b'*' | b'=' | b'_' | b'-' | b'>')
    {
        return true;
    }
    // A salutation, an emoticon, a credit or a caption: only before a capital.
    (next.is_ascii_uppercase() || next == b'"')
        && (last.is_ascii_digit() || matches!(last, b',' | b')' | b'(' | b'P' | b'D'))
}

/// Whether the sentence begun at `start` ends at the space at byte `at`
/// (inside the line ending at `end`), though no terminator is there.
#[inline(never)] // kept out of its caller: docs/BENCHMARKS.md, "large functions"
pub(super) fn ends_at_space(s: &str, start: usize, at: usize, end: usize) -> bool {
    let before = s[start..at].trim_end_matches(is_space);
    let Some(&last) = before.as_bytes().last() else {
        return false;
    };
    let after = s[at..end].trim_start_matches(is_space);
    let Some(&next) = after.as_bytes().first() else {
        return false;
    };
    // Cheap filter: every rule needs one of these around the space.
    if !(matches!(
        last,
        b'M' | b',' | b')' | b'P' | b'D' | b'*' | b'=' | b'_' | b'-' | b'>' | b'('
    ) || last.is_ascii_digit()
        || next.is_ascii_digit()
        || matches!(next, b'*' | b'=' | b'_' | b'-'))
    {
        return false;
    }
    let next_word = after.split(is_space).next().unwrap_or("");
    let next_capital = next_word.chars().next().is_some_and(char::is_uppercase);
    let mut words = before.rsplit(is_space).filter(|w| !w.is_empty());
    let prev_word = words.next().unwrap_or("");
    let only_word = words.next().is_none();
    (next.is_ascii_digit() && stamp_starts(after) && header_name(prev_word))
        || (ends_stamp(before) && !zone(next_word))
        || (last == b',' && next_capital && salutation(before, next_word))
        || ((next_capital || next == b'"') && standalone_mark(before))
        || (EMOTICONS.contains(&prev_word) && next_capital && !only_word)
        || (rule(prev_word) && (!only_word || prev_word.len() >= 10))
        || (rule(next_word) && next_word.len() >= 10)
        || (prev_word == ">>" && before.contains("<<"))
}

/// A horizontal rule written in text: five or more of `*`, `=`, `_`, `-`
/// (a word may sit inside it: "****NOTICE****").
fn rule(word: &str) -> bool {
    word.bytes()
        .filter(|b| matches!(b, b'*' | b'=' | b'_' | b'-'))
        .count()
        >= 5
        && word
            .bytes()
            .all(|b| matches!(b, b'*' | b'=' | b'_' | b'-') || b.is_ascii_uppercase())
}

/// An e-mail client's time stamp starts `s`: "08/16/2000 12:05 PM".
fn stamp_starts(s: &str) -> bool {
    let mut words = s.split(is_space);
    let (Some(date), Some(time), Some(half)) = (words.next(), words.next(), words.next()) else {
        return false;
    };
    slash_date(date) && clock(time) && matches!(half, "AM" | "PM")
}

/// `before` ends with a time stamp ("… 08/16/2000 03:14:14 PM").
fn ends_stamp(before: &str) -> bool {
    let mut words = before.rsplit(is_space);
    let (Some(half), Some(time), Some(date)) = (words.next(), words.next(), words.next()) else {
        return false;
    };
    matches!(half, "AM" | "PM") && clock(time) && slash_date(date)
}

/// The word before a time stamp names the sender ("Kay Mann", "Rob
/// Bryngelson@AZURIX"); a lower-case word ("on", "at") leads into it.
fn header_name(word: &str) -> bool {
    word.contains('@')
        || (word.chars().next().is_some_and(char::is_uppercase)
            && word
                .chars()
                .all(|c| c.is_alphabetic() || c == '.' || c == '>'))
}

/// "PST", "GMT": a time zone after a stamp belongs to it.
fn zone(word: &str) -> bool {
    (2..=4).contains(&word.len()) && word.bytes().all(|b| b.is_ascii_uppercase())
}

/// "8/16/2000", "10/08/99".
fn slash_date(w: &str) -> bool {
    let parts: Vec<&str> = w.split('/').collect();
    parts.len() == 3
        && parts.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit()))
        && (1..=2).contains(&parts[0].len())
        && (1..=2).contains(&parts[1].len())
        && matches!(parts[2].len(), 2 | 4)
}

/// "12:05", "03:14:14".
fn clock(w: &str) -> bool {
    let parts: Vec<&str> = w.split(':').collect();
    (2..=3).contains(&parts.len())
        && parts.iter().enumerate().all(|(k, p)| {
            (if k == 0 { 1..=2 } else { 2..=2 }).contains(&p.len())
                && p.bytes().all(|b| b.is_ascii_digit())
        })
}

/// The sentence so far is only a caption's label ("Figure 1.5"), a
/// signature delimiter ("--", before "Posted by …") or a bracketed credit
/// ("(BBC)", "(New Scientist Space)").
fn standalone_mark(before: &str) -> bool {
    let b = before.trim_start_matches(is_space);
    let caption = b.split_once(' ').is_some_and(|(label, number)| {
        matches!(label, "Figure" | "Fig." | "Table" | "Chart" | "Map")
            && number.bytes().all(|c| c.is_ascii_digit() || c == b'.')
            && number.bytes().next().is_some_and(|c| c.is_ascii_digit())
    });
    caption
        || matches!(b, "--" | "---")
        || (b.starts_with('(')
            && b.ends_with(')')
            && b.len() <= 40
            && !b[1..b.len() - 1].contains(['(', ')'])
            // "(1)", "(a)" are list markers.
            && b.bytes().filter(u8::is_ascii_alphabetic).count() >= 2)
}

/// The sentence so far is only a closing ("Best regards,"), a greeting
/// ("Dear All,", "Hi,") or a given name ("Kathleen,") before its comma.
fn salutation(before: &str, next_word: &str) -> bool {
    let body = before.trim_end_matches(',').trim_start_matches(is_space);
    let lower = body.to_lowercase();
    if CLOSINGS.contains(&lower.as_str()) {
        return true;
    }
    let mut words = lower.split_whitespace();
    let first = words.next().unwrap_or("");
    let rest = words.count();
    if GREETINGS.contains(&first) && rest <= 3 {
        return true;
    }
    rest == 0 && given_name(body) && !given_name(next_word)
}

/// A capitalised common given name ("Kathleen"; "Steve, Rod and Elyse" is a
/// list of them, not a greeting).
fn given_name(word: &str) -> bool {
    let word = word.trim_end_matches(|c: char| !c.is_alphabetic());
    let lower = word.to_lowercase();
    word.chars().next().is_some_and(char::is_uppercase)
        && (MALE_GIVEN_NAMES.binary_search(&lower.as_str()).is_ok()
            || FEMALE_GIVEN_NAMES.binary_search(&lower.as_str()).is_ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ends(text: &str, at: &str) -> bool {
        let at = text.find(at).expect("marker in text");
        ends_at_space(text, 0, at, text.len())
    }

    /// (text, the space before this marker, whether a sentence ends there).
    type Case = (&'static str, &'static str, bool);

    fn check(cases: &[Case]) {
        for &(text, at, expected) in cases {
            assert_eq!(ends(text, at), expected, "{text:?} at {at:?}");
        }
    }

    #[test]
    fn email_header_stamps_stand_apart() {
        check(&[
            (
                "Sean Boyle 08/17/2000 11:21 AM I spoke to Bruce.",
                " 08/17",
                true,
            ),
            (
                "Sean Boyle 08/17/2000 11:21 AM I spoke to Bruce.",
                " I spoke",
                true,
            ),
            // "on" leads into the stamp, and a bare clock time is no stamp.
            ("Traci Warner on 08/16/2000 03:14:14 PM", " 08/16", false),
            ("2/26/2015 7:11 AM PST BY TMZ STAFF", " PST", false),
            ("Greg worked from 7 PM until 4 AM", " until", false),
        ]);
    }

    #[test]
    fn greetings_and_closings_end_at_their_comma() {
        check(&[
            ("Best regards, Debra Perlingiere", " Debra", true),
            ("Thanks, Sean", " Sean", true),
            ("Dear All, My name is Visit.", " My", true),
            ("Kathleen, You are correct.", " You", true),
            // An adverb or a clause before the comma is not a salutation.
            ("Now, I would argue.", " I", false),
            ("Thanks to you, Tom came.", " Tom", false),
            ("Regards, and more", " and", false),
            ("Steve, Rod and Elyse - Just wanted", " Rod", false),
        ]);
    }

    #[test]
    fn rules_markers_and_emoticons_close_a_line() {
        check(&[
            ("******NOTICE****** This transmittal", " This", true),
            (
                "Best regards. ______________________ John Staikos",
                " John",
                true,
            ),
            (
                "- TEXT.htm << File: TEXT.htm >> I was thinking",
                " I was",
                true,
            ),
            ("the Mozilla community :-) Posted by darin", " Posted", true),
            (":-) Posted by darin", " Posted", false),
            // A short rule opening a signature line stays with it.
            ("----== Posted via Newsfeed", " Posted", false),
            ("-- Posted by Hidden Nook", " Posted", true),
            ("(Jerusalem Post) \"We're not happy\"", " \"We", true),
            ("(Jerusalem Post) said", " said", false),
            ("(1) Think of a noun", " Think", false),
            ("Figure 1.5 Residents of Boxborough", " Residents", true),
            ("Figure 1.5 shows", " shows", false),
        ]);
    }
}
