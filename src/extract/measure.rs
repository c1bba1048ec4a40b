//! Text measurements over the [`Dom`]: lengths of whitespace-normalised
//! text, comma counts and link text, per element.
//!
//! Lengths count UTF-16 code units of the text with leading and trailing
//! whitespace trimmed and every inner whitespace run counted as one, as
//! Readability.js measures `textContent.trim().replace(/\s{2,}/g, " ")`,
//! so its thresholds (25, 80, 100, 500 characters) keep their meaning.
//!
//! A [`TextSum`] summarises a string so that the summary of a concatenation
//! is computed from the parts' summaries; one bottom-up pass therefore
//! measures every element of a subtree.

use super::dom::{Dom, Id, NIL};

/// JavaScript's `\s`, which is also what `String.prototype.trim` strips.
pub fn is_js_space(c: char) -> bool {
    matches!(
        c,
        '\t' | '\n' | '\u{b}' | '\u{c}' | '\r' | ' ' | '\u{a0}' | '\u{1680}' | '\u{2000}'
            ..='\u{200a}'
                | '\u{2028}'
                | '\u{2029}'
                | '\u{202f}'
                | '\u{205f}'
                | '\u{3000}'
                | '\u{feff}'
    )
}

/// Commas as Latin, Arabic, Chinese and other scripts write them.
pub fn is_comma(c: char) -> bool {
    matches!(
        c,
        ',' | '\u{60c}'
            | '\u{fe50}'
            | '\u{fe10}'
            | '\u{fe11}'
            | '\u{2e41}'
            | '\u{2e34}'
            | '\u{2e32}'
            | '\u{ff0c}'
    )
}

fn count_commas(s: &str) -> u32 {
    let ascii = s.bytes().filter(|&b| b == b',').count();
    // The other commas are all outside ASCII.
    let other = if s.is_ascii() {
        0
    } else {
        s.chars().filter(|&c| c != ',' && is_comma(c)).count()
    };
    (ascii + other) as u32
}

/// A composable summary of a string's length.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TextSum {
    /// UTF-16 length.
    raw: u32,
    /// UTF-16 length with each whitespace run counted as one unit.
    collapsed: u32,
    /// UTF-16 length of the leading and trailing whitespace runs (the whole
    /// string when it is all whitespace).
    lead: u32,
    trail: u32,
}

impl TextSum {
    pub fn of(s: &str) -> TextSum {
        let mut sum = TextSum::default();
        let mut in_space = false;
        let mut seen_text = false;
        let bytes = s.as_bytes();
        let mut k = 0;
        while k < bytes.len() {
            // ASCII bytes are one unit each; decode only what is not ASCII.
            let (space, units, width) = if bytes[k] < 0x80 {
                (
                    matches!(bytes[k], b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r'),
                    1,
                    1,
                )
            } else {
                let c = s[k..].chars().next().unwrap_or(' ');
                (is_js_space(c), c.len_utf16() as u32, c.len_utf8())
            };
            k += width;
            sum.raw += units;
            if space {
                if !in_space {
                    sum.collapsed += 1;
                }
                in_space = true;
                sum.trail += units;
                if !seen_text {
                    sum.lead += units;
                }
            } else {
                sum.collapsed += units;
                in_space = false;
                seen_text = true;
                sum.trail = 0;
            }
        }
        sum
    }

    fn all_space(self) -> bool {
        self.lead == self.raw
    }

    /// The summary of `self` followed by `next`.
    pub fn then(self, next: TextSum) -> TextSum {
        if self.raw == 0 {
            return next;
        }
        if next.raw == 0 {
            return self;
        }
        // A trailing run and a leading run meet and become one run.
        let merged = u32::from(self.trail > 0 && next.lead > 0);
        TextSum {
            raw: self.raw + next.raw,
            collapsed: self.collapsed + next.collapsed - merged,
            lead: if self.all_space() {
                self.raw + next.lead
            } else {
                self.lead
            },
            trail: if next.all_space() {
                next.raw + self.trail
            } else {
                next.trail
            },
        }
    }

    /// Length trimmed, inner whitespace runs counted as one.
    pub fn len(self) -> u32 {
        if self.all_space() {
            return 0;
        }
        self.collapsed - u32::from(self.lead > 0) - u32::from(self.trail > 0)
    }

    pub fn is_empty(self) -> bool {
        self.len() == 0
    }

    /// Length trimmed but not collapsed.
    pub fn trimmed_raw_len(self) -> u32 {
        if self.all_space() {
            0
        } else {
            self.raw - self.lead - self.trail
        }
    }

    /// Length as is.
    pub fn raw_len(self) -> u32 {
        self.raw
    }
}

/// The summary and comma count of every text node of a snapshot, computed
/// once: text never changes, only the tree around it.
#[derive(Debug, Default)]
pub struct TextCache {
    sums: Vec<TextSum>,
    commas: Vec<u32>,
}

impl TextCache {
    pub fn new(tree: &crate::snapshot::Tree<'_>) -> Self {
        let n = tree.len();
        let mut cache = TextCache {
            sums: vec![TextSum::default(); n],
            commas: vec![0; n],
        };
        for i in 0..n {
            if let Some(data) = tree.node(i).text.as_deref() {
                cache.sums[i] = TextSum::of(data);
                cache.commas[i] = count_commas(data);
            }
        }
        cache
    }

    /// The summary of snapshot text node `src` (empty for anything else).
    pub fn sum(&self, src: usize) -> TextSum {
        self.sums.get(src).copied().unwrap_or_default()
    }

    fn get(&self, src: Option<usize>) -> (TextSum, u32) {
        src.and_then(|s| Some((*self.sums.get(s)?, *self.commas.get(s)?)))
            .unwrap_or_default()
    }
}

/// Per-node measurements, valid for the subtrees last passed to
/// [`Measures::update`] until the DOM under them changes.
#[derive(Debug)]
pub struct Measures<'c> {
    cache: &'c TextCache,
    text: Vec<TextSum>,
    commas: Vec<u32>,
    /// Text length of the links strictly inside each element, a link to a
    /// `#fragment` counting 0.3 (it is usually a footnote or a table of
    /// contents entry, not navigation away).
    links: Vec<f32>,
}

impl<'c> Measures<'c> {
    pub fn new(cache: &'c TextCache) -> Self {
        Measures {
            cache,
            text: Vec::new(),
            commas: Vec::new(),
            links: Vec::new(),
        }
    }

    /// Measures every node under (and including) `top`.
    pub fn update(&mut self, dom: &Dom<'_>, top: Id) {
        let n = dom.len();
        if self.text.len() < n {
            self.text.resize(n, TextSum::default());
            self.commas.resize(n, 0);
            self.links.resize(n, 0.0);
        }
        for d in dom.descendants_or_self(top) {
            let i = d as usize;
            if dom.is_text(d) {
                (self.text[i], self.commas[i]) = self.cache.get(dom.src(d));
            } else {
                self.text[i] = TextSum::default();
                self.commas[i] = 0;
            }
            self.links[i] = 0.0;
        }
        // Post-order by links: each node, once complete, folds into its parent.
        let mut cur = top;
        'down: loop {
            while dom.first_child(cur) != NIL {
                cur = dom.first_child(cur);
            }
            loop {
                if cur == top {
                    break 'down;
                }
                let parent = dom.parent(cur);
                let (c, p) = (cur as usize, parent as usize);
                self.text[p] = self.text[p].then(self.text[c]);
                self.commas[p] += self.commas[c];
                let own_link = if dom.tag(cur) == "a" {
                    let weight = if dom.href(cur).is_some_and(is_fragment_link) {
                        0.3
                    } else {
                        1.0
                    };
                    self.text[c].len() as f32 * weight
                } else {
                    0.0
                };
                self.links[p] += self.links[c] + own_link;
                let next = dom.next_sibling(cur);
                if next != NIL {
                    cur = next;
                    continue 'down;
                }
                cur = parent;
            }
        }
    }

    pub fn sum(&self, id: Id) -> TextSum {
        self.text.get(id as usize).copied().unwrap_or_default()
    }

    /// Trimmed, whitespace-collapsed text length.
    pub fn len(&self, id: Id) -> u32 {
        self.sum(id).len()
    }

    pub fn commas(&self, id: Id) -> u32 {
        self.commas.get(id as usize).copied().unwrap_or(0)
    }

    /// Share of the element's text inside links, 0 when it has no text.
    pub fn link_density(&self, id: Id) -> f32 {
        let len = self.len(id);
        if len == 0 {
            return 0.0;
        }
        self.links.get(id as usize).copied().unwrap_or(0.0) / len as f32
    }
}

/// `#something`: a link within the page.
fn is_fragment_link(href: &str) -> bool {
    href.len() > 1 && href.starts_with('#')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_sum_matches_trim_and_collapse() {
        let cases = [
            ("", 0, 0),
            ("   ", 0, 0),
            ("a", 1, 1),
            ("  a  b   c ", 5, 8),
            ("\u{a0}x\u{a0}", 1, 1),
            ("😀 é", 4, 4),
            ("a\n\n\tb", 3, 5),
        ];
        for (s, collapsed, trimmed) in cases {
            let sum = TextSum::of(s);
            assert_eq!(sum.len(), collapsed, "{s:?}");
            assert_eq!(sum.trimmed_raw_len(), trimmed, "{s:?}");
        }
    }

    #[test]
    fn text_sum_composes_like_concatenation() {
        let parts = ["", " ", "a ", " b", "  ", "c", "\n", "", "d e ", " "];
        for split in 0..parts.len() {
            for end in split..=parts.len() {
                let whole: String = parts[..end].concat();
                let folded = parts[..end]
                    .iter()
                    .fold(TextSum::default(), |acc, p| acc.then(TextSum::of(p)));
                let left: String = parts[..split].concat();
                let right: String = parts[split..end].concat();
                let joined = TextSum::of(&left).then(TextSum::of(&right));
                assert_eq!(folded, TextSum::of(&whole), "{whole:?}");
                assert_eq!(joined, TextSum::of(&whole), "{whole:?}");
            }
        }
    }
}
