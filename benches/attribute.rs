//! The attribution stage against the whole analysis of a typical article
//! (the seed page, ../shared/fixtures/seed-article.html): the stage must add
//! at most 20% to the analysis time. Also one long page (the seed article's
//! text repeated to ~100 KB) to show the stage stays linear.
//!
//! `cargo bench --bench attribute`

use std::hint::black_box;

use claimlens::attribute;
use claimlens::segment::{self, TextLayer};
use claimlens::snapshot::html::snapshot_from_html;
use claimlens::spans::ByteSpan;
use claimlens::{analyze, extract, Options, Snapshot};
use criterion::{criterion_group, criterion_main, Criterion};

use claimlens::dev_data::read_seed_article as seed_html;

/// The article text, its paragraphs and the text layer, as the pipeline builds them.
fn layer_of(snapshot: &Snapshot) -> (String, TextLayer) {
    let extraction = extract::extract(snapshot).expect("extracts");
    let article = extraction.article.expect("the seed page has an article");
    let paragraphs: Vec<ByteSpan> = article.blocks.iter().map(|b| b.span).collect();
    let layer = segment::analyse(&article.text, &paragraphs, extraction.metadata.published);
    (article.text, layer)
}

fn bench(c: &mut Criterion) {
    let html = seed_html();
    let snapshot = snapshot_from_html(&html, "https://example.test/seed").expect("parses");
    let options = Options::default();
    let (text, layer) = layer_of(&snapshot);

    let mut group = c.benchmark_group("seed article");
    group.bench_function("full analysis (snapshot to JSON value)", |b| {
        b.iter(|| analyze(black_box(&snapshot), &options).expect("analyses"))
    });
    group.bench_function("attribution stage alone", |b| {
        b.iter(|| attribute::attribute_for(black_box(&text), black_box(&layer), Some("Example")))
    });
    group.finish();

    // A long page: the article text twenty times over, paragraphs kept.
    let long: String = std::iter::repeat_n(text.as_str(), 20)
        .collect::<Vec<_>>()
        .join("\n\n");
    let rendered = claimlens::pipeline::rendered_from_plain_text(&long);
    let paragraphs: Vec<ByteSpan> = rendered.blocks.iter().map(|b| b.span).collect();
    let long_layer = segment::analyse(&long, &paragraphs, None);
    let mut group = c.benchmark_group("long page (20x seed text)");
    group.sample_size(20);
    group.bench_function("text layer", |b| {
        b.iter(|| segment::analyse(black_box(&long), &paragraphs, None))
    });
    group.bench_function("attribution stage", |b| {
        b.iter(|| attribute::attribute_for(black_box(&long), black_box(&long_layer), None))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
