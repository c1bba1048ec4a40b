//! Tokens with byte offsets into the original text. Normalised forms
//! (curly quotes, dashes, NBSP) are compared through [`normalize_char`], so
//! the text itself, and every offset into it, is never rewritten.

use crate::spans::ByteSpan;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters, with inner apostrophes, hyphens and periods ("U.S.", "son-in-law").
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
}

/// Maps typographic variants to their ASCII form for comparison.
pub fn normalize_char(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{2032}' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '«' | '»' => '"',
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}'
        | '\u{2212}' => '-',
        '\u{a0}' | '\u{2007}' | '\u{202f}' | '\u{2009}' | '\u{200a}' => ' ',
        other => other,
    }
}

pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(text.len() / 5);
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if c.is_whitespace() || normalize_char(c) == ' ' {
            continue;
        }
        let kind = if c.is_ascii_digit() {
            TokenKind::Number
        } else if c.is_alphabetic() {
            TokenKind::Word
        } else {
            tokens.push(Token {
                span: ByteSpan::new(start, start + c.len_utf8()),
                kind: TokenKind::Punct,
            });
            continue;
        };
        let mut end = start + c.len_utf8();
        while let Some(&(i, d)) = chars.peek() {
            let continues = match kind {
                TokenKind::Number => d.is_ascii_digit(),
                _ => d.is_alphanumeric(),
            };
            if continues {
                end = i + d.len_utf8();
                chars.next();
                continue;
            }
            // Inner joiners: "2,000" "1.5" "U.S." "don't" "son-in-law".
            let joiner = normalize_char(d);
            let next_ok = text[i + d.len_utf8()..]
                .chars()
                .next()
                .is_some_and(|n| match kind {
                    TokenKind::Number => n.is_ascii_digit() && matches!(joiner, ',' | '.'),
                    _ => n.is_alphabetic() && matches!(joiner, '\'' | '-' | '.'),
                });
            if next_ok {
                end = i + d.len_utf8();
                chars.next();
                continue;
            }
            // A word like "U.S." keeps its final period when it is an initialism.
            if kind == TokenKind::Word && d == '.' && text[start..end].contains('.') {
                end = i + 1;
                chars.next();
            }
            break;
        }
        tokens.push(Token {
            span: ByteSpan::new(start, end),
            kind,
        });
    }
    tokens
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| t.text(text)).collect()
    }

    #[test]
    fn tokens_keep_inner_joiners() {
        assert_eq!(
            texts("The U.S. paid $2,000.50 to Trump’s son-in-law."),
            vec![
                "The",
                "U.S.",
                "paid",
                "$",
                "2,000.50",
                "to",
                "Trump’s",
                "son-in-law",
                "."
            ]
        );
    }

    #[test]
    fn normalisation_never_moves_offsets() {
        let text = "“Quote”\u{a0}—\u{a0}done";
        for t in tokenize(text) {
            assert!(text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end));
        }
        assert_eq!(texts(text), vec!["“", "Quote", "”", "—", "done"]);
    }
}
