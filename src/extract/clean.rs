//! Cleaning the gathered article: removing what sits inside it but is not
//! part of it (footers, asides, buttons, share bars, link lists, widgets
//! with more images or inputs than prose), while keeping data tables,
//! figures and code. Readability.js's `_prepArticle`, over the [`Dom`].

use super::content::{class_weight, has_single_child_tag, is_phrasing, Flags};
use super::dom::{Dom, Id, NIL};
use super::hints;
use super::measure::Measures;

/// Elements with "share" in their class or id and less text than this are
/// share bars.
const SHARE_MAX_CHARS: u32 = 500;

pub fn prep_article(dom: &mut Dom<'_>, article: Id, flags: Flags, measures: &mut Measures) {
    let data_tables = DataTables::mark(dom, article);

    clean_conditionally(dom, article, "form", flags, &data_tables, measures);
    clean_conditionally(dom, article, "fieldset", flags, &data_tables, measures);
    remove_tags(dom, article, &["footer", "link", "aside", "nav"]);

    measures.update(dom, article);
    let parts: Vec<Id> = dom.element_children(article).collect();
    for part in parts {
        remove_share_bars(dom, part, measures);
    }

    remove_tags(
        dom,
        article,
        &["iframe", "input", "textarea", "select", "button"],
    );
    for heading in dom.elements_by_tag(article, &["h1", "h2"]) {
        if class_weight(dom, heading, flags) < 0 {
            dom.remove(heading);
        }
    }

    clean_conditionally(dom, article, "table", flags, &data_tables, measures);
    clean_conditionally(dom, article, "ul", flags, &data_tables, measures);
    clean_conditionally(dom, article, "div", flags, &data_tables, measures);

    // The page's own <h1> is the title, shown apart: the rest become <h2>.
    for h1 in dom.elements_by_tag(article, &["h1"]) {
        dom.set_tag(h1, "h2");
    }

    measures.update(dom, article);
    for p in dom.elements_by_tag(article, &["p"]).into_iter().rev() {
        let has_media = dom.count_by_tag(p, &["img", "embed", "object", "iframe"]) > 0;
        if !has_media && measures.sum(p).trimmed_raw_len() == 0 && dom.parent(p) != NIL {
            dom.remove(p);
        }
    }

    for br in dom.elements_by_tag(article, &["br"]) {
        let mut next = dom.next_sibling(br);
        while next != NIL && dom.is_text(next) && dom.text(next).trim().is_empty() {
            next = dom.next_sibling(next);
        }
        if next != NIL && dom.tag(next) == "p" {
            dom.remove(br);
        }
    }

    unwrap_single_cell_tables(dom, article);
}

/// Removes every element with one of `tags` inside `root`.
fn remove_tags(dom: &mut Dom<'_>, root: Id, tags: &[&str]) {
    for id in dom.elements_by_tag(root, tags).into_iter().rev() {
        dom.remove(id);
    }
}

/// Removes, below `part`, elements marked as share bars that hold little text.
fn remove_share_bars(dom: &mut Dom<'_>, part: Id, measures: &Measures) {
    let mut node = dom.next_element(part, false);
    let end = dom.next_element(part, true);
    while node != NIL && node != end {
        if dom.hints(node).share && measures.sum(node).raw_len() < SHARE_MAX_CHARS {
            let next = dom.next_element(node, true);
            dom.remove(node);
            node = next;
        } else {
            node = dom.next_element(node, false);
        }
    }
}

/// Which tables hold data (kept whole) rather than layout.
struct DataTables(Vec<Id>);

impl DataTables {
    fn mark(dom: &Dom<'_>, root: Id) -> Self {
        let tables = dom.elements_by_tag(root, &["table"]);
        DataTables(
            tables
                .into_iter()
                .filter(|&t| is_data_table(dom, t))
                .collect(),
        )
    }

    fn contains(&self, id: Id) -> bool {
        self.0.contains(&id)
    }
}

/// Accessibility engines' test for a data table, as Readability applies it.
pub fn is_data_table(dom: &Dom<'_>, table: Id) -> bool {
    if dom.role(table) == "presentation" {
        return false;
    }
    let captioned = dom
        .elements_by_tag(table, &["caption"])
        .first()
        .is_some_and(|&c| dom.first_child(c) != NIL);
    if captioned || dom.count_by_tag(table, &["col", "colgroup", "tfoot", "thead", "th"]) > 0 {
        return true;
    }
    if dom.count_by_tag(table, &["table"]) > 0 {
        return false;
    }
    let rows = dom.elements_by_tag(table, &["tr"]);
    let columns = rows
        .iter()
        .map(|&r| dom.count_by_tag(r, &["td"]))
        .max()
        .unwrap_or(0);
    let rows = rows.len();
    if rows == 1 || columns == 1 {
        return false;
    }
    if rows >= 10 || columns > 4 {
        return true;
    }
    rows * columns > 10
}

/// What [`clean_conditionally`] weighs about one element.
#[derive(Debug, Default)]
struct Shape {
    text_len: u32,
    ascii_commas: usize,
    paragraphs: usize,
    images: usize,
    list_items: usize,
    inputs: usize,
    heading_chars: u32,
    textish_chars: u32,
    list_chars: u32,
    link_density: f32,
    holds_data_table: bool,
}

const TEXTISH_TAGS: &[&str] = &[
    "span",
    "li",
    "td",
    "blockquote",
    "dl",
    "div",
    "img",
    "ol",
    "p",
    "pre",
    "table",
    "ul",
];

fn shape(dom: &Dom<'_>, id: Id, measures: &mut Measures, data_tables: &DataTables) -> Shape {
    measures.update(dom, id);
    let mut s = Shape {
        text_len: measures.len(id),
        link_density: measures.link_density(id),
        ..Shape::default()
    };
    for d in dom.descendants_or_self(id).skip(1) {
        if dom.is_text(d) {
            s.ascii_commas += dom.text(d).matches(',').count();
            continue;
        }
        let tag = dom.tag(d);
        match tag {
            "p" => s.paragraphs += 1,
            "img" => s.images += 1,
            "li" => s.list_items += 1,
            "input" => s.inputs += 1,
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => s.heading_chars += measures.len(d),
            "table" => s.holds_data_table |= data_tables.contains(d),
            _ => {}
        }
        if TEXTISH_TAGS.contains(&tag) {
            s.textish_chars += measures.len(d);
        }
        if matches!(tag, "ul" | "ol") {
            s.list_chars += measures.len(d);
        }
    }
    s
}

fn density(part: u32, whole: u32) -> f32 {
    if whole == 0 {
        0.0
    } else {
        part as f32 / whole as f32
    }
}

/// Removes the `tag` elements inside `root` that look like furniture
/// rather than content, innermost first.
fn clean_conditionally(
    dom: &mut Dom<'_>,
    root: Id,
    tag: &str,
    flags: Flags,
    data_tables: &DataTables,
    measures: &mut Measures,
) {
    if !flags.clean_conditionally {
        return;
    }
    for node in dom.elements_by_tag(root, &[tag]).into_iter().rev() {
        if dom.parent(node) == NIL {
            continue;
        }
        if is_furniture(dom, node, tag, flags, data_tables, measures) {
            dom.remove(node);
        }
    }
}

fn is_furniture(
    dom: &Dom<'_>,
    node: Id,
    tag: &str,
    flags: Flags,
    data_tables: &DataTables,
    measures: &mut Measures,
) -> bool {
    if tag == "table" && data_tables.contains(node) {
        return false;
    }
    if dom.has_ancestor_tag(node, "table", 0, |t| data_tables.contains(t))
        || dom.has_ancestor_tag(node, "code", 4, |_| true)
    {
        return false;
    }
    let s = shape(dom, node, measures, data_tables);
    if s.holds_data_table {
        return false;
    }
    let is_list = matches!(tag, "ul" | "ol")
        || (s.text_len > 0 && s.list_chars as f32 / s.text_len as f32 > 0.9);
    let weight = class_weight(dom, node, flags);
    if weight < 0 {
        return true;
    }
    if s.ascii_commas >= 10 {
        return false;
    }
    // Ad labels and loading placeholders are single short words.
    if s.text_len <= 16 && hints::is_ad_or_loading_text(&dom.text_content(node)) {
        return true;
    }
    let in_figure = dom.has_ancestor_tag(node, "figure", 4, |_| true);
    let images = s.images;
    let paragraphs = s.paragraphs;
    let heading_density = density(s.heading_chars, s.text_len);
    let text_density = density(s.textish_chars, s.text_len);
    let list_items = s.list_items as i64 - 100;

    let remove = (!in_figure && images > 1 && (paragraphs as f32 / images as f32) < 0.5)
        || (!is_list && list_items > paragraphs as i64)
        || (s.inputs > paragraphs / 3)
        || (!is_list
            && !in_figure
            && heading_density < 0.9
            && s.text_len < 25
            && (images == 0 || images > 2)
            && s.link_density > 0.0)
        || (!is_list && weight < 25 && s.link_density > 0.2)
        || (weight >= 25 && s.link_density > 0.5)
        || (images == 0 && text_density == 0.0);

    if is_list && remove {
        // A list of images, one per item, is content.
        if dom
            .element_children(node)
            .any(|li| dom.element_child_count(li) > 1)
        {
            return true;
        }
        return images != dom.count_by_tag(node, &["li"]);
    }
    remove
}

/// A table of one cell is layout: the cell's content replaces it.
fn unwrap_single_cell_tables(dom: &mut Dom<'_>, root: Id) {
    for table in dom.elements_by_tag(root, &["table"]) {
        let body = match has_single_child_tag(dom, table, "tbody") {
            NIL => table,
            tbody => tbody,
        };
        let row = has_single_child_tag(dom, body, "tr");
        if row == NIL {
            continue;
        }
        let cell = has_single_child_tag(dom, row, "td");
        if cell == NIL {
            continue;
        }
        let inline = dom.children(cell).all(|c| is_phrasing(dom, c));
        dom.set_tag(cell, if inline { "p" } else { "div" });
        dom.replace(table, cell);
    }
}
