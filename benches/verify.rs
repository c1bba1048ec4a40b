//! Fact-check matching and packs (`cargo bench --bench verify`).
//!
//! Targets: matching one article's claims against a 20,000-record pack in
//! ≤ 5 ms natively; loading the shipped pack fast enough for the browser's
//! ≤ 50 ms budget (measured natively here, in the browser separately).

use std::hint::black_box;
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use claimlens::snapshot::html::snapshot_from_html;
use claimlens::verify::factcheck::FactCheck;
use claimlens::verify::live::live_matches;
use claimlens::verify::matcher::{Analysed, SearchSettings, Searcher};
use claimlens::verify::pack::{self, PackMeta};
use claimlens::verify::{Pack, Registry};
use claimlens::Options;
use criterion::{criterion_group, criterion_main, Bencher, Criterion};

/// This thread's CPU time so far (Linux `/proc/thread-self/schedstat`), or
/// `None` where it cannot be read.
fn thread_cpu_time() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: u64 = stat.split_whitespace().next()?.parse().ok()?;
    Some(Duration::from_nanos(ns))
}

/// Times `f` by this thread's CPU time rather than the wall clock, so the
/// figure holds on a machine shared with other jobs (builds, browsers).
/// Falls back to the wall clock where CPU time is unavailable.
fn iter_cpu<O>(b: &mut Bencher<'_>, mut f: impl FnMut() -> O) {
    b.iter_custom(|iters| {
        let wall = std::time::Instant::now();
        let start = thread_cpu_time();
        for _ in 0..iters {
            black_box(f());
        }
        match (start, thread_cpu_time()) {
            (Some(a), Some(b)) => b.saturating_sub(a),
            _ => wall.elapsed(),
        }
    })
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn default_pack_bytes() -> Vec<u8> {
    std::fs::read(root().join("assets/factchecks/politifact.clpack"))
        .expect("the default pack is committed")
}

/// The shipped 19,250 PolitiFact records plus 750 more (their headlines as
/// claims), so the benchmark pack has exactly 20,000 records of real text.
fn pack_of_20000(default: &Pack) -> Pack {
    let mut records: Vec<FactCheck> = (0..default.len())
        .filter_map(|i| default.record(i))
        .collect();
    let extra: Vec<FactCheck> = records
        .iter()
        .filter(|r| r.headline.is_some())
        .take(20_000 - records.len())
        .map(|r| FactCheck {
            id: format!("{}-headline", r.id),
            claim_reviewed: r.headline.clone().unwrap_or_default(),
            ..r.clone()
        })
        .collect();
    records.extend(extra);
    assert_eq!(records.len(), 20_000);
    let (bytes, _) = pack::build(
        &records,
        &PackMeta {
            name: "bench-20000".into(),
            ..PackMeta::default()
        },
    )
    .expect("the bench pack builds");
    Pack::from_bytes(&bytes).expect("the bench pack loads")
}

/// The check-worthy claims of the repository's sample article.
fn sample_claims() -> (
    Vec<String>,
    Option<claimlens::calendar::Date>,
    claimlens::Snapshot,
) {
    let html = std::fs::read(root().join("www/sample/article.html")).expect("sample article");
    let snapshot = snapshot_from_html(&html, "https://ledger.example/news").expect("sample parses");
    let analysis = claimlens::analyze(&snapshot, &Options::default()).expect("sample analyses");
    let published = analysis
        .article
        .published
        .as_deref()
        .and_then(claimlens::calendar::Date::parse_iso);
    let claims = analysis
        .claims
        .iter()
        .filter(|c| c.checkworthy)
        .map(|c| c.text.clone())
        .collect();
    (claims, published, snapshot)
}

fn bench(c: &mut Criterion) {
    let bytes = default_pack_bytes();
    eprintln!("default pack: {} bytes", bytes.len());
    c.bench_function("pack load: default PolitiFact pack (19,250 records)", |b| {
        b.iter(|| Pack::from_bytes(black_box(&bytes)).expect("loads"))
    });
    c.bench_function(
        "pack load: default PolitiFact pack (19,250 records), CPU time",
        |b| iter_cpu(b, || Pack::from_bytes(black_box(&bytes)).expect("loads")),
    );

    let default = Pack::from_bytes(&bytes).expect("loads");
    let big = pack_of_20000(&default);
    let (claims, published, snapshot) = sample_claims();
    eprintln!("sample article: {} check-worthy claims", claims.len());
    let mut registry = Registry::new();
    registry.add(Arc::new(big));
    let settings = SearchSettings::default();
    let mut searcher = Searcher::default();
    let mut match_all = || {
        for claim in &claims {
            let analysed = Analysed::new(claim, published);
            black_box(registry.search(&mut searcher, &analysed, &settings));
        }
    };
    c.bench_function(
        "match: sample article's check-worthy claims vs 20,000-record pack",
        |b| b.iter(&mut match_all),
    );
    c.bench_function(
        "match: sample article's check-worthy claims vs 20,000-record pack, CPU time",
        |b| iter_cpu(b, &mut match_all),
    );

    let registry = Arc::new(registry);
    let with_packs = Options {
        factchecks: Some(registry.clone()),
        ..Options::default()
    };
    c.bench_function("analyze: sample article, no packs", |b| {
        b.iter(|| claimlens::analyze(black_box(&snapshot), &Options::default()).expect("analyses"))
    });
    c.bench_function("analyze: sample article, 20,000-record pack", |b| {
        b.iter(|| claimlens::analyze(black_box(&snapshot), &with_packs).expect("analyses"))
    });
    c.bench_function(
        "analyze: sample article, 20,000-record pack, CPU time",
        |b| {
            iter_cpu(b, || {
                claimlens::analyze(black_box(&snapshot), &with_packs).expect("analyses")
            })
        },
    );

    bench_seed(c, &default);

    let records: Vec<FactCheck> = (0..default.len())
        .filter_map(|i| default.record(i))
        .collect();
    let mut group = c.benchmark_group("pack build");
    group.sample_size(10);
    group.bench_function("19,250 records", |b| {
        b.iter(|| pack::build(black_box(&records), &PackMeta::default()).expect("builds"))
    });
    group.finish();

    let body = live_response(10);
    c.bench_function("live: claims:search response with 10 claims", |b| {
        b.iter(|| {
            live_matches(
                "Drinking hot water kills the coronavirus, posts claim.",
                None,
                black_box(body.as_bytes()),
                &settings,
            )
            .expect("parses")
        })
    });
}

/// The seed article (`../shared/fixtures/seed-article.html`) against the
/// shipped pack: the whole analysis, and its matching alone. Skipped, with a
/// note, when the shared fixture is missing.
fn bench_seed(c: &mut Criterion, shipped: &Pack) {
    let path = claimlens::dev_data::seed_article();
    let Ok(html) = std::fs::read(&path) else {
        eprintln!(
            "seed article missing at {}: seed cases skipped",
            path.display()
        );
        return;
    };
    let snapshot = snapshot_from_html(&html, "https://example.com/").expect("seed parses");
    let mut registry = Registry::new();
    registry.add(Arc::new(shipped.clone()));
    let registry = Arc::new(registry);
    let with_pack = Options {
        factchecks: Some(registry.clone()),
        ..Options::default()
    };
    let analysis = claimlens::analyze(&snapshot, &Options::default()).expect("seed analyses");
    let published = analysis
        .article
        .published
        .as_deref()
        .and_then(claimlens::calendar::Date::parse_iso);
    let claims: Vec<String> = analysis
        .claims
        .iter()
        .filter(|c| c.checkworthy)
        .map(|c| c.text.clone())
        .collect();
    eprintln!("seed article: {} check-worthy claims", claims.len());
    let settings = SearchSettings::default();
    let mut searcher = Searcher::default();
    c.bench_function(
        "match: seed article's check-worthy claims vs shipped pack, CPU time",
        |b| {
            iter_cpu(b, || {
                for claim in &claims {
                    let analysed = Analysed::new(claim, published);
                    black_box(registry.search(&mut searcher, &analysed, &settings));
                }
            })
        },
    );
    c.bench_function("analyze: seed article, no packs, CPU time", |b| {
        iter_cpu(b, || {
            claimlens::analyze(black_box(&snapshot), &Options::default()).expect("analyses")
        })
    });
    c.bench_function("analyze: seed article, shipped pack, CPU time", |b| {
        iter_cpu(b, || {
            claimlens::analyze(black_box(&snapshot), &with_pack).expect("analyses")
        })
    });
}

fn live_response(n: usize) -> String {
    let claims: Vec<String> = (0..n)
        .map(|i| {
            format!(
                r#"{{"text": "Claim number {i}: drinking hot water kills the coronavirus.", "claimant": "Posts",
                  "claimDate": "2020-03-10T00:00:00Z", "claimReview": [{{"publisher": {{"name": "Checker {i}", "site": "c{i}.example"}},
                  "url": "https://c{i}.example/check", "title": "No, hot water does not kill the virus",
                  "reviewDate": "2020-03-12T00:00:00Z", "textualRating": "False", "languageCode": "en"}}]}}"#
            )
        })
        .collect();
    format!(
        r#"{{"claims": [{}], "nextPageToken": "x"}}"#,
        claims.join(",")
    )
}

criterion_group!(benches, bench);
criterion_main!(benches);
