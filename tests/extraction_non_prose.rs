//! The judged news pages of `tests/fixtures/extraction/judged.json`:
//! furniture leaves the article text, non-prose blocks are marked with
//! their kind, prose stays, and no claim ever comes from a non-prose block.

use claimlens::analysis::{Analysis, BlockKind, Status};
use claimlens::pipeline::{analyze, Options};
use claimlens::snapshot::html::snapshot_from_html;
use claimlens::snapshot::Snapshot;
use serde::Deserialize;

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/extraction");

#[derive(Deserialize)]
struct Judged {
    pages: Vec<Page>,
}

#[derive(Deserialize)]
struct Page {
    file: String,
    excluded: Vec<Label>,
    non_prose: Vec<Label>,
    prose: Vec<Label>,
}

#[derive(Deserialize)]
struct Label {
    text: String,
    #[serde(default)]
    kind: Option<BlockKind>,
    reason: String,
}

fn judged() -> Judged {
    let path = format!("{DIR}/judged.json");
    let json = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&json).expect("judged.json parses")
}

fn analysed(file: &str) -> (Snapshot, Analysis) {
    let path = format!("{DIR}/{file}");
    let html = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let snapshot = snapshot_from_html(&html, "https://example.test/story").expect("parses");
    let analysis = analyze(&snapshot, &Options::default()).expect("analyses");
    (snapshot, analysis)
}

/// The UTF-16 range of the first occurrence of `needle` in `text`.
fn utf16_range(text: &str, needle: &str) -> Option<(u32, u32)> {
    let at = text.find(needle)?;
    let start = text[..at].encode_utf16().count() as u32;
    Some((start, start + needle.encode_utf16().count() as u32))
}

fn block_kind_at(a: &Analysis, (start, end): (u32, u32)) -> Option<BlockKind> {
    a.article
        .blocks
        .iter()
        .find(|b| b.start <= start && end <= b.end)
        .map(|b| b.kind)
}

#[test]
fn judged_pages_keep_prose_drop_furniture_and_mark_non_prose() {
    for page in judged().pages {
        let (_, a) = analysed(&page.file);
        assert_eq!(a.status, Status::Ok, "{}", page.file);
        let text = &a.article.text;
        for l in &page.excluded {
            assert!(
                !text.contains(&l.text),
                "{}: {:?} should be left out ({}):\n{text}",
                page.file,
                l.text,
                l.reason
            );
        }
        for l in &page.non_prose {
            let range = utf16_range(text, &l.text)
                .unwrap_or_else(|| panic!("{}: {:?} is missing ({})", page.file, l.text, l.reason));
            assert_eq!(
                block_kind_at(&a, range),
                l.kind,
                "{}: {:?} ({})",
                page.file,
                l.text,
                l.reason
            );
        }
        for l in &page.prose {
            let range = utf16_range(text, &l.text)
                .unwrap_or_else(|| panic!("{}: {:?} is missing ({})", page.file, l.text, l.reason));
            assert_eq!(
                block_kind_at(&a, range),
                None,
                "{}: {:?}",
                page.file,
                l.text
            );
        }
    }
}

/// The bug: captions, credits, stock-quote cells and price lists were
/// highlighted as check-worthy claims on real pages.
#[test]
fn regression_claims_never_come_from_non_prose_blocks() {
    for page in judged().pages {
        let (_, a) = analysed(&page.file);
        assert!(
            !a.article.blocks.is_empty(),
            "{}: nothing marked",
            page.file
        );
        for c in &a.claims {
            let inside = a
                .article
                .blocks
                .iter()
                .find(|b| c.start < b.end && b.start < c.end);
            assert!(
                inside.is_none(),
                "{}: claim {:?} comes from a {:?} block",
                page.file,
                c.text,
                inside.map(|b| b.kind)
            );
        }
        // The prose still makes claims: the pages are news.
        assert!(
            a.claims.iter().any(|c| c.checkworthy),
            "{}: no check-worthy claim at all",
            page.file
        );
    }
}

/// Removing furniture and cutting credits off captions keeps every run of
/// the text mapped to its DOM text node, code unit for code unit.
#[test]
fn judged_pages_text_maps_back_to_the_dom_exactly() {
    for page in judged().pages {
        let (snapshot, a) = analysed(&page.file);
        let text: Vec<u16> = a.article.text.encode_utf16().collect();
        for run in &a.article.dom {
            let data = snapshot.nodes[run.node as usize]
                .text
                .as_deref()
                .expect("runs point at text nodes");
            let data: Vec<u16> = data.encode_utf16().collect();
            let ours = &text[run.start as usize..run.end as usize];
            let len = ours.len();
            let theirs = &data[run.offset as usize..run.offset as usize + len];
            let norm = |u: &u16| {
                if matches!(*u, 9 | 10 | 12 | 13) {
                    32
                } else {
                    *u
                }
            };
            assert!(
                ours.iter().map(norm).eq(theirs.iter().map(norm)),
                "{}: run {run:?}",
                page.file
            );
        }
    }
}

/// Kinds the judged pages do not show: a list of links, a credit by its
/// class, a code listing. Prose around them stays prose.
#[test]
fn link_lists_credits_and_code_are_marked() {
    let prose = |n: u32| {
        format!(
            "<p>Paragraph {n}: the council approved a budget of {n} million for roads and \
             schools on Tuesday, officials said after a long meeting that ran past midnight \
             and drew a crowd of residents.</p>"
        )
    };
    let html = format!(
        "<html><body><article>{}{}<ul><li><a href=/a>First story about the council</a></li>\
         <li><a href=/b>Second story about the schools</a></li></ul>{}\
         <p class=\"photo-credit\">Council press office</p><p>Photograph by Jane Doe</p>{}\
         <pre>let budget = 40_000_000;</pre>{}</article></body></html>",
        prose(1),
        prose(2),
        prose(3),
        prose(4),
        prose(5)
    );
    let snapshot = snapshot_from_html(html.as_bytes(), "").expect("parses");
    let a = analyze(&snapshot, &Options::default()).expect("analyses");
    let text = &a.article.text;
    let kind_of = |needle: &str| {
        let range = utf16_range(text, needle).unwrap_or_else(|| panic!("{needle:?} missing"));
        block_kind_at(&a, range)
    };
    assert_eq!(
        kind_of("First story about the council"),
        Some(BlockKind::LinkList)
    );
    assert_eq!(kind_of("Council press office"), Some(BlockKind::Credit));
    assert!(
        !text.contains("Photograph by Jane Doe"),
        "a credit line is left out"
    );
    assert_eq!(kind_of("let budget = 40_000_000;"), Some(BlockKind::Code));
    assert_eq!(kind_of("Paragraph 3:"), None);
}
