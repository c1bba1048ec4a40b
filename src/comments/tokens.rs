//! Splits a comment into the words the other passes compare: lower-cased,
//! apostrophes unified, with byte spans into the comment's own text.
//!
//! Text the commenter is quoting is left out, so a reply that quotes an
//! earlier comment does not look like a copy of it: passages in double
//! quotation marks (“…”, "…", «…»), lines starting with `>`, and any span the
//! caller marks as excluded (a `<blockquote>`, the author and date line).

use super::hashing::{finish_bytes, hash_bytes, step_byte, BYTES_START};
use super::lexicon;
use super::sequences::AsUnit;
use crate::spans::ByteSpan;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word {
    pub span: ByteSpan,
    /// Hash of the normalised word.
    pub key: u64,
    /// Hash of the normalised word without a possessive `'s`, so "Kushner's"
    /// and "Kushner" count as the same name.
    pub stem: u64,
    /// Not a function word, and has a letter: "tell", "questions", "F-16".
    pub content: bool,
    /// The word's role in a template skeleton, if it is structural.
    pub anchor: Option<&'static str>,
    pub capitalized: bool,
    /// Dropped from the start / end of a displayed phrase (see the lexicon).
    pub leading_edge: bool,
    pub trailing_edge: bool,
    /// A sentence (or line, or quoted passage) ended just before this word:
    /// phrases never run across it.
    pub break_before: bool,
    /// A comma, semicolon or dash sits just before this word.
    pub comma_before: bool,
}

/// The words of `text` outside `excluded` (sorted by start)
/// and outside quoted passages.
impl AsUnit for Word {
    fn key(&self) -> u64 {
        self.key
    }
    fn break_before(&self) -> bool {
        self.break_before
    }
}

pub fn words(text: &str, excluded: &[ByteSpan]) -> Vec<Word> {
    let mut out = Vec::with_capacity(text.len() / 6);
    let mut normal = String::new();
    let mut quoted = false;
    let mut line_quoted = false;
    let mut at_line_start = true;
    let mut pending_break = true;
    let mut pending_comma = false;
    let mut next_excluded = 0;
    let mut i = 0;
    let bytes = text.as_bytes();
    while i < bytes.len() {
        let c = if bytes[i] < 0x80 {
            char::from(bytes[i])
        } else {
            let Some(c) = text[i..].chars().next() else {
                break;
            };
            c
        };
        let width = c.len_utf8();
        while excluded.get(next_excluded).is_some_and(|s| s.end <= i) {
            next_excluded += 1;
        }
        if let Some(span) = excluded.get(next_excluded).filter(|s| s.start <= i) {
            pending_break = true;
            i = ceil_char_boundary(text, span.end.max(i + width));
            continue;
        }
        if c.is_alphanumeric() {
            let end = word_end(text, i);
            at_line_start = false;
            if !quoted && !line_quoted {
                out.push(make_word(
                    text,
                    ByteSpan::new(i, end),
                    &mut normal,
                    pending_break,
                    pending_comma,
                ));
                pending_break = false;
                pending_comma = false;
            }
            i = end;
            continue;
        }
        match c {
            '\n' => {
                quoted = false;
                line_quoted = false;
                at_line_start = true;
                pending_break = true;
            }
            '>' if at_line_start => {
                line_quoted = true;
                pending_break = true;
            }
            '“' | '„' | '«' => {
                quoted = true;
                pending_break = true;
            }
            '”' | '»' => {
                quoted = false;
                pending_break = true;
            }
            '"' => {
                quoted = !quoted;
                pending_break = true;
            }
            '.' | '!' | '?' | '…' | ':' => pending_break = true,
            ',' | ';' | '—' | '–' | '(' | ')' => pending_comma = true,
            _ => {}
        }
        if !c.is_whitespace() {
            at_line_start = false;
        }
        i += width;
    }
    out
}

fn ceil_char_boundary(text: &str, mut i: usize) -> usize {
    if i >= text.len() {
        return text.len();
    }
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// End of the word starting at `start`: letters and digits, joined by an
/// apostrophe or hyphen between letters/digits, or `.`/`,` between digits
/// ("he'll", "high-level", "2.0", "1,200").
fn word_end(text: &str, start: usize) -> usize {
    // Fast path: a plain ASCII word followed by a byte that cannot join.
    let bytes = text.as_bytes();
    let mut k = start;
    while k < bytes.len() && bytes[k].is_ascii_alphanumeric() {
        k += 1;
    }
    if k > start
        && !bytes
            .get(k)
            .is_some_and(|&b| matches!(b, b'\'' | b'-' | b'.' | b',') || b >= 0x80)
    {
        return k;
    }
    let mut end = start;
    let mut chars = text[start..].char_indices().peekable();
    let mut prev: Option<char> = None;
    while let Some((offset, c)) = chars.next() {
        if c.is_alphanumeric() {
            end = start + offset + c.len_utf8();
            prev = Some(c);
            continue;
        }
        let next = chars.peek().map(|&(_, n)| n);
        let joins = match (prev, next) {
            (Some(p), Some(n)) if n.is_alphanumeric() => match c {
                '\'' | '’' | '-' => true,
                '.' | ',' => p.is_ascii_digit() && n.is_ascii_digit(),
                _ => false,
            },
            _ => false,
        };
        if !joins {
            break;
        }
        prev = Some(c);
    }
    end
}

fn make_word(text: &str, span: ByteSpan, normal: &mut String, brk: bool, comma: bool) -> Word {
    let raw = span.of(text);
    let (key, stem, has_letter) = if raw.is_ascii() {
        // Hash while lower-casing, no copy: the common case.
        let bytes = raw.as_bytes();
        let possessive = bytes.len() > 2 && (bytes.ends_with(b"'s") || bytes.ends_with(b"'S"));
        let mut h = BYTES_START;
        let mut stem = None;
        let mut has_letter = false;
        for (k, &b) in bytes.iter().enumerate() {
            if possessive && k == bytes.len() - 2 {
                stem = Some(finish_bytes(h));
            }
            has_letter |= b.is_ascii_alphabetic();
            h = step_byte(h, b.to_ascii_lowercase());
        }
        let key = finish_bytes(h);
        (key, stem.unwrap_or(key), has_letter)
    } else {
        normal.clear();
        for c in raw.chars() {
            match c {
                '’' | '‘' => normal.push('\''),
                _ => normal.extend(c.to_lowercase()),
            }
        }
        let key = hash_bytes(normal.as_bytes());
        let stem = normal
            .strip_suffix("'s")
            .map_or(key, |s| hash_bytes(s.as_bytes()));
        (key, stem, raw.chars().any(char::is_alphabetic))
    };
    let entry = lexicon::lookup(key);
    Word {
        span,
        key,
        stem,
        content: !entry.function && has_letter,
        anchor: entry.anchor,
        capitalized: raw.chars().next().is_some_and(char::is_uppercase),
        leading_edge: entry.leading_edge,
        trailing_edge: entry.trailing_edge,
        break_before: brk,
        comma_before: comma,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts<'a>(text: &'a str, excluded: &[ByteSpan]) -> Vec<&'a str> {
        let ws = words(text, excluded);
        ws.iter().map(|w| w.span.of(text)).collect()
    }

    #[test]
    fn words_keep_contractions_compounds_and_numbers() {
        let t = "He’ll need to prove it: high-level talks, Trump 2.0, 1,200 jobs... U.S. role";
        assert_eq!(
            texts(t, &[]),
            [
                "He’ll",
                "need",
                "to",
                "prove",
                "it",
                "high-level",
                "talks",
                "Trump",
                "2.0",
                "1,200",
                "jobs",
                "U",
                "S",
                "role"
            ]
        );
        let ws = words(t, &[]);
        // Curly and straight apostrophes are the same word.
        assert_eq!(ws[0].key, words("he'll", &[])[0].key);
        assert!(ws[0].anchor.is_some() && !ws[0].content);
        assert!(ws[1].content && !ws[8].content);
        assert!(ws[5].break_before && ws[7].comma_before && !ws[7].break_before);
        assert!(ws[7].capitalized);
    }

    #[test]
    fn quoted_passages_and_excluded_spans_are_left_out() {
        let t =
            "You said “time will tell” but no.\n> his business background\nAgreed \"really\" ok";
        assert_eq!(texts(t, &[]), ["You", "said", "but", "no", "Agreed", "ok"]);
        let ws = words(t, &[]);
        assert!(ws[2].break_before, "a quoted passage breaks the phrase");
        let t = "Marta R. 10:14 Great point";
        let excluded = [ByteSpan::new(0, 14)];
        assert_eq!(texts(t, &excluded), ["Great", "point"]);
    }

    #[test]
    fn unbalanced_quote_ends_at_the_line() {
        let t = "He said \"nothing\nnew here";
        assert_eq!(texts(t, &[]), ["He", "said", "new", "here"]);
    }

    #[test]
    fn possessive_shares_the_stem() {
        let ws = words("Kushner's role; Kushner", &[]);
        assert_eq!(ws[0].stem, ws[2].key);
        assert_ne!(ws[0].key, ws[2].key);
        // The ASCII fast path and the general path agree.
        let curly = words("Kushner’s KUSHNER ’s", &[]);
        assert_eq!(curly[0].key, ws[0].key);
        assert_eq!(curly[0].stem, ws[2].key);
        assert_eq!(curly[1].key, ws[2].key);
        assert_eq!(words("Ünïcödé", &[])[0].key, words("ünïcödé", &[])[0].key);
    }

    #[test]
    fn hostile_text_does_not_panic() {
        for t in [
            "",
            "'",
            "-",
            "a-",
            "'a",
            "1.",
            ".1",
            "😀😀",
            "e\u{301}x",
            "\u{202e}abc",
            "\"",
            "“”",
            ">",
        ] {
            let _ = words(t, &[ByteSpan::new(0, t.len())]);
            let ws = words(t, &[]);
            for w in ws {
                assert!(t.is_char_boundary(w.span.start) && t.is_char_boundary(w.span.end));
            }
        }
    }
}
