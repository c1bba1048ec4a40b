//! The draw result, `claimlens/draw@1`: the part of an analysis the content
//! script needs to draw the highlights, in a flat form that crosses the WASM
//! boundary and the extension's messages as a few arrays of numbers and one
//! string, instead of one JS object per claim, quantity, note line and DOM
//! run. The rest of the analysis (notes, quotes, entities, comments) follows
//! later, as the [`crate::analysis`] contract itself.
//!
//! It is read from a finished [`Analysis`], so its offsets are the
//! contract's UTF-16 offsets (converted once, in `assemble`) and it can never
//! disagree with it.
//!
//! - `strings`: every string, concatenated; `lengths[i]` is the UTF-16 length
//!   of string `i` (what JS `slice` counts). Kind and sourcing names are
//!   interned (one entry each, at first use); each claim's id and text follow
//!   it in the table.
//! - `claims`: [`CLAIM_FIELDS`] numbers per claim, in text order: `start`,
//!   `end` (into `article.text`), flags ([`CHECKWORTHY`]), the sourcing kind's
//!   string, the claim's first entry in `kinds` and how many it has, its id's
//!   string and its text's string.
//! - `kinds`: string indices of kind names, each claim's in its own order
//!   (factual kinds first, as in [`Claim::kinds`]).
//! - `scores`: one check-worthiness score per claim.
//! - `runs`: [`Analysis::article`]`.dom` as four numbers per run: `start`,
//!   `end`, `node`, `offset`.
//!
//! `head` carries what the background decides on before anything is drawn
//! (the status and its notices) as a small object.

use serde::{Deserialize, Serialize};

use crate::analysis::{Analysis, Claim, ClaimKind, DomRun, Notice, SourcingKind, Status};
use crate::spans::utf16_len;

pub const DRAW_SCHEMA: &str = "claimlens/draw@1";

/// Numbers per claim in [`DrawResult::claims`].
pub const CLAIM_FIELDS: usize = 8;
/// Flag bit: the claim is check-worthy at the threshold the analysis used.
pub const CHECKWORTHY: u32 = 1;

/// What the background needs before drawing: whether there is anything to draw.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DrawHead {
    pub schema: String,
    pub status: Status,
    pub notice_items: Vec<Notice>,
    /// How many claims `claims` holds.
    pub claims: u32,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct DrawResult {
    pub strings: String,
    pub lengths: Vec<u32>,
    pub claims: Vec<u32>,
    pub kinds: Vec<u32>,
    pub scores: Vec<f32>,
    pub runs: Vec<u32>,
}

/// The strings of a draw result as they are added: interned names, appended texts.
#[derive(Default)]
struct StringTable {
    strings: String,
    lengths: Vec<u32>,
    names: Vec<(&'static str, u32)>,
}

impl StringTable {
    fn push(&mut self, s: &str) -> u32 {
        self.strings.push_str(s);
        self.lengths.push(utf16_len(s));
        (self.lengths.len() - 1) as u32
    }

    fn name(&mut self, name: &'static str) -> u32 {
        if let Some(&(_, index)) = self.names.iter().find(|(n, _)| *n == name) {
            return index;
        }
        let index = self.push(name);
        self.names.push((name, index));
        index
    }
}

impl DrawResult {
    pub fn of(analysis: &Analysis) -> DrawResult {
        let mut table = StringTable::default();
        let mut out = DrawResult {
            claims: Vec::with_capacity(analysis.claims.len() * CLAIM_FIELDS),
            scores: Vec::with_capacity(analysis.claims.len()),
            runs: Vec::with_capacity(analysis.article.dom.len() * 4),
            ..DrawResult::default()
        };
        for claim in &analysis.claims {
            let sourcing = table.name(sourcing_name(claim.sourcing.kind));
            let kinds_start = out.kinds.len() as u32;
            for kind in &claim.kinds {
                out.kinds.push(table.name(kind.as_str()));
            }
            let id = table.push(&claim.id);
            let text = table.push(&claim.text);
            let flags = if claim.checkworthy { CHECKWORTHY } else { 0 };
            out.claims.extend_from_slice(&[
                claim.start,
                claim.end,
                flags,
                sourcing,
                kinds_start,
                claim.kinds.len() as u32,
                id,
                text,
            ]);
            out.scores.push(claim.score);
        }
        for run in &analysis.article.dom {
            out.runs
                .extend_from_slice(&[run.start, run.end, run.node, run.offset]);
        }
        out.strings = table.strings;
        out.lengths = table.lengths;
        out
    }

    pub fn head(analysis: &Analysis) -> DrawHead {
        DrawHead {
            schema: DRAW_SCHEMA.to_string(),
            status: analysis.status,
            notice_items: analysis.notice_items.clone(),
            claims: analysis.claims.len() as u32,
        }
    }

    /// The DOM runs, read back.
    pub fn dom_runs(&self) -> Vec<DomRun> {
        self.runs
            .chunks_exact(4)
            .map(|r| DomRun {
                start: r[0],
                end: r[1],
                node: r[2],
                offset: r[3],
            })
            .collect()
    }

    /// The claims read back, as the content script's decoder reads them
    /// (`extension/src/draw-result.ts`); `None` if the result is malformed.
    pub fn claim_heads(&self) -> Option<Vec<ClaimHead>> {
        let strings = self.string_list()?;
        let string = |i: u32| strings.get(i as usize).cloned();
        if self.claims.len() != self.scores.len() * CLAIM_FIELDS {
            return None;
        }
        self.claims
            .chunks_exact(CLAIM_FIELDS)
            .zip(&self.scores)
            .map(|(c, &score)| {
                let kinds_end = c[4].checked_add(c[5])?;
                let kinds = self.kinds.get(c[4] as usize..kinds_end as usize)?;
                Some(ClaimHead {
                    start: c[0],
                    end: c[1],
                    checkworthy: c[2] & CHECKWORTHY != 0,
                    sourcing: string(c[3])?,
                    kinds: kinds.iter().map(|&k| string(k)).collect::<Option<_>>()?,
                    id: string(c[6])?,
                    text: string(c[7])?,
                    score,
                })
            })
            .collect()
    }

    /// The string table split at its UTF-16 lengths.
    fn string_list(&self) -> Option<Vec<String>> {
        let units: Vec<u16> = self.strings.encode_utf16().collect();
        let mut at = 0usize;
        let mut out = Vec::with_capacity(self.lengths.len());
        for &len in &self.lengths {
            let end = at.checked_add(len as usize)?;
            out.push(String::from_utf16(units.get(at..end)?).ok()?);
            at = end;
        }
        (at == units.len()).then_some(out)
    }
}

/// One claim as the draw result carries it.
#[derive(Debug, Clone, PartialEq)]
pub struct ClaimHead {
    pub id: String,
    pub start: u32,
    pub end: u32,
    pub text: String,
    pub score: f32,
    pub checkworthy: bool,
    pub kinds: Vec<String>,
    pub sourcing: String,
}

impl ClaimHead {
    /// The same fields of a claim of the full analysis.
    pub fn of(claim: &Claim) -> ClaimHead {
        ClaimHead {
            id: claim.id.clone(),
            start: claim.start,
            end: claim.end,
            text: claim.text.clone(),
            score: claim.score,
            checkworthy: claim.checkworthy,
            kinds: claim
                .kinds
                .iter()
                .map(|k| ClaimKind::as_str(*k).to_string())
                .collect(),
            sourcing: sourcing_name(claim.sourcing.kind).to_string(),
        }
    }
}

/// The contract's name of a sourcing kind (its serde name; a test pins the two together).
pub fn sourcing_name(kind: SourcingKind) -> &'static str {
    match kind {
        SourcingKind::Named => "named",
        SourcingKind::Anonymous => "anonymous",
        SourcingKind::Vague => "vague",
        SourcingKind::Unattributed => "unattributed",
        SourcingKind::Outlet => "outlet",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{analyze_text, Options};

    #[test]
    fn sourcing_names_are_the_contract_names() {
        for kind in [
            SourcingKind::Named,
            SourcingKind::Anonymous,
            SourcingKind::Vague,
            SourcingKind::Unattributed,
            SourcingKind::Outlet,
        ] {
            let serde_name = serde_json::to_value(kind).unwrap();
            assert_eq!(serde_name.as_str(), Some(sourcing_name(kind)));
        }
    }

    #[test]
    fn claims_round_trip_with_non_ascii_text() {
        let text = "Officials said the 😀 council spent €2 billion on roads last year. \
                    Critics say “the city lost 3,000 jobs” in 2023.\n\n\
                    The mayor’s office said unemployment rose to 7% in March 2024.";
        let analysis = analyze_text(text, &Options::default());
        assert!(analysis.claims.len() >= 2, "{:?}", analysis.claims);
        let draw = DrawResult::of(&analysis);
        let heads = draw.claim_heads().expect("a well-formed draw result");
        let expected: Vec<ClaimHead> = analysis.claims.iter().map(ClaimHead::of).collect();
        assert_eq!(heads, expected);
        assert_eq!(draw.dom_runs(), analysis.article.dom);
    }

    #[test]
    fn kind_and_sourcing_names_are_stored_once() {
        let text = "The council spent $2 billion on roads last year. \
                    The council spent $3 billion on parks in 2023. \
                    The council spent $4 billion on schools in 2022.";
        let analysis = analyze_text(text, &Options::default());
        let draw = DrawResult::of(&analysis);
        let strings = draw.string_list().unwrap();
        let names: Vec<&String> = strings
            .iter()
            .filter(|s| analysis.claims.iter().all(|c| &c.id != *s && &c.text != *s))
            .collect();
        let mut unique = names.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(names.len(), unique.len(), "{names:?}");
        assert_eq!(strings.len(), names.len() + 2 * analysis.claims.len());
    }

    #[test]
    fn a_bad_string_length_is_refused() {
        let analysis = analyze_text(
            "The council spent $2 billion on roads last year.",
            &Options::default(),
        );
        let mut draw = DrawResult::of(&analysis);
        draw.lengths[0] += 1000;
        assert_eq!(draw.claim_heads(), None);
    }
}
