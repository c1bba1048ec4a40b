//! Text normalisation for claim matching: the same function turns a
//! fact-check (when a pack is built) and a claim from a page (when it is
//! matched) into index terms, so both sides meet on the same forms.
//!
//! A term is lowercased, diacritic-folded and Porter-stemmed; stop words,
//! URLs and punctuation are dropped; numbers lose their thousands separators
//! ("2,000" → `2000`) and "%" becomes `percent`; hashtags and handles are
//! split at case changes ("#AustralianFires" → `australian`, `fire`). Each term
//! remembers whether it was a number or a capitalised name, for the
//! re-ranker's agreement features.
//!
//! Packs store terms, so any change to this file's output must bump
//! [`ANALYZER_VERSION`]; packs built by another version are refused.

use super::stem::stem_in_place;
use crate::lexicon::{self, Reader};

/// Stored in every pack; see the module docs.
pub const ANALYZER_VERSION: u16 = 1;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TermKind {
    Word,
    /// Capitalised mid-sentence, or an acronym: probably part of a name.
    Name,
    Number,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    pub text: String,
    pub kind: TermKind,
    /// Byte range of the word in the analysed text (the whole tag for a
    /// part of a hashtag), for explaining a match in the reader's words.
    pub span: (usize, usize),
}

/// The index terms of `text`, in order, stop words removed.
pub fn terms(text: &str) -> Vec<Term> {
    let mut out = Vec::with_capacity(text.len() / 6);
    let mut sentence_start = true;
    let mut capitalised = 0usize;
    let mut words = 0usize;
    let (mut buffers, mut raws) = (TokenBuffers::default(), Vec::new());
    for chunk in text.split(|c: char| c.is_whitespace() || (!c.is_ascii() && fold_char(c) == ' ')) {
        if chunk.is_empty() {
            continue;
        }
        if is_url(chunk) {
            sentence_start = false;
            continue;
        }
        let tagged = chunk.starts_with('#') || chunk.starts_with('@');
        // `chunk` is a slice of `text`: its offset is the pointer difference.
        let base = chunk.as_ptr() as usize - text.as_ptr() as usize;
        raw_tokens(chunk, &mut buffers, &mut raws);
        for raw in raws.drain(..) {
            let span = (base + raw.start, base + raw.end);
            let starts_upper = raw.text.chars().next().is_some_and(char::is_uppercase);
            if raw.text.chars().next().is_some_and(char::is_alphabetic) {
                words += 1;
                capitalised += usize::from(starts_upper);
            }
            if tagged {
                for part in split_camel_case(&raw.text) {
                    push_term(&mut out, part, false, span);
                }
            } else {
                push_term(&mut out, &raw.text, sentence_start, span);
            }
            sentence_start = raw.ends_sentence;
        }
        if chunk.ends_with(['.', '!', '?', ':', '"', '\u{201D}']) {
            sentence_start = true;
        }
    }
    // In Title Case text (headlines) capitals say nothing about names;
    // acronyms still do.
    let title_case = words >= 4 && capitalised * 10 > words * 6;
    out.into_iter()
        .map(|(mut term, acronym)| {
            if title_case && term.kind == TermKind::Name && !acronym {
                term.kind = TermKind::Word;
            }
            term
        })
        .collect()
}

/// `text` folded for character shingles: lowercase, no diacritics, every
/// run of non-alphanumerics (and every URL) a single space.
pub fn folded(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_into(text, |c| out.push(c));
    out
}

/// Feeds the characters of [`folded`]`(text)` to `emit`, without allocating.
fn fold_into(text: &str, emit: impl FnMut(char)) {
    // Every fact-check candidate's claim is folded for its shingles; nearly
    // all are ASCII, which folds byte by byte.
    if text.is_ascii() {
        fold_ascii_into(text.as_bytes(), emit);
    } else {
        fold_any_into(text, emit);
    }
}

/// [`fold_into`] for ASCII text: the same result without decoding characters.
fn fold_ascii_into(text: &[u8], mut emit: impl FnMut(char)) {
    let mut started = false;
    // `char::is_whitespace` in ASCII: tab, line feed, vertical tab, form feed, carriage return, space.
    for chunk in text.split(|&b| matches!(b, b'\t'..=b'\r' | b' ')) {
        if chunk.is_empty() || is_url_bytes(chunk) {
            continue;
        }
        let mut pending_space = started;
        for &b in chunk {
            if b.is_ascii_alphanumeric() {
                if pending_space {
                    emit(' ');
                    pending_space = false;
                }
                emit(char::from(b.to_ascii_lowercase()));
                started = true;
            } else if b != b'\'' && b != b'`' && started {
                // '`' folds to an apostrophe, which joins like one.
                pending_space = true;
            }
        }
    }
}

fn fold_any_into(text: &str, mut emit: impl FnMut(char)) {
    let mut started = false;
    for chunk in text.split(|c: char| c.is_whitespace() || (!c.is_ascii() && fold_char(c) == ' ')) {
        if chunk.is_empty() || is_url(chunk) {
            continue;
        }
        let mut pending_space = started;
        for c in chunk.chars() {
            // ASCII (nearly all of it) skips the folding table: only '`' folds.
            if c.is_ascii() && c != '`' {
                if c.is_ascii_alphanumeric() {
                    if pending_space {
                        emit(' ');
                        pending_space = false;
                    }
                    emit(c.to_ascii_lowercase());
                    started = true;
                } else if c != '\'' && started {
                    pending_space = true;
                }
                continue;
            }
            let c = fold_char(c);
            if c.is_alphanumeric() {
                if pending_space {
                    emit(' ');
                    pending_space = false;
                }
                for l in c.to_lowercase() {
                    emit(l);
                }
                started = true;
            } else if c != '\'' && started {
                // "don't" and "dont" make the same shingles; other marks separate.
                pending_space = true;
            }
        }
    }
}

/// Sorted, deduplicated hashes of the character `n`-grams (`n` ≤ 8) of
/// [`folded`]`(text)`, padded with a space at both ends.
pub fn shingles_of(text: &str, n: usize, out: &mut Vec<u32>) {
    shingle_hashes(text, n, out);
    out.sort_unstable();
    out.dedup();
}

/// The hashes of [`shingles_of`] in text order, repeats included: for
/// callers that count distinct shingles themselves without sorting.
pub fn shingle_hashes(text: &str, n: usize, out: &mut Vec<u32>) {
    out.clear();
    let mut shingler = Shingler {
        window: [u32::from(' '); 8],
        filled: 1, // the leading pad
        n: n.clamp(1, 8),
    };
    fold_into(text, |c| shingler.push(c, out));
    if shingler.filled > 1 {
        shingler.push(' ', out);
    }
}

struct Shingler {
    /// The last 8 characters, oldest first (spaces before the text starts).
    window: [u32; 8],
    /// Characters so far, the leading pad included.
    filled: usize,
    n: usize,
}

impl Shingler {
    fn push(&mut self, c: char, out: &mut Vec<u32>) {
        self.filled += 1;
        self.window.copy_within(1.., 0);
        self.window[7] = u32::from(c);
        if self.filled >= self.n {
            // FNV-1a over the code points, oldest first: fast, and stable across platforms.
            let mut h: u32 = 0x811c_9dc5;
            for &c in &self.window[8 - self.n..] {
                h ^= c;
                h = h.wrapping_mul(0x0100_0193);
            }
            out.push(h);
        }
    }
}

/// [`shingles_of`] for text that is already folded.
pub fn shingles(folded: &str, n: usize, out: &mut Vec<u32>) {
    shingles_of(folded, n, out)
}

/// Typographic variants to ASCII, and Latin letters with diacritics to their base letter.
pub fn fold_char(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{2032}' | '`' | '\u{b4}' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '«' | '»' => '"',
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}'
        | '\u{2212}' => '-',
        '\u{a0}' | '\u{2007}' | '\u{202f}' | '\u{2009}' | '\u{200a}' | '\u{200b}' => ' ',
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
        'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' | 'Ā' | 'Ă' | 'Ą' => 'A',
        'ç' | 'ć' | 'č' => 'c',
        'Ç' | 'Ć' | 'Č' => 'C',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => 'e',
        'È' | 'É' | 'Ê' | 'Ë' | 'Ē' | 'Ė' | 'Ę' | 'Ě' => 'E',
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' => 'i',
        'Ì' | 'Í' | 'Î' | 'Ï' | 'Ī' | 'Į' => 'I',
        'ñ' | 'ń' | 'ň' => 'n',
        'Ñ' | 'Ń' | 'Ň' => 'N',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => 'o',
        'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' | 'Ō' | 'Ő' => 'O',
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => 'u',
        'Ù' | 'Ú' | 'Û' | 'Ü' | 'Ū' | 'Ů' | 'Ű' => 'U',
        'ý' | 'ÿ' => 'y',
        'Ý' | 'Ÿ' => 'Y',
        'š' | 'ś' => 's',
        'Š' | 'Ś' => 'S',
        'ž' | 'ź' | 'ż' => 'z',
        'Ž' | 'Ź' | 'Ż' => 'Z',
        'ł' => 'l',
        'Ł' => 'L',
        other => other,
    }
}

fn is_url(chunk: &str) -> bool {
    is_url_bytes(chunk.as_bytes())
}

/// [`is_url`] on the bytes of a chunk (the marks it skips are all ASCII).
fn is_url_bytes(chunk: &[u8]) -> bool {
    // Every pattern below has a '.' or a ':': most words have neither.
    if !chunk.iter().any(|&b| b == b'.' || b == b':') {
        return false;
    }
    let skipped = chunk
        .iter()
        .take_while(|b| matches!(b, b'(' | b'[' | b'<' | b'"' | b'\''))
        .count();
    let lower = chunk.get(skipped..).unwrap_or(&[]);
    // Byte windows, not `str::contains`: its searcher's setup cost more
    // than the search on every word that ends a sentence.
    let has = |needle: &[u8]| lower.windows(needle.len()).any(|w| w == needle);
    has(b"://")
        || lower.starts_with(b"www.")
        || lower.starts_with(b"pic.twitter.com")
        || has(b".com/")
        || has(b".org/")
        || has(b".ly/")
}

struct RawToken {
    /// Letters and digits only, original case, diacritics folded.
    text: String,
    /// Byte range in the chunk.
    start: usize,
    end: usize,
    /// The token is followed by sentence-ending punctuation in its chunk.
    ends_sentence: bool,
}

/// Splits one whitespace-free chunk into alphanumeric tokens. Inner
/// apostrophes join ("don't"), a possessive "'s" is dropped, inner periods
/// join initialisms ("U.S."), inner commas and periods join numbers
/// ("2,000.5"), and a "%" after a number becomes its own token.
fn raw_tokens(chunk: &str, buffers: &mut TokenBuffers, out: &mut Vec<RawToken>) {
    out.clear();
    buffers.chars.clear();
    buffers.chars.extend(chunk.chars().map(fold_char));
    // fold_char maps one char to one char, so char positions carry over.
    buffers.byte_at.clear();
    buffers.byte_at.extend(
        chunk
            .char_indices()
            .map(|(b, _)| b)
            .chain(std::iter::once(chunk.len())),
    );
    let (chars, byte_at) = (&buffers.chars[..], &buffers.byte_at[..]);
    let byte = |i: usize| byte_at.get(i).copied().unwrap_or(chunk.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if !c.is_alphanumeric() {
            if matches!(c, '.' | '!' | '?' | ':' | ';') {
                if let Some(last) = out.last_mut() {
                    let last: &mut RawToken = last;
                    last.ends_sentence = c != ';';
                }
            }
            i += 1;
            continue;
        }
        let numeric = c.is_ascii_digit();
        let start = i;
        let mut text = String::new();
        let mut dotted = false;
        while i < chars.len() {
            let c = chars[i];
            let next = chars.get(i + 1).copied();
            if c.is_alphanumeric() {
                text.push(c);
                i += 1;
            } else if numeric && matches!(c, ',' | '.') && next.is_some_and(|n| n.is_ascii_digit())
            {
                if c == '.' {
                    text.push('.');
                }
                i += 1;
            } else if c == '\'' && next.is_some_and(char::is_alphabetic) {
                // Possessive: "Trump's" → "Trump"; otherwise "don't" → "dont".
                let after = chars.get(i + 2).copied();
                let possessive =
                    matches!(next, Some('s' | 'S')) && !after.is_some_and(char::is_alphanumeric);
                if possessive {
                    i += 2;
                    break;
                }
                i += 1;
            } else if c == '.'
                && !numeric
                && next.is_some_and(char::is_alphabetic)
                && text.chars().count() == 1
                && chars.get(i + 2).is_none_or(|&a| !a.is_alphabetic())
            {
                // "U.S." style initialisms: single letters joined by periods.
                dotted = true;
                i += 1;
            } else if dotted && c == '.' && next.is_some_and(char::is_alphabetic) {
                i += 1;
            } else {
                break;
            }
        }
        if dotted && chars.get(i) == Some(&'.') {
            // The initialism's own final period does not end a sentence.
            i += 1;
        }
        let percent = chars.get(i) == Some(&'%');
        out.push(RawToken {
            text,
            start: byte(start),
            end: byte(i),
            ends_sentence: false,
        });
        if percent {
            out.push(RawToken {
                text: "percent".to_string(),
                start: byte(i),
                end: byte(i + 1),
                ends_sentence: false,
            });
            i += 1;
        }
    }
}

/// [`raw_tokens`]'s working memory, reused from chunk to chunk.
#[derive(Default)]
struct TokenBuffers {
    chars: Vec<char>,
    byte_at: Vec<usize>,
}

/// "AustralianFires" → ["Australian", "Fires"]; "COVID19" → ["COVID", "19"].
fn split_camel_case(s: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut start = 0;
    let mut prev: Option<char> = None;
    for (i, c) in s.char_indices() {
        if let Some(p) = prev {
            let boundary = (p.is_lowercase() && c.is_uppercase())
                || (p.is_alphabetic() && c.is_ascii_digit())
                || (p.is_ascii_digit() && c.is_alphabetic())
                || (p.is_uppercase()
                    && c.is_uppercase()
                    && s[i + c.len_utf8()..]
                        .chars()
                        .next()
                        .is_some_and(char::is_lowercase));
            if boundary && i > start {
                parts.push(&s[start..i]);
                start = i;
            }
        }
        prev = Some(c);
    }
    if start < s.len() {
        parts.push(&s[start..]);
    }
    parts
}

fn push_term(out: &mut Vec<(Term, bool)>, raw: &str, sentence_start: bool, span: (usize, usize)) {
    if raw.is_empty() {
        return;
    }
    let first = raw.chars().next().unwrap_or(' ');
    if first.is_ascii_digit() {
        push_number(out, raw, span);
        return;
    }
    let upper_letters = raw.chars().filter(|c| c.is_uppercase()).count();
    let letters = raw.chars().filter(|c| c.is_alphabetic()).count();
    let acronym = letters >= 2 && upper_letters == letters;
    // "US" and "U.S." are the country; "us" is a pronoun.
    if raw == "US" || raw == "USA" {
        let text = "usa".to_string();
        out.push((
            Term {
                text,
                kind: TermKind::Name,
                span,
            },
            true,
        ));
        return;
    }
    let mut text: String = if raw.is_ascii() {
        raw.to_ascii_lowercase()
    } else {
        raw.chars().flat_map(char::to_lowercase).collect()
    };
    if is_stop_word(&text) {
        return;
    }
    let kind = if acronym || (first.is_uppercase() && !sentence_start) {
        TermKind::Name
    } else {
        TermKind::Word
    };
    if let Some(canonical) = synonym(&text) {
        text = canonical.to_string();
    } else {
        stem_in_place(&mut text);
    }
    out.push((Term { text, kind, span }, acronym));
}

/// Numbers keep their digits and decimal point; "1990s" and "22nd" keep the number.
fn push_number(out: &mut Vec<(Term, bool)>, raw: &str, span: (usize, usize)) {
    let digits_end = raw
        .char_indices()
        .find(|&(_, c)| !(c.is_ascii_digit() || c == '.'))
        .map_or(raw.len(), |(i, _)| i);
    let (number, rest) = raw.split_at(digits_end);
    let number = number.trim_end_matches('.');
    let rest_lower = rest.to_ascii_lowercase();
    if rest.is_empty() || matches!(rest_lower.as_str(), "st" | "nd" | "rd" | "th" | "s") {
        let text = number.to_string();
        out.push((
            Term {
                text,
                kind: TermKind::Number,
                span,
            },
            false,
        ));
    } else {
        // "5G", "19th-century" parts, "3D": a word, not a figure.
        let text = raw.to_lowercase();
        out.push((
            Term {
                text,
                kind: TermKind::Word,
                span,
            },
            false,
        ));
    }
}

/// Spellings that should meet on one term before stemming.
fn synonym(word: &str) -> Option<&'static str> {
    Some(match word {
        "percent" | "pct" => "percent",
        "covid" | "coronavirus" => "covid",
        "vaccine" | "vaccines" | "vaccinated" | "vaccination" | "vaccinations" => "vaccin",
        "america" | "american" | "americans" => "america",
        // Month abbreviations meet the stems of the full names.
        "jan" => "januari",
        "feb" => "februari",
        "apr" => "april",
        "jul" => "juli",
        "aug" => "august",
        "sep" | "sept" => "septemb",
        "oct" => "octob",
        "nov" => "novemb",
        "dec" => "decemb",
        _ => return None,
    })
}

fn is_stop_word(word: &str) -> bool {
    STOP_WORDS.binary_search(&word).is_ok() || lexicon::is_reporting_verb(word, Reader::StopWord)
}

/// English function words. The forms of "say" are stop words too ("says"
/// opens most PolitiFact claims and carries no topic); they live with the
/// other reporting verbs in [`crate::lexicon`]. Sorted for binary search.
const STOP_WORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "after",
    "again",
    "against",
    "all",
    "also",
    "am",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "down",
    "during",
    "each",
    "even",
    "ever",
    "few",
    "for",
    "from",
    "further",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "just",
    "me",
    "more",
    "most",
    "my",
    "myself",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "on",
    "once",
    "only",
    "or",
    "other",
    "our",
    "ours",
    "ourselves",
    "out",
    "over",
    "own",
    "rt",
    "same",
    "she",
    "should",
    "so",
    "some",
    "such",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "to",
    "too",
    "under",
    "until",
    "up",
    "us",
    "very",
    "via",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whom",
    "why",
    "will",
    "with",
    "would",
    "you",
    "your",
    "yours",
    "yourself",
    "yourselves",
];

#[cfg(test)]
mod tests;
