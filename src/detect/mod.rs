//! Stage 3: which sentences are claims worth checking, of what kind, and why.
//!
//! A logistic regression over explainable cues, hashed n-grams and the
//! sentence encoder's vector ([`features`], [`model`], [`crate::encode`]),
//! trained in this repo (`claimlens train checkworthiness`) and shipped as
//! `assets/checkworthiness.model`. Its score is a calibrated probability;
//! claim kinds come from transparent rules ([`kinds`]); the signals shown to
//! the reader are the model's own largest contributions, in plain words.
//!
//! Without the encoder (the extension has not loaded it yet, or it is not
//! the one the model was trained with) the same model scores from its
//! explainable and n-gram features alone, with its own out-of-fold
//! calibration and threshold: the documented fallback.
//!
//! Model provenance: trained on `ct24_train.tsv` of CLEF CheckThat! 2024
//! Task 1 (English; US presidential debate sentences, ClaimBuster crowd
//! labels) and the CheckThat! 2019 training debates, both "free for general
//! research use"; `ct24_dev.tsv` is never used. Reproduce it with
//! `claimlens train checkworthiness --data ../shared/data --out
//! assets/checkworthiness.model` (seed 2024; byte-identical output).

#[cfg(not(target_arch = "wasm32"))]
pub mod dataset;
pub mod features;
mod kinds;
mod lexicon;
pub mod model;
#[cfg(not(target_arch = "wasm32"))]
pub mod train;

use std::borrow::Cow;
use std::sync::OnceLock;

use crate::encode::Encoder;
use crate::segment::TextLayer;
use crate::spans::ByteSpan;
use features::{Cue, CueSet, Features, LayerCues, LayerIndex};
use model::{Model, ModelError};

/// Serialized (the analysis contract) as its `as_str` name.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum ClaimKind {
    Quantity,
    Comparison,
    Event,
    Causal,
    Quote,
    Prediction,
    Rule,
    Experience,
    /// A statement of fact that fits none of the kinds above.
    Other,
    Opinion,
    Question,
    Rhetoric,
    Boilerplate,
}

impl ClaimKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ClaimKind::Quantity => "quantity",
            ClaimKind::Comparison => "comparison",
            ClaimKind::Event => "event",
            ClaimKind::Causal => "causal",
            ClaimKind::Quote => "quote",
            ClaimKind::Prediction => "prediction",
            ClaimKind::Rule => "rule",
            ClaimKind::Experience => "experience",
            ClaimKind::Other => "other",
            ClaimKind::Opinion => "opinion",
            ClaimKind::Question => "question",
            ClaimKind::Rhetoric => "rhetoric",
            ClaimKind::Boilerplate => "boilerplate",
        }
    }

    /// Whether the kind states something checkable. Non-claims (opinion,
    /// question, rhetoric, boilerplate) are never check-worthy.
    pub fn is_claim(self) -> bool {
        !matches!(
            self,
            ClaimKind::Opinion | ClaimKind::Question | ClaimKind::Rhetoric | ClaimKind::Boilerplate
        )
    }
}

fn has_time(cues: CueSet) -> bool {
    cues.has(Cue::Year) || cues.has(Cue::DateWord) || cues.has(Cue::LayerTime)
}

/// A reason behind a score, shown to the reader (worded in English by
/// `src/english.rs`, and by the extension through `_locales`).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Signal {
    Figure,
    DatedEvent,
    Date,
    Official,
    NamedPerson,
    ReportingVerb,
    DirectQuote,
    Comparative,
    Change,
    Causal,
    Prediction,
    Rule,
    PastEvent,
    PolicyTopic,
    Hedge,
    Opinion,
    FirstPerson,
    Audience,
    Question,
    Rhetoric,
    Boilerplate,
    Negation,
    Generalisation,
    Short,
    ClaimWording,
    ChatWording,
    ClaimMeaning,
    ChatMeaning,
}

impl Signal {
    fn of_cue(cue: Cue, cues: CueSet) -> Option<Signal> {
        Some(match cue {
            // Digits the text layer read as no figure ("JDK 25", "Python
            // 3.14", a date's day) are no figure to the reader either.
            Cue::Digits if !cues.has(Cue::LayerQuantity) => return None,
            Cue::Digits | Cue::Percent | Cue::Money | Cue::NumberWord | Cue::LayerQuantity => {
                Signal::Figure
            }
            Cue::Year | Cue::DateWord | Cue::LayerTime | Cue::PastTense
                if cues.has(Cue::PastTense) && has_time(cues) =>
            {
                Signal::DatedEvent
            }
            Cue::Year | Cue::DateWord | Cue::LayerTime => Signal::Date,
            Cue::LayerRole | Cue::OfficialTitle => Signal::Official,
            Cue::LayerPerson | Cue::LayerOrganization | Cue::LayerPlace | Cue::ProperNoun => {
                Signal::NamedPerson
            }
            Cue::Reporting => Signal::ReportingVerb,
            Cue::QuoteMark => Signal::DirectQuote,
            Cue::Comparative | Cue::Superlative => Signal::Comparative,
            Cue::Change => Signal::Change,
            Cue::Causal => Signal::Causal,
            Cue::Future => Signal::Prediction,
            Cue::Law => Signal::Rule,
            Cue::PastTense => Signal::PastEvent,
            Cue::PolicyTopic => Signal::PolicyTopic,
            Cue::Hedge => Signal::Hedge,
            Cue::OpinionMarker | Cue::Evaluative => Signal::Opinion,
            Cue::FirstSingular => Signal::FirstPerson,
            Cue::FirstPlural | Cue::SecondPerson => Signal::Audience,
            Cue::Question => Signal::Question,
            Cue::Exclamation | Cue::Rhetoric => Signal::Rhetoric,
            Cue::Boilerplate => Signal::Boilerplate,
            Cue::Negation => Signal::Negation,
            Cue::Universal => Signal::Generalisation,
            Cue::Short => Signal::Short,
            // Length is a real contribution but no reason a reader can use.
            Cue::Long | Cue::Medium => return None,
        })
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Detection {
    pub span: ByteSpan,
    /// Calibrated probability that the sentence is worth checking.
    pub score: f32,
    pub checkworthy: bool,
    /// Factual kinds first; a non-claim has exactly one non-claim kind.
    pub kinds: Vec<ClaimKind>,
    /// Strongest first, in the direction of the decision.
    pub signals: Vec<Signal>,
    /// The words whose n-grams pushed the score up most (check-worthy only).
    pub key_terms: Vec<ByteSpan>,
}

/// The calibrated default threshold: the one stored in the shipped model,
/// chosen by cross-validation on the training data for positive-class F1
/// (a unit test keeps the two equal).
pub const DEFAULT_THRESHOLD: f32 = 0.3208;

/// Native builds carry the shipped model inside the binary. The WASM build
/// does not: the model (about 50 KB gzipped) is a file beside the module,
/// loaded like the encoder and the packs ([`install_model`]), which keeps the
/// module inside its size budget.
#[cfg(not(target_arch = "wasm32"))]
static EMBEDDED_MODEL: &[u8] = include_bytes!("../../assets/checkworthiness.model");

/// The shipped model file's bytes (for benchmarks and size reports).
#[cfg(not(target_arch = "wasm32"))]
pub fn embedded_model_bytes() -> &'static [u8] {
    EMBEDDED_MODEL
}

/// The shipped model, parsed once.
#[cfg(not(target_arch = "wasm32"))]
pub fn default_model() -> Result<&'static Model, ModelError> {
    static MODEL: OnceLock<Result<Model, ModelError>> = OnceLock::new();
    MODEL
        .get_or_init(|| Model::from_bytes(EMBEDDED_MODEL))
        .as_ref()
        .map_err(Clone::clone)
}

#[cfg(target_arch = "wasm32")]
static INSTALLED_MODEL: OnceLock<Model> = OnceLock::new();

/// The model [`install_model`] loaded; [`ModelError::NotLoaded`] before.
#[cfg(target_arch = "wasm32")]
pub fn default_model() -> Result<&'static Model, ModelError> {
    INSTALLED_MODEL.get().ok_or(ModelError::NotLoaded)
}

/// Loads the shipped model's bytes (WASM). The first model loaded stays:
/// there is one shipped model per build, and a second call is a no-op.
#[cfg(target_arch = "wasm32")]
pub fn install_model(bytes: &[u8]) -> Result<&'static Model, ModelError> {
    if let Some(model) = INSTALLED_MODEL.get() {
        return Ok(model);
    }
    let model = Model::from_bytes(bytes)?;
    Ok(INSTALLED_MODEL.get_or_init(|| model))
}

/// Strips the CSV escaping some datasets wrap sentences in (`\"text\"`), so
/// the model never learns, or is fooled by, an artefact of the file format.
pub fn clean_line(line: &str) -> Cow<'_, str> {
    let t = line.trim();
    let inner = t
        .strip_prefix("\\\"")
        .and_then(|s| s.strip_suffix("\\\""))
        .unwrap_or(t);
    if inner.contains("\\\"") {
        Cow::Owned(inner.replace("\\\"", "\""))
    } else {
        Cow::Borrowed(inner)
    }
}

/// Scores every sentence of the text layer with the shipped model, at
/// `threshold` or the model's own default for how it scores (with or
/// without the encoder).
pub fn detect(
    text: &str,
    layer: &TextLayer,
    threshold: Option<f32>,
    encoder: Option<&Encoder>,
) -> Vec<Detection> {
    detect_prose(text, layer, threshold, encoder, &[])
}

/// [`detect`], leaving out the sentences in `non_prose` spans (see
/// [`detect_in_prose`]).
pub fn detect_prose(
    text: &str,
    layer: &TextLayer,
    threshold: Option<f32>,
    encoder: Option<&Encoder>,
    non_prose: &[ByteSpan],
) -> Vec<Detection> {
    match default_model() {
        Ok(model) => detect_in_prose(model, text, layer, threshold, encoder, non_prose),
        // Unreachable while the embedded-model test passes; if it ever is
        // reached, claim nothing rather than guess.
        Err(_) => Vec::new(),
    }
}

pub fn detect_with(
    model: &Model,
    text: &str,
    layer: &TextLayer,
    threshold: Option<f32>,
    encoder: Option<&Encoder>,
) -> Vec<Detection> {
    detect_in_prose(model, text, layer, threshold, encoder, &[])
}

/// [`detect_with`], leaving out every sentence that overlaps one of the
/// `non_prose` spans (captions, table cells, credits: see
/// [`crate::extract::BlockKind`]). They stay in the text as context, but a
/// claim is only ever made from the article's prose.
pub fn detect_in_prose(
    model: &Model,
    text: &str,
    layer: &TextLayer,
    threshold: Option<f32>,
    encoder: Option<&Encoder>,
    non_prose: &[ByteSpan],
) -> Vec<Detection> {
    let index = LayerIndex::new(layer);
    let encoder = usable_encoder(model, encoder);
    layer
        .sentences
        .iter()
        .filter(|s| text.get(s.start..s.end).is_some())
        .filter(|s| !non_prose.iter().any(|b| b.overlaps(**s)))
        .map(|&s| assess(model, text, s, index.cues(s), threshold, encoder))
        .collect()
}

/// `encoder` if it is the one `model` was trained with, else none: another
/// encoder's vectors would be noise to the model's weights.
pub fn usable_encoder<'a>(model: &Model, encoder: Option<&'a Encoder>) -> Option<&'a Encoder> {
    encoder.filter(|e| model.dense_dims() == e.dims() && model.encoder_checksum() == e.checksum())
}

/// The text-layer cues of a stand-alone sentence (a line of `claimlens
/// score`, a training example): the same recognisers the pipeline runs.
pub fn standalone_layer_cues(sentence: &str) -> LayerCues {
    let whole = ByteSpan::new(0, sentence.len());
    let layer = crate::segment::analyse(sentence, &[whole], None);
    LayerIndex::new(&layer).cues(whole)
}

/// The features of a stand-alone sentence, exactly as training sees them.
pub fn standalone_features(sentence: &str, hash_bits: u8, encoder: Option<&Encoder>) -> Features {
    let mut f = features::extract(sentence, standalone_layer_cues(sentence), hash_bits);
    if let Some(encoder) = encoder {
        f.dense = encoder.encode(sentence);
    }
    f
}

/// Scores one stand-alone sentence (`claimlens score`).
pub fn assess_sentence(
    model: &Model,
    sentence: &str,
    threshold: Option<f32>,
    encoder: Option<&Encoder>,
) -> Detection {
    let cues = standalone_layer_cues(sentence);
    assess(
        model,
        sentence,
        ByteSpan::new(0, sentence.len()),
        cues,
        threshold,
        usable_encoder(model, encoder),
    )
}

fn assess(
    model: &Model,
    text: &str,
    span: ByteSpan,
    layer: LayerCues,
    threshold: Option<f32>,
    encoder: Option<&Encoder>,
) -> Detection {
    let sentence = span.of(text);
    let words = features::words(sentence);
    let mut f = features::extract_words(sentence, &words, layer, model.hash_bits());
    if let Some(encoder) = encoder {
        f.dense = encoder.encode(sentence);
    }
    let contributions = model.contributions(&f);
    let (calibration, default_threshold) = model.decision(&f);
    let threshold = threshold.unwrap_or(default_threshold);
    let score = calibration.probability(contributions.margin);
    let kinds = kinds::classify(sentence, &words, f.cues);
    let claim = kinds.iter().any(|k| k.is_claim());
    let checkworthy = claim && score >= threshold;
    let (signals, key_terms) = explain(&contributions, sentence, &f, &kinds, checkworthy);
    Detection {
        span,
        score,
        checkworthy,
        kinds,
        signals,
        key_terms: key_terms
            .into_iter()
            .map(|w| ByteSpan::new(span.start + w.start, span.start + w.end))
            .collect(),
    }
}

/// Whether a word means something on its own to a reader (a key term):
/// figures and symbols do, function words ("into", "his") do not.
fn is_content_word(word: &str) -> bool {
    const FUNCTION_WORDS: &[&str] = &[
        "about", "after", "also", "been", "before", "from", "given", "have", "into", "many",
        "more", "most", "much", "must", "over", "several", "some", "such", "that", "their", "them",
        "then", "there", "these", "they", "this", "those", "very", "were", "what", "when", "where",
        "which", "while", "with", "would", "your",
    ];
    let lower = word.to_lowercase();
    let first = word.chars().next();
    first.is_some_and(|c| !c.is_alphabetic())
        || (lower.chars().count() >= 4 && !FUNCTION_WORDS.contains(&lower.as_str()))
}

/// Contributions smaller than this (in log-odds) are not worth telling.
const MIN_SIGNAL: f32 = 0.1;
const MAX_SIGNALS: usize = 4;
const MAX_KEY_TERMS: usize = 3;

/// The model's contributions, grouped into plain-language signals, in the
/// direction of the decision: why it was flagged, or why it was not.
fn explain(
    contributions: &model::Contributions,
    sentence: &str,
    f: &Features,
    kinds: &[ClaimKind],
    checkworthy: bool,
) -> (Vec<Signal>, Vec<ByteSpan>) {
    let mut groups: Vec<(Signal, f32)> = Vec::new();
    let mut add = |signal: Signal, amount: f32| match groups.iter_mut().find(|g| g.0 == signal) {
        Some(g) => g.1 += amount,
        None => groups.push((signal, amount)),
    };
    for &(cue, weight) in &contributions.cues {
        if let Some(signal) = Signal::of_cue(cue, f.cues) {
            add(signal, weight);
        }
    }
    let wording: f32 = contributions.words.iter().sum();
    add(
        if wording >= 0.0 {
            Signal::ClaimWording
        } else {
            Signal::ChatWording
        },
        wording,
    );
    let meaning = contributions.meaning;
    if meaning != 0.0 {
        add(
            if meaning >= 0.0 {
                Signal::ClaimMeaning
            } else {
                Signal::ChatMeaning
            },
            meaning,
        );
    }
    let direction = if checkworthy { 1.0 } else { -1.0 };
    groups.retain(|g| g.1 * direction >= MIN_SIGNAL);
    crate::sort::sort_by(&mut groups, |a, b| {
        (b.1 * direction)
            .total_cmp(&(a.1 * direction))
            .then(a.0.cmp(&b.0))
    });
    let mut signals: Vec<Signal> = Vec::new();
    // A non-claim's kind is the first reason it is not flagged.
    if !checkworthy {
        let gate = kinds.iter().find_map(|k| match k {
            ClaimKind::Question => Some(Signal::Question),
            ClaimKind::Boilerplate => Some(Signal::Boilerplate),
            ClaimKind::Opinion => Some(Signal::Opinion),
            ClaimKind::Rhetoric => Some(Signal::Rhetoric),
            _ => None,
        });
        signals.extend(gate);
    }
    for (signal, _) in groups {
        if signals.len() >= MAX_SIGNALS {
            break;
        }
        if !signals.contains(&signal) {
            signals.push(signal);
        }
    }
    let mut key_terms = Vec::new();
    if checkworthy {
        let mut ranked: Vec<(usize, f32)> = contributions
            .words
            .iter()
            .copied()
            .enumerate()
            .filter(|(_, c)| *c >= MIN_SIGNAL)
            .filter(|(k, _)| {
                f.words
                    .get(*k)
                    .is_some_and(|w| is_content_word(w.of(sentence)))
            })
            .collect();
        crate::sort::sort_by(&mut ranked, |a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        key_terms = ranked
            .iter()
            .take(MAX_KEY_TERMS)
            .filter_map(|(k, _)| f.words.get(*k).copied())
            .collect();
        crate::sort::sort(&mut key_terms);
    }
    (signals, key_terms)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_model_loads_and_matches_the_default_threshold() {
        let model = default_model().expect("assets/checkworthiness.model must load");
        assert!(
            (model.threshold - DEFAULT_THRESHOLD).abs() < 1e-4,
            "DEFAULT_THRESHOLD {DEFAULT_THRESHOLD} differs from the model's {}",
            model.threshold
        );
    }

    #[test]
    fn clean_line_strips_csv_escaping_only() {
        assert_eq!(clean_line("\\\"Hi,\\\" he said.\\\""), "Hi,\" he said.");
        assert_eq!(clean_line("  Plain text.  "), "Plain text.");
        assert_eq!(clean_line("\"Real quote.\""), "\"Real quote.\"");
        assert_eq!(clean_line("\\\""), "\"");
        assert_eq!(clean_line(""), "");
    }

    #[test]
    fn signals_explain_the_decision_in_its_direction() {
        let model = default_model().unwrap();
        // (sentence, check-worthy, signals that must be listed, signals that must not)
        let table: &[(&str, bool, &[Signal], &[Signal])] = &[
            (
                "Unemployment fell from 10 percent in 2009 to 4.7 percent in 2016.",
                true,
                &[Signal::Figure, Signal::DatedEvent],
                &[Signal::PastEvent, Signal::Question, Signal::Opinion],
            ),
            (
                "The Senate voted 52 to 48 on Tuesday to repeal the law.",
                true,
                &[Signal::Figure],
                &[Signal::Hedge],
            ),
            (
                "I think we need to be much more careful.",
                false,
                &[Signal::Opinion],
                &[Signal::Figure, Signal::ClaimWording],
            ),
            (
                "What is your plan for the economy?",
                false,
                &[Signal::Question],
                &[Signal::ClaimWording],
            ),
        ];
        for (sentence, flagged, present, absent) in table {
            let d = assess_sentence(model, sentence, None, crate::encode::builtin().as_deref());
            assert_eq!(d.checkworthy, *flagged, "{sentence:?} scored {}", d.score);
            assert!(!d.signals.is_empty() && d.signals.len() <= MAX_SIGNALS);
            for s in *present {
                assert!(
                    d.signals.contains(s),
                    "{sentence:?}: {:?} lacks {s:?}",
                    d.signals
                );
            }
            for s in *absent {
                assert!(
                    !d.signals.contains(s),
                    "{sentence:?}: {:?} has {s:?}",
                    d.signals
                );
            }
            if !flagged {
                assert!(d.key_terms.is_empty());
            }
            for t in &d.key_terms {
                let word = t.of(sentence);
                assert!(!word.is_empty() && word.chars().all(|c| !c.is_whitespace()));
            }
        }
    }

    #[test]
    fn detect_scores_every_sentence_of_the_layer_with_offsets_in_the_text() {
        let text = "Intro words here.\n\nThe plant closed in 2019, and 1,200 jobs were lost. Is that fair?";
        let paragraphs = [ByteSpan::new(0, 17), ByteSpan::new(19, text.len())];
        let layer = crate::segment::analyse(text, &paragraphs, None);
        let detections = detect(text, &layer, None, crate::encode::builtin().as_deref());
        assert_eq!(detections.len(), layer.sentences.len());
        let jobs = detections
            .iter()
            .find(|d| d.span.of(text).contains("1,200 jobs"))
            .unwrap();
        assert!(jobs.checkworthy && jobs.kinds.contains(&ClaimKind::Quantity));
        for t in &jobs.key_terms {
            assert!(jobs.span.contains(*t));
        }
        let question = detections
            .iter()
            .find(|d| d.span.of(text).contains("fair"))
            .unwrap();
        assert_eq!(question.kinds, vec![ClaimKind::Question]);
        assert!(!question.checkworthy);
    }
}
