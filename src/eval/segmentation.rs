//! `claimlens eval segmentation`: the sentence splitter against
//!
//! - the Golden Rules of pragmatic_segmenter: the 48 English cases as pySBD
//!   ships them, and the 52 English cases of the all-languages file (whose
//!   texts are stored as source literals, so `\n` and `\"` are decoded);
//!   a case passes when the sentences match after collapsing whitespace
//!   (the expected output of the "errant newline" rules is cleaned text);
//! - Universal Dependencies EWT and GUM dev documents: each document's gold
//!   sentences are joined as raw web text is written (paragraphs, from the
//!   treebank's paragraph marks, by a blank line; sentences inside one by a
//!   space), split again, and scored by exact sentence spans (P/R/F1); the
//!   harder all-spaces joining (no paragraph breaks) is printed second.
//!   A naive splitter (`[.!?]` + space + capital) is scored alongside for scale.

use std::io::Write;
use std::path::Path;

use serde::Deserialize;

use super::{read_jsonl, EvalError};
use crate::segment::sentences;
use crate::spans::ByteSpan;

const PYSBD: &str = "segmentation/golden_rules_en_pysbd.jsonl";
const ALL_LANGS: &str = "segmentation/golden_rules_all_langs_pragmatic_segmenter.json";
const UD: &[(&str, &str)] = &[
    (
        "UD EWT dev",
        "segmentation/ewt_en_ewt-ud-dev.sentences.jsonl",
    ),
    (
        "UD GUM dev",
        "segmentation/gum_en_gum-ud-dev.sentences.jsonl",
    ),
];
const TARGET_PYSBD: usize = 47;
const TARGET_ALL_LANGS: usize = 50;

#[derive(Debug, Deserialize)]
struct Rule {
    #[serde(default)]
    lang: Option<String>,
    id: serde_json::Value,
    name: String,
    text: String,
    expected: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct Document {
    sentences: Vec<String>,
    /// The same sentences grouped by the treebank's paragraph marks.
    #[serde(default)]
    paragraphs: Vec<Vec<String>>,
}

/// How a document's gold sentences are joined into the text to split.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Joining {
    /// Paragraphs joined by a blank line, sentences inside one by a space:
    /// raw web text.
    Paragraphs,
    /// Every sentence joined by a space (no paragraph breaks at all).
    Spaces,
}

pub fn run(data: &Path, out: &mut dyn Write) -> Result<(), EvalError> {
    let pysbd: Vec<Rule> = read_jsonl(&data.join(PYSBD))?;
    let all_path = data.join(ALL_LANGS);
    let all: Vec<Rule> =
        serde_json::from_str(&read(&all_path)?).map_err(|e| EvalError::data(&all_path, e))?;
    let english: Vec<Rule> = all
        .into_iter()
        .filter(|r| r.lang.as_deref() == Some("English"))
        .map(|r| Rule {
            text: decode_literal(&r.text),
            expected: r.expected.iter().map(|e| decode_literal(e)).collect(),
            ..r
        })
        .collect();
    let pysbd_pass = golden_rules(out, "Golden Rules, pySBD English", &pysbd)?;
    let all_pass = golden_rules(out, "Golden Rules, all-languages file, English", &english)?;
    writeln!(out)?;
    let mut f1s = Vec::new();
    for (name, file) in UD {
        let path = data.join(file);
        let docs: Vec<Document> = read_jsonl(&path)?;
        let details = std::env::var_os("CLAIMLENS_EVAL_DETAILS").is_some();
        if details {
            eprintln!("== {name}");
        }
        for joining in [Joining::Paragraphs, Joining::Spaces] {
            // Errors are printed for the paragraph input only: it is the target.
            let ours = ud_score(
                &docs,
                joining,
                details && joining == Joining::Paragraphs,
                |t| sentences::split(t, ByteSpan::new(0, t.len())),
            );
            let naive = ud_score(&docs, joining, false, naive_split);
            let how = match joining {
                Joining::Paragraphs => "paragraphs joined by a blank line",
                Joining::Spaces => "all sentences joined by spaces",
            };
            writeln!(
                out,
                "{name} ({how}): {} documents, {} gold sentences: P {:.3}  R {:.3}  F1 {:.3}   (naive splitter F1 {:.3})",
                docs.len(),
                ours.gold,
                ours.precision(),
                ours.recall(),
                ours.f1(),
                naive.f1()
            )?;
            if joining == Joining::Paragraphs {
                f1s.push((name, ours.f1()));
            }
        }
    }
    writeln!(out)?;
    writeln!(
        out,
        "SUMMARY  golden rules pySBD {}/{} (target >= {TARGET_PYSBD}) {}   all-languages English {}/{} (target >= {TARGET_ALL_LANGS}) {}   {}",
        pysbd_pass,
        pysbd.len(),
        verdict(pysbd_pass >= TARGET_PYSBD),
        all_pass,
        english.len(),
        verdict(all_pass >= TARGET_ALL_LANGS),
        f1s.iter()
            .map(|(n, f)| format!("{n} F1 {f:.3}"))
            .collect::<Vec<_>>()
            .join("   ")
    )?;
    Ok(())
}

fn verdict(met: bool) -> &'static str {
    if met {
        "MET"
    } else {
        "BELOW TARGET"
    }
}

fn read(path: &Path) -> Result<String, EvalError> {
    std::fs::read_to_string(path).map_err(|e| EvalError::data(path, e))
}

/// Decodes the backslash escapes of a source literal (`\n`, `\t`, `\"`, `\\`).
fn decode_literal(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some('r') => out.push('\r'),
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Scores one rule set, printing every failure. Returns the pass count.
fn golden_rules(out: &mut dyn Write, title: &str, rules: &[Rule]) -> Result<usize, EvalError> {
    let mut passed = 0;
    let mut failures = Vec::new();
    for rule in rules {
        let got: Vec<String> = sentences::split(&rule.text, ByteSpan::new(0, rule.text.len()))
            .iter()
            .map(|s| collapse(s.of(&rule.text)))
            .collect();
        let expected: Vec<String> = rule.expected.iter().map(|e| collapse(e)).collect();
        if got == expected {
            passed += 1;
        } else {
            failures.push((rule, expected, got));
        }
    }
    writeln!(out, "{title}: {passed}/{} passed", rules.len())?;
    for (rule, expected, got) in failures {
        writeln!(out, "  FAIL #{} {}", rule.id, rule.name)?;
        writeln!(out, "    text:     {:?}", rule.text)?;
        writeln!(out, "    expected: {expected:?}")?;
        writeln!(out, "    got:      {got:?}")?;
    }
    Ok(passed)
}

#[derive(Debug, Default, Clone, Copy)]
struct Counts {
    gold: usize,
    predicted: usize,
    correct: usize,
}

impl Counts {
    fn precision(&self) -> f64 {
        ratio(self.correct, self.predicted)
    }
    fn recall(&self) -> f64 {
        ratio(self.correct, self.gold)
    }
    fn f1(&self) -> f64 {
        super::scores::precision_recall_f1(self.correct, self.predicted, self.gold).2
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Joins each document's gold sentences with spaces, splits the result and
/// counts exact span matches.
fn ud_score(
    docs: &[Document],
    joining: Joining,
    details: bool,
    split: impl Fn(&str) -> Vec<ByteSpan>,
) -> Counts {
    let mut counts = Counts::default();
    for doc in docs {
        let mut text = String::new();
        let mut gold = Vec::new();
        let whole = [doc.sentences.clone()];
        let paragraphs: &[Vec<String>] = match joining {
            Joining::Paragraphs if !doc.paragraphs.is_empty() => &doc.paragraphs,
            _ => &whole,
        };
        for paragraph in paragraphs {
            let mut first = true;
            for s in paragraph {
                let s = s.trim();
                if s.is_empty() {
                    continue;
                }
                if !text.is_empty() {
                    text.push_str(if first { "\n\n" } else { " " });
                }
                first = false;
                gold.push(ByteSpan::new(text.len(), text.len() + s.len()));
                text.push_str(s);
            }
        }
        let predicted = split(&text);
        if details {
            print_differences(&text, &gold, &predicted);
        }
        counts.gold += gold.len();
        counts.predicted += predicted.len();
        let mut g = 0;
        for p in &predicted {
            while g < gold.len() && gold[g].start < p.start {
                g += 1;
            }
            if gold.get(g) == Some(p) {
                counts.correct += 1;
            }
        }
    }
    counts
}

/// Debug aid (`CLAIMLENS_EVAL_DETAILS=1`): missed and spurious boundaries.
fn print_differences(text: &str, gold: &[ByteSpan], predicted: &[ByteSpan]) {
    let gold_ends: std::collections::BTreeSet<usize> = gold.iter().map(|s| s.end).collect();
    let ends: std::collections::BTreeSet<usize> = predicted.iter().map(|s| s.end).collect();
    let context = |at: usize| {
        let mut a = at.saturating_sub(50);
        while !text.is_char_boundary(a) {
            a -= 1;
        }
        let mut b = (at + 40).min(text.len());
        while !text.is_char_boundary(b) {
            b += 1;
        }
        format!("{} ‖ {}", &text[a..at], &text[at..b]).replace('\n', "⏎")
    };
    for &e in gold_ends.difference(&ends) {
        eprintln!("MISSED   {}", context(e));
    }
    for &e in ends.difference(&gold_ends) {
        eprintln!("SPURIOUS {}", context(e));
    }
}

/// The textbook baseline: split after `.`, `!` or `?` followed by a space and a capital.
fn naive_split(text: &str) -> Vec<ByteSpan> {
    let mut out = Vec::new();
    let mut start = 0;
    let b = text.as_bytes();
    for i in 0..b.len() {
        if matches!(b[i], b'.' | b'!' | b'?')
            && b.get(i + 1) == Some(&b' ')
            && b.get(i + 2).is_some_and(u8::is_ascii_uppercase)
        {
            out.push(ByteSpan::new(start, i + 1));
            start = i + 2;
        }
    }
    if start < text.len() {
        out.push(ByteSpan::new(start, text.len()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literals_decode_and_spans_score() {
        assert_eq!(decode_literal(r#"a\nb \"c\" \\"#), "a\nb \"c\" \\");
        let docs = vec![Document {
            sentences: vec!["Hello there.".into(), "Mr. Smith left.".into()],
            paragraphs: vec![],
        }];
        let c = ud_score(&docs, Joining::Spaces, false, naive_split);
        assert_eq!((c.gold, c.predicted, c.correct), (2, 3, 1));
        let c = ud_score(&docs, Joining::Paragraphs, false, |t| {
            sentences::split(t, ByteSpan::new(0, t.len()))
        });
        assert_eq!((c.gold, c.predicted, c.correct), (2, 2, 2));
        assert!((c.f1() - 1.0).abs() < 1e-9);
    }

    use crate::dev_data::data_dir as shared_data_dir;

    #[test]
    fn data_segmentation_eval_runs_on_shared_data() {
        let data = shared_data_dir();
        assert!(
            data.join(PYSBD).is_file(),
            "this test needs ../shared/data (set CLAIMLENS_DATA); {} is missing",
            data.join(PYSBD).display()
        );
        let mut out = Vec::new();
        run(&data, &mut out).expect("eval runs");
        let printed = String::from_utf8_lossy(&out);
        assert!(printed.contains("SUMMARY"), "{printed}");
    }
}
