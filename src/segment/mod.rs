//! Stage 2, the text layer: sentences, tokens, and the recognisers later
//! stages read (figures, time expressions, named entities), plus the
//! article's language.
//!
//! Every span is a UTF-8 byte range into the original text; normalisation
//! (curly quotes, dashes, non-breaking spaces) happens in comparisons and in
//! [`Normalized`], never by rewriting the text.

pub mod entities;
// Moved to the crate root (extract uses it too); kept reachable here for
// the recognisers' `super::fxhash` imports.
use crate::fxhash;
pub(crate) mod gazetteer;
pub mod language;
pub mod numbers;
pub mod quantities;
pub mod sentences;
pub mod times;
pub mod tokens;
mod unpunctuated;

pub use entities::{EntityMention, Mention, MentionForm};
/// Lower-case nouns that head a role before a name; the attribution stage reads them too.
pub use gazetteer::ROLE_HEADS;
pub use quantities::{Modifier, QuantityKind, QuantityMention};
pub use sentences::{SentenceInfo, SentenceKind};
pub use times::{TimeDirection, TimeKind, TimeMention, Unresolved};
pub use tokens::{Normalized, Token, TokenKind};

use crate::calendar::Date;
use crate::spans::ByteSpan;

/// The text layer over one text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TextLayer {
    pub sentences: Vec<ByteSpan>,
    /// Parallel to `sentences`: kind (body, heading, list item), paragraph, quote state.
    pub sentence_info: Vec<SentenceInfo>,
    pub tokens: Vec<Token>,
    /// Lower-cased, typographically normalised form of each token
    /// (`normalized.get(k)` for `tokens[k]`): "trump's" for "Trump’s".
    pub normalized: Normalized,
    pub quantities: Vec<QuantityMention>,
    pub times: Vec<TimeMention>,
    pub entities: Vec<entities::Entity>,
    /// Every mention of a person, organisation or place, in text order,
    /// with its candidate entities: full names, surnames and given names
    /// (certain when one entity fits, ambiguous otherwise), and pronouns.
    pub mentions: Vec<Mention>,
}

impl TextLayer {
    /// The tokens inside `span` (a sentence, a quote), by binary search.
    pub fn tokens_in(&self, span: ByteSpan) -> &[Token] {
        let from = self.tokens.partition_point(|t| t.span.start < span.start);
        let to = self.tokens.partition_point(|t| t.span.end <= span.end);
        self.tokens.get(from..to.max(from)).unwrap_or(&[])
    }

    /// The index of the sentence containing byte `at`, if any.
    pub fn sentence_at(&self, at: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.end <= at);
        self.sentences
            .get(i)
            .filter(|s| s.start <= at && at < s.end)
            .map(|_| i)
    }

    /// The mentions inside `span`.
    pub fn mentions_in(&self, span: ByteSpan) -> impl Iterator<Item = &Mention> {
        let from = self.mentions.partition_point(|m| m.span.start < span.start);
        self.mentions[from..]
            .iter()
            .take_while(move |m| m.span.start < span.end)
            .filter(move |m| span.contains(m.span))
    }
}

/// Segments `text`, whose paragraphs are `paragraphs` (sentences never cross
/// a paragraph), resolving times against `published`.
pub fn analyse(text: &str, paragraphs: &[ByteSpan], published: Option<Date>) -> TextLayer {
    let mut sentences = Vec::new();
    let mut sentence_info = Vec::new();
    for (i, p) in paragraphs.iter().enumerate() {
        sentences::split_into(text, *p, i, &mut sentences, &mut sentence_info);
    }
    let tokens = tokens::tokenize(text);
    let normalized = tokens::Normalized::new(text, &tokens);
    let times = times::find(text, &tokens, &normalized, &sentences, published);
    let quantities = quantities::find(text, &tokens, &normalized, &times);
    let found = entities::find(
        text,
        &tokens,
        &normalized,
        &sentences,
        &sentence_info,
        &times,
    );
    TextLayer {
        sentences,
        sentence_info,
        tokens,
        normalized,
        quantities,
        times,
        entities: found.entities,
        mentions: found.mentions,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn whole(text: &str) -> TextLayer {
        analyse(
            text,
            &[ByteSpan::new(0, text.len())],
            Date::new(2025, 12, 22),
        )
    }

    #[test]
    fn every_span_is_on_char_boundaries_for_hostile_pages() {
        let cases = [
            "(".repeat(20_000),
            "aa.Bb".repeat(5_000),
            "Kelly, a ".repeat(3_000),
            "“".repeat(10_000) + &"”".repeat(10_000),
            "Mr. ".repeat(5_000),
            "in March ".repeat(3_000),
            "$1 ".repeat(5_000),
            "é.É ".repeat(5_000),
            "\u{a0}\u{200b}\u{feff}".repeat(5_000),
            "1. 2. 3. ".repeat(2_000),
            "Ian Kelly said. Anna Kelly said. Kelly said he left. ".repeat(500),
        ];
        for text in &cases {
            let layer = whole(text);
            let spans = layer
                .sentences
                .iter()
                .chain(layer.tokens.iter().map(|t| &t.span))
                .chain(layer.quantities.iter().map(|q| &q.span))
                .chain(layer.times.iter().map(|t| &t.span))
                .chain(layer.mentions.iter().map(|m| &m.span));
            for s in spans {
                assert!(s.start <= s.end && s.end <= text.len());
                assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
            }
            assert_eq!(layer.sentences.len(), layer.sentence_info.len());
            assert_eq!(layer.normalized.len(), layer.tokens.len());
        }
    }

    #[test]
    fn helpers_find_tokens_sentences_and_mentions() {
        let text = "Ian Kelly spoke. He left Miami on Sunday.";
        let layer = whole(text);
        assert_eq!(layer.sentences.len(), 2);
        let second = layer.sentences[1];
        let words: Vec<&str> = layer
            .tokens_in(second)
            .iter()
            .map(|t| t.text(text))
            .collect();
        assert_eq!(words, vec!["He", "left", "Miami", "on", "Sunday", "."]);
        assert_eq!(layer.sentence_at(text.find("Miami").unwrap()), Some(1));
        assert_eq!(layer.sentence_at(text.find(" He").unwrap()), None);
        let names: Vec<&str> = layer.mentions_in(second).map(|m| m.span.of(text)).collect();
        assert_eq!(names, vec!["He", "Miami"]);
        let he = layer.mentions_in(second).next().unwrap();
        assert_eq!(he.form, MentionForm::Pronoun);
        assert_eq!(layer.entities[he.candidates[0]].name, "Ian Kelly");
    }
}
