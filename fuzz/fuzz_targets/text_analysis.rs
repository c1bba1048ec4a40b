//! Plain text → analysis. The first byte picks options (a publication date
//! to resolve times against; a zero threshold so every claim is looked up in
//! the fact-check pack); the rest is the text.
#![no_main]

use claimlens::calendar::Date;
use claimlens::{analyze_text, Options};
use claimlens_fuzz::{check_analysis, registry};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&flags, rest)) = data.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(rest);
    let options = Options {
        published: (flags & 1 != 0).then(|| Date::new(2025, 6, 15)).flatten(),
        threshold: (flags & 2 != 0).then_some(0.0),
        factchecks: Some(registry()),
        ..Options::default()
    };
    let analysis = analyze_text(&text, &options);
    assert!(analysis.article.text.len() <= text.len());
    check_analysis(&analysis, None);
});
