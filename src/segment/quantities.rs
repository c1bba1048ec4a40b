//! Figures: money, percentages, counts, measures, durations, ranges,
//! ordinals, fractions and spelled-out numbers, each with its numeric value
//! and unit. Numbers inside time expressions ("February 22", "2022",
//! "the past three years") belong to the time recogniser and are skipped.

use super::numbers::{fraction_word, ordinal_word, scale_word, unit_number, Reader};
use super::times::TimeMention;
use super::tokens::{Normalized, Token, TokenKind};
use crate::spans::ByteSpan;

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
        // Punctuation starts a figure only as a currency symbol or a sign ("-12.99").
        if tokens[k].kind == TokenKind::Punct
            && !is_currency_symbol(cx.w(k))
            && !(matches!(cx.w(k), "-" | "+")
                && tokens
                    .get(k + 1)
                    .is_some_and(|t| t.kind == TokenKind::Number))
        {
            k += 1;
            continue;
        }
        match cx.figure(k) {
            Some((mention, next)) if next > k => {
                // Never overlap a time expression that starts inside the figure.
                let clipped = times
                    .get(time_at)
                    .is_some_and(|t| t.span.start < mention.span.end);
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
    out
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

fn is_currency_symbol(w: &str) -> bool {
    currency_symbol(w).is_some()
}

fn currency_symbol(w: &str) -> Option<&'static str> {
    Some(match w {
        "$" => "USD",
        "€" => "EUR",
        "£" => "GBP",
        "¥" => "JPY",
        "₹" => "INR",
        "₽" => "RUB",
        "₴" => "UAH",
        "₩" => "KRW",
        "₪" => "ILS",
        "₺" => "TRY",
        "₡" => "CRC",
        "₭" => "LAK",
        _ => return None,
    })
}

/// Currency codes and prefixes written before a number ("US$", "USD 5").
fn currency_prefix(w: &str) -> Option<&'static str> {
    Some(match w {
        "usd" | "us" => "USD",
        "eur" => "EUR",
        "gbp" => "GBP",
        "jpy" => "JPY",
        "cny" | "rmb" => "CNY",
        "inr" | "rs" => "INR",
        "rub" => "RUB",
        "uah" => "UAH",
        "chf" => "CHF",
        "cad" | "c" => "CAD",
        "aud" | "a" => "AUD",
        "hk" => "HKD",
        "mxn" | "mex" => "MXN",
        "r" => "BRL",
        _ => return None,
    })
}

/// ISO codes written after an amount ("20 usd", "50 million USD").
fn currency_code(w: &str) -> Option<&'static str> {
    Some(match w {
        "usd" => "USD",
        "eur" => "EUR",
        "gbp" => "GBP",
        "jpy" => "JPY",
        "cny" | "rmb" => "CNY",
        "chf" => "CHF",
        "cad" => "CAD",
        "aud" => "AUD",
        "inr" => "INR",
        "rub" => "RUB",
        "uah" => "UAH",
        "mxn" => "MXN",
        _ => return None,
    })
}

/// "MEUR", "MUSD": an ISO code after M, for millions (finance pages).
fn millions_code(raw: &str) -> Option<&'static str> {
    let code = raw.strip_prefix('M')?;
    if code.len() != 3 || !code.bytes().all(|b| b.is_ascii_uppercase()) {
        return None;
    }
    currency_code(&code.to_ascii_lowercase())
}

/// A hundredth of a currency: "12 cents", "50 pence".
fn subunit(w: &str) -> Option<&'static str> {
    Some(match w {
        "cent" | "cents" => "USD",
        "penny" | "pence" => "GBP",
        _ => return None,
    })
}

fn currency_word(w: &str) -> Option<&'static str> {
    Some(match w {
        "dollar" | "dollars" => "USD",
        "euro" | "euros" => "EUR",
        "pound" | "pounds" | "sterling" => "GBP",
        "yen" => "JPY",
        "yuan" | "renminbi" => "CNY",
        "ruble" | "rubles" | "rouble" | "roubles" => "RUB",
        "rupee" | "rupees" => "INR",
        "hryvnia" | "hryvnias" => "UAH",
        "franc" | "francs" => "CHF",
        "shekel" | "shekels" => "ILS",
        "lira" => "TRY",
        "won" => "KRW",
        _ => return None,
    })
}

/// Vague quantifiers before a plural noun or "of".
fn vague_quantifier(w: &str) -> bool {
    matches!(
        w,
        "several"
            | "dozens"
            | "hundreds"
            | "thousands"
            | "millions"
            | "billions"
            | "trillions"
            | "scores"
            | "tens"
    )
}

const DURATION_UNITS: &[&str] = &[
    "second",
    "seconds",
    "minute",
    "minutes",
    "hour",
    "hours",
    "day",
    "days",
    "week",
    "weeks",
    "month",
    "months",
    "year",
    "years",
    "decade",
    "decades",
    "century",
    "centuries",
    "weekend",
    "weekends",
    "night",
    "nights",
];

const MEASURE_UNITS: &[&str] = &[
    "km",
    "kilometer",
    "kilometers",
    "kilometre",
    "kilometres",
    "mile",
    "miles",
    "meter",
    "meters",
    "metre",
    "metres",
    "foot",
    "feet",
    "inch",
    "inches",
    "yard",
    "yards",
    "kg",
    "kilogram",
    "kilograms",
    "gram",
    "grams",
    "ton",
    "tons",
    "tonne",
    "tonnes",
    "barrel",
    "barrels",
    "gallon",
    "gallons",
    "liter",
    "liters",
    "litre",
    "litres",
    "acre",
    "acres",
    "hectare",
    "hectares",
    "degree",
    "degrees",
    "mph",
    "kph",
    "km/h",
    "cm",
    "mm",
    "lb",
    "lbs",
    "ounce",
    "ounces",
    "mw",
    "gw",
    "kwh",
    "megawatts",
    "gigawatts",
    "bpd",
    "square",
];

/// Plural-looking words that are not counted nouns.
const NOT_NOUNS: &[&str] = &[
    "is",
    "was",
    "has",
    "this",
    "his",
    "its",
    "as",
    "us",
    "yes",
    "less",
    "across",
    "thus",
    "always",
    "perhaps",
    "plus",
    "versus",
    "whereas",
    "afterwards",
    "towards",
    "besides",
    "unless",
    "does",
    "goes",
    "says",
    "was",
    "hers",
    "ours",
    "yours",
    "theirs",
    "whereas",
    "sometimes",
    "nevertheless",
    "regardless",
    "nonetheless",
    "means",
    "news",
    "series",
    "species",
    "its",
    "gets",
    "makes",
    "takes",
    "comes",
    "gives",
    "seems",
    "becomes",
    "remains",
    "includes",
    "rises",
    "falls",
    "plans",
    "needs",
    "wants",
    "holds",
    "puts",
    "runs",
    "sets",
];

/// Irregular or uncountable-looking plurals that are counted nouns.
const PLURAL_NOUNS: &[&str] = &[
    "people",
    "children",
    "men",
    "women",
    "police",
    "staff",
    "personnel",
    "cattle",
    "sheep",
    "fish",
    "aircraft",
    "feet",
    "teeth",
    "mice",
    "geese",
    "deer",
    "troops",
    "percent",
];

/// Adjectives allowed between a number and its noun ("3 new cases", "20 Ukrainian soldiers").
const ADJECTIVES: &[&str] = &[
    "new",
    "more",
    "other",
    "additional",
    "major",
    "main",
    "big",
    "small",
    "large",
    "key",
    "top",
    "former",
    "senior",
    "young",
    "old",
    "civilian",
    "foreign",
    "separate",
    "different",
    "known",
    "confirmed",
    "reported",
    "registered",
    "full",
    "straight",
    "consecutive",
    "previous",
    "extra",
    "current",
    "active",
    "military",
    "federal",
    "local",
    "private",
    "public",
    "armed",
];

/// Units of a document's length, written as a compound adjective before the
/// document ("a 263-page report"): a description, never a figure.
const DOCUMENT_LENGTHS: &[&str] = &["chapter", "page", "paragraph", "word"];

/// Words that precede a number which is a name or label, not a figure.
const LABEL_WORDS: &[&str] = &[
    "no",
    "number",
    "article",
    "section",
    "chapter",
    "page",
    "pages",
    "p",
    "pp",
    "room",
    "route",
    "highway",
    "flight",
    "resolution",
    "amendment",
    "paragraph",
    "item",
    "version",
    "level",
    "phase",
    "step",
    "figure",
    "table",
    "rule",
    "line",
    "channel",
    "gate",
    "platform",
    "act",
    "proposition",
    "prop",
    "district",
    "ward",
    "precinct",
    "unit",
    "interstate",
    "apollo",
    "vol",
    "volume",
    "question",
    "exhibit",
    "appendix",
    "episode",
    "season",
    "part",
    "grade",
    "class",
    "category",
    "tier",
    "stage",
    "model",
    "#",
];

/// Names of ranked lists and market indexes, as written, whose number is part
/// of the name ("Fortune 100 companies", "the FTSE 100"). Case matters: "a
/// fortune 10 years ago" is a figure.
const NUMBERED_LIST_NAMES: &[&str] = &[
    "Fortune", "FTSE", "Russell", "Nikkei", "Stoxx", "STOXX", "Forbes", "Nasdaq", "NASDAQ",
];

/// Capitalised words that may start a sentence before a figure ("About 40 ...").
const FUNCTION_STARTERS: &[&str] = &[
    "the",
    "about",
    "some",
    "only",
    "nearly",
    "over",
    "almost",
    "all",
    "just",
    "at",
    "by",
    "in",
    "on",
    "of",
    "with",
    "for",
    "to",
    "from",
    "and",
    "but",
    "another",
    "around",
    "more",
    "less",
    "roughly",
    "approximately",
    "up",
    "under",
    "killing",
    "kills",
    "fewer",
    "than",
    "least",
    "since",
    "after",
    "before",
    "until",
    "those",
    "these",
    "its",
    "their",
    "his",
    "her",
    "our",
];

const STOP_NOUNS: &[&str] = &[
    "of", "to", "in", "and", "or", "the", "a", "an", "on", "at", "for", "by", "with", "from",
    "than", "per", "that", "which", "who", "as", "is", "was", "were", "are", "be", "been", "has",
    "had", "have", "will", "would", "could", "should", "may", "might", "more", "less", "also",
    "after", "before", "into", "about", "over", "under", "it", "he", "she", "they", "we", "i",
    "you", "this", "these", "those", "his", "her", "their", "its", "our", "not", "no", "so", "but",
    "if", "then", "when", "while", "where", "during", "since", "until", "up", "down", "out", "off",
    "all", "each", "both", "percent", "time", "times", "way", "thing",
];

impl<'a> Cx<'a> {
    fn lowercase_word(&self, k: usize) -> bool {
        self.kind(k) == Some(TokenKind::Word)
            && self.raw(k).chars().next().is_some_and(char::is_lowercase)
    }

    fn span(&self, from: usize, to_inclusive: usize) -> ByteSpan {
        ByteSpan::new(
            self.tokens[from].span.start,
            self.tokens[to_inclusive].span.end,
        )
    }

    /// A number at `k`, in digits or words, sign included ("-12.99").
    fn number(&self, k: usize) -> Option<Num> {
        let r = self.reader.read(k)?;
        let last = r.next.checked_sub(1)?;
        let scale = scale_word(self.w(last)).filter(|_| last > k).unwrap_or(1.0);
        Some(Num {
            value: Some(r.value),
            next: r.next,
            spelled: r.spelled,
            vague: false,
            fraction: r.fraction,
            scale,
        })
    }

    /// The modifier written just before token `k`: (modifier, first token).
    fn modifier_before(&self, k: usize) -> Option<Modifier> {
        let back = |n: usize| k.checked_sub(n).map_or("", |j| self.w(j));
        let (w1, w2, w3) = (back(1), back(2), back(3));
        if w1.is_empty() {
            return None;
        }
        // "less than or equal to 30", "smaller or equal than 100".
        if matches!((w3, w2, w1), ("or", "equal", "to" | "than")) {
            return match (back(4), back(5)) {
                ("than", "less" | "fewer" | "smaller") | ("less" | "smaller" | "fewer", _) => {
                    Some(Modifier::AtMost)
                }
                ("than", "more" | "greater" | "bigger") | ("more" | "greater" | "bigger", _) => {
                    Some(Modifier::AtLeast)
                }
                ("least", "at") => Some(Modifier::AtLeast),
                _ => None,
            };
        }
        Some(match (w3, w2, w1) {
            ("no", "less" | "fewer", "than") => Modifier::AtLeast,
            ("no", "more", "than") => Modifier::AtMost,
            (_, "more" | "greater" | "bigger", "than") => Modifier::MoreThan,
            (_, "less" | "fewer" | "smaller", "than") => Modifier::LessThan,
            (_, "at", "least") => Modifier::AtLeast,
            (_, "at", "most") | (_, "up", "to") => Modifier::AtMost,
            ("as", "many" | "much", "as") => Modifier::AtMost,
            (_, "close", "to") => Modifier::Approximately,
            (_, "upwards", "of") => Modifier::MoreThan,
            (_, ">", "=") => Modifier::AtLeast,
            (_, "<", "=") => Modifier::AtMost,
            // "=>30" is no comparison anyone writes.
            (_, "=", ">" | "<") => return None,
            (
                _,
                _,
                "about" | "around" | "approximately" | "roughly" | "some" | "nearly" | "almost"
                | "estimated" | "approx",
            ) => Modifier::Approximately,
            (_, _, "over" | "exceeding" | "exceed" | "exceeds" | "above" | ">") => {
                Modifier::MoreThan
            }
            (_, _, "under" | "below" | "<") => Modifier::LessThan,
            _ => return None,
        })
    }

    /// A bound written after the figure ("500 or more", "5000 or less"),
    /// or "or equal" widening one before it; and the tokens it takes.
    fn modifier_after(&self, next: usize, before: Option<Modifier>) -> (Option<Modifier>, usize) {
        if self.w(next) != "or" {
            return (before, next);
        }
        let after = self.w(next + 1);
        let took = |m| (Some(m), next + 2);
        // "200 or greater than 190" is two figures.
        if self.w(next + 2) == "than" {
            return (before, next);
        }
        match (before, after) {
            (None | Some(Modifier::Approximately), "more" | "greater" | "above") => {
                took(Modifier::AtLeast)
            }
            (None | Some(Modifier::Approximately), "less" | "fewer" | "below") => {
                took(Modifier::AtMost)
            }
            (Some(Modifier::LessThan), "equal") => took(Modifier::AtMost),
            (Some(Modifier::MoreThan), "equal") => took(Modifier::AtLeast),
            _ => (before, next),
        }
    }

    /// The figure starting at token `k`, and the token after it.
    fn figure(&self, k: usize) -> Option<(QuantityMention, usize)> {
        let w = self.w(k);
        // Currency before the number: "$2", "€1.5bn", "US$5", "USD 5".
        let mut currency = None;
        let mut at = k;
        if let Some(c) = currency_symbol(w) {
            currency = Some(c);
            at = k + 1;
        } else if let Some(c) = currency_prefix(w) {
            // "C$5"; newswire also spaces it: "c $ 16.4 million".
            let glued_symbol = self.w(k + 1) == "$" && (self.touches(k) || self.raw(k) == "c");
            let code =
                self.raw(k).len() == 3 && self.raw(k).chars().all(|c| c.is_ascii_uppercase());
            if glued_symbol {
                currency = Some(c);
                at = k + 2;
            } else if code && self.kind(k + 1) == Some(TokenKind::Number) {
                currency = Some(c);
                at = k + 1;
            }
        }
        // "MAUD 60": millions of a currency, as finance pages write them.
        let mut scale = 1.0;
        if let Some(c) = millions_code(self.raw(k)) {
            if self.kind(k + 1) == Some(TokenKind::Number) {
                currency = Some(c);
                scale = 1e6;
                at = k + 1;
            }
        }
        if currency.is_some() {
            let mut num = self.number(at)?;
            num.value = num.value.map(|v| v * scale);
            return self.after_number(k, num, currency);
        }
        if vague_quantifier(w)
            || (w == "a" && self.w(k + 1) == "few")
            || (w == "a" && self.w(k + 1) == "handful" && self.w(k + 2) == "of")
        {
            return self.vague(k);
        }
        if let Some(m) = self.money_in_one_word(k) {
            return Some(m);
        }
        if let Some(f) = self.fraction(k) {
            return Some(f);
        }
        if let Some(o) = self.ordinal(k) {
            return Some(o);
        }
        let num = self.number(k)?;
        if num.fraction {
            return self.fraction_reading(k, num);
        }
        self.after_number(k, num, None)
    }

    /// Money written as one word: "a one-yen bid", "a five-dollar bill",
    /// "USD115".
    fn money_in_one_word(&self, k: usize) -> Option<(QuantityMention, usize)> {
        let w = self.w(k);
        let raw = self.raw(k);
        let (value, code) = if let Some((head, tail)) = w.split_once('-') {
            let n = unit_number(head).filter(|&n| n >= 1.0)?;
            let noun = tail.split('-').next().unwrap_or(tail);
            match (currency_word(noun), subunit(noun)) {
                (Some(code), _) => (n, code),
                (None, Some(code)) => (n / 100.0, code),
                _ => return None,
            }
        } else {
            // A code glued to its amount, as written by finance pages.
            let letters = raw.bytes().take_while(u8::is_ascii_uppercase).count();
            let digits = &raw[letters..];
            if letters != 3 || digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            let code = currency_code(&w[..3])?;
            (digits.parse::<f64>().ok()?, code)
        };
        Some((
            self.simple(k, k, Some(value), code, QuantityKind::Money),
            k + 1,
        ))
    }

    /// A fraction read in words or digits ("two thirds", "3 1/2" is not
    /// one): a share when "of" or nothing follows; "a third term" is an
    /// ordinal use, left to [`Cx::ordinal`].
    fn fraction_reading(&self, k: usize, num: Num) -> Option<(QuantityMention, usize)> {
        let after = self.w(num.next);
        if self.lowercase_word(num.next) && after != "of" {
            return None;
        }
        // "a hoot and a half", "a week and a half": the half of an idiom or
        // of a unit read before it, never a share on its own. ("one and a
        // half" is read whole by the number reader.)
        let prev = k.checked_sub(1).map_or("", |j| self.w(j));
        if matches!(self.w(k), "a" | "an") && prev == "and" {
            return None;
        }
        Some((
            self.simple(
                k,
                num.next - 1,
                num.value,
                "fraction",
                QuantityKind::Fraction,
            ),
            num.next,
        ))
    }

    /// "several weeks", "a few days", "dozens of people", "billions of dollars".
    fn vague(&self, k: usize) -> Option<(QuantityMention, usize)> {
        let at = if self.w(k) == "a" {
            if self.w(k + 1) == "handful" {
                k + 3
            } else {
                k + 2
            }
        } else {
            k + 1
        };
        let of = self.w(at) == "of";
        let noun_at = if of { at + 1 } else { at };
        let noun = self.w(noun_at);
        if !self.is_plural_noun(noun_at) {
            return None;
        }
        // "hundreds" alone after a number ("three hundred") is not vague.
        if !of
            && matches!(
                self.w(k),
                "dozens"
                    | "hundreds"
                    | "thousands"
                    | "millions"
                    | "billions"
                    | "trillions"
                    | "tens"
                    | "scores"
            )
        {
            return None;
        }
        let (kind, unit) = classify_unit(noun);
        let mention = QuantityMention {
            span: self.span(k, noun_at),
            value: None,
            unit: Some(unit),
            kind,
            upper: None,
            modifier: Some(Modifier::Vague),
        };
        Some((mention, noun_at + 1))
    }

    /// "half of", "two-thirds", "a third of", "one-quarter".
    fn fraction(&self, k: usize) -> Option<(QuantityMention, usize)> {
        let w = self.w(k);
        if w == "half"
            && matches!(
                self.w(k + 1),
                "of" | "the" | "a" | "an" | "its" | "their" | "his" | "her"
            )
        {
            let prev = k.checked_sub(1).map_or("", |j| self.w(j));
            if matches!(prev, "first" | "second" | "other" | "and") {
                return None;
            }
            return Some((
                self.simple(k, k, Some(0.5), "fraction", QuantityKind::Fraction),
                k + 1,
            ));
        }
        // "two-thirds", "one-quarter" (one token).
        if let Some((num, den)) = w.split_once('-') {
            if let (Some(n), Some(d)) = (unit_number(num), fraction_word(den).map(|(d, _)| d)) {
                if n >= 1.0 {
                    return Some((
                        self.simple(k, k, Some(n / d), "fraction", QuantityKind::Fraction),
                        k + 1,
                    ));
                }
            }
        }
        // "a third of", "a quarter of".
        if matches!(w, "a" | "one") && self.w(k + 2) == "of" {
            if let Some((d, _)) = fraction_word(self.w(k + 1)).filter(|_| self.w(k + 1) != "half") {
                return Some((
                    self.simple(k, k + 1, Some(1.0 / d), "fraction", QuantityKind::Fraction),
                    k + 2,
                ));
            }
        }
        None
    }

    /// "20th", "1st", "second phase", "third-largest".
    fn ordinal(&self, k: usize) -> Option<(QuantityMention, usize)> {
        if self.kind(k) == Some(TokenKind::Number)
            && self.touches(k)
            && matches!(self.w(k + 1), "st" | "nd" | "rd" | "th")
        {
            let value: f64 = self.raw(k).replace(',', "").parse().ok()?;
            let (unit, end) = self.ordinal_noun(k + 2);
            let mention = QuantityMention {
                span: self.span(k, end.map_or(k + 1, |e| e)),
                value: Some(value),
                unit: Some(unit.unwrap_or_else(|| "ordinal".to_string())),
                kind: QuantityKind::Ordinal,
                upper: None,
                modifier: None,
            };
            return Some((mention, end.map_or(k + 2, |e| e + 1)));
        }
        // Spelled: only before a noun, a hyphenated superlative, or "place".
        let w = self.w(k);
        let (first, rest) = w.split_once('-').unwrap_or((w, ""));
        let value = ordinal_word(first)?;
        if self.kind(k) != Some(TokenKind::Word)
            || !self.raw(k).starts_with(|c: char| c.is_lowercase())
        {
            return None;
        }
        if !rest.is_empty() {
            // "second-largest", "third-biggest".
            return Some((
                self.simple(k, k, Some(value), "ordinal", QuantityKind::Ordinal),
                k + 1,
            ));
        }
        let prev = k.checked_sub(1).map_or("", |j| self.w(j));
        // "a second" / "per second" / "30 seconds" are time units; "at first" is an adverb.
        if first == "second"
            && matches!(prev, "a" | "per" | "one" | "split")
            && !self.lowercase_word(k + 1)
        {
            return None;
        }
        let (noun, end) = self.ordinal_noun(k + 1);
        let end = end?;
        let mention = QuantityMention {
            span: self.span(k, end),
            value: Some(value),
            unit: noun,
            kind: QuantityKind::Ordinal,
            upper: None,
            modifier: None,
        };
        Some((mention, end + 1))
    }

    /// The noun an ordinal counts ("phase", "term"): (noun, its token).
    fn ordinal_noun(&self, k: usize) -> (Option<String>, Option<usize>) {
        let w = self.w(k);
        if self.lowercase_word(k) && !STOP_NOUNS.contains(&w) && w.len() > 2 && !w.ends_with("ly") {
            (Some(w.to_string()), Some(k))
        } else {
            (None, None)
        }
    }

    fn simple(
        &self,
        from: usize,
        to: usize,
        value: Option<f64>,
        unit: &str,
        kind: QuantityKind,
    ) -> QuantityMention {
        QuantityMention {
            span: self.span(from, to),
            value,
            unit: Some(unit.to_string()),
            kind,
            upper: None,
            modifier: self.modifier_before(from),
        }
    }

    fn is_plural_noun(&self, k: usize) -> bool {
        let w = self.w(k);
        if !self.lowercase_word(k) || STOP_NOUNS.contains(&w) || NOT_NOUNS.contains(&w) {
            return false;
        }
        PLURAL_NOUNS.contains(&w)
            || DURATION_UNITS.contains(&w)
            || MEASURE_UNITS.contains(&w)
            || currency_word(w).is_some()
            || (w.len() >= 3
                && w.ends_with('s')
                && !w.ends_with("ss")
                && !w.ends_with("ous")
                && !w.ends_with("'s"))
    }

    /// Everything after the number: scale, unit, range. `start` is the
    /// figure's first token (a currency symbol or the number).
    fn after_number(
        &self,
        start: usize,
        num: Num,
        currency: Option<&'static str>,
    ) -> Option<(QuantityMention, usize)> {
        let mut value = num.value;
        let mut next = num.next;
        let mut end = num.next - 1;
        // Scale: "2 billion", "1.5bn" (glued), "5m" (glued only for one-letter scales).
        let mut scaled = false;
        // "a $24.1-billion acquisition": the scale hyphenated to the number.
        if self.w(next) == "-"
            && self.touches(next - 1)
            && self.touches(next)
            && self.w(next + 1).len() > 2
        {
            if let Some(scale) = scale_word(self.w(next + 1)) {
                scaled = true;
                value = value.map(|v| v * scale);
                end = next + 1;
                next += 2;
            }
        }
        // "20-odd members", "30-odd million dollars": about that many; the
        // "odd" is neither a unit nor part of the noun.
        let odd = self.w(next) == "-"
            && self.touches(next - 1)
            && self.touches(next)
            && self.w(next + 1) == "odd";
        if odd {
            end = next + 1;
            next += 2;
        }
        // "600,000+ followers": at least that many.
        let plus = !odd
            && self.w(next) == "+"
            && self.touches(next - 1)
            && !(self.touches(next) && self.kind(next + 1) == Some(TokenKind::Number));
        if plus {
            end = next;
            next += 1;
        }
        let scale_w = self.w(next);
        if let Some(scale) = scale_word(scale_w) {
            let glued = self.touches(next - 1);
            let word_scale = scale_w.len() > 2;
            // One-letter scales ("m", "k") only when glued: "5m", not "5 m".
            if (word_scale || glued) && self.kind(next) == Some(TokenKind::Word) {
                scaled = true;
                value = value.map(|v| v * scale);
                end = next;
                next += 1;
            }
        }
        if currency.is_none() && !num.spelled {
            // The number of a ranked list or an index is part of its name.
            if start
                .checked_sub(1)
                .is_some_and(|j| NUMBERED_LIST_NAMES.contains(&self.reader.raw(j)))
            {
                return None;
            }
            // A number glued after a letter or hyphen is a name or label ("F-16", "COVID-19").
            if start > 0
                && self.tokens[start - 1].touches(&self.tokens[start])
                && matches!(self.kind(start - 1), Some(TokenKind::Word))
            {
                return None;
            }
            if start > 1
                && self.w(start - 1) == "-"
                && self.tokens[start - 1].touches(&self.tokens[start])
                && self.tokens[start - 2].touches(&self.tokens[start - 1])
                && self.kind(start - 2) == Some(TokenKind::Word)
            {
                return None;
            }
        }
        let mut unit: Option<String> = currency.map(str::to_string);
        let mut kind = if currency.is_some() {
            QuantityKind::Money
        } else {
            QuantityKind::Number
        };
        // Range: "20 or 30 years", "20-30%", "$2bn to $3bn", "between 20 and 30".
        let mut upper = None;
        let prev = start.checked_sub(1).map_or("", |j| self.w(j));
        let joiner = self.w(next);
        let range_ok = matches!(joiner, "or" | "to" | "-" | "through" | "–" | "~")
            || (joiner == "and" && prev == "between");
        if range_ok && prev != "from" {
            let second_at = if currency.is_some() && currency_symbol(self.w(next + 1)).is_some() {
                next + 2
            } else {
                next + 1
            };
            if let Some(second) = self.number(second_at).filter(|n| !n.vague && !n.fraction) {
                let hyphen = joiner == "-";
                let digits_both = !num.spelled && !second.spelled;
                if !hyphen || digits_both {
                    let mut v2 = second.value;
                    let mut e2 = second.next - 1;
                    let mut n2 = second.next;
                    // "2 to 3 million": the first number shares the scale.
                    if num.scale == 1.0 && second.scale > 1.0 && end == num.next - 1 {
                        value = value.map(|v| v * second.scale);
                    }
                    if let Some(scale) = scale_word(self.w(n2)) {
                        if self.w(n2).len() > 2 || self.touches(n2 - 1) {
                            v2 = v2.map(|v| v * scale);
                            // "2 to 3 billion": the first number shares the scale.
                            if end == num.next - 1 {
                                value = value.map(|v| v * scale);
                            }
                            e2 = n2;
                            n2 += 1;
                        }
                    }
                    // "+1-222-2222": a phone number or an identifier, not a range.
                    let chained = hyphen && self.w(n2) == "-" && self.touches(n2 - 1);
                    if let (Some(a), Some(b), false) = (value, v2, chained) {
                        if b > a {
                            upper = Some(b);
                            end = e2;
                            next = n2;
                        }
                    }
                }
            }
        }
        // Unit after the number.
        let w = self.w(next);
        let percentage_word = w == "percentage" && !matches!(self.w(next + 1), "point" | "points");
        if w == "%" || w == "percent" || w == "pct" || w == "percents" || percentage_word {
            unit = Some("percent".into());
            kind = QuantityKind::Percent;
            end = next;
            next += 1;
        } else if w == "per" && self.w(next + 1) == "cent" {
            unit = Some("percent".into());
            kind = QuantityKind::Percent;
            end = next + 1;
            next += 2;
        } else if w == "percentage" && matches!(self.w(next + 1), "point" | "points") {
            unit = Some("percentage points".into());
            kind = QuantityKind::Percent;
            end = next + 1;
            next += 2;
        } else if w == "basis" && matches!(self.w(next + 1), "point" | "points") {
            unit = Some("basis points".into());
            kind = QuantityKind::Percent;
            end = next + 1;
            next += 2;
        } else if let Some((code, last)) = currency
            .is_none()
            .then(|| self.currency_after(next))
            .flatten()
        {
            // "5 dollars", "10 us dollar", "100 chinese yuan", "20 usd", "10 €".
            unit = Some(code.to_string());
            kind = QuantityKind::Money;
            end = last;
            next = last + 1;
            // "75 USD million": the scale after the code.
            if let Some(scale) =
                scale_word(self.w(next)).filter(|_| !scaled && self.w(next).len() > 2)
            {
                value = value.map(|v| v * scale);
                upper = upper.map(|v| v * scale);
                end = next;
                next += 1;
            }
            // "thirteen dollars and forty-five cents", "15 dollars 50".
            let and = usize::from(self.w(next) == "and");
            if let Some(cents) = self.number(next + and).filter(|c| {
                c.value
                    .is_some_and(|v| v > 0.0 && v < 100.0 && v.fract() == 0.0)
                    && !c.fraction
                    && (matches!(self.w(c.next), "cents" | "cent" | "." | ",")
                        || c.next >= self.tokens.len())
            }) {
                let v = cents.value.unwrap_or(0.0);
                value = value.map(|x| x + v / 100.0);
                end = cents.next - 1;
                next = cents.next;
                if matches!(self.w(next), "cents" | "cent") {
                    end = next;
                    next += 1;
                }
            }
        } else if let Some(code) = currency
            .is_none()
            .then(|| millions_code(self.raw(next)))
            .flatten()
        {
            // "120 MEUR".
            value = value.map(|v| v * 1e6);
            upper = upper.map(|v| v * 1e6);
            unit = Some(code.into());
            kind = QuantityKind::Money;
            end = next;
            next += 1;
        } else if let Some(code) = currency.is_none().then(|| subunit(w)).flatten() {
            value = value.map(|v| v / 100.0);
            upper = upper.map(|v| v / 100.0);
            unit = Some(code.into());
            kind = QuantityKind::Money;
            end = next;
            next += 1;
        } else if currency.is_none()
            && w == "-"
            && self.touches(next - 1)
            && self.touches(next)
            && self.lowercase_word(next + 1)
        {
            // "20-point plan", "15-minute", "30-year-old": the hyphenated noun is the unit.
            let noun = self.w(next + 1);
            let noun = noun.split('-').next().unwrap_or(noun);
            // "a 263-page report", "a 300-word statement": the length of a
            // document the sentence names, not a statistic to source.
            if DOCUMENT_LENGTHS.contains(&noun) {
                return None;
            }
            let (k2, u) = match subunit(noun) {
                // "a 12-cent-a-share dividend".
                Some(code) => {
                    value = value.map(|v| v / 100.0);
                    (QuantityKind::Money, code.to_string())
                }
                None => classify_unit(noun),
            };
            // "a 22-year-old son": an age, read "22 years old", not "22 year".
            let age = matches!(
                self.w(next + 1),
                "year-old" | "years-old" | "month-old" | "months-old" | "week-old" | "day-old"
            );
            unit = Some(if age {
                format!("{}s old", noun.trim_end_matches('s'))
            } else {
                u
            });
            kind = k2;
            end = next + 1;
            next += 2;
        } else if currency.is_none() {
            // "3,000 troops", "20 Ukrainian soldiers", "40 km", "1 million barrels".
            let noun_at = if (ADJECTIVES.contains(&w) || self.capitalised_adjective(next))
                && self.is_plural_noun(next + 1)
            {
                Some(next + 1)
            } else if self.is_plural_noun(next)
                || (value == Some(1.0)
                    && (DURATION_UNITS.contains(&w) || MEASURE_UNITS.contains(&w) || w == "person"))
                || MEASURE_UNITS.contains(&w)
            {
                Some(next)
            } else {
                None
            };
            if let Some(noun_at) = noun_at {
                let noun = self.w(noun_at);
                let (k2, u) = classify_unit(noun);
                unit = Some(u);
                kind = k2;
                end = noun_at;
                next = noun_at + 1;
            } else if matches!(w, "of")
                && self.is_plural_noun(next + 1)
                && matches!(
                    self.w(next - 1),
                    "million" | "billion" | "trillion" | "thousand" | "hundred" | "dozen"
                )
            {
                // "2 million of them" is rare; "a million of dollars" is not English. Leave it.
            }
        }
        // Money written after the number: "5 million dollars", "3 billion euros".
        let (mut modifier, next) = self.modifier_after(next, self.modifier_before(start));
        if odd && modifier.is_none() {
            modifier = Some(Modifier::Approximately);
        }
        if plus && modifier.is_none() {
            modifier = Some(Modifier::AtLeast);
        }
        // "Over two years, the market grew": the time it took, not "more
        // than two years".
        if kind == QuantityKind::Duration && modifier == Some(Modifier::MoreThan) {
            let over = start.checked_sub(1).filter(|&k| self.w(k) == "over");
            let opens_clause = over.is_some_and(|k| {
                self.reader.raw(k) == "Over"
                    || k.checked_sub(1)
                        .is_none_or(|j| matches!(self.reader.raw(j), "," | ";" | "." | "!" | "?"))
            });
            if opens_clause && self.w(next) == "," {
                modifier = None;
            }
        }
        // "on Ninety Mile beach", "Three Mile Island": a spelled number set
        // in capitals inside a sentence, before a capitalised word, is part
        // of a name.
        let capitalised = |k: usize| self.raw(k).starts_with(char::is_uppercase);
        if num.spelled
            && capitalised(start)
            && start
                .checked_sub(1)
                .is_some_and(|j| self.kind(j) == Some(TokenKind::Word))
            && end >= num.next
            && capitalised(end)
        {
            return None;
        }
        if kind == QuantityKind::Number {
            // A bare spelled-out number is too often not a figure ("one of
            // them"), unless it bounds something ("fewer than a thousand",
            // "between negative ten and fifteen").
            let bounded = upper.is_some()
                || modifier.is_some_and(|m| m != Modifier::Approximately && m != Modifier::Vague);
            if num.spelled && !bounded {
                return None;
            }
            if self.is_label(start, next) {
                return None;
            }
            // "… by 2032 (1).": a reference marker, not a figure to source.
            let integer = value.is_some_and(|v| v.fract() == 0.0 && (0.0..1000.0).contains(&v));
            let enclosed = start.checked_sub(1).is_some_and(|j| self.w(j) == "(")
                && self.w(next) == ")"
                && end + 1 == next;
            if integer && enclosed && modifier.is_none() {
                return None;
            }
        }
        Some((
            QuantityMention {
                span: self.span(start, end),
                value,
                unit,
                kind,
                upper,
                modifier,
            },
            next,
        ))
    }

    /// A currency named after an amount, at `k`: (code, its last token).
    fn currency_after(&self, k: usize) -> Option<(&'static str, usize)> {
        let w = self.w(k);
        if let Some(code) = currency_symbol(w) {
            return Some((code, k));
        }
        if let Some(code) = currency_word(w) {
            return Some((code, k));
        }
        // Codes only when written as codes ("USD", or lower-cased newswire "usd").
        if let Some(code) = currency_code(w) {
            return Some((code, k));
        }
        let noun = self.w(k + 1);
        let code = match (w, noun) {
            ("us" | "u.s." | "american", "dollar" | "dollars") => "USD",
            ("canadian", "dollar" | "dollars") => "CAD",
            ("australian", "dollar" | "dollars") => "AUD",
            ("hong", "kong") if matches!(self.w(k + 2), "dollar" | "dollars") => {
                return Some(("HKD", k + 2))
            }
            ("chinese", "yuan") => "CNY",
            ("japanese", "yen") => "JPY",
            ("turkish", "lira" | "liras") => "TRY",
            ("swiss", "franc" | "francs") => "CHF",
            ("indian", "rupee" | "rupees") => "INR",
            ("british", "pound" | "pounds") => "GBP",
            _ => return None,
        };
        Some((code, k + 1))
    }

    /// A capitalised nationality-like adjective ("Ukrainian", "American").
    fn capitalised_adjective(&self, k: usize) -> bool {
        let raw = self.raw(k);
        raw.starts_with(|c: char| c.is_uppercase())
            && (raw.ends_with("an")
                || raw.ends_with("ese")
                || raw.ends_with("ish")
                || raw.ends_with("i"))
    }

    /// A bare number that names rather than counts: "Trump 2.0",
    /// "Article 5", "10:30", "5 p.m.", "[16]".
    fn is_label(&self, start: usize, next: usize) -> bool {
        let prev = start.checked_sub(1).map_or("", |j| self.w(j));
        let after = self.w(next);
        let prev2 = start.checked_sub(2).map_or("", |j| self.w(j));
        if LABEL_WORDS.contains(&prev)
            || (prev == "." && LABEL_WORDS.contains(&prev2))
            || (prev == "[" && after == "]")
        {
            return true;
        }
        if matches!(
            after,
            ":" | "a.m."
                | "p.m."
                | "am"
                | "pm"
                | "a.m"
                | "p.m"
                | "gmt"
                | "utc"
                | "et"
                | "pt"
                | "o'clock"
        ) {
            return true;
        }
        // Before a capitalised word: a title or name ("“60 Minutes”", "7 Eleven").
        if self
            .tokens
            .get(next)
            .is_some_and(|t| t.is_capitalised(self.text))
        {
            let opened = prev == "\"" || prev == "'";
            if opened || !after.ends_with('s') {
                return true;
            }
        }
        if prev == ":" && start >= 2 && self.kind(start - 2) == Some(TokenKind::Number) {
            return true;
        }
        // "9/11", "24/7": numbers glued by a slash name a day or a schedule.
        let slash_after = after == "/" && self.touches(next - 1) && self.touches(next);
        let slash_before = prev == "/" && start >= 2 && self.touches(start - 1);
        if slash_after || slash_before {
            return true;
        }
        // After a capitalised word that does not start the sentence: a name ("Trump 2.0", "Windows 11").
        if start > 0 {
            let t = &self.tokens[start - 1];
            if t.is_capitalised(self.text) && !FUNCTION_STARTERS.contains(&prev) {
                return true;
            }
        }
        false
    }
}

/// The kind and unit a counted noun implies.
fn classify_unit(noun: &str) -> (QuantityKind, String) {
    if let Some(code) = currency_word(noun) {
        return (QuantityKind::Money, code.to_string());
    }
    let kind = if DURATION_UNITS.contains(&noun) {
        QuantityKind::Duration
    } else if MEASURE_UNITS.contains(&noun) {
        QuantityKind::Measure
    } else {
        QuantityKind::Count
    };
    (kind, noun.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::tokens::tokenize;

    type Row = (
        String,
        Option<f64>,
        Option<f64>,
        Option<String>,
        &'static str,
    );

    fn find_in(text: &str) -> Vec<Row> {
        let tokens = tokenize(text);
        let norm = Normalized::new(text, &tokens);
        let sentences = crate::segment::sentences::split(text, ByteSpan::new(0, text.len()));
        let times = crate::segment::times::find(
            text,
            &tokens,
            &norm,
            &sentences,
            crate::calendar::Date::new(2025, 12, 22),
        );
        find(text, &tokens, &norm, &times)
            .into_iter()
            .map(|q| {
                (
                    q.span.of(text).to_string(),
                    q.value,
                    q.upper,
                    q.unit,
                    q.kind.as_str(),
                )
            })
            .collect()
    }

    fn row(
        text: &str,
        value: Option<f64>,
        upper: Option<f64>,
        unit: Option<&str>,
        kind: &'static str,
    ) -> Row {
        (
            text.to_string(),
            value,
            upper,
            unit.map(str::to_string),
            kind,
        )
    }

    #[test]
    fn table_of_figures() {
        let cases: Vec<(&str, Vec<Row>)> = vec![
            (
                "a $2 billion investment",
                vec![row("$2 billion", Some(2e9), None, Some("USD"), "money")],
            ),
            (
                "€1.5bn in aid",
                vec![row("€1.5bn", Some(1.5e9), None, Some("EUR"), "money")],
            ),
            // Money in one word, in cents, in millions of a code; never in a URL.
            (
                "a 12-cent-a-share dividend and a one-yen bid",
                vec![
                    row("12-cent-a-share", Some(0.12), None, Some("USD"), "money"),
                    row("one-yen", Some(1.0), None, Some("JPY"), "money"),
                ],
            ),
            (
                "USD115 and 120 MEUR",
                vec![
                    row("USD115", Some(115.0), None, Some("USD"), "money"),
                    row("120 MEUR", Some(1.2e8), None, Some("EUR"), "money"),
                ],
            ),
            ("see https://x.com/s?q=30%25%2020% now", vec![]),
            // wcxb-articles 0412: "a 20-odd session campaign" was shown as "20 odd",
            // "a hoot and a half" as the figure 1/2.
            (
                "the 20-odd members and 30-odd million dollars",
                vec![
                    row("20-odd members", Some(20.0), None, Some("members"), "count"),
                    row(
                        "30-odd million dollars",
                        Some(3e7),
                        None,
                        Some("USD"),
                        "money",
                    ),
                ],
            ),
            ("This was a hoot and a half.", vec![]),
            // guardian-1: "his 22-year-old son" was shown as "22 year", and
            // "10 rare pygmy whales on Ninety Mile beach" gave the figure "90 mile".
            (
                "his 22-year-old son and a 6-month-old baby",
                vec![
                    row(
                        "22-year-old",
                        Some(22.0),
                        None,
                        Some("years old"),
                        "duration",
                    ),
                    row(
                        "6-month-old",
                        Some(6.0),
                        None,
                        Some("months old"),
                        "duration",
                    ),
                ],
            ),
            (
                "whales on Ninety Mile beach; Ninety miles of beach",
                vec![row(
                    "Ninety miles",
                    Some(90.0),
                    None,
                    Some("miles"),
                    "measure",
                )],
            ),
            // wcxb-articles 0301: "the majority of Fortune 100 companies" asked for
            // the source of the figure "100 companies".
            (
                "Most Fortune 100 companies and the FTSE 100 rose; a fortune 500 people made",
                vec![row(
                    "500 people",
                    Some(500.0),
                    None,
                    Some("people"),
                    "count",
                )],
            ),
            // wcxb-articles 0058: reference markers "(1)" were figures to source;
            // 0165: "600,000+ followers" lost its "+".
            (
                "revenue could reach $124 billion by 2032 (1). A study found 57% (2), not (3)",
                vec![
                    row("$124 billion", Some(1.24e11), None, Some("USD"), "money"),
                    row("57%", Some(57.0), None, Some("percent"), "percent"),
                ],
            ),
            (
                "grown by 600,000+ followers",
                vec![row(
                    "600,000+ followers",
                    Some(6e5),
                    None,
                    Some("followers"),
                    "count",
                )],
            ),
            (
                "one and a half points",
                vec![row(
                    "one and a half points",
                    Some(1.5),
                    None,
                    Some("points"),
                    "count",
                )],
            ),
            (
                "Palo Alto Network’s $24.1-billion acquisition",
                vec![row(
                    "$24.1-billion",
                    Some(2.41e10),
                    None,
                    Some("USD"),
                    "money",
                )],
            ),
            (
                "They paid 75 USD million, not 50 dollars",
                vec![
                    row("75 USD million", Some(7.5e7), None, Some("USD"), "money"),
                    row("50 dollars", Some(50.0), None, Some("USD"), "money"),
                ],
            ),
            (
                "US$5m deal",
                vec![row("US$5m", Some(5e6), None, Some("USD"), "money")],
            ),
            (
                "£300,000 fine",
                vec![row("£300,000", Some(3e5), None, Some("GBP"), "money")],
            ),
            (
                "3 billion euros",
                vec![row(
                    "3 billion euros",
                    Some(3e9),
                    None,
                    Some("EUR"),
                    "money",
                )],
            ),
            (
                "rose 3.5% in",
                vec![row("3.5%", Some(3.5), None, Some("percent"), "percent")],
            ),
            (
                "fell 12 per cent",
                vec![row(
                    "12 per cent",
                    Some(12.0),
                    None,
                    Some("percent"),
                    "percent",
                )],
            ),
            (
                "up two percentage points",
                vec![row(
                    "two percentage points",
                    Some(2.0),
                    None,
                    Some("percentage points"),
                    "percent",
                )],
            ),
            (
                "Trump's 20-point peace plan",
                vec![row("20-point", Some(20.0), None, Some("point"), "count")],
            ),
            (
                "the 20 or 30 years prior",
                vec![row(
                    "20 or 30 years",
                    Some(20.0),
                    Some(30.0),
                    Some("years"),
                    "duration",
                )],
            ),
            (
                "between 20 and 30 percent",
                vec![row(
                    "20 and 30 percent",
                    Some(20.0),
                    Some(30.0),
                    Some("percent"),
                    "percent",
                )],
            ),
            (
                "20-30% of voters",
                vec![row(
                    "20-30%",
                    Some(20.0),
                    Some(30.0),
                    Some("percent"),
                    "percent",
                )],
            ),
            (
                "$2 billion to $3 billion",
                vec![row(
                    "$2 billion to $3 billion",
                    Some(2e9),
                    Some(3e9),
                    Some("USD"),
                    "money",
                )],
            ),
            (
                "2 to 3 million barrels",
                vec![row(
                    "2 to 3 million barrels",
                    Some(2e6),
                    Some(3e6),
                    Some("barrels"),
                    "measure",
                )],
            ),
            (
                "followed several weeks of diplomacy",
                vec![row("several weeks", None, None, Some("weeks"), "duration")],
            ),
            (
                "billions of dollars in investments",
                vec![row("billions of dollars", None, None, Some("USD"), "money")],
            ),
            (
                "dozens of people",
                vec![row("dozens of people", None, None, Some("people"), "count")],
            ),
            (
                "more than 3,000 troops",
                vec![row(
                    "3,000 troops",
                    Some(3000.0),
                    None,
                    Some("troops"),
                    "count",
                )],
            ),
            (
                "twenty-five people",
                vec![row(
                    "twenty-five people",
                    Some(25.0),
                    None,
                    Some("people"),
                    "count",
                )],
            ),
            (
                "one hundred and twenty countries",
                vec![row(
                    "one hundred and twenty countries",
                    Some(120.0),
                    None,
                    Some("countries"),
                    "count",
                )],
            ),
            (
                "three million people",
                vec![row(
                    "three million people",
                    Some(3e6),
                    None,
                    Some("people"),
                    "count",
                )],
            ),
            (
                "20 Ukrainian soldiers",
                vec![row(
                    "20 Ukrainian soldiers",
                    Some(20.0),
                    None,
                    Some("soldiers"),
                    "count",
                )],
            ),
            (
                "a 15-minute call",
                vec![row(
                    "15-minute",
                    Some(15.0),
                    None,
                    Some("minute"),
                    "duration",
                )],
            ),
            (
                "40 km away",
                vec![row("40 km", Some(40.0), None, Some("km"), "measure")],
            ),
            (
                "the second phase",
                vec![row(
                    "second phase",
                    Some(2.0),
                    None,
                    Some("phase"),
                    "ordinal",
                )],
            ),
            // A century is a time (1900–1999), not an ordinal figure.
            ("the 20th century", vec![]),
            (
                "the 20th anniversary",
                vec![row(
                    "20th anniversary",
                    Some(20.0),
                    None,
                    Some("anniversary"),
                    "ordinal",
                )],
            ),
            (
                "the third-largest",
                vec![row(
                    "third-largest",
                    Some(3.0),
                    None,
                    Some("ordinal"),
                    "ordinal",
                )],
            ),
            (
                "two-thirds of voters",
                vec![row(
                    "two-thirds",
                    Some(2.0 / 3.0),
                    None,
                    Some("fraction"),
                    "fraction",
                )],
            ),
            (
                "half of the budget",
                vec![row("half", Some(0.5), None, Some("fraction"), "fraction")],
            ),
            (
                "killing 4.",
                vec![row("4", Some(4.0), None, None, "number")],
            ),
            // Not figures: times, names, labels, bare words.
            ("in February 2022", vec![]),
            ("on December 22", vec![]),
            ("Trump 2.0 and F-16 jets and COVID-19", vec![]),
            ("CBS’ “60 Minutes,”", vec![]),
            ("Article 5 at 10:30 or 5 p.m.", vec![]),
            ("one of them", vec![]),
            ("at first, he", vec![]),
            ("see [16] and No. 10", vec![]),
            ("killed since 9/11 by terrorism", vec![]),
            ("the past three years", vec![]),
            // wcxb-articles 0347: the note asked for "the original source of
            // the figure “263-page”"; a document's length is not a figure.
            ("according to IoT Analytics’ 263-page report", vec![]),
            ("a 300-word statement and a 12-chapter book", vec![]),
        ];
        for (text, expected) in cases {
            assert_eq!(find_in(text), expected, "{text}");
        }
    }

    /// Regressions from real pages: what the note showed, and what it must.
    #[test]
    fn ordinals_ranges_signs_word_numbers_and_money_read_and_display_right() {
        // (text, figure, kind, value, upper, unit, display)
        type Case = (
            &'static str,
            &'static str,
            &'static str,
            f64,
            Option<f64>,
            &'static str,
            &'static str,
        );
        let cases: &[Case] = &[
            // "second term" was shown as "2 term".
            (
                "won a second term in office",
                "second term",
                "ordinal",
                2.0,
                None,
                "term",
                "2nd term",
            ),
            // "20 or 30 years" was shown as "20 years".
            (
                "the 20 or 30 years prior",
                "20 or 30 years",
                "duration",
                20.0,
                Some(30.0),
                "years",
                "20–30 years",
            ),
            // "four to six services" was shown as "4 services".
            (
                "it runs four to six services a day",
                "four to six services",
                "count",
                4.0,
                Some(6.0),
                "services",
                "4–6 services",
            ),
            // "-12.99" lost its minus sign.
            (
                "the index closed at -12.99 on Friday",
                "-12.99",
                "number",
                -12.99,
                None,
                "",
                "-12.99",
            ),
            (
                "a dozen eggs",
                "a dozen eggs",
                "count",
                12.0,
                None,
                "eggs",
                "12 eggs",
            ),
            (
                "two-thirds of voters",
                "two-thirds",
                "fraction",
                2.0 / 3.0,
                None,
                "fraction",
                "2/3",
            ),
            (
                "two thirds of voters",
                "two thirds",
                "fraction",
                2.0 / 3.0,
                None,
                "fraction",
                "2/3",
            ),
            (
                "a $2.8 billion deal",
                "$2.8 billion",
                "money",
                2.8e9,
                None,
                "USD",
                "USD 2.8 billion",
            ),
            (
                "more than 3,000 troops",
                "3,000 troops",
                "count",
                3000.0,
                None,
                "troops",
                "more than 3,000 troops",
            ),
            (
                "between 20 and 30 percent",
                "20 and 30 percent",
                "percent",
                20.0,
                Some(30.0),
                "percent",
                "20–30%",
            ),
            (
                "fewer than a thousand pandas",
                "a thousand pandas",
                "count",
                1000.0,
                None,
                "pandas",
                "less than 1,000 pandas",
            ),
            (
                "it cost thirteen dollars and forty-five cents",
                "thirteen dollars and forty-five cents",
                "money",
                13.45,
                None,
                "USD",
                "USD 13.45",
            ),
            (
                "bought 100 chinese yuan",
                "100 chinese yuan",
                "money",
                100.0,
                None,
                "CNY",
                "CNY 100",
            ),
        ];
        for &(text, figure, kind, value, upper, unit, display) in cases {
            let tokens = tokenize(text);
            let norm = Normalized::new(text, &tokens);
            let found = find(text, &tokens, &norm, &[]);
            let q = found
                .iter()
                .find(|q| q.span.of(text) == figure)
                .unwrap_or_else(|| panic!("{text}: no “{figure}” in {found:?}"));
            assert_eq!(q.kind.as_str(), kind, "{text}");
            assert!(
                (q.value.unwrap_or(f64::NAN) - value).abs() < 1e-6,
                "{text}: {q:?}"
            );
            assert_eq!(q.upper, upper, "{text}");
            assert_eq!(q.unit.as_deref().unwrap_or(""), unit, "{text}");
            assert_eq!(q.display().as_deref(), Some(display), "{text}");
        }
    }

    /// wcxb-articles 0165: "600,000+ followers" was shown as exactly 600,000.
    #[test]
    fn a_plus_after_a_figure_is_at_least() {
        let text = "Uniqlo grew its channels by 600,000+ followers.";
        let tokens = tokenize(text);
        let norm = Normalized::new(text, &tokens);
        let found = find(text, &tokens, &norm, &[]);
        let mods: Vec<_> = found.iter().map(|q| (q.value, q.modifier)).collect();
        assert_eq!(mods, vec![(Some(6e5), Some(Modifier::AtLeast))]);
    }

    #[test]
    fn modifiers_are_reported_not_spanned() {
        let text =
            "more than 3,000 troops and about $5 million and at least 10 people and 20-odd boats";
        let tokens = tokenize(text);
        let norm = Normalized::new(text, &tokens);
        let found = find(text, &tokens, &norm, &[]);
        let mods: Vec<_> = found.iter().map(|q| q.modifier).collect();
        assert_eq!(
            mods,
            vec![
                Some(Modifier::MoreThan),
                Some(Modifier::Approximately),
                Some(Modifier::AtLeast),
                Some(Modifier::Approximately)
            ]
        );
    }

    /// The bug: "Over two years, the market skyrocketed from …" showed the
    /// figure "two years" as "more than 2 years". Opening a clause, "over"
    /// is the time it took; before a figure it is still "more than".
    #[test]
    fn over_a_span_opening_a_clause_is_not_more_than() {
        let modifier_of = |text: &str| {
            let tokens = tokenize(text);
            let norm = Normalized::new(text, &tokens);
            let found = find(text, &tokens, &norm, &[]);
            found
                .iter()
                .find(|q| q.kind == QuantityKind::Duration)
                .map(|q| q.modifier)
        };
        assert_eq!(
            modifier_of("Over two years, the market grew tenfold."),
            Some(None)
        );
        assert_eq!(
            modifier_of("Sales rose and, over three months, fell again."),
            Some(None)
        );
        assert_eq!(
            modifier_of("The trial lasted over two years in all."),
            Some(Some(Modifier::MoreThan))
        );
    }

    #[test]
    fn hostile_input_never_panics() {
        for text in [
            "$",
            "$$",
            "€.",
            "20-",
            "-20",
            "20 or",
            "between 1 and",
            "a",
            "half",
            "1st",
            "99999999999999999999999",
            "1,2,3,4",
            "two-",
            "-thirds",
        ] {
            let tokens = tokenize(text);
            let norm = Normalized::new(text, &tokens);
            let _ = find(text, &tokens, &norm, &[]);
        }
    }
}
