//! Pairs quotation marks into quoted spans: straight and curly, double and
//! single, nested, across sentences, and across paragraphs by the news
//! convention (an unclosed quote continues when the next paragraph opens
//! with a quotation mark). Also tells titles and scare quotes from speech.

use crate::spans::ByteSpan;

/// One quoted stretch of text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quoted {
    /// From the opening mark to just after the closing mark (or to the
    /// paragraph end when the quote is not closed in its paragraph).
    pub outer: ByteSpan,
    /// The words inside the marks.
    pub inner: ByteSpan,
    /// 0 for a top-level quote, 1 for a quote inside a quote, and so on.
    pub depth: u8,
    pub closed: bool,
    /// Left open at the paragraph end, and the next paragraph opens a quote:
    /// the same quotation goes on there.
    pub continues: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Open,
    Close,
    /// A straight mark between two non-spaces: closes if a quote is open.
    Either,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Mark {
    at: usize,
    len: usize,
    double: bool,
    role: Role,
    /// Straight marks toggle; curly ones nest.
    straight: bool,
}

/// Quoted spans of `text` in the given paragraphs, ordered by start.
pub fn find(text: &str, paragraphs: &[ByteSpan]) -> Vec<Quoted> {
    let mut out = Vec::new();
    for (k, para) in paragraphs.iter().enumerate() {
        let next_opens = paragraphs
            .get(k + 1)
            .is_some_and(|p| opens_with_quote(text, *p));
        pair_in_paragraph(text, *para, next_opens, &mut out);
    }
    crate::sort::sort_by_key(&mut out, |q| {
        (q.outer.start, std::cmp::Reverse(q.outer.end))
    });
    out
}

fn opens_with_quote(text: &str, para: ByteSpan) -> bool {
    // Only the paragraph's first character matters: read just that far.
    let first = text
        .get(para.start..para.end)
        .and_then(|p| p.chars().next())
        .map_or(0, char::len_utf8);
    let head = ByteSpan::new(para.start, (para.start + first + 1).min(para.end));
    let head = if text.is_char_boundary(head.end) {
        head
    } else {
        ByteSpan::new(para.start, para.start + first)
    };
    marks(text, head)
        .next()
        .is_some_and(|m| m.at == para.start && m.double && m.role != Role::Close)
}

fn pair_in_paragraph(text: &str, para: ByteSpan, next_opens: bool, out: &mut Vec<Quoted>) {
    // Open marks: (mark, depth).
    let mut stack: Vec<Mark> = Vec::new();
    for m in marks(text, para) {
        let innermost_double = stack.iter().rposition(|o| o.double);
        if m.double {
            let closes = match m.role {
                Role::Close => innermost_double.is_some(),
                Role::Either => innermost_double.is_some(),
                // A straight opener while a straight quote is open closes it:
                // straight marks cannot nest.
                Role::Open => innermost_double.is_some_and(|i| stack[i].straight && m.straight),
            };
            if closes {
                if let Some(i) = innermost_double {
                    // Singles left open inside were apostrophes.
                    stack.truncate(i + 1);
                    if let Some(open) = stack.pop() {
                        out.push(quoted(open, m.at, m.at + m.len, stack.len(), true));
                    }
                }
            } else if m.role != Role::Close {
                stack.push(m);
            }
        } else {
            let innermost_single = stack.iter().rposition(|o| !o.double);
            let single_is_top = innermost_single.is_some_and(|i| i + 1 == stack.len());
            match m.role {
                Role::Close | Role::Either if single_is_top => {
                    if let Some(open) = stack.pop() {
                        out.push(quoted(open, m.at, m.at + m.len, stack.len(), true));
                    }
                }
                // A straight single only opens inside a double quote; out of
                // one it is far more often an apostrophe ('90s, rock 'n' roll).
                Role::Open if !m.straight || innermost_double.is_some() => stack.push(m),
                _ => {}
            }
        }
    }
    // Quotes left open run to the paragraph end. A top-level one continues
    // into the next paragraph when that paragraph opens with a mark.
    for (depth, open) in stack.iter().enumerate() {
        if !open.double {
            continue;
        }
        let mut q = quoted(*open, para.end, para.end, depth, false);
        q.continues = depth == 0 && next_opens;
        // A stray mark with (almost) nothing after it is not a quote.
        if q.inner.len() > 1 {
            out.push(q);
        }
    }
}

fn quoted(open: Mark, close_at: usize, close_end: usize, depth: usize, closed: bool) -> Quoted {
    Quoted {
        outer: ByteSpan::new(open.at, close_end),
        inner: ByteSpan::new(open.at + open.len, close_at),
        depth: depth.min(u8::MAX as usize) as u8,
        closed,
        continues: false,
    }
}

/// Bytes that can start a quotation mark: `"`, `'`, `` ` ``, and the lead
/// bytes of curly marks (U+2018..U+201F) and guillemets.
const CANDIDATE: [bool; 256] = {
    let mut t = [false; 256];
    t[b'"' as usize] = true;
    t[b'\'' as usize] = true;
    t[b'`' as usize] = true;
    t[0xE2] = true;
    t[0xC2] = true;
    t
};

/// The quotation marks in `para`, with their role read from context.
/// Scans bytes: only `"`, `'`, `` ` `` and the lead bytes of curly marks and
/// guillemets (0xE2, 0xC2) are looked at closely.
fn marks(text: &str, para: ByteSpan) -> impl Iterator<Item = Mark> + '_ {
    let s = para.of(text);
    let bytes = s.as_bytes();
    let mut i = 0usize;
    std::iter::from_fn(move || {
        while i < bytes.len() {
            if !CANDIDATE[usize::from(bytes[i])] {
                i += 1;
                continue;
            }
            let Some(c) = s.get(i..).and_then(|r| r.chars().next()) else {
                i += 1;
                continue;
            };
            let at = i;
            let before = s[..at].chars().next_back();
            let next = s[at + c.len_utf8()..].chars().next();
            let mark = match c {
                '\u{201C}' | '\u{201E}' | '\u{201F}' | '«' => Some((true, false, Role::Open, 1)),
                '\u{201D}' | '»' => Some((true, false, Role::Close, 1)),
                '"' => Some((true, true, straight_role(before, next), 1)),
                '\u{2018}' => Some((false, false, Role::Open, 1)),
                '\u{2019}' if is_apostrophe(before, next) => None,
                '\u{2019}' => Some((false, false, Role::Close, 1)),
                // Two apostrophes are a double quotation mark (NYT style).
                '\'' if next == Some('\'') => {
                    let after = s[at + 2..].chars().next();
                    Some((true, true, straight_role(before, after), 2))
                }
                '`' if next == Some('`') => Some((true, true, Role::Open, 2)),
                '\'' if is_apostrophe(before, next) => None,
                '\'' => Some((false, true, straight_role(before, next), 1)),
                _ => None,
            };
            let Some((double, straight, role, chars_len)) = mark else {
                i += c.len_utf8();
                continue;
            };
            let len = c.len_utf8() * chars_len;
            i += len;
            // Curly marks used the wrong way round are read from context.
            let role = if straight {
                role
            } else {
                match straight_role(before, s[at + len..].chars().next()) {
                    Role::Either => role,
                    r => r,
                }
            };
            return Some(Mark {
                at: para.start + at,
                len,
                double,
                role,
                straight,
            });
        }
        None
    })
}

/// A mark after a space or an opening bracket opens; one before a space or
/// punctuation closes.
fn straight_role(before: Option<char>, after: Option<char>) -> Role {
    let opens_after =
        |c: char| c.is_whitespace() || matches!(c, '(' | '[' | '{' | '—' | '–' | '-' | '/');
    let closes_before = |c: char| {
        c.is_whitespace() || matches!(c, ',' | '.' | ';' | ':' | '!' | '?' | ')' | ']' | '—' | '–')
    };
    match (before, after) {
        (None, _) => Role::Open,
        (Some(b), _) if opens_after(b) => Role::Open,
        (_, None) => Role::Close,
        (_, Some(a)) if closes_before(a) => Role::Close,
        _ => Role::Either,
    }
}

/// "don’t", "Trump’s", "’90s", "Democrats’ plan": an apostrophe, not a mark.
fn is_apostrophe(before: Option<char>, after: Option<char>) -> bool {
    let letter = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    (letter(before) && letter(after))
        || (after.is_some_and(|c| c.is_ascii_digit()) && !letter(before))
}

/// A quoted title of a show, book or work, or a quoted term: Title Case,
/// short, and either after a possessive ("CBS’ “60 Minutes”") or not read as
/// speech by anyone.
pub fn looks_like_title(text: &str, q: &Quoted) -> bool {
    let Some(words) = title_case_words(text, q) else {
        return false;
    };
    let before = text[..q.outer.start].trim_end();
    let after_possessive =
        before.ends_with("’s") || before.ends_with("'s") || before.ends_with(['’', '\'']);
    let lead_in = before
        .rsplit(|c: char| c.is_whitespace())
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    after_possessive
        || matches!(
            lead_in.as_str(),
            "on" | "in"
                | "titled"
                | "entitled"
                | "film"
                | "show"
                | "book"
                | "program"
                | "programme"
                | "song"
                | "series"
                | "column"
                | "the"
                | "a"
                | "its"
                | "his"
                | "her"
                | "their"
        )
        || words.len() <= 3
}

/// The words of a quotation set in Title Case, short, with no question or
/// exclamation at its end: the shape of a name of a work ("Until Dawn: Rush
/// of Blood", "Madden NFL 17"); `None` for any other quotation.
pub fn title_case_words<'t>(text: &'t str, q: &Quoted) -> Option<Vec<&'t str>> {
    let inner = q
        .inner
        .of(text)
        .trim_matches(|c: char| matches!(c, ',' | '.' | ' '));
    let words: Vec<&str> = inner.split_whitespace().collect();
    if words.is_empty() || words.len() > 8 {
        return None;
    }
    let small = [
        "a", "an", "and", "at", "for", "in", "of", "on", "the", "to", "with", "&",
    ];
    let title_case = words.iter().enumerate().all(|(i, w)| {
        w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
            || (i > 0 && small.contains(w))
    });
    (title_case && !inner.ends_with(['!', '?'])).then_some(words)
}

/// A scare quote or quoted term: a word or two, lower case, not sentence
/// punctuation inside, sitting in the middle of the writer's own clause.
pub fn looks_like_scare_quote(text: &str, q: &Quoted) -> bool {
    // American style puts the sentence's period inside the mark ("the “deal.”").
    let inner = q.inner.of(text).trim().trim_end_matches([',', '.']);
    let words = inner.split_whitespace().count();
    words <= 2 && !inner.ends_with(['!', '?']) && !inner.is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inner(text: &str) -> Vec<(&str, u8)> {
        let paras = paragraphs(text);
        find(text, &paras)
            .iter()
            .map(|q| (q.inner.of(text), q.depth))
            .collect()
    }

    fn paragraphs(text: &str) -> Vec<ByteSpan> {
        let mut out = Vec::new();
        let mut start = 0;
        for piece in text.split("\n\n") {
            out.push(ByteSpan::new(start, start + piece.len()));
            start += piece.len() + 2;
        }
        out
    }

    #[test]
    fn table_of_quote_pairings() {
        let cases: &[(&str, &[(&str, u8)])] = &[
            ("He said “yes.” Then left.", &[("yes.", 0)]),
            (
                "\"We won,\" he said, \"and we will again.\"",
                &[("We won,", 0), ("and we will again.", 0)],
            ),
            (
                "“It isn’t ‘fake,’ it’s real,” she said.",
                &[("It isn’t ‘fake,’ it’s real,", 0), ("fake,", 1)],
            ),
            (
                "\"He told me 'go home' and left,\" she said.",
                &[("He told me 'go home' and left,", 0), ("go home", 1)],
            ),
            (
                "''This isn't tax reform,'' said Mr. Holtz-Eakin.",
                &[("This isn't tax reform,", 0)],
            ),
            ("Trump’s and the Democrats’ plans, in the ’90s.", &[]),
            ("“One. Two. Three,” he said.", &[("One. Two. Three,", 0)]),
            ("A lone \" mark.", &[(" mark.", 0)]),
        ];
        for (text, expected) in cases {
            assert_eq!(inner(text), *expected, "{text}");
        }
    }

    #[test]
    fn quote_continues_into_next_paragraph() {
        let text = "“First part of it.\n\n“Second part,” he said.";
        let paras = paragraphs(text);
        let found = find(text, &paras);
        assert_eq!(found.len(), 2);
        assert!(found[0].continues && !found[0].closed);
        assert_eq!(found[0].inner.of(text), "First part of it.");
        assert_eq!(found[1].inner.of(text), "Second part,");
    }

    #[test]
    fn titles_and_scare_quotes_are_recognised() {
        let text = "In an interview with CBS’ “60 Minutes,” he called it a “hoax” and a “trusted family member and adviser.”";
        let paras = paragraphs(text);
        let found = find(text, &paras);
        assert!(looks_like_title(text, &found[0]));
        assert!(looks_like_scare_quote(text, &found[1]));
        assert!(!looks_like_title(text, &found[2]));
        assert!(!looks_like_scare_quote(text, &found[2]));
    }
}
