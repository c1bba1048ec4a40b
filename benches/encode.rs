//! The sentence encoder: encoding every sentence of the seed article (budget
//! 0.5 ms natively, issue 16) and loading the encoder file (what the
//! extension's background pays once per lifetime).
//!
//! The seed article: `$CLAIMLENS_SEED`, else `<shared>/fixtures/seed-article.html`
//! with `<shared>` = `$CLAIMLENS_SHARED` or `../shared`.

use std::hint::black_box;
use std::path::PathBuf;

use claimlens::encode::Encoder;
use claimlens::snapshot::html::snapshot_from_html;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

fn seed_sentences() -> Vec<String> {
    let html = claimlens::dev_data::read_seed_article();
    let snapshot = snapshot_from_html(&html, "https://example.com/seed").expect("snapshot");
    let extraction = claimlens::extract::extract(&snapshot).expect("extraction");
    let article = extraction.article.expect("the seed article has an article");
    let paragraphs: Vec<_> = article.blocks.iter().map(|b| b.span).collect();
    let layer = claimlens::segment::analyse(&article.text, &paragraphs, None);
    layer
        .sentences
        .iter()
        .map(|s| s.of(&article.text).to_string())
        .collect()
}

fn bench(c: &mut Criterion) {
    let encoder = claimlens::encode::builtin().expect("assets/encoder.clenc loads");
    let sentences = seed_sentences();
    let mut group = c.benchmark_group("encode");
    group.throughput(Throughput::Elements(sentences.len() as u64));
    group.bench_function("seed_article_sentences", |b| {
        b.iter(|| {
            for s in &sentences {
                black_box(encoder.encode(black_box(s)));
            }
        })
    });
    group.finish();
    let bytes =
        std::fs::read(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("assets/encoder.clenc"))
            .expect("assets/encoder.clenc");
    c.bench_function("encode/load", |b| {
        b.iter(|| Encoder::from_bytes(black_box(&bytes)).expect("loads"))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
