//! Sentence boundaries for news English.
//!
//! A paragraph is first cut into lines (a line break ends a sentence unless
//! the text is hard-wrapped or the next line plainly continues the sentence),
//! then each line is scanned for terminators (`.`, `!`, `?`, `…`). A
//! terminator ends a sentence when it is followed by whitespace and a
//! plausible sentence start, and its left context does not veto it:
//!
//! - abbreviations come in kinds: titles never end a sentence before a name
//!   ("Sen. Warren"); number prefixes not before a number ("No. 5",
//!   "p. 55"); the rest ("Co.", "U.S.", "Jan.", initials) end a sentence only
//!   when the next word is one that typically starts one ("U.S. How ...",
//!   but "U.S. Government");
//! - closing quotes and brackets stay with their sentence, and the
//!   attribution after a quote does too: `"We won," he said.` has no
//!   terminator, and `"Why?" Trump asked.` is kept whole;
//! - ellipses follow the typographic conventions (three spaced dots continue
//!   a sentence, four end one);
//! - a parenthesis opened mid-sentence is not split;
//! - a paragraph that starts with a list marker ("1.", "a)", "•") is split
//!   before each following marker of the same list.

use super::tokens::{is_space, normalize_char};
use super::unpunctuated;
use crate::spans::ByteSpan;

/// What a sentence is, as far as its shape tells.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SentenceKind {
    #[default]
    Body,
    /// A short line with no terminal punctuation standing on its own
    /// ("Previous Research", a headline, a dateline).
    Heading,
    /// Starts with a list marker or bullet.
    ListItem,
}

impl SentenceKind {
    pub fn as_str(self) -> &'static str {
        match self {
            SentenceKind::Body => "body",
            SentenceKind::Heading => "heading",
            SentenceKind::ListItem => "list_item",
        }
    }
}

/// Facts about one sentence, parallel to `TextLayer::sentences`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct SentenceInfo {
    pub kind: SentenceKind,
    /// Index of the paragraph (as passed to `segment::analyse`) it belongs to.
    pub paragraph: usize,
    /// The sentence starts inside a double quotation opened by an earlier
    /// sentence of the same paragraph (a quote spanning sentences).
    pub starts_in_quote: bool,
    /// A double quotation is still open where the sentence ends.
    pub ends_in_quote: bool,
}

/// Splits the paragraph `within` of `text` into trimmed sentence spans.
pub fn split(text: &str, within: ByteSpan) -> Vec<ByteSpan> {
    let mut spans = Vec::new();
    let mut info = Vec::new();
    split_into(text, within, 0, &mut spans, &mut info);
    spans
}

/// Splits the paragraph `within` (index `paragraph`), appending to `spans`
/// and `info` (kept parallel).
pub fn split_into(
    text: &str,
    within: ByteSpan,
    paragraph: usize,
    spans: &mut Vec<ByteSpan>,
    info: &mut Vec<SentenceInfo>,
) {
    let Some(para) = text.get(within.start..within.end) else {
        return;
    };
    let mut splitter = Splitter {
        s: para,
        base: within.start,
        paragraph,
        in_quote: false,
        spans,
        info,
    };
    for (start, end) in lines(para) {
        splitter.segment(start, end);
    }
}

/// The pieces of a paragraph between hard line breaks.
fn lines(para: &str) -> Vec<(usize, usize)> {
    let mut raw: Vec<(usize, usize)> = Vec::new();
    let mut start = 0;
    for (i, c) in para.char_indices() {
        if matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}' | '\u{85}') {
            raw.push((start, i));
            start = i + c.len_utf8();
        }
    }
    raw.push((start, para.len()));
    raw.retain(|&(a, b)| !para[a..b].trim().is_empty());
    if raw.len() < 2 {
        return raw;
    }
    // Hard-wrapped prose: every line but the last is long, and the lines run on.
    let wrapped = raw[..raw.len() - 1]
        .iter()
        .all(|&(a, b)| para[a..b].trim().chars().count() >= 50)
        && raw[..raw.len() - 1]
            .iter()
            .any(|&(a, b)| !ends_sentence(para[a..b].trim_end()));
    let mut out: Vec<(usize, usize)> = Vec::with_capacity(raw.len());
    for (a, b) in raw {
        let line = &para[a..b];
        let joins = out.last().is_some_and(|&(pa, pb)| {
            // A blank line ends a paragraph, whatever the lines look like.
            let gap = &para[pb..a];
            if gap.matches('\n').count() + gap.matches('\r').count() / 2 >= 2
                || gap.contains(['\u{2029}'])
            {
                return false;
            }
            let prev = para[pa..pb].trim_end();
            let next = line.trim_start();
            if list_marker(next).is_some() || ends_sentence(prev) || prev.ends_with(':') {
                return false;
            }
            if wrapped {
                return true;
            }
            // An errant break inside a sentence: a longish line running on
            // into a lower-case word ("It was a cold\nnight in the city.").
            let starts_lower = next.chars().next().is_some_and(char::is_lowercase);
            starts_lower && prev.split_whitespace().count() >= 3
        });
        match out.last_mut() {
            Some(last) if joins => last.1 = b,
            _ => out.push((a, b)),
        }
    }
    out
}

/// The word before `at` is a web or e-mail address and the word after it
/// starts a sentence (a capital) or is another address.
fn address_ends_sentence(s: &str, from: usize, at: usize, end: usize) -> bool {
    let before = &s[from..at];
    let word = before.rsplit(is_space).next().unwrap_or("");
    let is_address = |w: &str| {
        let w = w.trim_end_matches(['>', ')', ']']);
        w.contains("://")
            || w.starts_with("www.")
            || (w.contains('@') && w.rsplit('@').next().is_some_and(|d| d.contains('.')))
    };
    // The address must not be the whole sentence's only word ("www.x.com Home").
    if !is_address(word) || word.len() == before.trim().len() && !before.contains(':') {
        return false;
    }
    let after = s[at..end].trim_start();
    let next = after.split(is_space).next().unwrap_or("");
    next.chars().next().is_some_and(char::is_uppercase) || is_address(next)
}

/// True when `s` ends with terminal punctuation, possibly inside closers.
fn ends_sentence(s: &str) -> bool {
    let trimmed = s.trim_end_matches(is_closer);
    trimmed.ends_with(['.', '!', '?', '…'])
}

fn is_terminator(c: char) -> bool {
    matches!(
        c,
        '.' | '!' | '?' | '…' | '‼' | '⁇' | '⁈' | '⁉' | '。' | '！' | '？'
    )
}

fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '”' | '’' | '»' | '›' | ')' | ']' | '}' | '」' | '』'
    )
}

fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '“' | '‘' | '«' | '‹' | '(' | '[' | '{' | '„' | '「' | '『' | '¿' | '¡'
    )
}

fn is_bullet(c: char) -> bool {
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
struct Marker {
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

fn list_marker(s: &str) -> Option<Marker> {
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

struct Splitter<'a, 'o> {
    s: &'a str,
    base: usize,
    paragraph: usize,
    in_quote: bool,
    spans: &'o mut Vec<ByteSpan>,
    info: &'o mut Vec<SentenceInfo>,
}

/// What the scanner decided at a terminator.
struct Decision {
    split_at: Option<usize>,
    resume: usize,
}

impl Splitter<'_, '_> {
    /// Splits the line `[start, end)` of the paragraph.
    fn segment(&mut self, start: usize, end: usize) {
        let s = self.s;
        let (forced, ignored, list_start) = list_items(s, start, end);
        let brackets = bracket_pairs(s, start, end);
        let mut bracket_at = 0usize;
        let mut sentence_start = start;
        let mut starts_list_item = list_start;
        let mut starts_in_quote = self.in_quote;
        let mut split_count = 0usize;
        let mut forced_at = 0usize;
        let mut protected_until = 0usize;
        let mut i = start;
        let mut prev: Option<char> = None;
        let mut has_content = false;
        // Whether the word being scanned has an `@` or `/` (cheap filter
        // for the address check below).
        let mut word_may_be_address = false;
        while i < end {
            let word_may_be_address_before = word_may_be_address;
            if forced.get(forced_at) == Some(&i) {
                forced_at += 1;
                if self.push(sentence_start, i, starts_list_item, starts_in_quote, false) {
                    split_count += 1;
                }
                sentence_start = i;
                starts_list_item = true;
                starts_in_quote = self.in_quote;
            }
            let Some(c) = s[i..].chars().next() else {
                break;
            };
            let len = c.len_utf8();
            // Tracked as we go: rescanning the sentence at every bracket is quadratic.
            if i == sentence_start {
                has_content = false;
            }
            match c {
                '“' | '«' => self.in_quote = true,
                '”' | '»' => self.in_quote = false,
                '"' => {
                    let opens = prev.is_none_or(|p| is_space(p) || is_opener(p) || p == '-');
                    self.in_quote = opens;
                }
                '(' | '[' if i >= protected_until => {
                    while brackets.get(bracket_at).is_some_and(|&(open, _)| open < i) {
                        bracket_at += 1;
                    }
                    if let Some(&(open, close)) = brackets.get(bracket_at) {
                        if open == i && has_content {
                            protected_until = close;
                        }
                    }
                }
                _ => {}
            }
            // Web text: a web or e-mail address ends a sentence that has no
            // terminator when a capitalised word or another address follows
            // ("... at http://x.org Site made!", "Email: a@b.com Groups: ...").
            match c {
                '@' | '/' => word_may_be_address = true,
                ' ' | '\t' | '\n' => word_may_be_address = false,
                _ => {}
            }
            // E-mail and web text also end sentences with no terminator at
            // all (a header stamp, "Regards,", a rule of stars): see `unpunctuated`.
            let bytes = s.as_bytes();
            let ends_here = c == ' '
                && i >= protected_until
                && ((word_may_be_address_before
                    && address_ends_sentence(s, sentence_start, i, end))
                    || (i > sentence_start
                        && !self.in_quote
                        && unpunctuated::candidate(
                            bytes.get(i - 1).copied().unwrap_or(b' '),
                            bytes.get(i + 1).copied().unwrap_or(b' '),
                        )
                        && unpunctuated::ends_at_space(s, sentence_start, i, end)));
            if ends_here {
                if self.push(sentence_start, i, starts_list_item, starts_in_quote, false) {
                    split_count += 1;
                }
                sentence_start = i + 1;
                starts_list_item = false;
                starts_in_quote = self.in_quote;
            }
            if is_terminator(c)
                && i >= protected_until
                && !ignored.iter().any(|&(a, b)| a <= i && i < b)
            {
                let d = self.decide(i, sentence_start, end);
                if let Some(at) = d.split_at {
                    // Quote marks swallowed with the terminator update the state.
                    for ch in s[i..at].chars() {
                        match ch {
                            '”' | '»' => self.in_quote = false,
                            '"' => self.in_quote = false,
                            _ => {}
                        }
                    }
                    if self.push(sentence_start, at, starts_list_item, starts_in_quote, false) {
                        split_count += 1;
                    }
                    sentence_start = at;
                    starts_list_item = false;
                    starts_in_quote = self.in_quote;
                }
                if d.resume > i {
                    prev = s[..d.resume].chars().next_back();
                    i = d.resume;
                    continue;
                }
            }
            has_content |= !is_space(c);
            prev = Some(c);
            i += len;
        }
        // The rest of the line. A line that was never split and has no
        // terminal punctuation is a heading when it is short.
        let rest = &s[sentence_start..end];
        let heading = split_count == 0
            && !starts_list_item
            && !ends_sentence(rest.trim_end())
            && !rest.trim_end().ends_with([',', ';', ':'])
            && rest.split_whitespace().count() <= 15;
        self.push(
            sentence_start,
            end,
            starts_list_item,
            starts_in_quote,
            heading,
        );
    }

    /// Pushes the trimmed span; false when it is empty.
    fn push(
        &mut self,
        start: usize,
        end: usize,
        list_item: bool,
        starts_in_quote: bool,
        heading: bool,
    ) -> bool {
        let piece = &self.s[start..end];
        let trimmed_start = piece.trim_start_matches(is_space);
        let lead = piece.len() - trimmed_start.len();
        let trimmed = trimmed_start.trim_end_matches(is_space);
        if trimmed.is_empty() {
            return false;
        }
        let kind = if list_item {
            SentenceKind::ListItem
        } else if heading {
            SentenceKind::Heading
        } else {
            SentenceKind::Body
        };
        let from = self.base + start + lead;
        self.spans.push(ByteSpan::new(from, from + trimmed.len()));
        self.info.push(SentenceInfo {
            kind,
            paragraph: self.paragraph,
            starts_in_quote,
            ends_in_quote: self.in_quote,
        });
        true
    }

    /// Decides whether the terminator at `i` ends the sentence begun at `start`.
    fn decide(&self, i: usize, start: usize, end: usize) -> Decision {
        let s = self.s;
        let no = |resume: usize| Decision {
            split_at: None,
            resume,
        };
        let prev = s[..i].chars().next_back();
        // An editorial ellipsis "[...]" is never a terminator.
        if prev.is_some_and(|p| p == '[' || p == '(') {
            let run = s[i..end]
                .chars()
                .take_while(|&c| c == '.' || c == '…')
                .map(char::len_utf8)
                .sum::<usize>();
            return no(i + run.max(1));
        }
        // The terminator run: dots (possibly spaced), '!' and '?'.
        let mut j = i;
        let mut dots = 0usize;
        let mut spaced = false;
        let mut bang = false;
        while j < end {
            let Some(c) = s[j..].chars().next() else {
                break;
            };
            match c {
                '.' => dots += 1,
                '…' => dots += 3,
                c if is_terminator(c) => bang = true,
                ' ' if dots > 0 && !bang && s[j + 1..end].starts_with('.') => {
                    // A spaced ellipsis continues only with dots separated by single spaces.
                    let after = s[j + 2..end].chars().next();
                    if after.is_none_or(|a| a == ' ' || a == '.' || is_closer(a)) {
                        spaced = true;
                    } else {
                        break;
                    }
                }
                _ => break,
            }
            j += c.len_utf8();
        }
        let run_end = j;
        let mut k = run_end;
        let mut closed_quote = false;
        while k < end {
            let Some(c) = s[k..].chars().next() else {
                break;
            };
            if !is_closer(c) {
                break;
            }
            closed_quote |= matches!(normalize_char(c), '"' | '\'') || c == '»';
            k += c.len_utf8();
        }
        if k >= end {
            return no(k);
        }
        let after = s[k..].chars().next().unwrap_or(' ');
        if !is_space(after) {
            // "Hello world.Today is Tuesday.": a boundary with no space.
            if dots == 1 && !bang && !spaced && k == run_end && glued_boundary(s, i, end) {
                return Decision {
                    split_at: Some(k),
                    resume: k,
                };
            }
            return no(k);
        }
        // A citation mark ("[17]") after the terminator belongs to the sentence.
        let k = k + citation_after(s, k, end) + footnote_after(s, start, i, k, end);
        if k >= end {
            return no(k);
        }
        let next = NextWord::at(s, k, end);
        let split = |at: usize| Decision {
            split_at: Some(at),
            resume: at,
        };
        if next.lower_start {
            // Informal text starts sentences in lower case. Only an ordinary
            // word before a single period, or a question or exclamation mark,
            // is trusted to end one; "co. at", "Yahoo! in", "Why?" he asked,
            // and ellipses are not.
            let lower_split = if closed_quote || spaced {
                false
            } else if bang {
                // A single "!" on a capitalised word is a name ("Yahoo! in").
                let name = &s[i..run_end] == "!"
                    && word_before(s, start, i)
                        .chars()
                        .next()
                        .is_some_and(char::is_uppercase);
                !name && !pronoun_speech(s, next.start, end)
            } else if dots == 1 {
                let word = word_before(s, start, i);
                abbreviation(word) == Abbrev::No
                    && word.chars().any(char::is_alphabetic)
                    && !word.contains('.')
            } else {
                false
            };
            return if lower_split { split(k) } else { no(k) };
        }
        // "differences of opinion ... In fact", "in the region . . . This
        // operation": an ellipsis standing apart before a capital ends a
        // sentence, except before "I", which trails on ("In a few words
        // ... I'm pleasantly surprised").
        let detached = prev.is_some_and(is_space);
        // ". . . The practice": after a full stop, the dots open the next
        // sentence (a four-dot ellipsis), they do not end one.
        let after_stop = s[..i]
            .trim_end()
            .chars()
            .next_back()
            .is_some_and(|c| c == '.' || is_terminator(c));
        let pronoun_i = {
            let rest = &s[next.start..end];
            rest == "I"
                || rest.starts_with("I ")
                || rest.starts_with("I'")
                || rest.starts_with("I’")
        };
        if detached && dots == 3 && !bang && !pronoun_i && !after_stop {
            return split(k);
        }
        if spaced {
            let attached = prev.is_some_and(|p| !is_space(p));
            return match dots {
                0..=3 => no(k),
                _ if attached => split(i + 1),
                _ => split(k),
            };
        }
        if closed_quote && attribution_follows(s, next.start, end) {
            return no(k);
        }
        if bang {
            return split(k);
        }
        if dots >= 2 {
            // "words ... I'm": an ellipsis standing apart is a pause.
            return if detached { no(k) } else { split(k) };
        }
        // A single period: what does it end?
        let word = word_before(s, start, i);
        let verdict = match abbreviation(word) {
            Abbrev::No => true,
            Abbrev::Never => false,
            Abbrev::Title => false,
            Abbrev::BeforeNumber => !next.digit,
            Abbrev::Ambiguous => {
                !next.digit && next.is_starter(s) && !short_prepositional_fragment(&s[start..i])
            }
        };
        if verdict {
            split(k)
        } else {
            no(k)
        }
    }
}

/// Length of a citation mark ("[17]", " [6]"), an editorial ellipsis
/// ("[...]") or an emoticon right after byte `at`, or 0.
fn citation_after(s: &str, at: usize, end: usize) -> usize {
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
fn footnote_after(s: &str, start: usize, dot: usize, at: usize, end: usize) -> usize {
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
fn pronoun_speech(s: &str, from: usize, end: usize) -> bool {
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

/// Brackets of the line `[start, end)` that close within a few hundred
/// bytes: (open, just after close), sorted by open. One pass with a stack.
fn bracket_pairs(s: &str, start: usize, end: usize) -> Vec<(usize, usize)> {
    let mut pairs = Vec::new();
    let mut stack: Vec<usize> = Vec::new();
    for (off, c) in s[start..end].char_indices() {
        let at = start + off;
        match c {
            '(' | '[' => stack.push(at),
            ')' | ']' => {
                if let Some(open) = stack.pop() {
                    if at - open <= 300 {
                        pairs.push((open, at + 1));
                    }
                }
            }
            _ => {}
        }
    }
    crate::sort::sort(&mut pairs);
    pairs
}

/// List structure of the line `[start, end)`: forced boundaries before each
/// later marker, marker punctuation ranges (never terminators), and whether
/// the line starts with a marker.
fn list_items(s: &str, start: usize, end: usize) -> (Vec<usize>, Vec<(usize, usize)>, bool) {
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

/// The word just before byte `dot`, back to whitespace or an opener.
fn word_before(s: &str, start: usize, dot: usize) -> &str {
    // Abbreviations are short: look back a bounded distance.
    let mut start = start.max(dot.saturating_sub(64));
    while !s.is_char_boundary(start) {
        start += 1;
    }
    let before = &s[start..dot];
    let from = before
        .char_indices()
        .rev()
        .find(|&(_, c)| is_space(c) || is_opener(c))
        .map_or(0, |(p, c)| p + c.len_utf8());
    &before[from..]
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Abbrev {
    /// An ordinary word: the period ends the sentence.
    No,
    /// Never ends a sentence ("e.g.", "i.e.", "vs.").
    Never,
    /// Precedes a name ("Mr.", "Sen.", "Mt.").
    Title,
    /// Precedes a number ("No. 5", "p. 55", "fig. 3").
    BeforeNumber,
    /// Ends a sentence only before a typical sentence start ("Inc.", "U.S.", "Jan.", "E.").
    Ambiguous,
}

const NEVER: &[&str] = &["e.g", "i.e", "cf", "viz", "vs", "v", "eg", "ie", "ibid"];

const TITLES: &[&str] = &[
    "Mr", "Mrs", "Ms", "Mx", "Messrs", "Mmes", "Dr", "Drs", "Prof", "Profs", "Gov", "Govs", "Sen",
    "Sens", "Rep", "Reps", "Gen", "Lt", "Col", "Sgt", "Capt", "Cmdr", "Cdr", "Adm", "Maj", "Brig",
    "Cpl", "Pvt", "Spc", "Rev", "Revs", "Hon", "Pres", "Supt", "Atty", "Insp", "Det", "Fr", "Msgr",
    "Amb", "Rt", "Mt", "Ft", "Sra", "Mme", "Mlle", "Gens", "Lt.Col", "Lt.Gen", "Maj.Gen",
];

const BEFORE_NUMBER: &[&str] = &[
    "no", "nos", "nr", "p", "pp", "vol", "vols", "fig", "figs", "art", "arts", "ch", "chap", "sec",
    "secs", "para", "paras", "pt", "pts", "op", "tel", "ext", "n°", "nº", "ca", "c", "ref", "sect",
    "ed", "eds", "rev", "ver", "ex", "par", "tab", "eq", "approx", "ll", "l",
];

/// Case-insensitive ambiguous abbreviations.
const AMBIGUOUS: &[&str] = &[
    "inc", "co", "corp", "ltd", "plc", "bros", "jr", "sr", "etc", "al", "dept", "depts", "univ",
    "assn", "assoc", "govt", "est", "hr", "hrs", "min", "mins", "yr", "yrs", "mos", "oz", "lb",
    "lbs", "ft", "sq", "mi", "tbsp", "tsp", "apt", "ave", "av", "blvd", "rd", "st", "hwy", "ln",
    "ste", "dist", "intl", "natl", "mfg", "mgr", "mkt", "pct", "cos", "cf", "esp", "incl", "excl",
    "misc", "prob", "abbr", "gov't", "admin", "jan", "feb", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "tues", "thur", "thurs", "ph.d", "b.a", "m.a", "b.s", "m.s", "m.d",
    "d.c", "a.m", "p.m", "u.s", "u.k", "u.n", "e.u",
];

/// Capitalised-only abbreviations that are also ordinary lower-case words
/// ("Mass." the state, "mass." the noun).
const AMBIGUOUS_CAPITALISED: &[&str] = &[
    "Mar", "Dec", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun", "Ala", "Ariz", "Ark", "Calif",
    "Colo", "Conn", "Del", "Fla", "Ga", "Ill", "Ind", "Kan", "Kans", "Ky", "La", "Md", "Mass",
    "Mich", "Minn", "Miss", "Mo", "Mont", "Neb", "Nev", "Okla", "Ore", "Penn", "Pa", "Tenn", "Tex",
    "Vt", "Va", "Wash", "Wis", "Wyo", "Ont", "Que", "Alta", "Sask", "Man",
];

fn abbreviation(word: &str) -> Abbrev {
    // Quotes or brackets before the word are not part of it.
    let word = word.trim_start_matches(|c: char| !c.is_alphanumeric());
    if word.is_empty() {
        return Abbrev::No;
    }
    // Web addresses and e-mail: the period is punctuation.
    if word.contains('@') || word.contains("://") || word.starts_with("www.") {
        return Abbrev::No;
    }
    let lower_eq = |list: &[&str]| list.iter().any(|a| a.eq_ignore_ascii_case(word));
    if lower_eq(NEVER) {
        return Abbrev::Never;
    }
    if TITLES.contains(&word) {
        return Abbrev::Title;
    }
    if word.chars().all(char::is_numeric) {
        return Abbrev::No;
    }
    let mut chars = word.chars();
    if let (Some(first), None) = (chars.next(), chars.next()) {
        if first.is_lowercase() {
            return Abbrev::BeforeNumber;
        }
        if first.is_alphabetic() {
            return Abbrev::Ambiguous;
        }
        return Abbrev::No;
    }
    if lower_eq(BEFORE_NUMBER) {
        return Abbrev::BeforeNumber;
    }
    if lower_eq(AMBIGUOUS) || AMBIGUOUS_CAPITALISED.contains(&word) {
        return Abbrev::Ambiguous;
    }
    // Short words without vowels are abbreviations ("Mtn", "bldg", "mgmt").
    let vowelless = word.len() <= 4
        && word.chars().all(|c| c.is_ascii_alphabetic())
        && !word
            .chars()
            .any(|c| matches!(c.to_ascii_lowercase(), 'a' | 'e' | 'i' | 'o' | 'u' | 'y'))
        && !word.chars().all(|c| c.is_ascii_uppercase());
    if vowelless {
        return Abbrev::Ambiguous;
    }
    // Initialisms: "U.S.A", "N.A.T.O", "J.R.R" (letters joined by periods).
    if word.contains('.')
        && word.split('.').all(|part| {
            (1..=2).contains(&part.chars().count()) && part.chars().all(char::is_alphabetic)
        })
    {
        return Abbrev::Ambiguous;
    }
    Abbrev::No
}

/// "At 5 a.m." cannot be a whole sentence: a short prepositional phrase.
fn short_prepositional_fragment(sentence_so_far: &str) -> bool {
    let mut words = sentence_so_far.split_whitespace();
    let Some(first) = words.next() else {
        return false;
    };
    let first = first.trim_start_matches(|c: char| !c.is_alphanumeric());
    let preposition = [
        "at", "in", "on", "by", "from", "until", "till", "since", "after", "before", "around",
        "about", "near", "through", "circa", "for",
    ]
    .iter()
    .any(|p| p.eq_ignore_ascii_case(first));
    preposition && words.count() < 4
}

/// The start of what follows a terminator.
struct NextWord {
    /// Byte offset of the first character after whitespace.
    start: usize,
    /// The first letter is lower case (and the word is not "iPhone"-like).
    lower_start: bool,
    digit: bool,
    /// The word itself, after any opening quotes or brackets.
    word: (usize, usize),
}

impl NextWord {
    fn at(s: &str, from: usize, end: usize) -> NextWord {
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
    fn is_starter(&self, s: &str) -> bool {
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
fn attribution_follows(s: &str, from: usize, end: usize) -> bool {
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
fn glued_boundary(s: &str, dot: usize, end: usize) -> bool {
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
            // A detached ellipsis before a capital ends a sentence; before
            // "I" it trails on.
            (
                "no more differences of opinion ... In fact you just want peace.",
                &["no more differences of opinion ...", "In fact you just want peace."],
            ),
            (
                "in the region . . . This operation would fail.",
                &["in the region . . .", "This operation would fail."],
            ),
            (
                "In a few words ... I'm pleasantly surprised.",
                &["In a few words ... I'm pleasantly surprised."],
            ),
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
            // Quote followed by its attribution.
            (
                "“Are you serious?” Trump asked. Nobody answered.",
                &["“Are you serious?” Trump asked.", "Nobody answered."],
            ),
            (
                "“We won!” Mr. Trump told reporters on Monday. Then he left.",
                &["“We won!” Mr. Trump told reporters on Monday.", "Then he left."],
            ),
            (
                "“It is over.” Trump said the talks had failed.",
                &["“It is over.”", "Trump said the talks had failed."],
            ),
            // A speech verb that opens the next quotation is not the
            // previous quotation's attribution.
            (
                "Reid said it would “heal the party.” He added, “We need Bernie.”",
                &["Reid said it would “heal the party.”", "He added, “We need Bernie.”"],
            ),
            (
                "“It works.” Mayer said. “It always has.”",
                &["“It works.” Mayer said.", "“It always has.”"],
            ),
            // A quote spanning sentences is split inside, and keeps its closer.
            (
                "“We always bring Jared. We need that brain,” Trump said. He smiled.",
                &[
                    "“We always bring Jared.",
                    "We need that brain,” Trump said.",
                    "He smiled.",
                ],
            ),
            (
                "He met Gov. Newsom on Jan. 6 in Sacramento, Calif. They talked.",
                &["He met Gov. Newsom on Jan. 6 in Sacramento, Calif.", "They talked."],
            ),
            (
                "The deal (first reported Tuesday. See below.) was signed. It held.",
                &["The deal (first reported Tuesday. See below.) was signed.", "It held."],
            ),
            (
                "It was signed at No. 10 Downing St. The talks ended.",
                &["It was signed at No. 10 Downing St.", "The talks ended."],
            ),
            (
                "Inflation hit 9.1% in June. Prices rose...",
                &["Inflation hit 9.1% in June.", "Prices rose..."],
            ),
            ("• First point\n• Second point", &["• First point", "• Second point"]),
            // Web text: an exclamation before a lower-case word ends a
            // sentence, a brand's "!" does not; an inline numbered list splits.
            (
                "Its fab! so go dancing. Google is as popular as Yahoo! and AOL.",
                &["Its fab!", "so go dancing.", "Google is as popular as Yahoo! and AOL."],
            ),
            (
                "They are protected by minority rights. 4 Even so, in 2019. 12 people died.",
                &["They are protected by minority rights. 4", "Even so, in 2019.", "12 people died."],
            ),
            (
                "Statistics New Zealand. 23 October 2018.",
                &["Statistics New Zealand.", "23 October 2018."],
            ),
            (
                "I stay four nights 1) what island is good 2) I want a beach",
                &["I stay four nights", "1) what island is good", "2) I want a beach"],
            ),
            (
                "Sean Boyle 08/17/2000 11:21 AM I spoke to Bruce. Thanks, Sean",
                &["Sean Boyle", "08/17/2000 11:21 AM", "I spoke to Bruce.", "Thanks,", "Sean"],
            ),
            (
                "1. Cut taxes. 2. Build roads. 3. Win.",
                &["1. Cut taxes.", "2. Build roads.", "3. Win."],
            ),
            ("A. Noel Kramer was nominated.", &["A. Noel Kramer was nominated."]),
            (
                "Hard-wrapped text runs on over a line break in a long paragraph of prose\nPresident Trump said so in this paragraph.",
                &["Hard-wrapped text runs on over a line break in a long paragraph of prose\nPresident Trump said so in this paragraph."],
            ),
            (
                "WASHINGTON (AP) — Sen. Elizabeth Warren (D-Mass.) said Tuesday that the U.S. economy grew. He was born in St. Louis, Mo., in 1950.",
                &[
                    "WASHINGTON (AP) — Sen. Elizabeth Warren (D-Mass.) said Tuesday that the U.S. economy grew.",
                    "He was born in St. Louis, Mo., in 1950.",
                ],
            ),
            (
                "“We will fight …” he said. The vote was 52-48. Democrats objected.",
                &["“We will fight …” he said.", "The vote was 52-48.", "Democrats objected."],
            ),
            (
                "The company, based in Washington, D.C., said revenue rose. Shares fell 3% at 4 p.m. Eastern time.",
                &[
                    "The company, based in Washington, D.C., said revenue rose.",
                    "Shares fell 3% at 4 p.m. Eastern time.",
                ],
            ),
            (
                "Why? he asked. what now? nobody knew.",
                &["Why? he asked.", "what now?", "nobody knew."],
            ),
            (
                "It was in Dulwich. [17] Then he moved.",
                &["It was in Dulwich. [17]", "Then he moved."],
            ),
            ("", &[]),
            ("   \n  ", &[]),
            ("...", &["..."]),
            // Web text: a blank line always ends a sentence, even between
            // long lines that would otherwise read as hard-wrapped prose.
            (
                "From the AP comes this story about the courts in the Washington area\n\nPresident Bush on Tuesday nominated two individuals to the bench.",
                &[
                    "From the AP comes this story about the courts in the Washington area",
                    "President Bush on Tuesday nominated two individuals to the bench.",
                ],
            ),
            // An address ends a sentence before a capital or another address.
            (
                "Email: franz@example.com Site made! More soon.",
                &["Email: franz@example.com", "Site made!", "More soon."],
            ),
            (
                "See http://example.org/a http://example.org/b",
                &["See http://example.org/a", "http://example.org/b"],
            ),
            ("Write to jo@example.com about it.", &["Write to jo@example.com about it."]),
            // An editorial ellipsis or emoticon stays with the sentence it follows.
            (
                "Back surgeries for all! [...] What can we do?",
                &["Back surgeries for all! [...]", "What can we do?"],
            ),
            (
                "Please join our family! :-) We meet on Fridays.",
                &["Please join our family! :-)", "We meet on Fridays."],
            ),
        ];
        for (text, expected) in cases {
            assert_eq!(sentences(text), *expected, "{text}");
        }
    }

    #[test]
    fn sentence_info_marks_quotes_lists_and_headings() {
        let text = "Previous Research\n“We won. We always win,” he said. It ended.";
        let mut spans = Vec::new();
        let mut info = Vec::new();
        split_into(text, ByteSpan::new(0, text.len()), 3, &mut spans, &mut info);
        let kinds: Vec<_> = info.iter().map(|i| i.kind).collect();
        assert_eq!(
            kinds,
            vec![
                SentenceKind::Heading,
                SentenceKind::Body,
                SentenceKind::Body,
                SentenceKind::Body
            ]
        );
        let quoted: Vec<_> = info
            .iter()
            .map(|i| (i.starts_in_quote, i.ends_in_quote))
            .collect();
        assert_eq!(
            quoted,
            vec![(false, false), (false, true), (true, false), (false, false)]
        );
        assert!(info.iter().all(|i| i.paragraph == 3));
        let text = "a) apples b) pears";
        spans.clear();
        info.clear();
        split_into(text, ByteSpan::new(0, text.len()), 0, &mut spans, &mut info);
        assert_eq!(spans.len(), 2);
        assert!(info.iter().all(|i| i.kind == SentenceKind::ListItem));
    }

    #[test]
    fn offsets_stay_on_char_boundaries_for_hostile_text() {
        let texts = [
            "“”‘’…….!?!?",
            "é. É. ü! ß? 😀. 😀",
            "(((((. ))))). [[[. ]]",
            "1.) 2.) 3.)",
            "• • • ⁃ ⁃",
            "\"\"\"\". \"",
            ". . . . . . . .",
            "Mr. Mrs. Dr. U.S. e.g. i.e. N°. p. ",
            // Regression: the footnote check sliced inside a no-break space.
            "It ended.\u{a0}However, it went on. 4\u{a0}É. 12 É",
            "Best regards,\u{a0}É 08/16/2000\u{a0}12:05 PM é ***** é (é) É",
            "Hi, É. -- É :-) É >> É 1) é 2) é",
        ];
        for text in texts {
            for s in split(text, ByteSpan::new(0, text.len())) {
                assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
                assert!(s.start < s.end && s.end <= text.len(), "{text}");
            }
        }
    }
}
