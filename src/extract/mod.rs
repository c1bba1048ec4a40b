//! Stage 1: find the article on the page, its metadata, and the comment
//! sections, and render them to plain text with a map back to the DOM.

pub mod comments;
pub mod content;
pub mod metadata;
pub mod render;

pub use metadata::Metadata;
pub use render::{Block, Rendered, TextRun};

use crate::snapshot::{Snapshot, SnapshotError};

/// What extraction found.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Extraction {
    pub metadata: Metadata,
    /// The article, or `None` when the page has none.
    pub article: Option<Rendered>,
    pub comments: Vec<Rendered>,
}

pub fn extract(snapshot: &Snapshot) -> Result<Extraction, SnapshotError> {
    let tree = snapshot.tree()?;
    let metadata = metadata::metadata(snapshot, &tree);
    let root = content::article_root(&tree);
    let article = root.map(|root| {
        render::render(&tree, &[root], &|i| {
            content::is_furniture(&tree, i) || content::is_comment_like(&tree, i)
        })
    });
    let comments = comments::comments(&tree, root);
    Ok(Extraction {
        metadata,
        article: article.filter(|a| !a.text.is_empty()),
        comments,
    })
}
