//! Comment sections: found before the article is looked for, kept out of
//! it, and returned one comment at a time (with its author and time when
//! the page shows them) so that they never produce claims.
//!
//! A section is an element whose class or id names comments (`comments`,
//! `comment-list`, `disqus_thread`) or whose heading does ("12 Comments",
//! "Reader comments"). Its comments are the largest group of look-alike
//! sibling elements inside it (same tag, same first class), preferring
//! groups whose class names comments; replies nested in a comment in the
//! same markup are comments of their own.

use super::render::{render, Rendered};
use crate::snapshot::Tree;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CommentSection {
    /// The section's element (snapshot index).
    pub element: u32,
    /// Its heading ("12 Comments"), when it has one.
    pub heading: Option<u32>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Comment {
    /// What the commenter wrote, without the author and time lines.
    pub body: Rendered,
    /// The commenter's name as shown.
    pub author: Option<String>,
    /// When it was posted, as shown (a `datetime` attribute when present).
    pub time: Option<String>,
    /// The posting time exactly as the page displays it, for readers.
    pub time_shown: Option<String>,
    /// The comment's element (snapshot index).
    pub element: u32,
    /// Index into [`Comments::sections`].
    pub section: usize,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Comments {
    pub sections: Vec<CommentSection>,
    pub items: Vec<Comment>,
}

impl Comments {
    /// The sections' elements, for leaving them out of the article.
    pub fn section_elements(&self) -> Vec<usize> {
        self.sections.iter().map(|s| s.element as usize).collect()
    }
}

fn lower_tokens(value: Option<&str>) -> impl Iterator<Item = String> + '_ {
    value
        .unwrap_or("")
        .split_ascii_whitespace()
        .map(str::to_ascii_lowercase)
}

/// A class or id token naming a comment section or a comment:
/// `comments`, `comment-list`, `js-comment`, `disqus_thread`, `CommentThread`,
/// but not `commented`, `commentary` (an opinion piece) or states and
/// controls like `comments-open`, `comment-count`.
fn names_comments(token: &str) -> bool {
    if token.contains("disqus") {
        return true;
    }
    const NOT_SECTIONS: &[&str] = &[
        "open", "closed", "count", "number", "link", "icon", "button", "btn", "toggle", "trigger",
        "badge", "bubble", "cta", "enabled", "disabled",
    ];
    let mut named = false;
    for part in token.split(['-', '_']) {
        if let Some(rest) = part.strip_prefix("comment") {
            if rest.starts_with("ar") || rest.starts_with("ed") || rest.starts_with("able") {
                return false;
            }
            named = true;
        }
        if named && NOT_SECTIONS.contains(&part) {
            return false;
        }
    }
    named
}

/// An element of the mutable article DOM that a class or id token opening
/// with "comment" names as a comment or a comment list (`commentbody`,
/// `comment-content`; not `commentary`, `comment-count`): never the article.
pub(crate) fn is_comment_element(dom: &super::dom::Dom<'_>, id: super::dom::Id) -> bool {
    let (class, id_attr) = (dom.class(id), dom.id_attr(id));
    if !mentions_comments(Some(class)) && !mentions_comments(Some(id_attr)) {
        return false;
    }
    class
        .split_ascii_whitespace()
        .chain(id_attr.split_ascii_whitespace())
        .map(str::to_ascii_lowercase)
        .any(|t| t.starts_with("comment") && names_comments(&t))
}

/// Cheap test before tokenising: "comment" or "disqus" in any case.
fn mentions_comments(value: Option<&str>) -> bool {
    value.is_some_and(|v| {
        let b = v.as_bytes();
        b.windows(6).any(|w| w.eq_ignore_ascii_case(b"omment"))
            || b.windows(5).any(|w| w.eq_ignore_ascii_case(b"isqus"))
    })
}

fn has_comment_token(tree: &Tree<'_>, i: usize) -> bool {
    let n = tree.node(i);
    if n.itemprop.as_deref() == Some("comment") {
        return true;
    }
    if !mentions_comments(n.class.as_deref()) && !mentions_comments(n.id.as_deref()) {
        return false;
    }
    lower_tokens(n.class.as_deref())
        .chain(lower_tokens(n.id.as_deref()))
        .any(|t| names_comments(&t))
        || n.itemprop.as_deref() == Some("comment")
}

fn is_heading(tag: &str) -> bool {
    matches!(tag, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}

fn text_of(tree: &Tree<'_>, i: usize) -> String {
    let raw: String = (i..tree.subtree_end(i))
        .filter_map(|j| tree.node(j).text.as_deref())
        .collect();
    raw.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// "Comments", "12 Comments", "Comments (12)", "Reader comments", "3 Responses".
fn is_comment_heading_text(text: &str) -> bool {
    let t = text.to_lowercase();
    let words: Vec<&str> = t
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !w.bytes().all(|b| b.is_ascii_digit()))
        .collect();
    matches!(
        words.as_slice(),
        ["comments" | "comment" | "responses" | "discussion"]
            | ["reader" | "readers" | "user" | "your", "comments"]
            | ["join", "the", "discussion" | "conversation"]
            | ["leave", "a", "comment" | "reply"]
    )
}

/// The heading directly inside `i` that names comments, if any.
fn comment_heading(tree: &Tree<'_>, i: usize) -> Option<usize> {
    tree.children(i)
        .find(|&c| is_heading(&tree.node(c).tag) && is_comment_heading_text(&text_of(tree, c)))
}

/// Elements that hold the page's main text and so are never a comment section.
fn is_page_scale(tree: &Tree<'_>, i: usize) -> bool {
    matches!(tree.node(i).tag.as_str(), "body" | "html" | "main")
        || tree.node(i).role.as_deref() == Some("main")
}

/// Sidebars list recent comments from other pages, not this page's.
fn in_aside(tree: &Tree<'_>, i: usize) -> bool {
    tree.ancestors_or_self(i).any(|a| {
        let n = tree.node(a);
        n.tag == "aside" || n.role.as_deref() == Some("complementary")
    })
}

/// Holds the page's headline or its marked-up article body.
fn holds_the_article(tree: &Tree<'_>, i: usize) -> bool {
    (i + 1..tree.subtree_end(i)).any(|j| {
        let n = tree.node(j);
        n.tag == "h1" || n.itemprop.as_deref() == Some("articleBody")
    })
}

pub fn find_comments(tree: &Tree<'_>) -> Comments {
    let mut found = Comments::default();
    let n = tree.len();
    let mut i = 1;
    while i < n {
        let node = tree.node(i);
        if node.is_text() || node.hidden || is_page_scale(tree, i) {
            i += if node.hidden {
                tree.subtree_end(i) - i
            } else {
                1
            };
            continue;
        }
        let heading = comment_heading(tree, i);
        if !(has_comment_token(tree, i) || heading.is_some()) || in_aside(tree, i) {
            i += 1;
            continue;
        }
        let items = if holds_the_article(tree, i) {
            Vec::new()
        } else {
            comment_items(tree, i, &WordCounts::new(tree, i))
        };
        if items.is_empty() {
            i += 1;
            continue;
        }
        let section = found.sections.len();
        let end = tree.subtree_end(i);
        let heading = heading.or_else(|| {
            (i + 1..end).find(|&j| {
                is_heading(&tree.node(j).tag) && !items.iter().any(|&it| within(tree, j, it))
            })
        });
        found.sections.push(CommentSection {
            element: i as u32,
            heading: heading.map(|h| h as u32),
        });
        for &item in &items {
            found.items.push(read_comment(tree, item, &items, section));
        }
        i = end;
    }
    found.items.retain(|c| !c.body.text.is_empty());
    found
}

fn within(tree: &Tree<'_>, j: usize, ancestor: usize) -> bool {
    j >= ancestor && j < tree.subtree_end(ancestor)
}

/// The class token two look-alike comments share.
fn signature(tree: &Tree<'_>, i: usize) -> (String, String) {
    let n = tree.node(i);
    let first_class = lower_tokens(n.class.as_deref())
        .find(|t| !t.bytes().any(|b| b.is_ascii_digit()))
        .unwrap_or_default();
    (n.tag.clone(), first_class)
}

/// Words (runs of letters and digits) below each node of one subtree, and
/// how many of them are link text.
struct WordCounts {
    top: usize,
    words: Vec<u32>,
    link_words: Vec<u32>,
}

impl WordCounts {
    fn new(tree: &Tree<'_>, top: usize) -> Self {
        let end = tree.subtree_end(top);
        let mut words = vec![0u32; end - top];
        let mut link_words = vec![0u32; end - top];
        for i in (top..end).rev() {
            let node = tree.node(i);
            let k = i - top;
            if let Some(t) = &node.text {
                words[k] = t
                    .split(|c: char| !c.is_alphanumeric())
                    .filter(|w| !w.is_empty())
                    .count() as u32;
            }
            if node.tag == "a" {
                link_words[k] = words[k];
            }
            if i > top {
                if let Some(p) = node.parent.map(|p| p as usize - top) {
                    words[p] += words[k];
                    link_words[p] += link_words[k];
                }
            }
        }
        WordCounts {
            top,
            words,
            link_words,
        }
    }

    fn words(&self, i: usize) -> u32 {
        self.words
            .get(i.wrapping_sub(self.top))
            .copied()
            .unwrap_or(0)
    }

    fn link_words(&self, i: usize) -> u32 {
        self.link_words
            .get(i.wrapping_sub(self.top))
            .copied()
            .unwrap_or(0)
    }
}

/// Fewer words than this and an element is a control or a count, not a comment.
const MIN_COMMENT_WORDS: u32 = 3;

/// Mean words per comment in a group whose class does not name comments.
const UNNAMED_MIN_MEAN_WORDS: u32 = 8;

/// A token naming one comment (not a list of them): `comment`, `comment-1234`.
fn names_one_comment(tree: &Tree<'_>, i: usize) -> bool {
    let n = tree.node(i);
    let item_token = |t: &str| {
        let mut parts = t.split(['-', '_']).skip_while(|p| *p == "li" || *p == "js");
        parts.next() == Some("comment")
            && parts.all(|p| p.bytes().all(|b| b.is_ascii_digit()) || p == "item")
    };
    n.itemprop.as_deref() == Some("comment")
        || lower_tokens(n.class.as_deref())
            .chain(lower_tokens(n.id.as_deref()))
            .any(|t| item_token(&t))
}

/// The comments in section `s`, in document order, replies included.
fn comment_items(tree: &Tree<'_>, s: usize, counts: &WordCounts) -> Vec<usize> {
    let end = tree.subtree_end(s);
    // Best group: (comment-named, members, -depth) is largest.
    let mut best: Option<((bool, usize, i64), Vec<usize>)> = None;
    for container in s..end {
        let node = tree.node(container);
        if node.is_text() || node.hidden {
            continue;
        }
        let mut groups: Vec<((String, String), Vec<usize>)> = Vec::new();
        for c in tree.children(container) {
            let child = tree.node(c);
            if child.is_text()
                || child.hidden
                || is_heading(&child.tag)
                || counts.words(c) < MIN_COMMENT_WORDS
                || matches!(child.tag.as_str(), "form" | "button" | "nav" | "br")
            {
                continue;
            }
            let sig = signature(tree, c);
            match groups.iter_mut().find(|(g, _)| *g == sig) {
                Some((_, members)) => members.push(c),
                None => groups.push((sig, vec![c])),
            }
        }
        for (_, members) in groups {
            let named = members.iter().all(|&m| has_comment_token(tree, m));
            let words: u32 = members.iter().map(|&m| counts.words(m)).sum();
            let links: u32 = members.iter().map(|&m| counts.link_words(m)).sum();
            // Unnamed look-alikes must look like writing: several, not terse.
            let wordy =
                members.len() >= 3 && words >= UNNAMED_MIN_MEAN_WORDS * members.len() as u32;
            let accepted = match members.as_slice() {
                [one] => names_one_comment(tree, *one),
                [first, ..] => named || (wordy && tree.node(*first).tag != "p"),
                [] => false,
            };
            // Mostly links: a list of other pages' comments or headlines.
            if !accepted || links * 2 > words {
                continue;
            }
            let rank = (named, members.len(), -i64::from(tree.depth[container]));
            if best.as_ref().is_none_or(|(r, _)| rank > *r) {
                best = Some((rank, members));
            }
        }
    }
    let Some((_, top)) = best else {
        return Vec::new();
    };
    // Replies: look-alikes of the comments nested inside them.
    let sigs: Vec<(String, String)> = top.iter().map(|&t| signature(tree, t)).collect();
    let mut items = Vec::new();
    for &t in &top {
        items.push(t);
        for j in t + 1..tree.subtree_end(t) {
            if !tree.node(j).is_text()
                && has_comment_token(tree, j)
                && sigs.contains(&signature(tree, j))
                && counts.words(j) >= MIN_COMMENT_WORDS
            {
                items.push(j);
            }
        }
    }
    crate::sort::sort(&mut items);
    items.dedup();
    items
}

fn is_author_hint(token: &str) -> bool {
    [
        "author",
        "user",
        "name",
        "who",
        "nick",
        "commenter",
        "poster",
    ]
    .iter()
    .any(|w| token.contains(w))
        || token == "fn"
}

fn is_time_hint(token: &str) -> bool {
    ["date", "time", "ago", "posted"]
        .iter()
        .any(|w| token.contains(w))
}

fn hint_tokens(tree: &Tree<'_>, j: usize) -> Vec<String> {
    let n = tree.node(j);
    lower_tokens(n.class.as_deref())
        .chain(lower_tokens(n.itemprop.as_deref()))
        .collect()
}

/// Controls inside a comment ("Reply", "Like", "Report") that are not its text.
fn is_control(tree: &Tree<'_>, j: usize) -> bool {
    let n = tree.node(j);
    if matches!(n.tag.as_str(), "button" | "form" | "menu") {
        return true;
    }
    lower_tokens(n.class.as_deref()).any(|t| {
        [
            "reply", "action", "vote", "like", "share", "report", "flag", "avatar",
        ]
        .iter()
        .any(|w| t.contains(w))
    })
}

/// A comment's byline parts: author, time, and the "meta" line holding them.
fn is_meta_part(tree: &Tree<'_>, j: usize) -> bool {
    tree.node(j).tag == "time"
        || hint_tokens(tree, j)
            .iter()
            .any(|t| is_author_hint(t) || is_time_hint(t) || t.contains("meta"))
}

fn short_text(tree: &Tree<'_>, j: usize) -> Option<String> {
    let t = text_of(tree, j);
    (!t.is_empty() && t.chars().count() <= 80).then_some(t)
}

fn read_comment(tree: &Tree<'_>, item: usize, items: &[usize], section: usize) -> Comment {
    let end = tree.subtree_end(item);
    // Nested replies are comments of their own.
    let nested: Vec<usize> = items
        .iter()
        .copied()
        .filter(|&o| o > item && o < end)
        .collect();
    let in_reply = |j: usize| nested.iter().any(|&o| within(tree, j, o));
    let own = |j: usize| !tree.node(j).is_text() && !in_reply(j);

    // The author: the innermost element marked as one, with a short text.
    let marked_author = |j: usize| {
        own(j)
            && hint_tokens(tree, j).iter().any(|t| is_author_hint(t))
            && short_text(tree, j).is_some()
    };
    let mut author_el = (item + 1..end).find(|&j| marked_author(j));
    while let Some(a) = author_el {
        match (a + 1..tree.subtree_end(a)).find(|&j| marked_author(j)) {
            Some(inner) => author_el = Some(inner),
            None => break,
        }
    }
    // The time: a <time>, else an element marked as a date.
    let time_el = (item + 1..end)
        .find(|&j| own(j) && tree.node(j).tag == "time")
        .or_else(|| {
            (item + 1..end).find(|&j| {
                own(j)
                    && author_el.is_none_or(|a| !within(tree, a, j))
                    && hint_tokens(tree, j).iter().any(|t| is_time_hint(t))
                    && short_text(tree, j).is_some()
            })
        });
    let author = author_el.and_then(|a| short_text(tree, a));
    let time_shown = time_el.and_then(|t| short_text(tree, t));
    // A machine-readable datetime when it is a date, else what is shown.
    let time = time_el.and_then(|t| {
        let datetime = tree.node(t).datetime.clone();
        datetime
            .clone()
            .filter(|d| super::dates::parse_date(d).is_some())
            .or_else(|| short_text(tree, t))
            .or(datetime)
    });
    let body = render(tree, &[item], &|j| {
        nested.contains(&j)
            || is_control(tree, j)
            || (is_meta_part(tree, j) && text_of(tree, j).chars().count() <= 120)
    });
    Comment {
        body,
        author,
        time,
        time_shown,
        element: item as u32,
        section,
    }
}
