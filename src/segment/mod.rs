//! Stage 2, the text layer: sentences, tokens, and the recognisers later
//! stages read (figures, time expressions, named entities).

pub mod entities;
pub mod quantities;
pub mod sentences;
pub mod times;
pub mod tokens;

pub use entities::EntityMention;
pub use quantities::QuantityMention;
pub use times::TimeMention;
pub use sentences::{SentenceInfo, SentenceKind};
pub use tokens::{Token, TokenKind};

use crate::calendar::Date;
use crate::spans::ByteSpan;

/// The text layer over one text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TextLayer {
    pub sentences: Vec<ByteSpan>,
    /// Parallel to `sentences`: kind (body, heading, list item), paragraph, quote state.
    pub sentence_info: Vec<SentenceInfo>,
    pub tokens: Vec<Token>,
    pub quantities: Vec<QuantityMention>,
    pub times: Vec<TimeMention>,
    pub entities: Vec<entities::Entity>,
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
    let entities = entities::find(text, &tokens, &sentences);
    TextLayer {
        sentences,
        sentence_info,
        tokens,
        quantities,
        times,
        entities,
    }
}
