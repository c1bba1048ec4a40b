//! The WebAssembly API: thin wrappers that convert JS values and call the
//! pure core. No logic lives here. Snapshots come in as JSON text (see
//! `snapshot::json` for why); everything else goes through serde-wasm-bindgen.

use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

use crate::calendar::Date;
use crate::{Options, Snapshot};

/// Options as JS passes them: `{ published?: "YYYY-MM-DD", threshold?: number }`.
#[derive(Deserialize, Default)]
#[serde(default)]
struct JsOptions {
    published: Option<String>,
    threshold: Option<f32>,
}

fn options(value: JsValue) -> Result<Options, JsError> {
    if value.is_undefined() || value.is_null() {
        return Ok(Options::default());
    }
    let js: JsOptions = serde_wasm_bindgen::from_value(value)
        .map_err(|e| JsError::new(&format!("bad options: {e}")))?;
    let published = match js.published.as_deref() {
        None | Some("") => None,
        Some(s) => Some(
            Date::parse_iso(s).ok_or_else(|| JsError::new(&format!("bad published date `{s}`")))?,
        ),
    };
    Ok(Options {
        published,
        threshold: js.threshold,
        ..Options::default()
    })
}

/// A snapshot object from JS, through `JSON.stringify` and serde_json.
fn snapshot_from_js(value: &JsValue) -> Result<Snapshot, JsError> {
    let json = js_sys::JSON::stringify(value)
        .ok()
        .and_then(|json| json.as_string())
        .ok_or_else(|| JsError::new("bad snapshot: not a JSON-serialisable object"))?;
    crate::snapshot::json::snapshot_from_json(&json)
        .map_err(|e| JsError::new(&format!("bad snapshot: {e}")))
}

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    // Plain objects (not Maps) so the result survives structured cloning and JSON.
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    value
        .serialize(&serializer)
        .map_err(|e| JsError::new(&format!("cannot return analysis: {e}")))
}

/// Analyses a page snapshot (see `src/snapshot/mod.rs` for its shape).
#[wasm_bindgen]
pub fn analyze(snapshot: JsValue, options_value: JsValue) -> Result<JsValue, JsError> {
    let snapshot = snapshot_from_js(&snapshot)?;
    let analysis = crate::analyze(&snapshot, &options(options_value)?)
        .map_err(|e| JsError::new(&e.to_string()))?;
    to_js(&analysis)
}

/// The article text and metadata alone, as `claimlens extract` prints them:
/// for a reader view, and for the extraction benchmark against Readability.js.
#[derive(Serialize)]
struct ExtractOutput {
    /// False when the page has no article (`text` is then empty).
    found: bool,
    title: Option<String>,
    byline: Option<String>,
    published: Option<String>,
    site: Option<String>,
    lang: Option<String>,
    excerpt: Option<String>,
    text: String,
}

/// Extracts the article from a page snapshot, without analysing it.
#[wasm_bindgen]
pub fn extract(snapshot: JsValue) -> Result<JsValue, JsError> {
    let snapshot = snapshot_from_js(&snapshot)?;
    let extraction =
        crate::extract::extract(&snapshot).map_err(|e| JsError::new(&e.to_string()))?;
    let m = extraction.metadata;
    let text = extraction.article.map(|a| a.text);
    to_js(&ExtractOutput {
        found: text.is_some(),
        title: m.title,
        byline: m.byline,
        published: m.published.map(|d| d.to_string()),
        site: m.site,
        lang: m.lang,
        excerpt: m.excerpt,
        text: text.unwrap_or_default(),
    })
}

/// Analyses plain text; paragraphs are separated by blank lines.
#[wasm_bindgen]
pub fn analyze_text(text: &str, options_value: JsValue) -> Result<JsValue, JsError> {
    to_js(&crate::analyze_text(text, &options(options_value)?))
}

/// The core's version, for the extension's about box and bug reports.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

/// The check-worthiness threshold the model uses when none is given: the
/// options page marks it on its sensitivity slider.
#[wasm_bindgen]
pub fn default_threshold() -> f32 {
    crate::detect::DEFAULT_THRESHOLD
}
