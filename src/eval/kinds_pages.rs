//! The kind a note names, on real pages (`claimlens eval kinds-real-pages
//! [--real-pages DIR]`, fixtures in `tests/fixtures/kinds/`): the headline
//! ("A statistical claim.", "A dated event.", …) of the first five claims
//! shown on 20 pages chosen by rule (see the fixtures' README), each judged
//! by reading its sentence: the right headline and the others a reader would
//! still accept.
//!
//! A judged row is found again by its page and the first characters of its
//! sentence, flagged or not (a fix may rightly turn it into an opinion, which
//! is then not flagged), and the headline it has today is labelled right,
//! acceptable or wrong. The pages alternate between the tuning half (fixes
//! are made in view of it: in-sample) and the held-out half (only measured).

use std::io::Write;
use std::path::Path;

use serde::Deserialize;

use super::judged_attribution::analyse_page;
use super::{read_jsonl, EvalError};

/// The fixtures, relative to the repository (the eval runs from it).
pub const DEFAULT_FIXTURES: &str = "tests/fixtures/kinds";

/// What is reported when a judged sentence is no longer among the claims.
const MISSING: &str = "(not found)";

#[derive(Debug, Clone, Deserialize)]
pub struct PageRow {
    pub page: String,
    /// The page's own address, when the page was saved with one.
    pub url: Option<String>,
    pub half: String,
}

#[derive(Debug, Clone, Deserialize)]
pub struct HeadlineRow {
    pub page: String,
    /// The first characters of the claim's sentence.
    pub sentence: String,
    /// The right headline, without its full stop ("A dated event").
    pub correct: String,
    /// Other headlines a reader would still accept.
    #[serde(default)]
    pub acceptable: Vec<String>,
    pub reason: String,
    /// The headline shown when the row was judged.
    #[serde(default)]
    pub judged_shown: String,
}

/// How a headline shown today reads against the judgement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Label {
    Right,
    Acceptable,
    Wrong,
}

/// One judged claim and the headline its note shows now.
#[derive(Debug, Clone)]
pub struct Outcome {
    pub row: HeadlineRow,
    pub shown: String,
}

impl Outcome {
    pub fn label(&self) -> Label {
        if self.shown == self.row.correct {
            Label::Right
        } else if self.row.acceptable.contains(&self.shown) {
            Label::Acceptable
        } else {
            Label::Wrong
        }
    }
}

#[derive(Debug, Default)]
pub struct Half {
    pub pages: usize,
    pub outcomes: Vec<Outcome>,
}

impl Half {
    pub fn count(&self, label: Label) -> usize {
        self.outcomes.iter().filter(|o| o.label() == label).count()
    }
    pub fn wrong(&self) -> impl Iterator<Item = &Outcome> {
        self.outcomes.iter().filter(|o| o.label() == Label::Wrong)
    }
}

#[derive(Debug, Default)]
pub struct Score {
    pub tune: Half,
    pub heldout: Half,
}

/// The note's headline: the summary's first sentence, without its stop.
fn headline(summary: &str) -> String {
    summary.split('.').next().unwrap_or_default().to_string()
}

/// Scores the judged set in `fixtures` on the pages under `data`.
pub fn score(data: &Path, fixtures: &Path) -> Result<Score, EvalError> {
    let pages: Vec<PageRow> = read_jsonl(&fixtures.join("pages.jsonl"))?;
    let rows: Vec<HeadlineRow> = read_jsonl(&fixtures.join("headlines.jsonl"))?;
    let mut score = Score::default();
    for page in &pages {
        let half = if page.half == "tune" {
            &mut score.tune
        } else {
            &mut score.heldout
        };
        half.pages += 1;
        let a = analyse_page(data, &page.page, page.url.as_deref())?;
        for row in rows.iter().filter(|r| r.page == page.page) {
            let shown = a
                .claims
                .iter()
                .find(|c| c.text.starts_with(&row.sentence))
                .map_or_else(|| MISSING.to_string(), |c| headline(&c.note.summary));
            half.outcomes.push(Outcome {
                row: row.clone(),
                shown,
            });
        }
    }
    Ok(score)
}

pub fn run(data: &Path, fixtures: &Path, out: &mut dyn Write) -> Result<(), EvalError> {
    let s = score(data, fixtures)?;
    writeln!(
        out,
        "== the kind a note names, on real pages ({}: judged before any fix; tune is in-sample) ==",
        fixtures.display()
    )?;
    for (name, half) in [("tune", &s.tune), ("held-out", &s.heldout)] {
        writeln!(
            out,
            "{name:9} {} pages, {} headlines: right {}, acceptable {}, wrong {}",
            half.pages,
            half.outcomes.len(),
            half.count(Label::Right),
            half.count(Label::Acceptable),
            half.count(Label::Wrong),
        )?;
    }
    for (name, half) in [("tune", &s.tune), ("held-out", &s.heldout)] {
        for o in half
            .outcomes
            .iter()
            .filter(|o| o.shown != o.row.judged_shown)
        {
            writeln!(
                out,
                "  {name:8} changed {} “{}…” “{}” -> “{}” ({:?})",
                o.row.page,
                o.row.sentence,
                o.row.judged_shown,
                o.shown,
                o.label()
            )?;
        }
        for o in half.wrong() {
            writeln!(
                out,
                "  {name:8} wrong {} “{}…” shown “{}” correct “{}” ({})",
                o.row.page, o.row.sentence, o.shown, o.row.correct, o.row.reason
            )?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn outcome(shown: &str) -> Outcome {
        Outcome {
            row: HeadlineRow {
                page: "p".into(),
                sentence: "s".into(),
                correct: "A dated event".into(),
                acceptable: vec!["A factual claim".into()],
                reason: "r".into(),
                judged_shown: String::new(),
            },
            shown: shown.into(),
        }
    }

    #[test]
    fn a_headline_is_right_acceptable_or_wrong_against_the_judgement() {
        assert_eq!(outcome("A dated event").label(), Label::Right);
        assert_eq!(outcome("A factual claim").label(), Label::Acceptable);
        assert_eq!(outcome("A statistical claim").label(), Label::Wrong);
        assert_eq!(outcome(MISSING).label(), Label::Wrong);
    }

    #[test]
    fn the_headline_is_the_summarys_first_sentence() {
        assert_eq!(
            headline("A dated event. Not attributed to anyone."),
            "A dated event"
        );
        assert_eq!(
            headline("An opinion, not a factual claim. Not attributed."),
            "An opinion, not a factual claim"
        );
    }
}
