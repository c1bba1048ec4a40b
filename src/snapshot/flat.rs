//! The flat snapshot: how a page's nodes cross from the content script into
//! the WASM. Instead of one JS object per node (which the WASM had to turn
//! into JSON text and parse back), the nodes are one string table and one
//! array of numbers, which cross the boundary as two copies.
//!
//! - `strings`: every string of the nodes, concatenated; `lengths[i]` is the
//!   UTF-16 length of string `i` (JS string lengths, so the content script
//!   never re-encodes). Tag names are interned (one entry per distinct tag,
//!   at its first use); every other string is appended where it is met
//!   (interning attribute values too made the DOM walk measurably slower).
//! - `records`: the nodes in order, each as
//!   - a text node: `parent + 1`, `text << 1 | 1`;
//!   - an element: `parent + 1` (0 for the root), `tag << 1`, a field mask,
//!     then one string index per set bit of the mask, in the order of
//!     [`FIELD_BITS`]; bit [`HIDDEN_BIT`] is `hidden` and takes no index.
//!
//! The page-level fields (url, title, meta, JSON-LD, ...) travel as a
//! [`Snapshot`](super::Snapshot) object without nodes. The DOM snapshotter
//! (`extension/src/dom/snapshot.ts`) writes this form directly, and so does
//! [`to_flat`] from any snapshot (the html5ever builder's included), so both
//! builders can be compared in it.

use std::borrow::Cow;

use thiserror::Error;

use super::{Node, MAX_NODES};

/// The optional string fields of an element, in mask-bit order (bit 0 first).
pub const FIELD_BITS: [&str; 7] = ["id", "cls", "role", "href", "itemprop", "rel", "datetime"];
/// The mask bit of `hidden`.
pub const HIDDEN_BIT: u32 = 1 << 7;

/// Why a flat snapshot cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum FlatError {
    #[error("the string lengths do not add up to the string table")]
    Lengths,
    #[error("record {0} names string {1}, which does not exist")]
    BadString(usize, u32),
    #[error("the records end inside node {0}")]
    Truncated(usize),
    #[error("node {0} has an unknown field mask {1:#x}")]
    BadMask(usize, u32),
    #[error("the snapshot has more than {MAX_NODES} nodes")]
    TooManyNodes,
}

/// The nodes of a flat snapshot (see the module documentation).
pub fn nodes_from_flat(
    strings: &str,
    lengths: &[u32],
    records: &[u32],
) -> Result<Vec<Node>, FlatError> {
    let table = split_utf16(strings, lengths)?;
    let string = |node: usize, index: u32| -> Result<String, FlatError> {
        table
            .get(index as usize)
            .map(|s| s.to_string())
            .ok_or(FlatError::BadString(node, index))
    };
    let mut nodes = Vec::with_capacity(records.len() / 2);
    let mut at = 0;
    while at < records.len() {
        let n = nodes.len();
        if n >= MAX_NODES {
            return Err(FlatError::TooManyNodes);
        }
        let mut next = || {
            let value = records.get(at).copied().ok_or(FlatError::Truncated(n));
            at += 1;
            value
        };
        let parent = next()?.checked_sub(1);
        let kind = next()?;
        let mut node = Node {
            parent,
            ..Node::default()
        };
        if kind & 1 == 1 {
            node.text = Some(string(n, kind >> 1)?);
        } else {
            node.tag = string(n, kind >> 1)?;
            let mask = next()?;
            if mask & !(HIDDEN_BIT | ((1 << FIELD_BITS.len()) - 1)) != 0 {
                return Err(FlatError::BadMask(n, mask));
            }
            node.hidden = mask & HIDDEN_BIT != 0;
            for (bit, slot) in [
                &mut node.id,
                &mut node.class,
                &mut node.role,
                &mut node.href,
                &mut node.itemprop,
                &mut node.rel,
                &mut node.datetime,
            ]
            .into_iter()
            .enumerate()
            {
                if mask & (1 << bit) != 0 {
                    *slot = Some(string(n, next()?)?);
                }
            }
        }
        nodes.push(node);
    }
    Ok(nodes)
}

/// Cuts `strings` into pieces of `lengths` UTF-16 code units each.
///
/// The table reaches Rust as UTF-8, with every lone surrogate already made
/// U+FFFD (one unit for one unit, as every JS-to-Rust string conversion
/// does). One case needs care: a string ending in a lone high surrogate
/// followed by one starting with a lone low surrogate joined into a valid
/// pair when JS concatenated them; that character is cut in two, and each
/// half becomes U+FFFD, as it would have alone.
fn split_utf16<'a>(strings: &'a str, lengths: &[u32]) -> Result<Vec<Cow<'a, str>>, FlatError> {
    let mut out = Vec::with_capacity(lengths.len());
    let mut rest = strings;
    // The previous piece ended after the first half of `rest`'s first character.
    let mut split_pair = false;
    for &length in lengths {
        let mut want = length as usize;
        if want == 0 {
            // Empty: a character cut at the previous boundary stays cut.
            out.push(Cow::Borrowed(""));
            continue;
        }
        let mut piece = String::new();
        if split_pair {
            let c = rest.chars().next().ok_or(FlatError::Lengths)?;
            rest = &rest[c.len_utf8()..];
            piece.push(char::REPLACEMENT_CHARACTER);
            want -= 1;
            split_pair = false;
        }
        // ASCII: units are bytes.
        let end = match rest.as_bytes().get(..want) {
            Some(head) if head.is_ascii() => want,
            _ => {
                let mut units = 0;
                let mut end = 0;
                for c in rest.chars() {
                    if units == want {
                        break;
                    }
                    if units + c.len_utf16() > want {
                        split_pair = true;
                        break;
                    }
                    units += c.len_utf16();
                    end += c.len_utf8();
                }
                if units + usize::from(split_pair) != want {
                    return Err(FlatError::Lengths);
                }
                end
            }
        };
        let (taken, left) = rest.split_at(end);
        rest = left;
        out.push(if piece.is_empty() && !split_pair {
            Cow::Borrowed(taken)
        } else {
            piece.push_str(taken);
            if split_pair {
                piece.push(char::REPLACEMENT_CHARACTER);
            }
            Cow::Owned(piece)
        });
    }
    if !rest.is_empty() || split_pair {
        return Err(FlatError::Lengths);
    }
    Ok(out)
}

/// A snapshot's nodes in the flat form, as the DOM snapshotter writes them.
#[cfg(not(target_arch = "wasm32"))]
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct FlatNodes {
    pub strings: String,
    pub lengths: Vec<u32>,
    pub records: Vec<u32>,
}

/// Writes `nodes` in the flat form, interning (tag names only) exactly as the
/// DOM snapshotter does, so one page gives the same numbers from either builder.
#[cfg(not(target_arch = "wasm32"))]
pub fn to_flat(nodes: &[Node]) -> FlatNodes {
    use std::collections::HashMap;
    fn append(flat: &mut FlatNodes, s: &str) -> u32 {
        flat.strings.push_str(s);
        flat.lengths.push(s.encode_utf16().count() as u32);
        flat.lengths.len() as u32 - 1
    }
    fn intern<'n>(flat: &mut FlatNodes, interned: &mut HashMap<&'n str, u32>, s: &'n str) -> u32 {
        *interned.entry(s).or_insert_with(|| append(flat, s))
    }
    let mut flat = FlatNodes::default();
    let mut interned: HashMap<&str, u32> = HashMap::new();
    for node in nodes {
        flat.records.push(node.parent.map_or(0, |p| p + 1));
        if let Some(text) = &node.text {
            let index = append(&mut flat, text);
            flat.records.push(index << 1 | 1);
            continue;
        }
        let tag = intern(&mut flat, &mut interned, &node.tag);
        flat.records.push(tag << 1);
        let fields = node.attributes();
        let mut mask = if node.hidden { HIDDEN_BIT } else { 0 };
        for (bit, field) in fields.iter().enumerate() {
            if field.is_some() {
                mask |= 1 << bit;
            }
        }
        flat.records.push(mask);
        for value in fields.into_iter().flatten() {
            let index = append(&mut flat, value);
            flat.records.push(index);
        }
    }
    flat
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::snapshot::html::snapshot_from_html;

    fn round_trip(nodes: &[Node]) -> Vec<Node> {
        let flat = to_flat(nodes);
        nodes_from_flat(&flat.strings, &flat.lengths, &flat.records).expect("reads back")
    }

    #[test]
    fn the_native_builders_snapshot_round_trips_through_the_flat_form() {
        let html = std::fs::read(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/www/sample/article.html"
        ))
        .expect("the playground's sample article");
        let snapshot = snapshot_from_html(&html, "https://ledger.example/news").expect("parses");
        assert!(snapshot.nodes.len() > 50);
        assert_eq!(round_trip(&snapshot.nodes), snapshot.nodes);
    }

    #[test]
    fn every_field_and_non_ascii_text_round_trips() {
        let mut p = Node::element(Some(0), "a");
        p.id = Some("i".into());
        p.class = Some("c c2".into());
        p.role = Some("link".into());
        p.hidden = true;
        p.href = Some("/x".into());
        p.itemprop = Some("url".into());
        p.rel = Some("c c2".into());
        p.datetime = Some("2024-01-02".into());
        let nodes = vec![
            Node::element(None, "body"),
            p,
            Node::text_node(1, "é 😀 “quoted”"),
            Node::text_node(0, ""),
            Node::text_node(0, "plain"),
        ];
        assert_eq!(round_trip(&nodes), nodes);
        let flat = to_flat(&nodes);
        assert_eq!(
            flat.lengths.len(),
            12,
            "only the tags are interned: {flat:?}"
        );
    }

    /// The same nodes as the DOM snapshotter's unit test in
    /// tests/unit/snapshot.test.mjs, which expects these very numbers.
    #[test]
    fn the_flat_form_is_the_one_the_dom_snapshotter_writes() {
        let mut p = Node::element(Some(0), "p");
        p.id = Some("l".into());
        p.class = Some("lead".into());
        let mut b = Node::element(Some(1), "b");
        b.class = Some("lead".into());
        let nodes = vec![
            Node::element(None, "body"),
            p,
            Node::text_node(1, "Hello "),
            b,
            Node::text_node(3, "world"),
        ];
        let flat = to_flat(&nodes);
        assert_eq!(flat.strings, "bodyplleadHello bleadworld");
        assert_eq!(flat.lengths, [4, 1, 1, 4, 6, 1, 4, 5]);
        assert_eq!(
            flat.records,
            [0, 0, 0, 1, 2, 3, 2, 3, 2, 9, 2, 10, 2, 6, 4, 15]
        );
    }

    /// Regression: two texts, one ending in a lone high surrogate and the next
    /// starting with a lone low one, are joined into a valid pair by the JS
    /// concatenation; each must still read as its own U+FFFD.
    #[test]
    fn a_surrogate_pair_formed_across_two_strings_reads_as_two_replacement_characters() {
        // JS: "a\uD83D" + "\uDE00b" arrives as "a😀b" with lengths [2, 2].
        let parts = split_utf16("a😀b", &[2, 2]).expect("splits");
        assert_eq!(parts, ["a\u{fffd}", "\u{fffd}b"]);
        // Also with an empty string between them: "a\uD83D" + "" + "\uDE00".
        let parts = split_utf16("a😀", &[2, 0, 1]).expect("splits");
        assert_eq!(parts, ["a\u{fffd}", "", "\u{fffd}"]);
        // And a whole pair inside one string stays one character.
        assert_eq!(split_utf16("😀x", &[2, 1]).expect("splits"), ["😀", "x"]);
    }

    #[test]
    fn malformed_flat_snapshots_are_errors_not_panics() {
        let cases: &[(&str, &[u32], &[u32])] = &[
            ("ab", &[3], &[]),
            ("ab", &[1], &[]),
            ("😀", &[1], &[]),
            ("a", &[1], &[0]),
            ("a", &[1], &[0, 2]),
            ("a", &[1], &[0, 5]),
            ("a", &[1], &[0, 0, 1 << 9]),
            ("a", &[1], &[0, 0, 1]),
            ("a", &[1], &[0, 0, 1, 7]),
        ];
        for (strings, lengths, records) in cases {
            assert!(
                nodes_from_flat(strings, lengths, records).is_err(),
                "{strings:?} {lengths:?} {records:?}"
            );
        }
    }
}
