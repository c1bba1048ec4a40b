//! The native snapshot builder: HTML bytes → [`Snapshot`], through html5ever.
//!
//! html5ever builds the same tree a browser's parser would (implied `<body>`,
//! adoption agency, foster parenting), into a small index arena below. The
//! arena is then flattened into a [`Snapshot`] by the same rules the content
//! script applies to the live DOM (see `extension/src/dom/snapshot.ts`).
//! Tags nested past the depth cap never reach the tree builder
//! (`snapshot/depth_cap.rs`), which keeps hostile nesting linear; the flattening
//! then applies the cap rule exactly.

use std::borrow::Cow;
use std::cell::RefCell;

use html5ever::interface::tree_builder::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::interface::ElemName;
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{BufferQueue, Tokenizer};
use html5ever::tree_builder::TreeBuilder;
use html5ever::{local_name, ns, Attribute, QualName, TokenizerResult};
use html5ever::{LocalName, Namespace};
use thiserror::Error;

use super::depth_cap::{DepthCap, TAG_DEPTH_CAP};
use super::{MetaTag, Node, Snapshot, MAX_DEPTH};

/// Why bytes could not be turned into a snapshot.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum HtmlError {
    #[error("the page is empty")]
    Empty,
    #[error("the input looks like binary data, not HTML")]
    Binary,
    #[error("the page has no body text")]
    NoContent,
}

/// Parses `bytes` as an HTML document and snapshots it. `url` is the page's
/// address, when known.
pub fn snapshot_from_html(bytes: &[u8], url: &str) -> Result<Snapshot, HtmlError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(HtmlError::Empty);
    }
    if looks_binary(bytes) {
        return Err(HtmlError::Binary);
    }
    let text = decode(bytes);
    let arena = parse(&text);
    let snapshot = flatten(&arena, url);
    if snapshot.nodes.is_empty() {
        return Err(HtmlError::NoContent);
    }
    Ok(snapshot)
}

/// html5ever's tokenizer → [`DepthCap`] → tree builder → arena.
fn parse(text: &str) -> Arena {
    let builder = TreeBuilder::new(ArenaSink::default(), Default::default());
    let tokenizer = Tokenizer::new(DepthCap::new(builder, TAG_DEPTH_CAP), Default::default());
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(text));
    // Pauses for scripts and `<meta charset>` are for a browser; go on.
    while !matches!(tokenizer.feed(&input), TokenizerResult::Done) {}
    tokenizer.end();
    tokenizer.sink.inner.sink.finish()
}

/// NUL bytes or a high share of control bytes in the first 8 KB mean binary.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return true;
    }
    let control = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    control * 20 > head.len()
}

/// UTF-8 when valid; otherwise Windows-1252, the web's de facto fallback
/// (it maps every byte, so nothing is lost or replaced).
pub fn decode(bytes: &[u8]) -> Cow<'_, str> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => Cow::Borrowed(s),
        Err(_) => Cow::Owned(bytes.iter().map(|&b| windows_1252(b)).collect()),
    }
}

fn windows_1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž',
        '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}',
        'ž', 'Ÿ',
    ];
    match b {
        0x80..=0x9f => HIGH[(b - 0x80) as usize],
        _ => b as char,
    }
}

// ---------------------------------------------------------------------------
// The arena html5ever builds into. Handles are indices.

#[derive(Debug)]
enum Data {
    Document,
    Element {
        name: QualName,
        attrs: Vec<Attribute>,
        template_contents: Option<usize>,
    },
    Text(StrTendril),
    /// Comments, doctypes, processing instructions: kept only so handles stay valid.
    Other,
}

#[derive(Debug)]
struct ArenaNode {
    data: Data,
    parent: Option<usize>,
    children: Vec<usize>,
}

/// An element name handed to html5ever by value: the arena sits behind a
/// `RefCell`, so a borrowed `&QualName` cannot outlive the call.
#[derive(Debug)]
struct OwnedName(QualName);

impl ElemName for OwnedName {
    fn ns(&self) -> &Namespace {
        &self.0.ns
    }
    fn local_name(&self) -> &LocalName {
        &self.0.local
    }
}

#[derive(Default)]
struct ArenaSink {
    nodes: RefCell<Vec<ArenaNode>>,
}

struct Arena {
    nodes: Vec<ArenaNode>,
}

impl ArenaSink {
    fn push(&self, data: Data) -> usize {
        let mut nodes = self.nodes.borrow_mut();
        if nodes.is_empty() {
            nodes.push(ArenaNode {
                data: Data::Document,
                parent: None,
                children: Vec::new(),
            });
        }
        nodes.push(ArenaNode {
            data,
            parent: None,
            children: Vec::new(),
        });
        nodes.len() - 1
    }

    fn detach(nodes: &mut [ArenaNode], child: usize) {
        if let Some(p) = nodes[child].parent.take() {
            nodes[p].children.retain(|&c| c != child);
        }
    }

    /// Inserts `child` into `parent` at `position` (None = append), merging
    /// text into an adjacent text node as the DOM does.
    fn insert(&self, parent: usize, position: Option<usize>, child: NodeOrText<usize>) {
        let mut nodes = self.nodes.borrow_mut();
        let at = position.unwrap_or(nodes[parent].children.len());
        match child {
            NodeOrText::AppendText(text) => {
                let before = at.checked_sub(1).map(|i| nodes[parent].children[i]);
                if let Some(prev) = before {
                    if let Data::Text(existing) = &mut nodes[prev].data {
                        existing.push_tendril(&text);
                        return;
                    }
                }
                nodes.push(ArenaNode {
                    data: Data::Text(text),
                    parent: Some(parent),
                    children: Vec::new(),
                });
                let id = nodes.len() - 1;
                nodes[parent].children.insert(at, id);
            }
            NodeOrText::AppendNode(id) => {
                Self::detach(&mut nodes, id);
                let at = position.map_or(nodes[parent].children.len(), |p| {
                    p.min(nodes[parent].children.len())
                });
                nodes[id].parent = Some(parent);
                nodes[parent].children.insert(at, id);
            }
        }
    }
}

impl TreeSink for ArenaSink {
    type Handle = usize;
    type Output = Arena;
    type ElemName<'a> = OwnedName;

    fn finish(self) -> Arena {
        let mut nodes = self.nodes.into_inner();
        if nodes.is_empty() {
            nodes.push(ArenaNode {
                data: Data::Document,
                parent: None,
                children: Vec::new(),
            });
        }
        Arena { nodes }
    }

    fn parse_error(&self, _msg: Cow<'static, str>) {}

    fn get_document(&self) -> usize {
        if self.nodes.borrow().is_empty() {
            self.push(Data::Other);
        }
        0
    }

    fn elem_name<'a>(&'a self, target: &'a usize) -> OwnedName {
        match &self.nodes.borrow()[*target].data {
            Data::Element { name, .. } => OwnedName(name.clone()),
            // html5ever only asks for names of elements it created.
            _ => OwnedName(QualName::new(None, ns!(html), local_name!(""))),
        }
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, flags: ElementFlags) -> usize {
        let template_contents = flags.template.then(|| self.push(Data::Document));
        self.push(Data::Element {
            name,
            attrs,
            template_contents,
        })
    }

    fn create_comment(&self, _text: StrTendril) -> usize {
        self.push(Data::Other)
    }

    fn create_pi(&self, _target: StrTendril, _data: StrTendril) -> usize {
        self.push(Data::Other)
    }

    fn append(&self, parent: &usize, child: NodeOrText<usize>) {
        self.get_document();
        self.insert(*parent, None, child);
    }

    fn append_based_on_parent_node(
        &self,
        element: &usize,
        prev_element: &usize,
        child: NodeOrText<usize>,
    ) {
        if self.nodes.borrow()[*element].parent.is_some() {
            self.append_before_sibling(element, child);
        } else {
            self.append(prev_element, child);
        }
    }

    fn append_doctype_to_document(&self, _: StrTendril, _: StrTendril, _: StrTendril) {}

    fn get_template_contents(&self, target: &usize) -> usize {
        match &self.nodes.borrow()[*target].data {
            Data::Element {
                template_contents: Some(c),
                ..
            } => *c,
            _ => *target,
        }
    }

    fn same_node(&self, x: &usize, y: &usize) -> bool {
        x == y
    }

    fn set_quirks_mode(&self, _mode: QuirksMode) {}

    fn append_before_sibling(&self, sibling: &usize, new_node: NodeOrText<usize>) {
        let parent_and_index = {
            let nodes = self.nodes.borrow();
            nodes[*sibling].parent.and_then(|p| {
                nodes[p]
                    .children
                    .iter()
                    .position(|c| c == sibling)
                    .map(|i| (p, i))
            })
        };
        if let Some((parent, index)) = parent_and_index {
            self.insert(parent, Some(index), new_node);
        }
    }

    fn add_attrs_if_missing(&self, target: &usize, new_attrs: Vec<Attribute>) {
        if let Data::Element { attrs, .. } = &mut self.nodes.borrow_mut()[*target].data {
            for attr in new_attrs {
                if !attrs.iter().any(|a| a.name == attr.name) {
                    attrs.push(attr);
                }
            }
        }
    }

    fn remove_from_parent(&self, target: &usize) {
        Self::detach(&mut self.nodes.borrow_mut(), *target);
    }

    fn reparent_children(&self, node: &usize, new_parent: &usize) {
        let mut nodes = self.nodes.borrow_mut();
        let children = std::mem::take(&mut nodes[*node].children);
        for &c in &children {
            nodes[c].parent = Some(*new_parent);
        }
        nodes[*new_parent].children.extend(children);
    }
}

// ---------------------------------------------------------------------------
// Flattening the arena by the snapshot rules.

/// Subtrees that never hold article text. Keep in sync with the DOM snapshotter.
pub const SKIPPED_TAGS: &[&str] = &[
    "head", "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed",
    "canvas", "select", "textarea", "input",
];

impl Arena {
    fn element(&self, i: usize) -> Option<(&str, &[Attribute])> {
        match &self.nodes[i].data {
            Data::Element { name, attrs, .. } => Some((&name.local, attrs.as_slice())),
            _ => None,
        }
    }

    fn attr<'a>(attrs: &'a [Attribute], name: &str) -> Option<&'a str> {
        attrs
            .iter()
            .find(|a| &*a.name.local == name)
            .map(|a| &*a.value)
    }

    /// Pre-order over the subtree at `root`, without recursion.
    fn preorder(&self, root: usize) -> impl Iterator<Item = usize> + '_ {
        let mut stack = vec![root];
        std::iter::from_fn(move || {
            let i = stack.pop()?;
            stack.extend(self.nodes[i].children.iter().rev());
            Some(i)
        })
    }

    fn text_of(&self, i: usize) -> String {
        self.preorder(i)
            .filter_map(|j| match &self.nodes[j].data {
                Data::Text(t) => Some(&**t),
                _ => None,
            })
            .collect()
    }

    fn find(&self, tag: &str) -> Option<usize> {
        self.preorder(0)
            .find(|&i| self.element(i).is_some_and(|(name, _)| name == tag))
    }
}

fn flatten(arena: &Arena, url: &str) -> Snapshot {
    let mut snapshot = Snapshot {
        url: url.to_string(),
        ..Snapshot::default()
    };
    let html = arena.find("html");
    if let Some((_, attrs)) = html.and_then(|h| arena.element(h)) {
        snapshot.lang = Arena::attr(attrs, "lang")
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_string);
    }
    collect_head(arena, &mut snapshot);

    let Some(root) = arena.find("body").or(html) else {
        return snapshot;
    };
    // (arena index, snapshot parent index, that parent's depth); explicit
    // stack, children reversed.
    let mut stack = vec![(root, None::<u32>, 0u32)];
    while let Some((i, parent, parent_depth)) = stack.pop() {
        match &arena.nodes[i].data {
            Data::Text(text) => {
                if let Some(p) = parent {
                    snapshot.nodes.push(Node::text_node(p, text));
                }
            }
            Data::Element { name, attrs, .. } => {
                let tag = &*name.local;
                if SKIPPED_TAGS.contains(&tag) {
                    continue;
                }
                let depth = if parent.is_some() {
                    parent_depth + 1
                } else {
                    0
                };
                let children = arena.nodes[i].children.iter().rev();
                if depth > MAX_DEPTH {
                    // The depth cap: leave the element out, keep its content.
                    stack.extend(children.map(|&c| (c, parent, parent_depth)));
                    continue;
                }
                let index = snapshot.nodes.len() as u32;
                snapshot.nodes.push(element_node(parent, tag, attrs));
                stack.extend(children.map(|&c| (c, Some(index), depth)));
            }
            Data::Document | Data::Other => {}
        }
    }
    snapshot
}

fn element_node(parent: Option<u32>, tag: &str, attrs: &[Attribute]) -> Node {
    let get = |name: &str| Arena::attr(attrs, name).map(str::to_string);
    Node {
        parent,
        tag: tag.to_ascii_lowercase(),
        text: None,
        id: get("id"),
        class: get("class"),
        role: get("role"),
        hidden: is_hidden(attrs),
        href: get("href"),
        itemprop: get("itemprop"),
        rel: get("rel"),
        datetime: get("datetime"),
    }
}

/// The snapshot's `hidden` rule: attribute-based only, so both builders agree.
fn is_hidden(attrs: &[Attribute]) -> bool {
    if Arena::attr(attrs, "hidden").is_some() {
        return true;
    }
    if Arena::attr(attrs, "aria-hidden").is_some_and(|v| v.trim().eq_ignore_ascii_case("true")) {
        return true;
    }
    Arena::attr(attrs, "style").is_some_and(style_hides)
}

/// True for an inline style declaring `display:none` or `visibility:hidden`.
pub fn style_hides(style: &str) -> bool {
    style.split(';').any(|decl| {
        let mut parts = decl.splitn(2, ':');
        let prop = parts.next().unwrap_or("").trim().to_ascii_lowercase();
        let value = parts
            .next()
            .unwrap_or("")
            .trim()
            .trim_end_matches("!important")
            .trim()
            .to_ascii_lowercase();
        (prop == "display" && value == "none") || (prop == "visibility" && value == "hidden")
    })
}

/// `<title>`, `<meta>`, canonical link and JSON-LD, from anywhere in the document.
fn collect_head(arena: &Arena, snapshot: &mut Snapshot) {
    let mut seen_title = false;
    for i in arena.preorder(0) {
        let Some((tag, attrs)) = arena.element(i) else {
            continue;
        };
        match tag {
            "title" if !seen_title => {
                // The first <title> outside <svg>, as document.title does.
                let in_svg =
                    std::iter::successors(arena.nodes[i].parent, |&p| arena.nodes[p].parent)
                        .any(|p| arena.element(p).is_some_and(|(n, _)| n == "svg"));
                if !in_svg {
                    snapshot.title = collapse_whitespace(&arena.text_of(i));
                    seen_title = true;
                }
            }
            "meta" => {
                let key = ["name", "property", "itemprop", "http-equiv"]
                    .iter()
                    .find_map(|k| Arena::attr(attrs, k));
                if let (Some(key), Some(content)) = (key, Arena::attr(attrs, "content")) {
                    snapshot.meta.push(MetaTag {
                        key: key.trim().to_ascii_lowercase(),
                        content: content.to_string(),
                    });
                }
            }
            "link" if snapshot.canonical.is_none() => {
                let is_canonical = Arena::attr(attrs, "rel").is_some_and(|r| {
                    r.split_ascii_whitespace()
                        .any(|t| t.eq_ignore_ascii_case("canonical"))
                });
                if is_canonical {
                    snapshot.canonical = Arena::attr(attrs, "href").map(str::to_string);
                }
            }
            "script" => {
                let is_jsonld = Arena::attr(attrs, "type")
                    .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"));
                if is_jsonld {
                    snapshot.jsonld.push(arena.text_of(i));
                }
            }
            _ => {}
        }
    }
}

/// What `document.title` does to the title text: strip and collapse ASCII whitespace.
pub fn collapse_whitespace(s: &str) -> String {
    s.split_ascii_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &Snapshot) -> Vec<&str> {
        s.nodes.iter().filter_map(|n| n.text.as_deref()).collect()
    }

    #[test]
    fn builds_body_tree_and_head_metadata() {
        let html = br#"<!doctype html><html lang="en"><head><title> A
            title </title><meta property="og:site_name" content="Ledger">
            <link rel="canonical" href="https://x.test/a">
            <script type="application/ld+json">{"@type":"NewsArticle"}</script>
            <script>var x = "<p>not text</p>";</script></head>
            <body><p class="lead" id="l">Hello <b>world</b></p><div hidden>h</div>
            <p aria-hidden="true">a</p><p style="display: none !important">s</p></body></html>"#;
        let s = snapshot_from_html(html, "https://x.test/a?b").unwrap();
        assert_eq!(s.title, "A title");
        assert_eq!(s.lang.as_deref(), Some("en"));
        assert_eq!(s.canonical.as_deref(), Some("https://x.test/a"));
        assert_eq!(s.meta(&["og:site_name"]), Some("Ledger"));
        assert_eq!(s.jsonld, vec![r#"{"@type":"NewsArticle"}"#]);
        assert_eq!(s.nodes[0].tag, "body");
        assert_eq!(s.nodes[1].class.as_deref(), Some("lead"));
        assert_eq!(
            texts(&s),
            vec!["Hello ", "world", "h", "\n            ", "a", "s"]
        );
        let hidden: Vec<bool> = s
            .nodes
            .iter()
            .filter(|n| !n.is_text())
            .map(|n| n.hidden)
            .collect();
        assert_eq!(hidden, vec![false, false, false, true, true, true]);
        s.tree().unwrap();
    }

    #[test]
    fn parser_fixes_misnested_markup_like_a_browser() {
        let s = snapshot_from_html(b"<p>one<p>two</b>three<table><td>cell</table>", "").unwrap();
        let tags: Vec<&str> = s
            .nodes
            .iter()
            .filter(|n| !n.is_text())
            .map(|n| n.tag.as_str())
            .collect();
        assert_eq!(tags, vec!["body", "p", "p", "table", "tbody", "tr", "td"]);
        assert_eq!(texts(&s), vec!["one", "twothree", "cell"]);
    }

    #[test]
    fn rejects_empty_and_binary_input() {
        assert_eq!(snapshot_from_html(b"  \n", ""), Err(HtmlError::Empty));
        assert_eq!(
            snapshot_from_html(b"\x89PNG\r\n\x1a\n\0\0\0", ""),
            Err(HtmlError::Binary)
        );
    }

    #[test]
    fn meta_charset_does_not_stop_the_parse() {
        let s = snapshot_from_html(
            br#"<html><head><meta charset="utf-8"><title>T</title></head><body><p>after</p>"#,
            "",
        )
        .unwrap();
        assert_eq!(s.title, "T");
        assert_eq!(texts(&s), vec!["after"]);
    }

    #[test]
    fn windows_1252_bytes_are_decoded_not_replaced() {
        let s = snapshot_from_html(b"<p>caf\xe9 \x93quoted\x94</p>", "").unwrap();
        assert_eq!(texts(&s), vec!["café “quoted”"]);
    }

    fn max_element_depth(s: &Snapshot) -> u32 {
        let t = s.tree().unwrap();
        (0..s.nodes.len())
            .filter(|&i| !s.nodes[i].is_text())
            .map(|i| t.depth[i])
            .max()
            .unwrap()
    }

    #[test]
    fn nesting_within_the_cap_is_kept_exactly() {
        let depth = MAX_DEPTH as usize;
        let html = format!("{}deep{}", "<div>".repeat(depth), "</div>".repeat(depth));
        let s = snapshot_from_html(html.as_bytes(), "").unwrap();
        assert_eq!(texts(&s), vec!["deep"]);
        assert_eq!(max_element_depth(&s), MAX_DEPTH);
        assert_eq!(s.nodes.len(), depth + 2);
    }

    #[test]
    fn hostile_100k_nesting_is_capped_and_keeps_all_text() {
        // Quadratic in html5ever's tree builder without the depth cap.
        let depth = 100_000;
        let mut html = String::new();
        for i in 0..depth {
            html.push_str(if i % 2 == 0 { "<div>" } else { "<span>" });
            if i % 10_000 == 0 {
                html.push_str(&format!("t{i} "));
            }
        }
        html.push_str("bottom");
        for i in (0..depth).rev() {
            html.push_str(if i % 2 == 0 { "</div>" } else { "</span>" });
        }
        html.push_str("<p>after</p>");
        let s = snapshot_from_html(html.as_bytes(), "").unwrap();
        let all: String = texts(&s).concat();
        assert!(all.starts_with("t0 t10000 t20000"), "{all}");
        assert!(all.ends_with("t90000 bottomafter"), "{all}");
        assert!(max_element_depth(&s) <= MAX_DEPTH);
        // The closing tags were matched: <p> is back at the top level.
        let p = s.nodes.iter().position(|n| n.tag == "p").unwrap();
        assert_eq!(s.nodes[p].parent, Some(0));
    }

    #[test]
    fn unclosed_paragraphs_and_list_items_are_not_mistaken_for_nesting() {
        // 2,000 implicitly closed siblings: none may be dropped by the cap.
        let html = format!(
            "{}<ul>{}</ul>",
            "<p>para".repeat(2_000),
            "<li>item".repeat(2_000)
        );
        let s = snapshot_from_html(html.as_bytes(), "").unwrap();
        assert_eq!(s.nodes.iter().filter(|n| n.tag == "p").count(), 2_000);
        assert_eq!(s.nodes.iter().filter(|n| n.tag == "li").count(), 2_000);
        assert_eq!(max_element_depth(&s), 2);
    }

    #[test]
    fn over_deep_elements_are_unwrapped_into_the_capped_ancestor() {
        let depth = MAX_DEPTH as usize + 50;
        let mut html = "<div>".repeat(depth);
        html.push_str("<p>x</p><p>y</p>");
        let s = snapshot_from_html(html.as_bytes(), "").unwrap();
        // The over-deep <p> tags themselves are gone, their text is not.
        assert_eq!(texts(&s).concat(), "xy");
        assert!(max_element_depth(&s) <= MAX_DEPTH);
    }
}
