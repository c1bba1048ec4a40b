//! Where a checkout finds the development datasets, for tests, benches and
//! evals: the one home of the lookup rule, so that every test names the
//! same environment variables.
//!
//! - `$CLAIMLENS_SHARED`, else `../shared` beside the crate, else
//!   `../../shared` (a git worktree one level deeper): the shared folder,
//!   with `fixtures/` (the seed article) and `data/`.
//! - `$CLAIMLENS_DATA`, else the shared folder's `data/`.
//! - `$CLAIMLENS_SEED`, else the shared folder's seed article.
//!
//! Paths are resolved from the crate's source folder, not the working
//! directory, so `cargo test` finds them from anywhere. The shipped CLI does
//! not use this: its `--data` default is `eval::DEFAULT_DATA_DIR`.

use std::path::{Path, PathBuf};

/// The shared folder (see the module documentation).
pub fn shared_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("CLAIMLENS_SHARED") {
        return dir.into();
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let near = root.join("../shared");
    if near.is_dir() {
        near
    } else {
        root.join("../../shared")
    }
}

/// The datasets folder (see the module documentation).
pub fn data_dir() -> PathBuf {
    match std::env::var_os("CLAIMLENS_DATA") {
        Some(dir) => dir.into(),
        None => shared_dir().join("data"),
    }
}

/// The seed article's HTML file (see the module documentation).
pub fn seed_article() -> PathBuf {
    match std::env::var_os("CLAIMLENS_SEED") {
        Some(path) => path.into(),
        None => shared_dir().join("fixtures/seed-article.html"),
    }
}

/// Reads the seed article, or panics with what to set: for tests and
/// benches only, where a missing fixture is a setup error.
pub fn read_seed_article() -> Vec<u8> {
    let path = seed_article();
    std::fs::read(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e}: this needs ../shared (set CLAIMLENS_SHARED or CLAIMLENS_SEED)",
            path.display()
        )
    })
}
