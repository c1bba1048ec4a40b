//! Pack bytes → a loaded pack or a typed `PackError`. Input shaped like a
//! pack has its checksums recomputed first, so mutations reach the section
//! decoders (raw checksum failures are unit-tested in src/verify/pack).
//! A pack that loads must read every record and answer a search.
#![no_main]

use std::sync::Arc;

use claimlens::verify::matcher::{Analysed, Searcher};
use claimlens::verify::{Pack, Registry, SearchSettings};
use claimlens_fuzz::fix_pack_checksums;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut bytes = data.to_vec();
    fix_pack_checksums(&mut bytes);
    let Ok(pack) = Pack::from_bytes(&bytes) else {
        return;
    };
    for i in 0..pack.len() {
        pack.record(i).expect("every record of a loaded pack reads");
    }
    let _ = pack.heap_bytes();
    let mut registry = Registry::new();
    registry.add(Arc::new(pack));
    let settings = SearchSettings {
        threshold: 0.0,
        ..SearchSettings::default()
    };
    for claim in ["Drinking hot water kills the coronavirus.", "crime rate 2019 fell 10%"] {
        let found = registry.search(&mut Searcher::default(), &Analysed::new(claim, None), &settings);
        assert!(found.iter().all(|m| m.score.is_finite()));
    }
});
