//! Per-page resource bounds. Every page is analysed in time and memory
//! bounded by these limits, decided by input size alone (never by a clock, so
//! the same page always gives the same analysis): a page beyond them is cut,
//! the analysis says `status: truncated`, and a notice tells the reader how
//! much was read.
//!
//! Three cuts, in pipeline order:
//! 1. **The snapshot** ([`cut_snapshot`]): a snapshot is a pre-order list, so
//!    any prefix of it is itself a valid snapshot. The cut keeps the longest
//!    prefix with at most [`Limits::max_nodes`] nodes and at most
//!    [`Limits::max_text_units`] UTF-16 code units of text-node data and
//!    attribute values; the text node where the budget runs out keeps the
//!    part that fits (never half a surrogate pair). Head data (title, `<meta>`,
//!    JSON-LD) has its own budget, [`Limits::max_head_units`]: items past it
//!    are dropped whole. The browser's snapshotter can apply the same rule
//!    while it walks the DOM, so a 50 MB text node never crosses the message
//!    channel; it then sets [`Snapshot::truncated`] and the core reports the
//!    cut exactly as if it had made it.
//! 2. **The article text** ([`Limits::max_article_bytes`]): cut at a block or
//!    character boundary before the text layer is built.
//! 3. **Comments**: the comment stage reads at most the first 2,000 comments,
//!    each up to a fixed length (see `crate::comments`).
//!
//! Every stage after the cuts is linear or `n log n` in what is left, so these
//! limits bound the whole analysis (tests/resource_bounds.rs; timings in
//! benches/bounds.rs).

use crate::snapshot::{Node, Snapshot};

/// The bounds one analysis works within.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Snapshot nodes read, in document order.
    pub max_nodes: usize,
    /// UTF-16 code units of text-node data and element attribute values read
    /// from the snapshot (what `.length` counts in JavaScript).
    pub max_text_units: usize,
    /// UTF-16 code units of title, `<meta>` contents and JSON-LD read.
    pub max_head_units: usize,
    /// Bytes of rendered article text analysed.
    pub max_article_bytes: usize,
}

/// The default bounds. Chosen so that no page of Mozilla Readability's 130
/// test pages is cut (the largest holds about 22,000 nodes, 1.5 million
/// code units of text and attributes, and 60,000 bytes of article text), with
/// room to spare. Measured natively (`claimlens analyze`, native profile):
/// 1,000,000 elements 0.70 s, a 50 MB text node 0.15 s, a 50,000-row table
/// 0.29 s, 100,000-deep nesting 0.03 s, and an article at the 1 MB text limit
/// 1.8 s (8,548 claims); `cargo bench --bench bounds` times the same shapes.
pub const DEFAULT_LIMITS: Limits = Limits {
    max_nodes: 250_000,
    max_text_units: 4_000_000,
    max_head_units: 1_000_000,
    max_article_bytes: 1_000_000,
};

impl Default for Limits {
    fn default() -> Self {
        DEFAULT_LIMITS
    }
}

/// What [`cut_snapshot`] left out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct SnapshotCut {
    /// Nodes in the snapshot before the cut.
    pub nodes_before: usize,
    /// Nodes kept.
    pub nodes_kept: usize,
    /// Code units of text and attributes kept.
    pub units_kept: usize,
    /// Head items (title, `<meta>`, JSON-LD blocks) dropped.
    pub head_items_dropped: usize,
}

/// The snapshot cut to `limits`, and what was left out; `None` when the
/// snapshot is within them (nothing is copied then).
pub fn cut_snapshot(snapshot: &Snapshot, limits: &Limits) -> Option<(Snapshot, SnapshotCut)> {
    let (nodes_kept, last_text_units) = body_prefix(&snapshot.nodes, limits);
    let head_kept = head_prefix(snapshot, limits.max_head_units);
    let head_items = 1 + snapshot.meta.len() + snapshot.jsonld.len();
    if nodes_kept == snapshot.nodes.len() && last_text_units.is_none() && head_kept == head_items {
        return None;
    }
    let mut nodes: Vec<Node> = snapshot.nodes[..nodes_kept].to_vec();
    if let (Some(units), Some(last)) = (last_text_units, nodes.last_mut()) {
        if let Some(text) = &mut last.text {
            let cut = byte_index_of_units(text, units);
            text.truncate(cut);
        }
    }
    let units_kept = nodes.iter().map(node_units).sum();
    // Head items are kept in order: title, then meta tags, then JSON-LD blocks.
    let mut budget = head_kept;
    let mut take = |n: usize| {
        let k = n.min(budget);
        budget -= k;
        k
    };
    let title = if take(1) == 1 {
        snapshot.title.clone()
    } else {
        String::new()
    };
    let meta = snapshot.meta[..take(snapshot.meta.len())].to_vec();
    let jsonld = snapshot.jsonld[..take(snapshot.jsonld.len())].to_vec();
    let cut = Snapshot {
        url: snapshot.url.clone(),
        title,
        lang: snapshot.lang.clone(),
        canonical: snapshot.canonical.clone(),
        meta,
        jsonld,
        nodes,
        truncated: true,
    };
    Some((
        cut,
        SnapshotCut {
            nodes_before: snapshot.nodes.len(),
            nodes_kept,
            units_kept,
            head_items_dropped: head_items - head_kept,
        },
    ))
}

/// How many nodes fit, and — when the last kept node is a text node that
/// only partly fits — how many of its code units do.
fn body_prefix(nodes: &[Node], limits: &Limits) -> (usize, Option<usize>) {
    let mut budget = limits.max_text_units;
    for (i, node) in nodes.iter().enumerate() {
        if i == limits.max_nodes {
            return (i, None);
        }
        let units = node_units(node);
        if units <= budget {
            budget -= units;
            continue;
        }
        return match &node.text {
            // Keep the part of the text that fits (if any of it does).
            Some(_) if budget > 0 => (i + 1, Some(budget)),
            // An element whose attributes do not fit ends the prefix.
            _ => (i, None),
        };
    }
    (nodes.len(), None)
}

/// The number of head items (title, then meta, then JSON-LD) that fit.
fn head_prefix(snapshot: &Snapshot, max_units: usize) -> usize {
    let items = std::iter::once(units(&snapshot.title))
        .chain(
            snapshot
                .meta
                .iter()
                .map(|m| units(&m.key) + units(&m.content)),
        )
        .chain(snapshot.jsonld.iter().map(|j| units(j)));
    let mut budget = max_units;
    let mut kept = 0;
    for u in items {
        if u > budget {
            break;
        }
        budget -= u;
        kept += 1;
    }
    kept
}

/// Code units of a node's text, or of its attribute values.
fn node_units(node: &Node) -> usize {
    if let Some(text) = &node.text {
        return units(text);
    }
    units(&node.tag)
        + node
            .attributes()
            .iter()
            .map(|a| a.as_deref().map_or(0, units))
            .sum::<usize>()
}

/// UTF-16 length; cheap for ASCII, where it equals the byte length.
fn units(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        s.chars().map(char::len_utf16).sum()
    }
}

/// The byte index of the longest prefix of `text` at most `max_units` UTF-16
/// code units long (a character that would straddle the limit is left out).
fn byte_index_of_units(text: &str, max_units: usize) -> usize {
    let mut units = 0;
    for (i, c) in text.char_indices() {
        units += c.len_utf16();
        if units > max_units {
            return i;
        }
    }
    text.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(texts: &[&str]) -> Snapshot {
        let mut nodes = vec![Node::element(None, "body"), Node::element(Some(0), "p")];
        for t in texts {
            nodes.push(Node::text_node(1, t));
        }
        Snapshot {
            title: "Title".into(),
            nodes,
            ..Snapshot::default()
        }
    }

    fn limits(max_nodes: usize, max_text_units: usize) -> Limits {
        Limits {
            max_nodes,
            max_text_units,
            ..DEFAULT_LIMITS
        }
    }

    #[test]
    fn a_page_within_the_limits_is_not_copied() {
        let s = page(&["hello", "world"]);
        assert_eq!(cut_snapshot(&s, &limits(4, 100)), None);
        // "body" + "p" + 10 units of text = 15: exactly at the budget.
        assert_eq!(cut_snapshot(&s, &limits(4, 15)), None);
    }

    #[test]
    fn the_node_cut_keeps_a_valid_prefix() {
        let s = page(&["a", "b", "c"]);
        let (cut, what) = cut_snapshot(&s, &limits(3, 100)).unwrap();
        assert_eq!(cut.nodes.len(), 3);
        assert!(cut.truncated);
        cut.tree().unwrap();
        assert_eq!(
            what,
            SnapshotCut {
                nodes_before: 5,
                nodes_kept: 3,
                units_kept: 6,
                head_items_dropped: 0
            }
        );
    }

    #[test]
    fn the_text_cut_keeps_what_fits_of_the_last_node() {
        let s = page(&["hello", "world"]);
        // body(4) + p(1) + hello(5) = 10; 3 units of "world" fit.
        let (cut, what) = cut_snapshot(&s, &limits(100, 13)).unwrap();
        assert_eq!(cut.nodes.len(), 4);
        assert_eq!(cut.nodes[3].text.as_deref(), Some("wor"));
        assert_eq!(what.units_kept, 13);
    }

    #[test]
    fn the_text_cut_never_splits_a_surrogate_pair_or_a_char() {
        // 😀 is two UTF-16 units: with one unit left, it is left out whole.
        let s = page(&["ab😀c"]);
        let (cut, _) = cut_snapshot(&s, &limits(100, 5 + 3)).unwrap();
        assert_eq!(cut.nodes[2].text.as_deref(), Some("ab"));
        let (cut, _) = cut_snapshot(&s, &limits(100, 5 + 4)).unwrap();
        assert_eq!(cut.nodes[2].text.as_deref(), Some("ab😀"));
    }

    #[test]
    fn an_element_whose_attributes_do_not_fit_ends_the_prefix() {
        let mut s = page(&["a"]);
        let mut big = Node::element(Some(0), "div");
        big.class = Some("x".repeat(1000));
        s.nodes.push(big);
        s.nodes.push(Node::text_node(3, "after"));
        let (cut, _) = cut_snapshot(&s, &limits(100, 100)).unwrap();
        assert_eq!(cut.nodes.len(), 3);
    }

    #[test]
    fn head_items_past_their_budget_are_dropped_whole() {
        let mut s = page(&["a"]);
        s.jsonld = vec!["{}".into(), "x".repeat(100), "{}".into()];
        let l = Limits {
            max_head_units: 5 + 2 + 10,
            ..DEFAULT_LIMITS
        };
        let (cut, what) = cut_snapshot(&s, &l).unwrap();
        assert_eq!(cut.title, "Title");
        assert_eq!(cut.jsonld, vec!["{}".to_string()]);
        assert_eq!(what.head_items_dropped, 2);
        assert_eq!(cut.nodes, s.nodes);
    }

    #[test]
    fn units_count_utf16_code_units() {
        assert_eq!(units("abc"), 3);
        assert_eq!(units("é😀"), 3);
        assert_eq!(byte_index_of_units("é😀x", 1), 2);
        assert_eq!(byte_index_of_units("é😀x", 2), 2);
        assert_eq!(byte_index_of_units("é😀x", 3), 6);
        assert_eq!(byte_index_of_units("é😀x", 9), 7);
    }
}
