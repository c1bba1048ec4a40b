//! Per-stage timings of one analysis, read from a caller-supplied clock, for
//! the benchmarks: the in-browser harness calls it through the WASM (which has
//! no `std::time`) with `performance.now`. The pipeline itself takes the
//! clock ([`Laps`]), so what is timed is exactly what [`crate::analyze`] runs.

use serde::Serialize;

use crate::analysis::Analysis;
use crate::pipeline::{self, AnalyzeError, Options};
use crate::snapshot::Snapshot;

/// Milliseconds (in the clock's unit) spent in each stage. Stages a page does
/// not reach (no article, not English) take 0.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct StageTimes {
    /// The page-size cut and extraction.
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
    /// Filled by the WASM wrapper only (0 natively), outside `total`: the
    /// JS snapshot value copied into the WASM (a snapshot object: turned
    /// into text by `JSON.stringify`; a flat one: its parts copied) ...
    pub decode_stringify: f64,
    /// ... then read into a [`Snapshot`] (serde_json, or `snapshot::flat`) ...
    pub decode_parse: f64,
    /// ... and the analysis turned into the JS value `analyze` returns.
    pub encode: f64,
    /// The same analysis turned into the flat draw result `analyze_draw`
    /// returns instead ([`crate::draw`]), for comparing the two in one run.
    pub encode_draw: f64,
}

/// Analyses `snapshot` exactly as [`crate::analyze`] does (the same code
/// path), timing each stage with `now`.
pub fn stage_times(
    snapshot: &Snapshot,
    options: &Options,
    now: &mut dyn FnMut() -> f64,
) -> Result<StageTimes, AnalyzeError> {
    timed_analysis(snapshot, options, now).map(|(times, _)| times)
}

/// [`stage_times`] and the analysis itself, for callers that also time
/// what happens to the result (the WASM's encoding of it).
pub fn timed_analysis(
    snapshot: &Snapshot,
    options: &Options,
    now: &mut dyn FnMut() -> f64,
) -> Result<(StageTimes, Analysis), AnalyzeError> {
    let mut laps = Laps::on(now);
    let analysis = pipeline::analyze_with_laps(snapshot, options, &mut laps)?;
    let mut times = laps.times;
    times.claims = analysis.claims.len();
    Ok((times, analysis))
}

/// The pipeline's stopwatch: each `lap` charges the time since the previous
/// one to a stage. Switched off (no clock), a lap costs one branch.
pub struct Laps<'a> {
    now: Option<&'a mut dyn FnMut() -> f64>,
    start: f64,
    last: f64,
    times: StageTimes,
}

impl<'a> Laps<'a> {
    /// No timing: what [`crate::analyze`] uses.
    pub fn off() -> Laps<'static> {
        Laps {
            now: None,
            start: 0.0,
            last: 0.0,
            times: StageTimes::default(),
        }
    }

    pub fn on(now: &'a mut dyn FnMut() -> f64) -> Laps<'a> {
        let start = now();
        Laps {
            now: Some(now),
            start,
            last: start,
            times: StageTimes::default(),
        }
    }

    /// Charges the time since the last lap to `stage`.
    pub fn lap(&mut self, stage: fn(&mut StageTimes) -> &mut f64) {
        if let Some(now) = self.now.as_mut() {
            let t = now();
            *stage(&mut self.times) += t - self.last;
            self.last = t;
            self.times.total = t - self.start;
        }
    }
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

    /// The timed analysis finds what the pipeline finds, each stage is timed
    /// (the clock advanced through it) and the totals add up.
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
