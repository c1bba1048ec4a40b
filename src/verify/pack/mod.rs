//! Fact-check packs: a compact, versioned binary file holding fact-checks
//! and their term index, loaded natively and in the browser.
//!
//! Layout (little-endian):
//! ```text
//! 0   magic        89 43 4C 50 41 43 4B 0A   ("\x89CLPACK\n")
//! 8   u16          format version (1)
//! 10  u16          text analyser version (see verify::text)
//! 12  u32          section count
//! 16  u64          total length of the file in bytes
//! 24  u64          XXH64 of the section table
//! 32  u64          XXH64 of bytes 0..32
//! 40  section table: per section 20 bytes: kind (4 ASCII bytes), offset u32, length u32, XXH64 u64
//!     sections: META (pack name, description, source, licence, builder); per-record
//!     front-coded string columns IDS_ CLAM HEAD DESC URLS APPR; NAME (interned short
//!     strings); ROWS (per-record fields, column by column); TERM (sorted term
//!     dictionary); POST (per term: document gaps); FLAG (one byte per posting).
//! ```
//! The loader checks every length, offset, checksum, UTF-8 string and term
//! id, and answers a damaged file with a [`PackError`], never a panic.
//! Unknown section kinds are checked and skipped, so later versions can add some.

mod build;
pub mod checksum;
pub mod codec;

use thiserror::Error;

pub use build::{build, BuildError, BuildSummary};
use codec::{Reader, StrColumn};

use super::factcheck::{FactCheck, FactChecker, ItemReviewed, ReviewRating};
use super::index::Index;
use super::text::ANALYZER_VERSION;
use crate::calendar::Date;

pub const MAGIC: [u8; 8] = *b"\x89CLPACK\n";
pub const FORMAT_VERSION: u16 = 1;
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
const POSTINGS: [u8; 4] = *b"POST";
const FLAGS: [u8; 4] = *b"FLAG";

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum PackError {
    #[error("not a ClaimLens fact-check pack (the file does not start with the pack signature)")]
    NotAPack,
    #[error("the pack is truncated: {actual} of {expected} bytes")]
    Truncated { expected: u64, actual: usize },
    #[error("the pack has {0} unexpected bytes after its end")]
    TrailingBytes(usize),
    #[error("pack format version {found} is not supported (this build reads version {supported})")]
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

#[derive(Debug, Clone, Copy, PartialEq)]
struct Row {
    claimant: u32,
    publisher: u32,
    publisher_url: u32,
    verdict: u32,
    language: u32,
    date_published: i32,
    claim_date: i32,
    rating: [f32; 3],
}

/// A loaded pack: records in columns, and the term index.
#[derive(Debug, Clone, PartialEq)]
pub struct Pack {
    pub meta: PackMeta,
    /// Size of the file the pack was loaded from.
    pub file_bytes: usize,
    ids: StrColumn,
    claims: StrColumn,
    headlines: StrColumn,
    descriptions: StrColumn,
    urls: StrColumn,
    appearances: StrColumn,
    names: StrColumn,
    rows: Vec<Row>,
    pub(crate) index: Index,
}

impl Pack {
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
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

    fn name(&self, id: u32) -> Option<&str> {
        if id == NONE_U32 {
            None
        } else {
            self.names.get_opt(id as usize)
        }
    }

    pub fn publisher(&self, i: usize) -> Option<&str> {
        self.rows.get(i).and_then(|r| self.name(r.publisher))
    }

    pub fn claimant(&self, i: usize) -> Option<&str> {
        self.rows.get(i).and_then(|r| self.name(r.claimant))
    }

    pub fn date_published(&self, i: usize) -> Option<Date> {
        self.rows.get(i).and_then(|r| date_of(r.date_published))
    }

    pub fn claim_date(&self, i: usize) -> Option<Date> {
        self.rows.get(i).and_then(|r| date_of(r.claim_date))
    }

    /// The whole record `i`, as a [`FactCheck`].
    pub fn record(&self, i: usize) -> Option<FactCheck> {
        let row = self.rows.get(i)?;
        let opt = |s: Option<&str>| s.map(str::to_string);
        let rating = |v: f32| (!v.is_nan()).then_some(v);
        Some(FactCheck {
            id: self.ids.get(i).to_string(),
            claim_reviewed: self.claims.get(i).to_string(),
            review_rating: ReviewRating {
                rating_value: rating(row.rating[0]),
                best_rating: rating(row.rating[1]),
                worst_rating: rating(row.rating[2]),
                alternate_name: opt(self.name(row.verdict)),
            },
            author: self.name(row.publisher).map(|name| FactChecker {
                name: name.to_string(),
                url: opt(self.name(row.publisher_url)),
            }),
            url: opt(self.urls.get_opt(i)),
            date_published: date_of(row.date_published),
            item_reviewed: ItemReviewed {
                author: opt(self.name(row.claimant)),
                date_published: date_of(row.claim_date),
                appearance: opt(self.appearances.get_opt(i)),
            },
            headline: opt(self.headlines.get_opt(i)),
            description: opt(self.descriptions.get_opt(i)),
            language: opt(self.name(row.language)),
        })
    }

    /// Approximate memory held by the loaded pack.
    pub fn heap_bytes(&self) -> usize {
        [
            &self.ids,
            &self.claims,
            &self.headlines,
            &self.descriptions,
            &self.urls,
            &self.appearances,
            &self.names,
        ]
        .iter()
        .map(|c| c.bytes())
        .sum::<usize>()
            + self.rows.len() * std::mem::size_of::<Row>()
            + self.index.heap_bytes()
    }

    /// Loads and checks a pack file.
    pub fn from_bytes(bytes: &[u8]) -> Result<Pack, PackError> {
        let sections = sections(bytes)?;
        let get = |kind: [u8; 4]| -> Result<&[u8], PackError> {
            sections
                .iter()
                .find(|(k, _)| *k == kind)
                .map(|(_, s)| *s)
                .ok_or_else(|| PackError::MissingSection(kind_name(kind)))
        };
        let meta_column = string_column(META, get(META)?)?;
        let meta = PackMeta {
            name: meta_column.get(0).to_string(),
            description: meta_column.get(1).to_string(),
            source: meta_column.get(2).to_string(),
            licence: meta_column.get(3).to_string(),
            builder: meta_column.get(4).to_string(),
        };
        let ids = string_column(IDS, get(IDS)?)?;
        let n = ids.len();
        let column = |kind: [u8; 4]| -> Result<StrColumn, PackError> {
            let c = string_column(kind, get(kind)?)?;
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
        let names = string_column(NAMES, get(NAMES)?)?;
        let rows = read_rows(get(ROWS)?, n, names.len())?;
        let terms = string_column(TERMS, get(TERMS)?)?;
        if terms.len() > 1 && (1..terms.len()).any(|i| terms.get(i - 1) >= terms.get(i)) {
            return Err(malformed(
                TERMS,
                "the term dictionary is not sorted".to_string(),
            ));
        }
        let index = Index::decode(terms, get(POSTINGS)?, get(FLAGS)?, n)
            .map_err(|reason| malformed(POSTINGS, reason))?;
        Ok(Pack {
            meta,
            file_bytes: bytes.len(),
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
        .map(|s| s.iter().map(|(k, b)| (kind_name(*k), b.len())).collect())
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

fn string_column(kind: [u8; 4], bytes: &[u8]) -> Result<StrColumn, PackError> {
    let mut r = Reader::new(bytes);
    let column = StrColumn::read(&mut r).map_err(|e| malformed(kind, e))?;
    if !r.is_at_end() {
        return Err(malformed(kind, "bytes after the last string".to_string()));
    }
    Ok(column)
}

/// ROWS holds each field for all records in turn: five columns of interned
/// name ids (varint, 0 = none, else id + 1), two of dates (varint, 0 = none,
/// else days since 0000-01-01 + 1), and three of ratings (f32, NaN = none).
fn read_rows(bytes: &[u8], n: usize, names: usize) -> Result<Vec<Row>, PackError> {
    let wrap = |e: String| malformed(ROWS, e);
    let mut r = Reader::new(bytes);
    let mut interned = [const { Vec::new() }; 5];
    for column in &mut interned {
        column.reserve(n);
        for _ in 0..n {
            let v = r.varint().map_err(wrap)?;
            let id = match v {
                0 => NONE_U32,
                v if (v as usize) <= names => v - 1,
                _ => return Err(malformed(ROWS, "a name id is out of range".to_string())),
            };
            column.push(id);
        }
    }
    let mut dates = [const { Vec::new() }; 2];
    for column in &mut dates {
        column.reserve(n);
        for _ in 0..n {
            let v = r.varint().map_err(wrap)?;
            let days = match v {
                0 => NONE_DATE,
                // Years 0 to 9999 only: dates from a damaged pack must still print.
                v if v <= MAX_DATE_CODE => (i64::from(v) - 1 + DATE_BASE) as i32,
                _ => return Err(malformed(ROWS, "a date is out of range".to_string())),
            };
            column.push(days);
        }
    }
    let mut ratings = [const { Vec::new() }; 3];
    for column in &mut ratings {
        column.reserve(n);
        for _ in 0..n {
            column.push(r.f32().map_err(wrap)?);
        }
    }
    if !r.is_at_end() {
        return Err(malformed(ROWS, "bytes after the last column".to_string()));
    }
    Ok((0..n)
        .map(|i| Row {
            claimant: interned[0][i],
            publisher: interned[1][i],
            publisher_url: interned[2][i],
            verdict: interned[3][i],
            language: interned[4][i],
            date_published: dates[0][i],
            claim_date: dates[1][i],
            rating: [ratings[0][i], ratings[1][i], ratings[2][i]],
        })
        .collect())
}

/// Dates are stored as days since this day (0000-01-01), plus one.
const DATE_BASE: i64 = -719_528;
/// The code of 9999-12-31.
const MAX_DATE_CODE: u32 = (2_932_896 - DATE_BASE + 1) as u32;

/// The stored code of a date (0 for none).
fn date_code(days: i32) -> u32 {
    if days == NONE_DATE {
        0
    } else {
        (i64::from(days) - DATE_BASE + 1).clamp(1, i64::from(MAX_DATE_CODE)) as u32
    }
}

/// Checks the header, the section table and every section's checksum, and
/// returns the sections by kind.
/// A section's kind and its bytes.
type Section<'a> = ([u8; 4], &'a [u8]);

fn sections(bytes: &[u8]) -> Result<Vec<Section<'_>>, PackError> {
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
    let mut out: Vec<Section<'_>> = Vec::with_capacity(count);
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
        let section = offset
            .checked_add(len)
            .filter(|_| offset >= table_end)
            .and_then(|end| bytes.get(offset..end))
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
        out.push((kind, section));
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
