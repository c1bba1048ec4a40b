//! A fact-check file read as Html → records (or a typed error). Good
//! records must build into a pack that loads again.
#![no_main]

use claimlens::verify::import::{detect_format, import_as, Format};
use claimlens_fuzz::check_import;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = detect_format("input", data);
    if let Ok(report) = import_as(Format::Html, data) {
        check_import(&report);
    }
});
