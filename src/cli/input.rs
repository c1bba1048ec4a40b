//! Reading a file argument, or stdin for `-`.

use std::io::Read;

use super::CliError;

/// Reads the whole of `path` (`-` is stdin).
pub fn read_input(path: &str) -> Result<Vec<u8>, CliError> {
    let result = if path == "-" {
        let mut buf = Vec::new();
        std::io::stdin().read_to_end(&mut buf).map(|_| buf)
    } else {
        std::fs::read(path)
    };
    result.map_err(|e| CliError::Read {
        path: display_name(path),
        reason: match e.kind() {
            std::io::ErrorKind::NotFound => "no such file".to_string(),
            std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
            _ if std::path::Path::new(path).is_dir() => "it is a directory".to_string(),
            _ => e.to_string(),
        },
    })
}

/// Reads `path` as UTF-8 text.
pub fn read_text(path: &str) -> Result<String, CliError> {
    let bytes = read_input(path)?;
    String::from_utf8(bytes).map_err(|_| CliError::NotText {
        path: display_name(path),
    })
}

pub fn display_name(path: &str) -> String {
    if path == "-" {
        "<stdin>".to_string()
    } else {
        path.to_string()
    }
}
