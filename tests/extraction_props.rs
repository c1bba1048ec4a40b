//! Property tests: extraction never panics on tag soup, and whatever it
//! returns maps back to the snapshot's text nodes exactly.

use claimlens::extract::{extract, Rendered};
use claimlens::snapshot::html::snapshot_from_html;
use claimlens::snapshot::Snapshot;
use proptest::prelude::*;

const OPEN: &[&str] = &[
    "<div>",
    "<p>",
    "<span>",
    "<a href=\"#x\">",
    "<a href=\"/y\">",
    "<ul>",
    "<li>",
    "<table>",
    "<td>",
    "<h1>",
    "<h2>",
    "<article>",
    "<aside>",
    "<nav>",
    "<font>",
    "<pre>",
    "<blockquote>",
    "<div class=\"comments\">",
    "<div class=\"comment\">",
    "<div class=\"share-bar\">",
    "<p class=\"byline\">",
    "<div class=\"story-body\">",
    "<div hidden>",
    "<div style=\"display:none\">",
    "<section class=\"sidebar\">",
    "<time datetime=\"2024-02-29\">",
    "<button>",
    "<form>",
];

const CLOSE: &[&str] = &[
    "</div>",
    "</p>",
    "</span>",
    "</a>",
    "</ul>",
    "</li>",
    "</table>",
    "</h1>",
    "</article>",
    "</pre>",
];

const TEXT: &[&str] = &[
    "The council approved the budget, officials said. ",
    "Lorem ipsum dolor sit amet, consectetur adipiscing elit. ",
    "café 😀 naïve — “quoted” ",
    "東京で会議が開かれた。",
    "\u{a0}\u{a0}",
    "  \n\t ",
    "&amp;&#x1F600;&bogus; ",
    "12 Comments",
    "By Jane Roe",
    ",,,,,,,,,,,",
    "a",
];

fn token() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::sample::select(OPEN).prop_map(str::to_string),
        2 => prop::sample::select(CLOSE).prop_map(str::to_string),
        4 => prop::sample::select(TEXT).prop_map(str::to_string),
        1 => Just("<br>".to_string()),
        1 => Just("<br><br>".to_string()),
    ]
}

fn assert_runs_map_back(s: &Snapshot, r: &Rendered) {
    for run in &r.runs {
        let data = s.nodes[run.node as usize].text.as_deref().unwrap();
        let from_text = &r.text[run.start..run.end];
        let from_node = &data[run.node_offset..run.node_offset + (run.end - run.start)];
        let norm = |t: &str| t.replace(|c: char| c.is_ascii_whitespace(), " ");
        assert_eq!(norm(from_text), norm(from_node));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn tag_soup_never_panics_and_runs_map_back(tokens in prop::collection::vec(token(), 0..300)) {
        let html = format!("<html><head><title>T | S</title></head><body>{}", tokens.concat());
        let Ok(snapshot) = snapshot_from_html(html.as_bytes(), "") else {
            return Ok(());
        };
        let e = extract(&snapshot).expect("a built snapshot is valid");
        if let Some(a) = &e.article {
            assert_runs_map_back(&snapshot, a);
            prop_assert!(!a.text.is_empty());
            for b in &a.blocks {
                prop_assert!(a.text.is_char_boundary(b.span.start) && a.text.is_char_boundary(b.span.end));
            }
        }
        for c in &e.comments {
            assert_runs_map_back(&snapshot, &c.body);
        }
    }
}
