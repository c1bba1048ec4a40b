//! Check-worthiness on real pages (`claimlens eval checkworthiness
//! --real-pages DIR`, fixtures in `tests/fixtures/checkworthiness/real-pages/`):
//! the sentences the product scores in the extracted article of English news
//! pages, each judged check-worthy or not by reading it, and the note's
//! decision compared with the judgement.
//!
//! The pages ([`PAGES`]) and the sentence sample ([`sample`]) are fixed by
//! rule (see the fixtures' README). The pages, in name order, alternate
//! between the tuning half (`tune.tsv`: fixes are made in view of it, so its
//! figure is in-sample) and the held-out half (`heldout.tsv`: only measured).
//!
//! A judged sentence is found again by its page and first words; a judged
//! sentence the product no longer scores (the extraction dropped it, or it
//! is now a caption or a table cell) is **withdrawn**; a sampled sentence no
//! row judges is **unjudged** and printed, so the set can be extended.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;

use super::judged_attribution::{analyse_page, judged_rows};
use super::judged_sources::excerpt;
use super::EvalError;
use crate::analysis::Claim;
use crate::detect::train::{prf, Prf};

/// The judged pages: the English general-news pages among the Readability
/// test pages and the news outlets' pages among `wcxb-articles` (see the
/// fixtures' README for the rule), in name order.
pub const PAGES: &[&str] = &[
    "bbc-1",
    "breitbart",
    "buzzfeed-1",
    "cnn",
    "guardian-1",
    "herald-sun-1",
    "msn",
    "nytimes-1",
    "nytimes-2",
    "salon-1",
    "seattletimes-1",
    "telegraph",
    "tmz-1",
    "wapo-1",
    "wcxb-0031",
    "wcxb-0106",
    "wcxb-0119",
    "wcxb-0160",
    "wcxb-0161",
    "wcxb-0221",
    "wcxb-0345",
    "wcxb-0395",
    "wcxb-0401",
    "wcxb-0475",
    "wcxb-2891",
    "wcxb-4472",
    "wcxb-4560",
    "yahoo-2",
];

/// At most this many sentences of a page are sampled for judging.
pub const PER_PAGE: usize = 12;

/// Which of a page's `n` scored sentences are sampled: all of them when
/// there are at most [`PER_PAGE`], else every `ceil(n / PER_PAGE)`-th from
/// the first, so the sample spans the whole article.
pub fn sample(n: usize) -> Vec<usize> {
    let step = n.div_ceil(PER_PAGE).max(1);
    (0..n).step_by(step).collect()
}

/// Whether `page` is in the held-out half: every second page of [`PAGES`].
pub fn held_out(page: &str) -> bool {
    PAGES
        .iter()
        .position(|p| *p == page)
        .is_some_and(|k| k % 2 == 1)
}

/// One judged sentence.
#[derive(Debug, Clone)]
pub struct Label {
    pub page: String,
    /// The sentence's first words (see [`excerpt`]).
    pub excerpt: String,
    pub checkworthy: bool,
    pub reason: String,
}

/// Parses a fixture: `#` comments, a header row starting `page\t`, then
/// page, excerpt, `yes`/`no`, reason.
pub fn labels(tsv: &str) -> Result<Vec<Label>, String> {
    let mut out = Vec::new();
    for (line, [page, excerpt, label, reason]) in judged_rows::<4>(tsv)? {
        let checkworthy = match label {
            "yes" => true,
            "no" => false,
            other => return Err(format!("line {line}: label {other:?} is not yes/no")),
        };
        if !PAGES.contains(&page) {
            return Err(format!("line {line}: page {page:?} is not in the sample"));
        }
        out.push(Label {
            page: page.to_string(),
            excerpt: excerpt.to_string(),
            checkworthy,
            reason: reason.to_string(),
        });
    }
    Ok(out)
}

/// A judged sentence as the product scores it now.
#[derive(Debug, Clone)]
pub struct Decided {
    pub label: Label,
    pub flagged: bool,
    pub score: f32,
    /// The claim kinds the note shows, comma-separated.
    pub kinds: String,
}

/// A sampled sentence no row judges.
#[derive(Debug, Clone)]
pub struct Unjudged {
    pub page: String,
    pub sentence: String,
    pub flagged: bool,
    pub score: f32,
}

/// The outcome for one half of the set.
#[derive(Debug, Default)]
pub struct Half {
    pub pages: usize,
    pub decided: Vec<Decided>,
    pub withdrawn: Vec<Label>,
    pub unjudged: Vec<Unjudged>,
}

impl Half {
    pub fn prf(&self) -> Prf {
        let flagged: Vec<bool> = self.decided.iter().map(|d| d.flagged).collect();
        let labels: Vec<bool> = self.decided.iter().map(|d| d.label.checkworthy).collect();
        prf(&flagged, &labels)
    }
    /// Flagged, but judged not check-worthy.
    pub fn flagged_wrong(&self) -> impl Iterator<Item = &Decided> {
        self.decided
            .iter()
            .filter(|d| d.flagged && !d.label.checkworthy)
    }
    /// Judged check-worthy, but not flagged.
    pub fn missed(&self) -> impl Iterator<Item = &Decided> {
        self.decided
            .iter()
            .filter(|d| !d.flagged && d.label.checkworthy)
    }
    pub fn right(&self) -> usize {
        self.decided
            .iter()
            .filter(|d| d.flagged == d.label.checkworthy)
            .count()
    }
}

#[derive(Debug, Default)]
pub struct Score {
    pub tune: Half,
    pub heldout: Half,
}

fn read_labels(dir: &Path, name: &str) -> Result<Vec<Label>, EvalError> {
    let path = dir.join(name);
    let tsv = std::fs::read_to_string(&path).map_err(|e| EvalError::data(&path, e))?;
    labels(&tsv).map_err(|e| EvalError::data(&path, e))
}

/// Analyses every page of [`PAGES`] in `data` and compares the note's
/// decisions with the judged rows in `dir` (`tune.tsv`, `heldout.tsv`).
pub fn score(data: &Path, dir: &Path) -> Result<Score, EvalError> {
    let mut by_page: BTreeMap<String, Vec<Label>> = BTreeMap::new();
    for (file, want_held_out) in [("tune.tsv", false), ("heldout.tsv", true)] {
        for l in read_labels(dir, file)? {
            if held_out(&l.page) != want_held_out {
                return Err(EvalError::data(
                    &dir.join(file),
                    format!("page {} belongs to the other half", l.page),
                ));
            }
            by_page.entry(l.page.clone()).or_default().push(l);
        }
    }
    let mut score = Score::default();
    for page in PAGES {
        let half = if held_out(page) {
            &mut score.heldout
        } else {
            &mut score.tune
        };
        let a = analyse_page(data, page, None)?;
        half.pages += 1;
        let labels = by_page.remove(*page).unwrap_or_default();
        let find = |l: &Label| a.claims.iter().find(|c| excerpt(&c.text) == l.excerpt);
        for l in labels {
            match find(&l) {
                Some(c) => half.decided.push(Decided {
                    label: l,
                    flagged: c.checkworthy,
                    score: c.score,
                    kinds: kinds_of(c),
                }),
                None => half.withdrawn.push(l),
            }
        }
        let judged = |c: &Claim| {
            let e = excerpt(&c.text);
            half_has(half, page, &e)
        };
        let unjudged: Vec<Unjudged> = sample(a.claims.len())
            .into_iter()
            .filter_map(|k| a.claims.get(k))
            .filter(|c| !judged(c))
            .map(|c| Unjudged {
                page: page.to_string(),
                sentence: c.text.split_whitespace().collect::<Vec<_>>().join(" "),
                flagged: c.checkworthy,
                score: c.score,
            })
            .collect();
        half.unjudged.extend(unjudged);
    }
    Ok(score)
}

fn kinds_of(c: &Claim) -> String {
    let names: Vec<&str> = c.kinds.iter().map(|k| k.as_str()).collect();
    names.join(",")
}

fn half_has(half: &Half, page: &str, excerpt: &str) -> bool {
    half.decided
        .iter()
        .map(|d| &d.label)
        .chain(&half.withdrawn)
        .any(|l| l.page == page && l.excerpt == excerpt)
}

pub fn run(data: &Path, dir: &Path, out: &mut dyn Write) -> Result<(), EvalError> {
    let s = score(data, dir)?;
    writeln!(
        out,
        "== check-worthiness on real pages ({}: English news pages, sentences judged by reading them) ==",
        dir.display()
    )?;
    for (name, half, note) in [
        ("tune", &s.tune, "fixes made in view of it: in-sample"),
        ("held-out", &s.heldout, "never tuned on"),
    ] {
        let p = half.prf();
        let positives = half.decided.iter().filter(|d| d.label.checkworthy).count();
        writeln!(
            out,
            "{name} ({note}): {} pages, {} judged sentences scored ({positives} check-worthy): P {:.3} R {:.3} F1 {:.3}; {} right, {} flagged wrong, {} missed; withdrawn {}, unjudged {}",
            half.pages,
            half.decided.len(),
            p.precision,
            p.recall,
            p.f1,
            half.right(),
            half.flagged_wrong().count(),
            half.missed().count(),
            half.withdrawn.len(),
            half.unjudged.len(),
        )?;
        let errors = (half.flagged_wrong().map(|d| ("flagged wrong", d)))
            .chain(half.missed().map(|d| ("missed", d)));
        for (error, d) in errors {
            writeln!(
                out,
                "  {error} {:.3} [{}] {}: {:?} ({})",
                d.score, d.kinds, d.label.page, d.label.excerpt, d.label.reason
            )?;
        }
        for l in &half.withdrawn {
            writeln!(
                out,
                "  withdrawn ({}) {}: {:?}",
                if l.checkworthy { "yes" } else { "no" },
                l.page,
                l.excerpt
            )?;
        }
        for u in &half.unjudged {
            writeln!(
                out,
                "  unjudged {}\t{}\t{}\t{:.3}\t{}",
                u.page,
                excerpt(&u.sentence),
                if u.flagged { "flagged" } else { "-" },
                u.score,
                u.sentence
            )?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sample_spans_the_page_and_keeps_at_most_per_page() {
        assert_eq!(sample(0), Vec::<usize>::new());
        assert_eq!(sample(3), vec![0, 1, 2]);
        assert_eq!(sample(PER_PAGE).len(), PER_PAGE);
        let long = sample(100);
        assert!(long.len() <= PER_PAGE && long.len() >= PER_PAGE / 2);
        assert_eq!(long.first(), Some(&0));
        assert!(long.last().is_some_and(|&k| k >= 80));
    }

    #[test]
    fn pages_alternate_between_the_halves_in_name_order() {
        let mut sorted = PAGES.to_vec();
        sorted.sort_unstable();
        assert_eq!(sorted, PAGES);
        let held = PAGES.iter().filter(|p| held_out(p)).count();
        assert_eq!(held, PAGES.len() / 2);
        assert!(!held_out(PAGES[0]) && held_out(PAGES[1]));
        assert!(!held_out("not-a-page"));
    }

    #[test]
    fn labels_need_a_known_page_a_yes_or_no_and_a_reason() {
        let ok =
            labels("# c\npage\texcerpt\tlabel\treason\nbbc-1\tThe plan\tyes\ta figure\n").unwrap();
        assert_eq!(ok.len(), 1);
        assert!(ok[0].checkworthy);
        assert!(labels("bbc-1\tThe plan\tmaybe\twhy\n").is_err());
        assert!(labels("nowhere\tThe plan\tno\twhy\n").is_err());
        assert!(labels("bbc-1\tThe plan\tno\t \n").is_err());
    }
}
