//! Sentence features for the check-worthiness model: named cues a reader can
//! understand (figures, dates, officials, hedges ...) plus hashed word and
//! character n-grams.
//!
//! The lexical cues are computed here from the sentence alone, so the model
//! does not hinge on the text layer; the text layer adds its recognisers'
//! verdicts as separate cues ([`LayerCues`]).

use crate::lexicon::{self, Reader};
use crate::segment::entities::EntityKind;
use crate::segment::quantities::QuantityKind;
use crate::segment::TextLayer;
use crate::spans::ByteSpan;

/// Bumped whenever extraction changes; a model trained on another version is
/// refused at load time instead of silently scoring garbage.
pub const FEATURE_VERSION: u32 = 2;

/// A named, explainable feature. The discriminant is its index in the model.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[repr(u8)]
pub enum Cue {
    /// A number written in digits that is not a year.
    Digits,
    Percent,
    Money,
    /// "three", "dozens", "twice", "half".
    NumberWord,
    Year,
    /// Month, weekday, "yesterday", "ago", "last week".
    DateWord,
    LayerQuantity,
    LayerTime,
    LayerPerson,
    LayerOrganization,
    LayerPlace,
    /// A named person with a title or role ("Secretary of State Rubio").
    LayerRole,
    /// "president", "senator", "governor", "officials".
    OfficialTitle,
    /// A capitalised word that does not start the sentence.
    ProperNoun,
    Reporting,
    QuoteMark,
    Comparative,
    Superlative,
    /// Words of change: "rose", "cut", "doubled", "increase".
    Change,
    Causal,
    Future,
    Law,
    Hedge,
    OpinionMarker,
    Evaluative,
    FirstSingular,
    FirstPlural,
    SecondPerson,
    Question,
    Exclamation,
    Boilerplate,
    PastTense,
    Negation,
    Universal,
    Rhetoric,
    Short,
    Medium,
    Long,
    /// Money, jobs, taxes, crime, health: the topics fact-checkers check.
    PolicyTopic,
}

pub const CUE_COUNT: usize = Cue::PolicyTopic as usize + 1;

impl Cue {
    pub const ALL: [Cue; CUE_COUNT] = [
        Cue::Digits,
        Cue::Percent,
        Cue::Money,
        Cue::NumberWord,
        Cue::Year,
        Cue::DateWord,
        Cue::LayerQuantity,
        Cue::LayerTime,
        Cue::LayerPerson,
        Cue::LayerOrganization,
        Cue::LayerPlace,
        Cue::LayerRole,
        Cue::OfficialTitle,
        Cue::ProperNoun,
        Cue::Reporting,
        Cue::QuoteMark,
        Cue::Comparative,
        Cue::Superlative,
        Cue::Change,
        Cue::Causal,
        Cue::Future,
        Cue::Law,
        Cue::Hedge,
        Cue::OpinionMarker,
        Cue::Evaluative,
        Cue::FirstSingular,
        Cue::FirstPlural,
        Cue::SecondPerson,
        Cue::Question,
        Cue::Exclamation,
        Cue::Boilerplate,
        Cue::PastTense,
        Cue::Negation,
        Cue::Universal,
        Cue::Rhetoric,
        Cue::Short,
        Cue::Medium,
        Cue::Long,
        Cue::PolicyTopic,
    ];
}

/// Which cues fired in a sentence, as a bit set.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CueSet(u64);

impl CueSet {
    pub fn set(&mut self, cue: Cue) {
        self.0 |= 1 << cue as u8;
    }
    pub fn has(self, cue: Cue) -> bool {
        self.0 & (1 << cue as u8) != 0
    }
    pub fn iter(self) -> impl Iterator<Item = Cue> {
        Cue::ALL.into_iter().filter(move |c| self.has(*c))
    }
}

/// What the text layer recognised inside one sentence.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LayerCues {
    pub quantity: bool,
    pub time: bool,
    pub person: bool,
    pub organization: bool,
    pub place: bool,
    pub role: bool,
}

/// Per-sentence lookups into a text layer, built once per text so that
/// scoring many sentences stays linear-logarithmic.
pub struct LayerIndex {
    quantities: Vec<ByteSpan>,
    times: Vec<ByteSpan>,
    /// (mention, kind, has role), sorted by start.
    mentions: Vec<(ByteSpan, EntityKind, bool)>,
}

impl LayerIndex {
    pub fn new(layer: &TextLayer) -> Self {
        // Ordinals ("second term", "first administration") are not figures a
        // reader could check; counting them made commentary look statistical.
        let mut quantities: Vec<ByteSpan> = layer
            .quantities
            .iter()
            .filter(|q| q.kind != QuantityKind::Ordinal)
            .map(|q| q.span)
            .collect();
        let mut times: Vec<ByteSpan> = layer.times.iter().map(|t| t.span).collect();
        let mut mentions: Vec<(ByteSpan, EntityKind, bool)> = layer
            .entities
            .iter()
            .flat_map(|e| {
                e.mentions
                    .iter()
                    .map(move |m| (m.span, e.kind, e.role.is_some()))
            })
            .collect();
        crate::sort::sort(&mut quantities);
        crate::sort::sort(&mut times);
        crate::sort::sort_by_key(&mut mentions, |m| m.0);
        LayerIndex {
            quantities,
            times,
            mentions,
        }
    }

    pub fn cues(&self, sentence: ByteSpan) -> LayerCues {
        let inside = |spans: &[ByteSpan]| {
            let from = spans.partition_point(|s| s.start < sentence.start);
            spans[from..]
                .iter()
                .take_while(|s| s.start < sentence.end)
                .any(|s| sentence.contains(*s))
        };
        let from = self
            .mentions
            .partition_point(|m| m.0.start < sentence.start);
        let mut cues = LayerCues {
            quantity: inside(&self.quantities),
            time: inside(&self.times),
            ..LayerCues::default()
        };
        for (span, kind, role) in self.mentions[from..]
            .iter()
            .take_while(|m| m.0.start < sentence.end)
        {
            if !sentence.contains(*span) {
                continue;
            }
            match kind {
                EntityKind::Person => cues.person = true,
                EntityKind::Organization => cues.organization = true,
                EntityKind::Place => cues.place = true,
            }
            cues.role |= *role && *kind == EntityKind::Person;
        }
        cues
    }
}

/// Hashed feature space size, as a power of two.
pub const DEFAULT_HASH_BITS: u8 = 16;

/// A sparse feature vector: named cues, then hashed n-grams.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Features {
    pub cues: CueSet,
    /// (bucket, value, token index it came from).
    pub hashed: Vec<(u32, f32, u16)>,
    /// Byte spans of the sentence's words, indexed by the token index above.
    pub words: Vec<ByteSpan>,
    /// The sentence encoder's vector; empty when no encoder is loaded.
    pub dense: Vec<f32>,
}

/// A lower-cased token of the sentence, with its place.
pub(super) struct Word {
    pub span: ByteSpan,
    /// Lower case; digits replaced by `0` so "1,200" and "3,400" share a form.
    pub form: String,
    pub capitalised: bool,
    pub number: bool,
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{2018}')
}

/// Splits on anything but letters and digits, keeping inner apostrophes and
/// number separators, and keeping `? ! % $ € £ "` as one-character tokens.
pub(super) fn words(sentence: &str) -> Vec<Word> {
    let mut out = Vec::with_capacity(sentence.len() / 5 + 1);
    let mut chars = sentence.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if c.is_alphanumeric() {
            let number = c.is_ascii_digit();
            let mut form = String::with_capacity(12);
            let mut end = start + c.len_utf8();
            push_lower(&mut form, c);
            while let Some(&(i, d)) = chars.peek() {
                let joins = if d.is_alphanumeric() {
                    true
                } else {
                    let next = sentence[i + d.len_utf8()..].chars().next();
                    let next_ok = |f: fn(char) -> bool| next.is_some_and(f);
                    if number {
                        matches!(d, ',' | '.') && next_ok(|n| n.is_ascii_digit())
                    } else {
                        (is_apostrophe(d) || d == '-') && next_ok(char::is_alphabetic)
                    }
                };
                if !joins {
                    break;
                }
                push_lower(&mut form, if is_apostrophe(d) { '\'' } else { d });
                end = i + d.len_utf8();
                chars.next();
            }
            out.push(Word {
                span: ByteSpan::new(start, end),
                form,
                capitalised: c.is_uppercase(),
                number,
            });
        } else if matches!(
            c,
            '?' | '!' | '%' | '$' | '€' | '£' | '"' | '\u{201C}' | '\u{201D}'
        ) {
            let form = match c {
                '\u{201C}' | '\u{201D}' => "\"".to_string(),
                other => other.to_string(),
            };
            out.push(Word {
                span: ByteSpan::new(start, start + c.len_utf8()),
                form,
                capitalised: false,
                number: false,
            });
        }
    }
    out
}

fn push_lower(form: &mut String, c: char) {
    if c.is_ascii_digit() {
        form.push('0');
    } else if c.is_ascii() {
        form.push(c.to_ascii_lowercase());
    } else {
        form.extend(c.to_lowercase());
    }
}

/// FNV-1a, seeded per feature family so families do not collide by design.
fn hash(seed: u64, parts: &[&[u8]]) -> u64 {
    let mut h = fnv_start(seed);
    for (k, part) in parts.iter().enumerate() {
        if k > 0 {
            h = fnv_byte(h, 0x1f);
        }
        for &b in *part {
            h = fnv_byte(h, b);
        }
    }
    fnv_finish(h)
}

fn fnv_start(seed: u64) -> u64 {
    0xcbf2_9ce4_8422_2325u64 ^ seed.wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

fn fnv_byte(h: u64, b: u8) -> u64 {
    (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01B3)
}

/// Final avalanche so the low bits used as a bucket are well mixed.
fn fnv_finish(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^ (h >> 33)
}

const SEED_UNIGRAM: u64 = 1;
const SEED_BIGRAM: u64 = 2;
const SEED_CHARGRAM: u64 = 3;

/// Extracts the features of `sentence`, given what the text layer found in it.
pub fn extract(sentence: &str, layer: LayerCues, hash_bits: u8) -> Features {
    extract_words(sentence, &words(sentence), layer, hash_bits)
}

/// [`extract`] over words already split by [`words`].
pub(super) fn extract_words(
    sentence: &str,
    words: &[Word],
    layer: LayerCues,
    hash_bits: u8,
) -> Features {
    let cues = lexical_cues(sentence, words, layer);
    let mask = (1u64 << hash_bits) - 1;
    let mut hashed: Vec<(u32, f32, u16)> = Vec::with_capacity(words.len() * 12);

    let bucket = |h: u64| (h & mask) as u32;
    // Word unigrams and bigrams, with sentence boundary markers.
    let forms: Vec<&[u8]> = std::iter::once(&b"<s>"[..])
        .chain(words.iter().map(|w| w.form.as_bytes()))
        .chain(std::iter::once(&b"</s>"[..]))
        .collect();
    // The word an n-gram is credited to in explanations (its last word).
    let word_of = |k: usize| {
        k.min(words.len().saturating_sub(1))
            .min(usize::from(u16::MAX)) as u16
    };
    let word_start = hashed.len();
    for (k, w) in words.iter().enumerate() {
        let h = hash(SEED_UNIGRAM, &[w.form.as_bytes()]);
        hashed.push((bucket(h), 1.0, word_of(k)));
    }
    for (k, pair) in forms.windows(2).enumerate() {
        let h = hash(SEED_BIGRAM, &[pair[0], pair[1]]);
        hashed.push((bucket(h), 1.0, word_of(k)));
    }
    normalise(&mut hashed[word_start..]);
    // Character 3- to 5-grams inside words, marked at word edges: they carry
    // morphology (tense, -est, -ly) and survive spelling variants.
    let char_start = hashed.len();
    let mut padded = Vec::with_capacity(32);
    for (k, w) in words.iter().enumerate() {
        if w.number || w.form.len() < 2 {
            continue;
        }
        padded.clear();
        padded.push(b'<');
        padded.extend_from_slice(w.form.as_bytes());
        padded.push(b'>');
        // The 3-grams, then the 4-grams, then the 5-grams, each in text
        // order; the three n-grams at one start share their hash's first
        // bytes, so each start is hashed once (`hash` of the n-gram alone).
        let grams = |n: usize| (padded.len() + 1).saturating_sub(n);
        let (threes, fours, fives) = (grams(3), grams(4), grams(5));
        let first = hashed.len();
        hashed.resize(first + threes + fours + fives, (0, 1.0, word_of(k)));
        for (from, window) in padded.windows(3).enumerate() {
            let mut h = fnv_start(SEED_CHARGRAM);
            for &b in window {
                h = fnv_byte(h, b);
            }
            hashed[first + from].0 = bucket(fnv_finish(h));
            for (n, count, offset) in [(4, fours, threes), (5, fives, threes + fours)] {
                if from >= count {
                    break;
                }
                h = fnv_byte(h, padded[from + n - 1]);
                hashed[first + offset + from].0 = bucket(fnv_finish(h));
            }
        }
    }
    normalise(&mut hashed[char_start..]);
    Features {
        cues,
        hashed,
        words: words.iter().map(|w| w.span).collect(),
        dense: Vec::new(),
    }
}

/// Scales a feature family to unit length so long sentences do not dominate.
fn normalise(family: &mut [(u32, f32, u16)]) {
    if family.is_empty() {
        return;
    }
    let value = 1.0 / (family.len() as f32).sqrt();
    for f in family {
        f.1 = value;
    }
}

fn lexical_cues(sentence: &str, words: &[Word], layer: LayerCues) -> CueSet {
    let mut cues = CueSet::default();
    let mut set_if = |cue: Cue, on: bool| {
        if on {
            cues.set(cue)
        }
    };
    set_if(Cue::LayerQuantity, layer.quantity);
    set_if(Cue::LayerTime, layer.time);
    set_if(Cue::LayerPerson, layer.person);
    set_if(Cue::LayerOrganization, layer.organization);
    set_if(Cue::LayerPlace, layer.place);
    set_if(Cue::LayerRole, layer.role);

    let trimmed = sentence.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, '"' | '\'' | '\u{201D}' | '\u{2019}' | ')')
    });
    set_if(Cue::Question, trimmed.ends_with('?'));
    set_if(Cue::Exclamation, trimmed.ends_with('!'));
    set_if(
        Cue::QuoteMark,
        sentence.contains(['"', '\u{201C}', '\u{201D}']),
    );

    let letters = words
        .iter()
        .filter(|w| (!w.number && w.form.len() > 1) || w.form == "i");
    let count = letters.count();
    set_if(Cue::Short, count <= 4);
    set_if(Cue::Medium, (5..=9).contains(&count));
    set_if(Cue::Long, count >= 25);

    for (k, w) in words.iter().enumerate() {
        let form = w.form.as_str();
        let next = words.get(k + 1).map_or("", |n| n.form.as_str());
        let prev = if k > 0 {
            words[k - 1].form.as_str()
        } else {
            ""
        };
        if w.number {
            let year = form.len() == 4
                && sentence[w.span.start..w.span.end]
                    .parse::<u32>()
                    .is_ok_and(|y| (1900..=2099).contains(&y));
            if year && !matches!(next, "%" | "percent") && !matches!(prev, "$") {
                cues.set(Cue::Year);
            } else {
                cues.set(Cue::Digits);
            }
            continue;
        }
        if w.capitalised && k > 0 && !matches!(prev, "\"" | "?" | "!") && form != "i" {
            cues.set(Cue::ProperNoun);
        }
        if let Some(cue) = word_cue(form) {
            cues.set(cue);
        }
        for &cue in extra_word_cues(form) {
            cues.set(cue);
        }
        match (form, next) {
            ("per", "cent") => cues.set(Cue::Percent),
            ("going", "to") | ("gonna", _) => cues.set(Cue::Future),
            ("due", "to") | ("because", "of") | ("led", "to") | ("result", "of") => {
                cues.set(Cue::Causal)
            }
            ("thank", "you") | ("good", "evening" | "morning" | "night" | "afternoon") => {
                cues.set(Cue::Boilerplate)
            }
            ("let", "me") | ("let's", _) | ("believe", "me") | ("you", "know") => {
                cues.set(Cue::Rhetoric)
            }
            ("more" | "less" | "fewer" | "higher" | "lower" | "greater", "than") => {
                cues.set(Cue::Comparative)
            }
            ("last" | "next" | "this", "year" | "week" | "month" | "decade" | "century") => {
                cues.set(Cue::DateWord)
            }
            _ => {}
        }
        if is_past_tense(form) {
            cues.set(Cue::PastTense);
        }
        if form.len() > 5 && form.ends_with("est") && !NOT_SUPERLATIVE.contains(&form) {
            cues.set(Cue::Superlative);
        }
        if form.len() > 4 && form.ends_with("er") && next == "than" {
            cues.set(Cue::Comparative);
        }
    }
    if is_hyperbolic_conditional(words) {
        cues.set(Cue::Rhetoric);
    }
    if faces_a_penalty(words) {
        cues.set(Cue::Law);
    }
    cues
}

/// "If we were any higher, we'd be North Dakota": an `if` clause with "any"
/// and a comparative, then "would"/"'d" is a joke built on exaggeration,
/// not a conditional anyone could check.
fn is_hyperbolic_conditional(words: &[Word]) -> bool {
    let form = |k: usize| words.get(k).map_or("", |w| w.form.as_str());
    let Some(open) = words.iter().position(|w| w.form == "if") else {
        return false;
    };
    let Some(any) = (open + 1..(open + 6).min(words.len())).find(|&k| form(k) == "any") else {
        return false;
    };
    let comparative =
        |f: &str| matches!(f, "more" | "less" | "worse" | "better") || f.ends_with("er");
    comparative(form(any + 1))
        && (any + 2..(any + 6).min(words.len()))
            .any(|k| form(k) == "would" || form(k).ends_with("'d"))
}

/// "He could face decades in jail", "faces up to 20 years in prison": the
/// penalty a charge carries is set by law, and checkable.
fn faces_a_penalty(words: &[Word]) -> bool {
    let form = |k: usize| words.get(k).map_or("", |w| w.form.as_str());
    words.iter().enumerate().any(|(k, w)| {
        matches!(w.form.as_str(), "face" | "faces" | "facing")
            && (k + 1..(k + 9).min(words.len())).any(|j| {
                matches!(
                    form(j),
                    "jail" | "prison" | "sentence" | "fine" | "fines" | "charges"
                )
            })
    })
}

const NOT_SUPERLATIVE: &[&str] = &[
    "interest",
    "request",
    "protest",
    "suggest",
    "honest",
    "modest",
    "harvest",
    "forest",
    "contest",
    "arrest",
    "invest",
    "digest",
    "manifest",
    "earnest",
    "conquest",
    "interests",
    "midwest",
];

fn is_past_tense(form: &str) -> bool {
    lexicon::is_irregular_past(form, Reader::Cue)
        || (form.len() > 4 && form.ends_with("ed") && !lexicon::is_ed_not_past(form, Reader::Cue))
}

/// Words that state a number without digits.
pub(super) fn is_number_word(form: &str) -> bool {
    matches!(
        form,
        // Not "one": "one of", "no one", "one thing" are rarely figures.
        "two"
            | "three"
            | "four"
            | "five"
            | "six"
            | "seven"
            | "eight"
            | "nine"
            | "ten"
            | "eleven"
            | "twelve"
            | "fifteen"
            | "twenty"
            | "thirty"
            | "forty"
            | "fifty"
            | "sixty"
            | "seventy"
            | "eighty"
            | "ninety"
            | "hundred"
            | "hundreds"
            | "thousand"
            | "thousands"
            | "dozen"
            | "dozens"
            | "half"
            | "twice"
            | "double"
            | "doubled"
            | "triple"
            | "tripled"
            | "quadrupled"
            | "third"
            | "quarter"
            | "majority"
    )
}

/// The main cue of a single word.
fn word_cue(form: &str) -> Option<Cue> {
    Some(match form {
        "%" | "percent" | "percentage" | "percentages" | "percentile" => Cue::Percent,
        "$" | "€" | "£" | "dollar" | "dollars" | "billion" | "billions" | "million"
        | "millions" | "trillion" | "trillions" | "cents" | "budget" | "deficit" | "debt"
        | "salary" | "wages" | "wage" => Cue::Money,
        f if is_number_word(f) => Cue::NumberWord,
        "january" | "february" | "march" | "april" | "june" | "july" | "august" | "september"
        | "october" | "november" | "december" | "monday" | "tuesday" | "wednesday" | "thursday"
        | "friday" | "saturday" | "sunday" | "yesterday" | "ago" | "since" | "decade"
        | "decades" | "weekend" => Cue::DateWord,
        "president" | "senator" | "governor" | "secretary" | "minister" | "mayor"
        | "congressman" | "congresswoman" | "chairman" | "chairwoman" | "director"
        | "spokesman" | "spokeswoman" | "spokesperson" | "official" | "officials"
        | "ambassador" | "envoy" | "administration" | "ceo" | "judge" | "prosecutor"
        | "general" | "commissioner" | "lawmakers" | "adviser" | "advisor" | "sen" | "rep"
        | "gov" => Cue::OfficialTitle,
        f if lexicon::is_reporting_verb(f, Reader::Cue) => Cue::Reporting,
        "more" | "less" | "fewer" | "than" | "higher" | "lower" | "bigger" | "smaller"
        | "larger" | "greater" | "compared" | "versus" | "faster" | "slower" | "cheaper"
        | "better" | "worse" => Cue::Comparative,
        f if lexicon::is_superlative(f, Reader::Cue) => Cue::Superlative,
        "increase" | "increased" | "increases" | "decrease" | "decreased" | "rose" | "risen"
        | "fell" | "fallen" | "grew" | "grown" | "cut" | "cuts" | "raised" | "dropped"
        | "declined" | "lost" | "created" | "gained" | "reduced" => Cue::Change,
        "because" | "caused" | "causes" | "cause" | "therefore" | "consequence" | "resulted"
        | "blame" | "blamed" | "responsible" | "so" => Cue::Causal,
        "will" | "'ll" | "won't" | "shall" | "expect" | "expects" | "expected" | "forecast"
        | "predict" | "predicts" | "predicted" | "projected" | "tomorrow" | "soon" | "future" => {
            Cue::Future
        }
        "law" | "laws" | "bill" | "bills" | "act" | "legislation" | "legal" | "illegal"
        | "illegally" | "constitution" | "unconstitutional" | "regulation" | "regulations"
        | "ban" | "banned" | "mandate" | "required" | "voted" | "vote" | "votes" | "passed"
        | "signed" | "veto" | "vetoed" | "court" | "ruled" | "treaty" | "amendment" => Cue::Law,
        "may" | "might" | "could" | "perhaps" | "maybe" | "possibly" | "probably" | "likely"
        | "seems" | "seem" | "appears" | "reportedly" | "allegedly" | "apparently" | "suggests" => {
            Cue::Hedge
        }
        "think" | "believe" | "feel" | "opinion" | "hope" | "wish" | "should" | "ought"
        | "must" | "want" | "wants" | "need" | "needs" => Cue::OpinionMarker,
        "great" | "good" | "bad" | "terrible" | "wonderful" | "horrible" | "disaster"
        | "amazing" | "beautiful" | "stupid" | "ridiculous" | "fantastic" | "tremendous"
        | "wrong" | "important" | "proud" | "sad" | "incredible" | "outrageous" | "nice"
        | "love" | "hate" | "shame" | "disgrace" | "failed" | "weak" | "strong" | "interesting"
        | "bold" | "surprising" | "shocking" | "disappointing" | "excellent" | "brilliant"
        | "smart" | "foolish" | "dangerous" | "unconventional" | "impressive" => Cue::Evaluative,
        "i" | "me" | "my" | "mine" | "i'm" | "i've" | "i'd" | "myself" => Cue::FirstSingular,
        "we" | "us" | "our" | "ours" | "we're" | "we've" | "ourselves" => Cue::FirstPlural,
        "you" | "your" | "yours" | "you're" | "you've" => Cue::SecondPerson,
        "thank" | "thanks" | "welcome" | "applause" | "laughter" | "crosstalk" | "ladies"
        | "gentlemen" | "okay" | "ok" | "hello" | "folks" | "goodnight" | "congratulations"
        | "subscribe" | "newsletter" | "cookies" | "copyright" | "advertisement" => {
            Cue::Boilerplate
        }
        "not" | "never" | "no" | "nobody" | "nothing" | "don't" | "didn't" | "doesn't"
        | "isn't" | "wasn't" | "aren't" | "can't" => Cue::Negation,
        "every" | "all" | "always" | "none" | "everybody" | "everyone" | "nobody's" | "entire"
        | "whole" => Cue::Universal,
        "look" | "frankly" | "honestly" | "wow" | "oh" | "well" => Cue::Rhetoric,
        "tax" | "taxes" | "jobs" | "unemployment" | "economy" | "crime" | "health"
        | "healthcare" | "insurance" | "medicare" | "medicaid" | "deficits" | "income"
        | "immigrants" | "immigration" | "border" | "military" | "troops" | "nuclear" | "oil"
        | "energy" | "spending" | "poverty" | "inflation" | "trade" | "murders" | "deaths"
        | "killed" | "schools" | "students" | "economic" | "drug" | "drugs" | "meth"
        | "methamphetamine" | "opioid" | "opioids" | "fentanyl" | "overdose" | "overdoses"
        | "convicted" | "prison" | "jail" => Cue::PolicyTopic,
        _ => return None,
    })
}

/// Words that carry more cues besides their main one.
fn extra_word_cues(form: &str) -> &'static [Cue] {
    match form {
        "doubled" | "tripled" => &[Cue::Change, Cue::PastTense],
        "added" => &[Cue::Change, Cue::PastTense],
        "lost" | "rose" | "fell" | "grew" => &[Cue::PastTense],
        "never" | "nobody" => &[Cue::Universal],
        "taxes" | "budget" | "deficit" | "debt" | "wages" => &[Cue::PolicyTopic],
        "won't" => &[Cue::Negation],
        _ => &[],
    }
}

#[cfg(test)]
mod tests;
