//! HTML bytes → native snapshot (html5ever) → full analysis, with a small
//! fact-check pack loaded. Checks the offset contract, DOM runs included.
#![no_main]

use claimlens_fuzz::targets;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| targets::html_analysis(data));
