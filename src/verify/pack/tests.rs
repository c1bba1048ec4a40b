use super::codec::Writer;
use super::*;
use crate::verify::factcheck::{FactCheck, FactChecker, ItemReviewed, ReviewRating};

fn sample_records() -> Vec<FactCheck> {
    vec![
        FactCheck {
            id: "pf-1".into(),
            claim_reviewed: "Says there is a 4,250% increase in fetal death from the flu shot."
                .into(),
            review_rating: ReviewRating {
                alternate_name: Some("False".into()),
                ..ReviewRating::default()
            },
            author: Some(FactChecker {
                name: "PolitiFact".into(),
                url: Some("https://www.politifact.com/".into()),
            }),
            url: Some("https://www.politifact.com/factchecks/2019/oct/29/x/".into()),
            date_published: Date::new(2019, 10, 29),
            item_reviewed: ItemReviewed {
                author: Some("Instagram posts".into()),
                date_published: Date::new(2019, 10, 22),
                appearance: Some("an Instagram post".into()),
            },
            headline: Some("Instagram post falsely says flu shot causes fetal death".into()),
            description: None,
            language: Some("en".into()),
        },
        FactCheck {
            id: "cr-2".into(),
            claim_reviewed: "Ünïcode claim about the U.S. Senate".into(),
            review_rating: ReviewRating {
                rating_value: Some(2.0),
                best_rating: Some(5.0),
                worst_rating: Some(1.0),
                alternate_name: None,
            },
            ..FactCheck::default()
        },
        FactCheck {
            id: "pf-1".into(),
            claim_reviewed: "duplicate id".into(),
            ..FactCheck::default()
        },
    ]
}

fn meta() -> PackMeta {
    PackMeta {
        name: "test".into(),
        description: "A test pack".into(),
        source: "unit tests".into(),
        licence: "CC0".into(),
        builder: "claimlens test".into(),
    }
}

fn sample_pack() -> Vec<u8> {
    build(&sample_records(), &meta()).unwrap().0
}

#[test]
fn round_trips_every_field() {
    let (bytes, summary) = build(&sample_records(), &meta()).unwrap();
    assert_eq!(summary.records, 2);
    assert_eq!(summary.duplicate_ids, ["pf-1"]);
    let pack = Pack::from_bytes(&bytes).unwrap();
    assert_eq!(pack.meta, meta());
    assert_eq!(pack.len(), 2);
    let records = sample_records();
    assert_eq!(pack.record(0).as_ref(), Some(&records[0]));
    assert_eq!(pack.record(1).as_ref(), Some(&records[1]));
    assert_eq!(pack.record(2), None);
    assert!(pack.index.term_id("fetal").is_some());
    assert!(pack.index.term_id("usa").is_some());
}

#[test]
fn builds_are_deterministic() {
    assert_eq!(sample_pack(), sample_pack());
}

#[test]
fn empty_input_is_a_build_error() {
    assert_eq!(build(&[], &meta()), Err(BuildError::NoRecords));
}

#[test]
fn every_truncation_is_a_typed_error() {
    let bytes = sample_pack();
    for len in 0..bytes.len() {
        let err = Pack::from_bytes(&bytes[..len]).unwrap_err();
        match (len, &err) {
            (0..=7, PackError::NotAPack) => {}
            (8.., PackError::Truncated { .. }) => {}
            _ => panic!("length {len}: {err:?}"),
        }
    }
}

#[test]
fn every_single_byte_corruption_is_detected() {
    let bytes = sample_pack();
    for i in 0..bytes.len() {
        let mut bad = bytes.clone();
        bad[i] ^= 0x5A;
        assert!(
            Pack::from_bytes(&bad).is_err(),
            "flipping byte {i} went unnoticed"
        );
    }
}

#[test]
fn trailing_bytes_bad_magic_and_versions() {
    let bytes = sample_pack();
    let mut longer = bytes.clone();
    longer.extend_from_slice(b"xx");
    assert_eq!(Pack::from_bytes(&longer), Err(PackError::TrailingBytes(2)));
    assert_eq!(
        Pack::from_bytes(b"PK\x03\x04 not a pack at all....................."),
        Err(PackError::NotAPack)
    );
    let mut newer = bytes.clone();
    newer[8] = 9;
    assert_eq!(
        Pack::from_bytes(&newer),
        Err(PackError::UnsupportedVersion {
            found: 9,
            supported: FORMAT_VERSION
        })
    );
    let other_analyzer = assemble(ANALYZER_VERSION + 1, &[]);
    assert_eq!(
        Pack::from_bytes(&other_analyzer),
        Err(PackError::AnalyzerMismatch {
            found: ANALYZER_VERSION + 1,
            expected: ANALYZER_VERSION
        })
    );
}

/// Packs with correct checksums but wrong contents, as a fuzzer could craft.
#[test]
fn well_checksummed_but_malformed_sections_are_errors() {
    let column = |values: &[&str]| {
        let mut w = Writer::default();
        view::Strings::write(&mut w, values.iter().copied());
        w.bytes
    };
    let u32s = |values: &[u32]| {
        values
            .iter()
            .flat_map(|v| v.to_le_bytes())
            .collect::<Vec<u8>>()
    };
    let rows = |name_id: u32, days: i32| {
        let mut w = Writer::default();
        view::write_array(&mut w, [name_id; 5]);
        view::write_array(&mut w, [days; 2]);
        view::write_array(&mut w, [f32::NAN; 3]);
        w.bytes
    };
    let row = |name_id: u32| rows(name_id, NONE_DATE);
    // One record; one term, in its claim once.
    let docs = || {
        let mut w = Writer::default();
        view::write_array(&mut w, [1.0f32, 1.0]);
        view::write_array(&mut w, [1u16, 0, 0, 0]);
        view::write_array(&mut w, [1.0f32, 1.0, 1.0]);
        w.bytes
    };
    let idf = || 1.0f32.to_le_bytes().to_vec();
    let pack_with_postings = |terms: &[&str],
                              rows: Vec<u8>,
                              offsets: Vec<u8>,
                              posting_docs: Vec<u8>,
                              flags: Vec<u8>,
                              ids: &[&str]| {
        let sections = vec![
            (META, column(&["m", "", "", "", ""])),
            (IDS, column(ids)),
            (CLAIMS, column(&["claim"])),
            (HEADLINES, column(&[""])),
            (DESCRIPTIONS, column(&[""])),
            (URLS, column(&[""])),
            (APPEARANCES, column(&[""])),
            (NAMES, column(&["PolitiFact"])),
            (ROWS, rows),
            (TERMS, column(terms)),
            (TERM_IDF, idf().repeat(terms.len())),
            (POSTING_OFFSETS, offsets),
            (POSTING_DOCS, posting_docs),
            (FLAGS, flags),
            (DOC_STATS, docs()),
        ];
        Pack::from_bytes(&assemble(ANALYZER_VERSION, &sections))
    };
    let pack_with =
        |terms: &[&str], rows: Vec<u8>, offsets: Vec<u8>, flags: Vec<u8>, ids: &[&str]| {
            pack_with_postings(terms, rows, offsets, u32s(&[0]), flags, ids)
        };
    let one = || u32s(&[0, 1]);
    // The well-formed baseline loads.
    let ok = pack_with(&["claim"], row(0), one(), vec![1], &["a"]).unwrap();
    assert_eq!(ok.publisher(0), Some("PolitiFact"));
    assert_eq!(ok.index.posting(0, 0).map(|p| p.tf_claim), Some(1));
    let cases: Vec<(&str, Result<Pack, PackError>)> = vec![
        (
            "posting past the last record",
            pack_with_postings(&["claim"], row(0), one(), u32s(&[5]), vec![1], &["a"]),
        ),
        (
            "unsorted terms",
            pack_with(&["b", "a"], row(0), u32s(&[0, 1, 1]), vec![1], &["a"]),
        ),
        (
            "name id out of range",
            pack_with(&["claim"], row(7), one(), vec![1], &["a"]),
        ),
        (
            "date out of range",
            pack_with(&["claim"], rows(0, i32::MAX), one(), vec![1], &["a"]),
        ),
        (
            "short rows",
            pack_with(&["claim"], vec![0; 3], one(), vec![1], &["a"]),
        ),
        (
            "column count mismatch",
            pack_with(&["claim"], row(0), one(), vec![1], &["a", "b"]),
        ),
        (
            "posting offsets past the postings",
            pack_with(&["claim"], row(0), u32s(&[0, 2]), vec![1], &["a"]),
        ),
        (
            "posting offsets short",
            pack_with(&["claim"], row(0), u32s(&[0]), vec![1], &["a"]),
        ),
        (
            "flag without occurrences",
            pack_with(&["claim"], row(0), one(), vec![0], &["a"]),
        ),
    ];
    for (what, result) in cases {
        assert!(
            matches!(result, Err(PackError::Malformed { .. })),
            "{what}: {result:?}"
        );
    }
    // A missing section.
    let sections = vec![(META, column(&["m"]))];
    assert_eq!(
        Pack::from_bytes(&assemble(ANALYZER_VERSION, &sections)),
        Err(PackError::MissingSection("IDS_".into()))
    );
}

/// Version 1 packs (varint-coded, their index rebuilt at every load) are
/// refused with the way to rebuild them, not misread.
#[test]
fn a_version_1_pack_is_refused_with_how_to_rebuild_it() {
    let mut old = sample_pack();
    old[8..10].copy_from_slice(&1u16.to_le_bytes());
    let error = Pack::from_bytes(&old).unwrap_err();
    assert_eq!(
        error,
        PackError::UnsupportedVersion {
            found: 1,
            supported: 2
        }
    );
    assert!(
        error.to_string().contains("claimlens index build"),
        "{error}"
    );
}

/// Loading reads the file in place: the pack holds the file, not a copy decoded from it.
#[test]
fn a_loaded_pack_holds_its_file_and_nothing_rebuilt() {
    let bytes = sample_pack();
    let pack = Pack::from_vec(bytes.clone()).unwrap();
    assert_eq!(pack.heap_bytes(), bytes.len());
    assert_eq!(pack.claim(1), "Ünïcode claim about the U.S. Senate");
    assert_eq!(pack.claimant(0), Some("Instagram posts"));
    assert_eq!(pack.date_published(0), Date::new(2019, 10, 29));
    assert_eq!(pack.claim_date(1), None);
}

#[test]
fn random_garbage_after_a_valid_header_never_panics() {
    // A cheap deterministic fuzz: mutate sections and fix up every checksum,
    // so the decoder itself, not the checksum, has to reject the damage.
    let bytes = sample_pack();
    let pack = Pack::from_bytes(&bytes).unwrap();
    assert_eq!(pack.len(), 2);
    let mut seed = 0x1234_5678u32;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 17;
        seed ^= seed << 5;
        seed
    };
    let table = sections(&bytes).unwrap();
    for _ in 0..3000 {
        let mut owned: Vec<([u8; 4], Vec<u8>)> = table
            .iter()
            .map(|(k, r)| (*k, bytes[r.clone()].to_vec()))
            .collect();
        let which = next() as usize % owned.len();
        let body = &mut owned[which].1;
        match next() % 3 {
            0 if !body.is_empty() => {
                let i = next() as usize % body.len();
                body[i] = next() as u8;
            }
            1 => body.truncate(next() as usize % (body.len() + 1)),
            _ => body.push(next() as u8),
        }
        let _ = Pack::from_bytes(&assemble(ANALYZER_VERSION, &owned));
    }
}
