//! The comment-section integrity stage on a synthetic 500-comment section.
//! Target: the stage adds ≤ 5 ms natively (`cargo bench --bench comments`).

use std::hint::black_box;

use claimlens::comments::{analyse, CommentInput, Context};
use criterion::{criterion_group, criterion_main, Criterion};

const WORDS: &[&str] = &[
    "the",
    "council",
    "plan",
    "is",
    "a",
    "of",
    "and",
    "to",
    "in",
    "that",
    "it",
    "for",
    "on",
    "with",
    "as",
    "was",
    "bus",
    "lanes",
    "parking",
    "city",
    "budget",
    "tax",
    "water",
    "jobs",
    "people",
    "money",
    "years",
    "street",
    "think",
    "know",
    "said",
    "would",
    "could",
    "should",
    "not",
    "but",
    "if",
    "they",
    "we",
    "you",
    "I",
    "my",
    "mayor",
    "vote",
    "voted",
    "project",
    "residents",
    "business",
    "owners",
    "traffic",
    "school",
    "kids",
    "honestly",
    "really",
    "never",
    "always",
    "again",
    "before",
    "after",
    "because",
    "why",
    "what",
    "who",
    "cost",
    "million",
    "billion",
    "federal",
    "state",
    "grant",
    "rent",
    "prices",
    "houses",
    "roads",
    "repairs",
    "library",
    "hours",
    "weekend",
    "morning",
    "night",
    "deliveries",
    "trucks",
    "noise",
    "power",
    "bills",
    "agree",
    "disagree",
    "wrong",
    "right",
    "fair",
    "point",
    "question",
    "answer",
    "data",
    "numbers",
    "study",
    "Denver",
    "Minneapolis",
    "Fifth",
    "Avenue",
    "Main",
    "Oak",
    "Elm",
    "Harbor",
    "District",
    "Route",
    "wait",
    "drive",
    "walk",
    "ride",
    "bike",
    "stop",
    "start",
    "build",
    "fix",
    "pay",
    "spend",
    "save",
    "lose",
];

const TEMPLATE: &[&[&str]] = &[
    &[
        "As a lifelong resident,",
        "Speaking as a local business owner,",
        "As a parent and homeowner,",
    ],
    &[
        "I fully support this project.",
        "I strongly support the plan.",
    ],
    &[
        "It will bring good-paying jobs and much-needed revenue to our community.",
        "The jobs and revenue it brings are exactly what our community needs.",
    ],
    &[
        "The critics are a loud minority who don't speak for the rest of us.",
        "A loud minority shouldn't be allowed to block progress.",
    ],
    &[
        "It's time for the council to approve it.",
        "I urge the council to approve it without further delay.",
    ],
];

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

fn organic(rng: &mut Rng) -> String {
    let mut out = String::new();
    for _ in 0..1 + rng.below(4) {
        let len = 6 + rng.below(18);
        for k in 0..len {
            // Skew towards the first (commonest) words, as real text does.
            let upto = 1 + rng.below(WORDS.len());
            let w = WORDS[rng.below(upto)];
            if k > 0 {
                out.push(' ');
            }
            out.push_str(w);
        }
        out.push_str(". ");
    }
    out
}

fn templated(rng: &mut Rng) -> String {
    let mut parts: Vec<&str> = TEMPLATE
        .iter()
        .map(|options| options[rng.below(options.len())])
        .collect();
    if rng.below(2) == 0 {
        parts.swap(2, 3);
    }
    parts.join(" ")
}

/// 500 comments: 420 organic, 80 from a template, interleaved; 1 in 10 dated.
fn section() -> Vec<(String, Option<String>)> {
    let mut rng = Rng(7);
    (0..500)
        .map(|i| {
            let text = if i % 6 == 3 {
                templated(&mut rng)
            } else {
                organic(&mut rng)
            };
            let posted = (i % 10 == 0).then(|| format!("2025-03-03T21:{:02}", rng.below(60)));
            (format!("reader{i}\n\n{text}"), posted)
        })
        .collect()
}

fn inputs(section: &[(String, Option<String>)]) -> Vec<CommentInput<'_>> {
    section
        .iter()
        .map(|(text, posted)| CommentInput {
            text,
            excluded: Vec::new(),
            posted: posted.clone(),
            posted_shown: None,
            author: None,
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let mut rng = Rng(11);
    let article: String = (0..40)
        .map(|_| organic(&mut rng))
        .collect::<Vec<_>>()
        .join("\n\n");
    let context = Context {
        article: Some(&article),
        english: true,
    };
    let mixed = section();
    let mixed_inputs = inputs(&mixed);
    let report = analyse(&mixed_inputs, &context);
    assert!(report.flagged(), "the synthetic campaign should be found");
    let mut group = c.benchmark_group("comments");
    group.bench_function("500_mixed", |b| {
        b.iter(|| analyse(black_box(&mixed_inputs), &context))
    });

    // Worst case for pairwise work: 500 near-copies of one text.
    let copies: Vec<(String, Option<String>)> = (0..500)
        .map(|i| {
            (
                format!("{} Reader number {i} agrees.", templated(&mut Rng(3))),
                None,
            )
        })
        .collect();
    let copy_inputs = inputs(&copies);
    group.bench_function("500_near_copies", |b| {
        b.iter(|| analyse(black_box(&copy_inputs), &context))
    });

    let ordinary: Vec<(String, Option<String>)> = {
        let mut rng = Rng(5);
        (0..500).map(|_| (organic(&mut rng), None)).collect()
    };
    let ordinary_inputs = inputs(&ordinary);
    group.bench_function("500_ordinary", |b| {
        b.iter(|| analyse(black_box(&ordinary_inputs), &context))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
