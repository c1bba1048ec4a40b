//! Stage 5: the reader's note for each claim: what the text shows, what
//! published fact-checks say, and how to check it yourself.
//!
//! - [`factcheck`]: the fact-check model (schema.org ClaimReview);
//! - [`import`]: ClaimReview JSON-LD, `claims:search` responses, JSON Lines;
//! - [`pack`]: the compact binary pack file, and [`index`] its term index;
//! - [`text`] and [`stem`]: the normalisation both sides of a match share;
//! - [`matcher`]: BM25F retrieval and the calibrated re-ranker;
//! - [`registry`]: the packs in use, merged results;
//! - [`live`]: results of the opt-in Google Fact Check Tools lookup;
//! - [`note`]: the note itself.
//!
//! Notes are plain data; the UI renders them as text, never as HTML.

pub mod factcheck;
pub mod import;
pub mod index;
pub mod live;
pub mod matcher;
pub mod note;
pub mod pack;
pub mod registry;
pub mod same_claim;
pub mod stem;
pub mod text;

use std::sync::Arc;

use crate::analysis::{FactCheckMatch, Note};
use crate::attribute::{Attribution, Sourcing};
use crate::calendar::Date;
use crate::detect::Detection;
use crate::encode::Encoder;
use crate::segment::TextLayer;

pub use matcher::{SearchSettings, DEFAULT_THRESHOLD};
pub use note::percent_encode;
pub use pack::{Pack, PackError};
pub use registry::{Match, PackInfo, Registry, Tier};

/// The note and the matched fact-checks of one claim.
#[derive(Debug, Clone, PartialEq)]
pub struct Verified {
    pub note: Note,
    /// Fact-checks of this very claim.
    pub matches: Vec<FactCheckMatch>,
    /// Fact-checks of a related claim (never with a verdict in the note).
    pub related: Vec<FactCheckMatch>,
}

/// Where and how check-worthy claims are looked up.
#[derive(Debug, Clone, Copy)]
pub struct Search<'a> {
    /// The fact-check packs; `None` searches none.
    pub packs: Option<&'a Registry>,
    pub settings: &'a SearchSettings,
    /// The sentence encoder, when loaded: the same-claim decision then
    /// compares the claims' meanings too.
    pub encoder: Option<&'a Arc<Encoder>>,
}

/// Notes for every detection, in order. Check-worthy claims are looked up
/// as `search` says; `published` (the article's date) helps date the matches.
pub fn verify(
    text: &str,
    layer: &TextLayer,
    detections: &[Detection],
    attribution: &Attribution,
    published: Option<Date>,
    search: Search<'_>,
) -> Vec<Verified> {
    let Search {
        packs,
        settings,
        encoder,
    } = search;
    let mut searcher = matcher::Searcher::default().with_encoder(encoder.cloned());
    detections
        .iter()
        .map(|detection| {
            let unattributed = Sourcing::unattributed(detection.span);
            let context = note::ClaimContext {
                text,
                detection,
                sourcing: attribution
                    .sourcing_for(detection.span)
                    .unwrap_or(&unattributed),
                layer,
                quotes: &attribution.quotes,
            };
            let lookup = match packs {
                _ if !detection.checkworthy => note::Lookup::NotChecked,
                Some(registry) if !registry.is_empty() => {
                    let claim = matcher::Analysed::new(detection.span.of(text), published)
                        .with_speaker(context.sourcing.speaker.as_deref())
                        .with_cue(context.sourcing.cue.map(|cue| cue.of(text)));
                    note::Lookup::Searched(registry.search(&mut searcher, &claim, settings))
                }
                _ => note::Lookup::NoPacks,
            };
            let note::Composed {
                note,
                matches,
                related,
            } = note::compose(&context, &lookup);
            Verified {
                note,
                matches,
                related,
            }
        })
        .collect()
}
