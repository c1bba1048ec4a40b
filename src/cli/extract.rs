//! `claimlens extract PAGE.html|- [--url U] [--format text|json]`

use std::io::Write;

use lexopt::prelude::*;
use serde::Serialize;

use super::input::{display_name, read_input};
use super::{parse_format, CliError, Format};
use crate::snapshot::html::snapshot_from_html;

#[derive(Serialize)]
struct ExtractOutput<'a> {
    title: Option<&'a str>,
    byline: Option<&'a str>,
    published: Option<String>,
    site: Option<&'a str>,
    lang: Option<&'a str>,
    url: Option<&'a str>,
    excerpt: Option<&'a str>,
    text: &'a str,
    paragraphs: Vec<&'a str>,
    comments: Vec<&'a str>,
}

pub fn run(parser: &mut lexopt::Parser, out: &mut dyn Write) -> Result<(), CliError> {
    let mut path = None;
    let mut url = String::new();
    let mut format = Format::Text;
    while let Some(arg) = parser.next()? {
        match arg {
            Long("url") => url = parser.value()?.string()?,
            Long("format") => format = parse_format(&parser.value()?.string()?)?,
            Value(v) if path.is_none() => path = Some(v.string()?),
            other => return Err(other.unexpected().into()),
        }
    }
    let path = path.ok_or_else(|| CliError::Usage("extract needs a PAGE.html or -".into()))?;
    let bytes = read_input(&path)?;
    let snapshot = snapshot_from_html(&bytes, &url).map_err(|source| CliError::Html {
        path: display_name(&path),
        source,
    })?;
    let extraction = crate::extract::extract(&snapshot)
        .map_err(|e| CliError::BadInput(format!("{}: {e}", display_name(&path))))?;
    let article = extraction
        .article
        .as_ref()
        .ok_or_else(|| CliError::NoArticle(display_name(&path)))?;
    let paragraphs: Vec<&str> = article
        .blocks
        .iter()
        .map(|b| b.span.of(&article.text))
        .collect();
    match format {
        Format::Text => {
            writeln!(out, "{}", paragraphs.join("\n\n"))?;
        }
        Format::Json => {
            let m = &extraction.metadata;
            let output = ExtractOutput {
                title: m.title.as_deref(),
                byline: m.byline.as_deref(),
                published: m.published.map(|d| d.to_string()),
                site: m.site.as_deref(),
                lang: m.lang.as_deref(),
                url: m.url.as_deref(),
                excerpt: m.excerpt.as_deref(),
                text: &article.text,
                paragraphs,
                comments: extraction
                    .comments
                    .iter()
                    .map(|c| c.body.text.as_str())
                    .collect(),
            };
            serde_json::to_writer_pretty(&mut *out, &output).map_err(std::io::Error::from)?;
            writeln!(out)?;
        }
    }
    Ok(())
}
