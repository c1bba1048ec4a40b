//! The command-line interface: argument parsing, input reading and the
//! subcommands. Bad input is a typed [`CliError`]: one line on stderr, exit 2.

mod analyze;
mod batch;
mod eval;
mod extract;
mod index;
mod input;
mod match_claims;
mod report;
mod score;
mod sentences;
mod train;

use std::ffi::OsString;
use std::io::Write;

use lexopt::ValueExt;
use thiserror::Error;

use crate::calendar::Date;
use crate::snapshot::html::HtmlError;

pub use input::read_input;

#[derive(Debug, Error)]
pub enum CliError {
    #[error("{0}\n{USAGE}")]
    Usage(String),
    #[error("cannot read {path}: {reason}")]
    Read { path: String, reason: String },
    #[error("{path}: {source}")]
    Html {
        path: String,
        #[source]
        source: HtmlError,
    },
    #[error("{path}: the input is not valid UTF-8 text")]
    NotText { path: String },
    #[error("{0}: no article found on the page")]
    NoArticle(String),
    #[error("{0}")]
    BadInput(String),
    #[error("cannot write output: {0}")]
    Write(#[from] std::io::Error),
}

impl CliError {
    pub fn exit_code(&self) -> i32 {
        match self {
            // A closed pipe (`claimlens ... | head`) is not the user's error.
            CliError::Write(e) if e.kind() == std::io::ErrorKind::BrokenPipe => 0,
            CliError::Write(_) => 1,
            _ => 2,
        }
    }
}

impl From<lexopt::Error> for CliError {
    fn from(e: lexopt::Error) -> Self {
        CliError::Usage(e.to_string())
    }
}

pub const USAGE: &str = "usage:
  claimlens analyze PAGE.html|- [--url U] [--format json|text] [--published YYYY-MM-DD] [--pack PACK...]
  claimlens analyze --text FILE|- [--format json|text] [--published YYYY-MM-DD] [--pack PACK...]
  claimlens batch INPUT... [-o OUT.jsonl] [--fields claims,quotes] [--pack PACK...] [--jobs N] [--resume] [--retry-errors]
      INPUT: a folder of HTML files, a JSONL file (id, url, html or text, published; - is stdin), a WARC or WARC.gz
  claimlens extract PAGE.html|- [--url U] [--format text|json]
  claimlens score FILE|- [--threshold P] [--model FILE]
  claimlens train checkworthiness [--data DIR] --out FILE [--seed N] [--hash-bits B] [--epochs E]
  claimlens sentences FILE|-
  claimlens eval extraction|segmentation|text|checkworthiness|attribution|matching|matching-judged|comments [--data DIR] [--corpus readability|wcxb|dragnet|judged] [--pages]
  claimlens eval matching-fit|same-claim-fit [--data DIR]   (refit the matcher's weights; prints them)
  claimlens index build INPUT... -o PACK [--name N] [--description D] [--source S] [--licence L]
  claimlens index info PACK
  claimlens match --pack PACK [--pack PACK...] [--top K] [--threshold T] [--date YYYY-MM-DD] FILE|-";

/// Runs the CLI with `args` (without the program name), writing to `out`.
pub fn run(args: Vec<OsString>, out: &mut dyn Write) -> Result<(), CliError> {
    let mut parser = lexopt::Parser::from_args(args);
    let command = match parser.next()? {
        Some(lexopt::Arg::Value(v)) => v.string()?,
        Some(lexopt::Arg::Long("help") | lexopt::Arg::Short('h')) => {
            writeln!(out, "{USAGE}")?;
            return Ok(());
        }
        Some(other) => return Err(CliError::Usage(format!("unexpected {}", describe(&other)))),
        None => return Err(CliError::Usage("missing command".into())),
    };
    match command.as_str() {
        "analyze" => analyze::run(&mut parser, out),
        "batch" => batch::run(&mut parser, out),
        "extract" => extract::run(&mut parser, out),
        "eval" => eval::run(&mut parser, out),
        "index" => index::run(&mut parser, out),
        "match" => match_claims::run(&mut parser, out),
        "score" => score::run(&mut parser, out),
        "train" => train::run(&mut parser, out),
        "sentences" => sentences::run(&mut parser, out),
        other => Err(CliError::Usage(format!("unknown command `{other}`"))),
    }
}

fn describe(arg: &lexopt::Arg<'_>) -> String {
    match arg {
        lexopt::Arg::Short(c) => format!("option -{c}"),
        lexopt::Arg::Long(l) => format!("option --{l}"),
        lexopt::Arg::Value(v) => format!("argument {}", v.to_string_lossy()),
    }
}

/// Output format of a subcommand.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Json,
    Text,
}

fn parse_format(value: &str) -> Result<Format, CliError> {
    match value {
        "json" => Ok(Format::Json),
        "text" => Ok(Format::Text),
        other => Err(CliError::Usage(format!(
            "unknown format `{other}` (json or text)"
        ))),
    }
}

fn parse_date(value: &str) -> Result<Date, CliError> {
    let valid_shape = value.len() == 10 && Date::parse_iso(value).is_some();
    if valid_shape {
        Date::parse_iso(value).ok_or_else(|| CliError::BadInput(String::new()))
    } else {
        Err(CliError::Usage(format!(
            "--published wants YYYY-MM-DD, got `{value}`"
        )))
    }
}
