//! Dates in notes on real pages (`claimlens eval dates-real-pages
//! [--real-pages DIR]`, fixtures in `tests/fixtures/dates/`): every time
//! expression the notes showed on 32 pages chosen by rule (see the
//! fixtures' README), each judged by reading its sentence against the
//! publication date, and each page's publication date judged from its
//! source.
//!
//! A judged expression is found again by its page, the first characters of
//! its sentence and its words; what the product shows today is compared
//! with the judged correct value (a date, an interval, `unresolved`, or
//! `none` when it is no time expression). The pages alternate between the
//! tuning half (fixes are made in view of it: in-sample) and the held-out
//! half (only measured).

use std::io::Write;
use std::path::Path;

use serde::Deserialize;

use super::judged_attribution::analyse_page;
use super::{read_jsonl, EvalError};
use crate::analysis::{Analysis, Interval};

/// The fixtures, relative to the repository (the eval runs from it).
pub const DEFAULT_FIXTURES: &str = "tests/fixtures/dates";

/// The set judges the first this many expressions each page's notes show.
pub const JUDGED_PER_PAGE: usize = 6;

/// What should be shown for an expression that is no time expression.
const NONE: &str = "none";
/// What should be shown for a time no date can honestly be given.
const UNRESOLVED: &str = "unresolved";

#[derive(Debug, Clone, Deserialize)]
pub struct PageRow {
    pub page: String,
    /// The page's own address, when the page was saved with one.
    pub url: Option<String>,
    pub half: String,
    /// The date the text is written as of; `None` when the page states none.
    pub correct: Option<String>,
    pub reason: String,
}

#[derive(Debug, Clone, Deserialize)]
pub struct ExpressionRow {
    pub page: String,
    /// The first characters of the claim's sentence.
    pub sentence: String,
    pub expression: String,
    /// `YYYY-MM-DD`, `YYYY-MM-DD..YYYY-MM-DD`, [`UNRESOLVED`] or [`NONE`].
    pub correct: String,
    pub label: String,
    pub reason: String,
}

/// One judged expression and what the notes show for it now.
#[derive(Debug, Clone)]
pub struct Outcome {
    pub row: ExpressionRow,
    /// The same encoding as `correct`; [`NONE`] when no note shows it.
    pub shown: String,
}

impl Outcome {
    fn resolved(&self) -> bool {
        self.shown != NONE && self.shown != UNRESOLVED
    }
    fn resolvable(&self) -> bool {
        self.row.correct != NONE && self.row.correct != UNRESOLVED
    }
    /// A date is shown and it is not the right one.
    pub fn wrong(&self) -> bool {
        self.resolved() && self.shown != self.row.correct
    }
    /// A date should be shown and is not.
    pub fn missed(&self) -> bool {
        self.resolvable() && !self.resolved()
    }
}

#[derive(Debug, Default)]
pub struct Half {
    pub outcomes: Vec<Outcome>,
    pub pages: usize,
    /// Pages whose found publication date is the judged one.
    pub dated_right: usize,
    /// Pages whose found publication date is not the judged one, with both.
    pub dated_wrong: Vec<(String, Option<String>, Option<String>)>,
    /// Expressions the notes now show among a page's first
    /// [`JUDGED_PER_PAGE`] that no row judges (page, expression): judge
    /// them to extend the set.
    pub unjudged: Vec<(String, String)>,
}

impl Half {
    /// Shown resolutions that are right, of all shown.
    pub fn precision(&self) -> (usize, usize) {
        let shown = self.outcomes.iter().filter(|o| o.resolved());
        let total = shown.clone().count();
        (total - shown.filter(|o| o.wrong()).count(), total)
    }
    /// Expressions that should have a date and are shown the right one.
    pub fn coverage(&self) -> (usize, usize) {
        let due = self.outcomes.iter().filter(|o| o.resolvable());
        let total = due.clone().count();
        (due.filter(|o| o.shown == o.row.correct).count(), total)
    }
}

#[derive(Debug, Default)]
pub struct Score {
    pub tune: Half,
    pub heldout: Half,
}

fn encode(resolved: Option<&Interval>) -> String {
    match resolved {
        None => UNRESOLVED.to_string(),
        Some(r) if r.from == r.to => r.from.clone(),
        Some(r) => format!("{}..{}", r.from, r.to),
    }
}

/// What the notes of `analysis` show for `row`; each shown time is matched
/// once (`used`), in document order.
fn shown_for(analysis: &Analysis, row: &ExpressionRow, used: &mut Vec<(usize, usize)>) -> String {
    for (ci, claim) in analysis.claims.iter().enumerate() {
        if !claim.text.starts_with(&row.sentence) {
            continue;
        }
        for (ti, time) in claim.note.times.iter().enumerate() {
            if time.text == row.expression && !used.contains(&(ci, ti)) {
                used.push((ci, ti));
                return encode(time.resolved.as_ref());
            }
        }
    }
    NONE.to_string()
}

/// Scores the judged set in `fixtures` on the pages under `data`.
pub fn score(data: &Path, fixtures: &Path) -> Result<Score, EvalError> {
    let pages: Vec<PageRow> = read_jsonl(&fixtures.join("pages.jsonl"))?;
    let rows: Vec<ExpressionRow> = read_jsonl(&fixtures.join("expressions.jsonl"))?;
    let mut score = Score::default();
    for page in &pages {
        let half = if page.half == "tune" {
            &mut score.tune
        } else {
            &mut score.heldout
        };
        let a = analyse_page(data, &page.page, page.url.as_deref())?;
        let found = a.article.published.clone();
        half.pages += 1;
        if found == page.correct {
            half.dated_right += 1;
        } else {
            half.dated_wrong
                .push((page.page.clone(), found, page.correct.clone()));
        }
        let mut used = Vec::new();
        for row in rows.iter().filter(|r| r.page == page.page) {
            half.outcomes.push(Outcome {
                row: row.clone(),
                shown: shown_for(&a, row, &mut used),
            });
        }
        let shown_now = a.claims.iter().enumerate().flat_map(|(ci, c)| {
            c.note
                .times
                .iter()
                .enumerate()
                .map(move |(ti, t)| ((ci, ti), t.text.clone()))
        });
        half.unjudged.extend(
            shown_now
                .take(JUDGED_PER_PAGE)
                .filter(|(at, _)| !used.contains(at))
                .map(|(_, text)| (page.page.clone(), text)),
        );
    }
    Ok(score)
}

fn ratio((n, d): (usize, usize)) -> String {
    if d == 0 {
        return format!("{n}/{d}");
    }
    format!("{n}/{d} = {:.3}", n as f64 / d as f64)
}

pub fn run(data: &Path, fixtures: &Path, out: &mut dyn Write) -> Result<(), EvalError> {
    let s = score(data, fixtures)?;
    writeln!(
        out,
        "== dates in notes on real pages ({}: judged before any fix; tune is in-sample) ==",
        fixtures.display()
    )?;
    for (name, half) in [("tune", &s.tune), ("held-out", &s.heldout)] {
        writeln!(
            out,
            "{name:9} {} pages, {} expressions: precision of shown dates {}, coverage {}, publication date {}",
            half.pages,
            half.outcomes.len(),
            ratio(half.precision()),
            ratio(half.coverage()),
            ratio((half.dated_right, half.pages)),
        )?;
    }
    for (name, half) in [("tune", &s.tune), ("held-out", &s.heldout)] {
        for o in half.outcomes.iter().filter(|o| o.wrong() || o.missed()) {
            let what = if o.wrong() { "wrong " } else { "missed" };
            writeln!(
                out,
                "  {name:8} {what} {} “{}” shown {} correct {} ({})",
                o.row.page, o.row.expression, o.shown, o.row.correct, o.row.reason
            )?;
        }
        for (page, expression) in &half.unjudged {
            writeln!(out, "  {name:8} unjudged {page} “{expression}”")?;
        }
        for (page, found, correct) in &half.dated_wrong {
            writeln!(
                out,
                "  {name:8} dated  {page}: found {} correct {}",
                found.as_deref().unwrap_or("none"),
                correct.as_deref().unwrap_or("none")
            )?;
        }
    }
    Ok(())
}
