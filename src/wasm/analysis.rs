//! The analysis module's API (`claimlens_bg.wasm`): analysis, extraction,
//! the loaded fact-check packs and matching against them. Snapshots come in
//! flat (`snapshot::flat`: a string table and numbers, what the extension
//! sends) or as objects through JSON text (`snapshot::json`, for the
//! playground and tests); everything else goes through serde-wasm-bindgen.

use std::cell::RefCell;
use std::sync::Arc;

use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

use super::{from_js, match_options, published_date, tiers, to_js};
use crate::analysis::FactCheckMatch;
use crate::draw::DrawResult;
use crate::verify::matcher::{Analysed, Searcher};
use crate::verify::{Pack, PackInfo, Registry};
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
/// without it. Returns `[dims, tokens, bytes]`.
#[wasm_bindgen]
pub fn load_encoder(bytes: &[u8]) -> Result<JsValue, JsError> {
    let encoder =
        crate::encode::Encoder::from_bytes(bytes).map_err(|e| JsError::new(&e.to_string()))?;
    let info = [encoder.dims(), encoder.tokens(), encoder.file_bytes()];
    ENCODER.with(|e| *e.borrow_mut() = Some(Arc::new(encoder)));
    to_js(&info)
}

/// Loads the check-worthiness model (the bytes of `checkworthiness.model`,
/// shipped beside the module). Every analysis needs it: until it is loaded
/// `analyze` and `analyze_text` throw. Returns `{threshold, bytes}`.
#[wasm_bindgen]
pub fn load_model(bytes: &[u8]) -> Result<JsValue, JsError> {
    let model = crate::detect::install_model(bytes).map_err(|e| JsError::new(&e.to_string()))?;
    to_js(&(model.threshold, bytes.len()))
}

/// Options as JS passes them: `{ published?: "YYYY-MM-DD", threshold?: number }`.
#[derive(Deserialize, Default)]
#[serde(default)]
struct JsOptions {
    published: Option<String>,
    threshold: Option<f32>,
}

fn options(value: JsValue) -> Result<Options, JsError> {
    // Refuse rather than return an analysis with no claims in it.
    crate::detect::default_model().map_err(|e| JsError::new(&e.to_string()))?;
    if value.is_undefined() || value.is_null() {
        return Ok(Options {
            factchecks: Some(packs()),
            encoder: encoder(),
            ..Options::default()
        });
    }
    let js: JsOptions = from_js(&value, "bad options")?;
    Ok(Options {
        published: published_date(js.published.as_deref())?,
        threshold: js.threshold,
        factchecks: Some(packs()),
        encoder: encoder(),
        ..Options::default()
    })
}

/// A snapshot from JS: the flat form (`{head, strings, lengths, records}`),
/// or a snapshot object, through `JSON.stringify` and serde_json.
fn snapshot_from_js(value: &JsValue) -> Result<Snapshot, JsError> {
    match FlatParts::of(value) {
        Some(flat) => flat.snapshot(),
        None => snapshot_from_json(&snapshot_json(value)?),
    }
}

/// The parts of a flat snapshot, copied out of JS.
struct FlatParts {
    head: JsValue,
    strings: String,
    lengths: Vec<u32>,
    records: Vec<u32>,
}

impl FlatParts {
    /// `None` when `value` is not in the flat form.
    fn of(value: &JsValue) -> Option<FlatParts> {
        let field = |name: &str| js_sys::Reflect::get(value, &JsValue::from_str(name)).ok();
        // Arrays only: `new Uint32Array(n)` of a number would allocate n zeros.
        let numbers = |v: JsValue| {
            (js_sys::Array::is_array(&v) || v.is_instance_of::<js_sys::Uint32Array>())
                .then(|| js_sys::Uint32Array::new(&v).to_vec())
        };
        let records = numbers(field("records")?)?;
        Some(FlatParts {
            head: field("head")?,
            strings: field("strings")?.as_string()?,
            lengths: numbers(field("lengths")?)?,
            records,
        })
    }

    fn snapshot(self) -> Result<Snapshot, JsError> {
        let mut snapshot = snapshot_from_json(&snapshot_json(&self.head)?)?;
        snapshot.nodes =
            crate::snapshot::flat::nodes_from_flat(&self.strings, &self.lengths, &self.records)
                .map_err(|e| JsError::new(&format!("bad snapshot: {e}")))?;
        Ok(snapshot)
    }
}

fn snapshot_json(value: &JsValue) -> Result<String, JsError> {
    js_sys::JSON::stringify(value)
        .ok()
        .and_then(|json| json.as_string())
        .ok_or_else(|| JsError::new("bad snapshot: not a JSON-serialisable object"))
}

fn snapshot_from_json(json: &str) -> Result<Snapshot, JsError> {
    crate::snapshot::json::snapshot_from_json(json)
        .map_err(|e| JsError::new(&format!("bad snapshot: {e}")))
}

/// Analyses a page snapshot (see `src/snapshot/mod.rs` for its shape).
#[wasm_bindgen]
pub fn analyze(snapshot: JsValue, options_value: JsValue) -> Result<JsValue, JsError> {
    let snapshot = snapshot_from_js(&snapshot)?;
    let analysis = crate::analyze(&snapshot, &options(options_value)?)
        .map_err(|e| JsError::new(&e.to_string()))?;
    to_js(&analysis)
}

/// Analyses a page snapshot, as `analyze` does, and returns first what the
/// content script draws from: the flat draw result (`src/draw.rs`) as
/// `{head, strings, lengths, claims, kinds, scores, runs, key}`, its numbers
/// in typed arrays. The full analysis stays here until
/// `analysis_details(key)` takes it.
#[wasm_bindgen]
pub fn analyze_draw(snapshot: JsValue, options_value: JsValue) -> Result<JsValue, JsError> {
    let snapshot = snapshot_from_js(&snapshot)?;
    let analysis = crate::analyze(&snapshot, &options(options_value)?)
        .map_err(|e| JsError::new(&e.to_string()))?;
    let key = KEPT.with(|kept| {
        let mut kept = kept.borrow_mut();
        let key = kept.next_key;
        kept.next_key = key.wrapping_add(1);
        key
    });
    let drawn = draw_to_js(&analysis, key)?;
    KEPT.with(|kept| {
        let mut kept = kept.borrow_mut();
        if kept.analyses.len() == MAX_KEPT_ANALYSES {
            kept.analyses.remove(0);
        }
        kept.analyses.push((key, analysis));
    });
    Ok(drawn)
}

/// The full analysis (the `claimlens/analysis@1` object `analyze` returns)
/// behind the draw result `key`, handed over once; `undefined` when it is
/// gone (taken already, pushed out by newer analyses, or the module was
/// started again since).
#[wasm_bindgen]
pub fn analysis_details(key: u32) -> Result<JsValue, JsError> {
    let analysis = KEPT.with(|kept| {
        let mut kept = kept.borrow_mut();
        let at = kept.analyses.iter().position(|(k, _)| *k == key)?;
        Some(kept.analyses.remove(at).1)
    });
    match analysis {
        Some(analysis) => to_js(&analysis),
        None => Ok(JsValue::UNDEFINED),
    }
}

/// Analyses kept for `analysis_details`: one per tab whose details are on
/// their way, which is a few milliseconds after its draw result left.
const MAX_KEPT_ANALYSES: usize = 4;

#[derive(Default)]
struct Kept {
    next_key: u32,
    analyses: Vec<(u32, crate::Analysis)>,
}

thread_local! {
    static KEPT: RefCell<Kept> = RefCell::new(Kept::default());
}

/// The draw result of `analysis` as a JS object, tagged with `key`.
fn draw_to_js(analysis: &crate::Analysis, key: u32) -> Result<JsValue, JsError> {
    let draw = DrawResult::of(analysis);
    let out = js_sys::Object::new();
    let set = |name: &str, value: &JsValue| {
        js_sys::Reflect::set(&out, &JsValue::from_str(name), value)
            .map(drop)
            .map_err(|_| JsError::new("cannot return the draw result"))
    };
    set("head", &to_js(&DrawResult::head(analysis))?)?;
    set("strings", &JsValue::from_str(&draw.strings))?;
    set("lengths", &js_sys::Uint32Array::from(&draw.lengths[..]))?;
    set("claims", &js_sys::Uint32Array::from(&draw.claims[..]))?;
    set("kinds", &js_sys::Uint32Array::from(&draw.kinds[..]))?;
    // Each score as the decimal the full analysis's JSON writes for it
    // ("0.7312", not the f32's 0.7311999797…), so both forms agree in JS.
    let scores: Vec<f64> = draw
        .scores
        .iter()
        .map(|s| s.to_string().parse().unwrap_or(f64::from(*s)))
        .collect();
    set("scores", &js_sys::Float64Array::from(&scores[..]))?;
    set("runs", &js_sys::Uint32Array::from(&draw.runs[..]))?;
    set("key", &JsValue::from(key))?;
    Ok(out.into())
}

/// The analysis `analyze` runs, timed stage by stage with `now` (a JS
/// function returning milliseconds, e.g. `() => performance.now()`), for the
/// in-browser benchmark: `{extract, segment, detect, attribute, verify,
/// comments, assemble, total, claims, decode_stringify, decode_parse,
/// encode, encode_draw}`, the last four being the boundary `analyze` crosses
/// (snapshot in, result out as objects or as `analyze_draw`'s draw result).
/// The analysis itself is discarded.
#[wasm_bindgen]
pub fn analyze_stage_times(
    snapshot: JsValue,
    options_value: JsValue,
    now: &js_sys::Function,
) -> Result<JsValue, JsError> {
    let mut clock = || {
        now.call0(&JsValue::NULL)
            .ok()
            .and_then(|t| t.as_f64())
            .unwrap_or(0.0)
    };
    // Flat: copying the parts out of JS, then reading them; objects:
    // `JSON.stringify`, then serde_json.
    let t0 = clock();
    let (snapshot, t1) = match FlatParts::of(&snapshot) {
        Some(flat) => {
            let t1 = clock();
            (flat.snapshot()?, t1)
        }
        None => {
            let json = snapshot_json(&snapshot)?;
            let t1 = clock();
            (snapshot_from_json(&json)?, t1)
        }
    };
    let t2 = clock();
    let options = options(options_value)?;
    let (mut times, analysis) = crate::stage_times::timed_analysis(&snapshot, &options, &mut clock)
        .map_err(|e| JsError::new(&e.to_string()))?;
    let t3 = clock();
    let encoded = to_js(&analysis)?;
    times.encode = clock() - t3;
    drop(encoded);
    let t4 = clock();
    let drawn = draw_to_js(&analysis, 0)?;
    times.encode_draw = clock() - t4;
    drop(drawn);
    times.decode_stringify = t1 - t0;
    times.decode_parse = t2 - t1;
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
pub fn load_pack(bytes: Vec<u8>) -> Result<JsValue, JsError> {
    // Taken by value: the pack reads this copy of the file in place.
    let pack = Pack::from_vec(bytes).map_err(|e| JsError::new(&e.to_string()))?;
    let pack = Arc::new(pack);
    let info = JsPackInfo::from(Registry::info(&pack));
    PACKS.with(|p| {
        let mut next = Registry::clone(&p.borrow());
        next.add(pack);
        *p.borrow_mut() = Arc::new(next);
    });
    to_js(&info)
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

#[derive(Serialize)]
struct ClaimMatches {
    claim: String,
    /// Fact-checks of this very claim.
    matches: Vec<FactCheckMatch>,
    /// Fact-checks of a related claim: never show their verdicts as this claim's.
    related: Vec<FactCheckMatch>,
}

/// Matches claims (an array of strings) against the loaded packs without a
/// page: `[{claim, matches: [{id, claim, verdict, publisher, url, date, similarity, ...}]}]`.
#[wasm_bindgen]
pub fn match_claims(claims: JsValue, options_value: JsValue) -> Result<JsValue, JsError> {
    let claims: Vec<String> = from_js(&claims, "claims must be an array of strings")?;
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

/// The check-worthiness threshold the model uses when none is given: the
/// options page marks it on its sensitivity slider.
#[wasm_bindgen]
pub fn default_threshold() -> f32 {
    crate::detect::DEFAULT_THRESHOLD
}
