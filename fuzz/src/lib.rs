//! Shared by the fuzz targets and by tests/fuzz_replay.rs (which replays the
//! seeds and regressions on the stable toolchain, so every CI run covers
//! them): the checks and one function per target. No libFuzzer here.

pub mod checks;
pub mod targets;
