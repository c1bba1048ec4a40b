//! The counted noun after a number when words stand between them: "20
//! optimization commits", "456 full-time employees", "5 Wikipedia
//! articles"; and the plural-looking verbs that are no noun ("TOP 100
//! brings a host of").

use super::words::*;
use super::Cx;

impl<'a> Cx<'a> {
    /// Whether the plural-looking word at `j` is a verb taking an object
    /// ("100 brings a host", "100 offers the platform"), not a counted noun
    /// ("40 patients a day", "3 years a slave").
    pub(super) fn verb_before_object(&self, j: usize) -> bool {
        let w = self.w(j);
        if PLURAL_NOUNS.contains(&w)
            || DURATION_UNITS.contains(&w)
            || MEASURE_UNITS.contains(&w)
            || currency_word(w).is_some()
        {
            return false;
        }
        match self.w(j + 1) {
            "a" | "an" => !RATE_NOUNS.contains(&self.w(j + 2)),
            after => OBJECT_DETERMINERS.contains(&after),
        }
    }

    /// A plural noun after a number (never 1) and one modifier, a noun or a
    /// hyphenated adjective ("20 optimization commits", "456 full-time
    /// employees"): the noun's token.
    pub(super) fn compound_noun_end(&self, k: usize) -> Option<usize> {
        let w = self.w(k);
        // A word of letters apart from the number ("2x3 mm" is a size).
        let modifier = self.lowercase_word(k)
            && !self.touches(k - 1)
            && w.chars().all(|c| c.is_alphabetic() || c == '-')
            && !STOP_NOUNS.contains(&w)
            && !PREPOSITIONS.contains(&w)
            && !FUNCTION_STARTERS.contains(&w)
            && !NOT_COUNTED_AFTER_HYPHEN.contains(&w)
            && !w.ends_with("ly");
        if !modifier {
            return None;
        }
        let mut j = k + 1;
        // "full-time": hyphenated words glued together.
        while self.hyphen_at(j)
            && self.touches(j - 1)
            && self.touches(j)
            && self.lowercase_word(j + 1)
        {
            j += 2;
        }
        (self.is_plural_noun(j) && !self.verb_before_object(j)).then_some(j)
    }

    /// A plural noun after a number and one to three capitalised words
    /// naming its kind ("5 Wikipedia articles", "12 NATO soldiers", "130
    /// Xbox One titles"): the noun's token.
    pub(super) fn named_plural_end(&self, k: usize) -> Option<usize> {
        // Glued, capitals are a unit ("3D glasses", "5GHz Wi-Fi networks").
        if self.touches(k - 1) {
            return None;
        }
        let mut j = k;
        // ("32 As days passed": a function word opening a clause names nothing.)
        while self.capitalised(j)
            && j - k < 3
            && !FUNCTION_STARTERS.contains(&self.w(j))
            && !CLAUSE_OPENERS.contains(&self.w(j))
        {
            j += 1;
        }
        (j > k && self.is_plural_noun(j) && !self.verb_before_object(j)).then_some(j)
    }
}
