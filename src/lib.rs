//! ClaimLens: finds the factual claims in a news article, and explains how
//! each one is sourced and how to check it.
//!
//! The pipeline runs one way, one module per stage:
//! [`snapshot`] → [`extract`] → [`segment`] → [`detect`] → [`attribute`] →
//! [`verify`] → [`spans`] (UTF-8 to UTF-16) → [`analysis`] (the JSON contract).
//!
//! ```
//! let analysis = claimlens::analyze_text(
//!     "The council said on Monday that it spent $2 billion on roads last year.",
//!     &claimlens::Options::default(),
//! );
//! assert_eq!(analysis.schema, "claimlens/analysis@1");
//! assert!(analysis.claims[0].quantities.iter().any(|q| q.text == "$2 billion"));
//! ```

pub mod analysis;
mod assemble;
pub mod attribute;
pub mod calendar;
pub mod comments;
pub mod detect;
pub mod draw;
pub mod encode;
/// The analysis's English sentences, for native readers only: the extension
/// words the codes through `_locales`, so the WASM build carries none.
#[cfg(not(target_arch = "wasm32"))]
pub mod english;
pub mod extract;
mod fxhash;
pub mod lexicon;
pub mod limits;
pub mod pipeline;
pub mod segment;
pub mod snapshot;
pub mod sort;
pub mod spans;
pub mod stage_times;
pub mod verify;

mod bytes;

#[cfg(target_arch = "wasm32")]
mod wasm;

pub use analysis::Analysis;
/// The notice of an analysis dated by `Options::published_fallback`, in English.
#[cfg(not(target_arch = "wasm32"))]
pub use english::PUBLISHED_FALLBACK_NOTICE;
pub use pipeline::{analyze, analyze_text, AnalyzeError, Options};
pub use snapshot::Snapshot;

#[cfg(not(target_arch = "wasm32"))]
pub mod batch;
#[cfg(not(target_arch = "wasm32"))]
pub mod cli;
#[doc(hidden)]
#[cfg(not(target_arch = "wasm32"))]
pub mod dev_data;
#[cfg(not(target_arch = "wasm32"))]
pub mod eval;
