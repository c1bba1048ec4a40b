//! Tests of the sentence features: word splitting, hashing, cues.

use super::*;

fn forms(s: &str) -> Vec<String> {
    words(s).into_iter().map(|w| w.form).collect()
}

#[test]
fn words_keep_numbers_apostrophes_and_symbols() {
    assert_eq!(
        forms("We’ve spent $1,200.50 — 12% more than in 2019?"),
        vec!["we've", "spent", "$", "0,000.00", "00", "%", "more", "than", "in", "0000", "?"]
    );
    assert_eq!(
        forms("“Quote,” said O'Neil."),
        vec!["\"", "quote", "\"", "said", "o'neil"]
    );
    assert_eq!(forms(""), Vec::<String>::new());
}

#[test]
fn cues_fire_on_what_they_name() {
    let table: &[(&str, &[Cue], &[Cue])] = &[
        (
            "Unemployment fell to 4.2 percent in 2019.",
            &[
                Cue::Digits,
                Cue::Percent,
                Cue::Year,
                Cue::Change,
                Cue::PastTense,
            ],
            &[Cue::Question, Cue::Hedge],
        ),
        (
            "Do you really think that?",
            &[
                Cue::Question,
                Cue::SecondPerson,
                Cue::OpinionMarker,
                Cue::Medium,
            ],
            &[Cue::Digits, Cue::Year],
        ),
        (
            "It was the largest tax cut in history, the senator said.",
            &[
                Cue::Superlative,
                Cue::Reporting,
                Cue::OfficialTitle,
                Cue::PolicyTopic,
            ],
            &[Cue::Question],
        ),
        (
            "Thank you, good evening!",
            &[Cue::Boilerplate, Cue::Exclamation, Cue::Short],
            &[Cue::Digits],
        ),
        (
            "Prices will rise because of the new law.",
            &[Cue::Future, Cue::Causal, Cue::Law],
            &[Cue::PastTense],
        ),
        // A year is not counted as a figure, but $2019 is money.
        (
            "He paid $2019 for it.",
            &[Cue::Money, Cue::Digits],
            &[Cue::Year],
        ),
        // "interest" is not a superlative, "harder than" is a comparison.
        (
            "The interest is harder than expected.",
            &[Cue::Comparative],
            &[Cue::Superlative],
        ),
    ];
    for (sentence, present, absent) in table {
        let cues = extract(sentence, LayerCues::default(), 12).cues;
        for cue in *present {
            assert!(cues.has(*cue), "{sentence:?} should have {cue:?}");
        }
        for cue in *absent {
            assert!(!cues.has(*cue), "{sentence:?} should not have {cue:?}");
        }
    }
}

#[test]
fn hashed_features_stay_in_range_and_point_at_words() {
    for sentence in ["", "?", "a", "Ünïcödé ☃ 漢字 text, 1.5!", "word"] {
        let f = extract(sentence, LayerCues::default(), 10);
        for &(bucket, value, word) in &f.hashed {
            assert!(bucket < 1024);
            assert!(value > 0.0 && value <= 1.0);
            assert!((word as usize) < f.words.len().max(1));
        }
    }
}

/// The model's weights are indexed by these buckets: hashing each start
/// once must give every n-gram's own hash, in the order of before (a
/// word's 3-grams, then its 4-grams, then its 5-grams).
#[test]
fn char_grams_are_each_grams_own_hash_in_order() {
    let sentence = "Héllo it's the 2009 deficit, ab.";
    let bits = 18;
    let words = words(sentence);
    let f = extract_words(sentence, &words, LayerCues::default(), bits);
    let mut expected = Vec::new();
    for (k, w) in words.iter().enumerate() {
        if w.number || w.form.len() < 2 {
            continue;
        }
        let padded = [b"<", w.form.as_bytes(), b">"].concat();
        for n in 3..=5 {
            for gram in padded.windows(n) {
                let h = hash(SEED_CHARGRAM, &[gram]) & ((1 << bits) - 1);
                expected.push((h as u32, k as u16));
            }
        }
    }
    let tail = &f.hashed[f.hashed.len() - expected.len()..];
    let got: Vec<(u32, u16)> = tail.iter().map(|&(b, _, k)| (b, k)).collect();
    assert_eq!(got, expected);
    assert!(expected.len() > 20);
}

#[test]
fn extraction_is_deterministic() {
    let a = extract("The deficit doubled in 2009.", LayerCues::default(), 18);
    let b = extract("The deficit doubled in 2009.", LayerCues::default(), 18);
    assert_eq!(a, b);
}

mod pattern_tests {
    use super::*;

    fn cues(s: &str) -> CueSet {
        extract(s, LayerCues::default(), 8).cues
    }

    #[test]
    fn hyperbolic_conditionals_are_rhetoric_and_real_conditionals_are_not() {
        assert!(cues("If we were any higher, we'd be North Dakota.").has(Cue::Rhetoric));
        assert!(cues("If it got any colder, we would be living in Antarctica.").has(Cue::Rhetoric));
        assert!(!cues("If elected, I would cut taxes by 20 percent.").has(Cue::Rhetoric));
        assert!(!cues("If rates rise any further, mortgages will cost more.").has(Cue::Rhetoric));
    }

    #[test]
    fn a_penalty_someone_faces_is_a_rule() {
        assert!(cues("If convicted, he could face decades in jail.").has(Cue::Law));
        assert!(cues("She faces up to 20 years in federal prison.").has(Cue::Law));
        assert!(!cues("We face a difficult winter.").has(Cue::Law));
    }
}
