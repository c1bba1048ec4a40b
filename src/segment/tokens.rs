//! Tokens with byte offsets into the original text.
//!
//! Typographic variants (curly quotes, dashes, non-breaking spaces) are
//! compared through [`normalize_char`] and the per-token [`Normalized`] view;
//! the text itself, and every offset into it, is never rewritten.

use crate::spans::ByteSpan;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters and digits, with inner apostrophes and hyphens ("son-in-law",
    /// "Trump’s") and the periods of an initialism ("U.S.", "a.m.").
    Word,
    /// Digits with inner `,` or `.` ("2,000", "1.5").
    Number,
    Punct,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub span: ByteSpan,
    pub kind: TokenKind,
}

impl Token {
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        self.span.of(text)
    }

    /// A word whose first letter is upper case ("Kushner", "U.S.", "iPhone" is not).
    pub fn is_capitalised(&self, text: &str) -> bool {
        if self.kind != TokenKind::Word {
            return false;
        }
        match text.as_bytes().get(self.span.start) {
            Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
            _ => self
                .text(text)
                .chars()
                .next()
                .is_some_and(char::is_uppercase),
        }
    }

    /// True when this token ends exactly where `next` starts.
    pub fn touches(&self, next: &Token) -> bool {
        self.span.end == next.span.start
    }
}

/// Maps typographic variants to their ASCII form for comparison.
pub fn normalize_char(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{02BC}' | '`' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '«' | '»' => '"',
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}'
        | '\u{2212}' | '\u{FE63}' | '\u{FF0D}' => '-',
        '\u{a0}' | '\u{2007}' | '\u{202f}' | '\u{2009}' | '\u{200a}' | '\u{2002}' | '\u{2003}'
        | '\u{3000}' => ' ',
        '\u{2026}' => '.',
        other => other,
    }
}

/// Whitespace for segmentation purposes, including the non-breaking kinds.
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || normalize_char(c) == ' ' || c == '\u{200b}' || c == '\u{feff}'
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{02BC}')
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

/// Splits `text` into tokens. Whitespace is skipped; every other character
/// belongs to exactly one token.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(text.len() / 5 + 1);
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        // ASCII fast paths.
        if b.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let c = if b < 0x80 {
            b as char
        } else {
            match text[i..].chars().next() {
                Some(c) => c,
                None => break,
            }
        };
        if b >= 0x80 && is_space(c) {
            i += c.len_utf8();
            continue;
        }
        let (end, kind) = if c.is_ascii_digit() {
            (scan_number(bytes, i), TokenKind::Number)
        } else if c.is_alphabetic() {
            (scan_word(text, i), TokenKind::Word)
        } else {
            (i + c.len_utf8(), TokenKind::Punct)
        };
        tokens.push(Token {
            span: ByteSpan::new(i, end),
            kind,
        });
        i = end;
    }
    tokens
}

/// Digits with inner `,` or `.` followed by a digit.
fn scan_number(bytes: &[u8], start: usize) -> usize {
    let mut i = start;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_digit() {
            i += 1;
        } else if matches!(b, b',' | b'.') && bytes.get(i + 1).is_some_and(u8::is_ascii_digit) {
            i += 2;
        } else {
            break;
        }
    }
    i
}

/// Letters and digits, with inner apostrophes and hyphens, and the periods of
/// initialisms ("U.S.", "Ph.D.", "a.m.").
fn scan_word(text: &str, start: usize) -> usize {
    let mut end = start;
    // Length in chars of the current dot-free segment, for initialisms.
    let mut segment = 0usize;
    let mut has_dot = false;
    let mut chars = text[start..].char_indices().peekable();
    while let Some((off, c)) = chars.next() {
        let at = start + off;
        if c.is_alphanumeric() {
            end = at + c.len_utf8();
            segment += 1;
            continue;
        }
        if at == start {
            break;
        }
        let next = chars.peek().map(|&(_, n)| n);
        let joins = if is_apostrophe(c) || is_hyphen(c) {
            next.is_some_and(char::is_alphanumeric)
                && !(is_hyphen(c) && next.is_some_and(|n| n.is_ascii_digit()))
        } else if c == '.' {
            // "U.S", "Ph.D", "a.m": short segments joined by periods.
            segment <= 2 && next.is_some_and(char::is_alphabetic) && {
                let after = &text[at + 1..];
                let run: usize = after.chars().take_while(|ch| ch.is_alphabetic()).count();
                run <= 2
            }
        } else {
            false
        };
        if joins {
            has_dot |= c == '.';
            segment = 0;
            end = at + c.len_utf8();
            continue;
        }
        // An initialism keeps its final period: "U.S.", "a.m.".
        if c == '.' && has_dot && segment <= 2 {
            end = at + 1;
        }
        break;
    }
    end
}

/// Lower-cased, typographically normalised form of every token, stored in
/// one buffer so building it costs a single allocation.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Normalized {
    buf: String,
    ends: Vec<u32>,
}

impl Normalized {
    pub fn new(text: &str, tokens: &[Token]) -> Self {
        let mut buf = String::with_capacity(text.len() + 16);
        let mut ends = Vec::with_capacity(tokens.len());
        for t in tokens {
            let s = t.text(text);
            if s.is_ascii() {
                for b in s.bytes() {
                    buf.push(b.to_ascii_lowercase() as char);
                }
            } else {
                for c in s.chars() {
                    let n = normalize_char(c);
                    if n == '.' && c == '\u{2026}' {
                        buf.push_str("...");
                    } else {
                        buf.extend(n.to_lowercase());
                    }
                }
            }
            ends.push(buf.len() as u32);
        }
        Normalized { buf, ends }
    }

    /// The normalised form of token `k` ("trump's" for "Trump’s"); `""` out of range.
    pub fn get(&self, k: usize) -> &str {
        let Some(&end) = self.ends.get(k) else {
            return "";
        };
        let start = if k == 0 { 0 } else { self.ends[k - 1] };
        self.buf.get(start as usize..end as usize).unwrap_or("")
    }

    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| t.text(text)).collect()
    }

    #[test]
    fn table_of_tokenisations() {
        let cases: &[(&str, &[&str])] = &[
            (
                "The U.S. paid $2,000.50 to Trump’s son-in-law.",
                &[
                    "The",
                    "U.S.",
                    "paid",
                    "$",
                    "2,000.50",
                    "to",
                    "Trump’s",
                    "son-in-law",
                    ".",
                ],
            ),
            ("at 5 a.m. today", &["at", "5", "a.m.", "today"]),
            ("a Ph.D. student", &["a", "Ph.D.", "student"]),
            // A sentence end glued to the next sentence is not an initialism.
            ("Hello world.Today", &["Hello", "world", ".", "Today"]),
            ("€1.5bn", &["€", "1.5", "bn"]),
            ("F-16 jets", &["F", "-", "16", "jets"]),
            ("the 20-point plan", &["the", "20", "-", "point", "plan"]),
            ("CBS’ show", &["CBS", "’", "show"]),
            ("1,000.That", &["1,000", ".", "That"]),
            ("end.", &["end", "."]),
            ("Jr.'s book", &["Jr", ".", "'", "s", "book"]),
        ];
        for (text, expected) in cases {
            assert_eq!(texts(text), *expected, "{text}");
        }
    }

    #[test]
    fn normalisation_never_moves_offsets() {
        let text = "“Quote”\u{a0}—\u{a0}done…";
        for t in tokenize(text) {
            assert!(text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end));
        }
        assert_eq!(texts(text), vec!["“", "Quote", "”", "—", "done", "…"]);
        let tokens = tokenize(text);
        let norm = Normalized::new(text, &tokens);
        let forms: Vec<&str> = (0..norm.len()).map(|k| norm.get(k)).collect();
        assert_eq!(forms, vec!["\"", "quote", "\"", "-", "done", "..."]);
        assert_eq!(norm.get(99), "");
    }

    #[test]
    fn hostile_input_never_panics() {
        for text in [
            "", ".", "\u{feff}", "a.", "'", "-a", "a-", "U.", "9.", "\u{301}x", "...",
        ] {
            let tokens = tokenize(text);
            let norm = Normalized::new(text, &tokens);
            assert_eq!(norm.len(), tokens.len());
        }
    }
}
