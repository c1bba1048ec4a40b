//! Word lists that more than one stage reads: the one home of each word.
//!
//! Each table lists a word once, with the readers that use it. The readers
//! grew their lists apart (detect's model cue reads "added" as reporting, its
//! claim kinds read "tweeted"); the flags keep those differences exactly, so
//! moving a list here changed no behaviour, and a later unification is an
//! edit of flags in one place. Stage-only lists stay with their stage
//! (attribution's in `attribute::lexicon`, the gazetteer in `segment`).

/// A reader of the shared tables.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reader {
    /// The check-worthiness model's word cues (`detect::features`). The
    /// shipped model was trained on them: changing their words changes its
    /// input, and needs `claimlens train`.
    Cue,
    /// The rule-based claim kinds (`detect::kinds`).
    Kind,
    /// The tense of a clause, for resolving bare dates, and the reported
    /// speech that makes an "if" no supposition (`segment::times`).
    Tense,
    /// The stop words of claim matching (`verify::text`).
    StopWord,
    /// The ranking words that make a spelled ordinal a figure ("third
    /// largest", "second-biggest"), in `segment::quantities`.
    Rank,
}

const CUE: u8 = 1;
const KIND: u8 = 2;
const TENSE: u8 = 4;
const STOP_WORD: u8 = 8;
const RANK: u8 = 16;

impl Reader {
    const fn bit(self) -> u8 {
        match self {
            Reader::Cue => CUE,
            Reader::Kind => KIND,
            Reader::Tense => TENSE,
            Reader::StopWord => STOP_WORD,
            Reader::Rank => RANK,
        }
    }
}

/// Whether `reader` reads `word` in `table` (sorted by word).
fn reads(table: &[(&str, u8)], word: &str, reader: Reader) -> bool {
    // The first bytes decide most steps of the search; comparing them before
    // the whole words (the same order) saves a `memcmp` call per step, and
    // detect, segment and verify look up every word of the page here.
    let first = word.as_bytes().first();
    table
        .binary_search_by(|(w, _)| {
            w.as_bytes()
                .first()
                .cmp(&first)
                .then_with(|| (*w).cmp(word))
        })
        .is_ok_and(|i| table[i].1 & reader.bit() != 0)
}

/// Verbs that report what someone said or wrote ("said", "told",
/// "according" to).
pub fn is_reporting_verb(word: &str, reader: Reader) -> bool {
    reads(REPORTING_VERBS, word, reader)
}

/// The modal verbs, the one list of them for every stage that reads them
/// (times, attribution, comments).
pub const MODALS: &[&str] = &[
    "can", "could", "may", "might", "must", "shall", "should", "will", "would",
];

/// Whether `word` is a modal verb ("could", "will").
pub fn is_modal(word: &str) -> bool {
    MODALS.contains(&word)
}

/// Irregular past-tense forms ("went", "sold"); regular ones end in "-ed".
pub fn is_irregular_past(word: &str, reader: Reader) -> bool {
    reads(IRREGULAR_PAST, word, reader)
}

/// Words ending in "-ed" that are not a past tense ("hundred", "indeed",
/// "unprecedented").
pub fn is_ed_not_past(word: &str, reader: Reader) -> bool {
    reads(ED_NOT_PAST, word, reader)
}

/// Superlatives and the words that make a claim one ("record", "first").
pub fn is_superlative(word: &str, reader: Reader) -> bool {
    reads(SUPERLATIVES, word, reader)
}

const REPORTING_VERBS: &[(&str, u8)] = &[
    ("according", CUE | KIND | TENSE),
    ("acknowledged", CUE | KIND | TENSE),
    ("added", CUE | TENSE),
    ("admitted", CUE | KIND | TENSE),
    ("announced", CUE | KIND | TENSE),
    ("argued", KIND | TENSE),
    ("claimed", CUE | KIND | TENSE),
    ("claims", CUE | KIND | TENSE),
    ("confirmed", CUE | KIND | TENSE),
    ("declared", KIND | TENSE),
    ("denied", CUE | KIND | TENSE),
    ("explained", CUE | TENSE),
    ("insisted", CUE | KIND | TENSE),
    ("noted", CUE | TENSE),
    ("reported", CUE | TENSE),
    ("said", CUE | KIND | STOP_WORD | TENSE),
    ("say", CUE | STOP_WORD | TENSE),
    ("saying", STOP_WORD | TENSE),
    ("says", CUE | KIND | STOP_WORD | TENSE),
    ("stated", CUE | KIND | TENSE),
    ("stressed", CUE | KIND | TENSE),
    ("testified", CUE | KIND | TENSE),
    ("told", CUE | KIND | TENSE),
    ("tweeted", KIND | TENSE),
    ("warned", CUE | KIND | TENSE),
    ("wrote", CUE | KIND | TENSE),
];

const IRREGULAR_PAST: &[(&str, u8)] = &[
    ("became", CUE | TENSE),
    ("began", CUE | TENSE),
    ("bought", CUE | TENSE),
    ("broke", TENSE),
    ("brought", CUE | TENSE),
    ("built", CUE | TENSE),
    ("came", CUE | TENSE),
    ("caught", CUE),
    ("chose", TENSE),
    ("did", CUE | TENSE),
    ("drew", TENSE),
    ("fell", CUE | TENSE),
    ("felt", TENSE),
    ("flew", TENSE),
    ("forgot", TENSE),
    ("fought", TENSE),
    ("found", TENSE),
    ("froze", TENSE),
    ("gave", CUE | TENSE),
    ("got", CUE | TENSE),
    ("grew", CUE | TENSE),
    ("had", CUE),
    ("heard", TENSE),
    ("held", CUE | TENSE),
    ("hid", TENSE),
    ("kept", TENSE),
    ("knew", CUE | TENSE),
    ("led", CUE | TENSE),
    ("left", CUE | TENSE),
    ("lost", CUE | TENSE),
    ("made", CUE | TENSE),
    ("meant", TENSE),
    ("met", CUE | TENSE),
    ("paid", CUE | TENSE),
    ("ran", CUE | TENSE),
    ("rode", TENSE),
    ("rose", CUE | TENSE),
    ("said", CUE | TENSE),
    ("sang", TENSE),
    ("sat", TENSE),
    ("saw", CUE | TENSE),
    ("sent", CUE | TENSE),
    ("shook", TENSE),
    ("shot", TENSE),
    ("sold", CUE | TENSE),
    ("sought", TENSE),
    ("spent", CUE | TENSE),
    ("spoke", TENSE),
    ("stole", TENSE),
    ("stood", TENSE),
    ("struck", TENSE),
    ("swore", TENSE),
    ("taught", CUE | TENSE),
    ("thought", CUE | TENSE),
    ("threw", TENSE),
    ("told", CUE | TENSE),
    ("took", CUE | TENSE),
    ("understood", TENSE),
    ("was", CUE),
    ("went", CUE | TENSE),
    ("were", CUE),
    ("woke", TENSE),
    ("won", CUE | TENSE),
    ("wore", TENSE),
    ("wrote", CUE | TENSE),
];

const ED_NOT_PAST: &[(&str, u8)] = &[
    ("advanced", TENSE),
    ("agreed", TENSE),
    ("armed", TENSE),
    ("based", TENSE),
    ("bed", TENSE),
    ("biased", TENSE),
    ("bleed", TENSE),
    ("breed", TENSE),
    ("concerned", TENSE),
    ("creed", TENSE),
    ("deed", TENSE),
    ("detailed", TENSE),
    ("embed", TENSE),
    ("exceed", TENSE),
    ("feed", CUE | TENSE),
    ("freed", TENSE),
    ("greed", TENSE),
    ("hundred", CUE | TENSE),
    ("indeed", CUE | TENSE),
    ("interested", TENSE),
    ("kindred", TENSE),
    ("limited", TENSE),
    ("married", TENSE),
    ("naked", TENSE),
    ("need", CUE | TENSE),
    ("needed", TENSE),
    ("proceed", TENSE),
    ("ragged", TENSE),
    ("red", TENSE),
    ("reed", TENSE),
    ("retired", TENSE),
    ("rugged", TENSE),
    ("sacred", TENSE),
    ("seed", CUE | TENSE),
    ("shed", TENSE),
    ("skilled", TENSE),
    ("speed", CUE | TENSE),
    ("steed", TENSE),
    ("succeed", TENSE),
    ("talented", TENSE),
    ("tweed", TENSE),
    ("united", CUE),
    ("unprecedented", TENSE),
    ("weed", TENSE),
    ("wicked", TENSE),
    ("wretched", TENSE),
];

const SUPERLATIVES: &[(&str, u8)] = &[
    ("best", CUE | RANK),
    ("biggest", CUE | KIND | RANK),
    ("busiest", RANK),
    ("costliest", RANK),
    ("deadliest", KIND | RANK),
    ("ever", CUE),
    ("fastest", CUE | KIND | RANK),
    ("first", CUE),
    ("greatest", CUE | KIND | RANK),
    ("highest", CUE | KIND | RANK),
    ("largest", CUE | KIND | RANK),
    ("least", CUE | RANK),
    ("longest", KIND | RANK),
    ("lowest", CUE | KIND | RANK),
    ("most", CUE | RANK),
    ("oldest", KIND | RANK),
    ("only", CUE),
    ("poorest", KIND | RANK),
    ("record", CUE | KIND),
    ("richest", KIND | RANK),
    ("shortest", KIND | RANK),
    ("slowest", KIND | RANK),
    ("smallest", CUE | KIND | RANK),
    ("strongest", KIND | RANK),
    ("tallest", RANK),
    ("top", CUE),
    ("weakest", KIND | RANK),
    ("wealthiest", RANK),
    ("worst", CUE | KIND | RANK),
    ("youngest", KIND | RANK),
];

#[cfg(test)]
mod tests {
    use super::*;

    const TABLES: &[(&str, &[(&str, u8)])] = &[
        ("REPORTING_VERBS", REPORTING_VERBS),
        ("IRREGULAR_PAST", IRREGULAR_PAST),
        ("ED_NOT_PAST", ED_NOT_PAST),
        ("SUPERLATIVES", SUPERLATIVES),
    ];

    #[test]
    fn tables_are_sorted_unique_lowercase_and_read_by_someone() {
        for (name, table) in TABLES {
            assert!(
                table.windows(2).all(|w| w[0].0 < w[1].0),
                "{name} is not sorted or repeats a word"
            );
            for (word, readers) in *table {
                assert_eq!(*word, word.to_lowercase(), "{name}: {word}");
                assert_ne!(*readers, 0, "{name}: {word} has no reader");
            }
        }
    }

    /// The search compares first bytes before whole words: every listed word
    /// must still be found, and a word that is not listed (a prefix, a longer
    /// form, another first letter, nothing) must not be.
    #[test]
    fn lookups_find_exactly_the_listed_words() {
        let readers = [
            Reader::Cue,
            Reader::Kind,
            Reader::Tense,
            Reader::StopWord,
            Reader::Rank,
        ];
        let listed = |table: &[(&str, u8)], word: &str, reader: Reader| {
            table
                .iter()
                .any(|&(w, bits)| w == word && bits & reader.bit() != 0)
        };
        for (name, table) in TABLES {
            for (word, _) in *table {
                let mut tries = vec![
                    word.to_string(),
                    format!("{word}s"),
                    format!("z{word}"),
                    String::new(),
                ];
                tries.extend(word.get(..word.len().saturating_sub(1)).map(str::to_string));
                for t in &tries {
                    for reader in readers {
                        assert_eq!(
                            reads(table, t, reader),
                            listed(table, t, reader),
                            "{name}: {t:?} for {reader:?}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn each_reader_reads_its_own_words() {
        type Lookup = fn(&str, Reader) -> bool;
        let table: &[(Lookup, &str, Reader, bool)] = &[
            (is_reporting_verb, "said", Reader::Cue, true),
            (is_reporting_verb, "said", Reader::Kind, true),
            (is_reporting_verb, "said", Reader::StopWord, true),
            (is_reporting_verb, "added", Reader::Cue, true),
            (is_reporting_verb, "added", Reader::Kind, false),
            (is_reporting_verb, "tweeted", Reader::Kind, true),
            (is_reporting_verb, "tweeted", Reader::Cue, false),
            (is_reporting_verb, "saying", Reader::StopWord, true),
            (is_reporting_verb, "saying", Reader::Cue, false),
            (is_reporting_verb, "walked", Reader::Cue, false),
            (is_irregular_past, "caught", Reader::Cue, true),
            (is_irregular_past, "caught", Reader::Tense, false),
            (is_irregular_past, "froze", Reader::Tense, true),
            (is_irregular_past, "was", Reader::Tense, false),
            (is_ed_not_past, "united", Reader::Cue, true),
            (is_ed_not_past, "united", Reader::Tense, false),
            (is_ed_not_past, "hundred", Reader::Tense, true),
            (is_superlative, "first", Reader::Cue, true),
            (is_superlative, "first", Reader::Kind, false),
            (is_superlative, "deadliest", Reader::Kind, true),
            (is_superlative, "busiest", Reader::Rank, true),
            (is_superlative, "busiest", Reader::Kind, false),
            (is_superlative, "first", Reader::Rank, false),
        ];
        for (lookup, word, reader, expected) in table {
            assert_eq!(lookup(word, *reader), *expected, "{word} for {reader:?}");
        }
    }
}
