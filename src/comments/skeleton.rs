//! Template skeletons: the structure that survives when a template's wording
//! is reshuffled. Each sentence is reduced to its anchors (pronouns, modals,
//! clause connectives; see the lexicon), each marked with whether words and a
//! comma came between it and the previous anchor. "His business background
//! could provide a fresh perspective, but he'll have to prove…" and "His
//! experience could help bridge divides, but he'll need to navigate…" both
//! become `his … could …, but he'll …`.
//!
//! A frame is a run of at least [`MIN_ANCHORS`] anchors that recurs in
//! several comments and contains a modal or a connective: pronouns and commas
//! alone ("I …, I …") are ordinary English.

use super::hashing::{hash_bytes, mix};
use super::lexicon::is_shaping_anchor;
use super::order::{self, descending, field};
use super::sequences::{mine, Limits, Unit};
use super::tokens::Word;
use crate::spans::ByteSpan;

pub const MIN_ANCHORS: usize = 4;
pub const MAX_ANCHORS: usize = 8;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Occurrence {
    pub doc: u32,
    /// From the first anchor's start to the last anchor's end.
    pub span: ByteSpan,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Frame {
    /// Readable form of the first occurrence: "His … could …, but he’ll".
    pub pattern: String,
    /// Distinct comments, and distinct commenters, using it.
    pub docs: u32,
    pub owners: u32,
    pub occurrences: Vec<Occurrence>,
}

/// A comment's anchors, and the index in its words of each.
struct Skeleton {
    units: Vec<Unit>,
    word_of: Vec<usize>,
    /// Per unit: words came between it and the previous anchor.
    gap: Vec<bool>,
    comma: Vec<bool>,
}

fn skeleton(words: &[Word]) -> Skeleton {
    let mut s = Skeleton {
        units: Vec::new(),
        word_of: Vec::new(),
        gap: Vec::new(),
        comma: Vec::new(),
    };
    let (mut gap, mut comma, mut brk) = (false, false, true);
    for (i, w) in words.iter().enumerate() {
        if w.break_before {
            brk = true;
            gap = false;
            comma = false;
        }
        comma |= w.comma_before;
        let Some(anchor) = w.anchor else {
            gap = true;
            continue;
        };
        // The first anchor of a sentence carries no link to a previous one.
        let (g, c) = if brk { (false, false) } else { (gap, comma) };
        let key = mix(hash_bytes(anchor.as_bytes()) ^ (u64::from(g) << 1 | u64::from(c)));
        s.units.push(Unit {
            key,
            break_before: brk,
        });
        s.word_of.push(i);
        s.gap.push(g);
        s.comma.push(c);
        brk = false;
        gap = false;
        comma = false;
    }
    s
}

/// The frames shared by at least `min_docs` comments, most widespread first.
pub fn frames(texts: &[&str], words: &[Vec<Word>], owners: &[u32], min_docs: u32) -> Vec<Frame> {
    let mut skeletons: Vec<Skeleton> = words.iter().map(|w| skeleton(w)).collect();
    let units: Vec<Vec<Unit>> = skeletons
        .iter_mut()
        .map(|s| std::mem::take(&mut s.units))
        .collect();
    let patterns = mine(
        &units,
        owners,
        Limits {
            min_len: MIN_ANCHORS,
            max_len: MAX_ANCHORS,
            min_docs,
        },
    );
    let mut out = Vec::new();
    for p in patterns {
        let Some(first) = p.occurrences.first() else {
            continue;
        };
        let (Some(sk), Some(ws), Some(text)) = (
            skeletons.get(first.doc as usize),
            words.get(first.doc as usize),
            texts.get(first.doc as usize),
        ) else {
            continue;
        };
        let range = first.start as usize..(first.start + p.len) as usize;
        let shaped = range.clone().any(|u| {
            ws.get(sk.word_of[u])
                .and_then(|w| w.anchor)
                .is_some_and(is_shaping_anchor)
        });
        if !shaped {
            continue;
        }
        let pattern = readable(text, ws, sk, range);
        let occurrences: Vec<Occurrence> = p
            .occurrences
            .iter()
            .filter_map(|o| {
                let sk = skeletons.get(o.doc as usize)?;
                let ws = words.get(o.doc as usize)?;
                let first = ws.get(*sk.word_of.get(o.start as usize)?)?;
                let last = ws.get(*sk.word_of.get((o.start + p.len - 1) as usize)?)?;
                Some(Occurrence {
                    doc: o.doc,
                    span: ByteSpan::new(first.span.start, last.span.end),
                })
            })
            .collect();
        let mut occurrences = occurrences;
        order::by_key(&mut occurrences, |o| {
            u64::from(o.doc) << 32 | field(o.span.start as u64, 32)
        });
        let mut docs: Vec<u32> = occurrences.iter().map(|o| o.doc).collect();
        docs.dedup();
        out.push(Frame {
            pattern,
            docs: docs.len() as u32,
            owners: p.docs,
            occurrences,
        });
    }
    order::by_key(&mut out, |f| {
        let (doc, start) = f
            .occurrences
            .first()
            .map_or((0, 0), |o| (o.doc, o.span.start));
        descending(u64::from(f.docs), 16) << 48
            | field(u64::from(doc), 20) << 28
            | field(start as u64, 28)
    });
    out
}

fn readable(text: &str, words: &[Word], sk: &Skeleton, units: std::ops::Range<usize>) -> String {
    let mut out = String::new();
    for (k, u) in units.enumerate() {
        let Some(w) = sk.word_of.get(u).and_then(|&i| words.get(i)) else {
            continue;
        };
        if k > 0 {
            match (sk.gap[u], sk.comma[u]) {
                (true, true) => out.push_str(" …, "),
                (true, false) => out.push_str(" … "),
                (false, true) => out.push_str(", "),
                (false, false) => out.push(' '),
            }
        }
        out.push_str(text.get(w.span.start..w.span.end).unwrap_or(""));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::comments::tokens::words;

    #[test]
    fn reshuffled_wording_shares_a_frame() {
        let texts = [
            "His business background could provide a fresh perspective, but he’ll have to prove it.",
            "Honestly his experience could help bridge divides, but he’ll need to navigate carefully.",
            "His ties may help, but he’ll need patience.",
            "I think the plan is bad and the council knows it.",
        ];
        let ws: Vec<Vec<Word>> = texts.iter().map(|t| words(t, &[])).collect();
        let owners = [0, 1, 2, 3];
        let found = frames(&texts, &ws, &owners, 3);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].pattern, "His … could …, but he’ll");
        assert_eq!(found[0].docs, 3);
        let o = found[0].occurrences[1];
        assert_eq!(
            o.span.of(texts[1]),
            "his experience could help bridge divides, but he’ll"
        );
    }

    #[test]
    fn pronoun_only_frames_are_ordinary() {
        let texts = [
            "I know, I said it, I think",
            "I know, I said it, I think",
            "I know, I said it, I think",
        ];
        let ws: Vec<Vec<Word>> = texts.iter().map(|t| words(t, &[])).collect();
        assert!(frames(&texts, &ws, &[0, 1, 2], 3).is_empty());
    }
}
