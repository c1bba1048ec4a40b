//! The whole analysis: snapshot → extract → segment → detect → attribute →
//! verify → spans. Each stage only reads the previous stages' output.

use std::sync::Arc;

use thiserror::Error;

use crate::analysis::{AnalysedPart, Analysis, Notice, NoticeCode, Status};
use crate::assemble::{add_comment_findings, assemble, Stages};
use crate::calendar::Date;
use crate::extract::{self, Extraction, Rendered};
use crate::limits::{self, Limits};
use crate::snapshot::{Snapshot, SnapshotError};
use crate::spans::ByteSpan;
use crate::stage_times::Laps;
use crate::{attribute, comments, detect, segment, verify};

/// Per-call settings.
#[derive(Debug, Clone, PartialEq)]
pub struct Options {
    /// Overrides the page's own published date ("YYYY-MM-DD" on the CLI).
    pub published: Option<Date>,
    /// Check-worthiness threshold; `None` uses the model's calibrated default.
    pub threshold: Option<f32>,
    /// Article text beyond this many bytes is not analysed (a notice says so).
    pub max_text_bytes: usize,
    /// The page-size bounds (nodes, text, head data); see [`crate::limits`].
    /// `max_text_bytes` above overrides `limits.max_article_bytes`.
    pub limits: Limits,
    /// Fact-check packs to match check-worthy claims against; `None` searches none.
    pub factchecks: Option<Arc<verify::Registry>>,
    /// The sentence encoder; `None` scores check-worthiness without it (the
    /// model's documented fallback). Native builds default to the built-in
    /// one; the WASM has none until the extension loads it.
    pub encoder: Option<Arc<crate::encode::Encoder>>,
    /// The date to use when the page gives none of its own (a web archive's
    /// crawl date). Unlike `published` it never overrides the page, and when
    /// used the analysis says so (`NoticeCode::PublishedFromCrawlDate`).
    pub published_fallback: Option<Date>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            published: None,
            threshold: None,
            max_text_bytes: limits::DEFAULT_LIMITS.max_article_bytes,
            limits: limits::DEFAULT_LIMITS,
            factchecks: None,
            encoder: default_encoder(),
            published_fallback: None,
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn default_encoder() -> Option<Arc<crate::encode::Encoder>> {
    crate::encode::builtin()
}

#[cfg(target_arch = "wasm32")]
fn default_encoder() -> Option<Arc<crate::encode::Encoder>> {
    None
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum AnalyzeError {
    #[error("bad snapshot: {0}")]
    Snapshot(#[from] SnapshotError),
}

/// Analyses a page snapshot. A page beyond `options.limits` is cut first
/// (see [`crate::limits`]) and its analysis says `truncated`.
pub fn analyze(snapshot: &Snapshot, options: &Options) -> Result<Analysis, AnalyzeError> {
    analyze_with_laps(snapshot, options, &mut Laps::off())
}

/// [`analyze`], timing each stage with `laps` (see [`crate::stage_times`]).
pub(crate) fn analyze_with_laps(
    snapshot: &Snapshot,
    options: &Options,
    laps: &mut Laps<'_>,
) -> Result<Analysis, AnalyzeError> {
    let cut = limits::cut_snapshot(snapshot, &options.limits);
    let (snapshot, page_cut) = match &cut {
        Some((cut_snapshot, what)) => (cut_snapshot, Some(PageCut::Snapshot(*what))),
        None if snapshot.truncated => (snapshot, Some(PageCut::ByBuilder)),
        None => (snapshot, None),
    };
    let extraction = extract::extract(snapshot)?;
    laps.lap(|t| &mut t.extract);
    Ok(analyze_extraction(
        Some(snapshot),
        extraction,
        page_cut,
        options,
        laps,
    ))
}

/// Analyses plain text: paragraphs are separated by blank lines.
pub fn analyze_text(text: &str, options: &Options) -> Analysis {
    // Only the part that can be analysed is copied and split into paragraphs.
    let max = article_limit(options);
    let (kept, cut) = if text.len() > max {
        (&text[..floor_char_boundary(text, max)], true)
    } else {
        (text, false)
    };
    analyze_extraction(
        None,
        Extraction {
            article: Some(rendered_from_plain_text(kept)),
            ..Extraction::default()
        },
        cut.then_some(PageCut::Text),
        options,
        &mut Laps::off(),
    )
}

/// Why less than the whole page was analysed.
#[derive(Debug, Clone, Copy)]
enum PageCut {
    /// The core cut the snapshot to its limits.
    Snapshot(limits::SnapshotCut),
    /// The snapshot's builder stopped at the limits (`Snapshot::truncated`).
    ByBuilder,
    /// Plain text longer than the article limit.
    Text,
}

fn article_limit(options: &Options) -> usize {
    options.max_text_bytes.min(options.limits.max_article_bytes)
}

/// The largest char boundary of `text` at or below `at`.
fn floor_char_boundary(text: &str, at: usize) -> usize {
    let mut cut = at.min(text.len());
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    cut
}

/// The comment sections are judged on every page that has them, with or
/// without an article; their findings go to `comments` only.
fn analyze_extraction(
    snapshot: Option<&Snapshot>,
    extraction: Extraction,
    page_cut: Option<PageCut>,
    options: &Options,
    laps: &mut Laps<'_>,
) -> Analysis {
    // The comments' own language decides (they need not match the page's).
    let mut sample = String::new();
    for c in &extraction.comments {
        if sample.len() >= 20_000 {
            break;
        }
        sample.push_str(&c.body.text);
        sample.push('\n');
    }
    let english = is_english(
        extraction.metadata.lang.as_deref(),
        segment::language::detect(&sample),
    );
    let inputs: Vec<_> = extraction
        .comments
        .iter()
        .map(|c| {
            comments::input::with_metadata(
                snapshot,
                &c.body,
                c.author.as_deref(),
                c.time.as_deref(),
                c.time_shown.as_deref(),
            )
        })
        .collect();
    let section = comments::analyse(
        &inputs,
        &comments::Context {
            article: extraction.article.as_ref().map(|a| a.text.as_str()),
            english,
        },
    );
    drop(inputs);
    laps.lap(|t| &mut t.comments);
    let mut analysis = analyze_article(snapshot, extraction, page_cut, options, laps);
    add_comment_findings(&mut analysis.comments, &section);
    // The English sentences, for native readers; the WASM build sends codes only.
    #[cfg(not(target_arch = "wasm32"))]
    crate::english::fill(&mut analysis);
    laps.lap(|t| &mut t.assemble);
    analysis
}

fn analyze_article(
    snapshot: Option<&Snapshot>,
    mut extraction: Extraction,
    page_cut: Option<PageCut>,
    options: &Options,
    laps: &mut Laps<'_>,
) -> Analysis {
    if options.published.is_some() {
        extraction.metadata.published = options.published;
    }
    let mut notices = Vec::new();
    let Some(mut article) = extraction.article.take() else {
        if let Some(cut) = page_cut {
            notices.push(page_cut_notice(cut, None));
        }
        return assemble(Status::NoArticle, notices, snapshot, &extraction, None);
    };
    if extraction.metadata.published.is_none() && options.published_fallback.is_some() {
        extraction.metadata.published = options.published_fallback;
        notices.push(Notice::of(NoticeCode::PublishedFromCrawlDate));
    }
    let mut status = Status::Ok;
    let max = article_limit(options);
    let text_cut = article.text.len() > max;
    if text_cut {
        truncate(&mut article, max);
    }
    if let Some(cut) = page_cut.or(text_cut.then_some(PageCut::Text)) {
        notices.push(page_cut_notice(cut, Some((&article.text, text_cut))));
        status = Status::Truncated;
    }
    let detected = segment::language::detect(&article.text);
    if !is_english(extraction.metadata.lang.as_deref(), detected) {
        laps.lap(|t| &mut t.segment);
        notices.push(Notice::of(NoticeCode::UnsupportedLanguage));
        let mut analysis = assemble(
            Status::UnsupportedLanguage,
            notices,
            snapshot,
            &extraction,
            Some((&article, None)),
        );
        analysis.article.language = detected.map(|g| g.code.to_string());
        return analysis;
    }
    let paragraphs: Vec<ByteSpan> = article.blocks.iter().map(|b| b.span).collect();
    let layer = segment::analyse(&article.text, &paragraphs, extraction.metadata.published);
    laps.lap(|t| &mut t.segment);
    let non_prose: Vec<ByteSpan> = article
        .blocks
        .iter()
        .filter(|b| b.kind != extract::BlockKind::Prose)
        .map(|b| b.span)
        .collect();
    let detections = detect::detect_prose(
        &article.text,
        &layer,
        options.threshold,
        options.encoder.as_deref(),
        &non_prose,
    );
    laps.lap(|t| &mut t.detect);
    let attribution =
        attribute::attribute_for(&article.text, &layer, extraction.metadata.site.as_deref());
    laps.lap(|t| &mut t.attribute);
    let verified = verify::verify(
        &article.text,
        &layer,
        &detections,
        &attribution,
        extraction.metadata.published,
        verify::Search {
            packs: options.factchecks.as_deref(),
            settings: &verify::SearchSettings::default(),
            encoder: options.encoder.as_ref(),
        },
    );
    laps.lap(|t| &mut t.verify);
    let stages = Stages {
        layer: &layer,
        detections: &detections,
        attribution: &attribution,
        verified: &verified,
    };
    let mut analysis = assemble(
        status,
        notices,
        snapshot,
        &extraction,
        Some((&article, Some(stages))),
    );
    analysis.article.language = detected.map(|g| g.code.to_string());
    analysis
}

/// The reader's notice for a cut page: how much was analysed.
/// `article`: the analysed article text, and whether it was itself cut.
fn page_cut_notice(cut: PageCut, article: Option<(&str, bool)>) -> Notice {
    let characters =
        article.map(|(text, _)| u32::try_from(text.chars().count()).unwrap_or(u32::MAX));
    let analysed = match article {
        Some((_, true)) => AnalysedPart::FirstCharacters,
        // The page was cut, but the article found in what was read was not.
        Some((_, false)) => AnalysedPart::WholeArticle,
        None => AnalysedPart::NoArticle,
    };
    let mut notice = Notice {
        analysed: Some(analysed),
        characters,
        ..Notice::of(NoticeCode::PagePartCut)
    };
    match cut {
        PageCut::Snapshot(c) if c.nodes_kept < c.nodes_before => {
            notice.code = NoticeCode::PageElementsCut;
            notice.elements_read = u32::try_from(c.nodes_kept).ok();
            notice.elements_total = u32::try_from(c.nodes_before).ok();
        }
        PageCut::Snapshot(_) | PageCut::ByBuilder => {}
        // The text itself was cut (here, or by `analyze_text` before it):
        // only its first characters were analysed, never a whole article.
        PageCut::Text => {
            notice.code = NoticeCode::TextCut;
            notice.analysed = Some(AnalysedPart::FirstCharacters);
        }
    }
    notice
}

/// Claim analysis is English-only. The text decides when it is long enough
/// to tell; otherwise the page's declared `lang` does (no `lang`: English).
fn is_english(lang: Option<&str>, detected: Option<segment::language::LanguageGuess>) -> bool {
    if let Some(guess) = detected.filter(|g| g.is_reliable()) {
        return guess.code == "en";
    }
    lang.is_none_or(|l| {
        let l = l.trim().to_ascii_lowercase();
        l.is_empty() || l == "en" || l.starts_with("en-") || l.starts_with("en_")
    })
}

/// Cuts the article at a char boundary at most `max` bytes long.
fn truncate(article: &mut Rendered, max: usize) {
    let cut = floor_char_boundary(&article.text, max);
    article.text.truncate(cut);
    article.blocks.retain(|b| b.span.start < cut);
    if let Some(last) = article.blocks.last_mut() {
        last.span.end = last.span.end.min(cut);
    }
    article.runs.retain(|r| r.start < cut);
    if let Some(last) = article.runs.last_mut() {
        last.end = last.end.min(cut);
    }
}

/// Plain text as an article: blocks split on blank lines, no DOM runs.
pub fn rendered_from_plain_text(text: &str) -> Rendered {
    let mut blocks = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    let mut i = 0;
    let push = |s: usize, e: usize, blocks: &mut Vec<extract::Block>| {
        let piece = &text[s..e];
        let lead = piece.len() - piece.trim_start().len();
        let trail = piece.len() - piece.trim_end().len();
        if lead + trail < piece.len() {
            blocks.push(extract::Block {
                span: ByteSpan::new(s + lead, e - trail),
                element: 0,
                kind: extract::BlockKind::Prose,
            });
        }
    };
    while i < bytes.len() {
        if bytes[i] == b'\n' {
            // A blank line (possibly with spaces or \r) ends a paragraph.
            let mut j = i + 1;
            while j < bytes.len() && matches!(bytes[j], b' ' | b'\t' | b'\r') {
                j += 1;
            }
            if j < bytes.len() && bytes[j] == b'\n' {
                push(start, i, &mut blocks);
                start = j + 1;
                i = j + 1;
                continue;
            }
        }
        i += 1;
    }
    push(start, text.len(), &mut blocks);
    let mut rendered = Rendered {
        text: text.to_string(),
        blocks,
        runs: Vec::new(),
    };
    extract::quote_credit::mark_quote_credits(&mut rendered);
    rendered
}
