//! The WebAssembly API: thin wrappers that convert JS values and call the
//! pure core. No logic lives here. Snapshots come in as JSON text (see
//! `snapshot::json` for why); everything else goes through serde-wasm-bindgen.

use std::cell::RefCell;
use std::sync::Arc;

use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

use crate::analysis::FactCheckMatch;
use crate::calendar::Date;
use crate::verify::import::{self, ImportError};
use crate::verify::matcher::{Analysed, SearchSettings, Searcher};
use crate::verify::pack::PackMeta;
use crate::verify::{live, note, pack, Match, Pack, PackInfo, Registry, Tier};
use crate::{Options, Snapshot};

thread_local! {
    /// The fact-check packs `analyze` consults. Replaced whole on every
    /// change, so an analysis never sees a registry half-updated.
    static PACKS: RefCell<Arc<Registry>> = RefCell::new(Arc::new(Registry::new()));
}

fn packs() -> Arc<Registry> {
    PACKS.with(|p| p.borrow().clone())
}

thread_local! {
    /// The sentence encoder `analyze` uses; none until `load_encoder`.
    static ENCODER: RefCell<Option<Arc<crate::encode::Encoder>>> = const { RefCell::new(None) };
}

fn encoder() -> Option<Arc<crate::encode::Encoder>> {
    ENCODER.with(|e| e.borrow().clone())
}

/// Loads the sentence encoder (the bytes of `encoder.clenc`) for
/// check-worthiness; until then, and if this throws, analysis scores
/// without it. Returns `{dims, tokens, bytes}`.
#[wasm_bindgen]
pub fn load_encoder(bytes: &[u8]) -> Result<JsValue, JsError> {
    let encoder =
        crate::encode::Encoder::from_bytes(bytes).map_err(|e| JsError::new(&e.to_string()))?;
    let info = [encoder.dims(), encoder.tokens(), encoder.file_bytes()];
    ENCODER.with(|e| *e.borrow_mut() = Some(Arc::new(encoder)));
    to_js(&info)
}

/// Options as JS passes them: `{ published?: "YYYY-MM-DD", threshold?: number }`.
#[derive(Deserialize, Default)]
#[serde(default)]
struct JsOptions {
    published: Option<String>,
    threshold: Option<f32>,
}

fn options(value: JsValue) -> Result<Options, JsError> {
    if value.is_undefined() || value.is_null() {
        return Ok(Options {
            factchecks: Some(packs()),
            encoder: encoder(),
            ..Options::default()
        });
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
        factchecks: Some(packs()),
        encoder: encoder(),
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

/// The analysis `analyze` runs, timed stage by stage with `now` (a JS
/// function returning milliseconds, e.g. `() => performance.now()`), for the
/// in-browser benchmark: `{extract, segment, detect, attribute, verify,
/// comments, assemble, total, claims}`. The analysis itself is discarded.
#[wasm_bindgen]
pub fn analyze_stage_times(
    snapshot: JsValue,
    options_value: JsValue,
    now: &js_sys::Function,
) -> Result<JsValue, JsError> {
    let snapshot = snapshot_from_js(&snapshot)?;
    let mut clock = || {
        now.call0(&JsValue::NULL)
            .ok()
            .and_then(|t| t.as_f64())
            .unwrap_or(0.0)
    };
    let times = crate::stage_times::stage_times(&snapshot, &options(options_value)?, &mut clock)
        .map_err(|e| JsError::new(&e.to_string()))?;
    to_js(&times)
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

#[derive(Serialize)]
struct JsPackInfo {
    name: String,
    description: String,
    source: String,
    licence: String,
    records: usize,
    bytes: usize,
}

impl From<PackInfo> for JsPackInfo {
    fn from(p: PackInfo) -> Self {
        JsPackInfo {
            name: p.name,
            description: p.description,
            source: p.source,
            licence: p.licence,
            records: p.records,
            bytes: p.file_bytes,
        }
    }
}

/// Loads a fact-check pack (the bytes of a `.clpack` file) into the packs
/// `analyze` consults, replacing any pack of the same name. Returns
/// `{name, description, source, licence, records, bytes}`. A damaged pack
/// throws and leaves the loaded packs as they were.
#[wasm_bindgen]
pub fn load_pack(bytes: &[u8]) -> Result<JsValue, JsError> {
    let pack = Pack::from_bytes(bytes).map_err(|e| JsError::new(&e.to_string()))?;
    let pack = Arc::new(pack);
    let info = JsPackInfo::from(Registry::info(&pack));
    PACKS.with(|p| {
        let mut next = Registry::clone(&p.borrow());
        next.add(pack);
        *p.borrow_mut() = Arc::new(next);
    });
    to_js(&info)
}

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

/// Removes the pack called `name`; false if no such pack is loaded.
#[wasm_bindgen]
pub fn remove_pack(name: &str) -> bool {
    PACKS.with(|p| {
        let mut next = Registry::clone(&p.borrow());
        let removed = next.remove(name);
        *p.borrow_mut() = Arc::new(next);
        removed
    })
}

/// The loaded packs, in load order.
#[wasm_bindgen]
pub fn list_packs() -> Result<JsValue, JsError> {
    let list: Vec<JsPackInfo> = packs().list().into_iter().map(JsPackInfo::from).collect();
    to_js(&list)
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
        serde_wasm_bindgen::from_value(value)
            .map_err(|e| JsError::new(&format!("bad options: {e}")))?
    };
    let mut settings = SearchSettings::default();
    if let Some(k) = js.top_k {
        settings.top_k = k.clamp(1, 50);
        settings.candidates = settings.candidates.max(settings.top_k * 4);
    }
    if let Some(t) = js.threshold {
        settings.threshold = t.clamp(0.0, 1.0);
    }
    let published = match js.published.as_deref() {
        None | Some("") => None,
        Some(s) => Some(
            Date::parse_iso(s).ok_or_else(|| JsError::new(&format!("bad published date `{s}`")))?,
        ),
    };
    Ok((published, settings))
}

#[derive(Serialize)]
struct ClaimMatches {
    claim: String,
    /// Fact-checks of this very claim.
    matches: Vec<FactCheckMatch>,
    /// Fact-checks of a related claim: never show their verdicts as this claim's.
    related: Vec<FactCheckMatch>,
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

/// Matches claims (an array of strings) against the loaded packs without a
/// page: `[{claim, matches: [{id, claim, verdict, publisher, url, date, similarity, ...}]}]`.
#[wasm_bindgen]
pub fn match_claims(claims: JsValue, options_value: JsValue) -> Result<JsValue, JsError> {
    let claims: Vec<String> = serde_wasm_bindgen::from_value(claims)
        .map_err(|e| JsError::new(&format!("claims must be an array of strings: {e}")))?;
    let (published, settings) = match_options(options_value)?;
    let registry = packs();
    let mut searcher = Searcher::default();
    let out: Vec<ClaimMatches> = claims
        .into_iter()
        .map(|claim| {
            let analysed = Analysed::new(&claim, published);
            let (matches, related) = tiers(&registry.search(&mut searcher, &analysed, &settings));
            ClaimMatches {
                claim,
                matches,
                related,
            }
        })
        .collect();
    to_js(&out)
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

/// The check-worthiness threshold the model uses when none is given: the
/// options page marks it on its sensitivity slider.
#[wasm_bindgen]
pub fn default_threshold() -> f32 {
    crate::detect::DEFAULT_THRESHOLD
}
