//! `claimlens analyze PAGE.html|- [--url U] [--format json|text] [--text] [--published D] [--pack PACK...]`

use std::io::Write;

use lexopt::prelude::*;

use super::input::{display_name, read_input, read_text};
use super::{parse_date, parse_format, report, CliError, Format};
use crate::analysis::Status;
use crate::snapshot::html::snapshot_from_html;
use crate::Options;

pub fn run(parser: &mut lexopt::Parser, out: &mut dyn Write) -> Result<(), CliError> {
    let mut path = None;
    let mut url = String::new();
    let mut format = Format::Json;
    let mut plain_text = false;
    let mut options = Options::default();
    let mut packs: Vec<String> = Vec::new();
    while let Some(arg) = parser.next()? {
        match arg {
            Long("url") => url = parser.value()?.string()?,
            Long("format") => format = parse_format(&parser.value()?.string()?)?,
            Long("text") => plain_text = true,
            Long("published") => options.published = Some(parse_date(&parser.value()?.string()?)?),
            Long("pack") => packs.push(parser.value()?.string()?),
            Value(v) if path.is_none() => path = Some(v.string()?),
            other => return Err(other.unexpected().into()),
        }
    }
    let path = path.ok_or_else(|| CliError::Usage("analyze needs a PAGE.html or -".into()))?;
    if !packs.is_empty() {
        options.factchecks = Some(std::sync::Arc::new(super::match_claims::load_packs(
            &packs,
        )?));
    }
    let analysis = if plain_text {
        let text = read_text(&path)?;
        if text.trim().is_empty() {
            return Err(CliError::BadInput(format!(
                "{}: the text is empty",
                display_name(&path)
            )));
        }
        crate::analyze_text(&text, &options)
    } else {
        let bytes = read_input(&path)?;
        let snapshot = snapshot_from_html(&bytes, &url).map_err(|source| CliError::Html {
            path: display_name(&path),
            source,
        })?;
        crate::analyze(&snapshot, &options)
            .map_err(|e| CliError::BadInput(format!("{}: {e}", display_name(&path))))?
    };
    if analysis.status == Status::NoArticle {
        return Err(CliError::NoArticle(display_name(&path)));
    }
    match format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, &analysis).map_err(std::io::Error::from)?;
            writeln!(out)?;
        }
        Format::Text => report::write_report(&analysis, out)?,
    }
    Ok(())
}
