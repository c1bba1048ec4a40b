//! Source precision on real pages (`tests/fixtures/attribution-sources/`):
//! every source the product shows a reader on a fixed sample of pages (a
//! claim's named speaker, a quotation's speaker), each judged by reading
//! the sentence as **correct**, **acceptable** (right, but could be fuller)
//! or **wrong** (wrong entity, garbled, or not a source at all).
//!
//! The sample is fixed by rule, so a source that appears later on a page
//! nobody judged is still seen: every 10th file of `wcxb-articles` (the
//! 10th, 20th, … in name order) and every 5th Readability test page (the
//! 1st, 6th, … in name order). The pages, in that order, alternate between
//! the tuning half (`tune.tsv`, fixes are made in view of it: in-sample)
//! and the held-out half (`heldout.tsv`, only measured).
//!
//! Precision is (correct + acceptable) / judged sources still shown. A
//! judged source no longer shown is **withdrawn**; a shown source no row
//! judges is **unjudged** and printed, so the set can be extended.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;

use super::judged_attribution::analyse_page;
use super::EvalError;
use crate::analysis::Analysis;

pub const TUNE: &str = include_str!("../../tests/fixtures/attribution-sources/tune.tsv");
pub const HELDOUT: &str = include_str!("../../tests/fixtures/attribution-sources/heldout.tsv");

/// How many leading characters of a claim or quote identify it.
const EXCERPT_CHARS: usize = 60;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Judgement {
    Correct,
    Acceptable,
    Wrong,
}

impl Judgement {
    fn parse(s: &str) -> Option<Self> {
        match s {
            "correct" => Some(Judgement::Correct),
            "acceptable" => Some(Judgement::Acceptable),
            "wrong" => Some(Judgement::Wrong),
            _ => None,
        }
    }
}

/// One source the product shows: on a claim or a quotation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shown {
    pub page: String,
    /// "claim" or "quote".
    pub item: &'static str,
    /// The claim's or quotation's first words (see [`excerpt`]).
    pub excerpt: String,
    pub speaker: String,
    pub role: Option<String>,
}

/// One judged row.
#[derive(Debug, Clone)]
pub struct Label {
    pub page: String,
    pub item: String,
    pub excerpt: String,
    pub speaker: String,
    pub role: Option<String>,
    pub judgement: Judgement,
    pub reason: String,
}

impl Label {
    fn is(&self, s: &Shown) -> bool {
        self.page == s.page
            && self.item == s.item
            && self.excerpt == s.excerpt
            && self.speaker == s.speaker
            && self.role == s.role
    }
}

/// Parses a fixture: `#` comments, a header row starting `page\t`, then
/// page, item, excerpt, speaker, role ("-" for none), judgement, reason.
pub fn labels(tsv: &str) -> Result<Vec<Label>, String> {
    let mut out = Vec::new();
    for (line, [page, item, excerpt, speaker, role, judgement, reason]) in
        super::judged_attribution::judged_rows::<7>(tsv)?
    {
        let judgement = Judgement::parse(judgement)
            .ok_or_else(|| format!("line {line}: unknown judgement {judgement:?}"))?;
        if item != "claim" && item != "quote" {
            return Err(format!("line {line}: unknown item {item:?}"));
        }
        out.push(Label {
            page: page.to_string(),
            item: item.to_string(),
            excerpt: excerpt.to_string(),
            speaker: speaker.to_string(),
            role: (role != "-").then(|| role.to_string()),
            judgement,
            reason: reason.to_string(),
        });
    }
    Ok(out)
}

/// A text's first [`EXCERPT_CHARS`] characters, whitespace folded to single
/// spaces (tabs and newlines cannot break the fixture's columns).
pub fn excerpt(text: &str) -> String {
    let folded: Vec<&str> = text.split_whitespace().collect();
    folded.join(" ").chars().take(EXCERPT_CHARS).collect()
}

/// Every source the analysis shows. A quotation inside a claim that shows
/// the same speaker is the same source seen twice and is counted once.
pub fn shown(page: &str, a: &Analysis) -> Vec<Shown> {
    let mut out: Vec<Shown> = Vec::new();
    for c in &a.claims {
        if let Some(speaker) = &c.sourcing.speaker {
            out.push(Shown {
                page: page.to_string(),
                item: "claim",
                excerpt: excerpt(&c.text),
                speaker: speaker.clone(),
                role: c.sourcing.speaker_role.clone(),
            });
        }
    }
    for q in &a.quotes {
        let Some(speaker) = &q.speaker else { continue };
        let same_as_claim = a.claims.iter().any(|c| {
            c.start <= q.start && q.end <= c.end && c.sourcing.speaker.as_ref() == Some(speaker)
        });
        if same_as_claim {
            continue;
        }
        out.push(Shown {
            page: page.to_string(),
            item: "quote",
            excerpt: excerpt(&q.text),
            speaker: speaker.clone(),
            role: q.speaker_role.clone(),
        });
    }
    let mut seen = Vec::new();
    out.retain(|s| {
        let key = (s.item, s.excerpt.clone(), s.speaker.clone(), s.role.clone());
        let fresh = !seen.contains(&key);
        seen.push(key);
        fresh
    });
    out
}

/// The sample's pages in order (see the module comment), each with whether
/// it is held out.
pub fn sample_pages(data: &Path) -> Result<Vec<(String, bool)>, EvalError> {
    let list = |dir: &Path, dirs: bool| -> Result<Vec<String>, EvalError> {
        let mut names = Vec::new();
        for entry in std::fs::read_dir(dir).map_err(|e| EvalError::data(dir, e))? {
            let entry = entry.map_err(|e| EvalError::data(dir, e))?;
            if entry.path().is_dir() == dirs {
                names.push(entry.file_name().to_string_lossy().into_owned());
            }
        }
        names.sort();
        Ok(names)
    };
    let wcxb = list(&data.join("extraction/wcxb-articles/html"), false)?;
    let readability = list(&data.join("extraction/readability-test-pages"), true)?;
    let mut pages: Vec<String> = wcxb
        .iter()
        .skip(9)
        .step_by(10)
        .filter_map(|f| f.strip_suffix(".html.gz"))
        .map(|id| format!("wcxb-{id}"))
        .chain(readability.iter().step_by(5).cloned())
        .collect();
    pages.sort();
    Ok(pages
        .into_iter()
        .enumerate()
        .map(|(k, p)| (p, k % 2 == 1))
        .collect())
}

/// A page's analysis, or `None` when the page has no article.
/// The outcome for one half of the sample.
#[derive(Debug, Default)]
pub struct Half {
    pub pages: usize,
    /// Judged sources still shown, with their judgement.
    pub shown: Vec<(Label, Shown)>,
    /// Judged sources no longer shown, each with what the item shows now.
    pub withdrawn: Vec<(Label, Option<Shown>)>,
    pub unjudged: Vec<Shown>,
}

impl Half {
    pub fn count(&self, j: Judgement) -> usize {
        self.shown.iter().filter(|(l, _)| l.judgement == j).count()
    }
    pub fn precision(&self) -> f64 {
        let right = self.count(Judgement::Correct) + self.count(Judgement::Acceptable);
        right as f64 / self.shown.len().max(1) as f64
    }
    pub fn withdrawn_count(&self, j: Judgement) -> usize {
        self.withdrawn
            .iter()
            .filter(|(l, _)| l.judgement == j)
            .count()
    }
}

#[derive(Debug, Default)]
pub struct Score {
    pub tune: Half,
    pub heldout: Half,
}

/// Analyses the sample and compares what it shows with the judged rows.
pub fn score(data: &Path) -> Result<Score, EvalError> {
    let parse =
        |tsv: &str, name: &str| labels(tsv).map_err(|e| EvalError::data(Path::new(name), e));
    let mut by_page: BTreeMap<String, Vec<Label>> = BTreeMap::new();
    for l in parse(TUNE, "tune.tsv")?
        .into_iter()
        .chain(parse(HELDOUT, "heldout.tsv")?)
    {
        by_page.entry(l.page.clone()).or_default().push(l);
    }
    let mut score = Score::default();
    for (page, held_out) in sample_pages(data)? {
        let half = if held_out {
            &mut score.heldout
        } else {
            &mut score.tune
        };
        let a = analyse_page(data, &page, None)?;
        half.pages += 1;
        let labels = by_page.remove(&page).unwrap_or_default();
        let shown = shown(&page, &a);
        for s in &shown {
            match labels.iter().find(|l| l.is(s)) {
                Some(l) => half.shown.push((l.clone(), s.clone())),
                None => half.unjudged.push(s.clone()),
            }
        }
        for l in labels {
            if !shown.iter().any(|s| l.is(s)) {
                let now = shown
                    .iter()
                    .find(|s| s.item == l.item && s.excerpt == l.excerpt)
                    .cloned();
                half.withdrawn.push((l, now));
            }
        }
    }
    Ok(score)
}

/// One fixture-shaped line for a shown source (judgement left to a reader).
pub fn tsv_line(s: &Shown) -> String {
    format!(
        "{}\t{}\t{}\t{}\t{}",
        s.page,
        s.item,
        s.excerpt,
        s.speaker,
        s.role.as_deref().unwrap_or("-")
    )
}

pub fn run(data: &Path, list: bool, out: &mut dyn Write) -> Result<(), EvalError> {
    let s = score(data)?;
    for (name, half, note) in [
        ("tune", &s.tune, "fixes made in view of it: in-sample"),
        ("held-out", &s.heldout, "never tuned on"),
    ] {
        writeln!(
            out,
            "{name} ({note}): {} pages, {} judged sources shown: {} correct, {} acceptable, {} wrong; precision {:.3}",
            half.pages,
            half.shown.len(),
            half.count(Judgement::Correct),
            half.count(Judgement::Acceptable),
            half.count(Judgement::Wrong),
            half.precision(),
        )?;
        writeln!(
            out,
            "  withdrawn: {} ({} wrong, {} acceptable, {} correct); unjudged new sources: {}",
            half.withdrawn.len(),
            half.withdrawn_count(Judgement::Wrong),
            half.withdrawn_count(Judgement::Acceptable),
            half.withdrawn_count(Judgement::Correct),
            half.unjudged.len(),
        )?;
        for (l, now) in &half.withdrawn {
            if l.judgement != Judgement::Wrong || list {
                writeln!(
                    out,
                    "  withdrawn {:?} on {} {:?}: was {:?}, now {:?}",
                    l.judgement,
                    l.page,
                    l.excerpt,
                    l.speaker,
                    now.as_ref().map(|s| &s.speaker)
                )?;
            }
        }
        if list {
            for (l, _) in half
                .shown
                .iter()
                .filter(|(l, _)| l.judgement == Judgement::Wrong)
            {
                writeln!(
                    out,
                    "  still wrong\t{}\t{}\t{}\t{}",
                    l.page, l.item, l.excerpt, l.speaker
                )?;
            }
        }
        for u in &half.unjudged {
            writeln!(out, "  unjudged\t{}", tsv_line(u))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_row_parses_with_a_judgement_and_a_reason() {
        let tune = labels(TUNE).expect("tune.tsv parses");
        let heldout = labels(HELDOUT).expect("heldout.tsv parses");
        assert!(tune.len() + heldout.len() >= 500);
        assert!(labels("p\tclaim\tx\tY\t-\tcorrect\t\n").is_err());
        assert!(labels("p\tclaim\tx\tY\t-\tmaybe\twhy\n").is_err());
        assert!(labels("p\tnote\tx\tY\t-\tcorrect\twhy\n").is_err());
    }

    #[test]
    fn excerpt_folds_whitespace_and_keeps_sixty_characters() {
        assert_eq!(excerpt("a\tb\n c"), "a b c");
        assert_eq!(excerpt(&"é".repeat(80)).chars().count(), 60);
    }
}
