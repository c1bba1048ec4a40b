//! A fact-check file read as ClaimReview → records (or a typed error). Good
//! records must build into a pack that loads again.
#![no_main]

use claimlens::verify::import::Format;
use claimlens_fuzz::targets;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| targets::import(Format::ClaimReview, data));
