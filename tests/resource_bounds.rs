//! Hostile pages against the per-page bounds (src/limits.rs): each is cut or
//! analysed with a clear status and notice, never a panic, and what is kept
//! still keeps the offset contract. Sizes are above the default limits so the
//! cuts really happen; timings live in benches, not here.

use claimlens::analysis::{Analysis, Status};
use claimlens::limits::{Limits, DEFAULT_LIMITS};
use claimlens::snapshot::html::snapshot_from_html;
use claimlens::snapshot::{Node, Snapshot};
use claimlens::{analyze, analyze_text, Options};

const STORY: &str = "The council said on Monday that it spent $2 billion on roads last year, \
     according to a report by the city auditor. ";

fn article_page(extra: impl FnOnce(&mut Vec<Node>)) -> Snapshot {
    let mut nodes = vec![
        Node::element(None, "body"),
        Node::element(Some(0), "article"),
    ];
    for _ in 0..6 {
        let p = nodes.len() as u32;
        nodes.push(Node::element(Some(1), "p"));
        nodes.push(Node::text_node(p, &STORY.repeat(3)));
    }
    extra(&mut nodes);
    Snapshot {
        url: "https://news.example/story".into(),
        title: "Roads".into(),
        nodes,
        ..Snapshot::default()
    }
}

fn assert_truncated_with_notice(a: &Analysis) {
    assert_eq!(a.status, Status::Truncated, "notices: {:?}", a.notices);
    assert!(
        a.notices
            .iter()
            .any(|n| n.starts_with("The page is too large")),
        "a notice says the page was cut: {:?}",
        a.notices
    );
}

fn assert_spans_inside(a: &Analysis) {
    let units = a.article.text.encode_utf16().count() as u32;
    for c in &a.claims {
        assert!(c.start <= c.end && c.end <= units, "claim {}", c.id);
        let text: Vec<u16> = a.article.text.encode_utf16().collect();
        assert_eq!(
            String::from_utf16_lossy(&text[c.start as usize..c.end as usize]),
            c.text
        );
    }
}

#[test]
fn a_page_of_more_elements_than_the_limit_is_cut_and_says_so() {
    let snapshot = article_page(|nodes| {
        for _ in 0..DEFAULT_LIMITS.max_nodes {
            nodes.push(Node::element(Some(0), "span"));
        }
    });
    let a = analyze(&snapshot, &Options::default()).unwrap();
    assert_truncated_with_notice(&a);
    assert!(
        a.notices[0].contains("elements were read"),
        "{:?}",
        a.notices
    );
    // The article itself was not cut, and the notice does not say it was.
    assert!(
        a.notices[0].ends_with("and the article found in it (2,074 characters) was analysed."),
        "{:?}",
        a.notices
    );
    assert_eq!(a.article.text.chars().count(), 2_074);
    // The article came first, so it is still found and analysed.
    assert!(!a.claims.is_empty());
    assert_spans_inside(&a);
}

#[test]
fn a_giant_text_node_is_cut_inside_the_node() {
    let giant = "word ".repeat(DEFAULT_LIMITS.max_text_units / 5 + 1000);
    let snapshot = article_page(|nodes| {
        let div = nodes.len() as u32;
        nodes.push(Node::element(Some(0), "div"));
        nodes.push(Node::text_node(div, &giant));
    });
    let a = analyze(&snapshot, &Options::default()).unwrap();
    assert_truncated_with_notice(&a);
    assert!(a.article.text.len() <= DEFAULT_LIMITS.max_article_bytes);
    assert_spans_inside(&a);
}

#[test]
fn a_giant_article_is_analysed_up_to_the_article_limit() {
    let limits = Limits {
        max_article_bytes: 20_000,
        ..DEFAULT_LIMITS
    };
    let options = Options {
        max_text_bytes: limits.max_article_bytes,
        limits,
        ..Options::default()
    };
    let text = format!("{STORY}\n\n").repeat(1_000);
    let a = analyze_text(&text, &options);
    assert_truncated_with_notice(&a);
    assert!(a.article.text.len() <= 20_000);
    assert!(!a.claims.is_empty());
    assert_spans_inside(&a);
}

#[test]
fn plain_text_cut_never_splits_a_character() {
    let options = Options {
        max_text_bytes: 1001,
        ..Options::default()
    };
    // 4-byte emoji: byte 1001 falls inside one.
    let text = "😀".repeat(1_000);
    let a = analyze_text(&text, &options);
    assert_eq!(a.status, Status::Truncated);
    assert_eq!(a.article.text.len(), 1000);
}

#[test]
fn a_snapshot_nested_100000_deep_is_analysed() {
    let snapshot = article_page(|nodes| {
        let mut parent = 0u32;
        for _ in 0..100_000 {
            nodes.push(Node::element(Some(parent), "div"));
            parent = nodes.len() as u32 - 1;
        }
        nodes.push(Node::text_node(parent, "The bottom."));
    });
    let a = analyze(&snapshot, &Options::default()).unwrap();
    assert!(matches!(a.status, Status::Ok | Status::Truncated));
    assert!(!a.claims.is_empty());
    assert_spans_inside(&a);
}

#[test]
fn html_nested_100000_deep_builds_and_analyses() {
    let html = format!(
        "<html><body><article>{}</article>{}x{}</body></html>",
        format!("<p>{}</p>", STORY.repeat(3)).repeat(6),
        "<div>".repeat(100_000),
        "</div>".repeat(100_000)
    );
    let snapshot = snapshot_from_html(html.as_bytes(), "https://news.example/").unwrap();
    let a = analyze(&snapshot, &Options::default()).unwrap();
    assert!(!a.claims.is_empty());
    assert_spans_inside(&a);
}

#[test]
fn a_huge_table_is_cut_or_analysed_without_a_panic() {
    let row = "<tr><td>1</td><td>Roads</td><td>$2 billion</td></tr>";
    let html = format!(
        "<html><body><article><p>{}</p></article><table>{}</table></body></html>",
        STORY.repeat(3),
        row.repeat(70_000)
    );
    let snapshot = snapshot_from_html(html.as_bytes(), "https://news.example/").unwrap();
    assert!(snapshot.nodes.len() > DEFAULT_LIMITS.max_nodes);
    let a = analyze(&snapshot, &Options::default()).unwrap();
    assert_truncated_with_notice(&a);
    assert_spans_inside(&a);
}

#[test]
fn a_page_with_no_text_has_no_article_and_no_notice() {
    let html = "<html><body>".to_string() + &"<div><img src=x></div>".repeat(1_000);
    let snapshot = snapshot_from_html(html.as_bytes(), "https://news.example/").unwrap();
    let a = analyze(&snapshot, &Options::default()).unwrap();
    assert_eq!(a.status, Status::NoArticle);
    assert!(a.notices.is_empty());
    assert!(a.claims.is_empty());
}

#[test]
fn a_cut_page_without_an_article_says_both() {
    let mut nodes = vec![Node::element(None, "body")];
    for _ in 0..50 {
        nodes.push(Node::element(Some(0), "span"));
    }
    let snapshot = Snapshot {
        nodes,
        ..Snapshot::default()
    };
    let options = Options {
        limits: Limits {
            max_nodes: 10,
            ..DEFAULT_LIMITS
        },
        ..Options::default()
    };
    let a = analyze(&snapshot, &options).unwrap();
    assert_eq!(a.status, Status::NoArticle);
    assert_eq!(
        a.notices,
        vec![
            "The page is too large: only its first 10 of 51 elements were read, and no article was found in the part that was read."
                .to_string()
        ]
    );
}

#[test]
fn a_snapshot_the_browser_already_cut_is_reported_as_truncated() {
    let mut snapshot = article_page(|_| {});
    snapshot.truncated = true;
    let a = analyze(&snapshot, &Options::default()).unwrap();
    assert_truncated_with_notice(&a);
    assert!(a.notices[0].contains("only its first part was read"));
    assert!(!a.claims.is_empty());
}

#[test]
fn a_truncated_flag_survives_the_wire_format() {
    let json = r#"{"nodes":[{"tag":"body"}],"truncated":true}"#;
    let s: Snapshot = serde_json::from_str(json).unwrap();
    assert!(s.truncated);
    let back = serde_json::to_string(&Snapshot::default()).unwrap();
    assert!(!back.contains("truncated"), "{back}");
}
