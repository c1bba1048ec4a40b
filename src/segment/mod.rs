//! Stage 2, the text layer: sentences, tokens, and the recognisers later
//! stages read (figures, time expressions, named entities), plus the
//! article's language.
//!
//! Every span is a UTF-8 byte range into the original text; normalisation
//! (curly quotes, dashes, non-breaking spaces) happens in comparisons and in
//! [`Normalized`], never by rewriting the text.

pub mod entities;
mod gazetteer;
pub mod language;
pub mod quantities;
pub mod sentences;
pub mod times;
pub mod tokens;

pub use entities::{EntityMention, Mention, MentionForm};
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
    let found = entities::find(text, &tokens, &normalized, &sentences, &sentence_info);
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
