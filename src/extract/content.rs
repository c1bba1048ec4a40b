//! Finding the article: the element (and its related siblings) whose
//! paragraphs carry the most prose.
//!
//! The method is Readability.js's, rebuilt over a snapshot: tidy the page
//! (drop hidden nodes, furniture judged by class, id and role, empty
//! containers, the byline and the headline), turn loose text into
//! paragraphs, score every paragraph by its length and commas, propagate
//! the scores to five levels of ancestors with decaying weight and a bonus
//! or penalty for the ancestor's tag and class hints, discount each
//! candidate by its link density, take the best, widen it when close
//! runners-up share an ancestor or the parent scores higher, then gather
//! siblings that score well or read like prose. The result is cleaned
//! ([`super::clean`]). When that leaves under 500 characters the search is
//! repeated with fewer class-based exclusions and the longest result wins.
//!
//! Where ClaimLens departs from Readability.js, on purpose:
//! - comment sections ([`super::comments`]) are removed before the search,
//!   in every attempt, so comments never reach the article text;
//! - the first byline is always left out of the text (Readability keeps it
//!   when the page's metadata names the author);
//! - more furniture words (cookie and consent banners, newsletter and
//!   signup boxes, "most read", "popular", "trending", recommendations) and
//!   `<nav>` inside the article;
//! - a heading repeating the title is recognised in any script (Readability
//!   compares ASCII words only).

use super::clean;
use super::dom::{Dom, Id, NIL};
use super::furniture;
use super::hints::{self, Hints};
use super::measure::{is_js_space, Measures, TextCache};
use crate::snapshot::Tree;

/// Readability's minimum article length, in characters.
pub const CHAR_THRESHOLD: u32 = 500;

/// Elements whose own text is scored as a paragraph.
const TAGS_TO_SCORE: &[&str] = &["section", "h2", "h3", "h4", "h5", "h6", "p", "td", "pre"];

/// Children that make a `<div>` a container rather than a paragraph.
pub const DIV_TO_P_TAGS: &[&str] = &[
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

/// Inline content that may be wrapped into a paragraph.
const PHRASING_TAGS: &[&str] = &[
    "abbr", "audio", "b", "bdo", "br", "button", "cite", "code", "data", "datalist", "dfn", "em",
    "embed", "i", "img", "input", "kbd", "label", "mark", "math", "meter", "noscript", "object",
    "output", "progress", "q", "ruby", "samp", "script", "select", "small", "span", "strong",
    "sub", "sup", "textarea", "time", "var", "wbr",
];

/// Which exclusions an attempt applies; later attempts drop them in turn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Flags {
    pub strip_unlikely: bool,
    pub weight_classes: bool,
    pub clean_conditionally: bool,
}

const ATTEMPTS: [Flags; 4] = [
    Flags {
        strip_unlikely: true,
        weight_classes: true,
        clean_conditionally: true,
    },
    Flags {
        strip_unlikely: false,
        weight_classes: true,
        clean_conditionally: true,
    },
    Flags {
        strip_unlikely: false,
        weight_classes: false,
        clean_conditionally: true,
    },
    Flags {
        strip_unlikely: false,
        weight_classes: false,
        clean_conditionally: false,
    },
];

/// What the search needs to know about the page.
#[derive(Debug, Clone, Default)]
pub struct Context<'c> {
    /// The article title: a heading repeating it is left out of the text.
    pub title: &'c str,
    /// Snapshot elements to leave out entirely (comment sections).
    pub excluded: &'c [usize],
}

/// The article found on a page.
pub struct Found<'a> {
    pub dom: Dom<'a>,
    /// A detached element holding the article's parts, in order.
    pub article: Id,
    /// Length of its text (trimmed, whitespace collapsed), in UTF-16 units.
    pub text_len: u32,
    /// The same before the furniture was removed ([`furniture`]).
    pub text_len_with_furniture: u32,
    /// The byline's text (the byline itself is left out of the article).
    pub byline: Option<String>,
    /// Share of the article's text inside links.
    pub link_density: f32,
}

/// Searches `tree` for the article; `None` when nothing has any text.
pub fn find_article<'a>(
    tree: &'a Tree<'a>,
    hints: &'a Hints,
    cache: &TextCache,
    ctx: &Context<'_>,
) -> Option<Found<'a>> {
    let mut byline = None;
    let mut attempts: Vec<Found<'a>> = Vec::new();
    for flags in ATTEMPTS {
        let found = attempt(tree, hints, ctx, flags, &mut byline, cache);
        if weighed_len(&found) >= CHAR_THRESHOLD {
            return Some(Found { byline, ..found });
        }
        attempts.push(found);
    }
    // Nothing long enough: the longest attempt, earliest on ties.
    let mut best = None::<Found<'a>>;
    for found in attempts {
        if best
            .as_ref()
            .is_none_or(|b| weighed_len(&found) > weighed_len(b))
        {
            best = Some(found);
        }
    }
    best.filter(|b| b.text_len > 0)
        .map(|b| Found { byline, ..b })
}

/// The length Readability's tests weigh: the text before furniture went,
/// as long as furniture was not most of it. Dropping a short post's tag
/// line or related links must not send the search on to a sidebar.
fn weighed_len(found: &Found<'_>) -> u32 {
    if found.text_len * 2 >= found.text_len_with_furniture {
        found.text_len_with_furniture
    } else {
        found.text_len
    }
}

/// Content scores, by element; `None` until an element is a candidate.
struct Scores(Vec<Option<f64>>);

impl Scores {
    fn get(&self, id: Id) -> Option<f64> {
        self.0.get(id as usize).copied().flatten()
    }

    fn set(&mut self, id: Id, score: f64) {
        let i = id as usize;
        if i >= self.0.len() {
            self.0.resize(i + 1, None);
        }
        self.0[i] = Some(score);
    }
}

/// Facts about the snapshot's own subtrees, fixed while the tidy-up walk
/// runs (it only edits subtrees it has already passed).
struct Original {
    /// Some descendant is one of [`DIV_TO_P_TAGS`].
    has_block_descendant: Vec<bool>,
    /// `<br>` and `<hr>` descendants.
    br_hr_descendants: Vec<u32>,
}

impl Original {
    fn new(dom: &Dom<'_>) -> Self {
        let n = dom.len();
        let mut has_block_descendant = vec![false; n];
        let mut br_hr_descendants = vec![0u32; n];
        // Reversed pre-order visits children before their parents.
        let order: Vec<Id> = dom.descendants_or_self(dom.root).collect();
        for &id in order.iter().rev() {
            let parent = dom.parent(id);
            if parent == NIL || dom.is_text(id) {
                continue;
            }
            let (i, p) = (id as usize, parent as usize);
            let tag = dom.tag(id);
            has_block_descendant[p] |= has_block_descendant[i] || DIV_TO_P_TAGS.contains(&tag);
            br_hr_descendants[p] += br_hr_descendants[i] + u32::from(matches!(tag, "br" | "hr"));
        }
        Original {
            has_block_descendant,
            br_hr_descendants,
        }
    }

    fn has_block_descendant(&self, id: Id) -> bool {
        self.has_block_descendant
            .get(id as usize)
            .copied()
            .unwrap_or(false)
    }

    fn br_hr_descendants(&self, id: Id) -> u32 {
        self.br_hr_descendants
            .get(id as usize)
            .copied()
            .unwrap_or(0)
    }
}

fn attempt<'a>(
    tree: &'a Tree<'a>,
    hints: &'a Hints,
    ctx: &Context<'_>,
    flags: Flags,
    byline: &mut Option<String>,
    cache: &TextCache,
) -> Found<'a> {
    let mut dom = Dom::new(tree, hints);
    for &src in ctx.excluded {
        let id = dom.id_of(src);
        if id != NIL && dom.src(id) == Some(src) {
            dom.remove(id);
        }
    }
    prepare(&mut dom);
    let original = Original::new(&dom);
    let mut measures = Measures::new(cache);
    measures.update(&dom, dom.root);

    let to_score = tidy(&mut dom, ctx, flags, byline, &original, &measures);

    measures.update(&dom, dom.root);
    let mut scores = Scores(vec![None; dom.len()]);
    let candidates = score_paragraphs(&dom, &to_score, flags, &measures, &mut scores);
    let top = choose_top(&mut dom, &candidates, flags, &measures, &mut scores);
    let article = gather_siblings(&mut dom, top, &measures, &scores);

    clean::prep_article(&mut dom, article, flags, &mut measures);
    measures.update(&dom, article);
    let text_len_with_furniture = measures.len(article);
    furniture::remove_furniture(&mut dom, article, &measures);
    measures.update(&dom, article);
    let text_len = measures.len(article);
    let link_density = measures.link_density(article);
    Found {
        dom,
        article,
        text_len,
        text_len_with_furniture,
        byline: None,
        link_density,
    }
}

/// Before scoring: `<font>` becomes `<span>` (inline), and chains of two or
/// more `<br>`s become paragraph breaks.
fn prepare(dom: &mut Dom<'_>) {
    let body = dom.body;
    for font in dom.elements_by_tag(body, &["font"]) {
        dom.set_tag(font, "span");
    }
    for br in dom.elements_by_tag(body, &["br"]) {
        replace_br_chain(dom, br);
    }
}

/// The next sibling from `node` on (itself included) that is an element or
/// holds non-whitespace text.
fn skip_blank_text(dom: &Dom<'_>, mut node: Id) -> Id {
    while node != NIL && dom.is_text(node) && dom.text(node).chars().all(is_js_space) {
        node = dom.next_sibling(node);
    }
    node
}

/// `text<br><br>more` → `text<p>more</p>`: the first `<br>` of a chain of
/// two or more becomes a paragraph holding the inline content after it.
fn replace_br_chain(dom: &mut Dom<'_>, br: Id) {
    if dom.parent(br) == NIL {
        return;
    }
    let mut replaced = false;
    let mut next = skip_blank_text(dom, dom.next_sibling(br));
    while next != NIL && dom.tag(next) == "br" {
        replaced = true;
        let after = dom.next_sibling(next);
        dom.remove(next);
        next = skip_blank_text(dom, after);
    }
    if !replaced {
        return;
    }
    let p = dom.create("p");
    dom.replace(br, p);
    let mut next = dom.next_sibling(p);
    while next != NIL {
        if dom.tag(next) == "br" {
            let following = skip_blank_text(dom, dom.next_sibling(next));
            if following != NIL && dom.tag(following) == "br" {
                break;
            }
        }
        if !is_phrasing(dom, next) {
            break;
        }
        let after = dom.next_sibling(next);
        dom.append(p, next);
        next = after;
    }
    trim_trailing_whitespace(dom, p);
    let parent = dom.parent(p);
    if dom.tag(parent) == "p" {
        dom.set_tag(parent, "div");
    }
}

/// The tidy-up walk: removes what cannot be article, wraps loose inline
/// content of `<div>`s into paragraphs, and lists the elements to score.
fn tidy(
    dom: &mut Dom<'_>,
    ctx: &Context<'_>,
    flags: Flags,
    byline: &mut Option<String>,
    original: &Original,
    measures: &Measures,
) -> Vec<Id> {
    let mut to_score = Vec::new();
    let mut title_header_pending = true;
    let mut byline_removed = false;
    let mut node = dom.root;
    while node != NIL {
        let tag = dom.tag(node);
        let node_hints = dom.hints(node);

        if dom.hidden(node) {
            node = remove_and_next(dom, node);
            continue;
        }

        // The first byline is page furniture in every attempt.
        if !byline_removed && is_byline(dom, node, measures) {
            byline_removed = true;
            if byline.is_none() {
                *byline = Some(byline_text(dom, node));
            }
            node = remove_and_next(dom, node);
            continue;
        }

        if title_header_pending && heading_repeats_title(dom, node, ctx.title) {
            title_header_pending = false;
            node = remove_and_next(dom, node);
            continue;
        }

        if flags.strip_unlikely {
            let unlikely = node_hints.unlikely
                && !dom.has_ancestor_tag(node, "table", 4, |_| true)
                && !dom.has_ancestor_tag(node, "code", 4, |_| true)
                && tag != "body"
                && tag != "a";
            if unlikely || hints::is_unlikely_role(dom.role(node)) {
                node = remove_and_next(dom, node);
                continue;
            }
        }

        if matches!(
            tag,
            "div" | "section" | "header" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6"
        ) && measures.len(node) == 0
        {
            let children = dom.element_child_count(node) as u32;
            if children == 0 || children == original.br_hr_descendants(node) {
                node = remove_and_next(dom, node);
                continue;
            }
        }

        if TAGS_TO_SCORE.contains(&tag) {
            to_score.push(node);
        }

        if tag == "div" {
            wrap_phrasing_runs(dom, node);
            let single_p = has_single_child_tag(dom, node, "p");
            if single_p != NIL && measures.link_density(node) < 0.25 {
                if dom.src(single_p).is_none() {
                    // The <p> was made above from the div's own inline
                    // content: the div becomes it, keeping its class and id
                    // (an author box's "bio" must still be seen).
                    while dom.first_child(single_p) != NIL {
                        let child = dom.first_child(single_p);
                        dom.append(node, child);
                    }
                    dom.remove(single_p);
                    dom.set_tag(node, "p");
                } else {
                    // A <div> around one <p> is that paragraph.
                    dom.replace(node, single_p);
                    node = single_p;
                }
                to_score.push(node);
            } else if !dom
                .children(node)
                .any(|c| DIV_TO_P_TAGS.contains(&dom.tag(c)) || original.has_block_descendant(c))
            {
                // A <div> of inline content only is a paragraph.
                dom.set_tag(node, "p");
                to_score.push(node);
            }
        }
        node = dom.next_element(node, false);
    }
    to_score
}

fn remove_and_next(dom: &mut Dom<'_>, node: Id) -> Id {
    let next = dom.next_element(node, true);
    dom.remove(node);
    next
}

fn is_byline(dom: &Dom<'_>, node: Id, measures: &Measures) -> bool {
    let marked = dom.rel(node) == "author"
        || dom.itemprop(node).contains("author")
        || dom.hints(node).byline;
    if !marked {
        return false;
    }
    let len = measures.sum(node).trimmed_raw_len();
    len > 0 && len < 100
}

/// The byline's text, from its `itemprop="name"` part when it has one.
fn byline_text(dom: &Dom<'_>, node: Id) -> String {
    let name = dom
        .descendants_or_self(node)
        .skip(1)
        .find(|&d| dom.is_element(d) && dom.itemprop(d).contains("name"))
        .unwrap_or(node);
    dom.text_content(name).trim().to_string()
}

fn heading_repeats_title(dom: &Dom<'_>, node: Id, title: &str) -> bool {
    if !matches!(dom.tag(node), "h1" | "h2") || title.is_empty() {
        return false;
    }
    let heading = dom.text_content(node);
    super::title::similarity(title, heading.trim()) > 0.75
}

/// Readability's phrasing content: text, inline elements, and links,
/// `<del>` and `<ins>` that hold only phrasing content.
pub fn is_phrasing(dom: &Dom<'_>, node: Id) -> bool {
    let mut stack = vec![node];
    while let Some(n) = stack.pop() {
        if dom.is_text(n) || PHRASING_TAGS.contains(&dom.tag(n)) {
            continue;
        }
        if matches!(dom.tag(n), "a" | "del" | "ins") {
            stack.extend(dom.children(n));
            continue;
        }
        return false;
    }
    true
}

/// Whitespace text or a `<br>`.
pub fn is_whitespace(dom: &Dom<'_>, node: Id) -> bool {
    if dom.is_text(node) {
        dom.text(node).trim().is_empty()
    } else {
        dom.tag(node) == "br"
    }
}

/// Wraps each run of phrasing children of `div` into a new `<p>`.
fn wrap_phrasing_runs(dom: &mut Dom<'_>, div: Id) {
    let mut p = NIL;
    let mut child = dom.first_child(div);
    while child != NIL {
        let next = dom.next_sibling(child);
        if is_phrasing(dom, child) {
            if p != NIL {
                dom.append(p, child);
            } else if !is_whitespace(dom, child) {
                p = dom.create("p");
                dom.replace(child, p);
                dom.append(p, child);
            }
        } else if p != NIL {
            trim_trailing_whitespace(dom, p);
            p = NIL;
        }
        child = next;
    }
}

pub fn trim_trailing_whitespace(dom: &mut Dom<'_>, p: Id) {
    loop {
        let last = dom.last_child(p);
        if last == NIL || !is_whitespace(dom, last) {
            break;
        }
        dom.remove(last);
    }
}

/// The only element child of `node` when it is a `tag` and no text child
/// ends in a non-space character; `NIL` otherwise.
pub fn has_single_child_tag(dom: &Dom<'_>, node: Id, tag: &str) -> Id {
    let mut only = NIL;
    for c in dom.children(node) {
        if dom.is_text(c) {
            if dom
                .text(c)
                .chars()
                .last()
                .is_some_and(|ch| !is_js_space(ch))
            {
                return NIL;
            }
            continue;
        }
        if only != NIL || dom.tag(c) != tag {
            return NIL;
        }
        only = c;
    }
    only
}

/// An element's starting score: its tag's prior plus its class hints.
fn initial_score(dom: &Dom<'_>, id: Id, flags: Flags) -> f64 {
    let prior = match dom.tag(id) {
        "div" => 5.0,
        "pre" | "td" | "blockquote" => 3.0,
        "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
        _ => 0.0,
    };
    prior + f64::from(class_weight(dom, id, flags))
}

pub fn class_weight(dom: &Dom<'_>, id: Id, flags: Flags) -> i32 {
    if !flags.weight_classes {
        return 0;
    }
    i32::from(dom.hints(id).weight)
}

/// Scores each paragraph and credits its ancestors; returns the
/// candidates (every credited ancestor) in the order they were first met.
fn score_paragraphs(
    dom: &Dom<'_>,
    to_score: &[Id],
    flags: Flags,
    measures: &Measures,
    scores: &mut Scores,
) -> Vec<Id> {
    let mut candidates = Vec::new();
    for &el in to_score {
        if dom.parent(el) == NIL {
            continue;
        }
        let len = measures.len(el);
        if len < 25 {
            continue;
        }
        let score = 1.0 + f64::from(measures.commas(el) + 1) + f64::from((len / 100).min(3));
        for (level, ancestor) in dom.ancestors(el).take(5).enumerate() {
            // The root's parent is the document: not an element to credit.
            if dom.parent(ancestor) == NIL {
                continue;
            }
            let current = match scores.get(ancestor) {
                Some(s) => s,
                None => {
                    candidates.push(ancestor);
                    initial_score(dom, ancestor, flags)
                }
            };
            let divider = match level {
                0 => 1.0,
                1 => 2.0,
                l => l as f64 * 3.0,
            };
            scores.set(ancestor, current + score / divider);
        }
    }
    candidates
}

/// How many runners-up are compared with the best candidate.
const TOP_CANDIDATES: usize = 5;

/// Picks the article's root element among the candidates.
fn choose_top(
    dom: &mut Dom<'_>,
    candidates: &[Id],
    flags: Flags,
    measures: &Measures,
    scores: &mut Scores,
) -> Id {
    let mut top: Vec<Id> = Vec::with_capacity(TOP_CANDIDATES + 1);
    for &c in candidates {
        let score = scores.get(c).unwrap_or(0.0) * (1.0 - f64::from(measures.link_density(c)));
        scores.set(c, score);
        if let Some(at) = (0..TOP_CANDIDATES).find(|&t| {
            top.get(t)
                .is_none_or(|&o| score > scores.get(o).unwrap_or(0.0))
        }) {
            top.insert(at, c);
            top.truncate(TOP_CANDIDATES);
        }
    }

    let Some(&best) = top.first().filter(|&&b| dom.tag(b) != "body") else {
        // No candidate, or the whole body: take all of the body.
        let all = dom.create("div");
        while dom.first_child(dom.body) != NIL {
            let c = dom.first_child(dom.body);
            dom.append(all, c);
        }
        dom.append(dom.body, all);
        scores.set(all, initial_score(dom, all, flags));
        return all;
    };
    let mut best = best;
    let best_score = scores.get(best).unwrap_or(0.0);

    // Three or more close runners-up under one ancestor: take the ancestor.
    let close: Vec<Vec<Id>> = top[1..]
        .iter()
        .filter(|&&c| best_score > 0.0 && scores.get(c).unwrap_or(0.0) / best_score >= 0.75)
        .map(|&c| dom.ancestors(c).collect())
        .collect();
    const MIN_CLOSE: usize = 3;
    if close.len() >= MIN_CLOSE {
        let mut parent = dom.parent(best);
        while parent != NIL && dom.tag(parent) != "body" {
            let holding = close.iter().filter(|a| a.contains(&parent)).count();
            if holding >= MIN_CLOSE {
                best = parent;
                break;
            }
            parent = dom.parent(parent);
        }
    }
    if scores.get(best).is_none() {
        scores.set(best, initial_score(dom, best, flags));
    }

    // A parent scoring higher than the child means content elsewhere in it.
    let mut parent = dom.parent(best);
    let mut last = scores.get(best).unwrap_or(0.0);
    let threshold = last / 3.0;
    while parent != NIL && dom.tag(parent) != "body" {
        let Some(parent_score) = scores.get(parent) else {
            parent = dom.parent(parent);
            continue;
        };
        if parent_score < threshold {
            break;
        }
        if parent_score > last {
            best = parent;
            break;
        }
        last = parent_score;
        parent = dom.parent(parent);
    }

    // An only child stands for its parent, so siblings can be gathered.
    let mut parent = dom.parent(best);
    while parent != NIL && dom.tag(parent) != "body" && dom.element_child_count(parent) == 1 {
        best = parent;
        parent = dom.parent(best);
    }
    if scores.get(best).is_none() {
        scores.set(best, initial_score(dom, best, flags));
    }
    best
}

/// Moves `top` and the siblings that belong with it into a new detached
/// container, in document order, and returns the container.
fn gather_siblings(dom: &mut Dom<'_>, top: Id, measures: &Measures, scores: &Scores) -> Id {
    let article = dom.create("div");
    let parent = dom.parent(top);
    if parent == NIL {
        dom.append(article, top);
        return article;
    }
    let top_score = scores.get(top).unwrap_or(0.0);
    let threshold = (top_score * 0.2).max(10.0);
    let top_class = dom.class(top);
    let siblings: Vec<Id> = dom.element_children(parent).collect();
    for sibling in siblings {
        // A comment beside the article ("commentbody", which the word
        // "body" rescues from the unlikely words) is never part of it.
        let keep = sibling == top
            || !super::comments::is_comment_element(dom, sibling) && {
                let bonus = if !top_class.is_empty() && dom.class(sibling) == top_class {
                    top_score * 0.2
                } else {
                    0.0
                };
                match scores.get(sibling) {
                    Some(s) if s + bonus >= threshold => true,
                    _ => dom.tag(sibling) == "p" && reads_like_prose(dom, sibling, measures),
                }
            };
        if !keep {
            continue;
        }
        if !matches!(
            dom.tag(sibling),
            "div" | "article" | "section" | "p" | "ol" | "ul"
        ) {
            // Keep unusual containers (a <td>, a <form>) from being cleaned as such.
            dom.set_tag(sibling, "div");
        }
        dom.append(article, sibling);
    }
    article
}

/// A paragraph worth keeping beside the article: long with few links, or
/// short, link-free and ending a sentence.
fn reads_like_prose(dom: &Dom<'_>, p: Id, measures: &Measures) -> bool {
    let len = measures.len(p);
    let link_density = measures.link_density(p);
    if len > 80 {
        return link_density < 0.25;
    }
    if len == 80 || len == 0 || link_density > 0.0 {
        return false;
    }
    let text = dom.text_content(p);
    let text = super::normalize_spaces(text.trim());
    text.match_indices('.')
        .any(|(i, _)| matches!(text.as_bytes().get(i + 1), None | Some(b' ')))
}
