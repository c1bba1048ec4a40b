//! Lists in a paragraph: the marker opening a line ("1.", "b)", "•") and
//! the later markers of the same list, each of which starts a sentence.

use crate::segment::tokens::is_space;

pub(super) fn is_bullet(c: char) -> bool {
    matches!(
        c,
        '•' | '◦'
            | '▪'
            | '▫'
            | '‣'
            | '⁃'
            | '●'
            | '○'
            | '■'
            | '□'
            | '◆'
            | '►'
            | '▸'
            | '✓'
            | '✔'
            | '·'
    )
}

/// A list marker at the start of `s`: an optional bullet, then an optional
/// enumerator ("1.", "2)", "3.)", "a.", "(b)"). Returns its byte length,
/// bullet and enumerator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Marker {
    len: usize,
    bullet: Option<char>,
    /// (kind: b'1' numbers, b'a' lower letters, b'A' upper letters; value; style).
    number: Option<(u8, u32, Style)>,
    /// Byte range of the enumerator's punctuation, which is never a terminator.
    punct: Option<(usize, usize)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Style {
    Dot,
    Paren,
    DotParen,
    Enclosed,
}

pub(super) fn list_marker(s: &str) -> Option<Marker> {
    let mut i = 0;
    let mut bullet = None;
    let first = s.chars().next()?;
    let dash_bullet =
        matches!(first, '-' | '*' | '–' | '—' | '+') && s[first.len_utf8()..].starts_with(' ');
    if is_bullet(first) || dash_bullet {
        bullet = Some(first);
        i += first.len_utf8();
    }
    let after_bullet = i;
    while s[i..].starts_with(' ') {
        i += 1;
    }
    let rest = &s[i..];
    let number = enumerator(rest);
    match number {
        Some((len, kind, value, style, punct)) => {
            // The enumerator must be followed by a space (or end the text).
            let after = &rest[len..];
            if !(after.is_empty() || after.starts_with(is_space)) {
                return bullet.map(|b| Marker {
                    len: after_bullet,
                    bullet: Some(b),
                    number: None,
                    punct: None,
                });
            }
            Some(Marker {
                len: i + len,
                bullet,
                number: Some((kind, value, style)),
                punct: Some((i + punct.0, i + punct.1)),
            })
        }
        None => bullet.map(|b| Marker {
            len: after_bullet,
            bullet: Some(b),
            number: None,
            punct: None,
        }),
    }
}

/// "12." / "12)" / "12.)" / "(12)" / "a." / "b)" at the start of `s`:
/// (length, kind, value, style, punctuation range within the enumerator).
type Enumerator = (usize, u8, u32, Style, (usize, usize));

fn enumerator(s: &str) -> Option<Enumerator> {
    let b = s.as_bytes();
    let enclosed = b.first() == Some(&b'(');
    let at = usize::from(enclosed);
    let digits = b[at..].iter().take_while(|c| c.is_ascii_digit()).count();
    let (kind, value, body) = if (1..=3).contains(&digits) {
        let v: u32 = s[at..at + digits].parse().ok()?;
        (b'1', v, digits)
    } else if digits == 0 && b.get(at).is_some_and(u8::is_ascii_alphabetic) {
        let c = b[at];
        let kind = if c.is_ascii_lowercase() { b'a' } else { b'A' };
        (kind, u32::from(c.to_ascii_lowercase() - b'a') + 1, 1)
    } else {
        return None;
    };
    let p = at + body;
    if enclosed {
        return (b.get(p) == Some(&b')')).then_some((
            p + 1,
            kind,
            value,
            Style::Enclosed,
            (p, p + 1),
        ));
    }
    match (b.get(p), b.get(p + 1)) {
        (Some(b'.'), Some(b')')) => Some((p + 2, kind, value, Style::DotParen, (p, p + 2))),
        (Some(b'.'), _) => Some((p + 1, kind, value, Style::Dot, (p, p + 1))),
        (Some(b')'), _) => Some((p + 1, kind, value, Style::Paren, (p, p + 1))),
        _ => None,
    }
}

/// List structure of the line `[start, end)`: forced boundaries before each
/// later marker, marker punctuation ranges (never terminators), and whether
/// the line starts with a marker.
#[inline(never)] // kept out of its caller: docs/BENCHMARKS.md, "large functions"
pub(super) fn list_items(
    s: &str,
    start: usize,
    end: usize,
) -> (Vec<usize>, Vec<(usize, usize)>, bool) {
    let line = &s[start..end];
    let lead = line.len() - line.trim_start_matches(is_space).len();
    let Some(first) = list_marker(&line[lead..]) else {
        return (inline_list(s, start, end), Vec::new(), false);
    };
    let mut forced = Vec::new();
    let mut ignored = Vec::new();
    if let Some((a, b)) = first.punct {
        ignored.push((start + lead + a, start + lead + b));
    }
    // Later markers of the same list, each after whitespace.
    let mut expect = first
        .number
        .map(|(kind, value, style)| (kind, value + 1, style));
    let mut i = start + lead + first.len;
    let mut later = 0;
    while i < end {
        let Some(c) = s[i..].chars().next() else {
            break;
        };
        let prev_space = s[..i].chars().next_back().is_some_and(is_space);
        if prev_space {
            if let Some(m) = list_marker(&s[i..end]) {
                let same_bullet = first.bullet.is_some() && m.bullet == first.bullet;
                let next_number = first.bullet.is_none()
                    && m.bullet.is_none()
                    && expect
                        .is_some_and(|(kind, value, style)| m.number == Some((kind, value, style)));
                if same_bullet || next_number {
                    forced.push(i);
                    if let Some((a, b)) = m.punct {
                        ignored.push((i + a, i + b));
                    }
                    if let Some((kind, value, style)) = m.number {
                        expect = Some((kind, value + 1, style));
                    }
                    later += 1;
                    i += m.len.max(1);
                    continue;
                }
            }
        }
        i += c.len_utf8();
    }
    // A lone letter marker is too often an initial ("A. Smith said").
    if first.bullet.is_none() && later == 0 && first.number.is_some_and(|(kind, _, _)| kind != b'1')
    {
        return (Vec::new(), Vec::new(), false);
    }
    (forced, ignored, true)
}

/// A numbered list run into a line of text ("for four nights 1) what island
/// … 2) I would like …"): the start of each marker, when the markers count
/// up from 1 and each follows a word, not punctuation.
fn inline_list(s: &str, start: usize, end: usize) -> Vec<usize> {
    let mut at = Vec::new();
    let mut expect = 1u32;
    let b = s.as_bytes();
    for (off, _) in s[start..end].match_indices(") ") {
        let close = start + off;
        let digits = b[..close]
            .iter()
            .rev()
            .take_while(|c| c.is_ascii_digit())
            .count();
        let marker = close - digits;
        if !(1..=2).contains(&digits)
            || marker < start + 2
            || b[marker - 1] != b' '
            || !b[marker - 2].is_ascii_alphanumeric()
        {
            continue;
        }
        if s[marker..close].parse::<u32>().ok() == Some(expect) {
            at.push(marker);
            expect += 1;
        }
    }
    if at.len() < 2 {
        at.clear();
    }
    at
}
