//! The fact-check model, after schema.org `ClaimReview`: what was claimed,
//! by whom, when and where (`itemReviewed`), who checked it (`author`), the
//! verdict (`reviewRating`), and where the check is published (`url`,
//! `datePublished`). Every importer produces these; packs store them.

use crate::calendar::Date;

#[derive(Debug, Clone, PartialEq, Default)]
pub struct FactCheck {
    /// The source record's own id (PolitiFact's `id`, CheckThat!'s
    /// `vclaim_id`, a ClaimReview's `@id` or `url`).
    pub id: String,
    /// `claimReviewed`: the claim as the fact-checker states it.
    pub claim_reviewed: String,
    pub review_rating: ReviewRating,
    /// `author`: the fact-checking organisation.
    pub author: Option<FactChecker>,
    /// The fact-check article.
    pub url: Option<String>,
    pub date_published: Option<Date>,
    pub item_reviewed: ItemReviewed,
    /// The fact-check's headline (`headline` or `name`).
    pub headline: Option<String>,
    /// A one-line summary of the check (`description`, CheckThat!'s `subtitle`).
    pub description: Option<String>,
    /// `inLanguage`, a BCP 47 tag when known.
    pub language: Option<String>,
}

/// `reviewRating`: a position on the fact-checker's own scale, and the
/// verdict in its own words (`alternateName`, e.g. "Pants on Fire").
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ReviewRating {
    pub rating_value: Option<f32>,
    pub best_rating: Option<f32>,
    pub worst_rating: Option<f32>,
    pub alternate_name: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FactChecker {
    pub name: String,
    pub url: Option<String>,
}

/// `itemReviewed`: the claim as made in the world.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ItemReviewed {
    /// Who made the claim (a person, an organisation, "Facebook posts").
    pub author: Option<String>,
    /// When the claim was made.
    pub date_published: Option<Date>,
    /// Where it was made: a URL or a description ("a campaign mailer").
    pub appearance: Option<String>,
}

/// A coarse reading of a verdict, used only to tell whether fact-checkers
/// agree. It is never shown instead of the fact-checker's own words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum VerdictLean {
    False,
    Mixed,
    True,
}

impl ReviewRating {
    /// The verdict as the fact-checker words it, or its position on the
    /// fact-checker's own scale when it has no words. `None` when the
    /// record carries no verdict at all: nothing is ever made up.
    pub fn verdict_text(&self) -> Option<String> {
        if let Some(name) = &self.alternate_name {
            return Some(name.clone());
        }
        match (self.rating_value, self.worst_rating, self.best_rating) {
            (Some(v), Some(w), Some(b)) => Some(format!(
                "rated {} on a scale from {} to {}",
                number(v),
                number(w),
                number(b)
            )),
            (Some(v), None, Some(b)) => Some(format!("rated {} of {}", number(v), number(b))),
            _ => None,
        }
    }

    /// Whether the verdict leans false, mixed or true, when that is clear.
    pub fn lean(&self) -> Option<VerdictLean> {
        if let Some(name) = &self.alternate_name {
            if let Some(lean) = lean_of_words(name) {
                return Some(lean);
            }
        }
        let (v, w, b) = (self.rating_value?, self.worst_rating?, self.best_rating?);
        if !(v.is_finite() && w.is_finite() && b.is_finite()) || (b - w).abs() < f32::EPSILON {
            return None;
        }
        let position = (v - w) / (b - w);
        if !(0.0..=1.0).contains(&position) {
            return None;
        }
        Some(if position < 0.34 {
            VerdictLean::False
        } else if position <= 0.66 {
            VerdictLean::Mixed
        } else {
            VerdictLean::True
        })
    }
}

/// A rating number as people write it: "4", "3.5". Formatted by hand: the
/// float formatter would add kilobytes to the WASM for a rarely seen field.
fn number(v: f32) -> String {
    let tenths = (f64::from(v) * 10.0).round();
    if !tenths.is_finite() || tenths.abs() > 1e12 {
        return "?".to_string();
    }
    let tenths = tenths as i64;
    let sign = if tenths < 0 { "-" } else { "" };
    let (whole, frac) = (tenths.abs() / 10, tenths.abs() % 10);
    if frac == 0 {
        format!("{sign}{whole}")
    } else {
        format!("{sign}{whole}.{frac}")
    }
}

/// Reads common English verdict wordings. Unknown wordings (and
/// flip-flop ratings, which judge consistency, not truth) lean nowhere.
fn lean_of_words(words: &str) -> Option<VerdictLean> {
    let w = words.to_ascii_lowercase();
    let w = w.trim().trim_end_matches(['.', '!']);
    let has = |s: &str| w.contains(s);
    if has("flip") || has("flop") {
        return None;
    }
    if has("half true")
        || has("half-true")
        || has("mixture")
        || has("mixed")
        || has("partly")
        || has("partially")
        || has("half")
    {
        return Some(VerdictLean::Mixed);
    }
    if has("mostly false")
        || has("barely true")
        || has("pants on fire")
        || has("pants-fire")
        || has("false")
        || has("fake")
        || has("fabricated")
        || has("incorrect")
        || has("wrong")
        || has("untrue")
        || has("not true")
        || has("misleading")
        || has("no evidence")
        || has("baseless")
        || has("scam")
        || has("hoax")
        || has("satire")
        || has("miscaptioned")
        || has("altered")
        || has("distorts")
    {
        return Some(VerdictLean::False);
    }
    if has("mostly true") || has("true") || has("correct") || has("accurate") {
        return Some(VerdictLean::True);
    }
    None
}

/// Parses a date as fact-check sources write them: `2019-10-30`,
/// `2019-10-30T14:00:00Z`, `October 22, 2019`, `Oct. 22, 2019`, `26 May 2015`
/// (see [`crate::calendar::parse_written_date`], the one date parser).
pub fn parse_date_loose(s: &str) -> Option<Date> {
    crate::calendar::parse_written_date(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loose_dates() {
        let d = |y, m, day| Date::new(y, m, day);
        let cases = [
            ("2019-10-30", d(2019, 10, 30)),
            ("2019-10-30T14:00:00Z", d(2019, 10, 30)),
            ("October 22, 2019", d(2019, 10, 22)),
            ("Oct. 22, 2019", d(2019, 10, 22)),
            ("Sept 3 2020", d(2020, 9, 3)),
            ("26 May 2015", d(2015, 5, 26)),
            ("21February 2009", d(2009, 2, 21)),
            ("1st March 2021", d(2021, 3, 1)),
            ("February 30, 2019", None),
            ("yesterday", None),
            ("May", None),
            ("", None),
            ("Mayday 2, 2019", None),
            ("March 5, 99999999999", None),
        ];
        for (s, want) in cases {
            assert_eq!(parse_date_loose(s), want, "{s}");
        }
    }

    #[test]
    fn verdict_text_never_invents() {
        let none = ReviewRating::default();
        assert_eq!(none.verdict_text(), None);
        assert_eq!(none.lean(), None);
        let scale = ReviewRating {
            rating_value: Some(1.0),
            worst_rating: Some(1.0),
            best_rating: Some(5.0),
            alternate_name: None,
        };
        assert_eq!(
            scale.verdict_text().as_deref(),
            Some("rated 1 on a scale from 1 to 5")
        );
        assert_eq!(scale.lean(), Some(VerdictLean::False));
        assert_eq!(number(3.5), "3.5");
        assert_eq!(number(-2.0), "-2");
        assert_eq!(number(0.04), "0");
        assert_eq!(number(f32::NAN), "?");
    }

    #[test]
    fn verdict_leans() {
        let lean = |s: &str| {
            ReviewRating {
                alternate_name: Some(s.to_string()),
                ..ReviewRating::default()
            }
            .lean()
        };
        let cases = [
            ("Pants on Fire!", Some(VerdictLean::False)),
            ("Mostly False", Some(VerdictLean::False)),
            ("Half True", Some(VerdictLean::Mixed)),
            ("Mostly True", Some(VerdictLean::True)),
            ("True", Some(VerdictLean::True)),
            ("Full Flop", None),
            ("Needs context", None),
        ];
        for (rating, expected) in cases {
            assert_eq!(lean(rating), expected, "{rating:?}");
        }
    }
}
