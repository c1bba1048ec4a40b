//! `claimlens eval attribution`: the attribution stage on PolNeAR dev
//! (`attribution/polnear/dev`, brat standoff: `Source`, `Cue` and `Content`
//! spans linked by `Attribution` events).
//!
//! Each article's raw text goes through the product's own text layer
//! (plain-text paragraphs, [`crate::segment::analyse`]) and the stage; the
//! predicted relations are scored against the gold ones:
//! - **exact** (Citron's definition): a predicted relation's span counts when
//!   a gold relation with an overlapping cue has exactly the same span(s);
//! - **overlap** (Citron's definition): token-level precision and recall of
//!   the tokens predicted as source / cue / content against the gold tokens;
//! - **span overlap**: one-to-one matching of spans that share a token;
//! - **relation**: a predicted relation matches a gold one when their cues,
//!   contents and sources (or the lack of one) all overlap.
//!
//! Articles annotated by several annotators are scored against the first
//! annotation file. `CLAIMLENS_EVAL_SPLIT=train` scores the train split
//! instead; `CLAIMLENS_EVAL_DUMP=DIR` writes the predictions there as brat
//! `.ann` files, for error analysis.

use super::scores::precision_recall_f1;
use std::collections::BTreeMap;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use super::EvalError;
use crate::attribute::{self, Relation};
use crate::pipeline::rendered_from_plain_text;
use crate::segment;
use crate::spans::ByteSpan;

/// Overlap F1 the stage should reach for source and content (issue 17).
const TARGET_OVERLAP_F1: f64 = 0.85;
/// Relation F1 the stage should reach (issue 17).
const TARGET_RELATION_F1: f64 = 0.75;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct GoldRelation {
    source: Vec<ByteSpan>,
    cue: Vec<ByteSpan>,
    content: Vec<ByteSpan>,
}

/// A relation in the shape both sides are scored in.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Scored {
    source: Vec<ByteSpan>,
    cue: Vec<ByteSpan>,
    content: Vec<ByteSpan>,
}

#[derive(Debug, Clone, Copy, Default)]
struct Counts {
    tp: usize,
    fp: usize,
    fn_: usize,
}

impl Counts {
    fn add(&mut self, other: Counts) {
        self.tp += other.tp;
        self.fp += other.fp;
        self.fn_ += other.fn_;
    }
    fn prf(&self) -> (f64, f64, f64) {
        precision_recall_f1(self.tp, self.tp + self.fp, self.tp + self.fn_)
    }
}

/// Token-overlap tallies: (overlapping, predicted, gold) tokens.
#[derive(Debug, Clone, Copy, Default)]
struct Overlap {
    hits: usize,
    predicted: usize,
    gold: usize,
}

#[derive(Debug, Default)]
struct Totals {
    articles: usize,
    gold_relations: usize,
    predicted_relations: usize,
    exact: [Counts; 3],
    overlap: [Overlap; 3],
    span_overlap: [Counts; 3],
    relation: Counts,
}

const ROLES: [&str; 3] = ["source", "cue", "content"];

pub fn run(data: &Path, out: &mut dyn Write) -> Result<(), EvalError> {
    let split = std::env::var("CLAIMLENS_EVAL_SPLIT").unwrap_or_else(|_| "dev".to_string());
    let dir = data.join("attribution/polnear").join(&split);
    let texts = dir.join("text");
    let anns = dir.join("attributions");
    let dump = std::env::var_os("CLAIMLENS_EVAL_DUMP").map(PathBuf::from);
    if let Some(d) = &dump {
        fs::create_dir_all(d).map_err(|e| EvalError::data(d, e))?;
    }
    let mut names: Vec<PathBuf> = fs::read_dir(&texts)
        .map_err(|e| EvalError::data(&texts, format!("{e} (is PolNeAR at {}?)", dir.display())))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    crate::sort::sort(&mut names);
    let mut ann_files: Vec<PathBuf> = fs::read_dir(&anns)
        .map_err(|e| EvalError::data(&anns, e))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "ann"))
        .collect();
    crate::sort::sort(&mut ann_files);
    let mut totals = Totals::default();
    for path in &names {
        let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
        let prefix = format!("{stem}_");
        let Some(ann) = ann_files.iter().find(|a| {
            a.file_name().and_then(|n| n.to_str()).is_some_and(|n| {
                n.starts_with(&prefix)
                    && n[prefix.len()..]
                        .trim_end_matches(".ann")
                        .chars()
                        .all(|c| c.is_ascii_hexdigit())
            })
        }) else {
            continue;
        };
        let text = fs::read_to_string(path).map_err(|e| EvalError::data(path, e))?;
        let ann_text = fs::read_to_string(ann).map_err(|e| EvalError::data(ann, e))?;
        let gold = parse_brat(&text, &ann_text).map_err(|reason| EvalError::data(ann, reason))?;
        let predicted = predict(&text);
        if let Some(d) = &dump {
            let file = d.join(format!("{stem}.ann"));
            fs::write(&file, to_brat(&text, &predicted)).map_err(|e| EvalError::data(&file, e))?;
        }
        score(&text, &gold, &predicted, &mut totals);
    }
    if totals.articles == 0 {
        return Err(EvalError::data(&dir, "no article with an annotation file"));
    }
    report(&totals, &split, out)?;
    writeln!(out)?;
    let judged = super::judged_attribution::score(data)?;
    super::judged_attribution::report(&judged, out)
}

/// The stage's relations over `text`, through the product's text layer.
fn predict(text: &str) -> Vec<Scored> {
    let rendered = rendered_from_plain_text(text);
    let paragraphs: Vec<ByteSpan> = rendered.blocks.iter().map(|b| b.span).collect();
    let layer = segment::analyse(text, &paragraphs, None);
    let attribution = attribute::attribute(text, &layer);
    attribution.relations.iter().map(scored).collect()
}

fn scored(r: &Relation) -> Scored {
    Scored {
        source: r.source.into_iter().collect(),
        cue: vec![r.cue],
        content: r.content.clone(),
    }
}

/// Parses brat standoff into relations, converting character offsets to
/// byte offsets of `text`.
fn parse_brat(text: &str, ann: &str) -> Result<Vec<Scored>, String> {
    let bytes_at: Vec<usize> = text
        .char_indices()
        .map(|(i, _)| i)
        .chain([text.len()])
        .collect();
    let to_byte = |c: usize| {
        bytes_at
            .get(c)
            .copied()
            .ok_or_else(|| format!("offset {c} beyond the text"))
    };
    let mut spans: BTreeMap<&str, (&str, Vec<ByteSpan>)> = BTreeMap::new();
    let mut out = Vec::new();
    let mut events = Vec::new();
    for line in ann.lines() {
        let mut cols = line.split('\t');
        let (Some(id), Some(body)) = (cols.next(), cols.next()) else {
            continue;
        };
        if id.starts_with('T') {
            let (label, offsets) = body
                .split_once(' ')
                .ok_or_else(|| format!("bad line: {line}"))?;
            let mut pieces = Vec::new();
            for seg in offsets.split(';') {
                let (a, b) = seg
                    .split_once(' ')
                    .ok_or_else(|| format!("bad offsets: {line}"))?;
                let a: usize = a
                    .trim()
                    .parse()
                    .map_err(|_| format!("bad offset: {line}"))?;
                let b: usize = b
                    .trim()
                    .parse()
                    .map_err(|_| format!("bad offset: {line}"))?;
                pieces.push(ByteSpan::new(to_byte(a)?, to_byte(b)?));
            }
            spans.insert(id, (label, pieces));
        } else if id.starts_with('E') {
            events.push(body);
        }
    }
    for body in events {
        let mut g = GoldRelation::default();
        for arg in body.split_whitespace() {
            let Some((role, target)) = arg.split_once(':') else {
                continue;
            };
            let pieces = spans
                .get(target)
                .map(|(_, p)| p.clone())
                .unwrap_or_default();
            match role {
                "Source" => g.source = pieces,
                "Cue" => g.cue = pieces,
                "Content" => g.content = pieces,
                _ => {}
            }
        }
        if !g.cue.is_empty() {
            out.push(Scored {
                source: g.source,
                cue: g.cue,
                content: g.content,
            });
        }
    }
    Ok(out)
}

fn to_brat(text: &str, rels: &[Scored]) -> String {
    let chars_at = |b: usize| text[..b].chars().count();
    let mut out = String::new();
    let mut t = 0;
    for (e, r) in rels.iter().enumerate() {
        let mut args = Vec::new();
        for (role, spans) in [
            ("Source", &r.source),
            ("Cue", &r.cue),
            ("Content", &r.content),
        ] {
            if spans.is_empty() {
                continue;
            }
            t += 1;
            let offsets: Vec<String> = spans
                .iter()
                .map(|s| format!("{} {}", chars_at(s.start), chars_at(s.end)))
                .collect();
            let words: Vec<&str> = spans.iter().map(|s| s.of(text)).collect();
            out.push_str(&format!(
                "T{t}\t{role} {}\t{}\n",
                offsets.join(";"),
                words.join(" ").replace('\n', " ")
            ));
            args.push(format!("{role}:T{t}"));
        }
        out.push_str(&format!("E{}\tAttribution {}\n", e + 1, args.join(" ")));
    }
    out
}

/// `span` without surrounding whitespace.
fn trim(text: &str, s: ByteSpan) -> ByteSpan {
    let piece = s.of(text);
    let lead = piece.len() - piece.trim_start().len();
    ByteSpan::new(s.start + lead, s.start + lead + piece.trim().len())
}

fn same_spans(text: &str, a: &[ByteSpan], b: &[ByteSpan]) -> bool {
    a.len() == b.len()
        && a.iter()
            .zip(b)
            .all(|(x, y)| trim(text, *x) == trim(text, *y))
}

fn any_overlap(a: &[ByteSpan], b: &[ByteSpan]) -> bool {
    a.iter().any(|x| b.iter().any(|y| x.overlaps(*y)))
}

fn role(r: &Scored, k: usize) -> &[ByteSpan] {
    match k {
        0 => &r.source,
        1 => &r.cue,
        _ => &r.content,
    }
}

fn score(text: &str, gold: &[Scored], predicted: &[Scored], totals: &mut Totals) {
    totals.articles += 1;
    totals.gold_relations += gold.len();
    totals.predicted_relations += predicted.len();
    for k in 0..3 {
        // Exact, as Citron: the role's spans equal, cues overlapping (for the cue itself, equal).
        let matches = |p: &Scored, g: &Scored| {
            if k == 1 {
                same_spans(text, &p.cue, &g.cue)
            } else {
                any_overlap(&p.cue, &g.cue) && same_spans(text, role(p, k), role(g, k))
            }
        };
        let preds: Vec<&Scored> = predicted
            .iter()
            .filter(|p| !role(p, k).is_empty())
            .collect();
        let golds: Vec<&Scored> = gold.iter().filter(|g| !role(g, k).is_empty()).collect();
        let tp = preds
            .iter()
            .filter(|p| golds.iter().any(|g| matches(p, g)))
            .count();
        let found = golds
            .iter()
            .filter(|g| preds.iter().any(|p| matches(p, g)))
            .count();
        totals.exact[k].add(Counts {
            tp,
            fp: preds.len() - tp,
            fn_: golds.len() - found,
        });
        // Token overlap.
        let tokens = |rels: &[Scored]| -> Vec<ByteSpan> {
            let mut v: Vec<ByteSpan> = rels
                .iter()
                .flat_map(|r| role(r, k).iter().copied())
                .collect();
            crate::sort::sort(&mut v);
            v
        };
        let p_spans = tokens(predicted);
        let g_spans = tokens(gold);
        let p_tokens = token_starts(text, &p_spans);
        let g_tokens = token_starts(text, &g_spans);
        let hits = p_tokens
            .iter()
            .filter(|t| g_tokens.binary_search(t).is_ok())
            .count();
        let o = &mut totals.overlap[k];
        o.hits += hits;
        o.predicted += p_tokens.len();
        o.gold += g_tokens.len();
        // Span overlap, one to one.
        let mut used = vec![false; g_spans.len()];
        let mut tp = 0;
        for p in &p_spans {
            if let Some(j) = (0..g_spans.len()).find(|&j| !used[j] && g_spans[j].overlaps(*p)) {
                used[j] = true;
                tp += 1;
            }
        }
        totals.span_overlap[k].add(Counts {
            tp,
            fp: p_spans.len() - tp,
            fn_: g_spans.len() - tp,
        });
    }
    // Relations, one to one.
    let mut used = vec![false; gold.len()];
    let mut tp = 0;
    for p in predicted {
        let hit = (0..gold.len()).find(|&j| {
            let g = &gold[j];
            !used[j]
                && any_overlap(&p.cue, &g.cue)
                && any_overlap(&p.content, &g.content)
                && (p.source.is_empty() && g.source.is_empty() || any_overlap(&p.source, &g.source))
        });
        if let Some(j) = hit {
            used[j] = true;
            tp += 1;
        }
    }
    totals.relation.add(Counts {
        tp,
        fp: predicted.len() - tp,
        fn_: gold.len() - tp,
    });
}

/// Start offsets of the word and punctuation tokens inside `spans`, sorted
/// and unique (spans of one side may overlap).
fn token_starts(text: &str, spans: &[ByteSpan]) -> Vec<usize> {
    let mut out = Vec::new();
    for s in spans {
        let piece = s.of(text);
        let mut in_word = false;
        for (i, c) in piece.char_indices() {
            if c.is_whitespace() {
                in_word = false;
            } else if c.is_alphanumeric() {
                if !in_word {
                    out.push(s.start + i);
                }
                in_word = true;
            } else {
                out.push(s.start + i);
                in_word = false;
            }
        }
    }
    crate::sort::sort(&mut out);
    out.dedup();
    out
}

fn report(t: &Totals, split: &str, out: &mut dyn Write) -> Result<(), EvalError> {
    writeln!(out, "attribution: PolNeAR {split}, {} articles", t.articles)?;
    writeln!(
        out,
        "relations: {} gold, {} predicted",
        t.gold_relations, t.predicted_relations
    )?;
    writeln!(
        out,
        "{:<9} {:>24} {:>24} {:>24}",
        "span", "exact P / R / F1", "overlap P / R / F1", "span-overlap P / R / F1"
    )?;
    for (k, name) in ROLES.iter().enumerate() {
        let (ep, er, ef) = t.exact[k].prf();
        let o = t.overlap[k];
        let (op, or, of) = precision_recall_f1(o.hits, o.predicted, o.gold);
        let (sp, sr, sf) = t.span_overlap[k].prf();
        writeln!(
            out,
            "{name:<9} {ep:>6.3} / {er:.3} / {ef:.3} {op:>8.3} / {or:.3} / {of:.3} {sp:>8.3} / {sr:.3} / {sf:.3}"
        )?;
    }
    let (rp, rr, rf) = t.relation.prf();
    writeln!(
        out,
        "relation  P {rp:.3}  R {rr:.3}  F1 {rf:.3}  (cue, content and source all overlap)"
    )?;
    for (k, name) in [(0, "source"), (2, "content")] {
        let o = t.overlap[k];
        let (_, _, f) = precision_recall_f1(o.hits, o.predicted, o.gold);
        let verdict = if f >= TARGET_OVERLAP_F1 {
            "meets"
        } else {
            "below"
        };
        writeln!(
            out,
            "target: {name} overlap F1 >= {TARGET_OVERLAP_F1:.2}: {f:.3} ({verdict} target)"
        )?;
    }
    let verdict = if rf >= TARGET_RELATION_F1 {
        "meets"
    } else {
        "below"
    };
    writeln!(
        out,
        "target: relation F1 >= {TARGET_RELATION_F1:.2}: {rf:.3} ({verdict} target)"
    )?;
    writeln!(
        out,
        "reference: Citron (BBC R&D) on PARC 3.0: cue F1 0.82, source F1 0.82, content F1 0.59 exact / 0.83 overlap"
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn brat_offsets_are_characters_and_discontinuous_spans_are_kept() {
        let text = "“Yes,” he said. “No.”";
        let ann = "T1\tSource 7 9\the\nT2\tCue 10 14\tsaid\nT3\tContent 0 6;16 21\t“Yes,” “No.”\nT4\tAttribution 10 14\tsaid\nE1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n";
        let rels = parse_brat(text, ann).unwrap();
        assert_eq!(rels.len(), 1);
        assert_eq!(rels[0].source[0].of(text), "he");
        assert_eq!(rels[0].cue[0].of(text), "said");
        let content: Vec<&str> = rels[0].content.iter().map(|s| s.of(text)).collect();
        assert_eq!(content, vec!["“Yes,”", "“No.”"]);
        assert!(parse_brat(text, "T1\tSource 7 999\the\n").is_err());
    }

    #[test]
    fn perfect_prediction_scores_one_and_nothing_scores_zero() {
        let text = "“Yes,” he said. “No.”";
        let ann = "T1\tSource 7 9\the\nT2\tCue 10 14\tsaid\nT3\tContent 0 6;16 21\tx\nE1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n";
        let gold = parse_brat(text, ann).unwrap();
        let mut totals = Totals::default();
        score(text, &gold, &gold, &mut totals);
        for k in 0..3 {
            assert_eq!(totals.exact[k].prf().2, 1.0);
            let o = totals.overlap[k];
            assert_eq!(precision_recall_f1(o.hits, o.predicted, o.gold).2, 1.0);
        }
        assert_eq!(totals.relation.prf().2, 1.0);
        let mut empty = Totals::default();
        score(text, &gold, &[], &mut empty);
        assert_eq!(empty.relation.prf().2, 0.0);
    }
}
