//! The persons the text layer found, looked up by a word of their name: a
//! colon label ("Graham: …") speaks when the article names that person in
//! running text too, and a page of many labels and many persons must not
//! compare every label with every person.

use std::cell::OnceCell;

use crate::attribute::context::{after_label, Context};
use crate::segment::entities::{Entity, EntityKind};
use crate::spans::ByteSpan;

pub struct Persons<'p> {
    people: &'p [Entity],
    /// Built on the first label checked: most pages have none.
    index: OnceCell<Index>,
}

struct Index {
    /// (lower-case word of a person's name, that person), sorted: a sorted
    /// list, not a map, for the WASM's size.
    by_word: Vec<(String, usize)>,
    /// Per person (parallel to `people`), the mentions in running text: not
    /// opening a line and not themselves a label.
    running: Vec<Vec<ByteSpan>>,
}

impl<'p> Persons<'p> {
    pub fn new(people: &'p [Entity]) -> Self {
        Persons {
            people,
            index: OnceCell::new(),
        }
    }

    fn index(&self, cx: &Context) -> &Index {
        self.index.get_or_init(|| {
            let mut by_word = Vec::new();
            let mut running = Vec::with_capacity(self.people.len());
            for (i, e) in self.people.iter().enumerate() {
                if e.kind != EntityKind::Person {
                    running.push(Vec::new());
                    continue;
                }
                by_word.extend(e.name.split_whitespace().map(|w| (w.to_lowercase(), i)));
                running.push(
                    e.mentions
                        .iter()
                        .map(|m| m.span)
                        .filter(|m| {
                            let rest = cx.text.get(m.end..).unwrap_or("");
                            !after_label(cx.text, m.start)
                                && !rest.trim_start_matches([' ', '\t']).starts_with(':')
                        })
                        .collect(),
                );
            }
            // Through the core's one sort: a total order, so the same result as
            // `sort_unstable`, without a copy of the standard sort for this type.
            crate::sort::sort(&mut by_word);
            by_word.dedup();
            Index { by_word, running }
        })
    }

    /// Whether a person holds every word of `label` and is mentioned outside
    /// `src` in running text (the text layer takes "Loading Speed" for a
    /// person too, but never writes it in a sentence).
    pub fn named_elsewhere(&self, cx: &Context, label: &str, src: ByteSpan) -> bool {
        let words: Vec<String> = label.split_whitespace().map(str::to_lowercase).collect();
        let Some(first) = words.first() else {
            return false;
        };
        let index = self.index(cx);
        let from = index.by_word.partition_point(|(w, _)| w < first);
        let mut holders = index.by_word[from..]
            .iter()
            .take_while(|(w, _)| w == first)
            .map(|&(_, i)| i);
        holders.any(|i| {
            let Some(e) = self.people.get(i) else {
                return false;
            };
            let name: Vec<String> = e.name.split_whitespace().map(str::to_lowercase).collect();
            words.iter().all(|w| name.contains(w))
                && index
                    .running
                    .get(i)
                    .is_some_and(|ms| ms.iter().any(|m| !m.overlaps(src)))
        })
    }
}
