//! Stage 4: quotes, speakers, and how each claim is sourced.
//!
//! First version: quotation-mark pairing, "said X" / "X said" speakers with
//! pronoun carry-over, and phrase lists for anonymous and vague sourcing.

use crate::segment::entities::EntityKind;
use crate::segment::tokens::normalize_char;
use crate::segment::TextLayer;
use crate::spans::ByteSpan;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourcingKind {
    Named,
    Anonymous,
    Vague,
    Unattributed,
    Outlet,
}

#[derive(Debug, Clone, PartialEq)]
pub struct QuoteAttribution {
    /// The quoted words, without the quotation marks.
    pub span: ByteSpan,
    pub speaker: Option<String>,
    pub speaker_candidates: Vec<String>,
    pub cue: Option<ByteSpan>,
    pub direct: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Sourcing {
    pub kind: SourcingKind,
    pub speaker: Option<String>,
    pub cue: Option<ByteSpan>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Attribution {
    pub quotes: Vec<QuoteAttribution>,
    /// One per sentence of the text layer, in order.
    pub sourcing: Vec<Sourcing>,
}

const SPEECH_VERBS: &[&str] = &[
    "said", "says", "told", "added", "stated", "noted", "stressed", "called", "wrote", "argued",
    "asked",
];
const ANONYMOUS: &[&str] = &[
    "on condition of anonymity",
    "who spoke on condition",
    "a western diplomat",
    "a senior official",
    "a person familiar",
    "people familiar",
    "sources said",
    "a source",
    "officials who",
    "who declined to be named",
    "not authorized to speak",
];
const VAGUE: &[&str] = &[
    "some inside",
    "some officials",
    "many officials",
    "critics say",
    "critics said",
    "some democrats",
    "some republicans",
    "some say",
    "many believe",
    "it is widely",
    "observers",
    "some experts",
    "some officials in",
];

pub fn attribute(text: &str, layer: &TextLayer) -> Attribution {
    let quotes = find_quotes(text, layer);
    let sourcing = layer
        .sentences
        .iter()
        .map(|&s| sourcing_of(text, s, layer, &quotes))
        .collect();
    Attribution { quotes, sourcing }
}

/// Pairs opening and closing quotation marks within a paragraph-free stretch.
fn find_quotes(text: &str, layer: &TextLayer) -> Vec<QuoteAttribution> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    for (i, c) in text.char_indices() {
        match c {
            '“' => open = Some(i + c.len_utf8()),
            '”' => {
                if let Some(start) = open.take() {
                    out.push(ByteSpan::new(start, i));
                }
            }
            '"' => match open.take() {
                Some(start) => out.push(ByteSpan::new(start, i)),
                None => open = Some(i + 1),
            },
            '\n' => open = None,
            _ => {}
        }
    }
    let mut last_speaker: Option<String> = None;
    out.into_iter()
        // Short title-like quotes ("60 Minutes") are not speech.
        .filter(|q| q.of(text).split_whitespace().count() >= 3)
        .map(|span| {
            let (speaker, cue) = speaker_near(text, span, layer);
            let speaker = match speaker {
                Some(Speaker::Name(n)) => {
                    last_speaker = Some(n.clone());
                    Some(n)
                }
                Some(Speaker::Pronoun) => last_speaker.clone(),
                None => None,
            };
            QuoteAttribution {
                span,
                speaker,
                speaker_candidates: Vec::new(),
                cue,
                direct: true,
            }
        })
        .collect()
}

enum Speaker {
    Name(String),
    Pronoun,
}

/// Looks just after (`," said X`) and just before (`X said, "`) a quote.
fn speaker_near(
    text: &str,
    quote: ByteSpan,
    layer: &TextLayer,
) -> (Option<Speaker>, Option<ByteSpan>) {
    let sentence = layer
        .sentences
        .iter()
        .find(|s| s.start <= quote.start && quote.start < s.end.max(quote.start + 1))
        .copied()
        .unwrap_or(ByteSpan::new(quote.start, quote.end));
    let after = ByteSpan::new(
        (quote.end + 3).min(sentence.end.max(quote.end)),
        sentence.end.max(quote.end),
    );
    let before = ByteSpan::new(
        sentence.start,
        quote.start.saturating_sub(1).max(sentence.start),
    );
    for window in [after, before] {
        if window.is_empty() {
            continue;
        }
        let tokens: Vec<_> = layer
            .tokens
            .iter()
            .filter(|t| window.contains(t.span))
            .collect();
        for (k, t) in tokens.iter().enumerate() {
            let w = t.text(text).to_lowercase();
            if !SPEECH_VERBS.contains(&w.as_str()) {
                continue;
            }
            let near = |j: usize| tokens.get(j).map(|t| t.text(text).to_lowercase());
            // Pronoun on either side of the verb.
            for j in [k.wrapping_sub(1), k + 1] {
                if matches!(near(j).as_deref(), Some("he" | "she" | "they")) {
                    return (Some(Speaker::Pronoun), Some(t.span));
                }
            }
            // The person entity mentioned nearest the verb in this window.
            let person = layer
                .entities
                .iter()
                .filter(|e| e.kind == EntityKind::Person)
                .flat_map(|e| e.mentions.iter().map(move |m| (e, m.span)))
                .filter(|(_, m)| window.contains(*m))
                .min_by_key(|(_, m)| m.start.abs_diff(t.span.start));
            if let Some((e, _)) = person {
                return (Some(Speaker::Name(e.name.clone())), Some(t.span));
            }
        }
    }
    (None, None)
}

fn sourcing_of(
    text: &str,
    sentence: ByteSpan,
    layer: &TextLayer,
    quotes: &[QuoteAttribution],
) -> Sourcing {
    let lower = normalized_lower(sentence.of(text));
    for (list, kind) in [
        (ANONYMOUS, SourcingKind::Anonymous),
        (VAGUE, SourcingKind::Vague),
    ] {
        if let Some((phrase, at)) = list.iter().find_map(|p| lower.find(p).map(|at| (p, at))) {
            // `lower` is byte-aligned with the sentence: normalisation maps
            // each char to one of the same byte length (see normalized_lower).
            let cue = ByteSpan::new(sentence.start + at, sentence.start + at + phrase.len());
            return Sourcing {
                kind,
                speaker: None,
                cue: Some(cue),
            };
        }
    }
    if let Some(q) = quotes
        .iter()
        .find(|q| sentence.overlaps(q.span) && q.speaker.is_some())
    {
        return Sourcing {
            kind: SourcingKind::Named,
            speaker: q.speaker.clone(),
            cue: q.cue,
        };
    }
    if let Some(at) = lower.find("according to ") {
        let after = ByteSpan::new(sentence.start + at, sentence.end);
        let person = layer
            .entities
            .iter()
            .find(|e| e.mentions.iter().any(|m| after.contains(m.span)));
        if let Some(e) = person {
            return Sourcing {
                kind: SourcingKind::Named,
                speaker: Some(e.name.clone()),
                cue: Some(ByteSpan::new(
                    after.start,
                    after.start + "according to".len(),
                )),
            };
        }
    }
    Sourcing {
        kind: SourcingKind::Unattributed,
        speaker: None,
        cue: None,
    }
}

/// Lower-cases ASCII and maps curly apostrophes to themselves (same byte
/// length), so byte offsets in the result equal offsets in the input.
fn normalized_lower(s: &str) -> String {
    s.chars()
        .map(|c| {
            let n = normalize_char(c);
            if n.len_utf8() == c.len_utf8() {
                n.to_ascii_lowercase()
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect()
}
