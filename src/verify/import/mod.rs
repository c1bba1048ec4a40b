//! Importers: fact-check files in the formats fact-checkers and datasets
//! publish, turned into [`FactCheck`] records.
//!
//! Every importer reports each bad record with its line or index and the
//! reason, and never drops one silently. A file with bad records imports its
//! good ones and reports the rest; a file that cannot be read at all (not
//! JSON, not UTF-8 where the format needs it, empty) is an [`ImportError`]
//! and yields nothing.
//!
//! All input is untrusted: text fields are cleaned of control characters and
//! capped in length, and a link is only kept if it is an `http(s)` address.

mod fields;
pub mod google;
pub mod html;
pub mod jsonl;
pub mod jsonld;

use std::fmt;

use thiserror::Error;

use super::factcheck::FactCheck;

/// The formats [`import`] understands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// schema.org ClaimReview JSON-LD: one object, an array, or an `@graph`.
    ClaimReview,
    /// A Google Fact Check Tools API `claims:search` response.
    GoogleClaimSearch,
    /// One record per line: PolitiFact and CheckThat! vclaims, or ClaimReview objects.
    JsonLines,
    /// An HTML page with ClaimReview in `<script type="application/ld+json">` blocks.
    Html,
}

impl Format {
    pub fn name(self) -> &'static str {
        match self {
            Format::ClaimReview => "ClaimReview JSON-LD",
            Format::GoogleClaimSearch => "Google Fact Check Tools claims:search response",
            Format::JsonLines => "JSON Lines",
            Format::Html => "HTML page with ClaimReview JSON-LD",
        }
    }
}

/// Where in a file a problem is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    /// 1-based line of a line-oriented file, with a path inside that line's JSON when useful.
    Line { line: usize, path: String },
    /// A path into one JSON document: `[3]`, `@graph[2]`, `claims[4].claimReview[0]`.
    Path(String),
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Location::Line { line, path } if path.is_empty() => write!(f, "line {line}"),
            Location::Line { line, path } => write!(f, "line {line}, {path}"),
            Location::Path(p) if p.is_empty() => write!(f, "the document"),
            Location::Path(p) => write!(f, "{p}"),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Consequence {
    /// The whole record was left out.
    RecordSkipped,
    /// The record was kept without this field.
    FieldDropped,
}

/// One problem found while importing, and what was done about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportIssue {
    pub location: Location,
    pub reason: String,
    pub consequence: Consequence,
}

impl fmt::Display for ImportIssue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let what = match self.consequence {
            Consequence::RecordSkipped => "record skipped",
            Consequence::FieldDropped => "field dropped",
        };
        write!(f, "{}: {} ({what})", self.location, self.reason)
    }
}

/// What an import produced: the good records and every problem.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ImportReport {
    pub records: Vec<FactCheck>,
    pub issues: Vec<ImportIssue>,
    /// JSON-LD nodes of other types (WebPage, Organization, ...) passed over.
    pub other_nodes: usize,
}

impl ImportReport {
    pub fn skipped(&self) -> usize {
        self.issues
            .iter()
            .filter(|i| i.consequence == Consequence::RecordSkipped)
            .count()
    }

    fn skip(&mut self, location: Location, reason: impl Into<String>) {
        self.issues.push(ImportIssue {
            location,
            reason: reason.into(),
            consequence: Consequence::RecordSkipped,
        });
    }

    fn drop_field(&mut self, location: Location, reason: impl Into<String>) {
        self.issues.push(ImportIssue {
            location,
            reason: reason.into(),
            consequence: Consequence::FieldDropped,
        });
    }
}

/// The whole file could not be imported; nothing was taken from it.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ImportError {
    #[error("the file is empty")]
    Empty,
    #[error("the file is not UTF-8 text")]
    NotUtf8,
    #[error("the file is too large ({size} bytes; the limit is {limit})")]
    TooLarge { size: usize, limit: usize },
    #[error("not valid JSON: {reason} at line {line}, column {column}")]
    Syntax {
        line: usize,
        column: usize,
        reason: String,
    },
    #[error("no fact-checks found: {0}")]
    NotFactChecks(String),
    /// The fact-check service answered with an error instead of results.
    #[error("the fact-check service returned an error{}: {message}", status_suffix(*.code, .status))]
    Service {
        code: Option<i64>,
        status: Option<String>,
        message: String,
    },
}

fn status_suffix(code: Option<i64>, status: &Option<String>) -> String {
    match (code, status) {
        (Some(c), Some(s)) => format!(" ({c} {s})"),
        (Some(c), None) => format!(" ({c})"),
        (None, Some(s)) => format!(" ({s})"),
        (None, None) => String::new(),
    }
}

/// Files larger than this are refused rather than read into memory.
pub const MAX_FILE_BYTES: usize = 512 * 1024 * 1024;

/// Guesses the format from the file name and its first bytes.
pub fn detect_format(name: &str, bytes: &[u8]) -> Format {
    let lower = name.to_ascii_lowercase();
    if lower.ends_with(".jsonl") || lower.ends_with(".ndjson") {
        return Format::JsonLines;
    }
    if lower.ends_with(".html") || lower.ends_with(".htm") {
        return Format::Html;
    }
    let head = &bytes[..bytes.len().min(4096)];
    let head = String::from_utf8_lossy(head);
    let trimmed = head.trim_start_matches('\u{feff}').trim_start();
    if trimmed.starts_with('<') {
        return Format::Html;
    }
    // One JSON object per line: a complete object on the first line, and more lines after it.
    let mut lines = trimmed.lines().filter(|l| !l.trim().is_empty());
    if let (Some(first), Some(_)) = (lines.next(), lines.next()) {
        let line = first.trim();
        if line.starts_with('{') && serde_json::from_str::<serde_json::Value>(line).is_ok() {
            return Format::JsonLines;
        }
    }
    // A claims:search response: `{"claims": [...]}`, `{}` or `{"error": {...}}`.
    let json_ld = head.contains("\"@type\"") || head.contains("\"claimReviewed\"");
    let google = (head.contains("\"claims\"") && head.contains("\"claimReview\""))
        || (head.contains("\"error\"") && !json_ld)
        || trimmed.trim_end() == "{}";
    if trimmed.starts_with('{') && google {
        return Format::GoogleClaimSearch;
    }
    Format::ClaimReview
}

/// Imports `bytes` read from a file called `name` (used to guess the format).
pub fn import(name: &str, bytes: &[u8]) -> Result<(Format, ImportReport), ImportError> {
    let format = detect_format(name, bytes);
    import_as(format, bytes).map(|r| (format, r))
}

/// Imports `bytes` in a known format.
pub fn import_as(format: Format, bytes: &[u8]) -> Result<ImportReport, ImportError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge {
            size: bytes.len(),
            limit: MAX_FILE_BYTES,
        });
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ImportError::Empty);
    }
    match format {
        Format::JsonLines => jsonl::import(bytes),
        Format::ClaimReview => jsonld::import(document_text(bytes)?),
        Format::GoogleClaimSearch => google::import(document_text(bytes)?),
        Format::Html => html::import(document_text(bytes)?),
    }
}

/// A whole-document format needs the whole document to be UTF-8.
fn document_text(bytes: &[u8]) -> Result<&str, ImportError> {
    let text = std::str::from_utf8(bytes).map_err(|_| ImportError::NotUtf8)?;
    Ok(text.trim_start_matches('\u{feff}'))
}

fn parse_json(text: &str) -> Result<serde_json::Value, ImportError> {
    serde_json::from_str(text).map_err(|e| ImportError::Syntax {
        line: e.line(),
        column: e.column(),
        reason: syntax_reason(&e),
    })
}

fn syntax_reason(e: &serde_json::Error) -> String {
    use serde_json::error::Category;
    match e.classify() {
        Category::Eof => "the text ends early (truncated?)".to_string(),
        _ => {
            // serde_json appends " at line L column C"; the location is reported separately.
            let s = e.to_string();
            match s.rfind(" at line ") {
                Some(i) => s[..i].to_string(),
                None => s,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_formats() {
        let cases: &[(&str, &str, Format)] = &[
            ("a.jsonl", "{}", Format::JsonLines),
            (
                "a.json",
                "{\"claims\": [{\"claimReview\": []}]}",
                Format::GoogleClaimSearch,
            ),
            (
                "a.json",
                "{\"@type\": \"ClaimReview\"}",
                Format::ClaimReview,
            ),
            (
                "a.json",
                "[{\"@type\": \"ClaimReview\"}]",
                Format::ClaimReview,
            ),
            ("feed", "{\"a\": 1}\n{\"a\": 2}\n", Format::JsonLines),
            ("page", "  <!doctype html><html>", Format::Html),
            ("page.HTML", "{}", Format::Html),
        ];
        for (name, text, want) in cases {
            assert_eq!(
                detect_format(name, text.as_bytes()),
                *want,
                "{name}: {text}"
            );
        }
    }

    #[test]
    fn empty_and_whitespace_files_are_errors() {
        for format in [
            Format::JsonLines,
            Format::ClaimReview,
            Format::GoogleClaimSearch,
            Format::Html,
        ] {
            assert_eq!(import_as(format, b""), Err(ImportError::Empty));
            assert_eq!(import_as(format, b" \n\t\n"), Err(ImportError::Empty));
        }
    }

    #[test]
    fn non_utf8_documents_are_errors() {
        assert_eq!(
            import_as(Format::ClaimReview, b"{\"claimReviewed\": \"\xff\xfe\"}"),
            Err(ImportError::NotUtf8)
        );
    }

    #[test]
    fn truncated_json_is_a_syntax_error() {
        match import_as(
            Format::ClaimReview,
            b"[{\"@type\": \"ClaimReview\", \"claimRev",
        ) {
            Err(ImportError::Syntax {
                reason, line: 1, ..
            }) => assert!(reason.contains("truncated")),
            other => panic!("{other:?}"),
        }
    }
}
