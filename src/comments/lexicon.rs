//! The closed-class English words the stage needs: function words (which
//! never make a phrase "stock" on their own) and the structural anchors a
//! template skeleton is made of. Keys are lower-case, with `'` for apostrophes.

use std::sync::OnceLock;

use super::hashing::{hash_bytes, FastMap};

/// True for English function words: articles, pronouns, prepositions,
/// conjunctions, auxiliaries and modals, and the commonest adverbs.
/// "of the" and "it is" are made only of these; "time will tell" is not.
pub fn is_function_word(word: &str) -> bool {
    FUNCTION_WORDS.contains(&word)
}

const FUNCTION_WORDS: &[&str] = &[
    "a",
    "an",
    "the",
    "this",
    "that",
    "these",
    "those",
    "some",
    "any",
    "all",
    "each",
    "every",
    "no",
    "not",
    "nor",
    "other",
    "another",
    "such",
    "what",
    "which",
    "who",
    "whom",
    "whose",
    "when",
    "where",
    "why",
    "how",
    "i",
    "me",
    "my",
    "mine",
    "myself",
    "you",
    "your",
    "yours",
    "yourself",
    "he",
    "him",
    "his",
    "himself",
    "she",
    "her",
    "hers",
    "herself",
    "it",
    "its",
    "itself",
    "we",
    "us",
    "our",
    "ours",
    "ourselves",
    "they",
    "them",
    "their",
    "theirs",
    "themselves",
    "one",
    "ones",
    "of",
    "in",
    "on",
    "at",
    "to",
    "for",
    "with",
    "by",
    "from",
    "about",
    "into",
    "onto",
    "over",
    "under",
    "after",
    "before",
    "between",
    "through",
    "during",
    "without",
    "within",
    "against",
    "among",
    "around",
    "up",
    "down",
    "out",
    "off",
    "than",
    "as",
    "like",
    "via",
    "per",
    "upon",
    "and",
    "or",
    "but",
    "if",
    "so",
    "because",
    "since",
    "while",
    "though",
    "although",
    "unless",
    "whether",
    "yet",
    "then",
    "also",
    "too",
    "very",
    "just",
    "only",
    "even",
    "still",
    "there",
    "here",
    "now",
    "again",
    "more",
    "most",
    "much",
    "many",
    "few",
    "less",
    "least",
    "own",
    "same",
    "be",
    "is",
    "am",
    "are",
    "was",
    "were",
    "been",
    "being",
    "do",
    "does",
    "did",
    "done",
    "have",
    "has",
    "had",
    "having",
    "get",
    "got",
    "go",
    "can",
    "could",
    "may",
    "might",
    "will",
    "would",
    "shall",
    "should",
    "must",
    "ought",
    "i'm",
    "i've",
    "i'll",
    "i'd",
    "you're",
    "you've",
    "you'll",
    "you'd",
    "he's",
    "he'll",
    "he'd",
    "she's",
    "she'll",
    "she'd",
    "it's",
    "it'll",
    "we're",
    "we've",
    "we'll",
    "we'd",
    "they're",
    "they've",
    "they'll",
    "they'd",
    "that's",
    "there's",
    "what's",
    "who's",
    "let's",
    "isn't",
    "aren't",
    "wasn't",
    "weren't",
    "don't",
    "doesn't",
    "didn't",
    "haven't",
    "hasn't",
    "hadn't",
    "won't",
    "wouldn't",
    "can't",
    "couldn't",
    "shouldn't",
    "mustn't",
    "cannot",
    "dont",
    "doesnt",
    "didnt",
    "cant",
    "wont",
    "im",
    "ive",
    "isnt",
    "thats",
];

/// Class of a modal: different modals in the same slot are the same frame
/// ("his X could Y" and "his X may Y").
pub const MODAL: &str = "MODAL";

/// The structural anchor a word contributes to a comment's skeleton, or
/// `None` for words that fill the slots. Anchors are subject and possessive
/// pronouns, modals, and the connectives that join clauses.
pub fn frame_anchor(word: &str) -> Option<&'static str> {
    Some(match word {
        w if crate::lexicon::is_modal(w) => MODAL,
        "i" => "i",
        "you" => "you",
        "he" => "he",
        "she" => "she",
        "it" => "it",
        "we" => "we",
        "they" => "they",
        "his" => "his",
        "her" => "her",
        "its" => "its",
        "their" => "their",
        "my" => "my",
        "our" => "our",
        "your" => "your",
        "he'll" | "he'd" => "he+MODAL",
        "she'll" | "she'd" => "she+MODAL",
        "they'll" | "they'd" => "they+MODAL",
        "i'll" | "i'd" => "i+MODAL",
        "we'll" | "we'd" => "we+MODAL",
        "you'll" | "you'd" => "you+MODAL",
        "it'll" => "it+MODAL",
        "he's" => "he's",
        "she's" => "she's",
        "it's" => "it's",
        "they're" => "they're",
        "i'm" => "i'm",
        "but" => "but",
        "if" => "if",
        "so" => "so",
        "whether" => "whether",
        "while" => "while",
        "though" | "although" => "though",
        "because" => "because",
        "unless" => "unless",
        "yet" => "yet",
        _ => return None,
    })
}

/// True for anchors that give a frame its shape: modals and connectives.
/// A frame made only of pronouns and commas is ordinary English.
pub fn is_shaping_anchor(anchor: &str) -> bool {
    anchor.contains(MODAL)
        || matches!(
            anchor,
            "but" | "if" | "so" | "whether" | "while" | "though" | "because" | "unless" | "yet"
        )
}

/// Words dropped from the start of a displayed phrase: "but he'll have to
/// prove" reads as "he'll have to prove".
pub fn is_leading_edge_word(word: &str) -> bool {
    matches!(
        word,
        "a" | "an"
            | "the"
            | "and"
            | "or"
            | "but"
            | "so"
            | "of"
            | "in"
            | "on"
            | "at"
            | "for"
            | "with"
            | "by"
            | "from"
            | "as"
            | "that"
            | "this"
            | "if"
            | "then"
            | "also"
            | "just"
            | "very"
            | "to"
    )
}

/// Words dropped from the end of a displayed phrase: "could provide a fresh
/// perspective but he'll" reads as "could provide a fresh perspective".
/// "to" and modals stay: "he'll need to" is the phrase.
pub fn is_trailing_edge_word(word: &str) -> bool {
    is_function_word(word) && word != "to" && !crate::lexicon::is_modal(word)
}

/// What the lexicon says about one word, looked up once per word by hash.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Entry {
    pub function: bool,
    pub anchor: Option<&'static str>,
    pub leading_edge: bool,
    pub trailing_edge: bool,
}

/// The entry for the word whose [`hash_bytes`] is `key` (content words have
/// the default entry). One hash lookup instead of several string matches.
pub fn lookup(key: u64) -> Entry {
    static TABLE: OnceLock<FastMap<Entry>> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        FUNCTION_WORDS
            .iter()
            .map(|w| {
                let entry = Entry {
                    function: true,
                    anchor: frame_anchor(w),
                    leading_edge: is_leading_edge_word(w),
                    trailing_edge: is_trailing_edge_word(w),
                };
                (hash_bytes(w.as_bytes()), entry)
            })
            .collect()
    });
    table.get(&key).copied().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn function_words_and_anchors() {
        for w in ["of", "the", "he'll", "could", "it's", "cannot"] {
            assert!(is_function_word(w), "{w}");
        }
        for w in ["time", "tell", "questions", "perspective", "kushner"] {
            assert!(!is_function_word(w), "{w}");
        }
        assert_eq!(frame_anchor("could"), Some(MODAL));
        assert_eq!(frame_anchor("may"), Some(MODAL));
        assert_eq!(frame_anchor("he'll"), Some("he+MODAL"));
        assert_eq!(frame_anchor("the"), None);
        assert!(is_shaping_anchor("he+MODAL"));
        assert!(is_shaping_anchor("but"));
        assert!(!is_shaping_anchor("his"));
        // Every anchor is a function word, so slots and anchors never overlap.
        for w in ["can", "he'll", "its", "though", "although", "yet", "i'm"] {
            assert!(frame_anchor(w).is_some() && is_function_word(w), "{w}");
        }
        assert!(!is_trailing_edge_word("to") && is_trailing_edge_word("but"));
        assert!(is_leading_edge_word("but") && !is_leading_edge_word("he'll"));
        // Every edge word is a function word, so the table covers them all.
        for w in [
            "a", "an", "the", "and", "or", "but", "so", "of", "in", "on", "at", "for", "with",
            "by", "from", "as", "that", "this", "if", "then", "also", "just", "very", "to",
        ] {
            assert!(is_function_word(w) && is_leading_edge_word(w), "{w}");
        }
        let e = lookup(hash_bytes(b"could"));
        assert!(e.function && e.anchor == Some(MODAL) && !e.trailing_edge);
        assert_eq!(lookup(hash_bytes(b"perspective")), Entry::default());
    }
}
