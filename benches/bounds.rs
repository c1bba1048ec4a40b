//! What the per-page limits (src/limits.rs) cost: full analyses of hostile
//! pages at and beyond the default limits. Each is cut, so its time is the
//! worst a reader waits on any page of that shape.
//! Run: `cargo bench --bench bounds`.

use std::hint::black_box;
use std::time::Duration;

use claimlens::limits::DEFAULT_LIMITS;
use claimlens::snapshot::{Node, Snapshot};
use claimlens::{analyze, analyze_text, Options};
use criterion::{criterion_group, criterion_main, Criterion};

const STORY: &str = "The council said on Monday that it spent $2 billion on roads last year, \
     according to a report by the city auditor. ";

fn page(extra: impl FnOnce(&mut Vec<Node>)) -> Snapshot {
    let mut nodes = vec![
        Node::element(None, "body"),
        Node::element(Some(0), "article"),
    ];
    for _ in 0..20 {
        let p = nodes.len() as u32;
        nodes.push(Node::element(Some(1), "p"));
        nodes.push(Node::text_node(p, &STORY.repeat(3)));
    }
    extra(&mut nodes);
    Snapshot {
        title: "Roads".into(),
        nodes,
        ..Snapshot::default()
    }
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("bounds");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(20));
    let options = Options::default();

    let million = page(|nodes| {
        for _ in 0..1_000_000 {
            nodes.push(Node::element(Some(0), "i"));
        }
    });
    group.bench_function("1M elements (cut to 250k)", |b| {
        b.iter(|| analyze(black_box(&million), &options).unwrap())
    });

    let giant = page(|nodes| {
        let aside = nodes.len() as u32;
        nodes.push(Node::element(Some(0), "aside"));
        nodes.push(Node::text_node(
            aside,
            &"lorem ipsum dolor sit amet ".repeat(2_000_000),
        ));
    });
    group.bench_function("54 MB text node (cut to 4M units)", |b| {
        b.iter(|| analyze(black_box(&giant), &options).unwrap())
    });

    let deep = page(|nodes| {
        let mut parent = 0;
        for _ in 0..100_000 {
            nodes.push(Node::element(Some(parent), "div"));
            parent = nodes.len() as u32 - 1;
        }
        nodes.push(Node::text_node(parent, "The bottom."));
    });
    group.bench_function("100k-deep nesting", |b| {
        b.iter(|| analyze(black_box(&deep), &options).unwrap())
    });

    let article =
        format!("{STORY}\n\n").repeat(DEFAULT_LIMITS.max_article_bytes / STORY.len() + 100);
    group.bench_function("article text at the 1 MB limit", |b| {
        b.iter(|| analyze_text(black_box(&article), &options))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
