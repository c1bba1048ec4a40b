//! Why an attribution is ambiguous, or how it was decided, as codes and the
//! names they need (the contract re-exports these types; `src/english.rs`
//! and the extension's `_locales` word them).

use serde::{Deserialize, Serialize};

/// Why the speaker is uncertain, or how a choice between people was made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttributionNote {
    pub code: AttributionCode,
    /// The words that point at the speaker: the pronoun
    /// (`unlinked_pronoun`), the reference (`ambiguous_reference`) or the
    /// shared surname (`shared_surname_chosen`, `shared_surname_undecided`).
    #[serde(default)]
    pub word: Option<String>,
    /// Everyone the speaker could be, with the role or descriptor the
    /// article gives each (null when it gives none).
    #[serde(default)]
    pub candidates: Vec<AttributionCandidate>,
    /// `shared_surname_chosen`: the person taken.
    #[serde(default)]
    pub chosen: Option<String>,
    /// `shared_surname_chosen`: what decided it, strongest first.
    #[serde(default)]
    pub basis: Vec<AttributionBasis>,
}

impl AttributionNote {
    pub fn of(code: AttributionCode) -> Self {
        AttributionNote {
            code,
            word: None,
            candidates: Vec::new(),
            chosen: None,
            basis: Vec::new(),
        }
    }
}

/// What an attribution note says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AttributionCode {
    /// "I" or "we": the writer speaks, for the publication.
    FirstPerson,
    /// A pronoun (`word`) that no named person nearby fits.
    UnlinkedPronoun,
    /// A reference (`word`) that fits several people (`candidates`).
    AmbiguousReference,
    /// People (`candidates`) share the surname `word`; the context
    /// decided for `chosen`, on `basis`.
    SharedSurnameChosen,
    /// People (`candidates`) share the surname `word`, and the context
    /// does not say which one spoke.
    SharedSurnameUndecided,
}

/// A person the speaker could be.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttributionCandidate {
    pub name: String,
    #[serde(default)]
    pub role: Option<String>,
}

/// What decided between people who share a surname.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AttributionBasis {
    /// The role written with the surname is theirs.
    Role,
    /// They were named earlier in the same paragraph.
    SameParagraph,
    /// They were named in the previous paragraph.
    PreviousParagraph,
    /// The surrounding sentences match their description.
    Description,
}
