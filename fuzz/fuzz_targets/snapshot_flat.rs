//! The flat snapshot form (string table + UTF-16 lengths + node records, what
//! the content script sends the background) → nodes or a typed error; nodes
//! that read must round-trip and keep the offset contract through analysis.
#![no_main]

use claimlens_fuzz::targets;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| targets::snapshot_flat(data));
