//! The extraction eval's corpora beyond Readability.js's test pages, and the
//! shingle figures ([`super::shingles`]) printed for every corpus.
//!
//! - `wcxb-articles` (CC-BY-4.0, 2025–26 pages): `html/<id>.html.gz`, the
//!   expected text is `ground_truth.main_content` of `ground-truth/<id>.json.gz`.
//! - `dragnet-train` (AGPL-3.0 data, 2012 pages): `html/<id>.html.gz`, the
//!   expected article is the text of `corrected/<id>.html.corrected.txt`
//!   before the comment separator line. Measured only: never tuned on,
//!   never copied.

use std::borrow::Cow;
use std::io::{Read, Write};
use std::path::Path;

use super::extraction::word_prf;
use super::shingles::{self, Counts, Tally};
use super::EvalError;
use crate::extract::extract_candidate;
use crate::snapshot::html::{decode, snapshot_from_html};

/// A corpus the extraction eval can score.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Corpus {
    Readability,
    Wcxb,
    Dragnet,
}

impl Corpus {
    pub const ALL: [Corpus; 3] = [Corpus::Readability, Corpus::Wcxb, Corpus::Dragnet];

    pub fn parse(name: &str) -> Option<Corpus> {
        match name {
            "readability" | "readability-test-pages" => Some(Corpus::Readability),
            "wcxb" | "wcxb-articles" => Some(Corpus::Wcxb),
            "dragnet" | "dragnet-train" => Some(Corpus::Dragnet),
            _ => None,
        }
    }

    pub const fn dir(self) -> &'static str {
        match self {
            Corpus::Readability => "extraction/readability-test-pages",
            Corpus::Wcxb => "extraction/wcxb-articles",
            Corpus::Dragnet => "extraction/dragnet-train",
        }
    }

    /// The strict shingle F1 the issue asks for on this corpus.
    fn target_f1(self) -> f64 {
        match self {
            Corpus::Readability => 0.99,
            Corpus::Wcxb => 0.95,
            Corpus::Dragnet => 0.93,
        }
    }
}

/// Dragnet's line between the article and the comments.
const DRAGNET_COMMENTS: &str = "!@#$%^&*()  COMMENTS";

/// One scored page of any corpus.
#[derive(Debug, Clone)]
pub struct ShinglePage {
    pub id: String,
    /// Against what the product outputs (empty when it declines).
    pub counts: Counts,
    pub declined: bool,
    pub truth_has_text: bool,
    /// Bag-of-words F1 of the best candidate text, declined or not.
    pub words_f1: (f64, f64, f64),
    /// Share of the output's bytes in non-prose blocks (captions, tables…).
    pub non_prose_share: f64,
    /// WCXB's snippets: how many of its boilerplate (`without`) snippets
    /// the output holds, and how many of its required (`with`) ones.
    pub snippets: Snippets,
}

/// Counts of WCXB's secondary metric for one page (all zero elsewhere).
#[derive(Debug, Clone, Copy, Default)]
pub struct Snippets {
    pub without_left: usize,
    pub without: usize,
    pub with_found: usize,
    pub with: usize,
}

/// A corpus page's expected text, and WCXB's snippets.
struct Truth {
    text: String,
    with: Vec<String>,
    without: Vec<String>,
}

impl Truth {
    fn text_only(text: String) -> Self {
        Truth {
            text,
            with: Vec::new(),
            without: Vec::new(),
        }
    }
}

/// Counts which snippets `output` holds, comparing `\w+` words.
fn count_snippets(output: &str, truth: &Truth) -> Snippets {
    let words = |t: &str| format!(" {} ", shingles::tokens(t).join(" "));
    let ours = words(output);
    let held = |snippets: &[String]| {
        let snippets: Vec<String> = snippets
            .iter()
            .map(|s| words(s))
            .filter(|w| w.trim() != "")
            .collect();
        (
            snippets
                .iter()
                .filter(|w| ours.contains(w.as_str()))
                .count(),
            snippets.len(),
        )
    };
    let (without_left, without) = held(&truth.without);
    let (with_found, with) = held(&truth.with);
    Snippets {
        without_left,
        without,
        with_found,
        with,
    }
}

/// Scores one page: our extraction of `html` against `truth`.
fn score_page(id: &str, html: &[u8], truth: &Truth) -> ShinglePage {
    let snippets_of = |output: &str| count_snippets(output, truth);
    let truth = truth.text.as_str();
    let extraction = snapshot_from_html(html, "")
        .ok()
        .and_then(|s| extract_candidate(&s).ok())
        .unwrap_or_default();
    let candidate = extraction.article.as_ref().map_or("", |a| a.text.as_str());
    let declined = extraction.no_article.is_some();
    let output = if declined { "" } else { candidate };
    ShinglePage {
        id: id.to_string(),
        counts: shingles::page_counts(output, truth),
        declined,
        truth_has_text: !shingles::tokens(truth).is_empty(),
        words_f1: word_prf(candidate, truth),
        non_prose_share: if declined {
            0.0
        } else {
            non_prose_share(extraction.article.as_ref())
        },
        snippets: snippets_of(output),
    }
}

/// Share of a rendered article's bytes that sit in non-prose blocks.
pub fn non_prose_share(article: Option<&crate::extract::Rendered>) -> f64 {
    let Some(a) = article.filter(|a| !a.text.is_empty()) else {
        return 0.0;
    };
    let marked: usize = a
        .blocks
        .iter()
        .filter(|b| b.kind != crate::extract::BlockKind::Prose)
        .map(|b| b.span.len())
        .sum();
    marked as f64 / a.text.len() as f64
}

pub(crate) fn gunzip(path: &Path) -> Result<Vec<u8>, EvalError> {
    let file = std::fs::File::open(path).map_err(|e| EvalError::data(path, e))?;
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(file)
        .read_to_end(&mut out)
        .map_err(|e| EvalError::data(path, e))?;
    Ok(out)
}

/// The page ids in the corpus's `index.tsv` (first column, after the header).
fn index_ids(dir: &Path) -> Result<Vec<String>, EvalError> {
    let path = dir.join("index.tsv");
    let index = std::fs::read_to_string(&path).map_err(|e| EvalError::data(&path, e))?;
    let ids: Vec<String> = index
        .lines()
        .skip(1)
        .filter_map(|l| l.split('\t').next())
        .filter(|id| !id.is_empty())
        .map(str::to_string)
        .collect();
    if ids.is_empty() {
        return Err(EvalError::data(&path, "no pages listed"));
    }
    Ok(ids)
}

fn wcxb_truth(dir: &Path, id: &str) -> Result<Truth, EvalError> {
    let path = dir.join(format!("ground-truth/{id}.json.gz"));
    let json: serde_json::Value =
        serde_json::from_slice(&gunzip(&path)?).map_err(|e| EvalError::data(&path, e))?;
    let truth = &json["ground_truth"];
    let list = |key: &str| -> Vec<String> {
        truth[key]
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|v| v.as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default()
    };
    Ok(Truth {
        text: truth["main_content"].as_str().unwrap_or("").to_string(),
        with: list("with"),
        without: list("without"),
    })
}

fn dragnet_truth(dir: &Path, id: &str) -> Result<String, EvalError> {
    let path = dir.join(format!("corrected/{id}.html.corrected.txt"));
    // 26 files are Windows-1252, which the HTML decoder falls back to as well.
    let bytes = std::fs::read(&path).map_err(|e| EvalError::data(&path, e))?;
    let text = decode_truth(&bytes);
    let article = text
        .split_inclusive('\n')
        .take_while(|l| l.trim_end_matches(['\r', '\n']) != DRAGNET_COMMENTS)
        .collect();
    Ok(article)
}

/// A ground-truth file's text: 4 Dragnet files are UTF-16 with a byte-order
/// mark (read as single bytes, their words fell apart and the pages scored
/// 0); the rest are UTF-8 or Windows-1252.
fn decode_truth(bytes: &[u8]) -> Cow<'_, str> {
    let utf16 = |rest: &[u8], unit: fn([u8; 2]) -> u16| {
        let units: Vec<u16> = rest.chunks_exact(2).map(|c| unit([c[0], c[1]])).collect();
        Cow::Owned(String::from_utf16_lossy(&units))
    };
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        utf16(rest, u16::from_le_bytes)
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        utf16(rest, u16::from_be_bytes)
    } else {
        decode(bytes)
    }
}

/// Scores every page of a gzipped corpus (WCXB or Dragnet), in index order.
pub fn score_gz_corpus(data: &Path, corpus: Corpus) -> Result<Vec<ShinglePage>, EvalError> {
    let dir = data.join(corpus.dir());
    index_ids(&dir)?
        .iter()
        .map(|id| {
            let html = gunzip(&dir.join(format!("html/{id}.html.gz")))?;
            let truth = match corpus {
                Corpus::Dragnet => Truth::text_only(dragnet_truth(&dir, id)?),
                _ => wcxb_truth(&dir, id)?,
            };
            Ok(score_page(id, &html, &truth))
        })
        .collect()
}

/// How many of the worst pages are listed.
const WORST_LISTED: usize = 25;

/// Prints the corpus's shingle figures (plain and strict) and its
/// bag-of-words line; with `list_pages`, every page's row, otherwise the
/// worst pages.
pub fn report(
    corpus: Corpus,
    pages: &[ShinglePage],
    list_pages: bool,
    out: &mut dyn Write,
) -> Result<(), EvalError> {
    let mut rows: Vec<&ShinglePage> = pages.iter().collect();
    if !list_pages {
        rows.sort_by(|a, b| strict_f1(a).total_cmp(&strict_f1(b)));
        rows.truncate(WORST_LISTED);
        writeln!(out, "worst {} pages of {}:", rows.len(), corpus.dir())?;
    }
    if corpus != Corpus::Readability || !list_pages {
        writeln!(
            out,
            "{:<12} {:>6} {:>6} {:>6}  verdict",
            "page", "P", "R", "F1"
        )?;
        for p in &rows {
            let show = |v: Option<f64>| v.map_or("-".to_string(), |v| format!("{v:.3}"));
            writeln!(
                out,
                "{:<12} {:>6} {:>6} {:>6.3}  {}",
                p.id,
                show(p.counts.precision()),
                show(p.counts.recall()),
                strict_f1(p),
                if p.declined { "no_art" } else { "article" }
            )?;
        }
    }
    let mut plain = Tally::default();
    let mut strict = Tally::default();
    for p in pages {
        plain.add(p.counts);
        strict.add_strict(p.counts, p.declined, p.truth_has_text);
    }
    let n = pages.len() as f64;
    let words =
        |f: fn(&(f64, f64, f64)) -> f64| pages.iter().map(|p| f(&p.words_f1)).sum::<f64>() / n;
    let declined = pages.iter().filter(|p| p.declined).count();
    let target = corpus.target_f1();
    writeln!(out)?;
    writeln!(
        out,
        "== {} ({} pages, {declined} declined)",
        corpus.dir(),
        pages.len()
    )?;
    writeln!(
        out,
        "shingle F1 {:.4}  (P {:.4}, R {:.4})",
        plain.f1(),
        plain.precision(),
        plain.recall()
    )?;
    writeln!(
        out,
        "strict shingle F1 {:.4}  (P {:.4}, R {:.4})   target >= {target:.2}   {}",
        strict.f1(),
        strict.precision(),
        strict.recall(),
        if strict.f1() >= target {
            "met"
        } else {
            "BELOW TARGET"
        }
    )?;
    writeln!(
        out,
        "non-prose blocks: {:.1}% of the output text on average (captions, tables, link lists, …)",
        100.0 * pages.iter().map(|p| p.non_prose_share).sum::<f64>() / n
    )?;
    let snippets = pages.iter().fold(Snippets::default(), |a, p| Snippets {
        without_left: a.without_left + p.snippets.without_left,
        without: a.without + p.snippets.without,
        with_found: a.with_found + p.snippets.with_found,
        with: a.with + p.snippets.with,
    });
    if snippets.without + snippets.with > 0 {
        writeln!(
            out,
            "snippets: boilerplate left in {}/{} (`without`), required found {}/{} (`with`)",
            snippets.without_left, snippets.without, snippets.with_found, snippets.with
        )?;
    }
    writeln!(
        out,
        "bag-of-words F1 {:.4}  (P {:.4}, R {:.4}; best candidate text, verdict ignored)",
        words(|w| w.2),
        words(|w| w.0),
        words(|w| w.1)
    )?;
    Ok(())
}

/// A page's F1 as the strict figure sees it.
fn strict_f1(p: &ShinglePage) -> f64 {
    if p.declined && p.truth_has_text {
        0.0
    } else {
        p.counts.f1()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn corpus_names_parse() {
        assert_eq!(Corpus::parse("wcxb"), Some(Corpus::Wcxb));
        assert_eq!(Corpus::parse("dragnet-train"), Some(Corpus::Dragnet));
        assert_eq!(Corpus::parse("readability"), Some(Corpus::Readability));
        assert_eq!(Corpus::parse("cleaneval"), None);
    }

    /// The bug: Dragnet's UTF-16 ground truths were read byte by byte, so
    /// their pages scored 0 whatever the extraction.
    #[test]
    fn regression_utf16_ground_truth_is_decoded() {
        let mut le = vec![0xFF, 0xFE];
        le.extend(
            "Forgiving your enemies"
                .encode_utf16()
                .flat_map(u16::to_le_bytes),
        );
        assert_eq!(decode_truth(&le), "Forgiving your enemies");
        let mut be = vec![0xFE, 0xFF];
        be.extend("Vacations".encode_utf16().flat_map(u16::to_be_bytes));
        assert_eq!(decode_truth(&be), "Vacations");
        assert_eq!(decode_truth(b"caf\xE9"), "café");
    }

    #[test]
    fn snippets_are_matched_word_by_word() {
        let truth = Truth {
            text: String::new(),
            with: vec!["The council voted".into(), "no such words".into()],
            without: vec!["Sign up!".into(), "Share".into()],
        };
        let s = count_snippets("the council voted. Sign up (free)", &truth);
        assert_eq!((s.with_found, s.with), (1, 2));
        // "Share" is not a word of "sharesday": whole words only.
        assert_eq!(
            (
                count_snippets("sign up sharesday", &truth).without_left,
                s.without
            ),
            (1, 2)
        );
    }

    #[test]
    fn a_declined_page_scores_zero_strictly() {
        let html = b"<html><body><nav><a href=/a>Home</a></nav></body></html>";
        let truth = Truth::text_only("Some article text that was expected here.".into());
        let page = score_page("x", html, &truth);
        assert!(page.declined);
        assert_eq!(strict_f1(&page), 0.0);
        assert_eq!(page.counts.precision(), None);
    }
}
