//! Choosing the article root: the element holding the largest cluster of
//! paragraph text, after discarding page furniture.

use crate::snapshot::Tree;

/// Elements whose subtrees are page furniture, never article text.
pub fn is_furniture(tree: &Tree<'_>, i: usize) -> bool {
    let n = tree.node(i);
    if matches!(
        n.tag.as_str(),
        "nav" | "aside" | "footer" | "button" | "form" | "menu" | "dialog"
    ) {
        return true;
    }
    if let Some(role) = n.role.as_deref() {
        if matches!(
            role,
            "navigation"
                | "complementary"
                | "contentinfo"
                | "banner"
                | "dialog"
                | "search"
                | "button"
        ) {
            return true;
        }
    }
    false
}

/// True for a comment section or a single comment, judged by id and class.
pub fn is_comment_like(tree: &Tree<'_>, i: usize) -> bool {
    let n = tree.node(i);
    let hint = |s: &Option<String>| {
        s.as_deref().is_some_and(|v| {
            v.split_ascii_whitespace().any(|token| {
                let t = token.to_ascii_lowercase();
                t.starts_with("comment") || t == "disqus_thread" || t.starts_with("reply")
            })
        })
    };
    hint(&n.id) || hint(&n.class)
}

/// Minimum paragraph text for a page to count as having an article.
pub const MIN_ARTICLE_CHARS: usize = 250;

/// Picks the root whose direct paragraph children hold the most text, or
/// `None` when no cluster reaches [`MIN_ARTICLE_CHARS`].
pub fn article_root(tree: &Tree<'_>) -> Option<usize> {
    let n = tree.len();
    // Mark furniture and comment subtrees in one forward pass: a node is
    // excluded when its parent is, or when it is itself furniture/comment/hidden.
    let mut excluded = vec![false; n];
    for i in 0..n {
        let node = tree.node(i);
        let parent_excluded = node.parent.is_some_and(|p| excluded[p as usize]);
        excluded[i] = parent_excluded
            || (!node.is_text()
                && (node.hidden || is_furniture(tree, i) || is_comment_like(tree, i)));
    }
    // Text length under each <p>, accumulated onto its parent.
    let mut score = vec![0usize; n];
    for i in 0..n {
        let node = tree.node(i);
        if excluded[i] || node.tag != "p" {
            continue;
        }
        let end = tree.subtree_end(i);
        let chars: usize = (i..end)
            .filter(|&j| !excluded[j])
            .filter_map(|j| tree.node(j).text.as_deref())
            .map(|t| t.trim().len())
            .sum();
        if let Some(p) = node.parent {
            score[p as usize] += chars;
        }
    }
    let (best, &best_score) = score
        .iter()
        .enumerate()
        .max_by_key(|&(i, s)| (*s, std::cmp::Reverse(i)))?;
    (best_score >= MIN_ARTICLE_CHARS).then_some(best)
}
