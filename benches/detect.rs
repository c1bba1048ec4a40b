//! Check-worthiness speed: sentences per second through the model (with the
//! text layer already built, as in the pipeline, and stand-alone as in
//! `claimlens score`), and the time to load the shipped model.

use std::hint::black_box;

use claimlens::detect::{self, model::Model};
use claimlens::spans::ByteSpan;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

const SENTENCES: &[&str] = &[
    "Last year, Witkoff partnered with members of Trump’s family to launch a cryptocurrency company, which received a $2 billion investment.",
    "Unemployment fell from 10 percent in 2009 to 4.7 percent in 2016.",
    "I think we need to be much more careful.",
    "“Kushner has a bit more of a track record from the first administration,” said Ian Kelly, a retired career diplomat.",
    "The American envoys held further talks with Dmitriev on Sunday.",
    "Do you really believe that?",
    "Thank you very much.",
    "Nevertheless, Kushner is seen as a more credible negotiator than Witkoff, in a war that began with Moscow’s invasion in February 2022.",
    "The tax plan will cost $5 trillion over ten years, according to the Tax Policy Center.",
    "We're going to bring back jobs, and we're going to make America great again.",
];

fn corpus(copies: usize) -> (String, Vec<ByteSpan>) {
    let mut text = String::new();
    let mut paragraphs = Vec::new();
    for _ in 0..copies {
        for s in SENTENCES {
            let start = text.len();
            text.push_str(s);
            paragraphs.push(ByteSpan::new(start, text.len()));
            text.push_str("\n\n");
        }
    }
    (text, paragraphs)
}

fn bench(c: &mut Criterion) {
    let model = detect::default_model().expect("shipped model loads");
    let encoder = claimlens::encode::builtin();
    let encoder = encoder.as_deref();
    let (text, paragraphs) = corpus(100);
    let layer = claimlens::segment::analyse(&text, &paragraphs, None);
    let mut group = c.benchmark_group("detect");
    group.throughput(Throughput::Elements(layer.sentences.len() as u64));
    group.bench_function("score_with_text_layer", |b| {
        b.iter(|| detect::detect_with(model, black_box(&text), &layer, None, encoder))
    });
    group.throughput(Throughput::Elements(SENTENCES.len() as u64));
    group.bench_function("score_standalone_lines", |b| {
        b.iter(|| {
            for s in SENTENCES {
                black_box(detect::assess_sentence(model, black_box(s), None, encoder));
            }
        })
    });
    group.finish();
    let bytes = detect::embedded_model_bytes();
    c.bench_function("detect/model_load", |b| {
        b.iter(|| Model::from_bytes(black_box(bytes)).expect("loads"))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
