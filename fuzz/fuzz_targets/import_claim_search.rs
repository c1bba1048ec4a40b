//! A Google Fact Check Tools `claims:search` response → records (or a typed
//! error), and the live-source path the extension uses on the same body:
//! matches for a claim, through the same importer, pack and re-ranker.
#![no_main]

use claimlens::verify::import::{import_as, Format};
use claimlens::verify::live::live_matches;
use claimlens::verify::SearchSettings;
use claimlens_fuzz::check_import;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(report) = import_as(Format::GoogleClaimSearch, data) {
        check_import(&report);
    }
    let settings = SearchSettings {
        threshold: 0.0,
        ..SearchSettings::default()
    };
    if let Ok(result) = live_matches("The unemployment rate fell to 3.5% last year.", None, data, &settings) {
        assert!(result.matches.len() <= result.received);
    }
});
