//! Every stage and the whole pipeline, through the stages' public entry
//! points (`snapshot_from_html`, `extract::extract`, `segment::analyse`,
//! `detect::detect`, `attribute::attribute_for`, `verify::verify`,
//! `comments::analyse`, `analyze`), so they keep working while the stages are
//! rewritten behind them. Each stage is fed the previous stages' output,
//! computed once per page beforehand. Matching and the whole analysis use the
//! shipped PolitiFact pack (`assets/factchecks/politifact.clpack`), as the
//! extension does; its load time is the `seed/pack_load` benchmark.
//! Stage-specific benches live next to this file (extraction.rs, detect.rs, …).
//!
//! Inputs:
//! - the 130 pages of `extraction/readability-test-pages` under the data
//!   directory: `$CLAIMLENS_DATA`, else `$CLAIMLENS_SHARED/data`, else
//!   `../shared/data` from the repo root;
//! - the seed article: `$CLAIMLENS_SEED`, else `<shared>/fixtures/seed-article.html`.
//!
//! `cargo bench --bench analysis` runs two things:
//! 1. criterion groups `seed/*` (one page) and `corpus/*` (all pages per
//!    iteration, throughput in bytes of HTML, so criterion prints MB/s);
//! 2. a per-page pass: each stage's median time on every page, then the
//!    median over pages, printed and written as JSON to
//!    `<target>/claimlens-bench/native.json` (read by `npm run bench`).
//!    Set `CLAIMLENS_BENCH_PER_PAGE=0` to skip it.
//!
//! Under `cargo test --all-targets` (no `--bench` flag) it only runs the seed
//! article through each entry point once, as a smoke test.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use claimlens::attribute::{self, Attribution};
use claimlens::detect::{self, Detection};
use claimlens::extract::{self, Extraction};
use claimlens::segment::TextLayer;
use claimlens::snapshot::html::snapshot_from_html;
use claimlens::spans::ByteSpan;
use claimlens::verify::{self, Pack, Registry};
use claimlens::{analyze, comments, encode, segment, Options, Snapshot};
use criterion::{Criterion, SamplingMode, Throughput};

/// The article text and paragraph spans `segment::analyse` takes. Kept in one
/// place: if extraction's output type changes, only this adapter follows it.
struct ArticleText {
    text: String,
    paragraphs: Vec<ByteSpan>,
    published: Option<claimlens::calendar::Date>,
}

fn article_text(extraction: &Extraction) -> Option<ArticleText> {
    let article = extraction.article.as_ref()?;
    Some(ArticleText {
        text: article.text.clone(),
        paragraphs: article.blocks.iter().map(|b| b.span).collect(),
        published: extraction.metadata.published,
    })
}

/// The later stages' inputs, as the pipeline builds them for an article.
struct Stages {
    layer: TextLayer,
    detections: Vec<Detection>,
    attribution: Attribution,
}

struct Page {
    name: String,
    html: Vec<u8>,
    snapshot: Snapshot,
    extraction: Extraction,
    article: Option<ArticleText>,
    stages: Option<Stages>,
}

impl Page {
    fn load(name: String, path: &Path) -> Result<Page, String> {
        let html = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
        let url = format!("http://127.0.0.1/{name}");
        let snapshot = snapshot_from_html(&html, &url)
            .map_err(|e| format!("{}: snapshot: {e}", path.display()))?;
        let extraction =
            extract::extract(&snapshot).map_err(|e| format!("{}: extract: {e}", path.display()))?;
        let article = article_text(&extraction);
        let stages = article.as_ref().map(|a| {
            let layer = segment::analyse(&a.text, &a.paragraphs, a.published);
            let detections = detect::detect(&a.text, &layer, None, encode::builtin().as_deref());
            let attribution =
                attribute::attribute_for(&a.text, &layer, extraction.metadata.site.as_deref());
            Stages {
                layer,
                detections,
                attribution,
            }
        });
        Ok(Page {
            name,
            html,
            snapshot,
            extraction,
            article,
            stages,
        })
    }

    fn run_snapshot(&self) -> usize {
        snapshot_from_html(&self.html, "http://127.0.0.1/")
            .map(|s| s.nodes.len())
            .unwrap_or(0)
    }

    fn run_extract(&self) -> usize {
        extract::extract(&self.snapshot)
            .ok()
            .and_then(|e| e.article.map(|a| a.text.len()))
            .unwrap_or(0)
    }

    fn run_segment(&self) -> usize {
        match &self.article {
            Some(a) => {
                let layer = segment::analyse(&a.text, &a.paragraphs, a.published);
                black_box(&layer);
                a.text.len()
            }
            None => 0,
        }
    }

    fn run_detect(&self) -> usize {
        match (&self.article, &self.stages) {
            (Some(a), Some(s)) => {
                detect::detect(&a.text, &s.layer, None, encode::builtin().as_deref()).len();
                a.text.len()
            }
            _ => 0,
        }
    }

    fn run_attribute(&self) -> usize {
        match (&self.article, &self.stages) {
            (Some(a), Some(s)) => {
                let attribution = attribute::attribute_for(
                    &a.text,
                    &s.layer,
                    self.extraction.metadata.site.as_deref(),
                );
                black_box(&attribution);
                a.text.len()
            }
            _ => 0,
        }
    }

    /// Notes for every claim, check-worthy ones matched against the packs.
    fn run_verify(&self, options: &Options) -> usize {
        match (&self.article, &self.stages) {
            (Some(a), Some(s)) => {
                let verified = verify::verify(
                    &a.text,
                    &s.layer,
                    &s.detections,
                    &s.attribution,
                    a.published,
                    options.factchecks.as_deref(),
                    &verify::SearchSettings::default(),
                );
                black_box(&verified);
                a.text.len()
            }
            _ => 0,
        }
    }

    /// The comment sections' integrity analysis (the pipeline's inputs and context).
    fn run_comments(&self) -> usize {
        let inputs: Vec<_> = self
            .extraction
            .comments
            .iter()
            .map(|c| {
                comments::input::with_metadata(
                    Some(&self.snapshot),
                    &c.body,
                    c.author.as_deref(),
                    c.time.as_deref(),
                    c.time_shown.as_deref(),
                )
            })
            .collect();
        let report = comments::analyse(
            &inputs,
            &comments::Context {
                article: self.article.as_ref().map(|a| a.text.as_str()),
                english: true,
            },
        );
        black_box(&report);
        inputs.iter().map(|c| c.text.len()).sum()
    }

    fn run_analyze(&self, options: &Options) -> usize {
        analyze(&self.snapshot, options)
            .map(|a| a.claims.len())
            .unwrap_or(0)
    }

    /// What the CLI does: HTML bytes to the analysis JSON.
    fn run_html_to_json(&self, options: &Options) -> usize {
        let Ok(snapshot) = snapshot_from_html(&self.html, "http://127.0.0.1/") else {
            return 0;
        };
        analyze(&snapshot, options)
            .ok()
            .and_then(|a| serde_json::to_string(&a).ok())
            .map_or(0, |json| json.len())
    }
}

/// The stages the per-page pass times, in pipeline order.
const STAGES: &[&str] = &[
    "snapshot",
    "extract",
    "segment",
    "detect",
    "attribute",
    "verify",
    "comments",
    "analyze",
    "analyze_no_pack",
    "html_to_json",
];

/// Stages whose input is the article text (their MB/s is of text, not HTML).
const TEXT_STAGES: &[&str] = &["segment", "detect", "attribute", "verify"];

fn run_stage(page: &Page, stage: &str, options: &Options) -> usize {
    match stage {
        "snapshot" => page.run_snapshot(),
        "extract" => page.run_extract(),
        "segment" => page.run_segment(),
        "detect" => page.run_detect(),
        "attribute" => page.run_attribute(),
        "verify" => page.run_verify(options),
        "comments" => page.run_comments(),
        "analyze" => page.run_analyze(options),
        // The whole analysis with no fact-check pack loaded: what matching costs.
        "analyze_no_pack" => page.run_analyze(&Options::default()),
        "html_to_json" => page.run_html_to_json(options),
        _ => 0,
    }
}

use claimlens::dev_data::{data_dir, seed_article as seed_path};

fn load_seed() -> Result<Page, String> {
    let path = seed_path();
    if !path.is_file() {
        return Err(format!(
            "the seed article is missing at {} (set CLAIMLENS_SHARED or CLAIMLENS_SEED)",
            path.display()
        ));
    }
    Page::load("seed-article".to_string(), &path)
}

/// Every page that snapshots and extracts; the others are reported and skipped.
fn load_corpus() -> Result<Vec<Page>, String> {
    let dir = data_dir().join("extraction/readability-test-pages");
    let entries = std::fs::read_dir(&dir).map_err(|e| {
        format!(
            "cannot read the test pages at {}: {e} (set CLAIMLENS_SHARED or CLAIMLENS_DATA)",
            dir.display()
        )
    })?;
    let mut names: Vec<String> = entries
        .filter_map(|e| e.ok())
        .filter(|e| e.path().join("source.html").is_file())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    let mut pages = Vec::with_capacity(names.len());
    for name in names {
        match Page::load(name.clone(), &dir.join(&name).join("source.html")) {
            Ok(page) => pages.push(page),
            Err(e) => eprintln!("analysis bench: skipping {e}"),
        }
    }
    if pages.is_empty() {
        return Err(format!("no test pages under {}", dir.display()));
    }
    Ok(pages)
}

fn default_pack_bytes() -> Result<Vec<u8>, String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/factchecks/politifact.clpack");
    std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))
}

/// The options the extension analyses with: the shipped fact-check pack loaded.
fn options_with_default_pack() -> Result<Options, String> {
    let pack = Pack::from_bytes(&default_pack_bytes()?)
        .map_err(|e| format!("the default pack does not load: {e}"))?;
    let mut registry = Registry::new();
    registry.add(Arc::new(pack));
    Ok(Options {
        factchecks: Some(Arc::new(registry)),
        ..Options::default()
    })
}

fn bench_seed(c: &mut Criterion, seed: &Page, options: &Options) {
    let mut group = c.benchmark_group("seed");
    if let Ok(bytes) = default_pack_bytes() {
        group.throughput(Throughput::Bytes(bytes.len() as u64));
        group.bench_function("pack_load", |b| {
            b.iter(|| Pack::from_bytes(black_box(&bytes)).map(|p| p.len()))
        });
    }
    group.throughput(Throughput::Bytes(seed.html.len() as u64));
    for &stage in STAGES {
        group.bench_function(stage, |b| {
            b.iter(|| run_stage(black_box(seed), stage, options))
        });
    }
    group.finish();
}

fn bench_corpus(c: &mut Criterion, pages: &[Page], options: &Options) {
    let html_bytes: u64 = pages.iter().map(|p| p.html.len() as u64).sum();
    let text_bytes: u64 = pages
        .iter()
        .filter_map(|p| p.article.as_ref())
        .map(|a| a.text.len() as u64)
        .sum();
    let mut group = c.benchmark_group("corpus");
    // One iteration is the whole corpus (hundreds of ms): few, flat samples.
    group
        .sampling_mode(SamplingMode::Flat)
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(8));
    for &stage in STAGES {
        // The text stages read article text, not HTML: their MB/s is of text.
        let bytes = if TEXT_STAGES.contains(&stage) {
            text_bytes
        } else {
            html_bytes
        };
        group.throughput(Throughput::Bytes(bytes));
        group.bench_function(stage, |b| {
            b.iter(|| {
                pages
                    .iter()
                    .map(|p| run_stage(black_box(p), stage, options))
                    .sum::<usize>()
            })
        });
    }
    group.finish();
}

/// Every stage's run times on `page`, taken round-robin (one run of each
/// stage in turn) so that bursts of load from other processes hit all stages
/// alike: at least 5 rounds and 50 ms, at most 200 rounds or 3 s.
fn page_times(page: &Page, options: &Options) -> Vec<Vec<Duration>> {
    for &stage in STAGES {
        black_box(run_stage(page, stage, options)); // warm-up
    }
    let mut times = vec![Vec::new(); STAGES.len()];
    let started = Instant::now();
    let mut rounds = 0;
    while rounds < 5
        || (rounds < 200
            && started.elapsed() < Duration::from_millis(50)
            && started.elapsed() < Duration::from_secs(3))
    {
        for (i, &stage) in STAGES.iter().enumerate() {
            let t = Instant::now();
            black_box(run_stage(black_box(page), stage, options));
            times[i].push(t.elapsed());
        }
        rounds += 1;
    }
    times
}

fn median(times: &mut [Duration]) -> Duration {
    times.sort();
    match times.len() {
        0 => Duration::ZERO,
        n if n % 2 == 1 => times[n / 2],
        n => (times[n / 2 - 1] + times[n / 2]) / 2,
    }
}

fn micros(d: Duration) -> f64 {
    d.as_secs_f64() * 1e6
}

/// Per-page medians of every stage, printed and written as JSON.
fn per_page_pass(pages: &[Page], seed: Option<&Page>, options: &Options) -> serde_json::Value {
    let mut rows = Vec::new();
    let mut by_stage: Vec<Vec<Duration>> = vec![Vec::new(); STAGES.len()];
    let mut fastest_by_stage: Vec<Vec<Duration>> = vec![Vec::new(); STAGES.len()];
    println!();
    println!("per-page medians (µs):");
    println!(
        "{:<44} {:>9} {:>9} {}",
        "page",
        "html KB",
        "text KB",
        STAGES
            .iter()
            .map(|s| format!("{s:>12}"))
            .collect::<String>()
    );
    for page in seed.into_iter().chain(pages) {
        let mut samples = page_times(page, options);
        let fastest: Vec<Duration> = samples
            .iter()
            .map(|t| t.iter().min().copied().unwrap_or_default())
            .collect();
        let times: Vec<Duration> = samples.iter_mut().map(|t| median(t)).collect();
        let text_len = page.article.as_ref().map_or(0, |a| a.text.len());
        println!(
            "{:<44} {:>9.1} {:>9.1} {}",
            page.name,
            page.html.len() as f64 / 1024.0,
            text_len as f64 / 1024.0,
            times
                .iter()
                .map(|t| format!("{:>12.1}", micros(*t)))
                .collect::<String>()
        );
        let is_seed = seed.is_some_and(|s| std::ptr::eq(s, page));
        if !is_seed {
            for (all, t) in by_stage.iter_mut().zip(&times) {
                all.push(*t);
            }
            for (all, t) in fastest_by_stage.iter_mut().zip(&fastest) {
                all.push(*t);
            }
        }
        let stage_times: serde_json::Map<String, serde_json::Value> = STAGES
            .iter()
            .zip(&times)
            .map(|(s, t)| (s.to_string(), micros(*t).into()))
            .collect();
        let stage_fastest: serde_json::Map<String, serde_json::Value> = STAGES
            .iter()
            .zip(&fastest)
            .map(|(s, t)| (s.to_string(), micros(*t).into()))
            .collect();
        rows.push(serde_json::json!({
            "page": page.name,
            "seed": is_seed,
            "html_bytes": page.html.len(),
            "text_bytes": text_len,
            "found_article": page.extraction.article.is_some(),
            "micros": stage_times,
            "fastest_micros": stage_fastest,
            "runs": samples.first().map_or(0, Vec::len),
        }));
    }
    let html_total: usize = pages.iter().map(|p| p.html.len()).sum();
    let text_total: usize = pages
        .iter()
        .filter_map(|p| p.article.as_ref())
        .map(|a| a.text.len())
        .sum();
    let mut summary = serde_json::Map::new();
    println!();
    println!(
        "over {} pages ({:.1} MB HTML, {:.1} MB article text):",
        pages.len(),
        html_total as f64 / 1e6,
        text_total as f64 / 1e6
    );
    for ((stage, times), fastest) in STAGES
        .iter()
        .zip(by_stage.iter_mut())
        .zip(fastest_by_stage.iter_mut())
    {
        let sum: Duration = times.iter().sum();
        let bytes = if TEXT_STAGES.contains(stage) {
            text_total
        } else {
            html_total
        };
        let mb_per_s = bytes as f64 / 1e6 / sum.as_secs_f64().max(1e-12);
        let med = median(times);
        // The median over pages of each page's fastest run: the least
        // load-dependent figure on a shared machine.
        let med_fastest = median(fastest);
        let p90 = times
            .get((times.len() * 9 / 10).min(times.len().saturating_sub(1)))
            .copied()
            .unwrap_or_default();
        let max = times.last().copied().unwrap_or_default();
        println!(
            "  {stage:<13} median {:>9.1} µs (fastest runs {:>9.1})  p90 {:>9.1} µs  max {:>10.1} µs  sum {:>8.1} ms  {:>7.1} MB/s",
            micros(med),
            micros(med_fastest),
            micros(p90),
            micros(max),
            sum.as_secs_f64() * 1e3,
            mb_per_s
        );
        summary.insert(
            stage.to_string(),
            serde_json::json!({
                "median_page_micros": micros(med),
                "median_page_fastest_micros": micros(med_fastest),
                "p90_page_micros": micros(p90),
                "max_page_micros": micros(max),
                "sum_millis": sum.as_secs_f64() * 1e3,
                "mb_per_s": mb_per_s,
                "bytes": bytes,
            }),
        );
    }
    serde_json::json!({
        "pages": pages.len(),
        "html_bytes": html_total,
        "text_bytes": text_total,
        "stages": summary,
        "rows": rows,
    })
}

/// `$CARGO_TARGET_DIR`, else the target directory this binary was built into
/// (`<target>/<profile>/deps/analysis-…`).
fn target_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("CARGO_TARGET_DIR") {
        return PathBuf::from(dir);
    }
    std::env::current_exe()
        .ok()
        .and_then(|exe| exe.ancestors().nth(3).map(Path::to_path_buf))
        .unwrap_or_else(|| PathBuf::from("target"))
}

fn write_report(report: &serde_json::Value) {
    let dir = target_dir().join("claimlens-bench");
    let path = dir.join("native.json");
    let written =
        std::fs::create_dir_all(&dir).and_then(|()| std::fs::write(&path, format!("{report:#}\n")));
    match written {
        Ok(()) => println!("\nanalysis bench: wrote {}", path.display()),
        Err(e) => eprintln!("analysis bench: cannot write {}: {e}", path.display()),
    }
}

/// `cargo test --all-targets` runs this binary without `--bench`: check that
/// every entry point runs on the seed article, quickly.
fn smoke_test(options: &Options) {
    match load_seed() {
        Ok(seed) => {
            // The seed article has no comment section.
            for &stage in STAGES.iter().filter(|&&s| s != "comments") {
                let out = run_stage(&seed, stage, options);
                assert!(
                    out > 0,
                    "stage {stage} produced nothing on the seed article"
                );
            }
            println!(
                "analysis bench: smoke test passed (run `cargo bench --bench analysis` to measure)"
            );
        }
        Err(e) => println!("analysis bench: smoke test skipped: {e}"),
    }
}

fn main() {
    let options = match options_with_default_pack() {
        Ok(options) => options,
        Err(e) => {
            eprintln!("analysis bench: {e}; matching against no pack");
            Options::default()
        }
    };
    if !std::env::args().any(|a| a == "--bench") {
        smoke_test(&options);
        return;
    }
    let mut criterion = Criterion::default().configure_from_args();
    let seed = match load_seed() {
        Ok(seed) => Some(seed),
        Err(e) => {
            eprintln!("analysis bench: {e}");
            None
        }
    };
    let pages = match load_corpus() {
        Ok(pages) => pages,
        Err(e) => {
            eprintln!("analysis bench: {e}");
            std::process::exit(2);
        }
    };
    if let Some(seed) = &seed {
        bench_seed(&mut criterion, seed, &options);
    }
    bench_corpus(&mut criterion, &pages, &options);
    criterion.final_summary();
    if std::env::var("CLAIMLENS_BENCH_PER_PAGE").as_deref() != Ok("0") {
        let mut report = per_page_pass(&pages, seed.as_ref(), &options);
        if let (Some(object), Some(seed)) = (report.as_object_mut(), &seed) {
            object.insert("seed_html_bytes".into(), seed.html.len().into());
        }
        write_report(&report);
    }
}
