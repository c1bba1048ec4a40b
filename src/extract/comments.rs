//! Comment sections: found and rendered apart from the article, so that
//! they never produce claims.

use super::content::is_comment_like;
use super::render::{render, Rendered};
use crate::snapshot::Tree;

/// Each comment rendered on its own. A comment is a comment-like element
/// (see [`is_comment_like`]) whose own comment-like ancestor is a section
/// holding two or more of them.
pub fn comments(tree: &Tree<'_>, article_root: Option<usize>) -> Vec<Rendered> {
    let n = tree.len();
    let inside_article =
        |i: usize| article_root.is_some_and(|root| i >= root && i < tree.subtree_end(root));
    // Comment-like elements that are not inside another comment-like element
    // are sections (or lone items); the comment-like children-or-descendants
    // one level down are the items.
    let mut items = Vec::new();
    let mut i = 0;
    while i < n {
        if tree.node(i).is_text() || inside_article(i) || !is_comment_like(tree, i) {
            i += 1;
            continue;
        }
        let end = tree.subtree_end(i);
        let mut members = Vec::new();
        let mut j = i + 1;
        while j < end {
            if !tree.node(j).is_text() && is_comment_like(tree, j) {
                members.push(j);
                j = tree.subtree_end(j);
            } else {
                j += 1;
            }
        }
        if members.len() >= 2 {
            items.extend(members);
        }
        i = end;
    }
    items
        .into_iter()
        .map(|item| render(tree, &[item], &|_| false))
        .filter(|r| !r.text.is_empty())
        .collect()
}
