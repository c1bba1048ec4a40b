//! HTML bytes → native snapshot (html5ever) → full analysis, with a small
//! fact-check pack loaded. Checks the offset contract, DOM runs included.
#![no_main]

use claimlens::snapshot::html::snapshot_from_html;
use claimlens::{analyze, Options};
use claimlens_fuzz::{check_analysis, registry};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(snapshot) = snapshot_from_html(data, "https://news.example/2025/06/15/story") else {
        return;
    };
    let options = Options {
        factchecks: Some(registry()),
        ..Options::default()
    };
    if let Ok(analysis) = analyze(&snapshot, &options) {
        check_analysis(&analysis, Some(&snapshot));
    }
});
