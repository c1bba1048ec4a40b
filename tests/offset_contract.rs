//! Property tests pinning the offset contract: every span in the analysis is
//! an end-exclusive UTF-16 range inside `article.text`, on character
//! boundaries; every span's `text` equals the slice it names; and every DOM
//! run maps back to exactly the snapshot text it came from. The generators
//! mix emoji and surrogate pairs, combining marks, zero-width and bidi
//! controls, RTL text, CRLF and non-breaking spaces into news-like text.

use claimlens::analysis::{Analysis, DomRun, Span};
use claimlens::snapshot::{Node, Snapshot};
use claimlens::spans::{byte_offset_of_utf16, utf16_len};
use claimlens::{analyze, analyze_text, Options};
use proptest::prelude::*;

/// Pieces that exercise the text layer and the UTF-16 conversion together.
const PIECES: &[&str] = &[
    "The minister said",
    "on Monday",
    "that the council spent",
    "$2 billion",
    "3.5%",
    "last year",
    "in February 2022",
    "“We will win,” she said.",
    "\"It failed,\" he added.",
    "according to officials who spoke on condition of anonymity",
    "Some critics say",
    "Ian Kelly, a retired diplomat,",
    "😀",
    "👩‍👩‍👧",
    "e\u{301}",
    "\u{200b}",
    "\u{200d}",
    "\u{202e}",
    "\u{2067}",
    "עברית",
    "مرحبا",
    "\r\n",
    "\u{a0}",
    "—",
    "…",
    "Mr. Smith",
    "U.S.",
    "20-point plan",
    ".",
    ",",
    "?",
    "\t",
];

fn sentence() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 1..12).prop_map(|parts| {
        let mut s = parts.join(" ");
        s.push('.');
        s
    })
}

fn article_text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::collection::vec(sentence(), 1..5), 1..6).prop_map(|paras| {
        paras
            .iter()
            .map(|p| p.join(" "))
            .collect::<Vec<_>>()
            .join("\n\n")
    })
}

/// A page: body > article > p*, each paragraph split into text nodes and
/// inline elements, with whitespace-only nodes between blocks.
fn snapshot() -> impl Strategy<Value = Snapshot> {
    let paragraph = prop::collection::vec((sentence(), any::<bool>(), 0usize..3), 2..6);
    prop::collection::vec(paragraph, 4..8).prop_map(|paras| {
        let mut nodes = vec![
            Node::element(None, "body"),
            Node::element(Some(0), "article"),
        ];
        for para in paras {
            nodes.push(Node::text_node(1, "\n  "));
            let p = nodes.len() as u32;
            nodes.push(Node::element(Some(1), "p"));
            for (text, inline, spaces) in para {
                let lead = [" ", "  \n ", "\r\n"][spaces];
                if inline {
                    let b = nodes.len() as u32;
                    nodes.push(Node::element(Some(p), "b"));
                    nodes.push(Node::text_node(b, &format!("{lead}{text}")));
                } else {
                    nodes.push(Node::text_node(p, &format!("{lead}{text} ")));
                }
            }
        }
        Snapshot {
            nodes,
            ..Snapshot::default()
        }
    })
}

/// The slice a UTF-16 span names, or an error saying why it is not valid.
fn slice<'t>(text: &'t str, what: &str, start: u32, end: u32) -> Result<&'t str, TestCaseError> {
    let len = utf16_len(text);
    prop_assert!(
        start <= end && end <= len,
        "{what}: {start}..{end} outside 0..{len}"
    );
    let s = byte_offset_of_utf16(text, start);
    let e = byte_offset_of_utf16(text, end);
    match (s, e) {
        (Some(s), Some(e)) => Ok(&text[s..e]),
        _ => Err(TestCaseError::fail(format!(
            "{what}: {start}..{end} splits a surrogate pair"
        ))),
    }
}

fn check_span(text: &str, what: &str, span: Span) -> Result<(), TestCaseError> {
    slice(text, what, span.start, span.end).map(|_| ())
}

fn check_analysis(a: &Analysis) -> Result<(), TestCaseError> {
    let text = a.article.text.as_str();
    for p in &a.article.paragraphs {
        check_span(text, "paragraph", *p)?;
    }
    for s in &a.sentences {
        check_span(text, "sentence", *s)?;
    }
    for c in &a.claims {
        prop_assert_eq!(slice(text, "claim", c.start, c.end)?, c.text.as_str());
        for t in &c.times {
            prop_assert_eq!(slice(text, "time", t.start, t.end)?, t.text.as_str());
        }
        for q in &c.quantities {
            prop_assert_eq!(slice(text, "quantity", q.start, q.end)?, q.text.as_str());
        }
        if let Some(cue) = c.sourcing.cue_span {
            check_span(text, "sourcing cue", cue)?;
        }
    }
    for q in &a.quotes {
        prop_assert_eq!(slice(text, "quote", q.start, q.end)?, q.text.as_str());
    }
    for e in &a.entities {
        for m in &e.mentions {
            check_span(text, "entity mention", *m)?;
        }
    }
    Ok(())
}

/// Whitespace kinds the renderer may collapse are equivalent.
fn same_modulo_whitespace(a: &str, b: &str) -> bool {
    let norm = |s: &str| {
        s.chars()
            .map(|c| if c.is_ascii_whitespace() { ' ' } else { c })
            .collect::<String>()
    };
    norm(a) == norm(b)
}

fn check_dom_runs(text: &str, runs: &[DomRun], snapshot: &Snapshot) -> Result<(), TestCaseError> {
    let mut covered = vec![false; utf16_len(text) as usize];
    for run in runs {
        let from_text = slice(text, "dom run", run.start, run.end)?;
        let data = snapshot
            .nodes
            .get(run.node as usize)
            .and_then(|n| n.text.as_deref())
            .ok_or_else(|| {
                TestCaseError::fail(format!("run names node {} which is not text", run.node))
            })?;
        let from_node = slice(
            data,
            "dom run in node",
            run.offset,
            run.offset + (run.end - run.start),
        )?;
        prop_assert!(
            same_modulo_whitespace(from_text, from_node),
            "run {:?}: {:?} != {:?}",
            run,
            from_text,
            from_node
        );
        for unit in run.start..run.end {
            covered[unit as usize] = true;
        }
    }
    // Every code unit of the article text comes from the DOM, except the
    // paragraph separators and line breaks the renderer inserts.
    let units: Vec<u16> = text.encode_utf16().collect();
    for (i, &unit) in units.iter().enumerate() {
        prop_assert!(
            covered[i] || unit == u16::from(b'\n'),
            "code unit {} ({:#x}) of the article maps to no DOM text",
            i,
            unit
        );
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn text_analysis_spans_are_valid_utf16_slices(text in article_text()) {
        let analysis = analyze_text(&text, &Options::default());
        prop_assert_eq!(analysis.article.text.as_str(), text.as_str());
        check_analysis(&analysis)?;
    }

    #[test]
    fn page_analysis_spans_map_back_to_the_dom(snapshot in snapshot()) {
        let analysis = analyze(&snapshot, &Options::default()).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(analysis.status, claimlens::analysis::Status::Ok, "the article was not found");
        check_analysis(&analysis)?;
        check_dom_runs(&analysis.article.text, &analysis.article.dom, &snapshot)?;
    }
}
