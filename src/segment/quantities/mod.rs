//! Figures: money, percentages, counts, measures, durations, ranges,
//! ordinals, fractions and spelled-out numbers, each with its numeric value
//! and unit. Numbers inside time expressions ("February 22", "2022",
//! "the past three years") belong to the time recogniser and are skipped.

use super::numbers::Reader;
use super::times::TimeMention;
use super::tokens::{Normalized, Token, TokenKind};
use crate::spans::ByteSpan;
use words::is_currency_symbol;

#[derive(Debug, Clone, PartialEq)]
pub struct QuantityMention {
    /// The figure and its unit ("$2 billion", "20-point", "several weeks").
    pub span: ByteSpan,
    /// The (lower) value, scale applied; `None` when the text gives no
    /// number ("several weeks", "billions of dollars").
    pub value: Option<f64>,
    /// An ISO currency code (`USD`, `EUR`, `GBP`), `percent`, `percentage
    /// points`, `ordinal`, `fraction`, or the counted noun ("point", "years").
    pub unit: Option<String>,
    pub kind: QuantityKind,
    /// The upper value of a range ("20 or 30 years", "$2bn-$3bn").
    pub upper: Option<f64>,
    /// A hedge or bound written before the figure ("more than", "about").
    pub modifier: Option<Modifier>,
    /// Whether the display groups the thousands of a four-digit amount
    /// ("1,500"): not when the text writes it without a separator, as a
    /// year is ("2009", "1548%").
    pub grouped: bool,
}

/// Serialized (the analysis contract) as its `as_str` name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuantityKind {
    Money,
    Percent,
    /// Things counted: "20-point", "3,000 troops", "several countries".
    Count,
    /// A time length: "20 or 30 years", "several weeks", "15-minute".
    Duration,
    /// A physical measure: "40 km", "2 million barrels".
    Measure,
    Ordinal,
    Fraction,
    /// A number standing alone ("killing 4").
    Number,
}

impl QuantityMention {
    /// The figure as a reader should take it, from the typed reading, not
    /// the words: "20–30 years", "2nd term", "-12.99", "more than 3,000
    /// troops", "USD 2.8 billion", "2/3". `None` when no number is given.
    pub fn display(&self) -> Option<String> {
        let value = self.value?;
        let unit = self.unit.as_deref().unwrap_or("");
        let number = |v: f64| match self.kind {
            QuantityKind::Fraction => fraction_text(v),
            _ if !self.grouped && (1000.0..10000.0).contains(&v.abs()) => trim_decimals(v, 2),
            _ => number_text(v),
        };
        let amount = match self.upper {
            Some(upper) => format!("{}–{}", number(value), number(upper)),
            None => number(value),
        };
        let reading = match self.kind {
            QuantityKind::Ordinal => {
                let n = value as i64;
                let suffix = match (n % 10, n % 100) {
                    (_, 11..=13) => "th",
                    (1, _) => "st",
                    (2, _) => "nd",
                    (3, _) => "rd",
                    _ => "th",
                };
                match unit {
                    "ordinal" | "" => format!("{n}{suffix}"),
                    noun => format!("{n}{suffix} {noun}"),
                }
            }
            QuantityKind::Percent if unit == "percent" => format!("{amount}%"),
            QuantityKind::Money => format!("{unit} {amount}"),
            QuantityKind::Fraction | QuantityKind::Number => amount,
            _ if unit.is_empty() => amount,
            _ => format!("{amount} {unit}"),
        };
        Some(match self.modifier {
            Some(Modifier::Approximately) => format!("about {reading}"),
            Some(Modifier::MoreThan) => format!("more than {reading}"),
            Some(Modifier::AtLeast) => format!("at least {reading}"),
            Some(Modifier::LessThan) => format!("less than {reading}"),
            Some(Modifier::AtMost) => format!("at most {reading}"),
            Some(Modifier::Vague) | None => reading,
        })
    }
}

/// "2.8 billion", "3,000", "-12.99".
fn number_text(v: f64) -> String {
    for (scale, name) in [(1e12, "trillion"), (1e9, "billion"), (1e6, "million")] {
        if v.abs() >= scale {
            return format!("{} {name}", trim_decimals(v / scale, 3));
        }
    }
    let text = trim_decimals(v, 2);
    let (sign, digits) = text
        .strip_prefix('-')
        .map_or(("", text.as_str()), |d| ("-", d));
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    let mut grouped = String::new();
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    if fraction.is_empty() {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped}.{fraction}")
    }
}

fn trim_decimals(v: f64, places: usize) -> String {
    let s = format!("{v:.places$}");
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    }
}

/// "2/3", "1/4"; a decimal when no small denominator fits.
fn fraction_text(v: f64) -> String {
    (2..=12)
        .find_map(|d| {
            let n = v * f64::from(d);
            ((n - n.round()).abs() < 1e-6 && n.round() >= 1.0)
                .then(|| format!("{}/{d}", n.round() as i64))
        })
        .unwrap_or_else(|| trim_decimals(v, 3))
}

impl QuantityKind {
    pub fn as_str(self) -> &'static str {
        match self {
            QuantityKind::Money => "money",
            QuantityKind::Percent => "percent",
            QuantityKind::Count => "count",
            QuantityKind::Duration => "duration",
            QuantityKind::Measure => "measure",
            QuantityKind::Ordinal => "ordinal",
            QuantityKind::Fraction => "fraction",
            QuantityKind::Number => "number",
        }
    }
}

/// Serialized (the analysis contract) as its `as_str` name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Modifier {
    /// "about", "around", "roughly", "some", "nearly", "almost", "close to".
    Approximately,
    /// "more than", "over", "upwards of".
    MoreThan,
    /// "at least".
    AtLeast,
    /// "less than", "fewer than", "under".
    LessThan,
    /// "at most", "up to", "as many as".
    AtMost,
    /// No number is given: "several", "dozens of", "billions of".
    Vague,
}

impl Modifier {
    pub fn as_str(self) -> &'static str {
        match self {
            Modifier::Approximately => "approximately",
            Modifier::MoreThan => "more_than",
            Modifier::AtLeast => "at_least",
            Modifier::LessThan => "less_than",
            Modifier::AtMost => "at_most",
            Modifier::Vague => "vague",
        }
    }
}

/// Finds the figures of `text`, leaving out the tokens of `times`.
pub fn find(
    text: &str,
    tokens: &[Token],
    norm: &Normalized,
    times: &[TimeMention],
) -> Vec<QuantityMention> {
    let cx = Cx {
        reader: Reader::new(text, tokens, norm),
    };
    let mut out: Vec<QuantityMention> = Vec::new();
    let urls = web_addresses(text);
    let mut url_at = 0;
    let mut time_at = 0;
    let mut k = 0;
    while k < tokens.len() {
        let span = tokens[k].span;
        // "?q=30%25": the digits of a web address are not figures.
        while url_at < urls.len() && urls[url_at].end <= span.start {
            url_at += 1;
        }
        if urls.get(url_at).is_some_and(|u| u.start <= span.start) {
            k += 1;
            continue;
        }
        while time_at < times.len() && times[time_at].span.end <= span.start {
            time_at += 1;
        }
        if times
            .get(time_at)
            .is_some_and(|t| t.span.start <= span.start)
        {
            k += 1;
            continue;
        }
        // Punctuation starts a figure only as a currency symbol or a sign
        // ("-12.99"); a hyphen glued to a number before it joins a score
        // or a code ("3-2"), it signs nothing.
        let after_number =
            k > 0 && tokens[k - 1].kind == TokenKind::Number && tokens[k - 1].touches(&tokens[k]);
        if tokens[k].kind == TokenKind::Punct
            && !is_currency_symbol(cx.w(k))
            && !(matches!(cx.w(k), "-" | "+")
                && !after_number
                && tokens
                    .get(k + 1)
                    .is_some_and(|t| t.kind == TokenKind::Number))
        {
            k += 1;
            continue;
        }
        // "between the ages of 25 and 54": an age says who is meant.
        if let Some(end) = cx.age_end(k) {
            k = end.max(k + 1);
            continue;
        }
        match cx.figure(k) {
            Some((mention, next)) if next > k => {
                // Never overlap a time expression that starts inside the figure.
                let clipped = times
                    .get(time_at)
                    .is_some_and(|t| t.span.start < mention.span.end);
                // "on 23 and 24 October": the first day of a date the time
                // recogniser read from the second.
                let day_of_date = mention.kind == QuantityKind::Number
                    && mention.upper.is_none()
                    && mention
                        .value
                        .is_some_and(|v| v.fract() == 0.0 && (1.0..=31.0).contains(&v))
                    && matches!(cx.w(next), "and" | "or" | "to" | "&" | "-")
                    && times.get(time_at).is_some_and(|t| {
                        tokens
                            .get(next + 1)
                            .is_some_and(|after| after.span.start == t.span.start)
                    });
                if day_of_date {
                    k = next;
                    continue;
                }
                if !clipped {
                    out.push(mention);
                    k = next;
                    continue;
                }
                k += 1;
            }
            _ => k += 1,
        }
    }
    join_bounds(text, &mut out);
    for m in &mut out {
        m.grouped = !ungrouped_four_digits(m.span.of(text));
    }
    out
}

/// Whether the figure's number is four digits written without a thousands
/// separator ("2009", "$1500"), as opposed to "1,500" or "15,000".
fn ungrouped_four_digits(written: &str) -> bool {
    let start = written.find(|c: char| c.is_ascii_digit());
    let digits = start.map_or("", |s| {
        let rest = &written[s..];
        let end = rest
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(rest.len());
        &rest[..end]
    });
    let after = start.and_then(|s| written[s + digits.len()..].chars().next());
    digits.len() == 4 && after != Some(',')
}

/// Web addresses written in the text ("https://x.com/a?q=30%25",
/// "www.x.org/2020"), each up to the next space; sorted.
fn web_addresses(text: &str) -> Vec<ByteSpan> {
    let mut out: Vec<ByteSpan> = Vec::new();
    for marker in ["://", "www."] {
        let mut from = 0;
        while let Some(p) = text[from..].find(marker) {
            let found = from + p;
            // Back to the start of the word ("https"), forward to its end.
            // (No further back than the last address: linear on any page.)
            let start = text[from..found]
                .char_indices()
                .rev()
                .find(|&(_, c)| c.is_whitespace())
                .map_or(from, |(i, c)| from + i + c.len_utf8());
            let end = text[found..]
                .find(char::is_whitespace)
                .map_or(text.len(), |e| found + e);
            out.push(ByteSpan::new(start, end));
            from = end.max(found + marker.len());
        }
    }
    crate::sort::sort_by_key(&mut out, |u| (u.start, u.end));
    out
}

/// "more than 100 and less than 300", "at most 100 and at least 20": two
/// one-sided bounds of the same thing make one range.
fn join_bounds(text: &str, out: &mut Vec<QuantityMention>) {
    let lower = |m: Option<Modifier>| matches!(m, Some(Modifier::MoreThan | Modifier::AtLeast));
    let upper = |m: Option<Modifier>| matches!(m, Some(Modifier::LessThan | Modifier::AtMost));
    let mut i = 0;
    while i + 1 < out.len() {
        let (a, b) = (&out[i], &out[i + 1]);
        let between = text.get(a.span.end..b.span.start).unwrap_or("");
        let words: Vec<&str> = between.split_whitespace().collect();
        let joined = words.first() == Some(&"and")
            && words.len() <= 6
            && words.iter().all(|w| w.chars().all(char::is_alphabetic))
            && a.upper.is_none()
            && b.upper.is_none()
            && (a.kind == b.kind
                || a.kind == QuantityKind::Number
                || b.kind == QuantityKind::Number)
            && ((lower(a.modifier) && upper(b.modifier))
                || (upper(a.modifier) && lower(b.modifier)));
        let (lo, hi) = if lower(a.modifier) {
            (a.value, b.value)
        } else {
            (b.value, a.value)
        };
        match (lo, hi) {
            (Some(lo), Some(hi)) if joined && lo < hi => {
                let merged = QuantityMention {
                    span: ByteSpan::new(a.span.start, b.span.end),
                    value: Some(lo),
                    upper: Some(hi),
                    modifier: None,
                    ..a.clone()
                };
                out[i] = merged;
                out.remove(i + 1);
            }
            _ => i += 1,
        }
    }
}

/// The figure recogniser over a tokenised text: the number reader's token
/// accessors (`w`, `raw`, `kind`, `touches`) are its own, through `Deref`.
struct Cx<'a> {
    reader: Reader<'a>,
}

impl<'a> std::ops::Deref for Cx<'a> {
    type Target = Reader<'a>;

    fn deref(&self) -> &Reader<'a> {
        &self.reader
    }
}

/// A parsed number: value (None when vague), the token after it, and
/// whether it was spelled out.
#[derive(Debug, Clone, Copy)]
struct Num {
    value: Option<f64>,
    next: usize,
    spelled: bool,
    vague: bool,
    /// A fraction ("two thirds"): a share, not a count.
    fraction: bool,
    /// The scale the reading applied ("3 million": 1e6), 1 when none.
    scale: f64,
}

mod ages;
mod bounds;
mod names;
mod nouns;
mod ranks_and_shares;
mod reader;
#[cfg(test)]
mod regressions;
#[cfg(test)]
mod tests;
mod units;
mod words;
