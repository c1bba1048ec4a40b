//! A small mutable DOM built from a snapshot, for the content-detection
//! passes that restructure a page (wrapping stray text in paragraphs,
//! removing nodes, renaming tags, gathering siblings) without touching the
//! snapshot. Text nodes are never split or edited, so every text node here
//! is a snapshot text node and rendered text maps back to the page exactly.
//!
//! Nodes live in an arena and are linked like a DOM (parent, first/last
//! child, previous/next sibling), so every edit is O(1) and every walk is a
//! loop over links: nothing recurses.

use super::hints::{Hints, NodeHints};
use crate::snapshot::{Tree, MAX_DEPTH};

pub type Id = u32;
pub const NIL: Id = u32::MAX;

/// Tag of the synthetic root above `<body>`, as `<html>` is in a document.
const ROOT_TAG: &str = "html";

#[derive(Debug, Clone)]
struct DomNode<'a> {
    /// Lower-case tag; empty for a text node.
    tag: &'a str,
    /// The snapshot node this came from, or `NIL` for an element created here.
    src: u32,
    parent: Id,
    first: Id,
    last: Id,
    prev: Id,
    next: Id,
}

pub struct Dom<'a> {
    pub tree: &'a Tree<'a>,
    hints: &'a Hints,
    nodes: Vec<DomNode<'a>>,
    /// The synthetic `<html>` above the snapshot root.
    pub root: Id,
    /// The snapshot root (normally `<body>`).
    pub body: Id,
    /// Snapshot index → id of its node, or of the ancestor that took the
    /// children of an element unwrapped by the depth cap.
    id_of: Vec<Id>,
    /// Text nodes whose data is read only up to a byte length (a credit cut
    /// off a caption's end). Few per page, so a list.
    cuts: Vec<(Id, usize)>,
}

impl<'a> Dom<'a> {
    /// Builds the DOM of a validated snapshot. Elements deeper than
    /// [`MAX_DEPTH`] are unwrapped, as the snapshot rules require, in case
    /// the snapshot came from a builder that did not apply the cap.
    pub fn new(tree: &'a Tree<'a>, hints: &'a Hints) -> Self {
        let n = tree.len();
        let mut dom = Dom {
            tree,
            hints,
            nodes: Vec::with_capacity(n + 1 + n / 8),
            root: 0,
            body: NIL,
            id_of: Vec::new(),
            cuts: Vec::new(),
        };
        dom.root = dom.push(ROOT_TAG, NIL);
        // Snapshot index → DOM id of the node, or of the kept ancestor that
        // took its children when it was unwrapped.
        let mut id_of = vec![NIL; n];
        for i in 0..n {
            let node = tree.node(i);
            let parent = node.parent.map_or(dom.root, |p| id_of[p as usize]);
            if node.is_text() {
                let id = dom.push("", i as u32);
                dom.append(parent, id);
                id_of[i] = id;
                continue;
            }
            if tree.depth[i] > MAX_DEPTH {
                id_of[i] = parent;
                continue;
            }
            let id = dom.push(node.tag.as_str(), i as u32);
            dom.append(parent, id);
            id_of[i] = id;
        }
        dom.body = dom.nodes[dom.root as usize].first;
        dom.id_of = id_of;
        dom
    }

    /// The id of snapshot node `src` (see [`Dom::new`] for unwrapped ones).
    pub fn id_of(&self, src: usize) -> Id {
        self.id_of.get(src).copied().unwrap_or(NIL)
    }

    fn push(&mut self, tag: &'a str, src: u32) -> Id {
        self.nodes.push(DomNode {
            tag,
            src,
            parent: NIL,
            first: NIL,
            last: NIL,
            prev: NIL,
            next: NIL,
        });
        (self.nodes.len() - 1) as Id
    }

    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }

    /// A new, detached element.
    pub fn create(&mut self, tag: &'static str) -> Id {
        self.push(tag, NIL)
    }

    // --- reading -----------------------------------------------------------

    pub fn tag(&self, id: Id) -> &'a str {
        self.nodes[id as usize].tag
    }

    pub fn is_text(&self, id: Id) -> bool {
        self.nodes[id as usize].tag.is_empty()
    }

    pub fn is_element(&self, id: Id) -> bool {
        !self.is_text(id)
    }

    /// The snapshot index behind `id`, if it is not a created element.
    pub fn src(&self, id: Id) -> Option<usize> {
        let s = self.nodes[id as usize].src;
        (s != NIL).then_some(s as usize)
    }

    /// The snapshot index of `id` or of its nearest ancestor from the snapshot.
    pub fn src_or_ancestor(&self, id: Id) -> Option<usize> {
        self.ancestors_or_self(id).find_map(|a| self.src(a))
    }

    /// The data of a text node ("" for elements), up to its cut if it has one.
    pub fn text(&self, id: Id) -> &'a str {
        let data = match self.src(id) {
            Some(s) => self.tree.node(s).text.as_deref().unwrap_or(""),
            None => "",
        };
        match self.cuts.iter().find(|&&(c, _)| c == id) {
            Some(&(_, len)) => data.get(..len).unwrap_or(data),
            None => data,
        }
    }

    /// Reads text node `id` only up to byte `len` from now on (the rest is
    /// not part of the article). The start is kept, so offsets into the
    /// node's data stay exact.
    pub fn cut_text(&mut self, id: Id, len: usize) {
        if self.is_text(id) {
            self.cuts.retain(|&(c, _)| c != id);
            self.cuts.push((id, len));
        }
    }

    fn attr(&self, id: Id, get: impl Fn(&'a crate::snapshot::Node) -> Option<&'a str>) -> &'a str {
        self.src(id)
            .and_then(|s| get(self.tree.node(s)))
            .unwrap_or("")
    }

    pub fn class(&self, id: Id) -> &'a str {
        self.attr(id, |n| n.class.as_deref())
    }

    pub fn id_attr(&self, id: Id) -> &'a str {
        self.attr(id, |n| n.id.as_deref())
    }

    pub fn role(&self, id: Id) -> &'a str {
        self.attr(id, |n| n.role.as_deref())
    }

    pub fn href(&self, id: Id) -> Option<&'a str> {
        self.src(id).and_then(|s| self.tree.node(s).href.as_deref())
    }

    pub fn rel(&self, id: Id) -> &'a str {
        self.attr(id, |n| n.rel.as_deref())
    }

    pub fn itemprop(&self, id: Id) -> &'a str {
        self.attr(id, |n| n.itemprop.as_deref())
    }

    /// What the element's class and id say (nothing for created elements).
    pub fn hints(&self, id: Id) -> NodeHints {
        self.src(id)
            .map_or_else(NodeHints::default, |s| self.hints.get(s))
    }

    pub fn hidden(&self, id: Id) -> bool {
        self.src(id).is_some_and(|s| self.tree.node(s).hidden)
    }

    pub fn parent(&self, id: Id) -> Id {
        self.nodes[id as usize].parent
    }

    pub fn first_child(&self, id: Id) -> Id {
        self.nodes[id as usize].first
    }

    pub fn last_child(&self, id: Id) -> Id {
        self.nodes[id as usize].last
    }

    pub fn next_sibling(&self, id: Id) -> Id {
        self.nodes[id as usize].next
    }

    pub fn prev_sibling(&self, id: Id) -> Id {
        self.nodes[id as usize].prev
    }

    pub fn children(&self, id: Id) -> Siblings<'_, 'a> {
        Siblings {
            dom: self,
            next: self.first_child(id),
        }
    }

    pub fn element_children(&self, id: Id) -> impl Iterator<Item = Id> + '_ {
        self.children(id).filter(|&c| self.is_element(c))
    }

    pub fn first_element_child(&self, id: Id) -> Id {
        self.element_children(id).next().unwrap_or(NIL)
    }

    pub fn next_element_sibling(&self, id: Id) -> Id {
        let mut s = self.next_sibling(id);
        while s != NIL && self.is_text(s) {
            s = self.next_sibling(s);
        }
        s
    }

    pub fn element_child_count(&self, id: Id) -> usize {
        self.element_children(id).count()
    }

    /// `id`, its parent, and so on up to the synthetic root.
    pub fn ancestors_or_self(&self, id: Id) -> impl Iterator<Item = Id> + '_ {
        std::iter::successors((id != NIL).then_some(id), move |&a| {
            let p = self.parent(a);
            (p != NIL).then_some(p)
        })
    }

    pub fn ancestors(&self, id: Id) -> impl Iterator<Item = Id> + '_ {
        self.ancestors_or_self(id).skip(1)
    }

    /// True when `id` hangs (through its ancestors) from the root.
    pub fn is_attached(&self, id: Id) -> bool {
        self.ancestors_or_self(id).last() == Some(self.root)
    }

    /// The subtree of `id` in document order, `id` first (elements and text).
    pub fn descendants_or_self(&self, id: Id) -> Descendants<'_, 'a> {
        Descendants {
            dom: self,
            top: id,
            next: id,
        }
    }

    /// The next node after `id` in document order that is not inside it.
    pub fn next_after_subtree(&self, id: Id, top: Id) -> Id {
        let mut a = id;
        while a != top && a != NIL {
            let s = self.next_sibling(a);
            if s != NIL {
                return s;
            }
            a = self.parent(a);
        }
        NIL
    }

    /// Readability's element walk: the next element in document order,
    /// skipping `id`'s own subtree when `skip_children` is set.
    pub fn next_element(&self, id: Id, skip_children: bool) -> Id {
        if !skip_children {
            let c = self.first_element_child(id);
            if c != NIL {
                return c;
            }
        }
        let mut a = id;
        while a != NIL {
            let s = self.next_element_sibling(a);
            if s != NIL {
                return s;
            }
            a = self.parent(a);
        }
        NIL
    }

    /// Elements with one of `tags` strictly inside `id`, in document order.
    pub fn elements_by_tag(&self, id: Id, tags: &[&str]) -> Vec<Id> {
        self.descendants_or_self(id)
            .skip(1)
            .filter(|&d| self.is_element(d) && tags.contains(&self.tag(d)))
            .collect()
    }

    pub fn count_by_tag(&self, id: Id, tags: &[&str]) -> usize {
        self.descendants_or_self(id)
            .skip(1)
            .filter(|&d| self.is_element(d) && tags.contains(&self.tag(d)))
            .count()
    }

    /// True when one of the `max_levels` nearest ancestors (all when 0) is a
    /// `tag` for which `accept` holds.
    pub fn has_ancestor_tag(
        &self,
        id: Id,
        tag: &str,
        max_levels: usize,
        accept: impl Fn(Id) -> bool,
    ) -> bool {
        self.ancestors(id)
            .take(if max_levels == 0 {
                usize::MAX
            } else {
                max_levels
            })
            .any(|a| self.tag(a) == tag && accept(a))
    }

    /// All text under `id`, concatenated verbatim (the DOM's `textContent`).
    pub fn text_content(&self, id: Id) -> String {
        let mut s = String::new();
        for d in self.descendants_or_self(id) {
            if self.is_text(d) {
                s.push_str(self.text(d));
            }
        }
        s
    }

    // --- editing -----------------------------------------------------------

    /// Detaches `id` (with its subtree) from its parent.
    pub fn remove(&mut self, id: Id) {
        let DomNode {
            parent, prev, next, ..
        } = self.nodes[id as usize];
        if parent == NIL {
            return;
        }
        if prev != NIL {
            self.nodes[prev as usize].next = next;
        } else {
            self.nodes[parent as usize].first = next;
        }
        if next != NIL {
            self.nodes[next as usize].prev = prev;
        } else {
            self.nodes[parent as usize].last = prev;
        }
        let n = &mut self.nodes[id as usize];
        n.parent = NIL;
        n.prev = NIL;
        n.next = NIL;
    }

    /// Makes `child` the last child of `parent`, moving it from wherever it was.
    pub fn append(&mut self, parent: Id, child: Id) {
        self.remove(child);
        let last = self.nodes[parent as usize].last;
        {
            let c = &mut self.nodes[child as usize];
            c.parent = parent;
            c.prev = last;
        }
        if last != NIL {
            self.nodes[last as usize].next = child;
        } else {
            self.nodes[parent as usize].first = child;
        }
        self.nodes[parent as usize].last = child;
    }

    /// Puts `new` where `old` is and detaches `old`.
    pub fn replace(&mut self, old: Id, new: Id) {
        if old == new {
            return;
        }
        self.remove(new);
        let DomNode {
            parent, prev, next, ..
        } = self.nodes[old as usize];
        if parent == NIL {
            return;
        }
        {
            let n = &mut self.nodes[new as usize];
            n.parent = parent;
            n.prev = prev;
            n.next = next;
        }
        if prev != NIL {
            self.nodes[prev as usize].next = new;
        } else {
            self.nodes[parent as usize].first = new;
        }
        if next != NIL {
            self.nodes[next as usize].prev = new;
        } else {
            self.nodes[parent as usize].last = new;
        }
        let o = &mut self.nodes[old as usize];
        o.parent = NIL;
        o.prev = NIL;
        o.next = NIL;
    }

    /// Renames an element in place; it keeps its attributes and children.
    pub fn set_tag(&mut self, id: Id, tag: &'static str) {
        if self.is_element(id) {
            self.nodes[id as usize].tag = tag;
        }
    }
}

pub struct Siblings<'d, 'a> {
    dom: &'d Dom<'a>,
    next: Id,
}

impl Iterator for Siblings<'_, '_> {
    type Item = Id;
    fn next(&mut self) -> Option<Id> {
        if self.next == NIL {
            return None;
        }
        let id = self.next;
        self.next = self.dom.next_sibling(id);
        Some(id)
    }
}

/// Pre-order over a subtree by links, no stack.
pub struct Descendants<'d, 'a> {
    dom: &'d Dom<'a>,
    top: Id,
    next: Id,
}

impl Iterator for Descendants<'_, '_> {
    type Item = Id;
    fn next(&mut self) -> Option<Id> {
        if self.next == NIL {
            return None;
        }
        let id = self.next;
        let child = self.dom.first_child(id);
        self.next = if child != NIL {
            child
        } else {
            self.dom.next_after_subtree(id, self.top)
        };
        Some(id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::snapshot::{Node, Snapshot};

    fn page() -> Snapshot {
        Snapshot {
            nodes: vec![
                Node::element(None, "body"),
                Node::element(Some(0), "div"),
                Node::text_node(1, "a"),
                Node::element(Some(1), "p"),
                Node::text_node(3, "b"),
                Node::element(Some(0), "p"),
                Node::text_node(5, "c"),
            ],
            ..Snapshot::default()
        }
    }

    #[test]
    fn mirrors_the_snapshot_under_a_synthetic_root() {
        let s = page();
        let t = s.tree().unwrap();
        let h = Hints::new(&t);
        let dom = Dom::new(&t, &h);
        assert_eq!(dom.tag(dom.root), "html");
        assert_eq!(dom.tag(dom.body), "body");
        let tags: Vec<&str> = dom
            .descendants_or_self(dom.root)
            .map(|d| {
                if dom.is_text(d) {
                    dom.text(d)
                } else {
                    dom.tag(d)
                }
            })
            .collect();
        assert_eq!(tags, vec!["html", "body", "div", "a", "p", "b", "p", "c"]);
        assert_eq!(dom.text_content(dom.body), "abc");
    }

    #[test]
    fn edits_keep_links_consistent() {
        let s = page();
        let t = s.tree().unwrap();
        let h = Hints::new(&t);
        let mut dom = Dom::new(&t, &h);
        let div = dom.first_element_child(dom.body);
        let wrapper = dom.create("p");
        let a = dom.first_child(div);
        dom.replace(a, wrapper);
        dom.append(wrapper, a);
        assert_eq!(dom.text_content(div), "ab");
        assert_eq!(dom.first_child(div), wrapper);
        let last_p = dom.last_child(dom.body);
        dom.remove(last_p);
        assert_eq!(dom.text_content(dom.body), "ab");
        assert!(!dom.is_attached(last_p));
        dom.append(div, last_p);
        assert_eq!(dom.text_content(dom.body), "abc");
        let before = dom.prev_sibling(last_p);
        assert_eq!(
            (dom.tag(before), dom.text_content(before).as_str()),
            ("p", "b")
        );
        assert_eq!(dom.next_element(dom.root, false), dom.body);
        assert_eq!(dom.next_element(div, true), NIL);
    }

    #[test]
    fn over_deep_snapshot_elements_are_unwrapped() {
        let mut nodes = vec![Node::element(None, "body")];
        for i in 0..(MAX_DEPTH + 10) {
            nodes.push(Node::element(Some(i), "div"));
        }
        let last = nodes.len() as u32 - 1;
        nodes.push(Node::text_node(last, "deep"));
        let s = Snapshot {
            nodes,
            ..Snapshot::default()
        };
        let t = s.tree().unwrap();
        let h = Hints::new(&t);
        let dom = Dom::new(&t, &h);
        let text = dom
            .descendants_or_self(dom.root)
            .find(|&d| dom.is_text(d))
            .unwrap();
        // html + body + MAX_DEPTH divs above the text.
        assert_eq!(dom.ancestors(text).count(), MAX_DEPTH as usize + 2);
    }
}
