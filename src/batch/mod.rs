//! Batch analysis: many pages from directories of HTML files, JSONL records
//! or WARC files, analysed on all cores, one output line per record in input
//! order. Used by `claimlens batch` and by the Python package.
//!
//! The data flows one way: an input reader pushes [`Record`]s (bodies read
//! one at a time, so memory stays bounded), [`run`] analyses them in
//! parallel, and the caller's sink receives each [`Outcome`] in input order.
//! A record that cannot be read or analysed becomes an error outcome; the
//! batch never stops for one.

mod engine;
mod fields;
mod http;
pub mod inputs;
mod jsonl;
mod warc;

use serde::Serialize;
use serde_json::value::{to_raw_value, RawValue};

use crate::analysis::Analysis;
use crate::analysis::NoticeCode;
use crate::calendar::Date;
use crate::snapshot::html::snapshot_from_html;
use crate::Options;

pub use engine::{run, Stop};
pub use fields::Fields;
pub use jsonl::parse_record as parse_jsonl_record;

/// One page to analyse.
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    /// The JSONL record's id, the WARC-Record-ID, or the file's path
    /// relative to the input folder.
    pub id: String,
    /// The page's address; empty when unknown.
    pub url: String,
    pub content: Content,
    /// A date given with the record; overrides the page's own.
    pub published: Option<Date>,
    /// When the page was crawled (WARC-Date). Used only for a page that
    /// gives no date of its own, and then marked (see [`Outcome`]).
    pub crawl_date: Option<Date>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Content {
    Html(Vec<u8>),
    Text(String),
    /// The record could not be read; the message says why.
    Unreadable(String),
}

impl Record {
    /// A record from its parts, as JSONL lines and the Python package give
    /// them: one of `html` and `text`; dates as `YYYY-MM-DD` (a longer ISO
    /// timestamp is cut to its date). A bad part makes it unreadable.
    pub fn from_parts(
        id: String,
        url: String,
        html: Option<Vec<u8>>,
        text: Option<String>,
        published: Option<&str>,
        crawl_date: Option<&str>,
    ) -> Record {
        let content = match (html, text) {
            (Some(html), None) => Content::Html(html),
            (None, Some(text)) => Content::Text(text),
            (Some(_), Some(_)) => Content::Unreadable("the record has both html and text".into()),
            (None, None) => Content::Unreadable("the record has neither html nor text".into()),
        };
        match (parse_date(published), parse_date(crawl_date)) {
            (Ok(published), Ok(crawl_date)) => Record {
                id,
                url,
                content,
                published,
                crawl_date,
            },
            (Err(e), _) | (_, Err(e)) => Record::unreadable(id, url, e),
        }
    }

    /// A record that could not be read, reported under `id`.
    pub fn unreadable(id: impl Into<String>, url: impl Into<String>, why: String) -> Record {
        Record {
            id: id.into(),
            url: url.into(),
            content: Content::Unreadable(why),
            published: None,
            crawl_date: None,
        }
    }
}

fn parse_date(value: Option<&str>) -> std::result::Result<Option<Date>, String> {
    match value.map(str::trim) {
        None | Some("") => Ok(None),
        Some(v) => Date::parse_iso(v)
            .map(Some)
            .ok_or_else(|| format!("bad date `{v}` (YYYY-MM-DD)")),
    }
}

/// What a batch does with each record.
#[derive(Debug, Clone, Default)]
pub struct Settings {
    /// Packs, threshold and limits; `published` is set per record.
    pub options: Options,
    /// Which members of the analysis to keep; `None` keeps all.
    pub fields: Option<Fields>,
}

/// One output line: `{"id","url","analysis"}` or `{"id","url","error"}`.
#[derive(Debug, Clone, Serialize)]
pub struct Outcome {
    pub id: String,
    pub url: String,
    /// `"crawl-date"` when the analysis is dated by the record's crawl date
    /// because the page gives no date of its own; absent otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published_from: Option<&'static str>,
    #[serde(flatten)]
    pub result: Result,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Result {
    /// The `claimlens/analysis@1` JSON, cut to the requested fields.
    Analysis(Box<RawValue>),
    /// The core's message.
    Error(String),
}

impl Outcome {
    pub fn is_error(&self) -> bool {
        matches!(self.result, Result::Error(_))
    }

    /// The JSON line, without its newline.
    pub fn to_json_line(&self) -> String {
        // An Outcome is strings and already-serialised JSON: this cannot fail.
        serde_json::to_string(self).unwrap_or_else(|e| {
            let error = format!("cannot serialise: {e}");
            serde_json::json!({"id": self.id, "url": self.url, "error": error}).to_string()
        })
    }
}

/// Analyses one record. Never panics outward: a panic in the core becomes
/// an error outcome, so one bad page cannot stop a batch.
pub fn analyze_record(record: Record, settings: &Settings) -> Outcome {
    let Record {
        id,
        url,
        content,
        published,
        crawl_date,
    } = record;
    let analysed = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        analyse_content(&content, &url, published, crawl_date, settings)
    }))
    .unwrap_or_else(|_| Err("internal error: the analysis of this page failed".to_string()));
    let (published_from, result) = match analysed {
        Ok(analysis) => {
            let dated_by_crawl = analysis
                .notice_items
                .iter()
                .any(|n| n.code == NoticeCode::PublishedFromCrawlDate);
            let value = match &settings.fields {
                Some(fields) => fields.keep(&analysis).and_then(|v| to_raw_value(&v)),
                None => to_raw_value(&analysis),
            };
            match value {
                Ok(v) => (dated_by_crawl.then_some("crawl-date"), Result::Analysis(v)),
                Err(e) => (None, Result::Error(format!("cannot serialise: {e}"))),
            }
        }
        Err(message) => (None, Result::Error(message)),
    };
    Outcome {
        id,
        url,
        published_from,
        result,
    }
}

fn analyse_content(
    content: &Content,
    url: &str,
    published: Option<Date>,
    crawl_date: Option<Date>,
    settings: &Settings,
) -> std::result::Result<Analysis, String> {
    let options = Options {
        published,
        published_fallback: crawl_date,
        ..settings.options.clone()
    };
    match content {
        Content::Unreadable(why) => Err(why.clone()),
        Content::Text(text) if text.trim().is_empty() => Err("the text is empty".to_string()),
        Content::Text(text) => Ok(crate::analyze_text(text, &options)),
        Content::Html(bytes) => {
            let snapshot = snapshot_from_html(bytes, url).map_err(|e| e.to_string())?;
            crate::analyze(&snapshot, &options).map_err(|e| e.to_string())
        }
    }
}
