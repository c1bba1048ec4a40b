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
        StrColumn::build(values.iter().copied()).write(&mut w);
        w.bytes
    };
    let rows = |name_code: u32, date_code: u32| {
        let mut w = Writer::default();
        for _ in 0..5 {
            w.varint(name_code);
        }
        for _ in 0..2 {
            w.varint(date_code);
        }
        for _ in 0..3 {
            w.f32(f32::NAN);
        }
        w.bytes
    };
    let row = |name_code: u32| rows(name_code, 0);
    // One posting: term 0 in document 0, once in the claim.
    let postings = |doc: u8| vec![1u8, doc];
    let pack_with = |terms: &[&str], rows: Vec<u8>, post: Vec<u8>, flags: Vec<u8>, ids: &[&str]| {
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
            (POSTINGS, post),
            (FLAGS, flags),
        ];
        Pack::from_bytes(&assemble(ANALYZER_VERSION, &sections))
    };
    // The well-formed baseline loads.
    let ok = pack_with(&["claim"], row(1), postings(0), vec![1], &["a"]).unwrap();
    assert_eq!(ok.publisher(0), Some("PolitiFact"));
    let p = postings;
    let cases: Vec<(&str, Result<Pack, PackError>)> = vec![
        (
            "posting past the last record",
            pack_with(&["claim"], row(0), p(5), vec![1], &["a"]),
        ),
        (
            "unsorted terms",
            pack_with(
                &["b", "a"],
                row(0),
                [p(0), vec![0]].concat(),
                vec![1],
                &["a"],
            ),
        ),
        (
            "name id out of range",
            pack_with(&["claim"], row(7), p(0), vec![1], &["a"]),
        ),
        (
            "date out of range",
            pack_with(&["claim"], rows(0, u32::MAX), p(0), vec![1], &["a"]),
        ),
        (
            "short rows",
            pack_with(&["claim"], vec![0; 3], p(0), vec![1], &["a"]),
        ),
        (
            "column count mismatch",
            pack_with(&["claim"], row(0), p(0), vec![1], &["a", "b"]),
        ),
        (
            "postings trailing bytes",
            pack_with(
                &["claim"],
                row(0),
                [p(0), vec![0]].concat(),
                vec![1],
                &["a"],
            ),
        ),
        (
            "postings short",
            pack_with(&["claim"], row(0), vec![1], vec![1], &["a"]),
        ),
        (
            "flag without occurrences",
            pack_with(&["claim"], row(0), p(0), vec![0], &["a"]),
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
        let mut owned: Vec<([u8; 4], Vec<u8>)> =
            table.iter().map(|(k, s)| (*k, s.to_vec())).collect();
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
