//! Word lists only the claim kinds read (`detect::kinds`): their one home.
//! Lists that other stages read too live in `crate::lexicon`.

/// Words that make a number a statistic even without digits.
pub(super) fn is_scale_word(w: &str) -> bool {
    matches!(
        w,
        "percent"
            | "percentage"
            | "%"
            | "million"
            | "millions"
            | "billion"
            | "billions"
            | "trillion"
            | "trillions"
            | "thousands"
            | "hundreds"
            | "dozens"
            | "twice"
            | "doubled"
            | "tripled"
            | "quadrupled"
            | "halved"
            | "majority"
            | "minority"
            | "average"
            | "rate"
    )
}

/// Verbs that put words in a speaker's mouth when a quote follows them.
pub(super) fn is_calling_verb(w: &str) -> bool {
    matches!(
        w,
        "called"
            | "calls"
            | "calling"
            | "dubbed"
            | "dubs"
            | "termed"
            | "terms"
            | "labelled"
            | "labeled"
            | "branded"
            | "brands"
            | "described"
    )
}

/// Words that make a quoted stretch a clause: a subject pronoun or a verb
/// every clause of speech leans on.
pub(super) fn is_clause_word(w: &str) -> bool {
    matches!(
        w,
        "i" | "we"
            | "you"
            | "he"
            | "she"
            | "they"
            | "it"
            | "is"
            | "are"
            | "was"
            | "were"
            | "will"
            | "would"
            | "can"
            | "could"
            | "have"
            | "has"
            | "had"
            | "do"
            | "don't"
            | "did"
            | "not"
            | "i'm"
            | "it's"
            | "we're"
            | "we'll"
            | "there's"
    )
}
