//! The word before a period: whether it is an abbreviation, and of which
//! kind, decides whether the period can end the sentence.

use super::is_opener;
use crate::segment::tokens::is_space;

/// The word just before byte `dot`, back to whitespace or an opener.
pub(super) fn word_before(s: &str, start: usize, dot: usize) -> &str {
    // Abbreviations are short: look back a bounded distance.
    let mut start = start.max(dot.saturating_sub(64));
    while !s.is_char_boundary(start) {
        start += 1;
    }
    let before = &s[start..dot];
    let from = before
        .char_indices()
        .rev()
        .find(|&(_, c)| is_space(c) || is_opener(c))
        .map_or(0, |(p, c)| p + c.len_utf8());
    &before[from..]
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Abbrev {
    /// An ordinary word: the period ends the sentence.
    No,
    /// Never ends a sentence ("e.g.", "i.e.", "vs.").
    Never,
    /// Precedes a name ("Mr.", "Sen.", "Mt.").
    Title,
    /// Precedes a number ("No. 5", "p. 55", "fig. 3").
    BeforeNumber,
    /// Ends a sentence only before a typical sentence start ("Inc.", "U.S.", "Jan.", "E.").
    Ambiguous,
}

const NEVER: &[&str] = &["e.g", "i.e", "cf", "viz", "vs", "v", "eg", "ie", "ibid"];

/// Titles written before a name, without their dot (one home: sentence
/// splitting and the attribution check read it).
pub(crate) const TITLES: &[&str] = &[
    "Mr", "Mrs", "Ms", "Mx", "Messrs", "Mmes", "Dr", "Drs", "Prof", "Profs", "Gov", "Govs", "Sen",
    "Sens", "Rep", "Reps", "Gen", "Lt", "Col", "Sgt", "Capt", "Cmdr", "Cdr", "Adm", "Maj", "Brig",
    "Cpl", "Pvt", "Spc", "Rev", "Revs", "Hon", "Pres", "Supt", "Atty", "Insp", "Det", "Fr", "Msgr",
    "Amb", "Rt", "Mt", "Ft", "Sra", "Mme", "Mlle", "Gens", "Lt.Col", "Lt.Gen", "Maj.Gen",
];

const BEFORE_NUMBER: &[&str] = &[
    "no", "nos", "nr", "p", "pp", "vol", "vols", "fig", "figs", "art", "arts", "ch", "chap", "sec",
    "secs", "para", "paras", "pt", "pts", "op", "tel", "ext", "n°", "nº", "ca", "c", "ref", "sect",
    "ed", "eds", "rev", "ver", "ex", "par", "tab", "eq", "approx", "ll", "l",
];

/// Case-insensitive ambiguous abbreviations.
const AMBIGUOUS: &[&str] = &[
    "inc", "co", "corp", "ltd", "plc", "bros", "jr", "sr", "etc", "al", "dept", "depts", "univ",
    "assn", "assoc", "govt", "est", "hr", "hrs", "min", "mins", "yr", "yrs", "mos", "oz", "lb",
    "lbs", "ft", "sq", "mi", "tbsp", "tsp", "apt", "ave", "av", "blvd", "rd", "st", "hwy", "ln",
    "ste", "dist", "intl", "natl", "mfg", "mgr", "mkt", "pct", "cos", "cf", "esp", "incl", "excl",
    "misc", "prob", "abbr", "gov't", "admin", "jan", "feb", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "tues", "thur", "thurs", "ph.d", "b.a", "m.a", "b.s", "m.s", "m.d",
    "d.c", "a.m", "p.m", "u.s", "u.k", "u.n", "e.u",
];

/// Capitalised-only abbreviations that are also ordinary lower-case words
/// ("Mass." the state, "mass." the noun).
const AMBIGUOUS_CAPITALISED: &[&str] = &[
    "Mar", "Dec", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun", "Ala", "Ariz", "Ark", "Calif",
    "Colo", "Conn", "Del", "Fla", "Ga", "Ill", "Ind", "Kan", "Kans", "Ky", "La", "Md", "Mass",
    "Mich", "Minn", "Miss", "Mo", "Mont", "Neb", "Nev", "Okla", "Ore", "Penn", "Pa", "Tenn", "Tex",
    "Vt", "Va", "Wash", "Wis", "Wyo", "Ont", "Que", "Alta", "Sask", "Man",
];

pub(super) fn abbreviation(word: &str) -> Abbrev {
    // Quotes or brackets before the word are not part of it.
    let word = word.trim_start_matches(|c: char| !c.is_alphanumeric());
    if word.is_empty() {
        return Abbrev::No;
    }
    // Web addresses and e-mail: the period is punctuation.
    if word.contains('@') || word.contains("://") || word.starts_with("www.") {
        return Abbrev::No;
    }
    let lower_eq = |list: &[&str]| list.iter().any(|a| a.eq_ignore_ascii_case(word));
    if lower_eq(NEVER) {
        return Abbrev::Never;
    }
    if TITLES.contains(&word) {
        return Abbrev::Title;
    }
    if word.chars().all(char::is_numeric) {
        return Abbrev::No;
    }
    let mut chars = word.chars();
    if let (Some(first), None) = (chars.next(), chars.next()) {
        if first.is_lowercase() {
            return Abbrev::BeforeNumber;
        }
        if first.is_alphabetic() {
            return Abbrev::Ambiguous;
        }
        return Abbrev::No;
    }
    if lower_eq(BEFORE_NUMBER) {
        return Abbrev::BeforeNumber;
    }
    if lower_eq(AMBIGUOUS) || AMBIGUOUS_CAPITALISED.contains(&word) {
        return Abbrev::Ambiguous;
    }
    // Short words without vowels are abbreviations ("Mtn", "bldg", "mgmt").
    let vowelless = word.len() <= 4
        && word.chars().all(|c| c.is_ascii_alphabetic())
        && !word
            .chars()
            .any(|c| matches!(c.to_ascii_lowercase(), 'a' | 'e' | 'i' | 'o' | 'u' | 'y'))
        && !word.chars().all(|c| c.is_ascii_uppercase());
    if vowelless {
        return Abbrev::Ambiguous;
    }
    // Initialisms: "U.S.A", "N.A.T.O", "J.R.R" (letters joined by periods).
    if word.contains('.')
        && word.split('.').all(|part| {
            (1..=2).contains(&part.chars().count()) && part.chars().all(char::is_alphabetic)
        })
    {
        return Abbrev::Ambiguous;
    }
    Abbrev::No
}

/// "At 5 a.m." cannot be a whole sentence: a short prepositional phrase.
pub(super) fn short_prepositional_fragment(sentence_so_far: &str) -> bool {
    let mut words = sentence_so_far.split_whitespace();
    let Some(first) = words.next() else {
        return false;
    };
    let first = first.trim_start_matches(|c: char| !c.is_alphanumeric());
    let preposition = [
        "at", "in", "on", "by", "from", "until", "till", "since", "after", "before", "around",
        "about", "near", "through", "circa", "for",
    ]
    .iter()
    .any(|p| p.eq_ignore_ascii_case(first));
    preposition && words.count() < 4
}
