//! Renders a snapshot subtree to plain text, and records where every run of
//! the text came from so the browser can map offsets back to DOM positions.
//!
//! Rules (the CSS `white-space: normal` model, simplified):
//! - runs of ASCII whitespace collapse to one space; leading and trailing
//!   whitespace of a block is dropped; `<pre>` keeps its whitespace;
//! - block elements start a new block; blocks are joined by `"\n\n"`;
//! - `<br>` becomes `"\n"` inside its block.
//!
//! Offsets in [`TextRun`] are bytes; `crate::spans` turns them into UTF-16.

use super::dom::{Dom, Id, NIL};
use crate::snapshot::Tree;
use crate::spans::ByteSpan;

/// `text[start..end]` came from snapshot text node `node`, from byte
/// `node_offset` of its data, byte for byte (whitespace may differ in kind).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TextRun {
    pub start: usize,
    pub end: usize,
    pub node: u32,
    pub node_offset: usize,
}

/// A block of rendered text and the element it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub span: ByteSpan,
    /// The block-level element whose content this is.
    pub element: u32,
    /// Prose, or what else the block is (a caption, a table cell, …).
    pub kind: BlockKind,
}

/// What a block of article text is. Only prose makes claims; the rest is
/// context for the reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum BlockKind {
    #[default]
    Prose,
    /// A figure's caption.
    Caption,
    /// A cell of a data table.
    Table,
    /// An item of a list that is mostly links.
    LinkList,
    /// A quotation set apart from the text for display.
    PullQuote,
    /// A photo or media credit.
    Credit,
    /// Preformatted text: code, listings.
    Code,
    /// A heading (`<h1>`–`<h6>`) or a lone short line set like one.
    Heading,
    /// A review's pros and cons, or a product box.
    ProductBox,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Rendered {
    pub text: String,
    pub blocks: Vec<Block>,
    pub runs: Vec<TextRun>,
}

pub fn is_block_tag(tag: &str) -> bool {
    matches!(
        tag,
        "p" | "div"
            | "section"
            | "article"
            | "main"
            | "header"
            | "footer"
            | "aside"
            | "nav"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "ul"
            | "ol"
            | "li"
            | "dl"
            | "dt"
            | "dd"
            | "blockquote"
            | "pre"
            | "table"
            | "thead"
            | "tbody"
            | "tfoot"
            | "tr"
            | "td"
            | "th"
            | "caption"
            | "figure"
            | "figcaption"
            | "hr"
            | "address"
            | "details"
            | "summary"
            | "form"
            | "fieldset"
            | "legend"
            | "center"
            | "body"
            | "html"
            | "hgroup"
            | "menu"
    )
}

/// Renders the subtrees rooted at `roots` (in document order), skipping hidden
/// subtrees and any element for which `skip` returns true.
pub fn render(tree: &Tree<'_>, roots: &[usize], skip: &dyn Fn(usize) -> bool) -> Rendered {
    let mut out = Renderer::default();
    for &root in roots {
        out.render_subtree(tree, root, skip);
        out.end_block();
    }
    out.finish()
}

/// Renders the subtree of `root` in a [`Dom`] (the article after content
/// detection rearranged it). Hidden elements are skipped.
pub fn render_dom(dom: &Dom<'_>, root: Id) -> Rendered {
    let mut out = Renderer::default();
    // (element, is_block, is_pre) for each open element, innermost last.
    let mut open: Vec<(Id, bool, bool)> = Vec::new();
    let mut cur = root;
    while cur != NIL {
        let mut descend = false;
        if dom.is_text(cur) {
            if let Some(src) = dom.src(cur) {
                out.push_text(src as u32, dom.text(cur));
            }
        } else if !dom.hidden(cur) {
            match dom.tag(cur) {
                "br" => out.push_break(),
                tag => {
                    let (is_block, is_pre) = out.open(
                        tag,
                        || dom.src_or_ancestor(cur).map_or(0, |s| s as u32),
                        element_kind(dom, cur),
                    );
                    open.push((cur, is_block, is_pre));
                    descend = true;
                }
            }
        }
        let child = dom.first_child(cur);
        if descend && child != NIL {
            cur = child;
            continue;
        }
        if descend {
            if let Some((_, is_block, is_pre)) = open.pop() {
                out.close(is_block, is_pre);
            }
        }
        // Climb until a next sibling, closing the elements left behind.
        loop {
            if cur == root {
                cur = NIL;
                break;
            }
            let next = dom.next_sibling(cur);
            if next != NIL {
                cur = next;
                break;
            }
            cur = dom.parent(cur);
            if let Some((_, is_block, is_pre)) = open.pop() {
                out.close(is_block, is_pre);
            }
        }
    }
    while let Some((_, is_block, is_pre)) = open.pop() {
        out.close(is_block, is_pre);
    }
    out.finish()
}

/// Longer elements are not captions or credits by their class names.
const MAX_MARKED_CHARS: usize = 600;

/// Longer `<h1>`–`<h6>` elements are prose set large (a standfirst), not
/// headings.
const MAX_HEADING_WORDS: usize = 25;

/// What an element's own text is, from its tag and class names (prose
/// when nothing says otherwise).
fn element_kind(dom: &Dom<'_>, id: Id) -> BlockKind {
    match dom.tag(id) {
        "figcaption" | "caption" => return BlockKind::Caption,
        "pre" => return BlockKind::Code,
        "table" if super::clean::is_data_table(dom, id) => return BlockKind::Table,
        "ul" | "ol" if super::product_box::follows_pros_cons_label(dom, id) => {
            return BlockKind::ProductBox
        }
        "ul" | "ol" if is_link_list(dom, id) => return BlockKind::LinkList,
        "figure" if dom.count_by_tag(id, &["blockquote", "pre", "table"]) == 0 => {
            return BlockKind::Caption
        }
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6"
            if dom.text_content(id).split_whitespace().count() <= MAX_HEADING_WORDS =>
        {
            return BlockKind::Heading
        }
        _ => {}
    }
    let (class, id_attr) = (dom.class(id), dom.id_attr(id));
    if class.is_empty() && id_attr.is_empty() {
        return BlockKind::Prose;
    }
    let names = super::hints::match_string(class, id_attr);
    let named = |words: &[&str]| words.iter().any(|w| names.contains(w));
    let kind = if named(&["pullquote", "pull-quote", "pull_quote", "pullout"]) {
        BlockKind::PullQuote
    } else if named(&["caption"]) {
        BlockKind::Caption
    } else if named(&["credit", "copyright"]) {
        BlockKind::Credit
    } else if super::product_box::is_named_product_box(dom, id) {
        BlockKind::ProductBox
    } else {
        return BlockKind::Prose;
    };
    if dom.text_content(id).len() > MAX_MARKED_CHARS && kind != BlockKind::PullQuote {
        return BlockKind::Prose;
    }
    kind
}

/// A list of two or more items whose text is mostly inside links.
fn is_link_list(dom: &Dom<'_>, list: Id) -> bool {
    if dom.count_by_tag(list, &["li"]) < 2 {
        return false;
    }
    let (mut all, mut linked) = (0usize, 0usize);
    for d in dom.descendants_or_self(list) {
        if !dom.is_text(d) {
            continue;
        }
        let n = dom.text(d).trim().len();
        all += n;
        if dom
            .ancestors(d)
            .take_while(|&a| a != list)
            .any(|a| dom.tag(a) == "a")
        {
            linked += n;
        }
    }
    all > 0 && linked * 2 > all
}

#[derive(Default)]
struct Renderer {
    r: Rendered,
    /// Start of the block being written, in `r.text`.
    block_start: usize,
    block_element: u32,
    /// A collapsible space is owed before the next visible character.
    pending_space: Option<(u32, usize)>,
    /// Nesting depth of `<pre>` among open elements.
    pre_depth: u32,
    /// The kind in force inside each open element, innermost last.
    kinds: Vec<BlockKind>,
    /// The kind of the block being written, taken at its first character.
    block_kind: BlockKind,
    /// Whether each open element is inside a link, innermost last.
    in_link: Vec<bool>,
    /// Bytes of the block being written that are link text.
    block_link_bytes: usize,
    /// Whether each open element is inside a list item or a table cell,
    /// innermost last.
    in_item: Vec<bool>,
    /// The block being written is inside a list item or a table cell.
    block_in_item: bool,
}

impl Renderer {
    fn render_subtree(&mut self, tree: &Tree<'_>, root: usize, skip: &dyn Fn(usize) -> bool) {
        // Open elements, as (index, depth, is_block, is_pre). Pre-order plus
        // depths tells us when elements close, with no recursion.
        let mut open: Vec<(usize, u32, bool, bool)> = Vec::new();
        let end = tree.subtree_end(root);
        let mut i = root;
        while i < end {
            let depth = tree.depth[i];
            while open.last().is_some_and(|&(_, d, _, _)| d >= depth) {
                if let Some((_, _, is_block, is_pre)) = open.pop() {
                    self.close(is_block, is_pre);
                }
            }
            let node = tree.node(i);
            if let Some(text) = &node.text {
                self.push_text(i as u32, text);
                i += 1;
                continue;
            }
            if node.hidden || (i != root && skip(i)) {
                i = tree.subtree_end(i);
                continue;
            }
            let tag = node.tag.as_str();
            if tag == "br" {
                self.push_break();
                i += 1;
                continue;
            }
            let (is_block, is_pre) = self.open(tag, || i as u32, BlockKind::Prose);
            open.push((i, depth, is_block, is_pre));
            i += 1;
        }
        while let Some((_, _, is_block, is_pre)) = open.pop() {
            self.close(is_block, is_pre);
        }
    }

    /// Opens an element: a block starts a new block of text. `kind`: what
    /// the element's own text is (prose inherits the enclosing kind).
    fn open(&mut self, tag: &str, element: impl FnOnce() -> u32, kind: BlockKind) -> (bool, bool) {
        let linked = self.in_link.last().copied().unwrap_or(false) || tag == "a";
        self.in_link.push(linked);
        let item = self.in_item.last().copied().unwrap_or(false)
            || matches!(tag, "li" | "dt" | "dd" | "td" | "th");
        self.in_item.push(item);
        let inherited = self.kinds.last().copied().unwrap_or_default();
        self.kinds.push(if kind == BlockKind::Prose {
            inherited
        } else {
            kind
        });
        let is_block = is_block_tag(tag);
        let is_pre = tag == "pre";
        if is_block {
            self.end_block();
            self.block_element = element();
        }
        if is_pre {
            self.pre_depth += 1;
        }
        (is_block, is_pre)
    }

    fn close(&mut self, is_block: bool, is_pre: bool) {
        self.kinds.pop();
        self.in_link.pop();
        self.in_item.pop();
        if is_pre {
            self.pre_depth -= 1;
        }
        if is_block {
            self.end_block();
        }
    }

    fn push_text(&mut self, node: u32, data: &str) {
        let preserve = self.pre_depth > 0;
        let mut run_start: Option<(usize, usize)> = None; // (text pos, node offset)
        let bytes = data.as_bytes();
        let mut k = 0;
        while k < bytes.len() {
            let b = bytes[k];
            if !preserve && is_collapsible(b) {
                self.close_run(node, &mut run_start);
                if self.pending_space.is_none() {
                    self.pending_space = Some((node, k));
                }
                k += 1;
                continue;
            }
            // A visible character (or preserved whitespace): settle the owed space.
            if let Some((space_node, space_offset)) = self.pending_space.take() {
                if self.r.text.len() > self.block_start {
                    let at = self.r.text.len();
                    self.r.text.push(' ');
                    self.push_run(TextRun {
                        start: at,
                        end: at + 1,
                        node: space_node,
                        node_offset: space_offset,
                    });
                }
            }
            if self.r.text.len() == self.block_start {
                self.block_kind = self.kinds.last().copied().unwrap_or_default();
                self.block_in_item = self.in_item.last().copied().unwrap_or(false);
            }
            if run_start.is_none() {
                run_start = Some((self.r.text.len(), k));
            }
            // Copy up to the next collapsible byte in one go (always a char boundary).
            let stop = if preserve {
                bytes.len()
            } else {
                bytes[k..]
                    .iter()
                    .position(|&c| is_collapsible(c))
                    .map_or(bytes.len(), |p| k + p)
            };
            self.r.text.push_str(&data[k..stop]);
            if self.in_link.last().copied().unwrap_or(false) {
                self.block_link_bytes += stop - k;
            }
            k = stop;
        }
        self.close_run(node, &mut run_start);
    }

    fn close_run(&mut self, node: u32, run_start: &mut Option<(usize, usize)>) {
        if let Some((start, node_offset)) = run_start.take() {
            let end = self.r.text.len();
            self.push_run(TextRun {
                start,
                end,
                node,
                node_offset,
            });
        }
    }

    /// Appends a run, merged into the previous one when it continues it
    /// exactly (same node, adjacent in both the text and the node's data).
    fn push_run(&mut self, run: TextRun) {
        if let Some(last) = self.r.runs.last_mut() {
            if last.node == run.node
                && last.end == run.start
                && last.node_offset + (last.end - last.start) == run.node_offset
            {
                last.end = run.end;
                return;
            }
        }
        self.r.runs.push(run);
    }

    fn push_break(&mut self) {
        self.pending_space = None;
        if self.r.text.len() > self.block_start && !self.r.text.ends_with('\n') {
            self.r.text.push('\n');
        }
    }

    fn end_block(&mut self) {
        self.pending_space = None;
        // Drop a trailing line break left by a final <br>.
        while self.r.text.len() > self.block_start && self.r.text.ends_with('\n') {
            self.r.text.pop();
        }
        self.clamp_runs();
        let end = self.r.text.len();
        if end > self.block_start {
            let text = &self.r.text[self.block_start..end];
            // A line after a whole quotation is left to the credit pass
            // (`quote_credit::mark_quote_credits`), not read as a heading.
            let after_quotation =
                self.r.blocks.last().is_some_and(|b| {
                    super::quote_credit::is_whole_quotation(b.span.of(&self.r.text))
                });
            self.block_kind = match self.block_kind {
                BlockKind::Prose => kind_of_prose_block(
                    text,
                    self.block_link_bytes,
                    self.block_in_item || after_quotation,
                ),
                BlockKind::Heading if is_all_link(text, self.block_link_bytes) => {
                    BlockKind::LinkList
                }
                kind => kind,
            };
        }
        self.block_link_bytes = 0;
        if end > self.block_start {
            self.r.blocks.push(Block {
                span: ByteSpan::new(self.block_start, end),
                element: self.block_element,
                kind: self.block_kind,
            });
            self.r.text.push_str("\n\n");
        }
        self.block_start = self.r.text.len();
        self.block_kind = BlockKind::Prose;
    }

    fn finish(mut self) -> Rendered {
        self.end_block();
        let len = self.r.blocks.last().map_or(0, |b| b.span.end);
        self.r.text.truncate(len);
        self.clamp_runs();
        super::data_fields::mark_field_blocks(&mut self.r);
        self.r
    }

    /// Cuts the runs back to the text after trailing text was dropped: a
    /// `<pre>`'s final newlines are in a run when they are removed (found by
    /// fuzzing: the run then named text past the end of the article).
    fn clamp_runs(&mut self) {
        let len = self.r.text.len();
        while let Some(last) = self.r.runs.last_mut() {
            if last.start >= len {
                self.r.runs.pop();
            } else {
                last.end = last.end.min(len);
                break;
            }
        }
    }
}

/// Above this many words, a block that is all link is not a teaser.
const MAX_LINK_BLOCK_WORDS: usize = 30;

/// What a block marked as prose by its markup is, by its text: a price
/// list, a ranking set as lines, a price tag ("from $610.00") or a lone
/// figure is a table (and so are data-card fields, marked once every
/// block is known: [`super::data_fields::mark_field_blocks`]); a short block that is all link is a
/// teaser for another page; "In this photo …" opens a caption; "… contributed
/// to this report" credits the reporters, and so does an affiliate
/// disclosure; a lone short line that does not
/// end as a sentence is a heading, unless `heading_ruled_out` (a list
/// item, a table cell, the line after a whole quotation).
fn kind_of_prose_block(text: &str, link_bytes: usize, heading_ruled_out: bool) -> BlockKind {
    use super::furniture as f;
    if f::is_price_list(text)
        || f::is_line_list(text)
        || f::is_price_tag(text)
        || !text.chars().any(char::is_alphabetic)
    {
        BlockKind::Table
    } else if is_all_link(text, link_bytes) {
        BlockKind::LinkList
    } else if f::opens_caption(text) {
        BlockKind::Caption
    } else if f::is_contributor_line(text) || super::template_lines::is_affiliate_disclosure(text) {
        BlockKind::Credit
    } else if !heading_ruled_out && is_heading_line(text) {
        BlockKind::Heading
    } else {
        BlockKind::Prose
    }
}

/// A short block that is (at least 90%) one link: a teaser for another page.
fn is_all_link(text: &str, link_bytes: usize) -> bool {
    link_bytes * 10 >= visible_bytes(text) * 9
        && text.split_whitespace().count() <= MAX_LINK_BLOCK_WORDS
}

/// Longer lines are not headings set as paragraphs.
const MAX_HEADING_LINE_WORDS: usize = 12;

/// A lone short line set like a heading: one line of at most
/// [`MAX_HEADING_LINE_WORDS`] words, opening with a capital or a figure
/// ("5 ways to …"), with no figure after its first two words, that does
/// not end as a sentence ("Rapid market growth
/// and widespread adoption", "Key takeaways:"). Prose ends with `.`, `!`,
/// `?` (or a quote after one); a clause ends with `,` or `;`.
pub fn is_heading_line(text: &str) -> bool {
    let text = text.trim();
    let words = text.split_whitespace().count();
    if words == 0 || words > MAX_HEADING_LINE_WORDS || text.contains('\n') {
        return false;
    }
    let opens_like_heading = text
        .chars()
        .find(|c| c.is_alphanumeric())
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
    let last = text
        .trim_end_matches(['"', '\'', '”', '’', ')', ']', '»'])
        .chars()
        .next_back();
    // A figure past the opening ("Investment: Full-service email packages
    // start at $4,000/month") is a statement set as a line, not a heading;
    // a leading number is a heading's ("1. NVIDIA", "Market 1: …").
    let figure_later = text
        .split_whitespace()
        .skip(2)
        .any(|w| w.contains(|c: char| c.is_ascii_digit()));
    opens_like_heading
        && !figure_later
        && !matches!(last, Some('.' | '!' | '?' | '…' | ',' | ';') | None)
}

/// Bytes of `text` other than collapsible whitespace (the link bytes a
/// block counts leave out the spaces between runs).
fn visible_bytes(text: &str) -> usize {
    text.bytes().filter(|&b| !is_collapsible(b)).count()
}

/// HTML's collapsible whitespace: space, tab, LF, CR, FF. Not NBSP.
fn is_collapsible(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0c)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::snapshot::{Node, Snapshot};

    fn page(nodes: Vec<Node>) -> Snapshot {
        Snapshot {
            nodes,
            ..Snapshot::default()
        }
    }

    /// Checks the run invariant: every run's text equals its node's data
    /// at the recorded offset, up to whitespace kind.
    fn assert_runs_map_back(s: &Snapshot, r: &Rendered) {
        for run in &r.runs {
            let data = s.nodes[run.node as usize].text.as_deref().unwrap();
            let from_text = &r.text[run.start..run.end];
            let from_node = &data[run.node_offset..run.node_offset + (run.end - run.start)];
            let norm = |t: &str| t.replace(|c: char| c.is_ascii_whitespace(), " ");
            assert_eq!(norm(from_text), norm(from_node));
        }
    }

    #[test]
    fn collapses_whitespace_and_separates_blocks() {
        let s = page(vec![
            Node::element(None, "body"),
            Node::element(Some(0), "p"),
            Node::text_node(1, "  Hello\n   big "),
            Node::element(Some(1), "b"),
            Node::text_node(3, "world"),
            Node::text_node(1, " !  "),
            Node::element(Some(0), "p"),
            Node::text_node(6, "Second\u{a0}one"),
        ]);
        let t = s.tree().unwrap();
        let r = render(&t, &[0], &|_| false);
        assert_eq!(r.text, "Hello big world !\n\nSecond\u{a0}one");
        // Single spaces between words do not split runs.
        assert_eq!(r.runs[r.runs.len() - 1].start, r.blocks[1].span.start);
        assert_eq!(r.blocks.len(), 2);
        assert_eq!(r.blocks[1].span.of(&r.text), "Second\u{a0}one");
        assert_runs_map_back(&s, &r);
    }

    /// Found by fuzzing (fuzz/regressions/html_analysis/pre-newline-run-offset.html):
    /// a `<pre>` ending in newlines left a run past the end of the text.
    #[test]
    fn regression_pre_trailing_newlines_leave_no_run_past_the_text() {
        for tail in ["a\n", "a\n\n\n", "\n"] {
            let s = page(vec![
                Node::element(None, "body"),
                Node::element(Some(0), "pre"),
                Node::text_node(1, tail),
            ]);
            let t = s.tree().unwrap();
            let r = render(&t, &[0], &|_| false);
            assert!(
                r.runs
                    .iter()
                    .all(|run| run.end <= r.text.len() && run.start < run.end),
                "{tail:?}: {:?}",
                r.runs
            );
            assert_runs_map_back(&s, &r);
        }
    }

    #[test]
    fn skips_hidden_and_skipped_subtrees_and_keeps_pre() {
        let mut hidden = Node::element(Some(0), "div");
        hidden.hidden = true;
        let s = page(vec![
            Node::element(None, "body"),
            hidden,
            Node::text_node(1, "secret"),
            Node::element(Some(0), "button"),
            Node::text_node(3, "Listen"),
            Node::element(Some(0), "pre"),
            Node::text_node(5, "a  b\nc"),
            Node::element(Some(0), "p"),
            Node::text_node(7, "x"),
            Node::element(Some(7), "br"),
            Node::text_node(7, "y"),
        ]);
        let t = s.tree().unwrap();
        let r = render(&t, &[0], &|i| s.nodes[i].tag == "button");
        assert_eq!(r.text, "a  b\nc\n\nx\ny");
        assert_runs_map_back(&s, &r);
    }

    /// The bug: wcxb 0347's subheadings were scored as claims; lone short
    /// lines set like headings are headings, statements with figures and
    /// sentences are not.
    #[test]
    fn regression_wcxb_0347_heading_lines() {
        for t in [
            "The rise of generative AI: Rapid market growth and widespread adoption",
            "Key takeaways:",
            "1. NVIDIA",
            "Market 1: Data center GPUs",
        ] {
            assert!(is_heading_line(t), "{t}");
        }
        for t in [
            "Investment: Full-service email packages start at $4,000/month",
            "The council approved the budget.",
            "“We will win,” she said.",
            "and then the rain came",
            "A line\nbroken in two",
        ] {
            assert!(!is_heading_line(t), "{t}");
        }
    }

    /// The bug: the cnn page's "Related: Chicago is America's most
    /// segregated city" teaser and lines that are one link were prose, so
    /// they became claims.
    #[test]
    fn regression_cnn_related_teaser_blocks_are_link_lists() {
        let s = page(vec![
            Node::element(None, "body"),
            Node::element(Some(0), "p"),
            Node::text_node(1, "The report was released on Monday by the university."),
            Node::element(Some(0), "p"),
            Node::element(Some(3), "a"),
            Node::element(Some(4), "span"),
            Node::text_node(5, "Related: Chicago is America's most segregated city"),
        ]);
        let t = s.tree().unwrap();
        let r = render(&t, &[0], &|_| false);
        let kinds: Vec<BlockKind> = r.blocks.iter().map(|b| b.kind).collect();
        assert_eq!(kinds, vec![BlockKind::Prose, BlockKind::LinkList]);
    }
}
