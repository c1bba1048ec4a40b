//! The view of one article the attribution stage works on: the text layer's
//! sentences and tokens, which paragraph each sentence is in, and the
//! quoted spans.

use std::cell::Cell;

use super::lexicon;
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
    /// The top-level quotes: they never overlap, so they are ordered by
    /// start and by end alike, and looked up by binary search.
    pub top: Vec<Quoted>,
    /// Byte offsets of every paired quotation mark, sorted.
    marks: Vec<usize>,
    /// Each token's word-list bits ([`lexicon::class`]), looked up on first
    /// use: `UNKNOWN` until then.
    classes: Vec<Cell<u64>>,
    /// The words the text writes in lower case, built on first use.
    lower_words: std::cell::OnceCell<WordSet<'a>>,
    /// The words the text capitalises after another word of their sentence,
    /// built on first use: every source checked asks, so one pass over the
    /// page answers them all.
    capitalised_inside: std::cell::OnceCell<WordSet<'a>>,
    /// Whether two or more labels in capitals open paragraphs, built on
    /// first use.
    transcript: std::cell::OnceCell<bool>,
    /// Tokens visited by the page-wide passes above and by [`Self::tokens_in`],
    /// and tokens asked [`Self::opens_sentence`], so a test can count the
    /// work a hostile page costs.
    #[cfg(test)]
    pub(crate) page_scans: Cell<usize>,
}

const UNKNOWN: u64 = u64::MAX;

/// A set of the article's words: its lower-case words, or the words it
/// capitalises inside a sentence. FNV, not SipHash: the lower-case set holds
/// every such word of the article and was a tenth of the stage's time.
type WordSet<'a> =
    std::collections::HashSet<&'a str, std::hash::BuildHasherDefault<super::lexicon::Fnv>>;

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
        crate::sort::sort(&mut marks);
        let top: Vec<Quoted> = quotes.iter().filter(|q| q.depth == 0).copied().collect();
        Context {
            text,
            tokens,
            sentences,
            paragraph,
            quotes,
            top,
            marks,
            classes: vec![Cell::new(UNKNOWN); tokens.len()],
            lower_words: std::cell::OnceCell::new(),
            capitalised_inside: std::cell::OnceCell::new(),
            transcript: std::cell::OnceCell::new(),
            #[cfg(test)]
            page_scans: Cell::new(0),
        }
    }

    #[cfg(test)]
    fn count_scan(&self, tokens: usize) {
        self.page_scans.set(self.page_scans.get() + tokens);
    }

    #[cfg(not(test))]
    fn count_scan(&self, _tokens: usize) {}

    /// Whether the article writes `word` capitalised after another word of
    /// its sentence (as a name is: "said Mark Warner"), not after a label.
    pub fn capitalised_inside_a_sentence(&self, word: &str) -> bool {
        self.capitalised_inside
            .get_or_init(|| {
                self.count_scan(self.tokens.len());
                let mut words = WordSet::default();
                for sentence in self.sentences {
                    let toks = self.tokens_in(*sentence);
                    let Some(first) = toks.iter().position(|t| t.kind == TokenKind::Word) else {
                        continue;
                    };
                    words.extend(
                        toks[first + 1..]
                            .iter()
                            .filter(|t| t.kind == TokenKind::Word && is_capitalised(self.text, t))
                            .filter(|t| !after_label(self.text, t.span.start))
                            .map(|t| self.word(t)),
                    );
                }
                words
            })
            .contains(word)
    }

    /// Whether the article is a transcript: two or more labels in capitals
    /// open paragraphs ("TAPPER:" and "FALLIN:"; a spec line's "CPU: … |
    /// RAM: …" is one label per paragraph).
    pub fn is_transcript(&self) -> bool {
        *self.transcript.get_or_init(|| {
            self.count_scan(self.sentences.len());
            let mut labels: Vec<&str> = self
                .sentences
                .iter()
                .enumerate()
                .filter(|&(i, _)| i == 0 || self.paragraph.get(i - 1) != self.paragraph.get(i))
                .filter_map(|(_, s)| {
                    let text = s.of(self.text);
                    let (head, _) = text.split_once(':')?;
                    let head = head.trim();
                    (head.len() <= 40 && is_shouted(head) && is_name_like(head)).then_some(head)
                })
                .collect();
            // The core's one sort (src/sort.rs): equal labels are the same text.
            crate::sort::sort(&mut labels);
            labels.dedup();
            labels.len() >= 2
        })
    }

    /// Whether the text also writes `word` in lower case somewhere: then a
    /// capitalised "Maybe" or "Officials" opening a sentence is that common
    /// word, not a name.
    pub fn written_in_lower_case(&self, word: &str) -> bool {
        let words = self.lower_words.get_or_init(|| {
            self.count_scan(self.tokens.len());
            self.tokens
                .iter()
                .filter(|t| t.kind == TokenKind::Word)
                .map(|t| t.span.of(self.text))
                .filter(|w| w.starts_with(|c: char| c.is_lowercase()))
                .collect()
        });
        if word.is_ascii() {
            // No allocation for the common case.
            let mut buf = [0u8; 32];
            if let Some(lower) = buf.get_mut(..word.len()) {
                lower.copy_from_slice(word.as_bytes());
                lower.make_ascii_lowercase();
                if let Ok(w) = std::str::from_utf8(lower) {
                    return words.contains(w);
                }
            }
        }
        words.contains(word.to_lowercase().as_str())
    }

    /// Whether token `t` is the first word of its sentence.
    pub fn opens_sentence(&self, t: &Token) -> bool {
        self.count_scan(1);
        let Some(i) = self.sentence_at(t.span.start) else {
            return false;
        };
        let before = ByteSpan::new(self.sentences[i].start, t.span.start);
        !self
            .tokens_in(before)
            .iter()
            .any(|b| b.kind == TokenKind::Word)
    }

    /// The tokens inside `span`.
    pub fn tokens_in(&self, span: ByteSpan) -> &'a [Token] {
        let from = self.tokens.partition_point(|t| t.span.start < span.start);
        let to = self.tokens.partition_point(|t| t.span.start < span.end);
        let tokens: &'a [Token] = self.tokens;
        let slice = tokens.get(from..to.max(from)).unwrap_or(&[]);
        self.count_scan(slice.len());
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

    /// The word lists token `t` belongs to, as [`lexicon::bits`]. `t` must
    /// come from this context's tokens (any other token is looked up anew).
    pub fn class_of(&self, t: &Token) -> u64 {
        // Tokens handed around are slices of `self.tokens`: the index is the
        // address offset, checked by pointer identity, so a foreign token
        // just misses the cache.
        let offset = (t as *const Token as usize).wrapping_sub(self.tokens.as_ptr() as usize);
        let k = offset / std::mem::size_of::<Token>();
        match self.classes.get(k) {
            Some(cell) if std::ptr::eq(self.tokens.as_ptr().wrapping_add(k), t) => {
                let c = cell.get();
                if c != UNKNOWN {
                    return c;
                }
                let c = self.lookup(t);
                cell.set(c);
                c
            }
            _ => self.lookup(t),
        }
    }

    fn lookup(&self, t: &Token) -> u64 {
        match self.text.get(t.span.start..t.span.end) {
            Some(w) if t.kind == TokenKind::Word => lexicon::class(w),
            _ => 0,
        }
    }

    /// True when token `t` is in any of the lists in `bits`.
    pub fn has(&self, t: &Token, bits: u64) -> bool {
        self.class_of(t) & bits != 0
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
        let i = self.top.partition_point(|q| q.outer.start <= at);
        self.top.get(i.checked_sub(1)?).filter(|q| at < q.outer.end)
    }

    /// True when `at` lies inside quotation marks.
    pub fn is_quoted(&self, at: usize) -> bool {
        self.top_quote_at(at).is_some()
    }

    /// The top-level quote whose closing mark ends at `end`.
    pub fn top_ending_at(&self, end: usize) -> Option<&Quoted> {
        let i = self.top.partition_point(|q| q.outer.end < end);
        self.top.get(i).filter(|q| q.outer.end == end)
    }

    /// The top-level quote opening at `start`.
    pub fn top_starting_at(&self, start: usize) -> Option<&Quoted> {
        let i = self.top.partition_point(|q| q.outer.start < start);
        self.top.get(i).filter(|q| q.outer.start == start)
    }

    /// True when `span` is exactly one top-level quotation, marks included.
    pub fn is_whole_quote(&self, span: ByteSpan) -> bool {
        self.top_starting_at(span.start)
            .is_some_and(|q| q.outer == span)
    }

    /// The top-level quote opening at or just after `at` (spaces, `:` or `,` between).
    pub fn quote_starting_at(&self, at: usize) -> Option<&Quoted> {
        let i = self.top.partition_point(|q| q.outer.start < at);
        self.top.get(i).filter(|q| {
            self.text.get(at..q.outer.start).is_some_and(|g| {
                g.chars()
                    .all(|c| c.is_whitespace() || matches!(c, ':' | ','))
            })
        })
    }

    /// The last top-level quote ending at or before `at`.
    pub fn top_before(&self, at: usize) -> Option<&Quoted> {
        let i = self.top.partition_point(|q| q.outer.end <= at);
        self.top.get(i.checked_sub(1)?)
    }
}

pub fn is_punct(text: &str, t: &Token, p: char) -> bool {
    if t.kind != TokenKind::Punct {
        return false;
    }
    match text.as_bytes().get(t.span.start) {
        // ASCII punctuation compares as a byte; only typographic marks decode.
        Some(&b) if b < 0x80 => u32::from(b) == p as u32,
        _ => t.span.of(text).chars().next().map(normalize_char) == Some(p),
    }
}

/// True for a word starting with an upper-case letter.
pub fn is_capitalised(text: &str, t: &Token) -> bool {
    t.kind == TokenKind::Word
        && match text.as_bytes().get(t.span.start) {
            Some(&b) if b < 0x80 => b.is_ascii_uppercase(),
            _ => t.span.of(text).starts_with(char::is_uppercase),
        }
}

/// A label in capitals ("TAPPER", "CPU"): two or more letters, none lower
/// case.
pub fn is_shouted(label: &str) -> bool {
    label.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && label.chars().all(|c| !c.is_lowercase())
}

/// A transcript's label is a speaker's name: letters, spaces, dots,
/// hyphens and apostrophes ("TL;DR" is a note, not a speaker), with perhaps
/// a number after it ("SPEAKER 1", "SPEAKER 2").
fn is_name_like(label: &str) -> bool {
    label
        .trim_end_matches(|c: char| c.is_ascii_digit())
        .chars()
        .all(|c| c.is_alphabetic() || matches!(c, ' ' | '.' | '-' | '\'' | '’'))
}

/// True when the text right before `at` ends a heading or label (a colon or
/// a line break): a word there opens a clause as a sentence does.
pub fn after_label(text: &str, at: usize) -> bool {
    let before = text.get(..at).unwrap_or("").trim_end_matches([' ', '\t']);
    before.is_empty() || before.ends_with(['\n', ':', '“', '"', '(', '‘', '—', '–', '-', '|'])
}
