//! The importer module's API (`claimlens_import_bg.wasm`): fact-check files
//! and live lookup responses in, pack bytes and matches out. Loaded by the
//! background only when the reader imports a file or a live lookup answers,
//! so its readers (JSON-LD, JSON Lines, HTML, claims:search) and the pack
//! builder stay out of the analysis module.

use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

use super::{match_options, tiers, to_js};
use crate::analysis::FactCheckMatch;
use crate::verify::import::{self, ImportError};
use crate::verify::live;
use crate::verify::pack::{self, PackMeta};

/// Pack metadata as JS passes it to `build_pack`: `{ name, description?, source?, licence? }`.
#[derive(Deserialize, Default)]
#[serde(default)]
struct JsPackMeta {
    name: String,
    description: String,
    source: String,
    licence: String,
}

#[derive(Serialize)]
struct BuiltPack {
    /// The `.clpack` file, ready for `load_pack`.
    #[serde(with = "serde_bytes_as_array")]
    bytes: Vec<u8>,
    /// The format the file was read as (e.g. "ClaimReview JSON-LD").
    format: &'static str,
    records: usize,
    /// Records left out, with their line or index and the reason.
    skipped: usize,
    /// Every problem found, record skipped or field dropped, as text.
    issues: Vec<String>,
    /// Records whose id repeats an earlier one (left out).
    duplicates: usize,
}

/// Serialises the pack as a Uint8Array rather than an array of numbers.
mod serde_bytes_as_array {
    pub fn serialize<S: serde::Serializer>(bytes: &[u8], s: S) -> Result<S::Ok, S::Error> {
        s.serialize_bytes(bytes)
    }
}

/// Builds a fact-check pack from a file of published fact-checks (ClaimReview
/// JSON-LD, a claims:search response, JSON Lines, or an HTML page with
/// ClaimReview), as `claimlens index build` does. Returns
/// `{bytes, format, records, skipped, issues, duplicates}`: bad records are
/// reported, never dropped silently. Throws, building nothing, when the file
/// cannot be read at all or holds no usable fact-check.
#[wasm_bindgen]
pub fn build_pack(file_name: &str, bytes: &[u8], meta_value: JsValue) -> Result<JsValue, JsError> {
    let js: JsPackMeta = serde_wasm_bindgen::from_value(meta_value)
        .map_err(|e| JsError::new(&format!("bad pack metadata: {e}")))?;
    let (format, report) =
        import::import(file_name, bytes).map_err(|e| JsError::new(&e.to_string()))?;
    let skipped = report.skipped();
    let issues: Vec<String> = report.issues.iter().map(|i| i.to_string()).collect();
    let meta = PackMeta {
        name: js.name,
        description: js.description,
        source: js.source,
        licence: js.licence,
        builder: format!("claimlens {} (browser import)", env!("CARGO_PKG_VERSION")),
    };
    let (built, summary) = pack::build(&report.records, &meta).map_err(|e| {
        let first = issues
            .first()
            .map(|i| format!(" (first problem: {i})"))
            .unwrap_or_default();
        JsError::new(&format!("{e}{first}"))
    })?;
    let out = BuiltPack {
        bytes: built,
        format: format.name(),
        records: summary.records,
        skipped,
        issues,
        duplicates: summary.duplicate_ids.len(),
    };
    // Not json_compatible: the bytes must arrive as a Uint8Array.
    out.serialize(&serde_wasm_bindgen::Serializer::new())
        .map_err(|e| JsError::new(&format!("cannot return the pack: {e}")))
}

#[derive(Serialize)]
struct LiveError {
    /// `service` (the API answered with an error), `malformed` (not a
    /// claims:search response), `too_large` or `empty`.
    kind: &'static str,
    message: String,
    code: Option<i64>,
    status: Option<String>,
}

#[derive(Serialize)]
struct LiveOutput {
    matches: Vec<FactCheckMatch>,
    related: Vec<FactCheckMatch>,
    received: usize,
    issues: Vec<String>,
    error: Option<LiveError>,
}

/// Turns a Google Fact Check Tools `claims:search` response body (fetched
/// by the extension's background with the user's key) into matches for
/// `claim`. The body is untrusted: it is size-capped, parsed defensively,
/// and its reviews pass the same re-ranker and threshold as local packs.
/// Never throws for a bad body: `error` says what was wrong with it.
#[wasm_bindgen]
pub fn live_matches(claim: &str, body: &str, options_value: JsValue) -> Result<JsValue, JsError> {
    let (published, settings) = match_options(options_value)?;
    let output = match live::live_matches(claim, published, body.as_bytes(), &settings) {
        Ok(result) => {
            let (matches, related) = tiers(&result.matches);
            LiveOutput {
                matches,
                related,
                received: result.received,
                issues: result.issues.iter().map(|i| i.to_string()).collect(),
                error: None,
            }
        }
        Err(e) => {
            let (kind, code, status) = match &e {
                ImportError::Service { code, status, .. } => ("service", *code, status.clone()),
                ImportError::TooLarge { .. } => ("too_large", None, None),
                ImportError::Empty => ("empty", None, None),
                _ => ("malformed", None, None),
            };
            LiveOutput {
                matches: Vec::new(),
                related: Vec::new(),
                received: 0,
                issues: Vec::new(),
                error: Some(LiveError {
                    kind,
                    message: e.to_string(),
                    code,
                    status,
                }),
            }
        }
    };
    to_js(&output)
}
