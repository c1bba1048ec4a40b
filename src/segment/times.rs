//! Time expressions, resolved against the article's published date to an
//! inclusive calendar interval. What cannot be resolved is reported
//! unresolved, with the reason; no date is invented.
//!
//! Direction matters for expressions that name a recurring period ("in
//! March", "Saturday", "over the summer", "this weekend"): news mostly
//! reports the past, so the most recent such period is taken, unless the
//! clause points forward ("will", "is expected to", "next", "scheduled"),
//! in which case the next one is. The nearest tense marker to the
//! expression decides, with markers before it in the clause preferred.

use super::tokens::{Normalized, Token, TokenKind};
use crate::calendar::{days_in_month, Date};
use crate::spans::ByteSpan;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimeMention {
    pub span: ByteSpan,
    /// Inclusive interval, when it can be resolved.
    pub resolved: Option<(Date, Date)>,
    pub kind: TimeKind,
    /// Where the expression lies relative to publication.
    pub direction: TimeDirection,
    /// Why `resolved` is `None`.
    pub unresolved: Option<Unresolved>,
    /// The event an expression is anchored to ("Trump 2.0" in "nearly a
    /// year into Trump 2.0").
    pub anchor: Option<ByteSpan>,
}

/// Serialized (the analysis contract) as its `as_str` name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TimeKind {
    /// One day: a date, weekday, "yesterday", a holiday.
    Day,
    Weekend,
    Week,
    Month,
    Season,
    Quarter,
    Year,
    Decade,
    /// An interval with explicit bounds: "since 2022", "the past three
    /// years", "early 2024", "from March to May".
    Period,
    /// "within weeks", "in recent months": no bounds are stated.
    Vague,
    /// Anchored to an event: "nearly a year into Trump 2.0".
    EventRelative,
}

impl TimeKind {
    pub fn as_str(self) -> &'static str {
        match self {
            TimeKind::Day => "day",
            TimeKind::Weekend => "weekend",
            TimeKind::Week => "week",
            TimeKind::Month => "month",
            TimeKind::Season => "season",
            TimeKind::Quarter => "quarter",
            TimeKind::Year => "year",
            TimeKind::Decade => "decade",
            TimeKind::Period => "period",
            TimeKind::Vague => "vague",
            TimeKind::EventRelative => "event_relative",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeDirection {
    Past,
    /// The interval contains the publication date.
    Present,
    Future,
    Unknown,
}

impl TimeDirection {
    pub fn as_str(self) -> &'static str {
        match self {
            TimeDirection::Past => "past",
            TimeDirection::Present => "present",
            TimeDirection::Future => "future",
            TimeDirection::Unknown => "unknown",
        }
    }
}

/// Serialized (the analysis contract) as its `as_str` name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Unresolved {
    /// Relative, and the article has no published date.
    NoPublishedDate,
    /// No bounds are stated ("within weeks", "in recent years").
    Vague,
    /// Relative to an event or to the story's own timeline, not to
    /// publication ("a year into the war", "the following week").
    RelativeToEvent,
    /// The calendar has no such date ("February 30").
    InvalidDate,
}

impl Unresolved {
    pub fn as_str(self) -> &'static str {
        match self {
            Unresolved::NoPublishedDate => "no_published_date",
            Unresolved::Vague => "vague",
            Unresolved::RelativeToEvent => "relative_to_event",
            Unresolved::InvalidDate => "invalid_date",
        }
    }
}

/// Finds and resolves the time expressions of `text`.
pub fn find(
    text: &str,
    tokens: &[Token],
    norm: &Normalized,
    sentences: &[ByteSpan],
    published: Option<Date>,
) -> Vec<TimeMention> {
    let cx = Cx {
        text,
        tokens,
        norm,
        sentences,
        markers: vec![std::cell::Cell::new(MARKER_UNSET); tokens.len()],
    };
    let mut out = Vec::new();
    let mut k = 0;
    while k < tokens.len() {
        // Cheap filter: most tokens cannot start an expression.
        if !cx.may_start(k) {
            k += 1;
            continue;
        }
        match cx.parse(k) {
            Some(parsed) if parsed.end > k => {
                out.push(cx.mention(k, parsed, published));
                k = parsed_end(k, &out, tokens);
            }
            _ => k += 1,
        }
    }
    out
}

/// The token after the mention just pushed.
fn parsed_end(k: usize, out: &[TimeMention], tokens: &[Token]) -> usize {
    let end = out.last().map_or(0, |m| m.span.end);
    let mut j = k + 1;
    while j < tokens.len() && tokens[j].span.start < end {
        j += 1;
    }
    j
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Rel {
    None,
    This,
    Last,
    Next,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Unit {
    Hour,
    Day,
    Week,
    Weekend,
    Month,
    Quarter,
    Year,
    Decade,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Season {
    Spring,
    Summer,
    Fall,
    Winter,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    Early,
    Mid,
    Late,
    Beginning,
    End,
    FirstHalf,
    SecondHalf,
    Earlier,
    Later,
    Rest,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Holiday {
    Christmas,
    ChristmasEve,
    NewYearsDay,
    NewYearsEve,
    Thanksgiving,
    Halloween,
    Easter,
    IndependenceDay,
    ValentinesDay,
    MemorialDay,
    LaborDay,
    VeteransDay,
}

#[derive(Debug, Clone, PartialEq)]
enum Expr {
    Day(Date),
    Invalid,
    MonthDay {
        month: u32,
        day: u32,
        to_day: Option<u32>,
        year: Option<i32>,
    },
    Month {
        month: u32,
        year: Option<i32>,
        rel: Rel,
    },
    Year {
        from: i32,
        to: i32,
    },
    Decade(i32),
    Weekday {
        weekday: u32,
        rel: Rel,
    },
    DayOffset(i64),
    Calendar {
        unit: Unit,
        offset: i64,
    },
    Season {
        season: Season,
        year: Option<i32>,
        rel: Rel,
    },
    Quarter {
        quarter: u32,
        year: Option<i32>,
    },
    Rolling {
        unit: Unit,
        n: Option<u32>,
        future: bool,
    },
    /// "the previous day", "the following week": the story's own timeline.
    Narrative,
    Ago {
        unit: Unit,
        n: Option<u32>,
    },
    Within {
        unit: Unit,
        n: Option<u32>,
    },
    Recent,
    Holiday {
        holiday: Holiday,
        year: Option<i32>,
        rel: Rel,
    },
    EventRelative {
        anchor: ByteSpan,
    },
    Part {
        part: Part,
        inner: Box<Expr>,
    },
    Since(Box<Expr>),
    Range(Box<Expr>, Box<Expr>),
}

#[derive(Debug, Clone, PartialEq)]
struct Parsed {
    /// Token index just past the expression.
    end: usize,
    expr: Expr,
}

fn parsed(end: usize, expr: Expr) -> Option<Parsed> {
    Some(Parsed { end, expr })
}

/// A range; a first month without a year takes the second's ("January to March 2024").
fn range(first: Expr, second: Expr) -> Expr {
    let second_year = match &second {
        Expr::Month {
            month,
            year: Some(y),
            ..
        }
        | Expr::MonthDay {
            month,
            year: Some(y),
            ..
        } => Some((*month, *y)),
        _ => None,
    };
    let first = match (first, second_year) {
        (
            Expr::Month {
                month,
                year: None,
                rel: Rel::None,
            },
            Some((m2, y)),
        ) => Expr::Month {
            month,
            year: Some(if month <= m2 { y } else { y - 1 }),
            rel: Rel::None,
        },
        (
            Expr::MonthDay {
                month,
                day,
                to_day,
                year: None,
            },
            Some((m2, y)),
        ) => Expr::MonthDay {
            month,
            day,
            to_day,
            year: Some(if month <= m2 { y } else { y - 1 }),
        },
        (first, _) => first,
    };
    Expr::Range(Box::new(first), Box::new(second))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tense {
    Past,
    Present,
    Future,
    Unknown,
}

struct Cx<'a> {
    text: &'a str,
    tokens: &'a [Token],
    norm: &'a Normalized,
    sentences: &'a [ByteSpan],
    /// `marker` of each token, computed on first use (`MARKER_UNSET` until then).
    markers: Vec<std::cell::Cell<u8>>,
}

const MARKER_UNSET: u8 = u8::MAX;

const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Words after which a bare month name is a time ("in June", "an October interview").
const MONTH_CONTEXT: &[&str] = &[
    "in",
    "on",
    "since",
    "until",
    "till",
    "through",
    "by",
    "during",
    "from",
    "to",
    "last",
    "next",
    "this",
    "early",
    "late",
    "mid",
    "of",
    "before",
    "after",
    "between",
    "and",
    "or",
    "an",
    "a",
    "the",
    "each",
    "every",
    "that",
    "-",
    "until",
    "throughout",
    "around",
];

fn strip_possessive(w: &str) -> &str {
    w.strip_suffix("'s").unwrap_or(w)
}

fn month_number(w: &str) -> Option<u32> {
    crate::calendar::month_of_name(w)
}

fn weekday_number(w: &str) -> Option<u32> {
    WEEKDAYS.iter().position(|d| *d == w).map(|i| i as u32)
}

fn small_number_word(w: &str) -> Option<u32> {
    Some(match w {
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "fifteen" => 15,
        "eighteen" => 18,
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "hundred" => 100,
        _ => return None,
    })
}

fn unit_of(w: &str) -> Option<(Unit, bool)> {
    Some(match w {
        "hour" => (Unit::Hour, false),
        "hours" => (Unit::Hour, true),
        "day" => (Unit::Day, false),
        "days" => (Unit::Day, true),
        "week" => (Unit::Week, false),
        "weeks" => (Unit::Week, true),
        "weekend" => (Unit::Weekend, false),
        "weekends" => (Unit::Weekend, true),
        "month" => (Unit::Month, false),
        "months" => (Unit::Month, true),
        "quarter" => (Unit::Quarter, false),
        "quarters" => (Unit::Quarter, true),
        "year" => (Unit::Year, false),
        "years" => (Unit::Year, true),
        "decade" => (Unit::Decade, false),
        "decades" => (Unit::Decade, true),
        _ => return None,
    })
}

fn season_of(w: &str) -> Option<Season> {
    Some(match w {
        "spring" => Season::Spring,
        "summer" => Season::Summer,
        "fall" | "autumn" => Season::Fall,
        "winter" => Season::Winter,
        _ => return None,
    })
}

/// Count words after which a following plural noun shows a number is not a year.
const COUNT_NOUNS: &[&str] = &[
    "people",
    "votes",
    "troops",
    "cases",
    "deaths",
    "times",
    "members",
    "jobs",
    "percent",
    "dollars",
    "euros",
    "miles",
    "km",
    "kilometers",
    "kilometres",
    "feet",
    "tons",
    "tonnes",
    "units",
    "students",
    "workers",
    "employees",
    "residents",
    "homes",
    "points",
    "words",
    "pages",
    "acres",
    "soldiers",
    "civilians",
    "children",
    "men",
    "women",
    "voters",
    "seats",
    "hours",
    "days",
    "meters",
    "metres",
    "pounds",
    "barrels",
    "calories",
    "applications",
    "patients",
];

impl<'a> Cx<'a> {
    fn w(&self, k: usize) -> &'a str {
        self.norm.get(k)
    }

    /// Whether an expression can start at token `k`: a number, a
    /// capitalised word (month, weekday, holiday), or one of the words
    /// that open the relative forms.
    fn may_start(&self, k: usize) -> bool {
        let t = self.tokens[k];
        match t.kind {
            TokenKind::Number => true,
            TokenKind::Punct => self.w(k) == "'",
            TokenKind::Word => {
                if t.is_capitalised(self.text) {
                    return true;
                }
                let w = self.w(k);
                w.starts_with("mid")
                    || small_number_word(w).is_some()
                    || matches!(
                        w,
                        "since"
                            | "from"
                            | "between"
                            | "early"
                            | "late"
                            | "earlier"
                            | "later"
                            | "the"
                            | "beginning"
                            | "start"
                            | "end"
                            | "middle"
                            | "rest"
                            | "remainder"
                            | "first"
                            | "second"
                            | "third"
                            | "fourth"
                            | "this"
                            | "last"
                            | "next"
                            | "past"
                            | "coming"
                            | "previous"
                            | "following"
                            | "preceding"
                            | "today"
                            | "tonight"
                            | "yesterday"
                            | "tomorrow"
                            | "within"
                            | "recent"
                            | "nearly"
                            | "almost"
                            | "about"
                            | "roughly"
                            | "some"
                            | "over"
                            | "just"
                            | "barely"
                            | "only"
                            | "around"
                            | "more"
                            | "less"
                            | "a"
                            | "an"
                            | "few"
                            | "several"
                            | "many"
                            | "spring"
                            | "summer"
                            | "fall"
                            | "autumn"
                            | "winter"
                            | "q1"
                            | "q2"
                            | "q3"
                            | "q4"
                            | "hours"
                            | "days"
                            | "weeks"
                            | "months"
                            | "years"
                            | "decades"
                    )
            }
        }
    }

    fn raw(&self, k: usize) -> &'a str {
        self.tokens.get(k).map_or("", |t| t.text(self.text))
    }

    fn capitalised(&self, k: usize) -> bool {
        self.tokens
            .get(k)
            .is_some_and(|t| t.is_capitalised(self.text))
    }

    /// Token `k` ends where token `k + 1` starts.
    fn touches(&self, k: usize) -> bool {
        match (self.tokens.get(k), self.tokens.get(k + 1)) {
            (Some(a), Some(b)) => a.touches(b),
            _ => false,
        }
    }

    /// A plain integer token (no separators).
    fn integer(&self, k: usize) -> Option<u32> {
        let t = self.tokens.get(k)?;
        if t.kind != TokenKind::Number {
            return None;
        }
        let s = t.text(self.text);
        if s.len() > 6 || !s.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        s.parse().ok()
    }

    /// A day of the month, with an optional touching ordinal suffix. Returns (day, next).
    fn day_number(&self, k: usize) -> Option<(u32, usize)> {
        let day = self.integer(k)?;
        if !(1..=31).contains(&day) || self.raw(k).len() > 2 {
            return None;
        }
        let mut next = k + 1;
        if self.touches(k) && matches!(self.w(k + 1), "st" | "nd" | "rd" | "th") {
            next += 1;
        }
        Some((day, next))
    }

    /// A four-digit year token in a plausible range.
    fn year_token(&self, k: usize) -> Option<i32> {
        let t = self.tokens.get(k)?;
        let s = t.text(self.text);
        if t.kind != TokenKind::Number || s.len() != 4 || !s.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let y: i32 = s.parse().ok()?;
        (1800..=2199).contains(&y).then_some(y)
    }

    /// A month name at `k`: capitalised full name (possessive allowed), or
    /// a capitalised abbreviation with an optional period. Returns
    /// (month, next, abbreviated).
    fn month_at(&self, k: usize) -> Option<(u32, usize, bool)> {
        if !self.capitalised(k) {
            return None;
        }
        let w = self.w(k);
        if let Some(m) = month_number(strip_possessive(w)) {
            return Some((m, k + 1, false));
        }
        let m = crate::calendar::month_of_abbreviation(w)?;
        let next = if self.touches(k) && self.w(k + 1) == "." {
            k + 2
        } else {
            k + 1
        };
        Some((m, next, true))
    }

    fn weekday_at(&self, k: usize) -> Option<u32> {
        if !self.capitalised(k) {
            return None;
        }
        weekday_number(strip_possessive(self.w(k)))
    }

    /// A count before a unit: digits, a number word, "a"/"an", or a vague
    /// quantifier (`None` value). Returns (value, next).
    fn count(&self, k: usize) -> Option<(Option<u32>, usize)> {
        let w = self.w(k);
        if let Some(n) = self.integer(k) {
            return Some((Some(n), k + 1));
        }
        if let Some(n) = small_number_word(w) {
            return Some((Some(n), k + 1));
        }
        match w {
            "a" | "an" => match self.w(k + 1) {
                "few" => Some((None, k + 2)),
                "couple" if self.w(k + 2) == "of" => Some((Some(2), k + 3)),
                _ => Some((Some(1), k + 1)),
            },
            "few" | "several" | "many" | "some" => Some((None, k + 1)),
            _ => None,
        }
    }

    /// Parses the longest expression starting at token `k`.
    fn parse(&self, k: usize) -> Option<Parsed> {
        let w = self.w(k);
        match w {
            "since" => {
                let inner = self.core(k + 1)?;
                return parsed(inner.end, Expr::Since(Box::new(inner.expr)));
            }
            "from" => {
                let first = self.core(k + 1)?;
                if matches!(self.w(first.end), "to" | "until" | "till" | "through" | "-") {
                    if let Some(second) = self.core(first.end + 1) {
                        return parsed(second.end, range(first.expr, second.expr));
                    }
                }
                return None;
            }
            "between" => {
                let first = self.core(k + 1)?;
                if self.w(first.end) == "and" {
                    if let Some(second) = self.core(first.end + 1) {
                        return parsed(second.end, range(first.expr, second.expr));
                    }
                }
                return None;
            }
            _ => {}
        }
        let first = self.partial(k).or_else(|| self.core(k))?;
        // "January to March", "Monday through Friday", "2020-2022".
        let joiner = self.w(first.end);
        if matches!(joiner, "to" | "through" | "until" | "-")
            && matches!(
                first.expr,
                Expr::Month { .. }
                    | Expr::Weekday { .. }
                    | Expr::Year { .. }
                    | Expr::MonthDay { .. }
            )
        {
            if let Some(second) = self.core(first.end + 1) {
                let compatible = std::mem::discriminant(&first.expr)
                    == std::mem::discriminant(&second.expr)
                    || matches!(
                        (&first.expr, &second.expr),
                        (Expr::MonthDay { .. }, Expr::Month { .. })
                            | (Expr::Month { .. }, Expr::MonthDay { .. })
                    );
                if compatible {
                    return parsed(second.end, range(first.expr, second.expr));
                }
            }
        }
        Some(first)
    }

    /// "early 2024", "mid-October", "late last year", "the end of the
    /// year", "the first half of 2023", "earlier this week".
    fn partial(&self, k: usize) -> Option<Parsed> {
        let w = self.w(k);
        // "mid-October" is one token.
        if let Some(rest) = w.strip_prefix("mid-") {
            if let Some(m) = month_number(strip_possessive(rest)) {
                let inner = self.after_month(k + 1, m, false, k)?;
                return parsed(
                    inner.end,
                    Expr::Part {
                        part: Part::Mid,
                        inner: Box::new(inner.expr),
                    },
                );
            }
        }
        let (part, inner_at) = match w {
            "early" => (Part::Early, k + 1),
            "late" => (Part::Late, k + 1),
            "mid" | "mid-" => {
                let next = if self.w(k + 1) == "-" { k + 2 } else { k + 1 };
                (Part::Mid, next)
            }
            "earlier" | "later" if self.w(k + 1) == "this" => {
                let part = if w == "earlier" {
                    Part::Earlier
                } else {
                    Part::Later
                };
                let inner = self.core(k + 1)?;
                return matches!(inner.expr, Expr::Calendar { .. }).then(|| Parsed {
                    end: inner.end,
                    expr: Expr::Part {
                        part,
                        inner: Box::new(inner.expr),
                    },
                });
            }
            _ => {
                // "[the] beginning|start|end|middle|rest of X", "[the] first|second half of X".
                let at = if w == "the" { k + 1 } else { k };
                let (part, of_at) = match (self.w(at), self.w(at + 1)) {
                    ("beginning" | "start", _) => (Part::Beginning, at + 1),
                    ("end", _) => (Part::End, at + 1),
                    ("middle", _) => (Part::Mid, at + 1),
                    ("rest" | "remainder", _) => (Part::Rest, at + 1),
                    ("first", "half") => (Part::FirstHalf, at + 2),
                    ("second", "half") => (Part::SecondHalf, at + 2),
                    _ => return None,
                };
                if self.w(of_at) != "of" {
                    return None;
                }
                let inner = self.period_after_of(of_at + 1)?;
                return parsed(
                    inner.end,
                    Expr::Part {
                        part,
                        inner: Box::new(inner.expr),
                    },
                );
            }
        };
        let inner = self.core(inner_at)?;
        let fits = matches!(
            inner.expr,
            Expr::Month { .. }
                | Expr::Year { .. }
                | Expr::Decade(_)
                | Expr::Season { .. }
                | Expr::Calendar { .. }
                | Expr::Weekday { .. }
                | Expr::DayOffset(_)
                | Expr::Quarter { .. }
        );
        fits.then(|| Parsed {
            end: inner.end,
            expr: Expr::Part {
                part,
                inner: Box::new(inner.expr),
            },
        })
    }

    /// After "of": "the year"/"the month"/"the week" (the current one) or
    /// any period expression.
    fn period_after_of(&self, k: usize) -> Option<Parsed> {
        if self.w(k) == "the" {
            let unit = match self.w(k + 1) {
                "year" => Some(Unit::Year),
                "month" => Some(Unit::Month),
                "week" => Some(Unit::Week),
                "decade" => Some(Unit::Decade),
                _ => None,
            };
            if let Some(unit) = unit {
                return parsed(k + 2, Expr::Calendar { unit, offset: 0 });
            }
        }
        self.core(k)
    }

    /// The expressions that can stand alone.
    fn core(&self, k: usize) -> Option<Parsed> {
        self.numeric_date(k)
            .or_else(|| self.weekday_date(k))
            .or_else(|| self.month_form(k))
            .or_else(|| self.day_first(k))
            .or_else(|| self.decade(k))
            .or_else(|| self.year(k))
            .or_else(|| self.weekday(k))
            .or_else(|| self.day_word(k))
            .or_else(|| self.rolling(k))
            .or_else(|| self.relative(k))
            .or_else(|| self.ago(k))
            .or_else(|| self.within(k))
            .or_else(|| self.recent(k))
            .or_else(|| self.event_relative(k))
            .or_else(|| self.season(k))
            .or_else(|| self.quarter(k))
            .or_else(|| self.holiday(k))
    }

    /// "2025-12-22" and "12/22/2025".
    fn numeric_date(&self, k: usize) -> Option<Parsed> {
        let a = self.integer(k)?;
        let sep = self.w(k + 1);
        if !matches!(sep, "-" | "/") || !self.touches(k) || !self.touches(k + 1) {
            return None;
        }
        let b = self.integer(k + 2)?;
        if self.w(k + 3) != sep || !self.touches(k + 2) || !self.touches(k + 3) {
            return None;
        }
        let c = self.integer(k + 4)?;
        let (ra, rc) = (self.raw(k).len(), self.raw(k + 4).len());
        let (year, month, day) = if sep == "-" && ra == 4 {
            (a as i32, b, c)
        } else if sep == "/" && (rc == 4 || rc == 2) {
            let year = if rc == 4 {
                c as i32
            } else if c <= 50 {
                2000 + c as i32
            } else {
                1900 + c as i32
            };
            // US order unless the first number cannot be a month.
            if a > 12 {
                (year, b, a)
            } else {
                (year, a, b)
            }
        } else {
            return None;
        };
        let expr = Date::new(year, month, day).map_or(Expr::Invalid, Expr::Day);
        parsed(k + 5, expr)
    }

    /// "Monday, Dec. 22" / "Monday, December 22, 2025".
    fn weekday_date(&self, k: usize) -> Option<Parsed> {
        self.weekday_at(k)?;
        let at = if self.w(k + 1) == "," { k + 2 } else { k + 1 };
        let date = self.month_form(at)?;
        matches!(date.expr, Expr::MonthDay { .. } | Expr::Invalid).then_some(date)
    }

    /// "December 22, 2025", "Dec. 20-21", "February 2022", "in October".
    fn month_form(&self, k: usize) -> Option<Parsed> {
        let (month, next, abbreviated) = self.month_at(k)?;
        self.after_month(next, month, abbreviated, k)
    }

    fn after_month(&self, next: usize, month: u32, abbreviated: bool, k: usize) -> Option<Parsed> {
        if let Some((day, mut after)) = self.day_number(next) {
            // "March 3, 15 people died": a day is followed by a year, punctuation or a word.
            let mut to_day = None;
            if matches!(self.w(after), "-" | "to" | "through") {
                if let Some((d2, a2)) = self.day_number(after + 1) {
                    if d2 > day {
                        to_day = Some(d2);
                        after = a2;
                    }
                }
            }
            let mut year = None;
            let comma = self.w(after) == ",";
            let year_at = if comma { after + 1 } else { after };
            if let Some(y) = self.year_token(year_at) {
                year = Some(y);
                after = year_at + 1;
            }
            let valid = year.map_or(day <= days_in_month(2024, month), |y| {
                to_day.unwrap_or(day) <= days_in_month(y, month)
            });
            if !valid {
                return parsed(after, Expr::Invalid);
            }
            return parsed(
                after,
                Expr::MonthDay {
                    month,
                    day,
                    to_day,
                    year,
                },
            );
        }
        let year_at = if self.w(next) == "of" { next + 1 } else { next };
        if let Some(year) = self.year_token(year_at) {
            return parsed(
                year_at + 1,
                Expr::Month {
                    month,
                    year: Some(year),
                    rel: Rel::None,
                },
            );
        }
        if abbreviated {
            return None;
        }
        // A bare month name: "May" and the names that are also given names need a temporal word before them.
        let prev = if k == 0 { "" } else { self.w(k - 1) };
        let temporal_before = k > 0 && MONTH_CONTEXT.contains(&prev);
        let name_like = matches!(month, 3 | 4 | 5 | 6 | 8);
        let sentence_start = k == 0 || self.starts_sentence(k);
        let next_capitalised = self.capitalised(next);
        let prev_capitalised = k > 0 && self.capitalised(k - 1) && !sentence_start;
        let accepted = temporal_before || (!name_like && !next_capitalised && !prev_capitalised);
        accepted.then_some(Parsed {
            end: next,
            expr: Expr::Month {
                month,
                year: None,
                rel: Rel::None,
            },
        })
    }

    fn starts_sentence(&self, k: usize) -> bool {
        let Some(t) = self.tokens.get(k) else {
            return false;
        };
        let i = self.sentences.partition_point(|s| s.end <= t.span.start);
        self.sentences.get(i).is_some_and(|s| {
            let before = &self.text[s.start..t.span.start];
            before.chars().all(|c| !c.is_alphanumeric())
        })
    }

    /// "22 December 2025", "the 22nd of December".
    fn day_first(&self, k: usize) -> Option<Parsed> {
        let (day, next) = self.day_number(k)?;
        let at = if self.w(next) == "of" { next + 1 } else { next };
        let (month, after, _) = self.month_at(at)?;
        let mut end = after;
        let mut year = None;
        let year_at = if self.w(after) == "," {
            after + 1
        } else {
            after
        };
        if let Some(y) = self.year_token(year_at) {
            year = Some(y);
            end = year_at + 1;
        }
        let valid = day <= days_in_month(year.unwrap_or(2024), month);
        if !valid {
            return parsed(end, Expr::Invalid);
        }
        parsed(
            end,
            Expr::MonthDay {
                month,
                day,
                to_day: None,
                year,
            },
        )
    }

    /// "the 1990s", "the ’90s".
    fn decade(&self, k: usize) -> Option<Parsed> {
        let (start, digits_at) = if self.w(k) == "'" && self.touches(k) {
            (k, k + 1)
        } else {
            (k, k)
        };
        let n = self.integer(digits_at)?;
        if !self.touches(digits_at) || self.w(digits_at + 1) != "s" {
            return None;
        }
        let len = self.raw(digits_at).len();
        let decade = match len {
            4 if n % 10 == 0 && (1800..=2190).contains(&n) => n as i32,
            2 if n % 10 == 0 && start != digits_at => {
                // "’90s" is the 1990s; "’20s" the 2020s.
                if n <= 20 {
                    2000 + n as i32
                } else {
                    1900 + n as i32
                }
            }
            _ => return None,
        };
        parsed(digits_at + 2, Expr::Decade(decade))
    }

    /// A year, or a year range ("2022-23", "2020–2022").
    fn year(&self, k: usize) -> Option<Parsed> {
        let y = self.year_token(k)?;
        let prev = if k == 0 { "" } else { self.w(k - 1) };
        let next = self.w(k + 1);
        // Money, percentages, counts and labels are not years.
        let glued_to_previous = k > 0 && self.tokens[k - 1].touches(&self.tokens[k]);
        let glued_label = glued_to_previous
            && match prev {
                "-" => {
                    !(k >= 2 && matches!(self.w(k - 2), "mid" | "early" | "late" | "pre" | "post"))
                }
                _ => self.tokens[k - 1].kind != TokenKind::Word || prev.len() > 1,
            };
        if matches!(
            prev,
            "$" | "€"
                | "£"
                | "no"
                | "number"
                | "route"
                | "flight"
                | "room"
                | "page"
                | "pages"
                | "p"
                | "article"
                | "section"
                | "resolution"
                | "#"
        ) || matches!(next, "%" | "percent")
            || COUNT_NOUNS.contains(&next)
            || glued_label
        {
            return None;
        }
        // Outside 1900–2099 only with a temporal preposition.
        if !(1900..=2099).contains(&y)
            && !matches!(
                prev,
                "in" | "since" | "by" | "of" | "from" | "until" | "year"
            )
        {
            return None;
        }
        {
            // "2022-23", "2020-2022": a year range.
            if next == "-" && self.touches(k) && self.touches(k + 1) {
                if let Some(end) = self.integer(k + 2) {
                    let len = self.raw(k + 2).len();
                    let to = if len == 2 {
                        y / 100 * 100 + end as i32
                    } else if len == 4 {
                        end as i32
                    } else {
                        0
                    };
                    if to > y && to - y <= 100 {
                        return parsed(k + 3, Expr::Year { from: y, to });
                    }
                }
            }
        }
        parsed(k + 1, Expr::Year { from: y, to: y })
    }

    /// "Saturday", "Saturday night", "Saturday’s".
    fn weekday(&self, k: usize) -> Option<Parsed> {
        let weekday = self.weekday_at(k)?;
        let mut end = k + 1;
        if matches!(self.w(end), "morning" | "afternoon" | "evening" | "night") {
            end += 1;
        }
        parsed(
            end,
            Expr::Weekday {
                weekday,
                rel: Rel::None,
            },
        )
    }

    /// "today", "yesterday", "tomorrow", "tonight".
    fn day_word(&self, k: usize) -> Option<Parsed> {
        let offset = match self.w(k) {
            "today" | "tonight" => 0,
            "yesterday" => -1,
            "tomorrow" => 1,
            _ => return None,
        };
        let mut end = k + 1;
        if matches!(self.w(end), "morning" | "afternoon" | "evening" | "night") {
            end += 1;
        }
        parsed(end, Expr::DayOffset(offset))
    }

    /// "this week", "last year", "next month", "last Friday", "this
    /// summer", "next March", "last night", "this morning", "this past weekend".
    fn relative(&self, k: usize) -> Option<Parsed> {
        let mut rel = match self.w(k) {
            "this" => Rel::This,
            "last" => Rel::Last,
            "next" => Rel::Next,
            _ => return None,
        };
        let mut at = k + 1;
        if rel == Rel::This {
            match self.w(at) {
                "past" => {
                    rel = Rel::Last;
                    at += 1;
                }
                "coming" => {
                    rel = Rel::Next;
                    at += 1;
                }
                _ => {}
            }
        }
        let w = self.w(at);
        match (rel, w) {
            (Rel::Last, "night") => return parsed(at + 1, Expr::DayOffset(-1)),
            (Rel::This, "morning" | "afternoon" | "evening") => {
                return parsed(at + 1, Expr::DayOffset(0))
            }
            _ => {}
        }
        if let Some((unit, false)) = unit_of(w) {
            if unit == Unit::Hour || unit == Unit::Day {
                return None;
            }
            let offset = match rel {
                Rel::Last => -1,
                Rel::Next => 1,
                _ => 0,
            };
            // "this past weekend" is the last one; "this coming week" the next.
            return parsed(at + 1, Expr::Calendar { unit, offset });
        }
        if let Some((month, next, false)) = self.month_at(at) {
            return parsed(
                next,
                Expr::Month {
                    month,
                    year: None,
                    rel,
                },
            );
        }
        if let Some(weekday) = self.weekday_at(at) {
            let mut end = at + 1;
            if matches!(self.w(end), "morning" | "afternoon" | "evening" | "night") {
                end += 1;
            }
            return parsed(end, Expr::Weekday { weekday, rel });
        }
        if let Some(season) = season_of(w) {
            return parsed(
                at + 1,
                Expr::Season {
                    season,
                    year: None,
                    rel,
                },
            );
        }
        if let Some(p) = self.holiday(at) {
            if let Expr::Holiday { holiday, year, .. } = p.expr {
                return parsed(p.end, Expr::Holiday { holiday, year, rel });
            }
        }
        None
    }

    /// "the past three years", "the last 12 months", "the coming weeks",
    /// "the next two days", "past year", "the previous day".
    fn rolling(&self, k: usize) -> Option<Parsed> {
        let the = self.w(k) == "the";
        let at = if the { k + 1 } else { k };
        let (future, narrative) = match self.w(at) {
            "past" | "last" => (false, false),
            "next" | "coming" => (true, false),
            "previous" | "following" | "preceding" => (false, true),
            _ => return None,
        };
        let (n, unit_at) = match self.count(at + 1) {
            Some((n, next)) if !matches!(self.w(at + 1), "a" | "an") => (n, next),
            _ => (Some(1), at + 1),
        };
        let counted = unit_at > at + 1;
        let (unit, plural) = unit_of(self.w(unit_at))?;
        // "last year" / "next week" without "the" or a count are calendar units.
        if !the && !counted && matches!(self.w(at), "last" | "next") {
            return None;
        }
        if narrative {
            return the.then(|| Parsed {
                end: unit_at + 1,
                expr: Expr::Narrative,
            });
        }
        // "the coming weeks": plural with no count is vague.
        let n = if plural && !counted { None } else { n };
        parsed(unit_at + 1, Expr::Rolling { unit, n, future })
    }

    /// "three years ago", "a week ago", "years ago".
    fn ago(&self, k: usize) -> Option<Parsed> {
        let (n, unit_at) = match self.count(k) {
            Some((n, next)) => (n, next),
            None => (None, k),
        };
        let (unit, plural) = unit_of(self.w(unit_at))?;
        if self.w(unit_at + 1) != "ago" {
            return None;
        }
        let n = if unit_at == k {
            if plural {
                None
            } else {
                return None;
            }
        } else {
            n
        };
        parsed(unit_at + 2, Expr::Ago { unit, n })
    }

    /// "within weeks", "within two days".
    fn within(&self, k: usize) -> Option<Parsed> {
        if self.w(k) != "within" {
            return None;
        }
        let (n, unit_at) = match self.count(k + 1) {
            Some((n, next)) => (n, next),
            None => (None, k + 1),
        };
        let (unit, _) = unit_of(self.w(unit_at))?;
        parsed(unit_at + 1, Expr::Within { unit, n })
    }

    /// "recent weeks", "in recent years".
    fn recent(&self, k: usize) -> Option<Parsed> {
        if self.w(k) != "recent" {
            return None;
        }
        let (_, plural) = unit_of(self.w(k + 1))?;
        plural.then(|| Parsed {
            end: k + 2,
            expr: Expr::Recent,
        })
    }

    /// "nearly a year into Trump 2.0", "two months into the war".
    fn event_relative(&self, k: usize) -> Option<Parsed> {
        let mut at = k;
        match self.w(at) {
            "nearly" | "almost" | "about" | "roughly" | "some" | "over" | "just" | "barely"
            | "only" | "around" => at += 1,
            "more" | "less" if self.w(at + 1) == "than" => at += 2,
            _ => {}
        }
        let (_, unit_at) = self.count(at)?;
        unit_of(self.w(unit_at))?;
        if self.w(unit_at + 1) != "into" {
            return None;
        }
        let anchor_start = unit_at + 2;
        let mut end = anchor_start;
        while end < self.tokens.len() && end < anchor_start + 8 {
            let t = &self.tokens[end];
            if t.kind == TokenKind::Punct && !matches!(self.w(end), "'" | "-") {
                break;
            }
            end += 1;
        }
        if end == anchor_start {
            return None;
        }
        let anchor = ByteSpan::new(
            self.tokens[anchor_start].span.start,
            self.tokens[end - 1].span.end,
        );
        parsed(end, Expr::EventRelative { anchor })
    }

    /// "over the summer", "summer 2024", "the winter of 2022".
    fn season(&self, k: usize) -> Option<Parsed> {
        let season = season_of(self.w(k))?;
        let prev = if k == 0 { "" } else { self.w(k - 1) };
        let next = self.w(k + 1);
        let year_at = if next == "of" { k + 2 } else { k + 1 };
        if let Some(year) = self.year_token(year_at) {
            return parsed(
                year_at + 1,
                Expr::Season {
                    season,
                    year: Some(year),
                    rel: Rel::None,
                },
            );
        }
        // "fall" and "spring" are also verbs and nouns: require "in the" before.
        let context = !matches!(next, "of" | "'s")
            && if matches!(season, Season::Fall | Season::Spring) {
                prev == "the"
                    && k >= 2
                    && matches!(
                        self.w(k - 2),
                        "in" | "over"
                            | "during"
                            | "since"
                            | "until"
                            | "by"
                            | "through"
                            | "throughout"
                    )
            } else {
                matches!(
                    prev,
                    "the"
                        | "in"
                        | "during"
                        | "over"
                        | "since"
                        | "until"
                        | "by"
                        | "early"
                        | "late"
                        | "mid"
                )
            };
        context.then(|| Parsed {
            end: k + 1,
            expr: Expr::Season {
                season,
                year: None,
                rel: Rel::None,
            },
        })
    }

    /// "Q3 2024", "the third quarter", "the fourth quarter of 2023".
    fn quarter(&self, k: usize) -> Option<Parsed> {
        let w = self.w(k);
        let (quarter, mut end) = match w {
            "q1" | "q2" | "q3" | "q4" => (u32::from(w.as_bytes()[1] - b'0'), k + 1),
            "first" | "second" | "third" | "fourth" if self.w(k + 1) == "quarter" => {
                if k == 0 || self.w(k - 1) != "the" {
                    return None;
                }
                let q = match w {
                    "first" => 1,
                    "second" => 2,
                    "third" => 3,
                    _ => 4,
                };
                (q, k + 2)
            }
            _ => return None,
        };
        let year_at = if self.w(end) == "of" { end + 1 } else { end };
        let year = self.year_token(year_at);
        if year.is_some() {
            end = year_at + 1;
        }
        parsed(end, Expr::Quarter { quarter, year })
    }

    /// "Christmas", "New Year’s Eve", "Thanksgiving", "Labor Day".
    fn holiday(&self, k: usize) -> Option<Parsed> {
        if !self.capitalised(k) {
            return None;
        }
        let w = strip_possessive(self.w(k));
        let w1 = self.w(k + 1);
        let w2 = self.w(k + 2);
        let (holiday, mut end) = match (w, w1) {
            ("christmas", "eve") => (Holiday::ChristmasEve, k + 2),
            ("christmas", "day") => (Holiday::Christmas, k + 2),
            ("christmas", _) => (Holiday::Christmas, k + 1),
            ("new", "year's" | "years") if w2 == "eve" => (Holiday::NewYearsEve, k + 3),
            ("new", "year's" | "years") if w2 == "day" => (Holiday::NewYearsDay, k + 3),
            ("thanksgiving", _) => (Holiday::Thanksgiving, k + 1),
            ("halloween", _) => (Holiday::Halloween, k + 1),
            ("easter", "sunday") => (Holiday::Easter, k + 2),
            ("easter", _) => (Holiday::Easter, k + 1),
            ("independence", "day") => (Holiday::IndependenceDay, k + 2),
            ("valentine's", "day") => (Holiday::ValentinesDay, k + 2),
            ("memorial", "day") => (Holiday::MemorialDay, k + 2),
            ("labor" | "labour", "day") => (Holiday::LaborDay, k + 2),
            ("veterans" | "veterans'", "day") => (Holiday::VeteransDay, k + 2),
            _ => return None,
        };
        let year = self.year_token(end);
        if year.is_some() {
            end += 1;
        }
        parsed(
            end,
            Expr::Holiday {
                holiday,
                year,
                rel: Rel::None,
            },
        )
    }

    /// Builds the mention for a parse starting at token `k`.
    fn mention(&self, k: usize, p: Parsed, published: Option<Date>) -> TimeMention {
        let last = p.end.min(self.tokens.len()).max(k + 1) - 1;
        let span = ByteSpan::new(self.tokens[k].span.start, self.tokens[last].span.end);
        let tense = self.tense(k, p.end);
        let kind = kind_of(&p.expr);
        let anchor = match &p.expr {
            Expr::EventRelative { anchor } => Some(*anchor),
            _ => None,
        };
        let result = resolve(&p.expr, published, tense);
        let (resolved, unresolved) = match result {
            Ok(interval) => (Some(interval), None),
            Err(reason) => (None, Some(reason)),
        };
        let direction = match (resolved, published) {
            (Some((a, b)), Some(pd)) => {
                if b < pd {
                    TimeDirection::Past
                } else if a > pd {
                    TimeDirection::Future
                } else {
                    TimeDirection::Present
                }
            }
            _ => match (&p.expr, tense) {
                (Expr::Ago { .. } | Expr::Recent, _) => TimeDirection::Past,
                (Expr::Rolling { future, .. }, _) => {
                    if *future {
                        TimeDirection::Future
                    } else {
                        TimeDirection::Past
                    }
                }
                (Expr::Calendar { offset, .. }, _) if *offset < 0 => TimeDirection::Past,
                (Expr::Calendar { offset, .. }, _) if *offset > 0 => TimeDirection::Future,
                (_, Tense::Past) => TimeDirection::Past,
                (_, Tense::Future) => TimeDirection::Future,
                (_, Tense::Present) => TimeDirection::Present,
                _ => TimeDirection::Unknown,
            },
        };
        TimeMention {
            span,
            resolved,
            kind,
            direction,
            unresolved,
            anchor,
        }
    }

    /// The tense of the clause around tokens `[a, b)`: the nearest marker
    /// wins, markers after the expression counting as two tokens further.
    fn tense(&self, a: usize, b: usize) -> Tense {
        let Some(first) = self.tokens.get(a) else {
            return Tense::Unknown;
        };
        let i = self
            .sentences
            .partition_point(|s| s.end <= first.span.start);
        let (lo, hi) = match self.sentences.get(i) {
            Some(s) if s.start <= first.span.start => (
                self.tokens.partition_point(|t| t.span.start < s.start),
                self.tokens.partition_point(|t| t.span.start < s.end),
            ),
            _ => (a.saturating_sub(12), (b + 12).min(self.tokens.len())),
        };
        // Tense is local: the nearest marker on each side, in a bounded window.
        let (lo, hi) = (lo.max(a.saturating_sub(30)), hi.min(b + 30));
        let mut best: Option<(usize, Tense)> = None;
        let mut j = a;
        while j > lo {
            j -= 1;
            if self.w(j) == ";" {
                break;
            }
            if let Some(tense) = self.marker(j) {
                best = Some((a - j, tense));
                break;
            }
        }
        for j in b..hi {
            let distance = j - b + 3;
            if self.w(j) == ";" || best.is_some_and(|(d, _)| d <= distance) {
                break;
            }
            if let Some(tense) = self.marker(j) {
                best = Some((distance, tense));
                break;
            }
        }
        best.map_or(Tense::Unknown, |(_, t)| t)
    }

    /// The tense a token marks, if any (cached per token).
    fn marker(&self, j: usize) -> Option<Tense> {
        let cell = self.markers.get(j)?;
        let code = match cell.get() {
            MARKER_UNSET => {
                let code = match self.compute_marker(j) {
                    None => 0,
                    Some(Tense::Past) => 1,
                    Some(Tense::Present) => 2,
                    Some(Tense::Future) => 3,
                    Some(Tense::Unknown) => 4,
                };
                cell.set(code);
                code
            }
            code => code,
        };
        match code {
            1 => Some(Tense::Past),
            2 => Some(Tense::Present),
            3 => Some(Tense::Future),
            4 => Some(Tense::Unknown),
            _ => None,
        }
    }

    fn compute_marker(&self, j: usize) -> Option<Tense> {
        let w = self.w(j);
        let next = self.w(j + 1);
        let prev = if j == 0 { "" } else { self.w(j - 1) };
        if matches!(
            w,
            "will" | "shall" | "won't" | "upcoming" | "would" | "scheduled" | "tomorrow"
        ) || w.ends_with("'ll")
            || (w == "going" && next == "to" && matches!(prev, "is" | "are" | "am" | "'re" | "'s"))
            || (matches!(
                w,
                "plans"
                    | "plan"
                    | "planned"
                    | "planning"
                    | "expects"
                    | "expected"
                    | "set"
                    | "aims"
                    | "intends"
                    | "hopes"
                    | "due"
            ) && next == "to")
        {
            return Some(Tense::Future);
        }
        if matches!(
            w,
            "now" | "is" | "are" | "am" | "has" | "have" | "remains" | "remain"
        ) {
            return Some(Tense::Present);
        }
        // Past participles after "be" are passive, not past ("will be held").
        let after_be = matches!(
            prev,
            "be" | "been" | "being" | "is" | "are" | "am" | "get" | "gets"
        );
        if matches!(w, "was" | "were" | "had" | "did" | "ago" | "yesterday")
            || (!after_be && (IRREGULAR_PAST.binary_search(&w).is_ok() || is_regular_past(w)))
        {
            return Some(Tense::Past);
        }
        None
    }
}

/// Sorted (binary search).
const IRREGULAR_PAST: &[&str] = &[
    "became",
    "began",
    "bought",
    "broke",
    "brought",
    "built",
    "came",
    "chose",
    "did",
    "drew",
    "fell",
    "felt",
    "flew",
    "forgot",
    "fought",
    "found",
    "froze",
    "gave",
    "got",
    "grew",
    "heard",
    "held",
    "hid",
    "kept",
    "knew",
    "led",
    "left",
    "lost",
    "made",
    "meant",
    "met",
    "paid",
    "ran",
    "rode",
    "rose",
    "said",
    "sang",
    "sat",
    "saw",
    "sent",
    "shook",
    "shot",
    "sold",
    "sought",
    "spent",
    "spoke",
    "stole",
    "stood",
    "struck",
    "swore",
    "taught",
    "thought",
    "threw",
    "told",
    "took",
    "understood",
    "went",
    "woke",
    "won",
    "wore",
    "wrote",
];

/// Sorted (binary search).
const NOT_PAST: &[&str] = &[
    "advanced",
    "agreed",
    "armed",
    "based",
    "bed",
    "biased",
    "bleed",
    "breed",
    "concerned",
    "creed",
    "deed",
    "detailed",
    "embed",
    "exceed",
    "feed",
    "freed",
    "greed",
    "hundred",
    "indeed",
    "interested",
    "kindred",
    "limited",
    "married",
    "naked",
    "need",
    "needed",
    "proceed",
    "ragged",
    "red",
    "reed",
    "retired",
    "rugged",
    "sacred",
    "seed",
    "shed",
    "skilled",
    "speed",
    "steed",
    "succeed",
    "talented",
    "tweed",
    "unprecedented",
    "weed",
    "wicked",
    "wretched",
];

fn is_regular_past(w: &str) -> bool {
    w.len() >= 5
        && w.ends_with("ed")
        && w.bytes().all(|b| b.is_ascii_lowercase())
        && NOT_PAST.binary_search(&w).is_err()
}

fn kind_of(e: &Expr) -> TimeKind {
    match e {
        Expr::Day(_)
        | Expr::Invalid
        | Expr::DayOffset(_)
        | Expr::Weekday { .. }
        | Expr::Holiday { .. } => TimeKind::Day,
        Expr::MonthDay { to_day, .. } => {
            if to_day.is_some() {
                TimeKind::Period
            } else {
                TimeKind::Day
            }
        }
        Expr::Month { .. } => TimeKind::Month,
        Expr::Year { from, to } => {
            if from == to {
                TimeKind::Year
            } else {
                TimeKind::Period
            }
        }
        Expr::Decade(_) => TimeKind::Decade,
        Expr::Calendar { unit, .. } => match unit {
            Unit::Hour | Unit::Day => TimeKind::Day,
            Unit::Week => TimeKind::Week,
            Unit::Weekend => TimeKind::Weekend,
            Unit::Month => TimeKind::Month,
            Unit::Quarter => TimeKind::Quarter,
            Unit::Year => TimeKind::Year,
            Unit::Decade => TimeKind::Decade,
        },
        Expr::Season { .. } => TimeKind::Season,
        Expr::Quarter { .. } => TimeKind::Quarter,
        Expr::Rolling { n: None, .. } | Expr::Within { n: None, .. } | Expr::Recent => {
            TimeKind::Vague
        }
        Expr::Ago { n: None, .. } => TimeKind::Vague,
        Expr::Ago { unit, .. } => match unit {
            Unit::Hour | Unit::Day => TimeKind::Day,
            Unit::Week | Unit::Weekend => TimeKind::Week,
            Unit::Month => TimeKind::Month,
            Unit::Quarter => TimeKind::Quarter,
            Unit::Year | Unit::Decade => TimeKind::Year,
        },
        Expr::Rolling { .. }
        | Expr::Within { .. }
        | Expr::Part { .. }
        | Expr::Since(_)
        | Expr::Range(..) => TimeKind::Period,
        Expr::Narrative | Expr::EventRelative { .. } => TimeKind::EventRelative,
    }
}

type Interval = (Date, Date);

fn whole_year(y: i32) -> Interval {
    (Date::first_of_month(y, 1), Date::last_of_month(y, 12))
}

fn whole_month(y: i32, m: u32) -> Interval {
    (Date::first_of_month(y, m), Date::last_of_month(y, m))
}

fn season_instance(season: Season, year: i32) -> Interval {
    match season {
        Season::Spring => (Date::first_of_month(year, 3), Date::last_of_month(year, 5)),
        Season::Summer => (Date::first_of_month(year, 6), Date::last_of_month(year, 8)),
        Season::Fall => (Date::first_of_month(year, 9), Date::last_of_month(year, 11)),
        Season::Winter => (
            Date::first_of_month(year, 12),
            Date::last_of_month(year + 1, 2),
        ),
    }
}

fn holiday_date(h: Holiday, y: i32) -> Option<Date> {
    match h {
        Holiday::Christmas => Date::new(y, 12, 25),
        Holiday::ChristmasEve => Date::new(y, 12, 24),
        Holiday::NewYearsDay => Date::new(y, 1, 1),
        Holiday::NewYearsEve => Date::new(y, 12, 31),
        Holiday::Thanksgiving => Date::nth_weekday(y, 11, 3, 4),
        Holiday::Halloween => Date::new(y, 10, 31),
        Holiday::Easter => Some(Date::easter(y)),
        Holiday::IndependenceDay => Date::new(y, 7, 4),
        Holiday::ValentinesDay => Date::new(y, 2, 14),
        Holiday::MemorialDay => Some(Date::last_weekday(y, 5, 0)),
        Holiday::LaborDay => Date::nth_weekday(y, 9, 0, 1),
        Holiday::VeteransDay => Date::new(y, 11, 11),
    }
}

/// Picks the instance of a yearly recurring interval: the most recent one
/// begun by `p` (past), the first one not yet over (future), or, for a
/// single day told in no particular tense, the nearest one.
fn recurring(
    p: Date,
    tense: Tense,
    nearest: bool,
    instance: impl Fn(i32) -> Option<Interval>,
) -> Option<Interval> {
    let candidates: Vec<Interval> = (p.year - 2..=p.year + 2).filter_map(&instance).collect();
    match tense {
        Tense::Future => candidates.into_iter().find(|&(_, b)| b >= p),
        Tense::Unknown | Tense::Present if nearest => {
            candidates.into_iter().min_by_key(|&(a, b)| {
                if a <= p && p <= b {
                    0
                } else {
                    a.days_until(p).abs().min(b.days_until(p).abs())
                }
            })
        }
        _ => candidates.into_iter().rev().find(|&(a, _)| a <= p),
    }
}

fn shift(p: Date, unit: Unit, n: i64) -> Date {
    match unit {
        Unit::Hour => p.add_days(if n >= 0 {
            (n + 23) / 24
        } else {
            -((-n + 23) / 24)
        }),
        Unit::Day => p.add_days(n),
        Unit::Week | Unit::Weekend => p.add_days(7 * n),
        Unit::Month => p.add_months(n),
        Unit::Quarter => p.add_months(3 * n),
        Unit::Year => p.add_months(12 * n),
        Unit::Decade => p.add_months(120 * n),
    }
}

/// The calendar unit containing `d`.
fn unit_containing(d: Date, unit: Unit) -> Interval {
    match unit {
        Unit::Hour | Unit::Day => (d, d),
        Unit::Week | Unit::Weekend => {
            let ws = d.week_start();
            (ws, ws.add_days(6))
        }
        Unit::Month => whole_month(d.year, d.month),
        Unit::Quarter => {
            let q0 = (d.month - 1) / 3 * 3 + 1;
            (
                Date::first_of_month(d.year, q0),
                Date::last_of_month(d.year, q0 + 2),
            )
        }
        Unit::Year => whole_year(d.year),
        Unit::Decade => {
            let y0 = d.year.div_euclid(10) * 10;
            (Date::first_of_month(y0, 1), Date::last_of_month(y0 + 9, 12))
        }
    }
}

fn resolve(e: &Expr, published: Option<Date>, tense: Tense) -> Result<Interval, Unresolved> {
    let future = tense == Tense::Future;
    // Absolute expressions need no published date.
    match e {
        Expr::Day(d) => return Ok((*d, *d)),
        Expr::Invalid => return Err(Unresolved::InvalidDate),
        Expr::Year { from, to } => {
            return Ok((whole_year(*from).0, whole_year(*to).1));
        }
        Expr::Decade(d) => return Ok((whole_year(*d).0, whole_year(d + 9).1)),
        Expr::Month {
            month,
            year: Some(y),
            ..
        } => return Ok(whole_month(*y, *month)),
        Expr::MonthDay {
            month,
            day,
            to_day,
            year: Some(y),
        } => {
            let a = Date::new(*y, *month, *day).ok_or(Unresolved::InvalidDate)?;
            let b = Date::new(*y, *month, to_day.unwrap_or(*day)).ok_or(Unresolved::InvalidDate)?;
            return Ok((a, b));
        }
        Expr::Season {
            season,
            year: Some(y),
            ..
        } => {
            // "winter 2022" is the winter whose January falls in 2022.
            let base = if *season == Season::Winter { y - 1 } else { *y };
            return Ok(season_instance(*season, base));
        }
        Expr::Quarter {
            quarter,
            year: Some(y),
        } => {
            let m0 = (quarter - 1) * 3 + 1;
            return Ok((
                Date::first_of_month(*y, m0),
                Date::last_of_month(*y, m0 + 2),
            ));
        }
        Expr::Holiday {
            holiday,
            year: Some(y),
            ..
        } => {
            let d = holiday_date(*holiday, *y).ok_or(Unresolved::InvalidDate)?;
            return Ok((d, d));
        }
        Expr::Recent => return Err(Unresolved::Vague),
        Expr::Narrative => return Err(Unresolved::RelativeToEvent),
        Expr::Rolling { n: None, .. }
        | Expr::Ago { n: None, .. }
        | Expr::Within { n: None, .. } => return Err(Unresolved::Vague),
        Expr::EventRelative { .. } => {
            // "Now, nearly a year into Trump 2.0, ... has been": the expression
            // locates the present; told in the past, it is anchored to the event.
            return match (tense, published) {
                (Tense::Present, Some(p)) => Ok((p, p)),
                (Tense::Present, None) => Err(Unresolved::NoPublishedDate),
                _ => Err(Unresolved::RelativeToEvent),
            };
        }
        _ => {}
    }
    let Some(p) = published else {
        // Parts and ranges of absolute expressions still resolve.
        return match e {
            Expr::Part { part, inner } => {
                resolve(inner, None, tense).map(|i| apply_part(*part, i, None))
            }
            Expr::Range(a, b) => {
                let a = resolve(a, None, tense)?;
                let b = resolve(b, None, tense)?;
                Ok((a.0.min(b.0), a.1.max(b.1)))
            }
            _ => Err(Unresolved::NoPublishedDate),
        };
    };
    match e {
        Expr::MonthDay {
            month, day, to_day, ..
        } => {
            let (month, day, to_day) = (*month, *day, to_day.unwrap_or(*day));
            recurring(p, tense, true, |y| {
                Some((Date::new(y, month, day)?, Date::new(y, month, to_day)?))
            })
            .ok_or(Unresolved::InvalidDate)
        }
        Expr::Month { month, rel, .. } => {
            let y = match rel {
                Rel::This => p.year,
                Rel::Last => {
                    if *month < p.month {
                        p.year
                    } else {
                        p.year - 1
                    }
                }
                Rel::Next => {
                    if *month > p.month {
                        p.year
                    } else {
                        p.year + 1
                    }
                }
                Rel::None => {
                    if *month == p.month {
                        p.year
                    } else if future {
                        if *month > p.month {
                            p.year
                        } else {
                            p.year + 1
                        }
                    } else if *month < p.month {
                        p.year
                    } else {
                        p.year - 1
                    }
                }
            };
            Ok(whole_month(y, *month))
        }
        Expr::Weekday { weekday, rel } => {
            let pw = i64::from(p.weekday());
            let wd = i64::from(*weekday);
            let d = match rel {
                Rel::None if future => p.add_days((wd - pw).rem_euclid(7)),
                Rel::None => p.add_days(-(pw - wd).rem_euclid(7)),
                Rel::Last => p.add_days(-((pw - wd - 1).rem_euclid(7) + 1)),
                Rel::Next => p.add_days((wd - pw - 1).rem_euclid(7) + 1),
                Rel::This => p.week_start().add_days(wd),
            };
            Ok((d, d))
        }
        Expr::DayOffset(n) => {
            let d = p.add_days(*n);
            Ok((d, d))
        }
        Expr::Calendar { unit, offset } => Ok(calendar(p, *unit, *offset, tense)),
        Expr::Season { season, rel, .. } => {
            let season = *season;
            let instances: Vec<Interval> = (p.year - 2..=p.year + 1)
                .map(|y| season_instance(season, y))
                .collect();
            let found = match rel {
                Rel::Last => instances.iter().rev().find(|&&(_, b)| b < p).copied(),
                Rel::Next => instances.iter().find(|&&(a, _)| a > p).copied(),
                Rel::This => {
                    let current = instances.iter().find(|&&(a, b)| a <= p && p <= b).copied();
                    current.or_else(|| {
                        if tense == Tense::Past {
                            instances.iter().rev().find(|&&(a, _)| a <= p).copied()
                        } else if future {
                            instances.iter().find(|&&(a, _)| a > p).copied()
                        } else {
                            // The one in the publication's calendar year.
                            let y = if season == Season::Winter && p.month <= 2 {
                                p.year - 1
                            } else {
                                p.year
                            };
                            Some(season_instance(season, y))
                        }
                    })
                }
                Rel::None => {
                    if future {
                        instances.iter().find(|&&(_, b)| b >= p).copied()
                    } else {
                        instances.iter().rev().find(|&&(a, _)| a <= p).copied()
                    }
                }
            };
            found.ok_or(Unresolved::InvalidDate)
        }
        Expr::Quarter { quarter, .. } => {
            let m0 = (quarter - 1) * 3 + 1;
            recurring(p, tense, false, |y| {
                Some((Date::first_of_month(y, m0), Date::last_of_month(y, m0 + 2)))
            })
            .ok_or(Unresolved::InvalidDate)
        }
        Expr::Holiday { holiday, rel, .. } => {
            let h = *holiday;
            let pick = match rel {
                Rel::Last => (p.year - 1..=p.year)
                    .rev()
                    .filter_map(|y| holiday_date(h, y))
                    .find(|&d| d < p),
                Rel::Next => (p.year..=p.year + 1)
                    .filter_map(|y| holiday_date(h, y))
                    .find(|&d| d > p),
                Rel::This => holiday_date(h, p.year),
                Rel::None => {
                    recurring(p, tense, true, |y| holiday_date(h, y).map(|d| (d, d))).map(|i| i.0)
                }
            };
            pick.map(|d| (d, d)).ok_or(Unresolved::InvalidDate)
        }
        Expr::Rolling {
            unit,
            n: Some(n),
            future: forward,
        } => {
            let n = i64::from(*n);
            if *forward {
                Ok((p, shift(p, *unit, n)))
            } else {
                Ok((shift(p, *unit, -n), p))
            }
        }
        Expr::Ago { unit, n: Some(n) } => {
            let d = shift(p, *unit, -i64::from(*n));
            let unit = if *unit == Unit::Decade {
                Unit::Year
            } else {
                *unit
            };
            Ok(unit_containing(d, unit))
        }
        Expr::Within { unit, n: Some(n) } => {
            if tense == Tense::Past {
                Err(Unresolved::RelativeToEvent)
            } else {
                Ok((p, shift(p, *unit, i64::from(*n))))
            }
        }
        Expr::Part { part, inner } => {
            let i = resolve(inner, Some(p), tense)?;
            Ok(apply_part(*part, i, Some(p)))
        }
        Expr::Since(inner) => {
            let (a, _) = resolve(inner, Some(p), Tense::Past)?;
            Ok((a, p.max(a)))
        }
        Expr::Range(a, b) => {
            let a = resolve(a, Some(p), tense)?;
            let b = resolve(b, Some(p), tense)?;
            Ok((a.0.min(b.0), a.1.max(b.1)))
        }
        _ => Err(Unresolved::NoPublishedDate),
    }
}

/// "this week", "last weekend", "next month", "this year" against `p`.
fn calendar(p: Date, unit: Unit, offset: i64, tense: Tense) -> Interval {
    let ws = p.week_start();
    match unit {
        Unit::Weekend => {
            let weekday = p.weekday();
            let previous = (ws.add_days(-2), ws.add_days(-1));
            let this = (ws.add_days(5), ws.add_days(6));
            match offset {
                // The weekend before publication (the current one excluded).
                o if o < 0 => {
                    if weekday >= 5 {
                        (ws.add_days(-2), ws.add_days(-1))
                    } else {
                        previous
                    }
                }
                0 => {
                    // Monday/Tuesday stories mostly mean the weekend just past;
                    // later in the week, the coming one.
                    let past = match weekday {
                        0 | 1 => tense != Tense::Future,
                        2..=4 => tense == Tense::Past,
                        _ => false,
                    };
                    if past {
                        previous
                    } else {
                        this
                    }
                }
                o => (this.0.add_days(7 * o), this.1.add_days(7 * o)),
            }
        }
        Unit::Hour | Unit::Day => {
            let d = p.add_days(offset);
            (d, d)
        }
        Unit::Week => {
            let s = ws.add_days(7 * offset);
            (s, s.add_days(6))
        }
        Unit::Month => unit_containing(p.add_months(offset), Unit::Month),
        Unit::Quarter => unit_containing(p.add_months(3 * offset), Unit::Quarter),
        Unit::Year => whole_year(p.year + offset as i32),
        Unit::Decade => unit_containing(p.add_months(120 * offset), Unit::Decade),
    }
}

/// Narrows an interval: thirds for early/mid/late (month-aligned for a
/// year, 1–10/11–20/21–end for a month), the first or last month (or
/// week) for beginning/end, halves, and the parts before or after `p`.
fn apply_part(part: Part, (a, b): Interval, p: Option<Date>) -> Interval {
    let is_year = a.month == 1 && a.day == 1 && b.month == 12 && b.day == 31 && a.year == b.year;
    let is_month = a.day == 1
        && a.year == b.year
        && a.month == b.month
        && b.day == days_in_month(b.year, b.month);
    let len = a.days_until(b) + 1;
    let third = |i: i64| {
        let from = a.add_days(len * i / 3);
        let to = a.add_days(len * (i + 1) / 3 - 1);
        (from, to.max(from))
    };
    match part {
        Part::Early | Part::Mid | Part::Late => {
            let i = match part {
                Part::Early => 0,
                Part::Mid => 1,
                _ => 2,
            };
            if is_year {
                let m0 = 1 + 4 * i as u32;
                (
                    Date::first_of_month(a.year, m0),
                    Date::last_of_month(a.year, m0 + 3),
                )
            } else if is_month {
                let days = days_in_month(a.year, a.month);
                let (from, to) = match i {
                    0 => (1, 10),
                    1 => (11, 20),
                    _ => (21, days),
                };
                (
                    Date::new(a.year, a.month, from).unwrap_or(a),
                    Date::new(a.year, a.month, to).unwrap_or(b),
                )
            } else {
                third(i)
            }
        }
        Part::Beginning => {
            if is_year {
                whole_month(a.year, 1)
            } else if is_month {
                (a, a.add_days(6))
            } else {
                third(0)
            }
        }
        Part::End => {
            if is_year {
                whole_month(b.year, 12)
            } else if is_month {
                (b.add_days(-6), b)
            } else {
                third(2)
            }
        }
        Part::FirstHalf => {
            if is_year {
                (a, Date::last_of_month(a.year, 6))
            } else {
                (a, a.add_days(len / 2 - 1).max(a))
            }
        }
        Part::SecondHalf => {
            if is_year {
                (Date::first_of_month(a.year, 7), b)
            } else {
                (a.add_days(len / 2), b)
            }
        }
        Part::Earlier => match p {
            Some(p) if p >= a => (a, p.min(b)),
            _ => (a, b),
        },
        Part::Later | Part::Rest => match p {
            Some(p) if p <= b => (p.max(a), b),
            _ => (a, b),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::sentences;
    use crate::segment::tokens::tokenize;

    fn run(text: &str, published: Option<Date>) -> Vec<TimeMention> {
        let tokens = tokenize(text);
        let norm = Normalized::new(text, &tokens);
        let sentences = sentences::split(text, ByteSpan::new(0, text.len()));
        find(text, &tokens, &norm, &sentences, published)
    }

    /// (text, resolution or the unresolved reason) for every mention.
    fn resolve_all(text: &str) -> Vec<(String, String)> {
        run(text, Date::new(2025, 12, 22))
            .into_iter()
            .map(|t| {
                let r = match (t.resolved, t.unresolved) {
                    (Some((a, b)), _) => format!("{a}..{b}"),
                    (None, Some(u)) => u.as_str().to_string(),
                    (None, None) => "?".to_string(),
                };
                (t.span.of(text).to_string(), r)
            })
            .collect()
    }

    #[test]
    fn table_of_times_against_monday_2025_12_22() {
        let cases: &[(&str, &[(&str, &str)])] = &[
            // From the seed article.
            (
                "That role was on display this weekend as Kushner hosted talks.",
                &[("this weekend", "2025-12-20..2025-12-21")],
            ),
            (
                "The lengthy session Saturday with Dmitriev followed weeks of talks.",
                &[("Saturday", "2025-12-20..2025-12-20")],
            ),
            (
                "The envoys held further talks with Dmitriev on Sunday.",
                &[("Sunday", "2025-12-21..2025-12-21")],
            ),
            (
                "Last year, Witkoff partnered with members of Trump’s family.",
                &[("Last year", "2024-01-01..2024-12-31")],
            ),
            (
                "In an October interview with CBS, Kushner spoke.",
                &[("October", "2025-10-01..2025-10-31")],
            ),
            (
                "“I’m gonna try,” Kushner said in October.",
                &[("October", "2025-10-01..2025-10-31")],
            ),
            (
                "a war that began with Moscow’s invasion in February 2022.",
                &[("February 2022", "2022-02-01..2022-02-28")],
            ),
            (
                "As efforts faltered over the summer, Kushner leveraged his contacts.",
                &[("summer", "2025-06-01..2025-08-31")],
            ),
            (
                "For the first half of the year, Kushner kept a low profile.",
                &[("the first half of the year", "2025-01-01..2025-06-30")],
            ),
            (
                "a mogul with no experience before this year.",
                &[("this year", "2025-01-01..2025-12-31")],
            ),
            (
                "But within weeks, Trump turned again to his son-in-law.",
                &[("within weeks", "vague")],
            ),
            (
                "Now, nearly a year into Trump 2.0, Kushner has been drawn back.",
                &[("nearly a year into Trump 2.0", "2025-12-22..2025-12-22")],
            ),
            // Direction: forward-looking clauses take the next occurrence.
            (
                "The summit will be held in March.",
                &[("March", "2026-03-01..2026-03-31")],
            ),
            (
                "The summit was held in March.",
                &[("March", "2025-03-01..2025-03-31")],
            ),
            (
                "He met Putin in March and will return in June.",
                &[
                    ("March", "2025-03-01..2025-03-31"),
                    ("June", "2026-06-01..2026-06-30"),
                ],
            ),
            (
                "They will meet this weekend.",
                &[("this weekend", "2025-12-27..2025-12-28")],
            ),
            (
                "The vote is scheduled for Friday.",
                &[("Friday", "2025-12-26..2025-12-26")],
            ),
            (
                "Officials met on Friday.",
                &[("Friday", "2025-12-19..2025-12-19")],
            ),
            (
                "They spoke on Monday.",
                &[("Monday", "2025-12-22..2025-12-22")],
            ),
            ("next week", &[("next week", "2025-12-29..2026-01-04")]),
            ("last week", &[("last week", "2025-12-15..2025-12-21")]),
            ("last Friday", &[("last Friday", "2025-12-19..2025-12-19")]),
            ("next Monday", &[("next Monday", "2025-12-29..2025-12-29")]),
            ("last month", &[("last month", "2025-11-01..2025-11-30")]),
            ("next year", &[("next year", "2026-01-01..2026-12-31")]),
            ("yesterday", &[("yesterday", "2025-12-21..2025-12-21")]),
            (
                "He spoke last night.",
                &[("last night", "2025-12-21..2025-12-21")],
            ),
            // Absolute dates.
            (
                "on December 22, 2025.",
                &[("December 22, 2025", "2025-12-22..2025-12-22")],
            ),
            (
                "on Dec. 20-21 in Miami",
                &[("Dec. 20-21", "2025-12-20..2025-12-21")],
            ),
            (
                "on Monday, Dec. 15, the talks",
                &[("Monday, Dec. 15", "2025-12-15..2025-12-15")],
            ),
            (
                "on 22 December 2024",
                &[("22 December 2024", "2024-12-22..2024-12-22")],
            ),
            (
                "the 4th of July",
                &[("4th of July", "2025-07-04..2025-07-04")],
            ),
            (
                "filed 2024-03-05",
                &[("2024-03-05", "2024-03-05..2024-03-05")],
            ),
            ("dated 3/5/2024", &[("3/5/2024", "2024-03-05..2024-03-05")]),
            (
                "on February 30, 2024",
                &[("February 30, 2024", "invalid_date")],
            ),
            (
                "in 2019 and in the 1990s",
                &[
                    ("2019", "2019-01-01..2019-12-31"),
                    ("1990s", "1990-01-01..1999-12-31"),
                ],
            ),
            (
                "the 2022-23 season",
                &[("2022-23", "2022-01-01..2023-12-31")],
            ),
            ("since 2022", &[("since 2022", "2022-01-01..2025-12-22")]),
            (
                "from January to March 2024",
                &[("from January to March 2024", "2024-01-01..2024-03-31")],
            ),
            // Parts and rolling windows.
            ("in early 2024", &[("early 2024", "2024-01-01..2024-04-30")]),
            ("by mid-2026", &[("mid-2026", "2026-05-01..2026-08-31")]),
            (
                "in mid-October",
                &[("mid-October", "2025-10-11..2025-10-20")],
            ),
            (
                "late last year",
                &[("late last year", "2024-09-01..2024-12-31")],
            ),
            (
                "by the end of the year",
                &[("the end of the year", "2025-12-01..2025-12-31")],
            ),
            (
                "earlier this month",
                &[("earlier this month", "2025-12-01..2025-12-22")],
            ),
            (
                "over the past three years",
                &[("the past three years", "2022-12-22..2025-12-22")],
            ),
            (
                "in the next two weeks",
                &[("the next two weeks", "2025-12-22..2026-01-05")],
            ),
            ("in the coming weeks", &[("the coming weeks", "vague")]),
            ("in recent months", &[("recent months", "vague")]),
            (
                "two weeks ago",
                &[("two weeks ago", "2025-12-08..2025-12-14")],
            ),
            ("a year ago", &[("a year ago", "2024-01-01..2024-12-31")]),
            (
                "the following week",
                &[("the following week", "relative_to_event")],
            ),
            (
                "Two months into the war, Russia withdrew.",
                &[("Two months into the war", "relative_to_event")],
            ),
            ("last summer", &[("last summer", "2025-06-01..2025-08-31")]),
            ("this winter", &[("this winter", "2025-12-01..2026-02-28")]),
            (
                "the third quarter",
                &[("third quarter", "2025-07-01..2025-09-30")],
            ),
            (
                "on Christmas Eve",
                &[("Christmas Eve", "2025-12-24..2025-12-24")],
            ),
            (
                "last Thanksgiving",
                &[("last Thanksgiving", "2025-11-27..2025-11-27")],
            ),
            // Not times.
            ("You may go. Theresa May spoke. A summer job.", &[]),
            ("It cost $2022 and 2022 people came.", &[]),
            ("the 20 or 30 years prior; for months", &[]),
            ("in the fall of the regime", &[]),
        ];
        for (text, expected) in cases {
            let got = resolve_all(text);
            let expected: Vec<(String, String)> = expected
                .iter()
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect();
            assert_eq!(got, expected, "{text}");
        }
    }

    #[test]
    fn weekend_depends_on_the_publication_weekday_and_tense() {
        let at = |y, m, d, text: &str| {
            run(text, Date::new(y, m, d))[0]
                .resolved
                .map(|(a, b)| format!("{a}..{b}"))
        };
        // Thursday: the coming weekend unless told in the past.
        assert_eq!(
            at(2025, 12, 18, "this weekend"),
            Some("2025-12-20..2025-12-21".into())
        );
        assert_eq!(
            at(2025, 12, 18, "They met this weekend."),
            Some("2025-12-13..2025-12-14".into())
        );
        // Sunday: the current weekend.
        assert_eq!(
            at(2025, 12, 21, "this weekend"),
            Some("2025-12-20..2025-12-21".into())
        );
        assert_eq!(
            at(2025, 12, 21, "last weekend"),
            Some("2025-12-13..2025-12-14".into())
        );
    }

    #[test]
    fn without_a_published_date_only_absolute_times_resolve() {
        let found = run("last year, in October, and in February 2022", None);
        let reasons: Vec<_> = found
            .iter()
            .map(|t| (t.resolved.is_some(), t.unresolved))
            .collect();
        assert_eq!(
            reasons,
            vec![
                (false, Some(Unresolved::NoPublishedDate)),
                (false, Some(Unresolved::NoPublishedDate)),
                (true, None)
            ]
        );
    }

    #[test]
    fn kinds_directions_and_anchors() {
        let text = "Now, nearly a year into Trump 2.0, he will travel next week.";
        let found = run(text, Date::new(2025, 12, 22));
        assert_eq!(found[0].kind, TimeKind::EventRelative);
        assert_eq!(found[0].anchor.map(|a| a.of(text)), Some("Trump 2.0"));
        assert_eq!(found[0].direction, TimeDirection::Present);
        assert_eq!(found[1].kind, TimeKind::Week);
        assert_eq!(found[1].direction, TimeDirection::Future);
    }

    #[test]
    fn hostile_input_never_panics() {
        for text in [
            "",
            "in",
            "since",
            "from May to",
            "between 2020 and",
            "the end of",
            "mid-",
            "Dec.",
            "31 February",
            "99/99/9999",
            "'90s",
            "’",
            "Q5",
        ] {
            let _ = run(text, Date::new(2025, 12, 22));
            let _ = run(text, None);
        }
    }
}
