//! Readers for the CheckThat! check-worthiness files in `../shared/data`:
//! CheckThat! 2024 Task 1 (`id text label`) and the 2019 debates
//! (`line speaker text label`). Used by training and evaluation only.

use std::path::{Path, PathBuf};

use thiserror::Error;

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum DatasetError {
    #[error("cannot read {path}: {reason}")]
    Read { path: String, reason: String },
    #[error("{path}:{line}: {reason}")]
    Format {
        path: String,
        line: usize,
        reason: String,
    },
}

fn read(path: &Path) -> Result<String, DatasetError> {
    std::fs::read_to_string(path).map_err(|e| DatasetError::Read {
        path: path.display().to_string(),
        reason: e.to_string(),
    })
}

/// A labelled sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Labelled {
    pub text: String,
    pub label: bool,
}

pub const CT24_TRAIN: &str = "checkworthiness/ct24_train.tsv";
pub const CT24_DEV: &str = "checkworthiness/ct24_dev.tsv";
pub const DEBATES: &str = "checkworthiness/clef2019_train_debates";

/// Reads a CheckThat! 2024 file: a header, then `id<TAB>text<TAB>Yes|No`.
pub fn load_ct24(path: &Path) -> Result<Vec<Labelled>, DatasetError> {
    let content = read(path)?;
    let mut out = Vec::new();
    for (k, line) in content.lines().enumerate().skip(1) {
        if line.trim().is_empty() {
            continue;
        }
        let format = |reason: &str| DatasetError::Format {
            path: path.display().to_string(),
            line: k + 1,
            reason: reason.to_string(),
        };
        let mut fields = line.split('\t');
        let (Some(_id), Some(text), Some(label)) = (fields.next(), fields.next(), fields.next())
        else {
            return Err(format("expected id, text and label separated by tabs"));
        };
        let label = match label.trim() {
            "Yes" => true,
            "No" => false,
            _ => return Err(format("label is neither Yes nor No")),
        };
        out.push(Labelled {
            text: super::clean_line(text).into_owned(),
            label,
        });
    }
    Ok(out)
}

/// One debate transcript of CheckThat! 2019.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Debate {
    pub name: String,
    pub speakers: Vec<String>,
    pub lines: Vec<Labelled>,
}

/// Every training sentence, in the order `train::training_examples` reads
/// them: ct24_train's rows, then the 2019 training debates line by line.
/// The offline teacher tools key their vectors to this order.
pub fn training_texts(data: &Path) -> Result<Vec<String>, DatasetError> {
    let mut texts: Vec<String> = load_ct24(&data.join(CT24_TRAIN))?
        .into_iter()
        .map(|r| r.text)
        .collect();
    for debate in load_debates(&data.join(DEBATES))? {
        texts.extend(debate.lines.into_iter().map(|l| l.text));
    }
    Ok(texts)
}

/// Reads every `*.tsv` in `dir`, sorted by name: `line<TAB>speaker<TAB>text<TAB>0|1`.
pub fn load_debates(dir: &Path) -> Result<Vec<Debate>, DatasetError> {
    let entries = std::fs::read_dir(dir).map_err(|e| DatasetError::Read {
        path: dir.display().to_string(),
        reason: e.to_string(),
    })?;
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "tsv"))
        .collect();
    crate::sort::sort(&mut paths);
    let mut debates = Vec::new();
    for path in paths {
        let content = read(&path)?;
        let mut speakers = Vec::new();
        let mut lines = Vec::new();
        for (k, line) in content.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let fields: Vec<&str> = line.split('\t').collect();
            let [_, speaker, text, label] = fields[..] else {
                return Err(DatasetError::Format {
                    path: path.display().to_string(),
                    line: k + 1,
                    reason: "expected line, speaker, text and label separated by tabs".into(),
                });
            };
            speakers.push(speaker.to_string());
            lines.push(Labelled {
                text: super::clean_line(text).into_owned(),
                label: label.trim() == "1",
            });
        }
        debates.push(Debate {
            name: path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default(),
            speakers,
            lines,
        });
    }
    if debates.is_empty() {
        return Err(DatasetError::Read {
            path: dir.display().to_string(),
            reason: "no .tsv debates found".into(),
        });
    }
    Ok(debates)
}

/// A key that identifies a sentence across datasets (letters and digits only).
pub fn sentence_key(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ct24_rows_are_cleaned_and_bad_rows_are_typed_errors() {
        let dir = std::env::temp_dir().join(format!("claimlens-ds-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let good = dir.join("good.tsv");
        std::fs::write(
            &good,
            "id\ttext\tlabel\n1\t\\\"He said \\\"no\\\".\\\"\tYes\n2\tPlain.\tNo\n\n",
        )
        .unwrap();
        let rows = load_ct24(&good).unwrap();
        assert_eq!(rows[0].text, "He said \"no\".");
        assert!(rows[0].label && !rows[1].label);
        let bad = dir.join("bad.tsv");
        std::fs::write(&bad, "id\ttext\tlabel\n1\tText\tMaybe\n").unwrap();
        assert!(matches!(
            load_ct24(&bad),
            Err(DatasetError::Format { line: 2, .. })
        ));
        assert!(matches!(
            load_ct24(&dir.join("missing.tsv")),
            Err(DatasetError::Read { .. })
        ));
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
