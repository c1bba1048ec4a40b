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
pub use tokens::{Token, TokenKind};

use crate::calendar::Date;
use crate::spans::ByteSpan;

/// The text layer over one text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TextLayer {
    pub sentences: Vec<ByteSpan>,
    pub tokens: Vec<Token>,
    pub quantities: Vec<QuantityMention>,
    pub times: Vec<TimeMention>,
    pub entities: Vec<entities::Entity>,
}

/// Segments `text`, whose paragraphs are `paragraphs` (sentences never cross
/// a paragraph), resolving times against `published`.
pub fn analyse(text: &str, paragraphs: &[ByteSpan], published: Option<Date>) -> TextLayer {
    let sentences = paragraphs
        .iter()
        .flat_map(|p| sentences::split(text, *p))
        .collect::<Vec<_>>();
    let tokens = tokens::tokenize(text);
    let quantities = quantities::find(text, &tokens);
    let times = times::find(text, &tokens, published);
    let entities = entities::find(text, &tokens, &sentences);
    TextLayer {
        sentences,
        tokens,
        quantities,
        times,
        entities,
    }
}
