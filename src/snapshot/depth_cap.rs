//! A filter between html5ever's tokenizer and its tree builder that drops
//! start tags nested past a depth cap, with their matching end tags.
//!
//! Why: the tree builder scans its stack of open elements on most start
//! tags ("is there a `<p>` in button scope?"), so a page of 100,000 nested
//! `<div>`s costs 100,000² steps. Browsers cap the depth of the tree they
//! build (Chromium attaches elements past 512 open ones to the parent), and
//! the snapshot rule ([`super::MAX_DEPTH`]) flattens everything below the cap
//! anyway, so nothing below it is worth building.
//!
//! The filter cannot see the tree builder's stack, so it keeps an estimate:
//! a stack of open tag names that follows end tags and the commonest implied
//! closings (`<p>` before a block, `<li>` before `<li>`, table rows and
//! cells, nested `<a>`). Where the estimate is off the real tree is at most
//! a few levels deeper, and `html::flatten` enforces the exact snapshot rule.

use std::cell::RefCell;
use std::collections::HashMap;

use html5ever::tokenizer::{Tag, TagKind, Token, TokenSink, TokenSinkResult};
use html5ever::LocalName;

/// Open elements the estimate allows before start tags are dropped: the
/// snapshot cap plus `<html>` and `<body>`.
pub const TAG_DEPTH_CAP: usize = super::MAX_DEPTH as usize + 2;

pub struct DepthCap<S> {
    pub inner: S,
    cap: usize,
    open: RefCell<OpenTags>,
    /// Start tags dropped per name, still waiting for their end tags.
    dropped: RefCell<HashMap<LocalName, u32>>,
}

impl<S> DepthCap<S> {
    pub fn new(inner: S, cap: usize) -> Self {
        DepthCap {
            inner,
            cap,
            open: RefCell::new(OpenTags::default()),
            dropped: RefCell::new(HashMap::new()),
        }
    }

    /// Updates the estimate for `tag`; false when the tag must be dropped.
    fn admit(&self, tag: &Tag) -> bool {
        let name: &str = &tag.name;
        let mut open = self.open.borrow_mut();
        match tag.kind {
            TagKind::StartTag => {
                close_implied(&mut open, name);
                if is_void(name) {
                    return true;
                }
                if open.names.len() >= self.cap {
                    *self
                        .dropped
                        .borrow_mut()
                        .entry(tag.name.clone())
                        .or_insert(0) += 1;
                    return false;
                }
                open.push(tag.name.clone());
                true
            }
            TagKind::EndTag => {
                let mut dropped = self.dropped.borrow_mut();
                if let Some(count) = dropped.get_mut(&tag.name) {
                    *count -= 1;
                    if *count == 0 {
                        dropped.remove(&tag.name);
                    }
                    return false;
                }
                // `</body>` and `</html>` do not pop in the tree builder.
                if !matches!(name, "body" | "html") {
                    if let Some(at) = open.names.iter().rposition(|n| *n == tag.name) {
                        open.truncate(at);
                    }
                }
                true
            }
        }
    }
}

impl<S: TokenSink> TokenSink for DepthCap<S> {
    type Handle = S::Handle;

    fn process_token(&self, token: Token, line_number: u64) -> TokenSinkResult<S::Handle> {
        if let Token::TagToken(tag) = &token {
            if !self.admit(tag) {
                return TokenSinkResult::Continue;
            }
        }
        self.inner.process_token(token, line_number)
    }

    fn end(&self) {
        self.inner.end();
    }

    fn adjusted_current_node_present_but_not_in_html_namespace(&self) -> bool {
        self.inner
            .adjusted_current_node_present_but_not_in_html_namespace()
    }
}

fn is_void(name: &str) -> bool {
    matches!(
        name,
        "area"
            | "base"
            | "br"
            | "col"
            | "embed"
            | "hr"
            | "img"
            | "input"
            | "keygen"
            | "link"
            | "meta"
            | "param"
            | "source"
            | "track"
            | "wbr"
    )
}

/// Start tags that close an open `<p>`.
fn closes_p(name: &str) -> bool {
    matches!(
        name,
        "address"
            | "article"
            | "aside"
            | "blockquote"
            | "center"
            | "details"
            | "dialog"
            | "dir"
            | "div"
            | "dl"
            | "fieldset"
            | "figcaption"
            | "figure"
            | "footer"
            | "form"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "header"
            | "hgroup"
            | "hr"
            | "main"
            | "menu"
            | "nav"
            | "ol"
            | "p"
            | "pre"
            | "section"
            | "summary"
            | "table"
            | "ul"
            | "li"
            | "dd"
            | "dt"
            | "listing"
            | "plaintext"
            | "xmp"
    )
}

/// Tags that implied closings look for.
const CLOSABLE: &[&str] = &[
    "p", "li", "dd", "dt", "tr", "td", "th", "tbody", "thead", "tfoot", "a", "option",
];

/// The estimated stack of open elements, with a count of each closable tag
/// so that a search for one that is not open costs nothing.
#[derive(Default)]
struct OpenTags {
    names: Vec<LocalName>,
    closable: [u32; CLOSABLE.len()],
}

impl OpenTags {
    fn slot(name: &str) -> Option<usize> {
        CLOSABLE.iter().position(|c| *c == name)
    }

    fn push(&mut self, name: LocalName) {
        if let Some(k) = Self::slot(&name) {
            self.closable[k] += 1;
        }
        self.names.push(name);
    }

    fn truncate(&mut self, len: usize) {
        while self.names.len() > len {
            if let Some(name) = self.names.pop() {
                if let Some(k) = Self::slot(&name) {
                    self.closable[k] -= 1;
                }
            }
        }
    }

    /// Closes back to before the last element named in `targets`, when it
    /// lies above every element named in `barriers`.
    fn close_last(&mut self, targets: &[&str], barriers: &[&str]) {
        let open = |t: &&str| Self::slot(t).is_some_and(|k| self.closable[k] > 0);
        if !targets.iter().any(open) {
            return;
        }
        for at in (0..self.names.len()).rev() {
            let n: &str = &self.names[at];
            if targets.contains(&n) {
                self.truncate(at);
                return;
            }
            if barriers.contains(&n) {
                return;
            }
        }
    }
}

const SCOPE: &[&str] = &[
    "html", "table", "td", "th", "caption", "marquee", "object", "applet", "template", "button",
];

fn close_implied(open: &mut OpenTags, name: &str) {
    if closes_p(name) {
        open.close_last(&["p"], SCOPE);
    }
    match name {
        "li" => open.close_last(&["li"], &["ul", "ol", "html", "table", "td", "th"]),
        "dd" | "dt" => open.close_last(&["dd", "dt"], &["dl", "html", "table", "td", "th"]),
        "tr" => open.close_last(&["tr"], &["table", "tbody", "thead", "tfoot"]),
        "td" | "th" => open.close_last(&["td", "th"], &["tr", "table"]),
        "tbody" | "thead" | "tfoot" => open.close_last(&["tbody", "thead", "tfoot"], &["table"]),
        "a" => open.close_last(&["a"], SCOPE),
        "option" => open.close_last(&["option"], &["select", "datalist", "html"]),
        _ => {}
    }
}
