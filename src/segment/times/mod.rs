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
//!
//! This file holds the types, the scan and the anchoring of story-relative
//! times; `lexicon` the words, `parse` and `relative` the grammar, `tense`
//! the clause's tense, `resolve` the calendar arithmetic.

mod days;
mod lexicon;
mod parse;
mod relative;
mod resolve;
mod tense;
#[cfg(test)]
mod tests;

use super::tokens::{Normalized, Token, TokenKind};
use crate::calendar::{days_in_month, Date};
use crate::spans::ByteSpan;
use lexicon::*;
use resolve::*;

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
    // Per mention: the story-relative unit and offset ("the previous
    // year"), or whether it is an explicit date that can anchor one.
    let mut anchoring: Vec<Anchoring> = Vec::new();
    let mut k = 0;
    while k < tokens.len() {
        // Cheap filter: most tokens cannot start an expression.
        if !cx.may_start(k) {
            k += 1;
            continue;
        }
        match cx.parse(k) {
            Some(parsed) if parsed.end > k => {
                anchoring.push(match parsed.expr {
                    Expr::Narrative {
                        unit,
                        offset: Some(offset),
                    } => Anchoring::Relative {
                        unit,
                        offset,
                        // "three years earlier (in 2004)": "later" and
                        // "earlier" count from a date told before them.
                        backward_only: matches!(cx.w(parsed.end - 1), "later" | "earlier"),
                    },
                    ref e if resolve(e, None, Tense::Unknown).is_ok() => Anchoring::Explicit,
                    _ => Anchoring::Neither,
                });
                out.push(cx.mention(k, parsed, published));
                k = parsed_end(k, &out, tokens);
            }
            _ => k += 1,
        }
    }
    anchor_to_nearby_dates(&mut out, &anchoring, sentences, published);
    out
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Anchoring {
    Explicit,
    Relative {
        unit: Unit,
        offset: i64,
        backward_only: bool,
    },
    Neither,
}

/// Resolves "the previous year", "that day", "the following week" against
/// the nearest explicit date in the same or the previous sentence ("in
/// 2017 ... the previous year" is 2016). An anchor must be no longer than
/// the unit (a year cannot anchor "the previous day"); without one the
/// mention stays unresolved, relative to the story's own timeline.
fn anchor_to_nearby_dates(
    out: &mut [TimeMention],
    anchoring: &[Anchoring],
    sentences: &[ByteSpan],
    published: Option<Date>,
) {
    let sentence_of = |at: usize| sentences.partition_point(|s| s.end <= at);
    for i in 0..out.len() {
        let Some(&Anchoring::Relative {
            unit,
            offset,
            backward_only,
        }) = anchoring.get(i)
        else {
            continue;
        };
        let here = sentence_of(out[i].span.start);
        let nearest = (0..out.len())
            .filter(|&j| anchoring.get(j) == Some(&Anchoring::Explicit))
            .filter(|&j| !backward_only || j < i)
            .filter(|&j| {
                let there = sentence_of(out[j].span.start);
                there == here || (there + 1 == here && j < i)
            })
            .min_by_key(|&j| out[i].span.start.abs_diff(out[j].span.start));
        let Some((a, b)) = nearest.and_then(|j| out[j].resolved) else {
            continue;
        };
        let (ua, ub) = calendar(a, unit, 0, Tense::Unknown);
        if unit == Unit::Weekend || b > ub || a < ua {
            continue;
        }
        let interval = calendar(a, unit, offset, Tense::Unknown);
        let m = &mut out[i];
        m.resolved = Some(interval);
        m.unresolved = None;
        if let Some(p) = published {
            m.direction = direction_of(interval, p);
        }
    }
}

fn direction_of((a, b): Interval, p: Date) -> TimeDirection {
    if b < p {
        TimeDirection::Past
    } else if a > p {
        TimeDirection::Future
    } else {
        TimeDirection::Present
    }
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
    /// The nth (Monday-to-Sunday) week of a month or year; -1 is the last.
    Week(i8),
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
    BlackFriday,
    GoodFriday,
    BoxingDay,
    MothersDay,
    FathersDay,
    Juneteenth,
    MartinLutherKingDay,
    PresidentsDay,
    StPatricksDay,
    WorkersDay,
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
        /// "this past Friday", "this coming Friday": the nearest one, not
        /// the one of the previous or next week.
        nearest: bool,
    },
    /// "Sunday 31", "Tue 13th", "Friday the 13th": the date with that day
    /// of the month that falls on that weekday.
    WeekdayDay {
        weekday: u32,
        day: u32,
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
    /// "the previous day", "the following week", "that year": the story's
    /// own timeline, `offset` units from a date the text gives nearby.
    Narrative {
        unit: Unit,
        /// `None` for a span of several units ("the previous three years").
        offset: Option<i64>,
    },
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
    /// "(will leave) in two months": a point that far after publication.
    InFuture {
        unit: Unit,
        n: u32,
    },
    /// "after 2010", "later than March": from the day after, to publication.
    After(Box<Expr>),
    /// "before 2018", "no later than May 1": no start is stated.
    Before(Box<Expr>),
    Range(Box<Expr>, Box<Expr>),
    /// "two weeks before Christmas", "three weeks from tomorrow": `n`
    /// units (negative: before) from another expression.
    Offset {
        unit: Unit,
        n: i64,
        inner: Box<Expr>,
    },
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
