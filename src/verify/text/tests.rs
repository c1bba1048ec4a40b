use super::*;

fn texts(text: &str) -> Vec<String> {
    terms(text).into_iter().map(|t| t.text).collect()
}

fn kinds(text: &str) -> Vec<(String, TermKind)> {
    terms(text).into_iter().map(|t| (t.text, t.kind)).collect()
}

#[test]
fn stop_words_are_sorted_for_binary_search() {
    assert!(STOP_WORDS.windows(2).all(|w| w[0] < w[1]));
}

#[test]
fn table_of_normalisations() {
    let cases: &[(&str, &[&str])] = &[
        ("Taxes were raised.", &["tax", "rais"]),
        ("The U.S. paid $2,000.50", &["usa", "paid", "2000.50"]),
        ("US troops; us people", &["usa", "troop", "peopl"]),
        ("a 4,250% increase", &["4250", "percent", "increas"]),
        ("10 percent of voters", &["10", "percent", "voter"]),
        ("Trump’s wall", &["trump", "wall"]),
        ("don't DON’T", &["dont", "dont"]),
        ("#AustralianFires now", &["australian", "fire"]),
        ("@realDonaldTrump", &["real", "donald", "trump"]),
        ("#COVID19 cases", &["covid", "19", "case"]),
        (
            "see pic.twitter.com/ECRqyfc8mI and https://t.co/x",
            &["see"],
        ),
        (
            "(www.x.gov) [politifact.com/a] <cdc.org/b \"bit.ly/c ok: x.com",
            &["ok", "x", "com"],
        ),
        ("the 1990s and the 22nd", &["1990", "22"]),
        ("5G towers", &["5g", "tower"]),
        ("Café señor", &["cafe", "senor"]),
        (
            "a 10-meter-long anaconda",
            &["10", "meter", "long", "anaconda"],
        ),
        ("", &[]),
        ("... — !!", &[]),
    ];
    for (text, want) in cases {
        assert_eq!(texts(text), *want, "{text}");
    }
}

#[test]
fn month_abbreviations_meet_full_names() {
    for (short, long) in [
        ("Jan.", "January"),
        ("Feb.", "February"),
        ("Apr.", "April"),
        ("Jul.", "July"),
        ("Aug.", "August"),
        ("Sept.", "September"),
        ("Oct.", "October"),
        ("Nov.", "November"),
        ("Dec.", "December"),
    ] {
        assert_eq!(
            texts(&format!("on {short} 6")),
            texts(&format!("on {long} 6")),
            "{short}"
        );
    }
}

#[test]
fn names_and_numbers_are_marked() {
    assert_eq!(
        kinds("Obama said that Joe Biden spent 20 billion."),
        vec![
            ("obama".to_string(), TermKind::Word),
            ("joe".to_string(), TermKind::Name),
            ("biden".to_string(), TermKind::Name),
            ("spent".to_string(), TermKind::Word),
            ("20".to_string(), TermKind::Number),
            ("billion".to_string(), TermKind::Word),
        ]
    );
    // A sentence start after a full stop is not a name; an acronym is.
    assert_eq!(
        kinds("It rose. Prices fell at NASA"),
        vec![
            ("rose".to_string(), TermKind::Word),
            ("price".to_string(), TermKind::Word),
            ("fell".to_string(), TermKind::Word),
            ("nasa".to_string(), TermKind::Name),
        ]
    );
}

#[test]
fn spans_point_at_the_words() {
    let text = "“Trump’s” 4,250% rise, #AustralianFires";
    let got: Vec<(String, &str)> = terms(text)
        .into_iter()
        .map(|t| (t.text, &text[t.span.0..t.span.1]))
        .collect();
    assert_eq!(
        got,
        [
            ("trump".to_string(), "Trump’s"),
            ("4250".to_string(), "4,250"),
            ("percent".to_string(), "%"),
            ("rise".to_string(), "rise"),
            ("australian".to_string(), "AustralianFires"),
            ("fire".to_string(), "AustralianFires"),
        ]
    );
}

#[test]
fn title_case_headlines_carry_no_names() {
    assert!(terms("Trump Dead Wrong About Change In Murders In Chicago")
        .iter()
        .all(|t| t.kind != TermKind::Name));
}

/// Packs and queries must hash shingles the same way forever: FNV-1a
/// over the code points of each padded window, oldest first.
#[test]
fn shingle_hashes_are_fnv1a_of_each_padded_window() {
    let fnv = |s: &str| {
        s.chars().fold(0x811c_9dc5u32, |h, c| {
            (h ^ c as u32).wrapping_mul(0x0100_0193)
        })
    };
    let cases: [(&str, usize, &[&str]); 4] = [
        ("abc", 4, &[" abc", "abc "]),
        (
            "Héllo, World",
            4,
            &[
                " hel", "hell", "ello", "llo ", "lo w", "o wo", " wor", "worl", "orld", "rld ",
            ],
        ),
        (
            "ab cdefghij",
            8,
            &[
                " ab cdef", "ab cdefg", "b cdefgh", " cdefghi", "cdefghij", "defghij ",
            ],
        ),
        ("x", 1, &["x", " "]),
    ];
    for (text, n, windows) in cases {
        let mut got = Vec::new();
        shingle_hashes(text, n, &mut got);
        let expected: Vec<u32> = windows.iter().map(|w| fnv(w)).collect();
        assert_eq!(got, expected, "{text:?}");
    }
}

#[test]
fn folding_for_shingles() {
    assert_eq!(
        folded("“Over the last two years,” Trump’s  claim — see https://x.co/a"),
        "over the last two years trumps claim see"
    );
    let mut a = Vec::new();
    shingles("abc", 3, &mut a);
    // " abc " → " ab", "abc", "bc "
    assert_eq!(a.len(), 3);
    shingles("", 4, &mut a);
    assert!(a.is_empty());
    // Shingles of raw text are those of its folded form.
    let raw = "“Over the last two years,” Trump’s  claim — see https://x.co/a";
    let mut b = Vec::new();
    shingles_of(raw, 4, &mut a);
    shingles(&folded(raw), 4, &mut b);
    assert_eq!(a, b);
    assert!(!a.is_empty());
}

/// The ASCII fast path folds exactly as the general one (issue 22's
/// speed-up of matching must not move a single shingle).
#[test]
fn ascii_folding_matches_the_general_folding() {
    for text in [
        "",
        "Says Joe Biden's plan `won't` cut 2,000.5 jobs -- see (www.x.gov) and x.com/a!",
        "\tA\x0Bb\x0Cc\rd\ne  f\x1Cg\x1Fh",
        "'''`` ... https://t.co/x \"quoted\" [politifact.com/a] <a.org/b U.S. 50% #Tag @who",
        "trailing punctuation... ",
        "   leading spaces",
    ] {
        let (mut fast, mut general) = (String::new(), String::new());
        fold_ascii_into(text.as_bytes(), |c| fast.push(c));
        fold_any_into(text, |c| general.push(c));
        assert_eq!(fast, general, "{text:?}");
    }
}

#[test]
fn hostile_text_never_panics() {
    for text in [
        "'''''",
        "..U.S..",
        "%%%",
        "1.",
        "1,",
        ",1",
        "#",
        "@",
        "#A",
        "a'",
        "'s",
        "U.S.A.",
        "\u{0}\u{ffff}\u{10ffff}",
        "ǅungla",
        "İstanbul",
        "ß",
        "ﬁ",
        "1.2.3.4",
        "4.5%",
    ] {
        let _ = terms(text);
        let _ = folded(text);
    }
}
