//! The judged real-page set (`tests/fixtures/attribution/judged-quotes.tsv`):
//! quotations on English news pages, each labelled by reading the page with
//! its speaker (or none, for titles and scare quotes) and a one-line reason.
//! Each page goes through the whole product (HTML snapshot → analysis), and
//! the quote whose text starts with the labelled prefix is compared:
//! - **speaker right**: the predicted speaker contains the expected name (or
//!   one of its "|" alternatives), or is one word of it; for "-", no
//!   speaker is given (or the quote is not listed);
//! - **garbled**: every speaker and role string on those pages that fails
//!   [`crate::attribute::is_garbled`] (trailing articles, caption words, a
//!   clause word, a figure).

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use super::EvalError;
use crate::analysis::Analysis;
use crate::attribute::{is_garbled, is_garbled_role};
use crate::snapshot::html::snapshot_from_html;

/// The labels, compiled in (the file is the fixture the tests read too).
pub const LABELS: &str = include_str!("../../tests/fixtures/attribution/judged-quotes.tsv");

/// One labelled quotation.
#[derive(Debug, Clone)]
pub struct Label {
    pub page: String,
    pub prefix: String,
    /// `None` when no one said it.
    pub speaker: Option<Vec<String>>,
    pub kind: String,
    pub reason: String,
}

/// The outcome of one label.
#[derive(Debug, Clone)]
pub struct Judged {
    pub label: Label,
    pub predicted: Option<String>,
    pub found: bool,
    pub right: bool,
}

#[derive(Debug, Default)]
pub struct Score {
    pub pages: usize,
    pub judged: Vec<Judged>,
    /// Garbled speaker or role strings, as (page, string).
    pub garbled: Vec<(String, String)>,
}

impl Score {
    pub fn right(&self) -> usize {
        self.judged.iter().filter(|j| j.right).count()
    }
    pub fn percent_right(&self) -> f64 {
        100.0 * self.right() as f64 / self.judged.len().max(1) as f64
    }
}

/// The data rows of a judged TSV, with their line numbers: `#` comments,
/// blank lines and the header row (starting `page\t`) are skipped; every
/// row must have `N` columns and a reason in the last one.
pub(crate) fn judged_rows<const N: usize>(tsv: &str) -> Result<Vec<(usize, [&str; N])>, String> {
    let mut out = Vec::new();
    for (n, line) in tsv.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() || line.starts_with("page\t") {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        let row: [&str; N] = cols
            .as_slice()
            .try_into()
            .map_err(|_| format!("line {}: expected {N} columns, got {}", n + 1, cols.len()))?;
        if row[N - 1].trim().is_empty() {
            return Err(format!("line {}: a label needs its reason", n + 1));
        }
        out.push((n + 1, row));
    }
    Ok(out)
}

/// Parses the TSV: comment lines start with `#`, the header row is skipped.
pub fn labels(tsv: &str) -> Result<Vec<Label>, String> {
    let mut out = Vec::new();
    for (_, [page, prefix, speaker, kind, reason]) in judged_rows::<5>(tsv)? {
        out.push(Label {
            page: page.to_string(),
            prefix: prefix.to_string(),
            speaker: (speaker != "-").then(|| speaker.split('|').map(str::to_string).collect()),
            kind: kind.to_string(),
            reason: reason.to_string(),
        });
    }
    Ok(out)
}

/// Where a page's HTML is: `wcxb-<id>` in `wcxb-articles`, anything else in
/// the Readability test pages.
pub(crate) fn page_path(data: &Path, page: &str) -> PathBuf {
    match page.strip_prefix("wcxb-") {
        Some(id) => data.join(format!("extraction/wcxb-articles/html/{id}.html.gz")),
        None => data.join(format!(
            "extraction/readability-test-pages/{page}/source.html"
        )),
    }
}

/// The analysis of the judged page `page` under `data`, read at `url` (a
/// stand-in address when the judged set gives none). A page that cannot be
/// read, snapshotted or analysed is an error naming its file: scored as a
/// page with nothing shown, it would hide the failure among misses.
pub(crate) fn analyse_page(
    data: &Path,
    page: &str,
    url: Option<&str>,
) -> Result<Analysis, EvalError> {
    let path = page_path(data, page);
    let html = read_page(&path)?;
    let url = url.map_or_else(|| format!("https://example.test/{page}"), str::to_string);
    let snapshot =
        snapshot_from_html(&html, &url).map_err(|e| EvalError::data(&path, format!("{e:?}")))?;
    crate::analyze(&snapshot, &crate::Options::default())
        .map_err(|e| EvalError::data(&path, format!("{e:?}")))
}

pub(crate) fn read_page(path: &Path) -> Result<Vec<u8>, EvalError> {
    if path.extension().is_some_and(|e| e == "gz") {
        // The eval is native only; gzip is on every machine it runs on.
        let out = Command::new("gzip")
            .arg("-dc")
            .arg(path)
            .output()
            .map_err(|e| EvalError::data(path, e))?;
        if !out.status.success() {
            return Err(EvalError::data(path, "gzip -dc failed"));
        }
        return Ok(out.stdout);
    }
    std::fs::read(path).map_err(|e| EvalError::data(path, e))
}

/// Quote text for prefix matching: curly quotes and apostrophes folded, outer
/// marks and spaces trimmed.
fn fold(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '‘' | '’' => '\'',
            '“' | '”' => '"',
            c => c,
        })
        .collect::<String>()
        .trim_matches(|c: char| c.is_whitespace() || c == '"' || c == '\'')
        .to_string()
}

/// True when `predicted` names `expected` (see the module comment).
pub fn names(predicted: &str, expected: &str) -> bool {
    let p = predicted.to_lowercase();
    let e = expected.to_lowercase();
    // A one-word speaker ("Kelly") names the expected person when it is one
    // of their names; two full names must agree in full.
    p.contains(&e) || (!p.contains(' ') && !p.is_empty() && e.split_whitespace().any(|w| w == p))
}

fn judge(a: &Analysis, label: &Label) -> Judged {
    let want = fold(&label.prefix);
    let quote = a
        .quotes
        .iter()
        .filter(|q| fold(&q.text).starts_with(&want))
        .min_by_key(|q| !q.direct);
    let predicted = quote.and_then(|q| q.speaker.clone());
    // An anonymous or vague source has no name: right when the quote has a
    // cue and no named speaker.
    let unnamed = matches!(label.kind.as_str(), "anonymous" | "vague");
    let right = match (&label.speaker, &predicted) {
        (None, p) => p.is_none(),
        (Some(_), None) if unnamed => quote.is_some_and(|q| q.cue.is_some()),
        (Some(alts), Some(p)) => alts.iter().any(|e| names(p, e)),
        (Some(_), None) => false,
    };
    Judged {
        label: label.clone(),
        predicted,
        found: quote.is_some(),
        right,
    }
}

/// Every speaker and role string the analysis shows that is garbled.
fn garbled(a: &Analysis) -> Vec<String> {
    let mut out = Vec::new();
    let names = a
        .quotes
        .iter()
        .flat_map(|q| q.speaker.iter().chain(&q.speaker_candidates))
        .chain(a.claims.iter().flat_map(|c| {
            c.sourcing
                .speaker
                .iter()
                .chain(&c.sourcing.speaker_candidates)
        }));
    out.extend(names.filter(|n| is_garbled(n)).cloned());
    let roles = a
        .quotes
        .iter()
        .filter_map(|q| q.speaker_role.as_ref())
        .chain(
            a.claims
                .iter()
                .filter_map(|c| c.sourcing.speaker_role.as_ref()),
        );
    out.extend(roles.filter(|r| is_garbled_role(r)).cloned());
    out.sort();
    out.dedup();
    out
}

/// Analyses every labelled page and judges its labels.
pub fn score(data: &Path) -> Result<Score, EvalError> {
    let all = labels(LABELS).map_err(|e| EvalError::data(Path::new("judged-quotes.tsv"), e))?;
    let mut by_page: BTreeMap<&str, Vec<&Label>> = BTreeMap::new();
    for l in &all {
        by_page.entry(l.page.as_str()).or_default().push(l);
    }
    let mut score = Score::default();
    for (page, labels) in by_page {
        let a = analyse_page(data, page, None)?;
        score.pages += 1;
        score.judged.extend(labels.iter().map(|l| judge(&a, l)));
        score
            .garbled
            .extend(garbled(&a).into_iter().map(|g| (page.to_string(), g)));
    }
    Ok(score)
}

pub fn report(s: &Score, out: &mut dyn Write) -> Result<(), EvalError> {
    writeln!(
        out,
        "judged real pages: {} pages, {} labelled quotes (tests/fixtures/attribution; labelled before tuning, fixes since made in view of it: in-sample)",
        s.pages,
        s.judged.len()
    )?;
    let named: Vec<&Judged> = s
        .judged
        .iter()
        .filter(|j| j.label.speaker.is_some())
        .collect();
    writeln!(
        out,
        "speakers right: {} / {} = {:.1}% (named {} / {}, nobody {} / {}); target >= 95%",
        s.right(),
        s.judged.len(),
        s.percent_right(),
        named.iter().filter(|j| j.right).count(),
        named.len(),
        s.judged
            .iter()
            .filter(|j| j.label.speaker.is_none() && j.right)
            .count(),
        s.judged.len() - named.len(),
    )?;
    writeln!(
        out,
        "garbled speaker strings: {} (target 0)",
        s.garbled.len()
    )?;
    for (page, g) in &s.garbled {
        writeln!(out, "  garbled on {page}: {g:?}")?;
    }
    if std::env::var_os("CLAIMLENS_EVAL_VERBOSE").is_some() {
        for j in s.judged.iter().filter(|j| !j.right) {
            writeln!(
                out,
                "  wrong on {}: {:?} expected {:?}, got {:?}{}",
                j.label.page,
                j.label.prefix,
                j.label.speaker,
                j.predicted,
                if j.found { "" } else { " (quote not listed)" }
            )?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_label_parses_with_a_reason() {
        let all = labels(LABELS).expect("the fixture parses");
        assert!(all.len() >= 100, "{}", all.len());
        assert!(labels("p\tq\tX\tnamed\t\n").is_err());
        assert!(labels("p\tq\tX\n").is_err());
    }

    #[test]
    fn surname_or_alternative_names_the_speaker() {
        assert!(names("Barack Obama", "Obama"));
        assert!(names("Mr. Reeves", "Reeves"));
        assert!(names("Fiona Parry", "Fiona"));
        assert!(names("Fiona", "Fiona Parry"));
        assert!(!names("Anna Kelly", "Ian Kelly"));
        assert!(!names("Trump", "Obama"));
    }
}
