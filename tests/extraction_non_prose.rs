//! The judged news pages of `tests/fixtures/extraction/judged.json`:
//! furniture leaves the article text, non-prose blocks are marked with
//! their kind, prose stays, and no claim ever comes from a non-prose block.

use claimlens::analysis::{Analysis, BlockKind, Status};
use claimlens::eval::judged_extraction::{read_judged, read_page, Judged, Page};
use claimlens::pipeline::{analyze, Options};
use claimlens::snapshot::html::snapshot_from_html;
use claimlens::snapshot::Snapshot;

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/extraction");

fn judged() -> Judged {
    read_judged(&std::path::Path::new(DIR).join("judged.json")).expect("judged.json parses")
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

/// Furniture left out, non-prose marked with its kind, prose kept as prose.
fn assert_labels(name: &str, page: &Page, a: &Analysis) {
    assert_eq!(a.status, Status::Ok, "{name}");
    let text = &a.article.text;
    for l in &page.excluded {
        assert!(
            !text.contains(&l.text),
            "{name}: {:?} should be left out ({}):\n{text}",
            l.text,
            l.reason
        );
    }
    for l in &page.non_prose {
        let range = utf16_range(text, &l.text)
            .unwrap_or_else(|| panic!("{name}: {:?} is missing ({})", l.text, l.reason));
        assert_eq!(
            block_kind_at(a, range),
            l.kind,
            "{name}: {:?} ({})",
            l.text,
            l.reason
        );
    }
    for l in &page.prose {
        let range = utf16_range(text, &l.text)
            .unwrap_or_else(|| panic!("{name}: {:?} is missing ({})", l.text, l.reason));
        assert_eq!(block_kind_at(a, range), None, "{name}: {:?}", l.text);
    }
}

/// No claim overlaps a non-prose block, and the prose still makes claims.
fn assert_no_claim_from_non_prose(name: &str, a: &Analysis) {
    for c in &a.claims {
        let inside = a
            .article
            .blocks
            .iter()
            .find(|b| c.start < b.end && b.start < c.end);
        assert!(
            inside.is_none(),
            "{name}: claim {:?} comes from a {:?} block",
            c.text,
            inside.map(|b| b.kind)
        );
    }
    assert!(
        a.claims.iter().any(|c| c.checkworthy),
        "{name}: no check-worthy claim at all"
    );
}

#[test]
fn judged_pages_keep_prose_drop_furniture_and_mark_non_prose() {
    for page in judged().pages {
        let (_, a) = analysed(&page.file);
        assert_labels(&page.file, &page, &a);
    }
}

fn shared_dir() -> std::path::PathBuf {
    claimlens::dev_data::data_dir().join("extraction")
}

/// The bug: on the real cnn page, the teaser "Related: Chicago is
/// America's most segregated city" became a highlighted claim (and in
/// Firefox its note once failed to open). Related-article teasers,
/// slideshow counters, captions, credits, datelines, edition notices and
/// author bios of the judged real news pages never make a claim.
#[test]
fn data_regression_cnn_related_teaser_and_real_page_furniture_make_no_claims() {
    let dir = shared_dir();
    let judged = judged();
    assert!(judged.shared_pages.len() >= 6, "the real judged set shrank");
    for page in &judged.shared_pages {
        let path = dir.join(&page.shared);
        let html = read_page(&path).unwrap_or_else(|e| {
            panic!(
                "{}: {e}: this test needs ../shared/data (or CLAIMLENS_SHARED)",
                path.display()
            )
        });
        let snapshot = snapshot_from_html(&html, "https://example.test/story").expect("parses");
        let a = analyze(&snapshot, &Options::default()).expect("analyses");
        assert_labels(&page.shared, &page.labels, &a);
        assert_no_claim_from_non_prose(&page.shared, &a);
        assert_dom_map(&page.shared, &snapshot, &a);
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
        assert_no_claim_from_non_prose(&page.file, &a);
    }
}

/// Every run of the article text is its DOM text node's data, code unit
/// for code unit (whitespace kind aside).
fn assert_dom_map(name: &str, snapshot: &Snapshot, a: &Analysis) {
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
            "{name}: run {run:?}"
        );
    }
}

/// Removing furniture and cutting credits off captions keeps every run of
/// the text mapped to its DOM text node, code unit for code unit.
#[test]
fn judged_pages_text_maps_back_to_the_dom_exactly() {
    for page in judged().pages {
        let (snapshot, a) = analysed(&page.file);
        assert_dom_map(&page.file, &snapshot, &a);
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

/// Prose long enough for the page to read as an article.
fn body_paragraph(n: u32) -> String {
    format!(
        "<p>Paragraph {n}: the council approved a budget of {n} million for roads and \
         schools on Tuesday, officials said after a long meeting that ran past midnight \
         and drew a crowd of residents.</p>"
    )
}

fn analysed_html(html: &str) -> (Snapshot, Analysis) {
    let snapshot = snapshot_from_html(html.as_bytes(), "").expect("parses");
    let analysis = analyze(&snapshot, &Options::default()).expect("analyses");
    (snapshot, analysis)
}

fn kind_in(a: &Analysis, needle: &str) -> Option<BlockKind> {
    let range =
        utf16_range(&a.article.text, needle).unwrap_or_else(|| panic!("{needle:?} missing"));
    block_kind_at(a, range)
}

/// The bug: headings had no block kind, so on wcxb 0347 the subheading
/// "The rise of generative AI: Rapid market growth and widespread adoption"
/// was scored as a claim (0.36). Headings, and lone short lines set like
/// one, stay in the text and are never claims; list items without a full
/// stop stay prose.
#[test]
fn regression_wcxb_0347_subheading_was_scored_as_a_claim() {
    let html = format!(
        "<html><body><article>{}<h2>The rise of generative AI: Rapid market growth and \
         widespread adoption</h2>{}<p><strong>Key takeaways for small businesses</strong></p>\
         {}<p>Investment: Full-service email packages start at $4,000/month, SMS packages at \
         $500/month</p>{}<ul><li>Revenue rose 20% to $4 billion in 2023</li>\
         <li>Costs fell 5% in the same year</li></ul>{}</article></body></html>",
        body_paragraph(1),
        body_paragraph(2),
        body_paragraph(3),
        body_paragraph(4),
        body_paragraph(5)
    );
    let (snapshot, a) = analysed_html(&html);
    assert_eq!(
        kind_in(
            &a,
            "The rise of generative AI: Rapid market growth and widespread adoption"
        ),
        Some(BlockKind::Heading)
    );
    assert_eq!(
        kind_in(&a, "Key takeaways for small businesses"),
        Some(BlockKind::Heading),
        "a lone short bold line is a heading"
    );
    assert_eq!(
        kind_in(
            &a,
            "Investment: Full-service email packages start at $4,000/month"
        ),
        None,
        "a line with a figure is a statement (wcxb 0123), not a heading"
    );
    assert_eq!(
        kind_in(&a, "Revenue rose 20% to $4 billion in 2023"),
        None,
        "a list item is prose"
    );
    assert_eq!(kind_in(&a, "Paragraph 2:"), None);
    assert_no_claim_from_non_prose("heading page", &a);
    assert_dom_map("heading page", &snapshot, &a);
}

/// Pros and cons of a review (wcxb 0246, 4014: "Pros" then a list of
/// fragments) and a box named by its class are product boxes: kept as
/// text, never claims.
#[test]
fn regression_review_pros_and_cons_are_product_boxes() {
    let html = format!(
        "<html><body><article>{}<h3>Pros</h3><ul><li>Long battery life (almost 24 hours \
         in our test)</li><li>Beautiful OLED screen</li></ul><p><b>Cons:</b></p>\
         <div><ul><li>Glossy screen is hard to read in sunlight</li><li>Costs $1,299</li>\
         </ul></div>{}<div class=\"pros-cons__list\"><p>Ships with 32 GB of memory and a \
         1 TB drive</p><p>Weighs 1.2 kg</p></div>{}<ul><li>The first step: open the settings</li><li>The \
         second step: choose a plan</li></ul>{}</article></body></html>",
        body_paragraph(1),
        body_paragraph(2),
        body_paragraph(3),
        body_paragraph(4)
    );
    let (snapshot, a) = analysed_html(&html);
    for needle in [
        "Long battery life (almost 24 hours in our test)",
        "Glossy screen is hard to read in sunlight",
        "Ships with 32 GB of memory and a 1 TB drive",
    ] {
        assert_eq!(kind_in(&a, needle), Some(BlockKind::ProductBox), "{needle}");
    }
    assert_eq!(kind_in(&a, "Pros"), Some(BlockKind::Heading));
    assert_eq!(
        kind_in(&a, "The first step: open the settings"),
        None,
        "a list after prose is prose"
    );
    assert_no_claim_from_non_prose("pros and cons page", &a);
    assert_dom_map("pros and cons page", &snapshot, &a);
}

/// The bug: an author's bio set under the byline, at the top of the
/// article, was prose (only the last blocks were read for bios), so
/// "Jane Doe is a senior reporter who has covered …" could be a claim.
#[test]
fn regression_top_of_article_author_bio_is_a_credit() {
    let html = format!(
        "<html><head><meta name=\"author\" content=\"Jane Doe\"></head><body><article>\
         <p>Jane Doe is a senior reporter who has covered city hall since 2015 and won two \
         state press awards.</p>{}{}{}{}{}{}</article></body></html>",
        body_paragraph(1),
        body_paragraph(2),
        body_paragraph(3),
        body_paragraph(4),
        body_paragraph(5),
        body_paragraph(6)
    );
    let (_, a) = analysed_html(&html);
    assert_eq!(
        kind_in(&a, "Jane Doe is a senior reporter"),
        Some(BlockKind::Credit)
    );
    assert_eq!(kind_in(&a, "Paragraph 3:"), None);
    assert_no_claim_from_non_prose("bio page", &a);
}

/// NPR's transcript notices and a Webflow form's messages leave the text;
/// an affiliate disclosure stays, marked as a credit (WCXB's truth keeps
/// some).
#[test]
fn regression_transcript_notices_form_messages_and_disclosures() {
    let html = format!(
        "<html><body><article><p>Products are chosen independently by our editors. \
         Purchases made through our links may earn us a commission.</p>{}{}\
         <p>Thank you! Your submission has been received!</p>{}\
         <p class=\"disclaimer\">Copyright &copy; 2023 NPR. All rights reserved. Visit our \
         website terms of use and permissions pages at www.npr.org for further information.</p>\
         <p class=\"disclaimer\">Accuracy and availability of NPR transcripts may vary. \
         Transcript text may be revised to correct errors or match updates to audio.</p>\
         </article></body></html>",
        body_paragraph(1),
        body_paragraph(2),
        body_paragraph(3)
    );
    let (snapshot, a) = analysed_html(&html);
    let text = &a.article.text;
    for gone in [
        "Your submission has been received",
        "Copyright",
        "transcripts may vary",
    ] {
        assert!(!text.contains(gone), "{gone:?} left in:\n{text}");
    }
    assert_eq!(
        kind_in(&a, "Purchases made through our links"),
        Some(BlockKind::Credit)
    );
    assert_eq!(kind_in(&a, "Paragraph 3:"), None);
    assert_dom_map("notices page", &snapshot, &a);
}
