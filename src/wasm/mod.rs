//! The WebAssembly API: thin wrappers that convert JS values and call the
//! pure core. No logic lives here.
//!
//! The crate builds two modules (scripts/build-wasm.sh), so that the code
//! that reads fact-check files never weighs on the analysis path:
//! - [`analysis`] (feature `analysis-module`, the default):
//!   `claimlens_bg.wasm`, which the background loads to analyse a page;
//! - [`import`] (feature `importer-module`): `claimlens_import_bg.wasm`,
//!   loaded only to build a pack from an imported file or to read a live
//!   lookup's response. Its output (pack bytes, matches) is plain data the
//!   analysis module or the UI takes from there.

#[cfg(feature = "analysis-module")]
mod analysis;
#[cfg(feature = "importer-module")]
mod import;

use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

use crate::analysis::FactCheckMatch;
use crate::calendar::Date;
use crate::verify::matcher::SearchSettings;
use crate::verify::{note, Match, Tier};

/// A value as plain JS objects (not Maps), so it survives structured cloning and
/// JSON; through serde_json's text, for the same reason as [`from_js`].
fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    let json = serde_json::to_string(value)
        .map_err(|e| JsError::new(&format!("cannot return analysis: {e}")))?;
    js_sys::JSON::parse(&json).map_err(|_| JsError::new("cannot return analysis: bad JSON"))
}

/// A value from JS, through its JSON text: serde_json is in the module
/// anyway, and a second (de)serialiser per type would cost WASM size.
/// `context` starts the error JS sees ("bad options: …").
fn from_js<T: serde::de::DeserializeOwned>(value: &JsValue, context: &str) -> Result<T, JsError> {
    let json = js_sys::JSON::stringify(value)
        .ok()
        .and_then(|json| json.as_string())
        .ok_or_else(|| JsError::new(&format!("{context}: not a JSON value")))?;
    serde_json::from_str(&json).map_err(|e| JsError::new(&format!("{context}: {e}")))
}

/// An optional `YYYY-MM-DD` date from JS (`""` counts as none).
fn published_date(value: Option<&str>) -> Result<Option<Date>, JsError> {
    match value {
        None | Some("") => Ok(None),
        Some(s) => Date::parse_iso(s)
            .map(Some)
            .ok_or_else(|| JsError::new(&format!("bad published date `{s}`"))),
    }
}

/// Options for `match_claims` and `live_matches`:
/// `{ published?: "YYYY-MM-DD", top_k?: number, threshold?: number }`.
#[derive(Deserialize, Default)]
#[serde(default)]
struct JsMatchOptions {
    published: Option<String>,
    top_k: Option<usize>,
    threshold: Option<f32>,
}

fn match_options(value: JsValue) -> Result<(Option<Date>, SearchSettings), JsError> {
    let js: JsMatchOptions = if value.is_undefined() || value.is_null() {
        JsMatchOptions::default()
    } else {
        from_js(&value, "bad options")?
    };
    let mut settings = SearchSettings::default();
    if let Some(k) = js.top_k {
        settings.top_k = k.clamp(1, 50);
        settings.candidates = settings.candidates.max(settings.top_k * 4);
    }
    if let Some(t) = js.threshold {
        settings.threshold = t.clamp(0.0, 1.0);
    }
    Ok((published_date(js.published.as_deref())?, settings))
}

/// Splits search results into fact-checks of the claim and of related claims.
fn tiers(found: &[Match]) -> (Vec<FactCheckMatch>, Vec<FactCheckMatch>) {
    let of = |tier| {
        found
            .iter()
            .filter(|m| m.tier == tier)
            .map(note::fact_check_match)
            .collect()
    };
    (of(Tier::SameClaim), of(Tier::Related))
}
