//! The teacher's (BERT uncased) tokenisation, small enough for the WASM:
//! lower-case, fold Latin accents, split on whitespace and punctuation, then
//! greedy longest-match WordPiece against the encoder's vocabulary.
//!
//! Differences from the teacher, all on text the encoder cannot use anyway:
//! characters outside Latin-1 keep their accents, and CJK characters are not
//! split one by one (their tokens are pruned from the vocabulary).

/// Longer words are one unknown token, as in BERT.
const MAX_WORD_CHARS: usize = 100;

/// Looks a piece up: `continuation` for pieces after the first of a word
/// (BERT's `##` prefix). Returns the token's row.
pub trait Vocabulary {
    fn find(&self, piece: &str, continuation: bool) -> Option<u32>;
}

/// Calls `emit` with the row of every known piece of `text`, in order.
/// Words that cannot be split into known pieces are skipped whole, as BERT
/// maps them to `[UNK]`, which the encoder has no vector for.
pub fn tokenize(text: &str, vocab: &impl Vocabulary, mut emit: impl FnMut(u32)) {
    let mut word = String::with_capacity(32);
    let mut rows: Vec<u32> = Vec::with_capacity(8);
    let mut flush = |word: &mut String, emit: &mut dyn FnMut(u32)| {
        if !word.is_empty() {
            rows.clear();
            if split_word(word, vocab, &mut rows) {
                rows.iter().for_each(|&r| emit(r));
            }
            word.clear();
        }
    };
    for c in text.chars() {
        if c.is_whitespace() || c.is_control() {
            flush(&mut word, &mut emit);
        } else if is_punctuation(c) {
            flush(&mut word, &mut emit);
            word.push(c);
            flush(&mut word, &mut emit);
        } else {
            push_folded(&mut word, c);
        }
    }
    flush(&mut word, &mut emit);
}

/// Greedy longest-match-first; false when some part matches nothing.
fn split_word(word: &str, vocab: &impl Vocabulary, rows: &mut Vec<u32>) -> bool {
    if word.chars().count() > MAX_WORD_CHARS {
        return false;
    }
    let mut start = 0;
    while start < word.len() {
        let rest = &word[start..];
        let mut end = rest.len();
        let found = loop {
            if let Some(row) = vocab.find(&rest[..end], start > 0) {
                break Some(row);
            }
            match rest[..end].char_indices().next_back() {
                Some((last, _)) if last > 0 => end = last,
                _ => break None,
            }
        };
        match found {
            Some(row) => rows.push(row),
            None => return false,
        }
        start += end;
    }
    true
}

/// BERT's punctuation: ASCII symbols, plus the Unicode punctuation a news
/// page uses (curly quotes, dashes, ellipsis, guillemets ...).
fn is_punctuation(c: char) -> bool {
    c.is_ascii_punctuation()
        || matches!(
            c,
            '\u{00A1}'
                | '\u{00A7}'
                | '\u{00AB}'
                | '\u{00B6}'
                | '\u{00B7}'
                | '\u{00BB}'
                | '\u{00BF}'
        )
        || ('\u{2010}'..='\u{205E}').contains(&c)
        || ('\u{3000}'..='\u{303F}').contains(&c)
}

/// Lower-cases `c` and strips a Latin-1 accent, as the uncased teacher does.
fn push_folded(word: &mut String, c: char) {
    if c.is_ascii() {
        word.push(c.to_ascii_lowercase());
        return;
    }
    // U+00C0..=U+00FF, lower-cased and without accents; '\0' keeps the char.
    const LATIN1: &str =
        "aaaaaa\0ceeeeiiii\0nooooo\0\0uuuuy\0\0aaaaaa\0ceeeeiiii\0nooooo\0\0uuuuy\0y";
    let code = c as u32;
    if (0xC0..=0xFF).contains(&code) {
        if let Some(plain) = LATIN1.as_bytes().get((code - 0xC0) as usize) {
            if *plain != 0 {
                word.push(char::from(*plain));
                return;
            }
        }
    }
    word.extend(c.to_lowercase());
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Words(&'static [&'static str]);

    impl Vocabulary for Words {
        fn find(&self, piece: &str, continuation: bool) -> Option<u32> {
            self.0
                .iter()
                .position(|w| match w.strip_prefix("##") {
                    Some(rest) => continuation && rest == piece,
                    None => !continuation && *w == piece,
                })
                .map(|k| k as u32)
        }
    }

    fn pieces(text: &str, vocab: &Words) -> Vec<&'static str> {
        let mut out = Vec::new();
        tokenize(text, vocab, |r| out.push(vocab.0[r as usize]));
        out
    }

    #[test]
    fn splits_like_bert_uncased() {
        let vocab = Words(&[
            "the", "un", "##aff", "##able", "cafe", ",", ".", "'", "s", "meth", "$", "5", "##0",
        ]);
        assert_eq!(
            pieces("The unaffable Café, meth's $50.", &vocab),
            ["the", "un", "##aff", "##able", "cafe", ",", "meth", "'", "s", "$", "5", "##0", "."]
        );
    }

    #[test]
    fn a_word_with_an_unknown_part_is_skipped_whole() {
        let vocab = Words(&["the", "un", "##able"]);
        assert_eq!(pieces("the unxable the", &vocab), ["the", "the"]);
        let long = "a".repeat(MAX_WORD_CHARS + 1);
        let vocab = Words(&["a", "##a"]);
        assert!(pieces(&long, &vocab).is_empty());
    }

    #[test]
    fn curly_quotes_and_dashes_are_punctuation() {
        let vocab = Words(&["\u{201C}", "yes", "\u{2014}", "no"]);
        assert_eq!(
            pieces("\u{201C}Yes\u{2014}no", &vocab),
            ["\u{201C}", "yes", "\u{2014}", "no"]
        );
    }
}
