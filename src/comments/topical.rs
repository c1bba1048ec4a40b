//! Phrases the article itself uses ("foreign policy", "peace talks") are the
//! topic, not stock phrasing, when commenters repeat them.

use super::hashing::{extend, FastSet, SEQUENCE_START};
use super::tokens::Word;

/// The members of `wanted` (word-sequence hashes of at most `max_len` words)
/// that occur in `article`.
pub fn in_article(article: &[Word], wanted: &FastSet, max_len: usize) -> FastSet {
    let mut found = FastSet::default();
    if wanted.is_empty() {
        return found;
    }
    for start in 0..article.len() {
        let mut hash = SEQUENCE_START;
        for (k, w) in article[start..].iter().take(max_len).enumerate() {
            if k > 0 && w.break_before {
                break;
            }
            hash = extend(hash, w.key);
            if k > 0 && wanted.contains(&hash) {
                found.insert(hash);
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::comments::hashing::sequence;
    use crate::comments::tokens::words;

    #[test]
    fn finds_wanted_phrases_within_sentences() {
        let article = words(
            "Kushner returned to foreign policy. Peace talks stalled.",
            &[],
        );
        let key = |t: &str| sequence(words(t, &[]).iter().map(|w| w.key));
        let wanted: FastSet = [
            "foreign policy",
            "policy peace",
            "peace talks",
            "time will tell",
        ]
        .iter()
        .map(|t| key(t))
        .collect();
        let found = in_article(&article, &wanted, 6);
        assert!(found.contains(&key("Foreign Policy")));
        assert!(found.contains(&key("peace talks")));
        assert!(
            !found.contains(&key("policy peace")),
            "crosses a sentence end"
        );
        assert_eq!(found.len(), 2);
    }
}
