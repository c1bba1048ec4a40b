//! Stage 3: which sentences are claims worth checking, and of what kind.
//!
//! First version: a transparent rule score over text-layer signals. The
//! trained model (issue 5) replaces [`score_sentence`] behind the same types.

use crate::segment::TextLayer;
use crate::spans::ByteSpan;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ClaimKind {
    Quantity,
    Comparison,
    Event,
    Causal,
    Quote,
    Prediction,
    Rule,
    Experience,
    Opinion,
    Question,
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
            ClaimKind::Opinion => "opinion",
            ClaimKind::Question => "question",
        }
    }
}

/// A reason behind a score, shown to the reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Signal {
    Figure,
    Date,
    ReportingVerb,
    DirectQuote,
    NamedPerson,
    Comparative,
    Hedge,
    Question,
}

impl Signal {
    pub fn describe(self) -> &'static str {
        match self {
            Signal::Figure => "contains a figure",
            Signal::Date => "reports an event with a date",
            Signal::ReportingVerb => "reports what someone said",
            Signal::DirectQuote => "quotes someone directly",
            Signal::NamedPerson => "names a person or organisation",
            Signal::Comparative => "makes a comparison",
            Signal::Hedge => "is hedged or speculative",
            Signal::Question => "is a question",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Detection {
    pub span: ByteSpan,
    pub score: f32,
    pub checkworthy: bool,
    pub kinds: Vec<ClaimKind>,
    /// Strongest first.
    pub signals: Vec<Signal>,
}

pub const DEFAULT_THRESHOLD: f32 = 0.5;

const REPORTING_VERBS: &[&str] = &[
    "said",
    "says",
    "told",
    "stated",
    "noted",
    "added",
    "stressed",
    "announced",
    "reported",
    "according",
    "claimed",
    "argued",
    "warned",
    "confirmed",
    "denied",
    "called",
];
const COMPARATIVES: &[&str] = &[
    "more", "less", "most", "least", "largest", "biggest", "highest", "lowest", "than",
];
const HEDGES: &[&str] = &["may", "might", "could", "perhaps", "possibly", "reportedly"];
const PREDICTION: &[&str] = &[
    "will", "would", "expects", "expected", "forecast", "predicts",
];
const CAUSAL: &[&str] = &["because", "caused", "led", "due", "result", "thanks"];

pub fn detect(text: &str, layer: &TextLayer, threshold: f32) -> Vec<Detection> {
    layer
        .sentences
        .iter()
        .map(|&s| score_sentence(text, s, layer, threshold))
        .collect()
}

pub fn score_sentence(text: &str, span: ByteSpan, layer: &TextLayer, threshold: f32) -> Detection {
    let words: Vec<String> = layer
        .tokens
        .iter()
        .filter(|t| span.contains(t.span))
        .map(|t| t.text(text).to_lowercase())
        .collect();
    let has = |list: &[&str]| words.iter().any(|w| list.contains(&w.as_str()));
    let sentence = span.of(text);
    let mut signals = Vec::new();
    let mut kinds = Vec::new();
    let figure = layer.quantities.iter().any(|q| span.contains(q.span));
    let date = layer.times.iter().any(|t| span.contains(t.span));
    let named = layer
        .entities
        .iter()
        .any(|e| e.mentions.iter().any(|m| span.contains(m.span)));
    let quote = sentence.contains(['“', '"']);
    let question = sentence.trim_end().ends_with('?');
    let mut z = -1.2f32;
    if figure {
        z += 1.6;
        signals.push(Signal::Figure);
        kinds.push(ClaimKind::Quantity);
    }
    if date {
        z += 1.0;
        signals.push(Signal::Date);
        kinds.push(ClaimKind::Event);
    }
    if has(REPORTING_VERBS) {
        z += 0.7;
        signals.push(Signal::ReportingVerb);
        kinds.push(ClaimKind::Quote);
    }
    if quote {
        z += 0.4;
        signals.push(Signal::DirectQuote);
        if !kinds.contains(&ClaimKind::Quote) {
            kinds.push(ClaimKind::Quote);
        }
    }
    if named {
        z += 0.5;
        signals.push(Signal::NamedPerson);
    }
    if has(COMPARATIVES) {
        z += 0.3;
        signals.push(Signal::Comparative);
        kinds.push(ClaimKind::Comparison);
    }
    if has(PREDICTION) {
        kinds.push(ClaimKind::Prediction);
    }
    if has(CAUSAL) {
        kinds.push(ClaimKind::Causal);
    }
    if has(HEDGES) {
        z -= 0.3;
        signals.push(Signal::Hedge);
    }
    if question {
        z -= 2.0;
        signals.push(Signal::Question);
        kinds = vec![ClaimKind::Question];
    }
    if kinds.is_empty() {
        kinds.push(ClaimKind::Opinion);
    }
    let score = 1.0 / (1.0 + (-z).exp());
    kinds.sort();
    kinds.dedup();
    let claim_kind = !kinds
        .iter()
        .all(|k| matches!(k, ClaimKind::Opinion | ClaimKind::Question));
    Detection {
        span,
        score,
        checkworthy: claim_kind && score >= threshold,
        kinds,
        signals,
    }
}
