//! Plain text → analysis. The first byte picks options (a publication date
//! to resolve times against; a zero threshold so every claim is looked up in
//! the fact-check pack); the rest is the text.
#![no_main]

use claimlens_fuzz::targets;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| targets::text_analysis(data));
