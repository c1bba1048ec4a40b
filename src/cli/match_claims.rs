//! `claimlens match --pack PACK [--pack PACK...] [--top K] [--threshold T] [--related] [--date YYYY-MM-DD] FILE|-`
//!
//! One claim per input line; one JSON line per input line:
//! `{"line": n, "matches": [{"id", "score", "claim", "verdict", "url", "publisher", "pack"}]}`.
//! `matches` are fact-checks of that very claim (`--threshold` is the
//! same-claim threshold, 0 to 1). With `--related`, each line also has
//! `related`: fact-checks of a related claim, without their verdicts.
//! `id` is the source record's own id. Blank lines get an empty match list,
//! so output line n always answers input line n.

use std::io::Write;
use std::sync::Arc;

use lexopt::prelude::*;
use serde::Serialize;

use super::input::{display_name, read_input, read_text};
use super::{parse_date, CliError};
use crate::verify::matcher::{Analysed, SearchSettings, Searcher};
use crate::verify::{Pack, Registry, Tier};

#[derive(Serialize)]
struct Line<'a> {
    line: usize,
    matches: Vec<MatchOut<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    related: Option<Vec<RelatedOut<'a>>>,
}

/// A related fact-check: no verdict, since it checks another claim.
#[derive(Serialize)]
struct RelatedOut<'a> {
    id: &'a str,
    score: f32,
    claim: &'a str,
    url: Option<&'a str>,
    publisher: Option<&'a str>,
    pack: &'a str,
    /// What sets its claim apart from this one.
    differs: Vec<&'static str>,
}

#[derive(Serialize)]
struct MatchOut<'a> {
    id: &'a str,
    score: f32,
    claim: &'a str,
    verdict: Option<String>,
    url: Option<&'a str>,
    publisher: Option<&'a str>,
    pack: &'a str,
}

/// Loads pack files into a registry; a damaged pack is an error naming the file.
pub fn load_packs(paths: &[String]) -> Result<Registry, CliError> {
    let mut registry = Registry::new();
    for path in paths {
        let bytes = read_input(path)?;
        let pack = Pack::from_bytes(&bytes)
            .map_err(|e| CliError::BadInput(format!("{}: {e}", display_name(path))))?;
        registry.add(Arc::new(pack));
    }
    Ok(registry)
}

pub fn run(parser: &mut lexopt::Parser, out: &mut dyn Write) -> Result<(), CliError> {
    let mut packs: Vec<String> = Vec::new();
    let mut input = None;
    let mut settings = SearchSettings::default();
    let mut date = None;
    let mut with_related = false;
    while let Some(arg) = parser.next()? {
        match arg {
            Long("pack") => packs.push(parser.value()?.string()?),
            Long("top") => {
                let v = parser.value()?.string()?;
                settings.top_k = v.parse().ok().filter(|&k| k > 0).ok_or_else(|| {
                    CliError::Usage(format!("--top wants a positive number, got `{v}`"))
                })?;
            }
            Long("threshold") => {
                let v = parser.value()?.string()?;
                settings.threshold = v
                    .parse()
                    .ok()
                    .filter(|t: &f32| (0.0..=1.0).contains(t))
                    .ok_or_else(|| {
                        CliError::Usage(format!("--threshold wants 0 to 1, got `{v}`"))
                    })?;
            }
            Long("date") => date = Some(parse_date(&parser.value()?.string()?)?),
            Long("related") => with_related = true,
            Value(v) if input.is_none() => input = Some(v.string()?),
            other => return Err(other.unexpected().into()),
        }
    }
    if packs.is_empty() {
        return Err(CliError::Usage("match needs --pack PACK".into()));
    }
    let input = input.ok_or_else(|| CliError::Usage("match needs a FILE or -".into()))?;
    let registry = load_packs(&packs)?;
    let text = read_text(&input)?;
    settings.candidates = settings.candidates.max(settings.top_k * 4);
    // The built-in encoder, as `analyze` uses it.
    let mut searcher = Searcher::default().with_encoder(crate::encode::builtin());
    for (i, line) in text.lines().enumerate() {
        let claim = Analysed::new(line, date);
        let found = if line.trim().is_empty() {
            Vec::new()
        } else {
            registry.search(&mut searcher, &claim, &settings)
        };
        let round = |score: f32| (score * 10_000.0).round() / 10_000.0;
        let related = with_related.then(|| {
            found
                .iter()
                .filter(|m| m.tier == Tier::Related)
                .map(|m| RelatedOut {
                    id: &m.fact_check.id,
                    score: round(m.score),
                    claim: &m.fact_check.claim_reviewed,
                    url: m.fact_check.url.as_deref(),
                    publisher: m.fact_check.author.as_ref().map(|a| a.name.as_str()),
                    pack: &m.pack,
                    differs: m
                        .conflicts
                        .iter()
                        .map(|c| crate::english::conflict(*c))
                        .collect(),
                })
                .collect()
        });
        let matches = found
            .iter()
            .filter(|m| m.tier == Tier::SameClaim)
            .map(|m| MatchOut {
                id: &m.fact_check.id,
                score: round(m.score),
                claim: &m.fact_check.claim_reviewed,
                verdict: m.fact_check.review_rating.verdict_text(),
                url: m.fact_check.url.as_deref(),
                publisher: m.fact_check.author.as_ref().map(|a| a.name.as_str()),
                pack: &m.pack,
            })
            .collect();
        serde_json::to_writer(
            &mut *out,
            &Line {
                line: i + 1,
                matches,
                related,
            },
        )
        .map_err(std::io::Error::from)?;
        writeln!(out)?;
    }
    Ok(())
}
