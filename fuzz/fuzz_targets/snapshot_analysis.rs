//! A snapshot in its JSON wire format (what the content script sends the
//! background) → full analysis. Structurally bad snapshots must be typed
//! errors; good ones must keep the offset contract.
#![no_main]

use claimlens::{analyze, Options, Snapshot};
use claimlens_fuzz::{check_analysis, registry};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(snapshot) = serde_json::from_slice::<Snapshot>(data) else {
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
