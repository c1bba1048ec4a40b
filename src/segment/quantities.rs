//! Figures: money, percentages, counts, with value and unit.

use super::tokens::{Token, TokenKind};
use crate::spans::ByteSpan;

#[derive(Debug, Clone, PartialEq)]
pub struct QuantityMention {
    pub span: ByteSpan,
    pub value: Option<f64>,
    /// `USD`, `EUR`, `GBP`, `percent`, or the counted noun ("point", "years").
    pub unit: Option<String>,
}

const SCALES: &[(&str, f64)] = &[
    ("thousand", 1e3),
    ("million", 1e6),
    ("billion", 1e9),
    ("trillion", 1e12),
    ("bn", 1e9),
    ("m", 1e6),
    ("k", 1e3),
];

const NUMBER_WORDS: &[(&str, f64)] = &[
    ("one", 1.0),
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("forty", 40.0),
    ("fifty", 50.0),
    ("hundred", 100.0),
    ("dozen", 12.0),
    ("hundreds", 100.0),
    ("thousands", 1000.0),
    ("millions", 1e6),
    ("billions", 1e9),
];

fn currency(symbol: &str) -> Option<&'static str> {
    match symbol {
        "$" => Some("USD"),
        "€" => Some("EUR"),
        "£" => Some("GBP"),
        "¥" => Some("JPY"),
        _ => None,
    }
}

pub fn find(text: &str, tokens: &[Token]) -> Vec<QuantityMention> {
    let mut out = Vec::new();
    let word = |k: usize| tokens.get(k).map(|t| t.text(text).to_lowercase());
    let mut k = 0;
    while k < tokens.len() {
        let t = tokens[k];
        let number_word = NUMBER_WORDS
            .iter()
            .find(|(w, _)| t.kind == TokenKind::Word && t.text(text).eq_ignore_ascii_case(w));
        if t.kind != TokenKind::Number && number_word.is_none() {
            k += 1;
            continue;
        }
        // Skip four-digit years; the time recogniser owns them.
        let raw = t.text(text);
        if t.kind == TokenKind::Number
            && raw.len() == 4
            && (raw.starts_with("19") || raw.starts_with("20"))
        {
            k += 1;
            continue;
        }
        let mut value = match number_word {
            Some((_, v)) => *v,
            None => raw.replace(',', "").parse::<f64>().unwrap_or(f64::NAN),
        };
        let mut start = t.span.start;
        let mut end = t.span.end;
        let mut unit: Option<String> = None;
        if k > 0 {
            if let Some(cur) = currency(tokens[k - 1].text(text)) {
                if tokens[k - 1].span.end == start {
                    start = tokens[k - 1].span.start;
                    unit = Some(cur.to_string());
                }
            }
        }
        let mut next = k + 1;
        if let Some(w) = word(next) {
            if let Some((_, scale)) = SCALES.iter().find(|(s, _)| *s == w) {
                value *= scale;
                end = tokens[next].span.end;
                next += 1;
            }
        }
        match word(next).as_deref() {
            Some("%") | Some("percent") | Some("per") => {
                unit = Some("percent".into());
                end = tokens[next].span.end;
                if word(next).as_deref() == Some("per") && word(next + 1).as_deref() == Some("cent")
                {
                    end = tokens[next + 1].span.end;
                    next += 1;
                }
                next += 1;
            }
            Some("-")
                if tokens
                    .get(next + 1)
                    .is_some_and(|n| n.kind == TokenKind::Word) =>
            {
                // "20-point plan": the hyphenated noun is the unit.
                unit = word(next + 1);
                end = tokens[next + 1].span.end;
                next += 2;
            }
            Some(w)
                if unit.is_none() && tokens[next].kind == TokenKind::Word && is_unit_noun(w) =>
            {
                unit = Some(w.to_string());
                end = tokens[next].span.end;
                next += 1;
            }
            _ => {}
        }
        // A bare spelled-out number with no unit is too often not a figure ("one of").
        if number_word.is_some() && unit.is_none() {
            k += 1;
            continue;
        }
        out.push(QuantityMention {
            span: ByteSpan::new(start, end),
            value: value.is_finite().then_some(value),
            unit,
        });
        k = next;
    }
    out
}

fn is_unit_noun(w: &str) -> bool {
    matches!(
        w,
        "years"
            | "year"
            | "months"
            | "month"
            | "weeks"
            | "week"
            | "days"
            | "day"
            | "people"
            | "percent"
            | "points"
            | "point"
            | "dollars"
            | "jobs"
            | "votes"
            | "troops"
            | "deaths"
            | "cases"
            | "members"
            | "countries"
            | "states"
            | "times"
            | "hours"
            | "miles"
            | "tons"
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::tokens::tokenize;

    fn find_in(text: &str) -> Vec<(String, Option<f64>, Option<String>)> {
        find(text, &tokenize(text))
            .into_iter()
            .map(|q| (q.span.of(text).to_string(), q.value, q.unit))
            .collect()
    }

    #[test]
    fn table_of_figures() {
        let s = |x: &str| Some(x.to_string());
        assert_eq!(
            find_in("a $2 billion investment"),
            vec![("$2 billion".into(), Some(2e9), s("USD"))]
        );
        assert_eq!(
            find_in("rose 3.5% in"),
            vec![("3.5%".into(), Some(3.5), s("percent"))]
        );
        assert_eq!(
            find_in("Trump's 20-point peace plan"),
            vec![("20-point".into(), Some(20.0), s("point"))]
        );
        assert_eq!(
            find_in("the 20 or 30 years prior"),
            vec![
                ("20".into(), Some(20.0), None),
                ("30 years".into(), Some(30.0), s("years"))
            ]
        );
        assert_eq!(find_in("in February 2022"), vec![]);
    }
}
