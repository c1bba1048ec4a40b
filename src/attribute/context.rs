//! The view of one article the attribution stage works on: the text layer's
//! sentences and tokens, which paragraph each sentence is in, and the
//! quoted spans.

use super::quotes::{self, Quoted};
use crate::segment::tokens::normalize_char;
use crate::segment::{Token, TokenKind};
use crate::spans::ByteSpan;

pub struct Context<'a> {
    pub text: &'a str,
    pub tokens: &'a [Token],
    pub sentences: &'a [ByteSpan],
    /// Paragraph index of each sentence.
    pub paragraph: Vec<usize>,
    /// Every quoted span, nested ones included, ordered by start.
    pub quotes: Vec<Quoted>,
    /// Byte offsets of every paired quotation mark, sorted.
    marks: Vec<usize>,
}

impl<'a> Context<'a> {
    pub fn new(text: &'a str, tokens: &'a [Token], sentences: &'a [ByteSpan]) -> Self {
        let mut paragraph = Vec::with_capacity(sentences.len());
        let mut paragraphs: Vec<ByteSpan> = Vec::new();
        let mut current = 0usize;
        for (i, s) in sentences.iter().enumerate() {
            if i > 0 {
                let gap = text.get(sentences[i - 1].end..s.start).unwrap_or("");
                if gap.contains('\n') {
                    current += 1;
                }
            }
            paragraph.push(current);
            match paragraphs.get_mut(current) {
                Some(p) => p.end = s.end,
                None => paragraphs.push(*s),
            }
        }
        let quotes = quotes::find(text, &paragraphs);
        let mut marks: Vec<usize> = Vec::with_capacity(quotes.len() * 2);
        for q in &quotes {
            // A mark may be two characters ('' or ``): record each.
            let opening = ByteSpan::new(q.outer.start, q.inner.start);
            let closing = ByteSpan::new(q.inner.end, q.outer.end);
            for mark in [opening, closing] {
                marks.extend(mark.of(text).char_indices().map(|(i, _)| mark.start + i));
            }
        }
        marks.sort_unstable();
        Context {
            text,
            tokens,
            sentences,
            paragraph,
            quotes,
            marks,
        }
    }

    /// The tokens inside `span`.
    pub fn tokens_in(&self, span: ByteSpan) -> &'a [Token] {
        let from = self.tokens.partition_point(|t| t.span.start < span.start);
        let to = self.tokens.partition_point(|t| t.span.start < span.end);
        let tokens: &'a [Token] = self.tokens;
        let slice = tokens.get(from..to.max(from)).unwrap_or(&[]);
        // A token straddling the span end is left out.
        match slice.last() {
            Some(t) if t.span.end > span.end => &slice[..slice.len() - 1],
            _ => slice,
        }
    }

    /// True when token `t` is a quotation mark that opens or closes a quote
    /// (not an apostrophe, not a stray mark).
    pub fn is_mark(&self, t: &Token) -> bool {
        t.kind == TokenKind::Punct && self.marks.binary_search(&t.span.start).is_ok()
    }

    pub fn word(&self, t: &Token) -> &'a str {
        t.span.of(self.text)
    }

    /// The sentence index containing byte `at`.
    pub fn sentence_at(&self, at: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.end <= at);
        self.sentences.get(i).filter(|s| s.start <= at).map(|_| i)
    }

    /// The innermost-first top-level quote containing byte `at` (marks included).
    pub fn top_quote_at(&self, at: usize) -> Option<&Quoted> {
        self.quotes
            .iter()
            .rfind(|q| q.depth == 0 && q.outer.start <= at && at < q.outer.end)
    }

    /// True when `at` lies inside quotation marks.
    pub fn is_quoted(&self, at: usize) -> bool {
        self.top_quote_at(at).is_some()
    }

    /// The top-level quote whose closing mark ends exactly at or just before `at`.
    pub fn quote_ending_at(&self, at: usize) -> Option<&Quoted> {
        self.quotes
            .iter()
            .filter(|q| q.depth == 0 && q.closed)
            .find(|q| {
                q.outer.end <= at
                    && self
                        .text
                        .get(q.outer.end..at)
                        .is_some_and(|g| g.trim().is_empty() || g.trim() == ",")
            })
    }

    /// The top-level quote opening at or just after `at` (spaces, `:` or `,` between).
    pub fn quote_starting_at(&self, at: usize) -> Option<&Quoted> {
        self.quotes.iter().filter(|q| q.depth == 0).find(|q| {
            q.outer.start >= at
                && self.text.get(at..q.outer.start).is_some_and(|g| {
                    g.chars()
                        .all(|c| c.is_whitespace() || matches!(c, ':' | ','))
                })
        })
    }
}

pub fn is_punct(text: &str, t: &Token, p: char) -> bool {
    t.kind == TokenKind::Punct && t.span.of(text).chars().next().map(normalize_char) == Some(p)
}

/// True for a word starting with an upper-case letter.
pub fn is_capitalised(text: &str, t: &Token) -> bool {
    t.kind == TokenKind::Word && t.span.of(text).starts_with(char::is_uppercase)
}
