//! The page snapshot: a compact, serialisable tree of a page's elements and
//! text nodes, plus the page-level metadata extraction needs.
//!
//! Two builders produce it: the content script from the live DOM
//! (`extension/src/dom/snapshot.ts`) and [`html`] from HTML bytes with
//! html5ever. Both follow the same rules (listed on [`Snapshot`]) so that one
//! page gives one snapshot, whichever way it was taken.
//!
//! The JSON form is below (the CLI, the playground and tests use it). Field
//! names are short because a large page has hundreds of thousands of nodes.
//! The extension sends the same snapshot in the flat form of [`flat`] (a
//! string table and numbers), which crosses the message channel and the WASM
//! boundary without one object per node.
//!
//! ```json
//! { "url": "https://example.com/a", "title": "Page title", "lang": "en",
//!   "canonical": null,
//!   "meta": [{"key": "og:title", "content": "..."}],
//!   "jsonld": ["{\"@type\": \"NewsArticle\", ...}"],
//!   "nodes": [
//!     {"tag": "body"},
//!     {"p": 0, "tag": "p", "cls": "lead"},
//!     {"p": 1, "text": "Hello"} ] }
//! ```

#[cfg(not(target_arch = "wasm32"))]
mod depth_cap;
pub mod flat;
#[cfg(not(target_arch = "wasm32"))]
pub mod html;
pub mod json;

use serde::{Deserialize, Serialize};
use thiserror::Error;

/// A page, as a flat pre-order list of nodes.
///
/// Rules both builders follow:
/// - `nodes` is in document (pre-)order; `nodes[0]` is `<body>` (or the root
///   element when there is no body) and every other node's `p` is the index of
///   an earlier element.
/// - Skipped with their whole subtree: `head`, `script`, `style`, `noscript`,
///   `template`, `svg`, `math`, `iframe`, `object`, `embed`, `canvas`, `select`,
///   `textarea`, `input` and comments. (Their text is never article text.)
/// - Text nodes are kept verbatim, whitespace included; offsets in them are
///   UTF-16 code units, as in the DOM.
/// - `hidden` is true for an element with the `hidden` attribute,
///   `aria-hidden="true"`, or an inline style with `display:none` or
///   `visibility:hidden`. Computed styles are deliberately not consulted, so
///   the live DOM and the html5ever builder agree.
/// - `meta` holds `<meta>` tags that have `content` and one of `name`,
///   `property`, `itemprop` or `http-equiv` (that key lower-cased).
/// - `jsonld` holds the text of every `<script type="application/ld+json">`.
/// - Depth cap: no element is deeper than [`MAX_DEPTH`] below the root
///   (`nodes[0]` has depth 0). An element that would be deeper is left out
///   and its children (elements and text, in order) go to its nearest kept
///   ancestor, so everything below depth `MAX_DEPTH` hangs, flattened, from
///   the element at depth `MAX_DEPTH`. Browsers cap tree depth themselves
///   (Chromium re-parents beyond 512 open elements), and the cap keeps every
///   stage linear on hostile pages nested 100,000 deep. The DOM snapshotter
///   applies the same rule while it walks; the native builder also drops the
///   over-deep tags before html5ever's tree builder sees them (see
///   [`html`]), whose scope checks are otherwise quadratic in the depth.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Snapshot {
    #[serde(default)]
    pub url: String,
    /// The document's `<title>`.
    #[serde(default)]
    pub title: String,
    /// `<html lang>`.
    #[serde(default)]
    pub lang: Option<String>,
    /// `<link rel="canonical" href>`.
    #[serde(default)]
    pub canonical: Option<String>,
    #[serde(default)]
    pub meta: Vec<MetaTag>,
    #[serde(default)]
    pub jsonld: Vec<String>,
    #[serde(default)]
    pub nodes: Vec<Node>,
    /// True when the builder stopped early at the page-size limits
    /// (`crate::limits`): `nodes` is then a prefix of the page, and the
    /// analysis says `truncated`.
    #[serde(default, skip_serializing_if = "is_false")]
    pub truncated: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MetaTag {
    pub key: String,
    pub content: String,
}

/// One element or text node. A node with `text` is a text node; otherwise it
/// is an element named by `tag`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Node {
    /// Index of the parent element; absent only for the root.
    #[serde(default, rename = "p", skip_serializing_if = "Option::is_none")]
    pub parent: Option<u32>,
    /// Lower-case tag name (elements only).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub tag: String,
    /// The text node's data, verbatim (text nodes only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(default, rename = "cls", skip_serializing_if = "Option::is_none")]
    pub class: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    #[serde(default, skip_serializing_if = "is_false")]
    pub hidden: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub href: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub itemprop: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rel: Option<String>,
    /// `datetime` attribute, for `<time>` and `<ins>`/`<del>`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub datetime: Option<String>,
}

fn is_false(b: &bool) -> bool {
    !*b
}

impl Node {
    /// The optional attributes, in the flat snapshot's field order (its
    /// presence bits follow it).
    pub fn attributes(&self) -> [&Option<String>; 7] {
        [
            &self.id,
            &self.class,
            &self.role,
            &self.href,
            &self.itemprop,
            &self.rel,
            &self.datetime,
        ]
    }

    pub fn element(parent: Option<u32>, tag: &str) -> Self {
        Node {
            parent,
            tag: tag.to_string(),
            ..Node::default()
        }
    }

    pub fn text_node(parent: u32, text: &str) -> Self {
        Node {
            parent: Some(parent),
            text: Some(text.to_string()),
            ..Node::default()
        }
    }

    pub fn is_text(&self) -> bool {
        self.text.is_some()
    }
}

/// Why a snapshot cannot be analysed.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum SnapshotError {
    #[error("the snapshot has no nodes")]
    Empty,
    #[error("node {node} names parent {parent}, which is not an earlier element")]
    BadParent { node: usize, parent: u32 },
    #[error("node {0} is the root but is a text node")]
    TextRoot(usize),
    #[error("the root node names parent {0}; the first node must have none")]
    RootWithParent(u32),
    #[error("node {0} has no parent but is not the first node")]
    SecondRoot(usize),
    #[error(
        "node {0} is out of document order: its parent is not on the path to the node before it"
    )]
    NotPreOrder(usize),
    #[error("the snapshot has {0} nodes, more than the limit of {MAX_NODES}")]
    TooManyNodes(usize),
}

/// Hard cap on nodes; beyond it a page is refused rather than stalling the reader.
pub const MAX_NODES: usize = 4_000_000;

/// The deepest an element may sit below the snapshot root (see [`Snapshot`]).
pub const MAX_DEPTH: u32 = 512;

/// Child lists for a validated snapshot, built without recursion.
#[derive(Debug, Clone)]
pub struct Tree<'a> {
    pub snapshot: &'a Snapshot,
    first_child: Vec<u32>,
    next_sibling: Vec<u32>,
    /// One past each node's last descendant.
    subtree_end: Vec<u32>,
    /// Depth of each node (root = 0).
    pub depth: Vec<u32>,
}

const NONE: u32 = u32::MAX;

impl Snapshot {
    /// Checks the structural rules and indexes the tree.
    pub fn tree(&self) -> Result<Tree<'_>, SnapshotError> {
        let n = self.nodes.len();
        if n == 0 {
            return Err(SnapshotError::Empty);
        }
        if n > MAX_NODES {
            return Err(SnapshotError::TooManyNodes(n));
        }
        if self.nodes[0].is_text() {
            return Err(SnapshotError::TextRoot(0));
        }
        if let Some(p) = self.nodes[0].parent {
            return Err(SnapshotError::RootWithParent(p));
        }
        let mut first_child = vec![NONE; n];
        let mut next_sibling = vec![NONE; n];
        let mut last_child = vec![NONE; n];
        let mut depth = vec![0u32; n];
        // The path from the root to the previous node: in pre-order, every
        // node's parent lies on it.
        let mut path: Vec<u32> = vec![0];
        for (i, node) in self.nodes.iter().enumerate().skip(1) {
            let Some(p) = node.parent else {
                return Err(SnapshotError::SecondRoot(i));
            };
            let pi = p as usize;
            if pi >= i || self.nodes[pi].is_text() {
                return Err(SnapshotError::BadParent { node: i, parent: p });
            }
            while path.last().is_some_and(|&top| top != p) {
                path.pop();
            }
            if path.is_empty() {
                return Err(SnapshotError::NotPreOrder(i));
            }
            path.push(i as u32);
            if last_child[pi] == NONE {
                first_child[pi] = i as u32;
            } else {
                next_sibling[last_child[pi] as usize] = i as u32;
            }
            last_child[pi] = i as u32;
            depth[i] = depth[pi] + 1;
        }
        // In pre-order a node's subtree ends where its last child's does;
        // children come after parents, so one backward pass settles all.
        let mut subtree_end = vec![0u32; n];
        for i in (0..n).rev() {
            subtree_end[i] = match last_child[i] {
                NONE => i as u32 + 1,
                c => subtree_end[c as usize],
            };
        }
        Ok(Tree {
            snapshot: self,
            first_child,
            next_sibling,
            subtree_end,
            depth,
        })
    }

    /// The first `<meta>` content for any of `keys` (already lower-case).
    pub fn meta(&self, keys: &[&str]) -> Option<&str> {
        keys.iter().find_map(|k| {
            self.meta
                .iter()
                .find(|m| m.key == *k && !m.content.trim().is_empty())
                .map(|m| m.content.trim())
        })
    }
}

impl<'a> Tree<'a> {
    pub fn len(&self) -> usize {
        self.snapshot.nodes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.snapshot.nodes.is_empty()
    }

    pub fn node(&self, i: usize) -> &'a Node {
        &self.snapshot.nodes[i]
    }

    pub fn children(&self, i: usize) -> Children<'_> {
        Children {
            tree: self,
            next: self.first_child[i],
        }
    }

    /// One past the last descendant of `i`: descendants of `i` are exactly
    /// the indices `i+1 .. subtree_end(i)`, because `nodes` is in pre-order.
    pub fn subtree_end(&self, i: usize) -> usize {
        self.subtree_end[i] as usize
    }

    /// `i`, then its parent, and so on up to the root.
    pub fn ancestors_or_self(&self, i: usize) -> Ancestors<'a> {
        Ancestors {
            snapshot: self.snapshot,
            next: Some(i as u32),
        }
    }
}

pub struct Children<'t> {
    tree: &'t Tree<'t>,
    next: u32,
}

impl Iterator for Children<'_> {
    type Item = usize;
    fn next(&mut self) -> Option<usize> {
        if self.next == NONE {
            return None;
        }
        let i = self.next as usize;
        self.next = self.tree.next_sibling[i];
        Some(i)
    }
}

pub struct Ancestors<'a> {
    snapshot: &'a Snapshot,
    next: Option<u32>,
}

impl Iterator for Ancestors<'_> {
    type Item = usize;
    fn next(&mut self) -> Option<usize> {
        let i = self.next? as usize;
        self.next = self.snapshot.nodes[i].parent;
        Some(i)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tiny() -> Snapshot {
        Snapshot {
            nodes: vec![
                Node::element(None, "body"),
                Node::element(Some(0), "p"),
                Node::text_node(1, "a"),
                Node::element(Some(0), "p"),
                Node::text_node(3, "b"),
            ],
            ..Snapshot::default()
        }
    }

    #[test]
    fn tree_indexes_children_and_subtrees() {
        let s = tiny();
        let t = s.tree().unwrap();
        assert_eq!(t.children(0).collect::<Vec<_>>(), vec![1, 3]);
        assert_eq!(t.subtree_end(1), 3);
        assert_eq!(t.subtree_end(0), 5);
        assert_eq!(t.ancestors_or_self(4).collect::<Vec<_>>(), vec![4, 3, 0]);
    }

    /// Regression: `subtree_end` used to walk the subtree on every call, and
    /// extraction calls it per node, which made deep pages quadratic. The
    /// precomputed ends must equal the definition on deep, wide and mixed trees.
    #[test]
    fn subtree_end_matches_its_definition_on_deep_and_wide_trees() {
        let mut nodes = vec![Node::element(None, "body")];
        // A 2,000-deep chain, then wide siblings, then another chain under the body.
        for i in 0..2_000u32 {
            nodes.push(Node::element(Some(i), "div"));
        }
        nodes.push(Node::text_node(2_000, "deep"));
        for _ in 0..500 {
            let p = nodes.len() as u32;
            nodes.push(Node::element(Some(0), "p"));
            nodes.push(Node::text_node(p, "x"));
        }
        let mut parent = 0u32;
        for _ in 0..300 {
            let p = nodes.len() as u32;
            nodes.push(Node::element(Some(parent), "section"));
            nodes.push(Node::text_node(p, "y"));
            parent = p;
        }
        let s = Snapshot {
            nodes,
            ..Snapshot::default()
        };
        let t = s.tree().unwrap();
        let n = t.len();
        for i in 0..n {
            let naive = (i + 1..n).find(|&j| t.depth[j] <= t.depth[i]).unwrap_or(n);
            assert_eq!(t.subtree_end(i), naive, "node {i}");
        }
        assert_eq!(t.subtree_end(0), n);
        assert_eq!(t.subtree_end(1), 2_002);
    }

    #[test]
    fn tree_rejects_forward_parent() {
        let mut s = tiny();
        s.nodes[1].parent = Some(3);
        assert!(matches!(s.tree(), Err(SnapshotError::BadParent { .. })));
    }

    #[test]
    fn tree_rejects_root_that_names_a_parent() {
        // Fuzz crash: a root with `"p": 2` reached the DOM builder, which
        // indexed past the end of its table.
        let mut s = tiny();
        s.nodes[0].parent = Some(2);
        assert_eq!(s.tree().unwrap_err(), SnapshotError::RootWithParent(2));
    }

    #[test]
    fn tree_rejects_text_parent() {
        let mut s = tiny();
        s.nodes[3].parent = Some(2);
        assert!(matches!(s.tree(), Err(SnapshotError::BadParent { .. })));
    }

    #[test]
    fn tree_rejects_children_out_of_document_order() {
        // Node 4 is a child of node 1, but node 3 (a child of node 0) closed node 1.
        let mut s = tiny();
        s.nodes.push(Node::text_node(1, "late"));
        assert_eq!(s.tree().unwrap_err(), SnapshotError::NotPreOrder(5));
    }

    #[test]
    fn tree_rejects_empty_and_text_root() {
        assert_eq!(
            Snapshot::default().tree().unwrap_err(),
            SnapshotError::Empty
        );
        let s = Snapshot {
            nodes: vec![Node::text_node(0, "x")],
            ..Snapshot::default()
        };
        assert!(s.tree().is_err());
    }

    #[test]
    fn deep_nesting_does_not_recurse() {
        let mut nodes = vec![Node::element(None, "body")];
        for i in 0..200_000u32 {
            nodes.push(Node::element(Some(i), "div"));
        }
        let s = Snapshot {
            nodes,
            ..Snapshot::default()
        };
        let t = s.tree().unwrap();
        assert_eq!(t.subtree_end(0), 200_001);
        assert_eq!(t.depth[200_000], 200_000);
    }

    #[test]
    fn wire_format_round_trips_with_short_names() {
        let s = tiny();
        let json = serde_json::to_string(&s).unwrap();
        assert!(json.contains(r#"{"p":0,"tag":"p"}"#), "{json}");
        let back: Snapshot = serde_json::from_str(&json).unwrap();
        assert_eq!(back, s);
    }
}
