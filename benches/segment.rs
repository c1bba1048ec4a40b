//! The text layer's throughput: sentence segmentation alone, and
//! segmentation plus every recogniser (`segment::analyse`), on
//!
//! - the seed article (`../shared/fixtures/seed-article.html`, ~12 KB), and
//! - the UD GUM dev documents (`../shared/data/segmentation`), ~200 KB of
//!   varied English, one paragraph per document.
//!
//! Goal: at least 20 MB/s natively. Criterion prints the throughput.
//! Set `CLAIMLENS_SHARED` when `../shared` is elsewhere.

use std::hint::black_box;

use claimlens::calendar::Date;
use claimlens::segment::{self, sentences};
use claimlens::spans::ByteSpan;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

use claimlens::dev_data::shared_dir;

/// The seed article's text and paragraphs.
fn seed() -> Option<(String, Vec<ByteSpan>)> {
    let html = std::fs::read(shared_dir().join("fixtures/seed-article.html")).ok()?;
    let snapshot = claimlens::snapshot::html::snapshot_from_html(&html, "").ok()?;
    let article = claimlens::extract::extract(&snapshot).ok()?.article?;
    let paragraphs = article.blocks.iter().map(|b| b.span).collect();
    Some((article.text, paragraphs))
}

/// GUM dev: each document's sentences joined with spaces, documents as paragraphs.
fn gum() -> Option<(String, Vec<ByteSpan>)> {
    let path = shared_dir().join("data/segmentation/gum_en_gum-ud-dev.sentences.jsonl");
    let raw = std::fs::read_to_string(path).ok()?;
    let mut text = String::new();
    let mut paragraphs = Vec::new();
    for line in raw.lines().filter(|l| !l.trim().is_empty()) {
        let doc: serde_json::Value = serde_json::from_str(line).ok()?;
        let start = text.len();
        for s in doc["sentences"].as_array()? {
            if text.len() > start {
                text.push(' ');
            }
            text.push_str(s.as_str()?);
        }
        paragraphs.push(ByteSpan::new(start, text.len()));
        text.push_str("\n\n");
    }
    Some((text, paragraphs))
}

fn bench(c: &mut Criterion) {
    let published = Date::new(2025, 12, 22);
    let corpora = [("seed article", seed()), ("UD GUM dev", gum())];
    for (name, corpus) in corpora {
        let Some((text, paragraphs)) = corpus else {
            eprintln!("skipping {name}: ../shared not found (set CLAIMLENS_SHARED)");
            continue;
        };
        let mut group = c.benchmark_group(name);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function("sentences", |b| {
            b.iter(|| {
                let mut spans = Vec::new();
                let mut info = Vec::new();
                for (i, p) in paragraphs.iter().enumerate() {
                    sentences::split_into(black_box(&text), *p, i, &mut spans, &mut info);
                }
                spans
            })
        });
        group.bench_function(
            "analyse (sentences, tokens, figures, times, entities)",
            |b| b.iter(|| segment::analyse(black_box(&text), &paragraphs, published)),
        );
        group.bench_function("language", |b| {
            b.iter(|| segment::language::detect(black_box(&text)))
        });
        group.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
