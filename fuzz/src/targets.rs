//! One function per fuzz target: what the target does with its input. The
//! libFuzzer binaries (fuzz_targets/) and tests/fuzz_replay.rs both call these.

use std::sync::Arc;

use claimlens::calendar::Date;
use claimlens::snapshot::flat::{nodes_from_flat, to_flat};
use claimlens::snapshot::html::snapshot_from_html;
use claimlens::verify::import::{detect_format, import_as, Format};
use claimlens::verify::live::live_matches;
use claimlens::verify::matcher::{Analysed, Searcher};
use claimlens::verify::pack::{self, checksum::xxh64};
use claimlens::verify::{Pack, Registry, SearchSettings};
use claimlens::{analyze, analyze_text, Options, Snapshot};

use crate::checks::{check_analysis, check_import, registry};

/// HTML bytes -> native snapshot (html5ever) -> full analysis, with a small
/// fact-check pack loaded. Checks the offset contract, DOM runs included.
pub fn html_analysis(data: &[u8]) {
    if let Ok(snapshot) = snapshot_from_html(data, "https://news.example/2025/06/15/story") {
        analyse_snapshot(&snapshot);
    }
}

/// Full analysis of `snapshot` with the small fact-check pack; a finished
/// analysis must keep the offset contract, DOM runs included.
fn analyse_snapshot(snapshot: &Snapshot) {
    let options = Options {
        factchecks: Some(registry()),
        ..Options::default()
    };
    if let Ok(analysis) = analyze(snapshot, &options) {
        check_analysis(&analysis, Some(snapshot));
    }
}

/// A snapshot in its JSON wire format (what the content script sends the
/// background) -> full analysis. Structurally bad snapshots must be typed
/// errors; good ones must keep the offset contract.
pub fn snapshot_analysis(data: &[u8]) {
    if let Ok(snapshot) = serde_json::from_slice::<Snapshot>(data) {
        analyse_snapshot(&snapshot);
    }
}

/// The flat snapshot (what the content script now sends the background):
/// bytes -> string table, UTF-16 lengths and node records -> nodes, or a
/// typed error. Layout: a little-endian u16 `k`, then `k` bytes of strings
/// (lossy UTF-8), then little-endian u32 words: a count `n`, `n` lengths, and
/// the rest as records. Nodes that read must write back to the same numbers'
/// nodes ([`to_flat`]) and analyse like any snapshot.
pub fn snapshot_flat(data: &[u8]) {
    let Some((head, rest)) = data.split_first_chunk::<2>() else {
        return;
    };
    let k = (u16::from_le_bytes(*head) as usize).min(rest.len());
    let strings = String::from_utf8_lossy(&rest[..k]);
    let words: Vec<u32> = rest[k..]
        .chunks_exact(4)
        .map(|w| u32::from_le_bytes([w[0], w[1], w[2], w[3]]))
        .collect();
    let Some((&n, words)) = words.split_first() else {
        return;
    };
    let n = (n as usize).min(words.len());
    let (lengths, records) = words.split_at(n);
    let Ok(nodes) = nodes_from_flat(&strings, lengths, records) else {
        return;
    };
    let again = to_flat(&nodes);
    let reread = nodes_from_flat(&again.strings, &again.lengths, &again.records)
        .expect("a flat snapshot written from nodes reads back");
    assert_eq!(reread, nodes, "flat round trip changed the nodes");
    let snapshot = Snapshot {
        url: "https://news.example/2025/06/15/story".to_string(),
        nodes,
        ..Snapshot::default()
    };
    analyse_snapshot(&snapshot);
}

/// Plain text -> analysis. The first byte picks options (a publication date
/// to resolve times against; a zero threshold so every claim is looked up in
/// the fact-check pack); the rest is the text.
pub fn text_analysis(data: &[u8]) {
    let Some((&flags, rest)) = data.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(rest);
    let options = Options {
        published: (flags & 1 != 0).then(|| Date::new(2025, 6, 15)).flatten(),
        threshold: (flags & 2 != 0).then_some(0.0),
        factchecks: Some(registry()),
        ..Options::default()
    };
    let analysis = analyze_text(&text, &options);
    assert!(analysis.article.text.len() <= text.len());
    check_analysis(&analysis, None);
}

/// A fact-check file read as `format` -> records (or a typed error). Good
/// records must build into a pack that loads again.
pub fn import(format: Format, data: &[u8]) {
    let _ = detect_format("input", data);
    if let Ok(report) = import_as(format, data) {
        check_import(&report);
    }
}

/// A Google Fact Check Tools `claims:search` response -> records (or a typed
/// error), and the live-source path the extension uses on the same body:
/// matches for a claim, through the same importer, pack and re-ranker.
pub fn import_claim_search(data: &[u8]) {
    import(Format::GoogleClaimSearch, data);
    let settings = SearchSettings {
        threshold: 0.0,
        ..SearchSettings::default()
    };
    let claim = "The unemployment rate fell to 3.5% last year.";
    if let Ok(result) = live_matches(claim, None, data, &settings) {
        assert!(result.matches.len() <= result.received);
    }
}

/// Pack bytes -> a loaded pack or a typed `PackError`. Input shaped like a
/// pack has its checksums recomputed first, so mutations reach the section
/// decoders (raw checksum failures are unit-tested in src/verify/pack).
/// A pack that loads must read every record and answer a search.
pub fn pack_load(data: &[u8]) {
    let mut bytes = data.to_vec();
    fix_pack_checksums(&mut bytes);
    let Ok(pack) = Pack::from_bytes(&bytes) else {
        return;
    };
    for i in 0..pack.len() {
        pack.record(i).expect("every record of a loaded pack reads");
    }
    let _ = pack.heap_bytes();
    let mut registry = Registry::new();
    registry.add(Arc::new(pack));
    let settings = SearchSettings {
        threshold: 0.0,
        ..SearchSettings::default()
    };
    for claim in [
        "Drinking hot water kills the coronavirus.",
        "crime rate 2019 fell 10%",
    ] {
        let found = registry.search(
            &mut Searcher::default(),
            &Analysed::new(claim, None),
            &settings,
        );
        assert!(found.iter().all(|m| m.score.is_finite()));
    }
}

/// Rewrites the length and every checksum of something shaped like a pack, so
/// mutations reach the section decoders. Leaves other input alone.
pub fn fix_pack_checksums(bytes: &mut [u8]) {
    const HEADER: usize = 40;
    const ENTRY: usize = 20;
    if bytes.len() < HEADER || bytes[..8] != pack::MAGIC {
        return;
    }
    bytes[8..10].copy_from_slice(&pack::FORMAT_VERSION.to_le_bytes());
    bytes[10..12].copy_from_slice(&claimlens::verify::text::ANALYZER_VERSION.to_le_bytes());
    let total = bytes.len() as u64;
    bytes[16..24].copy_from_slice(&total.to_le_bytes());
    let count = u32::from_le_bytes([bytes[12], bytes[13], bytes[14], bytes[15]]) as usize;
    let count = count.min((bytes.len() - HEADER) / ENTRY);
    let table_end = HEADER + count * ENTRY;
    for e in 0..count {
        let at = HEADER + e * ENTRY;
        let word = |i: usize| {
            u32::from_le_bytes([bytes[i], bytes[i + 1], bytes[i + 2], bytes[i + 3]]) as usize
        };
        let (offset, len) = (word(at + 4), word(at + 8));
        if offset >= table_end && offset.saturating_add(len) <= bytes.len() {
            let sum = xxh64(&bytes[offset..offset + len]);
            bytes[at + 12..at + 20].copy_from_slice(&sum.to_le_bytes());
        }
    }
    let table_sum = xxh64(&bytes[HEADER..table_end]);
    bytes[24..32].copy_from_slice(&table_sum.to_le_bytes());
    let header_sum = xxh64(&bytes[..32]);
    bytes[32..40].copy_from_slice(&header_sum.to_le_bytes());
}
