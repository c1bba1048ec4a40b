//! The analysis JSON contract, `claimlens/analysis@1`.
//!
//! This is what the CLI prints and what the WASM returns to the extension.
//! Fields may be added; none may be renamed or removed.
//!
//! The extension's background gets it in two steps: first the draw result
//! ([`crate::draw`], `claimlens/draw@1`: the claims' spans, kinds, sourcing
//! and ids and the DOM runs, flat), then this whole analysis, unchanged.
//!
//! **Every offset here is an end-exclusive UTF-16 code unit index into
//! [`Article::text`]**, the same natively and in the browser. The stages
//! work in UTF-8 byte offsets; [`crate::spans`] is the one place that converts.

use serde::{Deserialize, Serialize};

/// Why an attribution is ambiguous, or how it was decided ([`Sourcing::attribution`]).
pub use crate::attribute::note::{
    AttributionBasis, AttributionCandidate, AttributionCode, AttributionNote,
};
/// Why the comment section was flagged ([`Comments::finding_parts`]).
pub use crate::comments::verdict::Finding as CommentFinding;
/// The kinds of claims, figures and time references, named by the stage that finds them.
pub use crate::detect::ClaimKind;
/// Why a sentence scored as it did ([`Claim::reasons`]), and why a fact-check
/// is about a related claim, not this one ([`NoteFactCheck::conflicts`]).
pub use crate::detect::Signal;
pub use crate::segment::quantities::{Modifier as QuantityModifier, QuantityKind};
pub use crate::segment::times::{TimeKind, Unresolved as TimeUnresolved};
pub use crate::verify::same_claim::Conflict;

pub const SCHEMA: &str = "claimlens/analysis@1";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Analysis {
    pub schema: String,
    /// `ok`, `no_article`, `unsupported_language` or `truncated`.
    pub status: Status,
    /// Plain-language notices for the reader ("page too large, analysed the
    /// first N characters"): the English of `notice_items` (empty in the WASM
    /// build, whose readers word `notice_items` in their own language).
    pub notices: Vec<String>,
    /// The notices as codes with their figures, in the same order. Added
    /// with the localized notices.
    #[serde(default)]
    pub notice_items: Vec<Notice>,
    pub article: Article,
    pub sentences: Vec<Span>,
    pub claims: Vec<Claim>,
    pub quotes: Vec<Quote>,
    pub entities: Vec<Entity>,
    /// Comment sections found on the page. They never produce claims.
    pub comments: Comments,
}

/// A notice for the reader about the analysis as a whole.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Notice {
    pub code: NoticeCode,
    /// `page_elements_cut`: the elements read, and how many the page has.
    #[serde(default)]
    pub elements_read: Option<u32>,
    #[serde(default)]
    pub elements_total: Option<u32>,
    /// For a cut page: how much of the article was analysed.
    #[serde(default)]
    pub analysed: Option<AnalysedPart>,
    /// The characters of the article analysed (`first_characters`,
    /// `whole_article`).
    #[serde(default)]
    pub characters: Option<u32>,
}

impl Notice {
    pub fn of(code: NoticeCode) -> Self {
        Notice {
            code,
            elements_read: None,
            elements_total: None,
            analysed: None,
            characters: None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NoticeCode {
    /// The page was too large: only its first `elements_read` of
    /// `elements_total` elements were read, and `analysed` says what of it.
    PageElementsCut,
    /// The page was too large: only its first part was read.
    PagePartCut,
    /// The article's text was too large; `analysed` says what of it.
    TextCut,
    /// The page gives no publication date: the date it was archived was used.
    PublishedFromCrawlDate,
    /// The article's language is not supported: it was extracted, not analysed.
    UnsupportedLanguage,
}

/// How much of a cut page's article was analysed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AnalysedPart {
    /// Only the first `characters` of the article.
    FirstCharacters,
    /// The whole article found in the part read (`characters` long).
    WholeArticle,
    /// No article was found in the part read.
    NoArticle,
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
    /// The byline's people, one name each.
    #[serde(default)]
    pub authors: Vec<String>,
    /// `YYYY-MM-DD`.
    pub published: Option<String>,
    pub site: Option<String>,
    pub lang: Option<String>,
    /// The language detected from the article text (ISO 639-1), when the
    /// text is long enough to tell; `lang` is what the page declares.
    #[serde(default)]
    pub language: Option<String>,
    pub url: Option<String>,
    pub excerpt: Option<String>,
    /// The article's plain text. Paragraphs are separated by `"\n\n"`.
    pub text: String,
    pub paragraphs: Vec<Span>,
    /// Where each run of `text` came from in the snapshot, so the browser can
    /// build DOM Ranges. Absent runs (paragraph separators) map to no node.
    pub dom: Vec<DomRun>,
    /// The paragraphs of `text` that are not prose, in text order: captions,
    /// data-table cells, lists of links, pull quotes, credits, code, headings, product boxes. They are
    /// shown as context and never make claims. Prose paragraphs are not listed.
    #[serde(default)]
    pub blocks: Vec<TextBlock>,
}

/// A paragraph of [`Article::text`] that is not prose.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextBlock {
    pub start: u32,
    pub end: u32,
    pub kind: BlockKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BlockKind {
    /// A figure's caption (or a block opening like one, "In this photo …").
    Caption,
    /// A cell of a data table (or a price list or ranking set as lines, a
    /// lone figure such as a price).
    Table,
    /// An item of a list that is mostly links, or a short block that is
    /// one link (a related headline).
    LinkList,
    /// A quotation set apart from the text for display.
    PullQuote,
    /// A photo or media credit, a contributor line, the author's bio.
    Credit,
    /// Preformatted text: code, listings.
    Code,
    /// A heading (`<h1>`–`<h6>`) or a lone short line set like one ("The
    /// rise of generative AI: Rapid market growth …"). Added after
    /// `claimlens/analysis@1` first shipped: readers written before it see
    /// an unknown kind, which is still not prose.
    Heading,
    /// A review's pros and cons ("Fast cycle times"), or a box the template
    /// draws around a product. Added after `claimlens/analysis@1` first
    /// shipped, like `heading`.
    ProductBox,
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
    /// Claim kinds, e.g. `quantity`, `event`, `quote`, `prediction`; factual kinds first.
    pub kinds: Vec<ClaimKind>,
    /// Plain-language reasons for the score, strongest first: the English
    /// wording of `reasons`, one line each (empty in the WASM build, whose
    /// readers word `reasons` in their own language).
    pub signals: Vec<String>,
    /// The reasons for the score as codes, strongest first (`figure`,
    /// `dated_event`, `hedge`, ...). Added with the localized notes.
    #[serde(default)]
    pub reasons: Vec<Signal>,
    /// The words that raised the score most (check-worthy claims only).
    #[serde(default)]
    pub key_terms: Vec<String>,
    pub sourcing: Sourcing,
    pub times: Vec<TimeRef>,
    pub quantities: Vec<Quantity>,
    /// Published fact-checks of **this very claim**: their verdicts may be shown.
    pub matches: Vec<FactCheckMatch>,
    /// Published fact-checks of a **related** claim (the same topic, but other
    /// figures, people, places or time). Kept apart from `matches` so that a
    /// consumer that knows only `matches` can never show their verdicts;
    /// a consumer that shows them must not show or count their verdicts.
    /// Here `similarity` is retrieval's probability that the fact-check is
    /// about a claim like this one. Added in the same-claim wave.
    #[serde(default)]
    pub related: Vec<FactCheckMatch>,
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
    /// The speaker's role or descriptor as the article gives it.
    #[serde(default)]
    pub speaker_role: Option<String>,
    /// Everyone the speaker could be, when people share a name. Non-empty
    /// only when `speaker` is null: one position, never a chosen speaker
    /// and "possibly" someone else.
    #[serde(default)]
    pub speaker_candidates: Vec<String>,
    /// Why the attribution is ambiguous, or how it was decided: the English
    /// of `attribution` (null in the WASM build).
    #[serde(default)]
    pub attribution_note: Option<String>,
    /// Why the attribution is ambiguous, or how it was decided, as a code
    /// with the names it needs. Added with the localized notes.
    #[serde(default)]
    pub attribution: Option<AttributionNote>,
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
    /// `day`, `weekend`, `week`, `month`, `season`, `quarter`, `year`,
    /// `decade`, `period`, `vague` or `event_relative`.
    #[serde(default)]
    pub kind: Option<TimeKind>,
    /// Why `resolved` is null: `no_published_date`, `vague`,
    /// `relative_to_event` or `invalid_date`.
    #[serde(default)]
    pub unresolved: Option<TimeUnresolved>,
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
    /// `money`, `percent`, `count`, `duration`, `measure`, `ordinal`,
    /// `fraction` or `number`.
    #[serde(default)]
    pub kind: Option<QuantityKind>,
    /// The upper end of a range ("20 or 30 years"); `value` is the lower.
    #[serde(default)]
    pub upper: Option<f64>,
    /// `approximately`, `more_than`, `at_least`, `less_than`, `at_most` or `vague`.
    #[serde(default)]
    pub modifier: Option<QuantityModifier>,
    /// The figure as read, for display: "20–30 years" (a range keeps both
    /// bounds), "2nd term" (an ordinal is not a count), "-12.99", "USD 2.8
    /// billion", "more than 3,000 troops", "2/3". Null when no number is
    /// given. English, worded from `kind`, `value`, `upper`, `unit` and
    /// `modifier`: null in the WASM build, whose readers word those.
    #[serde(default)]
    pub display: Option<String>,
}

/// A published fact-check about a claim like this one. `verdict` is the
/// fact-checker's own words, never made up: `null` when the record has none.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FactCheckMatch {
    /// The source record's own id.
    pub id: String,
    /// The claim as the fact-checker states it.
    pub claim: String,
    pub verdict: Option<String>,
    /// The fact-checker.
    pub publisher: Option<String>,
    pub url: Option<String>,
    /// When the fact-check was published, `YYYY-MM-DD`.
    pub date: Option<String>,
    /// In `Claim::matches`: the probability (0 to 1) that the fact-check
    /// checks this very claim. In `Claim::related`: retrieval's probability
    /// that it is about a claim like it.
    pub similarity: f32,
    /// The pack the fact-check came from.
    #[serde(default)]
    pub pack: String,
    /// Who made the checked claim, and when (`YYYY-MM-DD`).
    #[serde(default)]
    pub claimant: Option<String>,
    #[serde(default)]
    pub claim_date: Option<String>,
    /// Why it matched, in plain words: the English of `reasons` (empty
    /// in the WASM build).
    #[serde(default)]
    pub why: Vec<String>,
    /// Why it matched, as codes with their words and figures, strongest
    /// first. Added with the localized notes.
    #[serde(default)]
    pub reasons: Vec<MatchReason>,
}

/// One reason a fact-check matched a claim.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MatchReason {
    pub code: MatchReasonCode,
    /// `shared_words`: the rarest words both share, as the fact-check writes them.
    #[serde(default)]
    pub words: Vec<String>,
    /// `key_terms_covered`: how much of the fact-checked claim's key terms
    /// the sentence has, 0 to 100.
    #[serde(default)]
    pub percent: Option<u32>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MatchReasonCode {
    /// The claim and the fact-check share `words`.
    SharedWords,
    /// `percent` of the fact-checked claim's key terms appear in the sentence.
    KeyTermsCovered,
    /// The same names appear in both.
    SameNames,
    /// The same figures appear in both.
    SameFigures,
    /// Checked within 30 days of the article's date.
    CheckedSoonAfter,
    /// The sentence encoder found the two claims close in meaning, and that
    /// is how a rewording sharing fewer words was admitted as the same claim
    /// (the decision's meaning route). Added after the localized notes;
    /// only on `Claim.matches`, listed first.
    CloseInMeaning,
}

/// The reader's note on a claim. Plain text throughout: render as text, never HTML.
///
/// Every English sentence here (`summary`, `checks`, `Link::label`,
/// `NoteSourcing::text`, `NoteTime::display`, `NoteFactCheck::text`) is worded
/// from the codes and figures beside it by one English table
/// (`src/english.rs`), for the CLI, batch output and Python package. The WASM
/// build leaves them empty: the extension and the playground word the codes
/// through `_locales`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Note {
    /// One line: what the claim is, how it is sourced, what fact-checkers said.
    /// Worded from `Claim::kinds[0]`, `sourcing`, `fact_check_status`,
    /// `Claim::matches` (the first one's publisher, verdict and date, and
    /// how many), `consensus` and how many `related` there are.
    pub summary: String,
    /// What a careful reader should verify next: the English of `check_items`.
    pub checks: Vec<String>,
    /// What a careful reader should verify next, as codes with their subject.
    /// Added with the localized notes.
    #[serde(default)]
    pub check_items: Vec<NoteCheck>,
    /// Fact-check articles first, then "check it yourself" searches. Links only: nothing is fetched.
    pub links: Vec<Link>,
    #[serde(default)]
    pub sourcing: Option<NoteSourcing>,
    /// Quotations inside the claim, with their speakers.
    #[serde(default)]
    pub quotes: Vec<NoteQuote>,
    /// Time references, resolved against the article's date.
    #[serde(default)]
    pub times: Vec<NoteTime>,
    /// The figures to verify, as written.
    #[serde(default)]
    pub figures: Vec<String>,
    /// Fact-checks of this very claim, as lines for the reader (the data is
    /// in `Claim::matches`).
    #[serde(default)]
    pub fact_checks: Vec<NoteFactCheck>,
    /// Fact-checks of a related claim, as lines for the reader, shown lower
    /// and apart (the data is in `Claim::related`). Their `verdict` is always
    /// null and their `text` never states one: a verdict of another claim
    /// must not be read as this claim's.
    #[serde(default)]
    pub related: Vec<NoteFactCheck>,
    /// Counts only fact-checks of this very claim (`Claim::matches`).
    #[serde(default)]
    pub fact_check_status: FactCheckStatus,
    /// `agree` or `disagree` when two or more matched fact-checks give verdicts.
    #[serde(default)]
    pub consensus: Option<String>,
}

/// Whether the claim was looked up in fact-check packs, and with what result.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FactCheckStatus {
    /// At least one published fact-check of this very claim was found.
    Matched,
    /// Packs were searched and no fact-check of this claim was found
    /// (fact-checks of related claims may still be listed in `Note::related`).
    NoneFound,
    /// No fact-check pack is loaded.
    NoPacks,
    /// Not looked up (the sentence is not check-worthy).
    #[default]
    NotChecked,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NoteSourcing {
    pub kind: SourcingKind,
    pub speaker: Option<String>,
    /// The speaker's title or role as the article gives it.
    pub role: Option<String>,
    /// The sourcing phrase, or (English only) "(from the previous quote)"
    /// for a quotation that carries on the previous paragraph's speaker
    /// (`carried`; null in the WASM build).
    pub cue: Option<String>,
    /// One line for the reader. "On the record" only for a named speaker
    /// with a speech or writing cue; a view the article ascribes ("remains
    /// skeptical") says so; an open choice names the candidates
    /// (`Sourcing::speaker_candidates`). The English of `code`.
    pub text: String,
    /// What `text` says, as a code. Added with the localized notes.
    #[serde(default)]
    pub code: Option<SourcingCode>,
    /// The claim is a quotation that carries on the previous paragraph's
    /// speaker (it has no cue of its own). Added with the localized notes.
    #[serde(default)]
    pub carried: bool,
}

/// How a claim is sourced, as the note's sourcing line says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SourcingCode {
    /// A named person, but the article leaves open which of
    /// `Sourcing::speaker_candidates` (two or more).
    NamedUnclear,
    /// A source the article refers to without a name the core could link
    /// (an unlinked "he"): worded as an unclear speaker, never as a named one.
    NamedUnknown,
    /// The speaker of the previous paragraph's quotation, on the record.
    NamedCarried,
    /// A named speaker with a speech or writing cue.
    NamedOnRecord,
    /// A view the article ascribes to a named person, not their words.
    NamedView,
    /// An anonymous source; `cue` quotes the phrase when there is one.
    Anonymous,
    /// A vague source ("critics say"); `cue` quotes the phrase when there is one.
    Vague,
    /// The publication asserts it itself.
    Outlet,
    /// No one.
    Unattributed,
}

/// One thing a careful reader should verify next.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NoteCheck {
    pub code: CheckCode,
    /// The figure or time as written (`source_figure`, `confirm_timing`,
    /// `pin_down_time`), or the speaker (`confirm_speaker`; null when the
    /// speaker's name was not kept).
    #[serde(default)]
    pub subject: Option<String>,
    /// For `confirm_timing`: the calendar interval the time was placed on.
    #[serde(default)]
    pub resolved: Option<Interval>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CheckCode {
    /// Read the matched fact-check and confirm it covers this claim.
    ReadFactCheck,
    /// The listed fact-checks are about a related claim: their verdicts do not apply.
    RelatedOnly,
    /// Find the original source of the figure `subject`.
    SourceFigure,
    /// Confirm the timing: `subject` was placed on `resolved`.
    ConfirmTiming,
    /// Pin down when `subject` was (it could not be placed on the calendar).
    PinDownTime,
    /// Look for an on-the-record source (the claim's source is anonymous or vague).
    FindOnRecordSource,
    /// Check that `subject` (or the quoted person) said this, in this context.
    ConfirmSpeaker,
    /// Look for the evidence behind it: the article names no source.
    FindEvidence,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NoteQuote {
    pub text: String,
    pub speaker: Option<String>,
    pub direct: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NoteTime {
    pub text: String,
    pub resolved: Option<Interval>,
    /// For the reader: "“last year” → 2024" (English; empty in the WASM build).
    pub display: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NoteFactCheck {
    pub publisher: Option<String>,
    pub verdict: Option<String>,
    pub date: Option<String>,
    pub url: Option<String>,
    pub claim: String,
    /// Why it matched: the same as the `Claim::matches` (or
    /// `Claim::related`) entry at the same position says.
    pub why: Vec<String>,
    /// One line for the reader: "PolitiFact rated “…” False (2019-10-29)."
    /// Worded from the fields here.
    pub text: String,
    /// Who made the checked claim, as the fact-checker names them. Added with
    /// the localized notes.
    #[serde(default)]
    pub claimant: Option<String>,
    /// For a related fact-check: what sets its claim apart from this one
    /// (`figures`, `years`, `names`, `claimant`, `claimant_absent`,
    /// `later_claim`). Added with the localized notes.
    #[serde(default)]
    pub conflicts: Vec<Conflict>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Link {
    /// The English of `kind` and `subject`.
    pub label: String,
    pub url: String,
    /// What the link leads to. Null only in analyses from before it was added.
    #[serde(default)]
    pub kind: Option<LinkKind>,
    /// The fact-checker (`fact_check`, `related_fact_check`; null when the
    /// record names none) or the name looked up (`wikipedia`).
    #[serde(default)]
    pub subject: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LinkKind {
    /// A fact-check of this very claim.
    FactCheck,
    /// A fact-check of a related claim.
    RelatedFactCheck,
    /// A search of Google Fact Check Explorer for the claim.
    FactCheckSearch,
    /// A Wikipedia search for a person or organisation the claim names.
    Wikipedia,
    /// A news search for the claim.
    NewsSearch,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    pub start: u32,
    pub end: u32,
    pub text: String,
    pub speaker: Option<String>,
    /// Who the speaker may be when the article does not decide; non-empty
    /// only when `speaker` is null.
    pub speaker_candidates: Vec<String>,
    pub cue: Option<String>,
    /// True for a direct quotation in quotation marks; false for reported speech.
    pub direct: bool,
    /// The speaker's role or descriptor as the article gives it.
    #[serde(default)]
    pub speaker_role: Option<String>,
    /// Why the attribution is ambiguous, or how it was decided: the English
    /// of `attribution` (null in the WASM build).
    #[serde(default)]
    pub attribution_note: Option<String>,
    /// Why the attribution is ambiguous, or how it was decided, as a code
    /// with the names it needs. Added with the localized notes.
    #[serde(default)]
    pub attribution: Option<AttributionNote>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    pub name: String,
    /// `person`, `organization` or `place`.
    pub kind: String,
    pub descriptor: Option<String>,
    /// The title or role written before the name ("Secretary of State").
    #[serde(default)]
    pub role: Option<String>,
    pub mentions: Vec<Span>,
}

/// Comment sections, kept apart from the article, and whether they look
/// templated or coordinated (see `src/comments/mod.rs` for the rule).
///
/// Spans here are UTF-16 offsets into the text of the comment they name
/// (`items[index].text`), not into the article.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Comments {
    pub count: u32,
    /// Each comment's text, and where it came from in the DOM.
    pub items: Vec<CommentItem>,
    /// How many comments were analysed (the first 2,000 at most).
    #[serde(default)]
    pub analysed: u32,
    /// True when the section looks templated or coordinated; `finding` says why.
    #[serde(default)]
    pub flagged: bool,
    /// `none`; `some` (repetition below the bar for a finding); `high` (flagged).
    #[serde(default)]
    pub level: CommentsLevel,
    /// One plain-language paragraph, present exactly when `flagged`: the
    /// English of `finding_parts` (null in the WASM build).
    #[serde(default)]
    pub finding: Option<String>,
    /// What the finding says, as figures and examples; present exactly when
    /// `flagged`. Added with the localized notes.
    #[serde(default)]
    pub finding_parts: Option<CommentFinding>,
    /// Groups of near-copies or template variants, largest first. A comment
    /// is in at most one cluster.
    #[serde(default)]
    pub clusters: Vec<CommentCluster>,
    /// Stock phrases used by several comments, most widespread first (at most 25).
    #[serde(default)]
    pub phrases: Vec<RepeatedPhrase>,
    /// Sentence frames (pronouns, modals, connectives with the words between
    /// elided) shared by several comments (at most 10).
    #[serde(default)]
    pub frames: Vec<RepeatedFrame>,
    /// Three or more comments stamped with the identical minute-precise time.
    #[serde(default)]
    pub bursts: Vec<TimestampBurst>,
    /// The comment sections the items belong to.
    #[serde(default)]
    pub sections: Vec<CommentSectionOut>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CommentsLevel {
    #[default]
    None,
    Some,
    High,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClusterKind {
    NearDuplicate,
    Template,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CommentCluster {
    pub kind: ClusterKind,
    /// Mean pairwise Jaccard, 0 to 1: of word 3-shingles for near-copies, of
    /// shared phrases and frames for templates.
    pub similarity: f32,
    pub members: Vec<ClusterMember>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClusterMember {
    /// Index into `items`.
    pub index: u32,
    /// What this comment shares with the others, in its own text.
    pub spans: Vec<Span>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RepeatedPhrase {
    /// As first written.
    pub text: String,
    /// Number of distinct comments using it.
    pub comments: u32,
    pub occurrences: Vec<CommentSpan>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RepeatedFrame {
    /// Readable form, e.g. "His … could …, but he’ll".
    pub pattern: String,
    pub comments: u32,
    pub occurrences: Vec<CommentSpan>,
}

/// `items[index].text[start..end]`, in UTF-16 code units.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommentSpan {
    pub index: u32,
    pub start: u32,
    pub end: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimestampBurst {
    /// The timestamp as the page gives it.
    pub posted: String,
    /// Indices into `items`.
    pub members: Vec<u32>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CommentItem {
    /// What the commenter wrote (without the author and time lines).
    pub text: String,
    /// Runs into `text`, as in [`Article::dom`].
    pub dom: Vec<DomRun>,
    /// The comment's element in the snapshot.
    #[serde(default)]
    pub node: Option<u32>,
    /// The commenter's name as the page shows it.
    #[serde(default)]
    pub author: Option<String>,
    /// When it was posted, as shown (or the `datetime` attribute).
    #[serde(default)]
    pub time: Option<String>,
    /// Index into [`Comments::sections`].
    #[serde(default)]
    pub section: Option<u32>,
}

/// A comment section: its element and heading ("12 Comments") in the snapshot.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CommentSectionOut {
    pub node: u32,
    pub heading: Option<u32>,
}
