//! Stage 1: find the article on the page, its metadata, and the comment
//! sections, and render them to plain text with a map back to the DOM.
//!
//! Order of work: metadata from the head; comment sections (kept out of
//! the article); the article ([`content`], [`clean`]) on a mutable copy of
//! the page ([`dom`]); metadata the page body completes (byline markup,
//! excerpt, `<time>`); and the verdict whether the page has an article.

pub mod clean;
pub mod comments;
pub mod content;
pub mod data_fields;
pub mod dates;
pub mod dom;
pub mod furniture;
pub mod hints;
pub mod measure;
pub mod metadata;
mod phrases;
pub mod product_box;
pub mod quote_credit;
pub mod readerable;
pub mod render;
pub mod template_lines;
pub mod title;

pub use comments::{Comment, CommentSection, Comments};
pub use metadata::Metadata;
pub use render::{Block, BlockKind, Rendered, TextRun};

use crate::calendar::Date;
use crate::snapshot::{Snapshot, SnapshotError, Tree};

/// Why a page is judged to hold no article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoArticle {
    /// Nothing with text was found outside page furniture.
    NoText,
    /// What was found is mostly link text: an index or a list of links.
    MostlyLinks,
    /// What was found is too short and the page has too little prose
    /// (a login or error page, a gallery).
    TooLittleProse,
}

/// What extraction found.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Extraction {
    pub metadata: Metadata,
    /// The article, or `None` when the page has none.
    pub article: Option<Rendered>,
    /// Set when the page holds no article (and `article` is `None`).
    pub no_article: Option<NoArticle>,
    /// Comments, one each, apart from the article.
    pub comments: Vec<Comment>,
    pub comment_sections: Vec<CommentSection>,
}

/// Below this many characters, an article also needs the page to read as
/// prose ([`readerable`]).
const SHORT_ARTICLE_CHARS: usize = 250;

/// Above this share of link text, what was found is a list of links.
const MAX_LINK_DENSITY: f32 = 0.5;

pub fn extract(snapshot: &Snapshot) -> Result<Extraction, SnapshotError> {
    let mut extraction = extract_candidate(snapshot)?;
    if extraction.no_article.is_some() {
        extraction.article = None;
    }
    Ok(extraction)
}

/// Like [`extract`], but keeps the best candidate text even when the page
/// is judged to hold no article (for evaluation).
pub fn extract_candidate(snapshot: &Snapshot) -> Result<Extraction, SnapshotError> {
    let tree = snapshot.tree()?;
    let mut metadata = metadata::metadata(snapshot, &tree);
    let comments = comments::find_comments(&tree);
    let excluded = comments.section_elements();
    let title = metadata.title.clone().unwrap_or_default();
    let ctx = content::Context {
        title: &title,
        excluded: &excluded,
    };
    let cache = measure::TextCache::new(&tree);
    let hints = hints::Hints::new(&tree);
    let found = content::find_article(&tree, &hints, &cache, &ctx);
    if let Some(f) = &found {
        complete_metadata(&mut metadata, f);
    }
    if metadata.byline.is_none() {
        if let Some(b) = metadata::byline_from_markup(&tree, &hints, &excluded) {
            metadata.authors = metadata::split_authors(&b);
            metadata.byline = Some(metadata::clean_byline(&b));
        }
    }
    let mut article = found
        .as_ref()
        .map(|f| render::render_dom(&f.dom, f.article))
        .filter(|r| !r.text.is_empty());
    if let Some(a) = &mut article {
        mark_author_bios(a, &metadata.authors);
        quote_credit::mark_quote_credits(a);
    }
    if metadata.published.is_none() {
        metadata.published = first_time_element(&tree, &excluded)
            .or_else(|| metadata.url.as_deref().and_then(dates::date_in_url))
            .or_else(|| dates::date_in_url(&snapshot.url));
    }

    let link_density = found.as_ref().map_or(0.0, |f| f.link_density);
    let no_article = match &article {
        None => Some(NoArticle::NoText),
        Some(_) if link_density > MAX_LINK_DENSITY => Some(NoArticle::MostlyLinks),
        Some(a)
            if a.text.chars().count() < SHORT_ARTICLE_CHARS
                && !readerable::is_probably_readerable(&tree, &hints, &cache, &excluded) =>
        {
            Some(NoArticle::TooLittleProse)
        }
        Some(_) => None,
    };
    Ok(Extraction {
        metadata,
        article,
        no_article,
        comments: comments.items,
        comment_sections: comments.sections,
    })
}

/// Bios close an article, or open it under the byline: only its first
/// and last few blocks are read.
const BIO_BLOCKS: usize = 4;

/// Marks the author's bio among the article's first and last blocks as a
/// credit.
fn mark_author_bios(article: &mut Rendered, authors: &[String]) {
    let text = &article.text;
    let count = article.blocks.len();
    for (i, block) in article.blocks.iter_mut().enumerate() {
        let at_an_end = i < BIO_BLOCKS || i + BIO_BLOCKS >= count;
        if at_an_end
            && block.kind == BlockKind::Prose
            && furniture::is_author_bio(block.span.of(text), authors)
        {
            block.kind = BlockKind::Credit;
        }
    }
}

/// Byline markup and the first paragraph, when the head gave neither.
fn complete_metadata(metadata: &mut Metadata, found: &content::Found<'_>) {
    if metadata.byline.is_none() {
        if let Some(b) = found.byline.as_deref().filter(|b| !b.is_empty()) {
            metadata.byline = Some(metadata::clean_byline(b));
            metadata.authors = metadata::split_authors(b);
        }
    }
    if metadata.excerpt.is_none() {
        let dom = &found.dom;
        metadata.excerpt = dom
            .descendants_or_self(found.article)
            .find(|&d| dom.is_element(d) && dom.tag(d) == "p")
            .map(|p| dom.text_content(p).trim().to_string())
            .filter(|t| !t.is_empty());
    }
}

/// The first `<time datetime>` (or `itemprop="datePublished"`) outside
/// comment sections.
fn first_time_element(tree: &Tree<'_>, excluded: &[usize]) -> Option<Date> {
    let mut i = 0;
    while i < tree.len() {
        if excluded.contains(&i) {
            i = tree.subtree_end(i);
            continue;
        }
        let n = tree.node(i);
        let dated = n.tag == "time" || n.itemprop.as_deref() == Some("datePublished");
        if let Some(d) = dated
            .then_some(n.datetime.as_deref())
            .flatten()
            .and_then(dates::parse_date)
        {
            return Some(d);
        }
        i += 1;
    }
    None
}

/// Readability's whitespace normalisation: runs of two or more whitespace
/// characters become one space.
pub fn normalize_spaces(s: &str) -> String {
    title::collapse_runs(s)
}
