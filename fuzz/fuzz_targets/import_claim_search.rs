//! A Google Fact Check Tools `claims:search` response → records (or a typed
//! error), and the live-source path the extension uses on the same body:
//! matches for a claim, through the same importer, pack and re-ranker.
#![no_main]

use claimlens_fuzz::targets;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| targets::import_claim_search(data));
