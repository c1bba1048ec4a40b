//! Article extraction speed over Readability.js's 130 test pages plus the
//! seed article, in MB of HTML per second: building the snapshot with
//! html5ever, extracting from a built snapshot, and both together.
//!
//! Data: `../shared/data` (or `CLAIMLENS_DATA`), `../shared/fixtures`
//! (or `CLAIMLENS_SHARED`). Run: `cargo bench --bench extraction`.

use std::hint::black_box;
use std::path::PathBuf;
use std::time::Duration;

use claimlens::extract::extract;
use claimlens::snapshot::html::snapshot_from_html;
use claimlens::snapshot::Snapshot;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

fn pages() -> Vec<Vec<u8>> {
    let dir = claimlens::dev_data::data_dir().join("extraction/readability-test-pages");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e} (set CLAIMLENS_DATA)", dir.display()))
        .filter_map(Result::ok)
        .map(|e| e.path().join("source.html"))
        .filter(|p| p.is_file())
        .collect();
    paths.sort();
    paths.push(claimlens::dev_data::seed_article());
    paths
        .iter()
        .map(|p| std::fs::read(p).unwrap_or_else(|e| panic!("{}: {e}", p.display())))
        .collect()
}

fn bench(c: &mut Criterion) {
    let pages = pages();
    let bytes: u64 = pages.iter().map(|p| p.len() as u64).sum();
    let snapshots: Vec<Snapshot> = pages
        .iter()
        .map(|p| snapshot_from_html(p, "").expect("test pages parse"))
        .collect();

    let mut group = c.benchmark_group(format!("extraction/{}-pages", pages.len()));
    group.throughput(Throughput::BytesDecimal(bytes));
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(20));
    group.bench_function("snapshot", |b| {
        b.iter(|| {
            for page in &pages {
                black_box(snapshot_from_html(black_box(page), "").ok());
            }
        })
    });
    group.bench_function("extract", |b| {
        b.iter(|| {
            for snapshot in &snapshots {
                black_box(extract(black_box(snapshot)).ok());
            }
        })
    });
    group.bench_function("snapshot+extract", |b| {
        b.iter(|| {
            for page in &pages {
                let snapshot = snapshot_from_html(black_box(page), "").ok();
                black_box(snapshot.as_ref().map(extract));
            }
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
