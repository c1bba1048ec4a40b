//! Building a pack file from fact-check records. The output depends only on
//! the records and the metadata (no clock, no hash-map order), so a pack
//! rebuilt from the same input is byte-identical.

use std::collections::{BTreeMap, BTreeSet};

use thiserror::Error;

use super::codec::Writer;
use super::view::{write_array, Strings};
use super::{
    assemble, stored_days, PackMeta, APPEARANCES, CLAIMS, DESCRIPTIONS, DOC_STATS, FLAGS,
    HEADLINES, IDS, META, NAMES, NONE_DATE, NONE_U32, POSTING_DOCS, POSTING_OFFSETS, ROWS, TERMS,
    TERM_IDF, URLS,
};
use crate::verify::factcheck::FactCheck;
use crate::verify::index::{encode, DocFields, DocTerm};
use crate::verify::text::{self, TermKind, ANALYZER_VERSION};

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum BuildError {
    #[error("there are no fact-checks to put in the pack")]
    NoRecords,
    #[error("the pack would be too large ({0} bytes)")]
    TooLarge(usize),
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct BuildSummary {
    pub records: usize,
    /// Ids seen more than once; only the first record with each id is kept.
    pub duplicate_ids: Vec<String>,
    pub terms: usize,
}

/// The text indexed as a record's context: headline, summary and claimant.
pub fn context_text(fc: &FactCheck) -> String {
    [
        fc.headline.as_deref(),
        fc.description.as_deref(),
        fc.item_reviewed.author.as_deref(),
    ]
    .iter()
    .flatten()
    .copied()
    .collect::<Vec<&str>>()
    .join(". ")
}

pub fn build(
    records: &[FactCheck],
    meta: &PackMeta,
) -> Result<(Vec<u8>, BuildSummary), BuildError> {
    let mut seen = BTreeSet::new();
    let mut summary = BuildSummary::default();
    let kept: Vec<&FactCheck> = records
        .iter()
        .filter(|fc| {
            let first = seen.insert(fc.id.as_str());
            if !first {
                summary.duplicate_ids.push(fc.id.clone());
            }
            first
        })
        .collect();
    if kept.is_empty() {
        return Err(BuildError::NoRecords);
    }
    summary.records = kept.len();

    // Analyse every record once; collect the vocabulary.
    type Analysed = (BTreeMap<String, (usize, bool)>, BTreeMap<String, usize>);
    let analysed: Vec<Analysed> = kept
        .iter()
        .map(|fc| {
            let mut claim = BTreeMap::new();
            for t in text::terms(&fc.claim_reviewed) {
                let e = claim.entry(t.text).or_insert((0, false));
                e.0 += 1;
                e.1 |= t.kind == TermKind::Name;
            }
            let mut context = BTreeMap::new();
            for t in text::terms(&context_text(fc)) {
                *context.entry(t.text).or_insert(0) += 1;
            }
            (claim, context)
        })
        .collect();
    let vocabulary: BTreeSet<&str> = analysed
        .iter()
        .flat_map(|(c, x)| c.keys().chain(x.keys()).map(String::as_str))
        .collect();
    let term_ids: BTreeMap<&str, u32> = vocabulary
        .iter()
        .enumerate()
        .map(|(i, t)| (*t, i as u32))
        .collect();
    summary.terms = vocabulary.len();

    let clip = |n: usize| n.min(255) as u8;
    let docs: Vec<DocFields> = analysed
        .iter()
        .map(|(claim, context)| DocFields {
            claim: claim
                .iter()
                .map(|(t, &(tf, name))| DocTerm {
                    term: term_ids.get(t.as_str()).copied().unwrap_or_default(),
                    tf: clip(tf),
                    name,
                })
                .collect(),
            context: context
                .iter()
                .map(|(t, &tf)| {
                    (
                        term_ids.get(t.as_str()).copied().unwrap_or_default(),
                        clip(tf),
                    )
                })
                .collect(),
        })
        .collect();
    let terms: Vec<&str> = vocabulary.iter().copied().collect();
    let index = encode(&docs, &terms);

    // Short repeated strings (claimants, publishers, verdicts) are interned.
    let mut names: BTreeMap<&str, u32> = BTreeMap::new();
    for fc in &kept {
        for s in [
            fc.item_reviewed.author.as_deref(),
            fc.author.as_ref().map(|a| a.name.as_str()),
            fc.author.as_ref().and_then(|a| a.url.as_deref()),
            fc.review_rating.alternate_name.as_deref(),
            fc.language.as_deref(),
        ]
        .into_iter()
        .flatten()
        {
            names.insert(s, 0);
        }
    }
    for (i, id) in names.values_mut().enumerate() {
        *id = i as u32;
    }
    let intern = |s: Option<&str>| s.and_then(|s| names.get(s).copied()).unwrap_or(NONE_U32);
    let day = |d: Option<crate::calendar::Date>| d.map_or(NONE_DATE, |d| d.to_days() as i32);
    // Column by column (see `read_rows`): repetitive columns compress to almost nothing.
    let mut rows = Writer::default();
    let interned: [fn(&FactCheck) -> Option<&str>; 5] = [
        |fc| fc.item_reviewed.author.as_deref(),
        |fc| fc.author.as_ref().map(|a| a.name.as_str()),
        |fc| fc.author.as_ref().and_then(|a| a.url.as_deref()),
        |fc| fc.review_rating.alternate_name.as_deref(),
        |fc| fc.language.as_deref(),
    ];
    for field in interned {
        write_array(&mut rows, kept.iter().map(|fc| intern(field(fc))));
    }
    for field in [
        |fc: &FactCheck| fc.date_published,
        |fc: &FactCheck| fc.item_reviewed.date_published,
    ] {
        write_array(&mut rows, kept.iter().map(|fc| stored_days(day(field(fc)))));
    }
    let ratings: [fn(&FactCheck) -> Option<f32>; 3] = [
        |fc| fc.review_rating.rating_value,
        |fc| fc.review_rating.best_rating,
        |fc| fc.review_rating.worst_rating,
    ];
    for field in ratings {
        write_array(
            &mut rows,
            kept.iter().map(|fc| field(fc).unwrap_or(f32::NAN)),
        );
    }

    let column = |values: Vec<&str>| {
        let mut w = Writer::default();
        Strings::write(&mut w, values.iter().copied());
        w.bytes
    };
    let text_of = |f: fn(&FactCheck) -> Option<&str>| {
        column(kept.iter().map(|fc| f(fc).unwrap_or("")).collect())
    };
    let sections = vec![
        (
            META,
            column(vec![
                meta.name.as_str(),
                meta.description.as_str(),
                meta.source.as_str(),
                meta.licence.as_str(),
                meta.builder.as_str(),
            ]),
        ),
        (IDS, column(kept.iter().map(|fc| fc.id.as_str()).collect())),
        (
            CLAIMS,
            column(kept.iter().map(|fc| fc.claim_reviewed.as_str()).collect()),
        ),
        (HEADLINES, text_of(|fc| fc.headline.as_deref())),
        (DESCRIPTIONS, text_of(|fc| fc.description.as_deref())),
        (URLS, text_of(|fc| fc.url.as_deref())),
        (
            APPEARANCES,
            text_of(|fc| fc.item_reviewed.appearance.as_deref()),
        ),
        (NAMES, column(names.keys().copied().collect())),
        (ROWS, rows.bytes),
        (TERMS, column(terms)),
        (TERM_IDF, index.idf),
        (POSTING_OFFSETS, index.posting_offsets),
        (POSTING_DOCS, index.posting_docs),
        (FLAGS, index.flags),
        (DOC_STATS, index.docs),
    ];
    let bytes = assemble(ANALYZER_VERSION, &sections);
    if bytes.len() > super::MAX_PACK_BYTES {
        return Err(BuildError::TooLarge(bytes.len()));
    }
    Ok((bytes, summary))
}
