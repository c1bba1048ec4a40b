//! Sentence boundaries for news English.
//!
//! A boundary is a `.`, `!` or `?` (plus any closing quotes and brackets)
//! followed by whitespace and a plausible sentence start, unless the period
//! ends a known abbreviation or an initial. A line break always ends a
//! sentence. The attribution after a quote stays with it:
//! `"We won," he said.` is one sentence because `,"` is not a terminator.

use super::tokens::normalize_char;
use crate::spans::ByteSpan;

/// Abbreviations after which a period does not end a sentence (lower-case, no period).
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gov", "sen", "rep", "gen", "col", "lt", "sgt", "capt",
    "cmdr", "adm", "maj", "st", "jr", "sr", "rev", "hon", "pres", "supt", "atty", "jan", "feb",
    "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no", "nos", "vs",
    "etc", "inc", "corp", "co", "ltd", "dept", "univ", "est", "approx", "fig", "vol", "pp", "ft",
    "mt", "ave", "blvd", "e.g", "i.e", "u.s", "u.k", "u.n", "a.m", "p.m", "d.c",
];

/// Splits the paragraph `within` of `text` into sentence spans, trimmed.
pub fn split(text: &str, within: ByteSpan) -> Vec<ByteSpan> {
    let para = within.of(text);
    let mut out = Vec::new();
    let mut start = 0usize;
    let chars: Vec<(usize, char)> = para.char_indices().collect();
    let mut k = 0;
    while k < chars.len() {
        let (i, c) = chars[k];
        if c == '\n' {
            push_trimmed(&mut out, para, within.start, start, i);
            start = i + 1;
            k += 1;
            continue;
        }
        if !matches!(c, '.' | '!' | '?' | '…') {
            k += 1;
            continue;
        }
        // Swallow repeated terminators and closing quotes/brackets.
        let mut j = k + 1;
        while j < chars.len() && (matches!(chars[j].1, '.' | '!' | '?') || is_closer(chars[j].1)) {
            j += 1;
        }
        let end = chars.get(j).map_or(para.len(), |&(p, _)| p);
        let followed_by_space = j >= chars.len() || chars[j].1.is_whitespace();
        if !followed_by_space {
            k = j;
            continue;
        }
        let next_start = chars[j..]
            .iter()
            .find(|(_, ch)| !ch.is_whitespace())
            .map(|&(_, ch)| ch);
        let starts_sentence =
            next_start.is_none_or(|ch| ch.is_uppercase() || ch.is_ascii_digit() || is_opener(ch));
        if c == '.' && (is_abbreviation(para, i) || !starts_sentence) {
            k = j;
            continue;
        }
        if !starts_sentence {
            k = j;
            continue;
        }
        push_trimmed(&mut out, para, within.start, start, end);
        start = end;
        k = j;
    }
    push_trimmed(&mut out, para, within.start, start, para.len());
    out
}

fn push_trimmed(out: &mut Vec<ByteSpan>, para: &str, base: usize, start: usize, end: usize) {
    let piece = &para[start..end];
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    if lead + trail < piece.len() {
        out.push(ByteSpan::new(base + start + lead, base + end - trail));
    }
}

fn is_closer(c: char) -> bool {
    matches!(normalize_char(c), '"' | '\'' | ')' | ']' | '}')
}

fn is_opener(c: char) -> bool {
    matches!(normalize_char(c), '"' | '\'' | '(' | '[')
}

/// True when the period at byte `dot` ends an abbreviation or an initial.
fn is_abbreviation(para: &str, dot: usize) -> bool {
    let before = &para[..dot];
    let word_start = before
        .rfind(|c: char| c.is_whitespace() || matches!(normalize_char(c), '"' | '(' | '\''))
        .map_or(0, |p| {
            p + before[p..].chars().next().map_or(1, char::len_utf8)
        });
    let word = &before[word_start..];
    if word.is_empty() {
        return false;
    }
    // A single capital letter is an initial ("John F. Kennedy").
    let mut cs = word.chars();
    if let (Some(first), None) = (cs.next(), cs.next()) {
        return first.is_uppercase();
    }
    let lower = word.to_lowercase();
    ABBREVIATIONS.contains(&lower.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        split(text, ByteSpan::new(0, text.len()))
            .iter()
            .map(|s| s.of(text))
            .collect()
    }

    #[test]
    fn table_of_hard_cases() {
        let cases: &[(&str, &[&str])] = &[
            (
                "Mr. Smith went to Washington. He left.",
                &["Mr. Smith went to Washington.", "He left."],
            ),
            (
                "It cost $2.5 billion. Sales fell 3.2%.",
                &["It cost $2.5 billion.", "Sales fell 3.2%."],
            ),
            (
                "\"We won,\" he said. Then he left.",
                &["\"We won,\" he said.", "Then he left."],
            ),
            ("“It works.” She nodded.", &["“It works.”", "She nodded."]),
            (
                "The U.S. Senate voted. Sen. Warren objected.",
                &["The U.S. Senate voted.", "Sen. Warren objected."],
            ),
            ("John F. Kennedy spoke.", &["John F. Kennedy spoke."]),
            (
                "A heading\nThe body starts here",
                &["A heading", "The body starts here"],
            ),
            ("Wait... what? Yes!", &["Wait... what?", "Yes!"]),
            ("No final period", &["No final period"]),
        ];
        for (text, expected) in cases {
            assert_eq!(sentences(text), *expected, "{text}");
        }
    }
}
