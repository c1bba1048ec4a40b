//! A snapshot in its JSON wire format (what the content script sends the
//! background) → full analysis. Structurally bad snapshots must be typed
//! errors; good ones must keep the offset contract.
#![no_main]

use claimlens_fuzz::targets;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| targets::snapshot_analysis(data));
