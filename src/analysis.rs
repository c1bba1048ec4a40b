//! The analysis JSON contract, `claimlens/analysis@1`.
//!
//! This is what the CLI prints and what the WASM returns to the extension.
//! Fields may be added; none may be renamed or removed.
//!
//! **Every offset here is an end-exclusive UTF-16 code unit index into
//! [`Article::text`]**, the same natively and in the browser. The stages
//! work in UTF-8 byte offsets; [`crate::spans`] is the one place that converts.

use serde::{Deserialize, Serialize};

pub const SCHEMA: &str = "claimlens/analysis@1";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Analysis {
    pub schema: String,
    /// `ok`, `no_article`, `unsupported_language` or `truncated`.
    pub status: Status,
    /// Plain-language notices for the reader ("page too large, analysed the first N characters").
    pub notices: Vec<String>,
    pub article: Article,
    pub sentences: Vec<Span>,
    pub claims: Vec<Claim>,
    pub quotes: Vec<Quote>,
    pub entities: Vec<Entity>,
    /// Comment sections found on the page. They never produce claims.
    pub comments: Comments,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Ok,
    NoArticle,
    UnsupportedLanguage,
    Truncated,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Article {
    pub title: Option<String>,
    pub byline: Option<String>,
    /// `YYYY-MM-DD`.
    pub published: Option<String>,
    pub site: Option<String>,
    pub lang: Option<String>,
    pub url: Option<String>,
    pub excerpt: Option<String>,
    /// The article's plain text. Paragraphs are separated by `"\n\n"`.
    pub text: String,
    pub paragraphs: Vec<Span>,
    /// Where each run of `text` came from in the snapshot, so the browser can
    /// build DOM Ranges. Absent runs (paragraph separators) map to no node.
    pub dom: Vec<DomRun>,
}

/// `text[start..end]` was taken from snapshot text node `node`, starting at
/// UTF-16 offset `offset` in that node's data, one code unit for one code
/// unit. (A run never spans a collapsed whitespace sequence.)
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct DomRun {
    pub start: u32,
    pub end: u32,
    pub node: u32,
    pub offset: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    /// Stable within one analysis: `c1`, `c2`, ... in text order.
    pub id: String,
    pub start: u32,
    pub end: u32,
    pub text: String,
    /// Check-worthiness, 0 to 1.
    pub score: f32,
    pub checkworthy: bool,
    /// Claim kinds, e.g. `quantity`, `event`, `quote`, `prediction`.
    pub kinds: Vec<String>,
    /// Plain-language reasons for the score, strongest first.
    pub signals: Vec<String>,
    /// The words that raised the score most (check-worthy claims only).
    #[serde(default)]
    pub key_terms: Vec<String>,
    pub sourcing: Sourcing,
    pub times: Vec<TimeRef>,
    pub quantities: Vec<Quantity>,
    pub matches: Vec<FactCheckMatch>,
    pub note: Note,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Sourcing {
    pub kind: SourcingKind,
    /// Who the claim is attributed to, when named.
    pub speaker: Option<String>,
    /// The phrase that shows the sourcing ("according to a Western diplomat").
    pub cue: Option<String>,
    /// Where `cue` sits in `article.text`.
    pub cue_span: Option<Span>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SourcingKind {
    Named,
    Anonymous,
    Vague,
    Unattributed,
    Outlet,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimeRef {
    pub start: u32,
    pub end: u32,
    pub text: String,
    /// The calendar interval, or null when it cannot be resolved.
    pub resolved: Option<Interval>,
}

/// Inclusive calendar interval, `YYYY-MM-DD`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Interval {
    pub from: String,
    pub to: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quantity {
    pub start: u32,
    pub end: u32,
    pub text: String,
    pub value: Option<f64>,
    pub unit: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FactCheckMatch {
    pub id: String,
    pub claim: String,
    pub verdict: Option<String>,
    pub publisher: Option<String>,
    pub url: Option<String>,
    pub date: Option<String>,
    pub similarity: f32,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Note {
    pub summary: String,
    pub checks: Vec<String>,
    pub links: Vec<Link>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Link {
    pub label: String,
    pub url: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    pub start: u32,
    pub end: u32,
    pub text: String,
    pub speaker: Option<String>,
    pub speaker_candidates: Vec<String>,
    pub cue: Option<String>,
    /// True for a direct quotation in quotation marks; false for reported speech.
    pub direct: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    pub name: String,
    /// `person`, `organization` or `place`.
    pub kind: String,
    pub descriptor: Option<String>,
    pub mentions: Vec<Span>,
}

/// Comment sections, kept apart from the article.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Comments {
    pub count: u32,
    /// Each comment's text, and where it came from in the DOM.
    pub items: Vec<CommentItem>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CommentItem {
    pub text: String,
    /// Runs into `text`, as in [`Article::dom`].
    pub dom: Vec<DomRun>,
}
