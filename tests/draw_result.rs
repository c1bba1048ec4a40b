//! The draw result (`src/draw.rs`) agrees with the full analysis on every
//! claim of the judged fixture pages: what the content script draws from
//! first is the analysis's own claims, offsets and DOM runs.

use std::fs;
use std::path::Path;
use std::sync::Arc;

use claimlens::draw::{ClaimHead, DrawResult, CLAIM_FIELDS, DRAW_SCHEMA};
use claimlens::snapshot::html::snapshot_from_html;
use claimlens::verify::{Pack, Registry};
use claimlens::{analyze, Options};

fn fixture_pages() -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/extraction");
    let mut pages: Vec<(String, Vec<u8>)> = fs::read_dir(&dir)
        .expect("tests/fixtures/extraction")
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "html"))
        .map(|path| (path.display().to_string(), fs::read(&path).unwrap()))
        .collect();
    pages.sort();
    pages
}

#[test]
fn draw_result_agrees_with_the_analysis_on_every_fixture_claim() {
    let pages = fixture_pages();
    assert!(pages.len() >= 5, "{pages:?}");
    let mut claims = 0;
    for (name, html) in &pages {
        let snapshot = snapshot_from_html(html, "https://example.test/article").unwrap();
        let analysis = analyze(&snapshot, &Options::default()).unwrap();
        let draw = DrawResult::of(&analysis);
        let heads = draw
            .claim_heads()
            .unwrap_or_else(|| panic!("{name}: malformed"));
        let expected: Vec<ClaimHead> = analysis.claims.iter().map(ClaimHead::of).collect();
        assert_eq!(heads, expected, "{name}");
        assert_eq!(
            draw.claims.len(),
            analysis.claims.len() * CLAIM_FIELDS,
            "{name}"
        );
        assert_eq!(draw.dom_runs(), analysis.article.dom, "{name}");
        for head in &heads {
            let text: Vec<u16> = analysis.article.text.encode_utf16().collect();
            let slice = String::from_utf16(&text[head.start as usize..head.end as usize]).unwrap();
            assert_eq!(slice, head.text, "{name}: {} names its own text", head.id);
        }
        let head = DrawResult::head(&analysis);
        assert_eq!(head.schema, DRAW_SCHEMA);
        assert_eq!(head.status, analysis.status);
        assert_eq!(head.claims as usize, analysis.claims.len());
        claims += heads.len();
    }
    assert!(claims >= 20, "the fixture pages carry claims ({claims})");
}

/// The extension draws the first analysis of a freshly woken background
/// before the fact-check packs are loaded (extension/src/background/main.ts)
/// and asks for the notes again once they are: that is only right while the
/// packs change no highlight. Checked on the fixture pages and the seed
/// article with the shipped PolitiFact pack, every claim looked up.
#[test]
fn draw_result_is_the_same_with_and_without_the_fact_check_packs() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let bytes = fs::read(root.join("assets/factchecks/politifact.clpack")).unwrap();
    let mut registry = Registry::new();
    registry.add(Arc::new(Pack::from_bytes(&bytes).unwrap()));
    let packs = Arc::new(registry);
    let mut pages = fixture_pages();
    pages.push((
        "checked-claim".to_string(),
        fs::read(root.join("tests/fixtures/verify/checked-claim.html")).unwrap(),
    ));
    let mut matched = 0;
    for (name, html) in &pages {
        let snapshot = snapshot_from_html(html, "https://example.test/article").unwrap();
        for threshold in [None, Some(0.0)] {
            let without = Options {
                threshold,
                ..Options::default()
            };
            let with = Options {
                factchecks: Some(Arc::clone(&packs)),
                ..without.clone()
            };
            let plain = analyze(&snapshot, &without).unwrap();
            let checked = analyze(&snapshot, &with).unwrap();
            matched += checked
                .claims
                .iter()
                .filter(|c| !c.matches.is_empty())
                .count();
            assert_eq!(
                DrawResult::of(&plain),
                DrawResult::of(&checked),
                "{name} at {threshold:?}"
            );
            assert_eq!(
                DrawResult::head(&plain),
                DrawResult::head(&checked),
                "{name}"
            );
        }
    }
    assert!(
        matched > 0,
        "the pack matched some claim, so the check compares something"
    );
}
