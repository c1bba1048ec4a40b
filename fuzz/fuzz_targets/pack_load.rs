//! Pack bytes → a loaded pack or a typed `PackError`. Input shaped like a
//! pack has its checksums recomputed first, so mutations reach the section
//! decoders (raw checksum failures are unit-tested in src/verify/pack).
//! A pack that loads must read every record and answer a search.
#![no_main]

use claimlens_fuzz::targets;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| targets::pack_load(data));
