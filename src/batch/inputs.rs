//! What the batch reads: each input path is sniffed as a directory of HTML
//! files, a JSONL file (or `-`, standard input), a WARC / WARC.gz, or one
//! HTML file, and read in order.

use std::fs::File;
use std::io::{BufReader, Read};
use std::path::{Path, PathBuf};

use super::http::MAX_PAGE_BYTES;
use super::{jsonl, warc, Content, Record};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// HTML files under a folder, ids relative to it.
    Folder(PathBuf),
    /// JSONL records; `-` is standard input.
    Jsonl(String),
    Warc(PathBuf),
    /// One HTML file, its id the path as given.
    Html(PathBuf),
}

/// Decides what `path` holds from its kind, name and first bytes.
pub fn classify(path: &str) -> Result<Input, String> {
    if path == "-" {
        return Ok(Input::Jsonl(path.to_string()));
    }
    let p = Path::new(path);
    let meta = std::fs::metadata(p).map_err(|e| format!("cannot read {path}: {e}"))?;
    if meta.is_dir() {
        return Ok(Input::Folder(p.to_path_buf()));
    }
    let lower = path.to_ascii_lowercase();
    if lower.ends_with(".jsonl") || lower.ends_with(".ndjson") {
        return Ok(Input::Jsonl(path.to_string()));
    }
    let mut start = Vec::with_capacity(512);
    File::open(p)
        .and_then(|f| f.take(512).read_to_end(&mut start))
        .map_err(|e| format!("cannot read {path}: {e}"))?;
    if warc::looks_like_warc(&start) {
        return Ok(Input::Warc(p.to_path_buf()));
    }
    let first = start.iter().find(|b| !b.is_ascii_whitespace());
    Ok(if first == Some(&b'{') {
        Input::Jsonl(path.to_string())
    } else {
        Input::Html(p.to_path_buf())
    })
}

/// Pushes the records of every input in turn. `wanted` is asked before a
/// page is read (`--resume` skips done ids without reading them).
pub fn read_all(
    inputs: &[Input],
    wanted: &dyn Fn(&str) -> bool,
    emit: &mut dyn FnMut(Record) -> bool,
) {
    for input in inputs {
        let go_on = match input {
            Input::Folder(dir) => read_folder(dir, wanted, emit),
            Input::Html(path) => {
                let id = path.to_string_lossy();
                !wanted(&id) || emit(read_html_file(path, &id))
            }
            Input::Warc(path) => warc::read(path, &path.to_string_lossy(), wanted, emit),
            Input::Jsonl(name) if name == "-" => {
                jsonl::read(std::io::stdin().lock(), "<stdin>", wanted, emit)
            }
            Input::Jsonl(name) => match File::open(name) {
                Ok(f) => jsonl::read(BufReader::new(f), name, wanted, emit),
                Err(e) => emit(Record::unreadable(
                    name.as_str(),
                    "",
                    format!("cannot read {name}: {e}"),
                )),
            },
        };
        if !go_on {
            return;
        }
    }
}

fn read_folder(
    dir: &Path,
    wanted: &dyn Fn(&str) -> bool,
    emit: &mut dyn FnMut(Record) -> bool,
) -> bool {
    let mut files = Vec::new();
    let mut problems = Vec::new();
    collect_html_files(dir, &mut files, &mut problems);
    for problem in problems {
        if !emit(problem) {
            return false;
        }
    }
    files.sort();
    for path in files {
        let relative = path.strip_prefix(dir).unwrap_or(&path);
        let id = relative
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/");
        if wanted(&id) && !emit(read_html_file(&path, &id)) {
            return false;
        }
    }
    true
}

/// Every `.html`/`.htm`/`.xhtml` file under `dir`. Symlinked folders are
/// not followed (no loops); an unreadable folder is reported as a record.
fn collect_html_files(dir: &Path, files: &mut Vec<PathBuf>, problems: &mut Vec<Record>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            let name = dir.to_string_lossy();
            problems.push(Record::unreadable(
                name.as_ref(),
                "",
                format!("cannot read {name}: {e}"),
            ));
            return;
        }
    };
    for entry in entries.flatten() {
        let path = entry.path();
        match entry.file_type() {
            Ok(t) if t.is_dir() => collect_html_files(&path, files, problems),
            Ok(_) if is_html_name(&path) && path.is_file() => files.push(path),
            _ => {}
        }
    }
}

fn is_html_name(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| matches!(e.to_ascii_lowercase().as_str(), "html" | "htm" | "xhtml"))
}

fn read_html_file(path: &Path, id: &str) -> Record {
    let name = path.to_string_lossy();
    let content = match std::fs::metadata(path) {
        Ok(m) if m.len() > MAX_PAGE_BYTES => {
            Content::Unreadable(format!("{name} is larger than {MAX_PAGE_BYTES} bytes"))
        }
        _ => match std::fs::read(path) {
            Ok(bytes) => Content::Html(bytes),
            Err(e) => Content::Unreadable(format!("cannot read {name}: {e}")),
        },
    };
    Record {
        id: id.to_string(),
        url: String::new(),
        content,
        published: None,
        crawl_date: None,
    }
}
