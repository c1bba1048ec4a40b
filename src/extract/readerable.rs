//! Does the page hold an article at all? Firefox's reader-mode test
//! (Readability.js's `isProbablyReaderable`): enough long, visible
//! paragraphs outside page furniture. Each paragraph of `L >= 140`
//! characters adds `sqrt(L - 140)`; the page reads as an article when the
//! sum passes 20 (one paragraph of 540 characters, or four of 250).

use super::hints::Hints;
use super::measure::{TextCache, TextSum};
use crate::snapshot::Tree;

const MIN_PARAGRAPH_CHARS: u32 = 140;
const MIN_SCORE: f64 = 20.0;

/// The reader-mode score of the page, leaving out the subtrees of
/// `excluded` (comment sections).
pub fn prose_score(tree: &Tree<'_>, hints: &Hints, cache: &TextCache, excluded: &[usize]) -> f64 {
    let n = tree.len();
    // Raw text summaries per node, folded bottom-up (children follow parents).
    let mut sums = vec![TextSum::default(); n];
    for i in (0..n).rev() {
        let node = tree.node(i);
        if node.is_text() {
            sums[i] = cache.sum(i);
        }
        // Children were folded in document order by walking them forwards.
        if !node.is_text() {
            let mut acc = TextSum::default();
            for c in tree.children(i) {
                acc = acc.then(sums[c]);
            }
            sums[i] = acc;
        }
    }
    // Hidden or excluded ancestors hide their subtree; note who is in a list item.
    let mut hidden = vec![false; n];
    let mut in_list_item = vec![false; n];
    for &e in excluded {
        if let Some(h) = hidden.get_mut(e) {
            *h = true;
        }
    }
    for i in 1..n {
        let node = tree.node(i);
        if let Some(p) = node.parent.map(|p| p as usize) {
            hidden[i] |= hidden[p] || node.hidden;
            in_list_item[i] = in_list_item[p] || tree.node(p).tag == "li";
        }
    }
    hidden[0] |= tree.node(0).hidden;
    let mut score = 0.0;
    for i in 0..n {
        let node = tree.node(i);
        if node.is_text() || hidden[i] {
            continue;
        }
        let counts = match node.tag.as_str() {
            "p" | "pre" | "article" => true,
            "div" => tree.children(i).any(|c| tree.node(c).tag == "br"),
            _ => false,
        };
        if !counts {
            continue;
        }
        if hints.get(i).unlikely {
            continue;
        }
        if node.tag == "p" && in_list_item[i] {
            continue;
        }
        let len = sums[i].trimmed_raw_len();
        if len >= MIN_PARAGRAPH_CHARS {
            score += f64::from(len - MIN_PARAGRAPH_CHARS).sqrt();
        }
    }
    score
}

pub fn is_probably_readerable(
    tree: &Tree<'_>,
    hints: &Hints,
    cache: &TextCache,
    excluded: &[usize],
) -> bool {
    prose_score(tree, hints, cache, excluded) > MIN_SCORE
}
