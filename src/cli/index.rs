//! `claimlens index build INPUT... -o PACK [--name N] [--description D] [--source S] [--licence L]`
//! `claimlens index info PACK`
//!
//! Builds a fact-check pack from ClaimReview JSON-LD, `claims:search`
//! responses, HTML pages with ClaimReview markup, or JSON Lines (PolitiFact,
//! CheckThat!). Every bad record is listed on stderr with its line or index;
//! a file that cannot be imported at all stops the build before anything is
//! written.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

use lexopt::prelude::*;

use super::input::{display_name, read_input};
use super::CliError;
use crate::verify::import;
use crate::verify::pack::{self, Pack, PackMeta};

pub fn run(parser: &mut lexopt::Parser, out: &mut dyn Write) -> Result<(), CliError> {
    match parser.next()? {
        Some(Value(v)) if v == "build" => build(parser, out),
        Some(Value(v)) if v == "info" => info(parser, out),
        Some(other) => Err(other.unexpected().into()),
        None => Err(CliError::Usage("index needs `build` or `info`".into())),
    }
}

fn build(parser: &mut lexopt::Parser, out: &mut dyn Write) -> Result<(), CliError> {
    let mut inputs: Vec<String> = Vec::new();
    let mut output: Option<PathBuf> = None;
    let mut meta = PackMeta {
        builder: format!("claimlens {}", env!("CARGO_PKG_VERSION")),
        ..PackMeta::default()
    };
    while let Some(arg) = parser.next()? {
        match arg {
            Short('o') | Long("output") => output = Some(parser.value()?.into()),
            Long("name") => meta.name = parser.value()?.string()?,
            Long("description") => meta.description = parser.value()?.string()?,
            Long("source") => meta.source = parser.value()?.string()?,
            Long("licence") | Long("license") => meta.licence = parser.value()?.string()?,
            Value(v) => inputs.push(v.string()?),
            other => return Err(other.unexpected().into()),
        }
    }
    let output = output.ok_or_else(|| CliError::Usage("index build needs -o PACK".into()))?;
    if inputs.is_empty() {
        return Err(CliError::Usage(
            "index build needs at least one INPUT".into(),
        ));
    }
    if meta.name.is_empty() {
        meta.name = output
            .file_stem()
            .map_or_else(|| "pack".to_string(), |s| s.to_string_lossy().into_owned());
    }
    if meta.source.is_empty() {
        meta.source = inputs
            .iter()
            .map(|i| {
                Path::new(i)
                    .file_name()
                    .map_or_else(|| i.clone(), |n| n.to_string_lossy().into_owned())
            })
            .collect::<Vec<_>>()
            .join(", ");
    }

    // Import everything first: one unreadable input means no pack at all.
    let mut records = Vec::new();
    let mut stderr = std::io::stderr().lock();
    for input in &inputs {
        let name = display_name(input);
        let bytes = read_input(input)?;
        let (format, report) = import::import(input, &bytes)
            .map_err(|e| CliError::BadInput(format!("{name}: {e}")))?;
        writeln!(
            out,
            "{name}: {} fact-checks ({}), {} records skipped, {} fields dropped{}",
            report.records.len(),
            format.name(),
            report.skipped(),
            report.issues.len() - report.skipped(),
            if report.other_nodes > 0 {
                format!(
                    ", {} JSON-LD nodes of other types passed over",
                    report.other_nodes
                )
            } else {
                String::new()
            }
        )?;
        for issue in &report.issues {
            // Best effort: a closed stderr must not stop the build.
            let _ = writeln!(stderr, "{name}: {issue}");
        }
        records.extend(report.records);
    }
    let (bytes, summary) =
        pack::build(&records, &meta).map_err(|e| CliError::BadInput(e.to_string()))?;
    // Check what was built before replacing anything.
    Pack::from_bytes(&bytes)
        .map_err(|e| CliError::BadInput(format!("the built pack does not load: {e}")))?;
    write_atomically(&output, &bytes)?;
    if !summary.duplicate_ids.is_empty() {
        writeln!(
            out,
            "{} records repeat an earlier id and were left out (first: {})",
            summary.duplicate_ids.len(),
            summary.duplicate_ids[0]
        )?;
    }
    writeln!(
        out,
        "wrote {}: {} fact-checks, {} terms, {} bytes",
        output.display(),
        summary.records,
        summary.terms,
        bytes.len()
    )?;
    Ok(())
}

/// Writes to a temporary file beside `path`, then renames it into place, so
/// an interrupted build never leaves half a pack.
fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), CliError> {
    let fail = |e: std::io::Error| CliError::Read {
        path: path.display().to_string(),
        reason: format!("cannot write: {e}"),
    };
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(".part");
    let tmp = PathBuf::from(tmp);
    std::fs::write(&tmp, bytes).map_err(fail)?;
    std::fs::rename(&tmp, path).map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        fail(e)
    })
}

fn info(parser: &mut lexopt::Parser, out: &mut dyn Write) -> Result<(), CliError> {
    let path = match parser.next()? {
        Some(Value(v)) => v.string()?,
        Some(other) => return Err(other.unexpected().into()),
        None => return Err(CliError::Usage("index info needs a PACK".into())),
    };
    let bytes = read_input(&path)?;
    let started = Instant::now();
    let pack = Pack::from_bytes(&bytes).map_err(|e| CliError::BadInput(format!("{path}: {e}")))?;
    let elapsed = started.elapsed();
    writeln!(out, "name:        {}", pack.meta.name)?;
    writeln!(out, "description: {}", pack.meta.description)?;
    writeln!(out, "source:      {}", pack.meta.source)?;
    writeln!(out, "licence:     {}", pack.meta.licence)?;
    writeln!(out, "built by:    {}", pack.meta.builder)?;
    writeln!(out, "fact-checks: {}", pack.len())?;
    writeln!(out, "terms:       {}", pack.index.terms.len())?;
    writeln!(out, "file:        {} bytes", bytes.len())?;
    writeln!(out, "memory:      about {} bytes loaded", pack.heap_bytes())?;
    writeln!(out, "load time:   {:.1} ms", elapsed.as_secs_f64() * 1e3)?;
    for (kind, size) in pack::section_sizes(&bytes) {
        writeln!(out, "  section {kind}: {size} bytes")?;
    }
    Ok(())
}
