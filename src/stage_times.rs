//! Per-stage timings of one analysis, read from a caller-supplied clock, for
//! the benchmarks: the in-browser harness calls it through the WASM (which has
//! no `std::time`) with `performance.now`. It runs the same stage functions in
//! the same order as [`crate::pipeline::analyze`]; a test checks that both
//! find the same claims, so the two cannot silently drift apart.

use serde::Serialize;

use crate::analysis::Status;
use crate::assemble::{add_comment_findings, assemble, Stages};
use crate::pipeline::{is_english, truncate, AnalyzeError, Options};
use crate::snapshot::Snapshot;
use crate::spans::ByteSpan;
use crate::{attribute, comments, detect, extract, segment, verify};

/// Milliseconds (in the clock's unit) spent in each stage. Stages a page does
/// not reach (no article, not English) take 0.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct StageTimes {
    pub extract: f64,
    /// Language detection of the article and the text layer.
    pub segment: f64,
    pub detect: f64,
    pub attribute: f64,
    /// Notes and fact-check matching against `options.factchecks`.
    pub verify: f64,
    /// The comment sections' inputs, language and integrity analysis.
    pub comments: f64,
    /// UTF-16 spans and the analysis JSON value.
    pub assemble: f64,
    pub total: f64,
    pub claims: usize,
}

/// Analyses `snapshot` as [`crate::analyze`] does, timing each stage with `now`.
pub fn stage_times(
    snapshot: &Snapshot,
    options: &Options,
    now: &mut dyn FnMut() -> f64,
) -> Result<StageTimes, AnalyzeError> {
    let mut times = StageTimes::default();
    let start = now();
    let mut extraction = extract::extract(snapshot)?;
    let t = now();
    times.extract = t - start;

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
                Some(snapshot),
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
    let mut t0 = now();
    times.comments = t0 - t;

    if options.published.is_some() {
        extraction.metadata.published = options.published;
    }
    let mut analysis = match extraction.article.take() {
        None => assemble(
            Status::NoArticle,
            Vec::new(),
            Some(snapshot),
            &extraction,
            None,
        ),
        Some(mut article) => {
            let mut status = Status::Ok;
            if article.text.len() > options.max_text_bytes {
                truncate(&mut article, options.max_text_bytes);
                status = Status::Truncated;
            }
            let detected = segment::language::detect(&article.text);
            if !is_english(extraction.metadata.lang.as_deref(), detected) {
                let t1 = now();
                times.segment = t1 - t0;
                t0 = t1;
                assemble(
                    Status::UnsupportedLanguage,
                    Vec::new(),
                    Some(snapshot),
                    &extraction,
                    Some((&article, None)),
                )
            } else {
                let paragraphs: Vec<ByteSpan> = article.blocks.iter().map(|b| b.span).collect();
                let layer =
                    segment::analyse(&article.text, &paragraphs, extraction.metadata.published);
                let t1 = now();
                let threshold = options.threshold.unwrap_or(detect::DEFAULT_THRESHOLD);
                let detections = detect::detect(&article.text, &layer, threshold);
                let t2 = now();
                let attribution = attribute::attribute_for(
                    &article.text,
                    &layer,
                    extraction.metadata.site.as_deref(),
                );
                let t3 = now();
                let verified = verify::verify(
                    &article.text,
                    &layer,
                    &detections,
                    &attribution,
                    extraction.metadata.published,
                    options.factchecks.as_deref(),
                    &verify::SearchSettings::default(),
                );
                let t4 = now();
                times.segment = t1 - t0;
                times.detect = t2 - t1;
                times.attribute = t3 - t2;
                times.verify = t4 - t3;
                t0 = t4;
                let stages = Stages {
                    layer: &layer,
                    detections: &detections,
                    attribution: &attribution,
                    verified: &verified,
                };
                assemble(
                    status,
                    Vec::new(),
                    Some(snapshot),
                    &extraction,
                    Some((&article, Some(stages))),
                )
            }
        }
    };
    add_comment_findings(&mut analysis.comments, &section);
    let end = now();
    times.assemble = end - t0;
    times.total = end - start;
    times.claims = analysis.claims.len();
    Ok(times)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::snapshot::html::snapshot_from_html;

    fn counter() -> impl FnMut() -> f64 {
        let mut ticks = 0.0;
        move || {
            ticks += 1.0;
            ticks
        }
    }

    /// The mirror of the pipeline finds what the pipeline finds, stage by
    /// stage: each stage is timed (the clock advanced through it) and the
    /// totals add up.
    #[test]
    fn stage_times_runs_the_same_analysis_as_the_pipeline() {
        let html = std::fs::read(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/www/sample/article.html"
        ))
        .expect("the playground's sample article");
        let snapshot = snapshot_from_html(&html, "https://ledger.example/news").expect("parses");
        let options = Options::default();
        let analysis = crate::analyze(&snapshot, &options).expect("analyses");
        assert!(!analysis.claims.is_empty());
        let mut clock = counter();
        let times = stage_times(&snapshot, &options, &mut clock).expect("times");
        assert_eq!(times.claims, analysis.claims.len());
        for (stage, t) in [
            ("extract", times.extract),
            ("segment", times.segment),
            ("detect", times.detect),
            ("attribute", times.attribute),
            ("verify", times.verify),
            ("comments", times.comments),
            ("assemble", times.assemble),
        ] {
            assert!(t >= 1.0, "stage {stage} was not timed: {times:?}");
        }
        let sum = times.extract
            + times.segment
            + times.detect
            + times.attribute
            + times.verify
            + times.comments
            + times.assemble;
        assert_eq!(sum, times.total);
    }

    #[test]
    fn a_page_without_an_article_times_only_what_runs() {
        let snapshot = snapshot_from_html(
            b"<html><body><nav><a href=/>Home</a></nav></body></html>",
            "https://x.test/",
        )
        .expect("parses");
        let mut clock = counter();
        let times = stage_times(&snapshot, &Options::default(), &mut clock).expect("times");
        assert_eq!(times.claims, 0);
        assert_eq!(times.detect, 0.0);
        assert_eq!(times.verify, 0.0);
    }
}
