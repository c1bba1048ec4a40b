//! Resolving a parsed expression to an inclusive calendar interval
//! against the publication date, or saying why it cannot be.

use super::*;

impl<'a> Cx<'a> {
    /// Builds the mention for a parse starting at token `k`.
    pub(super) fn mention(&self, k: usize, p: Parsed, published: Option<Date>) -> TimeMention {
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
            (Some(interval), Some(pd)) => direction_of(interval, pd),
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
}

pub(super) fn kind_of(e: &Expr) -> TimeKind {
    match e {
        Expr::Day(_)
        | Expr::Invalid
        | Expr::DayOffset(_)
        | Expr::Weekday { .. }
        | Expr::WeekdayDay { .. }
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
        | Expr::After(_)
        | Expr::Before(_)
        | Expr::Range(..) => TimeKind::Period,
        Expr::InFuture { .. } => TimeKind::Day,
        Expr::Offset { inner, .. } => kind_of(inner),
        Expr::Narrative { .. } | Expr::EventRelative { .. } => TimeKind::EventRelative,
    }
}

pub(super) type Interval = (Date, Date);

pub(super) fn whole_year(y: i32) -> Interval {
    (Date::first_of_month(y, 1), Date::last_of_month(y, 12))
}

pub(super) fn whole_month(y: i32, m: u32) -> Interval {
    (Date::first_of_month(y, m), Date::last_of_month(y, m))
}

pub(super) fn season_instance(season: Season, year: i32) -> Interval {
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

pub(super) fn holiday_date(h: Holiday, y: i32) -> Option<Date> {
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
        Holiday::BlackFriday => Date::nth_weekday(y, 11, 3, 4).map(|d| d.add_days(1)),
        Holiday::GoodFriday => Some(Date::easter(y).add_days(-2)),
        Holiday::BoxingDay => Date::new(y, 12, 26),
        // The US dates.
        Holiday::MothersDay => Date::nth_weekday(y, 5, 6, 2),
        Holiday::FathersDay => Date::nth_weekday(y, 6, 6, 3),
        Holiday::Juneteenth => Date::new(y, 6, 19),
        Holiday::MartinLutherKingDay => Date::nth_weekday(y, 1, 0, 3),
        Holiday::PresidentsDay => Date::nth_weekday(y, 2, 0, 3),
        Holiday::StPatricksDay => Date::new(y, 3, 17),
        Holiday::WorkersDay => Date::new(y, 5, 1),
    }
}

/// Picks the instance of a yearly recurring interval: the most recent one
/// begun by `p` (past), the first one not yet over (future), or, for a
/// single day told in no particular tense, the nearest one.
pub(super) fn recurring(
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

pub(super) fn shift(p: Date, unit: Unit, n: i64) -> Date {
    match unit {
        // Whole days, to the nearest: "an hour ago" and "the past 12 hours"
        // are most likely the day of publication, "20 hours ago" the day
        // before.
        Unit::Hour => p.add_days(n.signum() * ((n.abs() + 11) / 24)),
        Unit::Day => p.add_days(n),
        Unit::Week | Unit::Weekend => p.add_days(7 * n),
        Unit::Month => p.add_months(n),
        Unit::Quarter => p.add_months(3 * n),
        Unit::Year => p.add_months(12 * n),
        Unit::Decade => p.add_months(120 * n),
    }
}

/// The calendar unit containing `d`.
pub(super) fn unit_containing(d: Date, unit: Unit) -> Interval {
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

pub(super) fn resolve(
    e: &Expr,
    published: Option<Date>,
    tense: Tense,
) -> Result<Interval, Unresolved> {
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
        Expr::Recent | Expr::Before(_) => return Err(Unresolved::Vague),
        Expr::Narrative { .. } => return Err(Unresolved::RelativeToEvent),
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
        Expr::Weekday {
            weekday,
            rel,
            nearest,
        } => {
            let pw = i64::from(p.weekday());
            let wd = i64::from(*weekday);
            // "last Tuesday" is the Tuesday of the week before the
            // article's, "next Friday" the Friday of the week after;
            // "this past" and "this coming" take the nearest one.
            let d = match (rel, nearest) {
                (Rel::None, _) if future => p.add_days((wd - pw).rem_euclid(7)),
                (Rel::None, _) => p.add_days(-(pw - wd).rem_euclid(7)),
                (Rel::Last, true) => p.add_days(-((pw - wd - 1).rem_euclid(7) + 1)),
                (Rel::Next, true) => p.add_days((wd - pw - 1).rem_euclid(7) + 1),
                (Rel::Last, false) => p.week_start().add_days(wd - 7),
                (Rel::Next, false) => p.week_start().add_days(wd + 7),
                (Rel::This, _) => p.week_start().add_days(wd),
            };
            Ok((d, d))
        }
        Expr::WeekdayDay { weekday, day } => {
            // The months around publication whose `day` falls on `weekday`,
            // chosen by tense like any recurring date.
            let candidates: Vec<Date> = (-14..=14)
                .filter_map(|m| {
                    let first = Date::new(p.year, p.month, 1)?.add_months(m);
                    Date::new(first.year, first.month, *day)
                })
                .filter(|d| d.weekday() == *weekday)
                .collect();
            let pick = match tense {
                Tense::Future => candidates.iter().find(|&&d| d >= p).copied(),
                Tense::Past => candidates.iter().rev().find(|&&d| d <= p).copied(),
                _ => candidates
                    .iter()
                    .min_by_key(|d| d.days_until(p).abs())
                    .copied(),
            };
            pick.map(|d| (d, d)).ok_or(Unresolved::InvalidDate)
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
            if *unit == Unit::Quarter {
                // "the last two quarters" of results are whole calendar
                // quarters: the ones before the current, or after it.
                let current = unit_containing(p, Unit::Quarter);
                return Ok(if *forward {
                    let first = current.1.add_days(1);
                    (
                        first,
                        unit_containing(shift(first, Unit::Quarter, n - 1), Unit::Quarter).1,
                    )
                } else {
                    (shift(current.0, Unit::Quarter, -n), current.0.add_days(-1))
                });
            }
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
        Expr::InFuture { unit, n } => {
            let d = shift(p, *unit, i64::from(*n));
            Ok((d, d))
        }
        Expr::After(inner) => {
            // Up to publication; a bound still ahead has no end to state.
            let (_, b) = resolve(inner, Some(p), tense)?;
            let from = b.add_days(1);
            if from <= p {
                Ok((from, p))
            } else {
                Err(Unresolved::Vague)
            }
        }
        Expr::Offset { unit, n, inner } => {
            let (a, b) = resolve(inner, Some(p), tense)?;
            Ok((shift(a, *unit, *n), shift(b, *unit, *n)))
        }
        Expr::Range(first, second) => {
            let a = resolve(first, Some(p), tense)?;
            let mut b = resolve(second, Some(p), tense)?;
            // "from August to October": the end is the first such period
            // after the start, not resolved on its own.
            let yearless = matches!(
                **second,
                Expr::Month { year: None, .. } | Expr::MonthDay { year: None, .. }
            );
            if yearless && b.0 < a.0 {
                b = (b.0.add_months(12), b.1.add_months(12));
            }
            Ok((a.0.min(b.0), a.1.max(b.1)))
        }
        _ => Err(Unresolved::NoPublishedDate),
    }
}

/// "this week", "last weekend", "next month", "this year" against `p`.
pub(super) fn calendar(p: Date, unit: Unit, offset: i64, tense: Tense) -> Interval {
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
pub(super) fn apply_part(part: Part, (a, b): Interval, p: Option<Date>) -> Interval {
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
        Part::Week(n) => {
            // A year's first week is the one with January 4 in it (ISO); a
            // month's is the one with its first day; the last is the last
            // one mostly inside (its Thursday is: "the last week of July"
            // 2017 ends on the 30th, not in August).
            let start = if n < 0 {
                let ws = b.week_start();
                if ws.add_days(3) > b {
                    ws.add_days(-7)
                } else {
                    ws
                }
            } else {
                let first = if is_year { a.add_days(3) } else { a };
                first.week_start().add_days(7 * (i64::from(n) - 1))
            };
            (start, start.add_days(6))
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
