//! Proper names, so that "Trump 2.0" or "the Middle East" shared by many
//! commenters is not mistaken for stock phrasing: they are what the thread
//! is about. A word is a name when, away from the start of a sentence, it is
//! always capitalised (in the comments and the article alike).

use super::hashing::FastSet;
use super::tokens::Word;

/// Stems (see [`Word::stem`]) of the words that are used as proper names.
pub fn proper_names<'a>(texts: impl IntoIterator<Item = &'a [Word]> + Clone) -> FastSet {
    // Candidates: stems capitalised somewhere away from a sentence start.
    let mid_sentence = |w: &&Word| w.content && !w.break_before;
    let mut names: FastSet = texts
        .clone()
        .into_iter()
        .flat_map(|words| words.iter().filter(mid_sentence).filter(|w| w.capitalized))
        .map(|w| w.stem)
        .collect();
    // Any lower-case use away from a sentence start disqualifies.
    if !names.is_empty() {
        for words in texts {
            for w in words.iter().filter(mid_sentence) {
                if !w.capitalized {
                    names.remove(&w.stem);
                }
            }
        }
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::comments::tokens::words;

    #[test]
    fn names_are_capitalised_mid_sentence_only() {
        let a = words("Time will tell. I trust Kushner's instincts and time", &[]);
        let b = words("Ask Kushner. Tell them.", &[]);
        let names = proper_names([a.as_slice(), b.as_slice()]);
        assert!(names.contains(&a[5].stem), "Kushner's");
        assert!(names.contains(&b[1].stem), "Kushner");
        assert!(
            !names.contains(&a[0].stem),
            "Time is lower-case mid-sentence elsewhere"
        );
        assert!(!names.contains(&b[2].stem), "Tell only starts a sentence");
    }
}
