// Per-stage timings on adversarial inputs at two sizes, and figures for real
// pages (`stress pages DIR`): how the limits in src/limits.rs were chosen.
//   cd fuzz && cargo run --release --example stress [SCALE] [CASE]
use claimlens::spans::ByteSpan;
use claimlens::{analyze_text, attribute, detect, segment, verify, Options};
use std::time::Instant;

fn paras(text: &str) -> Vec<ByteSpan> {
    claimlens::pipeline::rendered_from_plain_text(text)
        .blocks
        .iter()
        .map(|b| b.span)
        .collect()
}

fn stages(name: &str, text: &str) {
    let t = Instant::now();
    let p = paras(text);
    let t_p = t.elapsed();
    let t = Instant::now();
    let layer = segment::analyse(text, &p, None);
    let t_seg = t.elapsed();
    let t = Instant::now();
    let det = detect::detect(text, &layer, None, None);
    let t_det = t.elapsed();
    let t = Instant::now();
    let att = attribute::attribute_for(text, &layer, None);
    let t_att = t.elapsed();
    let t = Instant::now();
    let _v = verify::verify(
        text,
        &layer,
        &det,
        &att,
        None,
        None,
        &verify::SearchSettings::default(),
    );
    let t_ver = t.elapsed();
    let t = Instant::now();
    let a = analyze_text(text, &Options::default());
    let t_all = t.elapsed();
    println!("{name:28} {:>9}B paras {:>6.1?} seg {:>8.1?} det {:>8.1?} att {:>8.1?} ver {:>8.1?} all {:>8.1?} claims {} sents {}",
        text.len(), t_p, t_seg, t_det, t_att, t_ver, t_all, a.claims.len(), a.sentences.len());
}

fn main() {
    if std::env::args().nth(1).as_deref() == Some("pages") {
        pages(&std::env::args().nth(2).unwrap());
        return;
    }
    let scale: usize = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(1);
    let only = std::env::args().nth(2);
    let cases: Vec<(&str, Box<dyn Fn(usize) -> String>)> = vec![
        ("curly quotes", Box::new(|n| "“a” ".repeat(n))),
        ("open quotes", Box::new(|n| "“".repeat(n))),
        ("straight quotes", Box::new(|n| "\"".repeat(n))),
        (
            "quote said",
            Box::new(|n| "“We will win,” she said. ".repeat(n)),
        ),
        (
            "unclosed quote words",
            Box::new(|n| format!("“{}", "word ".repeat(n))),
        ),
        ("capitalised", Box::new(|n| "Word ".repeat(n))),
        (
            "capitalised sentences",
            Box::new(|n| "Ian Kelly. ".repeat(n)),
        ),
        (
            "names said",
            Box::new(|n| "Ian Kelly said the deal failed. Kelly said. ".repeat(n)),
        ),
        ("digits", Box::new(|n| "1".repeat(n * 4))),
        ("digit words", Box::new(|n| "12 ".repeat(n))),
        ("money", Box::new(|n| "$1.5 billion ".repeat(n))),
        ("commas number", Box::new(|n| "1,".repeat(n * 2))),
        ("months", Box::new(|n| "in March 2022 ".repeat(n))),
        ("days", Box::new(|n| "on Monday ".repeat(n))),
        (
            "giant sentence",
            Box::new(|n| "the council said that ".repeat(n)),
        ),
        (
            "giant paragraph",
            Box::new(|n| "The council said on Monday it spent $2 billion. ".repeat(n)),
        ),
        ("tiny paragraphs", Box::new(|n| "A.\n\n".repeat(n * 2))),
        ("according to", Box::new(|n| "according to ".repeat(n))),
        ("said", Box::new(|n| "said ".repeat(n))),
        ("mr", Box::new(|n| "Mr. ".repeat(n))),
        ("parens", Box::new(|n| "(".repeat(n * 2))),
        ("dots", Box::new(|n| ".".repeat(n * 4))),
        ("abbrev", Box::new(|n| "U.S. ".repeat(n))),
        ("hyphen", Box::new(|n| "a-".repeat(n * 2))),
        ("apostrophe", Box::new(|n| "'s ".repeat(n))),
        ("newlines", Box::new(|n| "a\n".repeat(n * 2))),
        ("single word", Box::new(|n| "a".repeat(n * 4))),
        ("emoji", Box::new(|n| "😀".repeat(n))),
        ("percent", Box::new(|n| "5% ".repeat(n))),
        ("roles", Box::new(|n| "Secretary of State ".repeat(n))),
        ("officials", Box::new(|n| "officials said ".repeat(n))),
    ];
    for (name, make) in &cases {
        if let Some(o) = &only {
            if !name.contains(o.as_str()) {
                continue;
            }
        }
        for n in [2_000 * scale, 8_000 * scale] {
            stages(name, &make(n));
        }
    }
}

#[allow(dead_code)]
pub fn pages(dir: &str) {
    let mut rows = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path().join("source.html");
        let Ok(bytes) = std::fs::read(&path) else {
            continue;
        };
        let t = Instant::now();
        let Ok(s) = claimlens::snapshot::html::snapshot_from_html(&bytes, "https://x.test/") else {
            continue;
        };
        let t_snap = t.elapsed();
        let units: usize = s
            .nodes
            .iter()
            .map(|n| {
                n.text.as_deref().map_or(0, |t| t.encode_utf16().count())
                    + [
                        &n.id,
                        &n.class,
                        &n.role,
                        &n.href,
                        &n.itemprop,
                        &n.rel,
                        &n.datetime,
                    ]
                    .iter()
                    .map(|a| a.as_deref().map_or(0, |x| x.encode_utf16().count()))
                    .sum::<usize>()
                    + n.tag.len()
            })
            .sum();
        let head: usize = s.title.len()
            + s.meta
                .iter()
                .map(|m| m.key.len() + m.content.len())
                .sum::<usize>()
            + s.jsonld.iter().map(|j| j.len()).sum::<usize>();
        let t = Instant::now();
        let a = claimlens::analyze(&s, &Options::default()).unwrap();
        let t_an = t.elapsed();
        rows.push((
            path.parent()
                .unwrap()
                .file_name()
                .unwrap()
                .to_string_lossy()
                .to_string(),
            bytes.len(),
            s.nodes.len(),
            units,
            head,
            a.article.text.len(),
            a.sentences.len(),
            a.claims.len(),
            a.comments.items.len(),
            format!("{:?}", a.status),
            t_snap,
            t_an,
        ));
    }
    rows.sort_by_key(|r| r.2);
    for r in &rows {
        println!("{:40} html {:>8} nodes {:>6} units {:>8} head {:>7} article {:>7} sents {:>5} claims {:>5} comments {:>4} {:>10} snap {:>8.1?} analyze {:>8.1?}", r.0, r.1, r.2, r.3, r.4, r.5, r.6, r.7, r.8, r.9, r.10, r.11);
    }
    let max = |f: &dyn Fn(
        &(
            String,
            usize,
            usize,
            usize,
            usize,
            usize,
            usize,
            usize,
            usize,
            String,
            std::time::Duration,
            std::time::Duration,
        ),
    ) -> usize| rows.iter().map(f).max().unwrap();
    println!(
        "MAX nodes {} units {} head {} article {} sents {} claims {} comments {}",
        max(&|r| r.2),
        max(&|r| r.3),
        max(&|r| r.4),
        max(&|r| r.5),
        max(&|r| r.6),
        max(&|r| r.7),
        max(&|r| r.8)
    );
    println!(
        "truncated: {}",
        rows.iter().filter(|r| r.9 == "Truncated").count()
    );
}
