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

pub(crate) mod abbreviations;
mod after_terminator;
mod lists;

use super::tokens::{is_space, normalize_char};
use super::unpunctuated;
use crate::spans::ByteSpan;
use abbreviations::{abbreviation, short_prepositional_fragment, word_before, Abbrev};
use after_terminator::{
    attribution_follows, citation_after, footnote_after, glued_boundary, pronoun_speech, NextWord,
};
use lists::{list_items, list_marker};

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
    #[inline(never)] // kept out of its caller: docs/BENCHMARKS.md, "large functions"
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

/// Brackets of the line `[start, end)` that close within a few hundred
/// bytes: (open, just after close), sorted by open. One pass with a stack.
#[inline(never)] // kept out of its caller: docs/BENCHMARKS.md, "large functions"
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

#[cfg(test)]
mod tests;
