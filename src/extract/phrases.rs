//! Which of several phrase lists occur in a text, found in one pass.
//!
//! The furniture and template-line checks ask whether any phrase of a list
//! occurs in a short element's text, for hundreds of elements a page. With
//! `str::contains` each phrase built its own substring searcher and read the
//! text again; here every phrase is indexed by its first byte once, and one
//! pass over the text tries only the phrases that start with each byte.
//! Matching is by bytes, which for UTF-8 finds exactly what `str::contains`
//! finds: a phrase's first byte never continues a character.

use std::sync::OnceLock;

/// Phrases starting with one byte, each with the bit of its list.
type Bucket = Vec<(&'static [u8], u32)>;

/// Up to 32 phrase lists, searched together. The lists stay where they are
/// defined; this only indexes them, on first use.
pub struct PhraseLists {
    lists: &'static [&'static [&'static str]],
    index: OnceLock<Vec<Bucket>>,
}

impl PhraseLists {
    pub const fn new(lists: &'static [&'static [&'static str]]) -> Self {
        PhraseLists {
            lists,
            index: OnceLock::new(),
        }
    }

    fn index(&self) -> &[Bucket] {
        self.index.get_or_init(|| {
            let mut index: Vec<Bucket> = vec![Vec::new(); 256];
            for (i, list) in self.lists.iter().enumerate() {
                for phrase in list.iter().map(|p| p.as_bytes()) {
                    // An empty phrase would occur everywhere; none is listed.
                    if let Some(&first) = phrase.first() {
                        index[usize::from(first)].push((phrase, 1 << i));
                    }
                }
            }
            index
        })
    }

    /// Bit `i` is set when a phrase of list `i` occurs in `text`.
    pub fn found_in(&self, text: &str) -> u32 {
        let index = self.index();
        let all = if self.lists.len() >= 32 {
            u32::MAX
        } else {
            (1u32 << self.lists.len()) - 1
        };
        let bytes = text.as_bytes();
        let mut found = 0u32;
        for at in 0..bytes.len() {
            for &(phrase, bit) in &index[usize::from(bytes[at])] {
                if found & bit == 0 && bytes[at..].starts_with(phrase) {
                    found |= bit;
                    if found == all {
                        return found;
                    }
                }
            }
        }
        found
    }

    /// Some phrase of some list occurs in `text`.
    pub fn any_in(&self, text: &str) -> bool {
        self.found_in(text) != 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FRUIT: &[&str] = &["apple", "pear", "péché"];
    const TOOLS: &[&str] = &["saw", "©", "hammer time"];
    static BOTH: PhraseLists = PhraseLists::new(&[FRUIT, TOOLS]);

    /// The one-pass search finds what a `str::contains` per phrase finds,
    /// at the start, the end, inside words and after multi-byte characters.
    #[test]
    fn finds_what_contains_per_phrase_finds() {
        for text in [
            "",
            "apple",
            "a pineapple sauce",
            "no fruit here",
            "pea",
            "the ©",
            "© 2024 a pear",
            "séché péché",
            "hammer tim",
            "it's hammer time, saw?",
            "ééé sawé",
        ] {
            let expected = u32::from(FRUIT.iter().any(|p| text.contains(p)))
                | u32::from(TOOLS.iter().any(|p| text.contains(p))) << 1;
            assert_eq!(BOTH.found_in(text), expected, "{text:?}");
            assert_eq!(BOTH.any_in(text), expected != 0, "{text:?}");
        }
    }
}
