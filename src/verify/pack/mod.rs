//! Fact-check packs: a compact, versioned binary file holding fact-checks
//! and their term index, loaded natively and in the browser.
//!
//! Layout (little-endian):
//! ```text
//! 0   magic        89 43 4C 50 41 43 4B 0A   ("\x89CLPACK\n")
//! 8   u16          format version (2)
//! 10  u16          text analyser version (see verify::text)
//! 12  u32          section count
//! 16  u64          total length of the file in bytes
//! 24  u64          XXH64 of the section table
//! 32  u64          XXH64 of bytes 0..32
//! 40  section table: per section 20 bytes: kind (4 ASCII bytes), offset u32, length u32, XXH64 u64
//!     sections: META (pack name, description, source, licence, builder); per-record
//!     string columns IDS_ CLAM HEAD DESC URLS APPR; NAME (interned short strings);
//!     ROWS (per-record fields, column by column); the term index TERM TIDF POFF
//!     PDOC FLAG DOCS (see verify::index).
//! ```
//! Every section is stored in the form the matcher and the notes read:
//! string columns as u32 offsets and text, everything else as fixed-width
//! arrays (see [`view`]). Loading a pack checks the header, every checksum,
//! and every section's size, offsets, ids and posting lists, then reads the
//! file in place: nothing is decoded or rebuilt, so a 19,000-record pack
//! loads in about a millisecond. A damaged file is a [`PackError`], never a
//! panic. Unknown section kinds are checked and skipped, so later versions
//! can add some. Version 1 packs (varint-coded, their index rebuilt at
//! every load) are refused with a request to rebuild them.

mod build;
pub mod checksum;
pub mod codec;
pub mod view;

use std::sync::Arc;

use thiserror::Error;

pub use build::{build, BuildError, BuildSummary};
use codec::Reader;
use view::{Array, File, Strings, Window};

use super::factcheck::{FactCheck, FactChecker, ItemReviewed, ReviewRating};
use super::index::{Index, IndexWindows};
use super::text::ANALYZER_VERSION;
use crate::calendar::Date;

pub const MAGIC: [u8; 8] = *b"\x89CLPACK\n";
pub const FORMAT_VERSION: u16 = 2;
const HEADER_LEN: usize = 40;
const SECTION_ENTRY_LEN: usize = 20;
const MAX_SECTIONS: usize = 64;
/// Packs larger than this are refused before anything is allocated.
pub const MAX_PACK_BYTES: usize = 256 * 1024 * 1024;
/// Marks an absent interned string or date.
const NONE_U32: u32 = u32::MAX;
const NONE_DATE: i32 = i32::MIN;

const META: [u8; 4] = *b"META";
const IDS: [u8; 4] = *b"IDS_";
const CLAIMS: [u8; 4] = *b"CLAM";
const HEADLINES: [u8; 4] = *b"HEAD";
const DESCRIPTIONS: [u8; 4] = *b"DESC";
const URLS: [u8; 4] = *b"URLS";
const APPEARANCES: [u8; 4] = *b"APPR";
const NAMES: [u8; 4] = *b"NAME";
const ROWS: [u8; 4] = *b"ROWS";
const TERMS: [u8; 4] = *b"TERM";
const TERM_IDF: [u8; 4] = *b"TIDF";
const POSTING_OFFSETS: [u8; 4] = *b"POFF";
const POSTING_DOCS: [u8; 4] = *b"PDOC";
const FLAGS: [u8; 4] = *b"FLAG";
const DOC_STATS: [u8; 4] = *b"DOCS";

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum PackError {
    #[error("not a ClaimLens fact-check pack (the file does not start with the pack signature)")]
    NotAPack,
    #[error("the pack is truncated: {actual} of {expected} bytes")]
    Truncated { expected: u64, actual: usize },
    #[error("the pack has {0} unexpected bytes after its end")]
    TrailingBytes(usize),
    #[error("pack format version {found} is not supported (this build reads version {supported}); rebuild it with `claimlens index build`, or import its fact-checks again")]
    UnsupportedVersion { found: u16, supported: u16 },
    #[error("the pack was built with text analyser version {found}, but this build uses version {expected}; rebuild it with `claimlens index build`")]
    AnalyzerMismatch { found: u16, expected: u16 },
    #[error("the pack header is corrupt (checksum mismatch)")]
    HeaderChecksum,
    #[error("the pack's section table is corrupt: {0}")]
    SectionTable(String),
    #[error("pack section {section} is corrupt (checksum mismatch)")]
    SectionChecksum { section: String },
    #[error("the pack has no {0} section")]
    MissingSection(String),
    #[error("pack section {section} is malformed: {reason}")]
    Malformed { section: String, reason: String },
    #[error("the pack is too large ({0} bytes)")]
    TooLarge(usize),
}

/// What a pack says about itself.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PackMeta {
    /// Short identifier, unique in a registry (e.g. `politifact`).
    pub name: String,
    pub description: String,
    /// Where the fact-checks come from.
    pub source: String,
    pub licence: String,
    /// The tool and version that built the pack.
    pub builder: String,
}

/// The per-record fields of ROWS, read in place: five columns of interned
/// name ids (u32, [`NONE_U32`] = none), two of dates (i32 days since
/// 1970-01-01, [`NONE_DATE`] = none), three of ratings (f32, NaN = none).
#[derive(Debug, Clone, PartialEq)]
struct Rows {
    /// Claimant, publisher, publisher's link, verdict, language.
    interned: [Array<u32>; 5],
    /// Date published, claim date.
    dates: [Array<i32>; 2],
    ratings: [Array<f32>; 3],
}

const CLAIMANT: usize = 0;
const PUBLISHER: usize = 1;
const PUBLISHER_URL: usize = 2;
const VERDICT: usize = 3;
const LANGUAGE: usize = 4;

/// A loaded pack: the file, read in place as records in columns and the term index.
#[derive(Debug, Clone, PartialEq)]
pub struct Pack {
    pub meta: PackMeta,
    /// Size of the file the pack was loaded from.
    pub file_bytes: usize,
    ids: Strings,
    claims: Strings,
    headlines: Strings,
    descriptions: Strings,
    urls: Strings,
    appearances: Strings,
    names: Strings,
    rows: Rows,
    pub(crate) index: Index,
}

impl Pack {
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    pub fn id(&self, i: usize) -> &str {
        self.ids.get(i)
    }

    pub fn claim(&self, i: usize) -> &str {
        self.claims.get(i)
    }

    pub fn headline(&self, i: usize) -> Option<&str> {
        self.headlines.get_opt(i)
    }

    pub fn url(&self, i: usize) -> Option<&str> {
        self.urls.get_opt(i)
    }

    /// Record `i`'s interned `field` (one of [`CLAIMANT`] … [`LANGUAGE`]).
    fn name(&self, field: usize, i: usize) -> Option<&str> {
        let id = self.rows.interned.get(field)?.get(i)?;
        if id == NONE_U32 {
            None
        } else {
            self.names.get_opt(id as usize)
        }
    }

    fn date(&self, field: usize, i: usize) -> Option<Date> {
        self.rows.dates.get(field)?.get(i).and_then(date_of)
    }

    fn rating(&self, field: usize, i: usize) -> Option<f32> {
        let v = self.rows.ratings.get(field)?.get(i)?;
        (!v.is_nan()).then_some(v)
    }

    pub fn publisher(&self, i: usize) -> Option<&str> {
        self.name(PUBLISHER, i)
    }

    pub fn claimant(&self, i: usize) -> Option<&str> {
        self.name(CLAIMANT, i)
    }

    pub fn date_published(&self, i: usize) -> Option<Date> {
        self.date(0, i)
    }

    pub fn claim_date(&self, i: usize) -> Option<Date> {
        self.date(1, i)
    }

    /// The whole record `i`, as a [`FactCheck`].
    pub fn record(&self, i: usize) -> Option<FactCheck> {
        if i >= self.len() {
            return None;
        }
        let opt = |s: Option<&str>| s.map(str::to_string);
        Some(FactCheck {
            id: self.ids.get(i).to_string(),
            claim_reviewed: self.claims.get(i).to_string(),
            review_rating: ReviewRating {
                rating_value: self.rating(0, i),
                best_rating: self.rating(1, i),
                worst_rating: self.rating(2, i),
                alternate_name: opt(self.name(VERDICT, i)),
            },
            author: self.name(PUBLISHER, i).map(|name| FactChecker {
                name: name.to_string(),
                url: opt(self.name(PUBLISHER_URL, i)),
            }),
            url: opt(self.urls.get_opt(i)),
            date_published: self.date_published(i),
            item_reviewed: ItemReviewed {
                author: opt(self.name(CLAIMANT, i)),
                date_published: self.claim_date(i),
                appearance: opt(self.appearances.get_opt(i)),
            },
            headline: opt(self.headlines.get_opt(i)),
            description: opt(self.descriptions.get_opt(i)),
            language: opt(self.name(LANGUAGE, i)),
        })
    }

    /// Memory held by the loaded pack: its file, which it reads in place.
    pub fn heap_bytes(&self) -> usize {
        self.file_bytes
    }

    /// Loads and checks a pack file (copying it; see [`Pack::from_vec`]).
    pub fn from_bytes(bytes: &[u8]) -> Result<Pack, PackError> {
        if bytes.len() > MAX_PACK_BYTES {
            return Err(PackError::TooLarge(bytes.len()));
        }
        Pack::from_vec(bytes.to_vec())
    }

    /// Loads and checks a pack file, keeping `bytes` as the pack's storage.
    pub fn from_vec(bytes: Vec<u8>) -> Result<Pack, PackError> {
        let file: File = Arc::new(bytes);
        let sections = sections(&file)?;
        let get = |kind: [u8; 4]| -> Result<Window, PackError> {
            sections
                .iter()
                .find(|(k, _)| *k == kind)
                .and_then(|(_, range)| Window::new(&file, range.start, range.end))
                .ok_or_else(|| PackError::MissingSection(kind_name(kind)))
        };
        let meta_column = string_column(META, &get(META)?)?;
        let meta = PackMeta {
            name: meta_column.get(0).to_string(),
            description: meta_column.get(1).to_string(),
            source: meta_column.get(2).to_string(),
            licence: meta_column.get(3).to_string(),
            builder: meta_column.get(4).to_string(),
        };
        let ids = string_column(IDS, &get(IDS)?)?;
        let n = ids.len();
        let column = |kind: [u8; 4]| -> Result<Strings, PackError> {
            let c = string_column(kind, &get(kind)?)?;
            if c.len() != n {
                return Err(malformed(
                    kind,
                    format!("{} entries for {n} records", c.len()),
                ));
            }
            Ok(c)
        };
        let claims = column(CLAIMS)?;
        let headlines = column(HEADLINES)?;
        let descriptions = column(DESCRIPTIONS)?;
        let urls = column(URLS)?;
        let appearances = column(APPEARANCES)?;
        let names = string_column(NAMES, &get(NAMES)?)?;
        let rows = read_rows(&get(ROWS)?, n, names.len())?;
        let terms = string_column(TERMS, &get(TERMS)?)?;
        if !terms.is_sorted_unique() {
            return Err(malformed(
                TERMS,
                "the term dictionary is not sorted".to_string(),
            ));
        }
        let windows = [TERM_IDF, POSTING_OFFSETS, POSTING_DOCS, FLAGS, DOC_STATS].map(get);
        let [idf, posting_offsets, posting_docs, flags, docs] = windows;
        let index = Index::read(
            terms,
            IndexWindows {
                idf: &idf?,
                posting_offsets: &posting_offsets?,
                posting_docs: &posting_docs?,
                flags: &flags?,
                docs: &docs?,
            },
            n,
        )
        .map_err(|reason| malformed(POSTING_DOCS, reason))?;
        Ok(Pack {
            meta,
            file_bytes: file.len(),
            ids,
            claims,
            headlines,
            descriptions,
            urls,
            appearances,
            names,
            rows,
            index,
        })
    }
}

/// Each section's kind and size in a pack file (empty if the file is not a valid pack).
pub fn section_sizes(bytes: &[u8]) -> Vec<(String, usize)> {
    sections(bytes)
        .map(|s| s.iter().map(|(k, r)| (kind_name(*k), r.len())).collect())
        .unwrap_or_default()
}

fn date_of(days: i32) -> Option<Date> {
    (days != NONE_DATE).then(|| Date::from_days(i64::from(days)))
}

fn kind_name(kind: [u8; 4]) -> String {
    kind.iter()
        .map(|&b| if b.is_ascii_graphic() { b as char } else { '?' })
        .collect()
}

fn malformed(kind: [u8; 4], reason: String) -> PackError {
    PackError::Malformed {
        section: kind_name(kind),
        reason,
    }
}

fn string_column(kind: [u8; 4], window: &Window) -> Result<Strings, PackError> {
    Strings::read(window).map_err(|e| malformed(kind, e))
}

/// ROWS holds each field for all records in turn (see [`Rows`]). Name ids
/// and dates are checked here, so a note never shows a wrong name or a date
/// that cannot print.
fn read_rows(window: &Window, n: usize, names: usize) -> Result<Rows, PackError> {
    let short = || malformed(ROWS, "shorter than its columns".to_string());
    let mut rest = window.clone();
    let mut interned = Vec::with_capacity(5);
    for _ in 0..5 {
        let (column, after) = Array::<u32>::take(&rest, n).ok_or_else(short)?;
        if column
            .iter()
            .any(|id| id != NONE_U32 && id as usize >= names)
        {
            return Err(malformed(ROWS, "a name id is out of range".to_string()));
        }
        interned.push(column);
        rest = after;
    }
    let mut dates = Vec::with_capacity(2);
    for _ in 0..2 {
        let (column, after) = Array::<i32>::take(&rest, n).ok_or_else(short)?;
        if column
            .iter()
            .any(|d| d != NONE_DATE && !(MIN_DAYS..=MAX_DAYS).contains(&d))
        {
            return Err(malformed(ROWS, "a date is out of range".to_string()));
        }
        dates.push(column);
        rest = after;
    }
    let mut ratings = Vec::with_capacity(3);
    for _ in 0..3 {
        let (column, after) = Array::<f32>::take(&rest, n).ok_or_else(short)?;
        ratings.push(column);
        rest = after;
    }
    if !rest.is_empty() {
        return Err(malformed(ROWS, "bytes after the last column".to_string()));
    }
    let (Ok(interned), Ok(dates), Ok(ratings)) =
        (interned.try_into(), dates.try_into(), ratings.try_into())
    else {
        return Err(short());
    };
    Ok(Rows {
        interned,
        dates,
        ratings,
    })
}

/// Stored dates lie in years 0 to 9999 (0000-01-01 and 9999-12-31, in days
/// since 1970-01-01): dates from a damaged pack must still print.
const MIN_DAYS: i32 = -719_528;
const MAX_DAYS: i32 = 2_932_896;

/// The stored form of a date: clamped to years 0 to 9999.
fn stored_days(days: i32) -> i32 {
    if days == NONE_DATE {
        NONE_DATE
    } else {
        days.clamp(MIN_DAYS, MAX_DAYS)
    }
}

/// A section's kind and where its bytes lie in the file.
type Section = ([u8; 4], std::ops::Range<usize>);

/// Checks the header, the section table and every section's checksum, and
/// returns the sections by kind.
fn sections(bytes: &[u8]) -> Result<Vec<Section>, PackError> {
    if bytes.len() > MAX_PACK_BYTES {
        return Err(PackError::TooLarge(bytes.len()));
    }
    if bytes.len() < MAGIC.len() || bytes[..MAGIC.len()] != MAGIC {
        return Err(PackError::NotAPack);
    }
    if bytes.len() < HEADER_LEN {
        return Err(PackError::Truncated {
            expected: HEADER_LEN as u64,
            actual: bytes.len(),
        });
    }
    let header_error = |_| PackError::HeaderChecksum;
    let mut r = Reader::new(&bytes[MAGIC.len()..HEADER_LEN]);
    let version = r.u16().map_err(header_error)?;
    let analyzer = r.u16().map_err(header_error)?;
    let count = r.u32().map_err(header_error)? as usize;
    let total = r.u64().map_err(header_error)?;
    let table_sum = r.u64().map_err(header_error)?;
    let header_sum = r.u64().map_err(header_error)?;
    if version != FORMAT_VERSION {
        return Err(PackError::UnsupportedVersion {
            found: version,
            supported: FORMAT_VERSION,
        });
    }
    if checksum::xxh64(&bytes[..32]) != header_sum {
        return Err(PackError::HeaderChecksum);
    }
    if (bytes.len() as u64) < total {
        return Err(PackError::Truncated {
            expected: total,
            actual: bytes.len(),
        });
    }
    if bytes.len() as u64 > total {
        return Err(PackError::TrailingBytes(bytes.len() - total as usize));
    }
    if analyzer != ANALYZER_VERSION {
        return Err(PackError::AnalyzerMismatch {
            found: analyzer,
            expected: ANALYZER_VERSION,
        });
    }
    if count > MAX_SECTIONS {
        return Err(PackError::SectionTable(format!("{count} sections")));
    }
    let table_end = HEADER_LEN + count * SECTION_ENTRY_LEN;
    let table = bytes
        .get(HEADER_LEN..table_end)
        .ok_or_else(|| PackError::SectionTable("it runs past the end of the file".to_string()))?;
    if checksum::xxh64(table) != table_sum {
        return Err(PackError::SectionTable("checksum mismatch".to_string()));
    }
    let mut r = Reader::new(table);
    let mut out: Vec<Section> = Vec::with_capacity(count);
    let table_error = |e: String| PackError::SectionTable(e);
    for _ in 0..count {
        let kind: [u8; 4] = r
            .take(4)
            .map_err(table_error)?
            .try_into()
            .map_err(|_| PackError::SectionTable("short entry".to_string()))?;
        let offset = r.u32().map_err(table_error)? as usize;
        let len = r.u32().map_err(table_error)? as usize;
        let sum = r.u64().map_err(table_error)?;
        let range = offset
            .checked_add(len)
            .filter(|&end| offset >= table_end && end <= bytes.len())
            .map(|end| offset..end);
        let section = range
            .as_ref()
            .and_then(|r| bytes.get(r.clone()))
            .ok_or_else(|| {
                PackError::SectionTable(format!(
                    "section {} lies outside the file",
                    kind_name(kind)
                ))
            })?;
        if checksum::xxh64(section) != sum {
            return Err(PackError::SectionChecksum {
                section: kind_name(kind),
            });
        }
        if out.iter().any(|(k, _)| *k == kind) {
            return Err(PackError::SectionTable(format!(
                "section {} appears twice",
                kind_name(kind)
            )));
        }
        out.push((kind, offset..offset + len));
    }
    Ok(out)
}

/// Assembles a pack file from its sections (used by the builder and by tests
/// that craft damaged packs).
pub(crate) fn assemble(analyzer: u16, sections: &[([u8; 4], Vec<u8>)]) -> Vec<u8> {
    let table_end = HEADER_LEN + sections.len() * SECTION_ENTRY_LEN;
    let total = table_end + sections.iter().map(|(_, s)| s.len()).sum::<usize>();
    let mut table = codec::Writer::default();
    let mut offset = table_end;
    for (kind, body) in sections {
        table.bytes.extend_from_slice(kind);
        table.u32(offset as u32);
        table.u32(body.len() as u32);
        table.u64(checksum::xxh64(body));
        offset += body.len();
    }
    let mut out = Vec::with_capacity(total);
    out.extend_from_slice(&MAGIC);
    out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
    out.extend_from_slice(&analyzer.to_le_bytes());
    out.extend_from_slice(&(sections.len() as u32).to_le_bytes());
    out.extend_from_slice(&(total as u64).to_le_bytes());
    out.extend_from_slice(&checksum::xxh64(&table.bytes).to_le_bytes());
    let header_sum = checksum::xxh64(&out);
    out.extend_from_slice(&header_sum.to_le_bytes());
    out.extend_from_slice(&table.bytes);
    for (_, body) in sections {
        out.extend_from_slice(body);
    }
    out
}

#[cfg(test)]
mod tests;
