//! `claimlens batch INPUT... [-o OUT.jsonl] [--fields F] [--pack PACK...]
//! [--jobs N] [--resume] [--retry-errors]`: many pages, one JSON line each,
//! in input order (see [`crate::batch`]).

use std::collections::HashSet;
use std::fs::{File, OpenOptions};
use std::io::{BufRead, BufReader, BufWriter, IsTerminal, Write};
use std::sync::Arc;
use std::time::{Duration, Instant};

use lexopt::prelude::*;
use serde::Deserialize;

use super::CliError;
use crate::batch::{self, inputs, Fields, Outcome, Settings, Stop};

pub fn run(parser: &mut lexopt::Parser, out: &mut dyn Write) -> Result<(), CliError> {
    let mut paths: Vec<String> = Vec::new();
    let mut output: Option<String> = None;
    let mut packs: Vec<String> = Vec::new();
    let mut settings = Settings::default();
    let mut jobs = std::thread::available_parallelism().map_or(1, |n| n.get());
    let mut resume = false;
    let mut retry_errors = false;
    while let Some(arg) = parser.next()? {
        match arg {
            Short('o') | Long("output") => output = Some(parser.value()?.string()?),
            Long("fields") => {
                settings.fields =
                    Some(Fields::parse(&parser.value()?.string()?).map_err(CliError::Usage)?)
            }
            Long("pack") => packs.push(parser.value()?.string()?),
            Long("jobs") => {
                let v = parser.value()?.string()?;
                jobs = v.parse().ok().filter(|&n| n > 0).ok_or_else(|| {
                    CliError::Usage(format!("--jobs wants a positive number, got `{v}`"))
                })?;
            }
            Long("resume") => resume = true,
            Long("retry-errors") => retry_errors = true,
            Value(v) => paths.push(v.string()?),
            other => return Err(other.unexpected().into()),
        }
    }
    if paths.is_empty() {
        return Err(CliError::Usage("batch needs at least one INPUT".into()));
    }
    if (resume || retry_errors) && output.is_none() {
        return Err(CliError::Usage(
            "--resume and --retry-errors need -o OUT.jsonl".into(),
        ));
    }
    // A mistyped input is refused before any work; bad records never are.
    let inputs = paths
        .iter()
        .map(|p| inputs::classify(p).map_err(CliError::BadInput))
        .collect::<Result<Vec<_>, _>>()?;
    if !packs.is_empty() {
        settings.options.factchecks = Some(Arc::new(super::match_claims::load_packs(&packs)?));
    }
    let resuming = resume || retry_errors;
    let done = match &output {
        Some(path) if resuming => finished_ids(path, retry_errors)?,
        _ => HashSet::new(),
    };
    let mut file_out;
    let sink: &mut dyn Write = match &output {
        Some(path) => {
            let file = OpenOptions::new()
                .create(true)
                .write(true)
                .append(resuming)
                .truncate(!resuming)
                .open(path)
                .map_err(|e| CliError::BadInput(format!("cannot write {path}: {e}")))?;
            file_out = BufWriter::new(file);
            &mut file_out
        }
        None => out,
    };
    let mut progress = Progress::new(std::io::stderr().is_terminal());
    let mut write_error = None;
    let wanted = |id: &str| !done.contains(id);
    let result = batch::run(
        |emit| inputs::read_all(&inputs, &wanted, emit),
        &settings,
        jobs,
        |outcome: Outcome| {
            progress.count(outcome.is_error());
            let line = outcome.to_json_line();
            writeln!(sink, "{line}").map_err(|e| {
                write_error = Some(e);
                Stop
            })
        },
    );
    progress.finish();
    if let (Err(Stop), Some(e)) = (result, write_error) {
        return Err(CliError::Write(e));
    }
    sink.flush()?;
    Ok(())
}

/// The ids already in `path` (a missing file has none). With
/// `retry_errors`, error lines are taken out of the file so they are run
/// again; a torn last line (an interrupted run) is always taken out.
fn finished_ids(path: &str, retry_errors: bool) -> Result<HashSet<String>, CliError> {
    #[derive(Deserialize)]
    struct Line {
        id: String,
        #[serde(default)]
        error: Option<serde::de::IgnoredAny>,
    }
    let read_error = |e: std::io::Error| CliError::Read {
        path: path.to_string(),
        reason: e.to_string(),
    };
    let file = match File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(HashSet::new()),
        Err(e) => return Err(read_error(e)),
    };
    let mut ids = HashSet::new();
    let mut kept_lines = Vec::new();
    let mut dropped_any = false;
    let mut reader = BufReader::new(file);
    let mut line = Vec::new();
    for n in 0.. {
        line.clear();
        if reader.read_until(b'\n', &mut line).map_err(read_error)? == 0 {
            break;
        }
        // A last line without its newline was cut short by an interrupted run.
        let complete = line.last() == Some(&b'\n');
        match serde_json::from_slice::<Line>(&line) {
            Ok(l) if complete && !(retry_errors && l.error.is_some()) => {
                ids.insert(l.id);
                kept_lines.push(n);
            }
            _ if line.iter().all(u8::is_ascii_whitespace) => {}
            _ => dropped_any = true,
        }
    }
    if dropped_any {
        keep_only(path, &kept_lines).map_err(read_error)?;
    }
    Ok(ids)
}
/// Rewrites `path` with only the lines numbered in `kept` (sorted), each
/// ending in a newline; through a temporary file, so a crash loses nothing.
fn keep_only(path: &str, kept: &[usize]) -> std::io::Result<()> {
    let temporary = format!("{path}.resume-tmp");
    {
        let mut writer = BufWriter::new(File::create(&temporary)?);
        let mut wanted = kept.iter().peekable();
        for (n, line) in BufReader::new(File::open(path)?).split(b'\n').enumerate() {
            let line = line?;
            if wanted.peek() == Some(&&n) {
                wanted.next();
                writer.write_all(&line)?;
                writer.write_all(b"\n")?;
            }
        }
        writer.flush()?;
    }
    std::fs::rename(&temporary, path)
}

/// Pages per second and errors on stderr, only for a person watching.
struct Progress {
    shown: bool,
    start: Instant,
    last: Instant,
    pages: u64,
    errors: u64,
}

impl Progress {
    fn new(shown: bool) -> Progress {
        let now = Instant::now();
        Progress {
            shown,
            start: now,
            last: now,
            pages: 0,
            errors: 0,
        }
    }

    fn count(&mut self, error: bool) {
        self.pages += 1;
        self.errors += u64::from(error);
        if self.shown && self.last.elapsed() >= Duration::from_millis(500) {
            self.last = Instant::now();
            self.show("\r");
        }
    }

    fn show(&self, end: &str) {
        let seconds = self.start.elapsed().as_secs_f64().max(1e-3);
        eprint!(
            "\r{} pages, {:.1} pages/s, {} errors{end}",
            self.pages,
            self.pages as f64 / seconds,
            self.errors
        );
    }

    fn finish(&self) {
        if self.shown {
            self.show("\n");
        }
    }
}
