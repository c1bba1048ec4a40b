//! `claimlens eval comments`: calibration of the comment-section finding.
//!
//! No public dataset labels comment sections as coordinated, so this scores
//! what can be scored honestly:
//! - **false alarms** on ordinary sections built from real text nobody wrote
//!   for this: web posts, reviews and answers (UD English EWT dev, one
//!   document per comment), debate turns (CheckThat! 2019 debates, one
//!   speaker turn per comment, same topic, many speakers) and debate
//!   sentences (CheckThat! 2024, two consecutive sentences per comment, in
//!   sections of 500). Target: none flagged.
//! - **detection** of a reworded campaign (variants of one template, generated
//!   here) mixed into those sections at several shares. This part is our own
//!   construction, so it shows where the rule's limits lie, not real recall.

use std::io::Write;
use std::path::Path;

use super::EvalError;
use crate::comments::{analyse, CommentInput, Context, SectionReport};

pub fn run(data: &Path, out: &mut dyn Write) -> Result<(), EvalError> {
    let ewt = ewt_comments(data)?;
    let turns = debate_turns(data)?;
    let sentences = debate_sentences(data)?;
    writeln!(out, "Ordinary sections (target: 0 flagged)")?;
    writeln!(
        out,
        "{:<34} {:>5} {:>8} {:>8} {:>12} {:>10}",
        "source", "size", "sections", "flagged", "clustered %", "max clus %"
    )?;
    let mut total = (0usize, 0usize);
    let sources: [(&str, &[String], &[usize]); 3] = [
        ("EWT web text (1 doc = 1 comment)", &ewt, &[12, 50, 200]),
        ("debate turns (CT 2019)", &turns, &[12, 50, 200]),
        ("debate sentences (CT 2024)", &sentences, &[12, 50, 500]),
    ];
    for (name, comments, sizes) in sources {
        for &size in sizes {
            let stats = ordinary(comments, size);
            total.0 += stats.sections;
            total.1 += stats.flagged;
            writeln!(
                out,
                "{:<34} {:>5} {:>8} {:>8} {:>11.1}% {:>9.1}%",
                name,
                size,
                stats.sections,
                stats.flagged,
                100.0 * stats.mean_clustered,
                100.0 * stats.max_clustered
            )?;
        }
    }
    writeln!(
        out,
        "false alarms: {} of {} ordinary sections ({:.1}%)\n",
        total.1,
        total.0,
        100.0 * total.1 as f64 / total.0.max(1) as f64
    )?;
    writeln!(
        out,
        "Reworded campaign mixed into EWT sections (our own template; detection rate)"
    )?;
    writeln!(
        out,
        "{:<6} {:>6} {:>6} {:>6} {:>6}",
        "size", "10%", "25%", "40%", "60%"
    )?;
    for size in [12, 50, 200, 500] {
        let mut row = format!("{size:<6}");
        for share in [0.10, 0.25, 0.40, 0.60] {
            let (flagged, sections) = with_campaign(&ewt, size, share);
            row.push_str(&format!(
                " {:>5.0}%",
                100.0 * flagged as f64 / sections.max(1) as f64
            ));
        }
        writeln!(out, "{row}")?;
    }
    Ok(())
}

struct Stats {
    sections: usize,
    flagged: usize,
    mean_clustered: f64,
    max_clustered: f64,
}

fn report(comments: &[&str]) -> SectionReport {
    let inputs: Vec<CommentInput> = comments
        .iter()
        .map(|t| CommentInput {
            text: t,
            ..CommentInput::default()
        })
        .collect();
    analyse(
        &inputs,
        &Context {
            article: None,
            english: true,
        },
    )
}

fn clustered_share(r: &SectionReport) -> f64 {
    let m: usize = r.clusters.iter().map(|c| c.members.len()).sum();
    m as f64 / r.analysed.max(1) as f64
}

/// Consecutive, non-overlapping sections of `size` comments.
fn ordinary(comments: &[String], size: usize) -> Stats {
    let mut stats = Stats {
        sections: 0,
        flagged: 0,
        mean_clustered: 0.0,
        max_clustered: 0.0,
    };
    for chunk in comments.chunks_exact(size).take(200) {
        let texts: Vec<&str> = chunk.iter().map(String::as_str).collect();
        let r = report(&texts);
        let share = clustered_share(&r);
        stats.sections += 1;
        stats.flagged += usize::from(r.flagged());
        stats.mean_clustered += share;
        stats.max_clustered = stats.max_clustered.max(share);
    }
    stats.mean_clustered /= stats.sections.max(1) as f64;
    stats
}

/// (flagged, sections) when `share` of each section is campaign comments.
fn with_campaign(comments: &[String], size: usize, share: f64) -> (usize, usize) {
    let planted = ((size as f64 * share).round() as usize).max(1);
    let mut variant = 0u64;
    let (mut flagged, mut sections) = (0, 0);
    for chunk in comments.chunks_exact(size - planted).take(40) {
        let mut texts: Vec<String> = chunk.to_vec();
        for k in 0..planted {
            variant += 1;
            // Spread the campaign through the section.
            let at = (k * texts.len()) / planted;
            texts.insert(at.min(texts.len()), campaign_comment(variant));
        }
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        flagged += usize::from(report(&refs).flagged());
        sections += 1;
    }
    (flagged, sections)
}

/// One variant of a template: each slot picks one of its wordings, and two
/// middle sentences swap places in half the variants.
fn campaign_comment(variant: u64) -> String {
    const SLOTS: [&[&str]; 5] = [
        &[
            "As a lifelong resident,",
            "Speaking as a local business owner,",
            "As a parent and homeowner,",
            "As someone who grew up here,",
        ],
        &[
            "I fully support this plan.",
            "I strongly support the proposal.",
            "I fully support the proposal.",
        ],
        &[
            "It will bring good-paying jobs and much-needed revenue to our community.",
            "The good-paying jobs it brings are exactly what our community needs.",
            "Our community needs the jobs and much-needed revenue it will bring.",
        ],
        &[
            "The critics are a loud minority who don't speak for the rest of us.",
            "A loud minority shouldn't be allowed to block progress.",
            "The critics don't speak for the rest of us.",
        ],
        &[
            "It's time for the council to approve it.",
            "I urge the council to approve it without further delay.",
            "The council should approve it without further delay.",
        ],
    ];
    let mut state = variant.wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ 0x2545_f491_4f6c_dd1d;
    let mut pick = |n: usize| {
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        (state.wrapping_mul(0x2545_f491_4f6c_dd1d) >> 33) as usize % n
    };
    let mut parts: Vec<&str> = SLOTS
        .iter()
        .map(|options| options[pick(options.len())])
        .collect();
    if pick(2) == 0 {
        parts.swap(2, 3);
    }
    parts.join(" ")
}

fn read(path: &Path) -> Result<String, EvalError> {
    std::fs::read_to_string(path).map_err(|e| EvalError::data(path, e))
}

/// UD English EWT dev: each document's sentences, as one comment.
pub fn ewt_comments(data: &Path) -> Result<Vec<String>, EvalError> {
    let path = data.join("segmentation/ewt_en_ewt-ud-dev.sentences.jsonl");
    let mut out = Vec::new();
    for (n, line) in read(&path)?.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let doc: serde_json::Value = serde_json::from_str(line)
            .map_err(|e| EvalError::data(&path, format!("line {}: {e}", n + 1)))?;
        let sentences: Vec<&str> = doc["sentences"]
            .as_array()
            .map(|a| a.iter().filter_map(|s| s.as_str()).collect())
            .unwrap_or_default();
        // Long documents become several comments of at most four sentences.
        for part in sentences.chunks(4) {
            out.push(part.join(" "));
        }
    }
    if out.is_empty() {
        return Err(EvalError::data(&path, "no documents"));
    }
    Ok(out)
}

/// CheckThat! 2019 debates: consecutive lines of one speaker, as one comment.
fn debate_turns(data: &Path) -> Result<Vec<String>, EvalError> {
    let dir = data.join("checkworthiness/clef2019_train_debates");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .map_err(|e| EvalError::data(&dir, e))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "tsv"))
        .collect();
    crate::sort::sort(&mut files);
    let mut out = Vec::new();
    for path in files {
        let mut speaker = String::new();
        let mut turn = String::new();
        for line in read(&path)?.lines() {
            let cols: Vec<&str> = line.split('\t').collect();
            let (Some(who), Some(text)) = (cols.get(1), cols.get(2)) else {
                continue;
            };
            if *who != speaker && !turn.is_empty() {
                out.push(std::mem::take(&mut turn));
            }
            speaker = who.to_string();
            if !turn.is_empty() {
                turn.push(' ');
            }
            turn.push_str(text);
        }
        if !turn.is_empty() {
            out.push(turn);
        }
    }
    if out.is_empty() {
        return Err(EvalError::data(&dir, "no debate turns"));
    }
    Ok(out)
}

/// CheckThat! 2024 training sentences in id order (ids follow the debates),
/// two consecutive sentences per comment.
fn debate_sentences(data: &Path) -> Result<Vec<String>, EvalError> {
    let path = data.join("checkworthiness/ct24_train.tsv");
    let mut rows: Vec<(u64, String)> = read(&path)?
        .lines()
        .skip(1)
        .filter_map(|line| {
            let mut cols = line.split('\t');
            let id = cols.next()?.trim().parse().ok()?;
            let text = cols.next()?.replace("\\\"", "\"");
            Some((id, text))
        })
        .collect();
    crate::sort::sort_by_key(&mut rows, |r| r.0);
    let out: Vec<String> = rows
        .chunks(2)
        .map(|c| c.iter().map(|r| r.1.as_str()).collect::<Vec<_>>().join(" "))
        .collect();
    if out.is_empty() {
        return Err(EvalError::data(&path, "no sentences"));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn campaign_variants_differ_but_share_the_template() {
        let a = campaign_comment(1);
        let b = campaign_comment(2);
        assert_ne!(a, b);
        let texts: Vec<String> = (1..=8).map(campaign_comment).collect();
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        assert!(report(&refs).flagged());
    }

    #[test]
    fn data_eval_comments_runs_on_the_shared_data() {
        let data = crate::dev_data::data_dir();
        assert!(
            data.join("segmentation").is_dir(),
            "this test needs the shared datasets at ../shared/data (or $CLAIMLENS_SHARED/data)"
        );
        let mut out = Vec::new();
        run(&data, &mut out).expect("eval runs");
        let text = String::from_utf8(out).unwrap_or_default();
        assert!(text.contains("false alarms:"), "{text}");
    }
}
