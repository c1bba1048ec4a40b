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
  claimlens eval extraction|segmentation|text|checkworthiness|attribution|sources|matching|matching-judged|comments [--data DIR] [--corpus readability|wcxb|dragnet|judged] [--pages]
  claimlens eval checkworthiness --real-pages DIR [--data DIR]   (the judged real pages: P/R/F1 per half, what is flagged wrong or missed)
  claimlens eval dates-real-pages [--real-pages DIR] [--data DIR]   (dates in notes on judged real pages: precision, coverage, publication date per half)
  claimlens eval kinds-real-pages [--real-pages DIR] [--data DIR]   (the kind a note names on judged real pages: headlines right/acceptable/wrong per half)
  claimlens eval matching-fit|same-claim-fit [--data DIR]   (refit the matcher's weights; prints them)
  claimlens index build INPUT... -o PACK [--name N] [--description D] [--source S] [--licence L]
  claimlens index info PACK
  claimlens match --pack PACK [--pack PACK...] [--top K] [--threshold T] [--date YYYY-MM-DD] FILE|-";

/// Runs the CLI with `args` (without the program name), writing to `out`.
pub fn run(args: Vec<OsString>, out: &mut dyn Write) -> Result<(), CliError> {
    // `claimlens analyze --help`: the usage of that command, not an error.
    if args.iter().skip(1).any(|a| a == "--help" || a == "-h") {
        let command = args.first().and_then(|a| a.to_str()).unwrap_or("");
        writeln!(out, "{}", usage_of(command))?;
        return Ok(());
    }
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

/// The usage lines of one command (with their continuation lines), or all
/// of them for an unknown command.
fn usage_of(command: &str) -> String {
    let prefix = format!("  claimlens {command} ");
    let mut lines = vec!["usage:"];
    let mut in_command = false;
    for line in USAGE.lines().skip(1) {
        if line.starts_with("  claimlens ") {
            in_command = line.starts_with(&prefix);
        }
        if in_command {
            lines.push(line);
        }
    }
    if lines.len() == 1 {
        return USAGE.to_string();
    }
    lines.join("\n")
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

#[cfg(test)]
mod tests {
    use super::*;

    fn run_to_string(args: &[&str]) -> Result<String, CliError> {
        let mut out = Vec::new();
        run(args.iter().map(OsString::from).collect(), &mut out)?;
        Ok(String::from_utf8_lossy(&out).into_owned())
    }

    /// The bug: `claimlens analyze --help` answered "invalid option".
    #[test]
    fn a_commands_help_prints_its_usage() {
        let text = run_to_string(&["analyze", "--help"]).expect("help is not an error");
        assert!(text.starts_with("usage:"), "{text}");
        assert!(text.contains("claimlens analyze PAGE.html"), "{text}");
        assert!(!text.contains("claimlens batch"), "{text}");
        let batch = run_to_string(&["batch", "-h"]).expect("help is not an error");
        assert!(batch.contains("INPUT: a folder of HTML files"), "{batch}");
    }

    #[test]
    fn help_without_a_known_command_prints_everything() {
        assert_eq!(
            run_to_string(&["--help"]).ok().as_deref(),
            Some(&*format!("{USAGE}\n"))
        );
        let text = run_to_string(&["frobnicate", "--help"]).expect("help");
        assert!(text.contains("claimlens index info"), "{text}");
    }
}
