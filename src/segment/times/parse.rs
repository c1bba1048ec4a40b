//! Parsing absolute and calendar expressions: dates, months, years,
//! decades, weekdays, parts of periods ("early 2024"), ranges, seasons,
//! quarters and holidays. Relative forms are in `relative.rs`, weekdays
//! and day words in `days.rs`.

use super::*;

impl<'a> Cx<'a> {
    /// Parses the longest expression starting at token `k`.
    pub(super) fn parse(&self, k: usize) -> Option<Parsed> {
        let w = self.w(k);
        match w {
            "since" => {
                // "since late July", "since the start of the year".
                let inner = self.partial(k + 1).or_else(|| self.core(k + 1))?;
                return parsed(inner.end, Expr::Since(Box::new(inner.expr)));
            }
            "in" => {
                // "will leave in two months": only where the clause looks
                // ahead; "the highest in two years" is a span, not a date.
                if let Some((Some(n), unit_at)) = self.count(k + 1) {
                    if let Some((unit, _)) = unit_of(self.w(unit_at)) {
                        let end = unit_at + 1;
                        let looks_ahead = self.tense(k, end) == Tense::Future;
                        // "the highest in two years", "the first time in a week".
                        let superlative = (k.saturating_sub(4)..k).any(|j| {
                            let w = self.w(j);
                            matches!(w, "most" | "least" | "first" | "only" | "time")
                                || (w.len() > 5 && w.ends_with("est"))
                        });
                        if looks_ahead && !superlative && !matches!(self.w(end), "of" | "time") {
                            return parsed(end, Expr::InFuture { unit, n });
                        }
                    }
                }
                return None;
            }
            "after" | "before" | "later" | "earlier" | "no" => {
                // "after 2010", "later than 2018", "no later than May 1":
                // the bound is not the date itself.
                let (after, at) = match (w, self.w(k + 1), self.w(k + 2)) {
                    ("after", _, _) => (true, k + 1),
                    ("before", _, _) => (false, k + 1),
                    ("later", "than", _) => (true, k + 2),
                    ("earlier", "than", _) => (false, k + 2),
                    ("no", "later", "than") => (false, k + 3),
                    _ => (false, usize::MAX),
                };
                if at != usize::MAX {
                    let at = if self.w(at) == "the" && self.w(at + 1) == "year" {
                        at + 2
                    } else {
                        at
                    };
                    let inner = self.core(at)?;
                    let bounded = matches!(
                        inner.expr,
                        Expr::Year { .. }
                            | Expr::Month { .. }
                            | Expr::MonthDay { .. }
                            | Expr::Day(_)
                            | Expr::Decade(_)
                            | Expr::Quarter { .. }
                            | Expr::Season { .. }
                    );
                    if !bounded {
                        return None;
                    }
                    let end = inner.end;
                    let inner = Box::new(inner.expr);
                    let expr = if after {
                        Expr::After(inner)
                    } else {
                        Expr::Before(inner)
                    };
                    return parsed(end, expr);
                }
                // "after", "before" and "no" start nothing else.
                if matches!(w, "after" | "before" | "no") {
                    return None;
                }
            }
            // "that day", "the same week": only the story-relative form.
            "that" => return self.rolling(k),
            "from" => {
                let first = self.range_start(k + 1)?;
                if matches!(
                    self.w(first.end),
                    "to" | "until" | "till" | "through" | "-" | "~"
                ) {
                    if let Some(second) = self.range_end(first.end + 1) {
                        return parsed(second.end, range(first.expr, second.expr));
                    }
                }
                return None;
            }
            "between" => {
                let first = self.range_start(k + 1)?;
                if matches!(self.w(first.end), "and" | "~" | "-") {
                    if let Some(second) = self.range_end(first.end + 1) {
                        return parsed(second.end, range(first.expr, second.expr));
                    }
                }
                return None;
            }
            _ => {}
        }
        let first = self.partial(k).or_else(|| self.core(k))?;
        if let Some(day) = self.weekday_of_week(&first) {
            return Some(day);
        }
        // "January to March", "Monday through Friday", "2020-2022".
        let joiner = self.w(first.end);
        if matches!(joiner, "to" | "through" | "until" | "till" | "-" | "~")
            && matches!(
                first.expr,
                Expr::Month { .. }
                    | Expr::Weekday { .. }
                    | Expr::Year { .. }
                    | Expr::MonthDay { .. }
                    | Expr::Day(_)
                    | Expr::Quarter { .. }
            )
        {
            if let Some(second) = self.range_end(first.end + 1) {
                // Two dates that each name their year ("January 12, 2016 -
                // 01/22/2016", "2014 through May 2nd 2018") always make one.
                let explicit = |e: &Expr| resolve(e, None, Tense::Unknown).is_ok();
                let compatible = std::mem::discriminant(&first.expr)
                    == std::mem::discriminant(&second.expr)
                    || (explicit(&first.expr) && explicit(&second.expr))
                    || (explicit(&first.expr) && second.expr == Expr::DayOffset(0))
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

    /// The first bound of "from X to Y", "between X and Y": a part of a
    /// period ("the end of March") or any standalone expression.
    fn range_start(&self, k: usize) -> Option<Parsed> {
        if self.w(k) == "now" && matches!(self.w(k + 1), "and" | "to" | "until" | "till") {
            // "between now and November 15th".
            return parsed(k + 1, Expr::DayOffset(0));
        }
        self.partial(k).or_else(|| self.core(k))
    }

    /// The last bound: as the first, or the present ("from 2010 to now",
    /// "between Jan 2019 and now", "till current date", "to date").
    fn range_end(&self, k: usize) -> Option<Parsed> {
        let now = match (self.w(k), self.w(k + 1), self.w(k + 2)) {
            ("now" | "present", _, _) => Some(k + 1),
            ("the", "present", "day") => Some(k + 3),
            ("the" | "current", "present" | "date", _) => Some(k + 2),
            ("date", _, _) if k > 0 && self.w(k - 1) == "to" => Some(k + 1),
            _ => None,
        };
        if let Some(end) = now {
            return parsed(end, Expr::DayOffset(0));
        }
        self.range_start(k)
    }

    /// "Tuesday of last week", "Wednesday next week", "next week
    /// Wednesday": a weekday of a named week.
    pub(super) fn weekday_of_week(&self, first: &Parsed) -> Option<Parsed> {
        let week_rel = |e: &Expr| match e {
            Expr::Calendar {
                unit: Unit::Week,
                offset,
            } => Some(match offset {
                o if *o < 0 => Rel::Last,
                0 => Rel::This,
                _ => Rel::Next,
            }),
            _ => None,
        };
        let weekday = |e: &Expr| match e {
            Expr::Weekday {
                weekday,
                rel: Rel::None,
                ..
            } => Some(*weekday),
            _ => None,
        };
        let (weekday, rel, end) = if let Some(wd) = weekday(&first.expr) {
            // "Tuesday of last week", "Wednesday next week".
            let at = if self.w(first.end) == "of" {
                first.end + 1
            } else {
                first.end
            };
            let week = self.core(at)?;
            (wd, week_rel(&week.expr)?, week.end)
        } else {
            let rel = week_rel(&first.expr)?;
            let at = if self.w(first.end) == "on" {
                first.end + 1
            } else {
                first.end
            };
            let day = self.core(at)?;
            (weekday(&day.expr)?, rel, day.end)
        };
        parsed(
            end,
            Expr::Weekday {
                weekday,
                rel,
                nearest: false,
            },
        )
    }

    /// "early 2024", "mid-October", "late last year", "the end of the
    /// year", "the first half of 2023", "earlier this week".
    pub(super) fn partial(&self, k: usize) -> Option<Parsed> {
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
        // "down 20% year to date", "year-to-date sales": from the start of
        // the publication's year to the publication date.
        let to_date_end = match (w, self.w(k + 1), self.w(k + 2)) {
            ("year-to-date", _, _) => Some(k + 1),
            ("year", "to", "date") => Some(k + 3),
            _ => None,
        };
        if let Some(end) = to_date_end {
            return parsed(
                end,
                Expr::Part {
                    part: Part::Earlier,
                    inner: Box::new(Expr::Calendar {
                        unit: Unit::Year,
                        offset: 0,
                    }),
                },
            );
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
                    // "the last week of July", "the second week of 2021".
                    ("first", "week") => (Part::Week(1), at + 2),
                    ("second", "week") => (Part::Week(2), at + 2),
                    ("third", "week") => (Part::Week(3), at + 2),
                    ("fourth", "week") => (Part::Week(4), at + 2),
                    ("last" | "final", "week") => (Part::Week(-1), at + 2),
                    (_, "st" | "nd" | "rd" | "th")
                        if self.touches(at) && self.w(at + 2) == "week" =>
                    {
                        match self.integer(at) {
                            Some(n @ 1..=5) => (Part::Week(n as i8), at + 3),
                            _ => return None,
                        }
                    }
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
    pub(super) fn period_after_of(&self, k: usize) -> Option<Parsed> {
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
        self.core(k).or_else(|| {
            // "the 3rd week of Jan": after "of", an abbreviation is a month.
            let (month, next, _) = self.month_at(k)?;
            self.after_month(next, month, false, k)
        })
    }

    /// The expressions that can stand alone: dates and named times first,
    /// then relative times, seasons and quarters (two functions, each kept
    /// out of its caller: docs/BENCHMARKS.md, "large functions").
    pub(super) fn core(&self, k: usize) -> Option<Parsed> {
        self.calendar_forms(k).or_else(|| self.relative_forms(k))
    }

    #[inline(never)]
    fn calendar_forms(&self, k: usize) -> Option<Parsed> {
        self.numeric_date(k)
            .or_else(|| self.holiday(k))
            .or_else(|| self.weekday_date(k))
            .or_else(|| self.month_form(k))
            .or_else(|| self.day_first(k))
            .or_else(|| self.decade(k))
            .or_else(|| self.apostrophe_year(k))
            .or_else(|| self.century(k))
            .or_else(|| self.year_quarter(k))
            .or_else(|| self.year(k))
            .or_else(|| self.weekday(k))
            .or_else(|| self.day_word(k))
    }

    #[inline(never)]
    fn relative_forms(&self, k: usize) -> Option<Parsed> {
        self.rolling(k)
            .or_else(|| self.relative(k))
            .or_else(|| self.ago(k))
            .or_else(|| self.offset(k))
            .or_else(|| self.within(k))
            .or_else(|| self.recent(k))
            .or_else(|| self.event_relative(k))
            .or_else(|| self.season(k))
            .or_else(|| self.quarter(k))
    }

    /// "2025-12-22" and "12/22/2025".
    pub(super) fn numeric_date(&self, k: usize) -> Option<Parsed> {
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
    pub(super) fn weekday_date(&self, k: usize) -> Option<Parsed> {
        self.weekday_at(k)?;
        let at = if self.w(k + 1) == "," { k + 2 } else { k + 1 };
        // "Friday 2018-7-6", "Friday, 7/6/2018": one date.
        let date = self.month_form(at).or_else(|| self.numeric_date(at))?;
        matches!(
            date.expr,
            Expr::MonthDay { .. } | Expr::Invalid | Expr::Day(_)
        )
        .then_some(date)
    }

    /// "December 22, 2025", "Dec. 20-21", "February 2022", "in October".
    pub(super) fn month_form(&self, k: usize) -> Option<Parsed> {
        let Some((month, next, abbreviated)) = self.month_at(k) else {
            return self.month_pair(k);
        };
        self.after_month(next, month, abbreviated, k)
    }

    pub(super) fn after_month(
        &self,
        next: usize,
        month: u32,
        abbreviated: bool,
        k: usize,
    ) -> Option<Parsed> {
        // "April the ninth", "January first", "march eighteenth".
        let day_at = if self.w(next) == "the" && self.spelled_or_suffixed(next + 1) {
            next + 1
        } else {
            next
        };
        let spelled = || {
            self.spelled_day(day_at)
                .filter(|&(_, a)| self.ends_spelled_day(a))
        };
        if let Some((day, mut after)) = self.day_number(day_at).or_else(spelled) {
            // "March 3, 15 people died": a day is followed by a year, punctuation or a word.
            let mut to_day = None;
            if matches!(self.w(after), "-" | "to" | "through" | "till" | "until") {
                let at = if self.w(after + 1) == "the" {
                    after + 2
                } else {
                    after + 1
                };
                if let Some((d2, a2)) = self.any_day(at) {
                    if d2 > day {
                        to_day = Some(d2);
                        after = a2;
                    }
                }
            }
            let mut year = None;
            // "July 4, 1995", "July 4th of 1995".
            let comma = matches!(self.w(after), "," | "of");
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
        let year_at = match self.w(next) {
            "of" | "," => next + 1,
            "-" if self.touches(next - 1) && self.touches(next) => next + 1,
            _ => next,
        };
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
        // A bare abbreviation ("Mar", "Sep") only as a bound of a month
        // range: "from Sep to Nov", "Nov-Feb".
        if abbreviated && !self.month_range_bound(k) {
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

    /// "Jan-Feb 2017", "March-April": two months written as one word.
    fn month_pair(&self, k: usize) -> Option<Parsed> {
        let (a, b) = self.w(k).split_once('-')?;
        let month = |w: &str| month_number(w).or_else(|| crate::calendar::month_of_abbreviation(w));
        let (first, second) = (month(a)?, month(b)?);
        if !self.capitalised(k) {
            return None;
        }
        let year = self.year_token(k + 1);
        let end = if year.is_some() { k + 2 } else { k + 1 };
        let bound = |month| Expr::Month {
            month,
            year: None,
            rel: Rel::None,
        };
        let second = Expr::Month {
            month: second,
            year,
            rel: Rel::None,
        };
        parsed(end, range(bound(first), second))
    }

    /// The month at `k` opens ("from Sep", "between Sep") or closes ("Sep
    /// to Nov", "Jan-Feb") a range of months.
    fn month_range_bound(&self, k: usize) -> bool {
        let prev = if k == 0 { "" } else { self.w(k - 1) };
        let joiner = |w: &str| matches!(w, "to" | "and" | "through" | "until" | "till" | "-");
        let after = self.month_at(k).map_or(k + 1, |m| m.1);
        let glued = self.w(after) == "-" && self.touches(after - 1) && self.touches(after);
        let opens = (glued || (matches!(prev, "from" | "between") && joiner(self.w(after))))
            && self.month_at(after + 1).is_some();
        let closes = k >= 2 && joiner(prev) && self.month_at(k - 2).is_some();
        opens || closes
    }

    pub(super) fn starts_sentence(&self, k: usize) -> bool {
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
    pub(super) fn day_first(&self, k: usize) -> Option<Parsed> {
        // "the 28th of June": with "the", only an ordinal.
        let the = self.w(k) == "the";
        let start = if the { k + 1 } else { k };
        if (the && !self.spelled_or_suffixed(start)) || self.glued_to_money_or_clock(start) {
            return None;
        }
        let (day, mut next) = self.any_day(start)?;
        let mut spelled = self.day_number(start).is_none();
        // "9 to 12 of June", "between 3 and 12 of Sept", "ninth and
        // seventeenth of April".
        let mut to_day = None;
        let between = start > 0 && self.w(start - 1) == "between";
        if matches!(self.w(next), "to" | "-" | "through" | "till" | "until")
            || (between && self.w(next) == "and")
        {
            let at = if self.w(next + 1) == "the" {
                next + 2
            } else {
                next + 1
            };
            if let Some((d2, n2)) = self.any_day(at).filter(|&(d2, _)| d2 > day) {
                spelled |= self.day_number(at).is_none();
                to_day = Some(d2);
                next = n2;
            }
        }
        // "the fourth of July": a spelled ordinal day needs "of".
        if spelled && self.w(next) != "of" {
            return None;
        }
        let at = if self.w(next) == "of" { next + 1 } else { next };
        let (month, after, _) = self.month_at(at)?;
        let mut end = after;
        let mut year = None;
        let year_at = if matches!(self.w(after), "," | "of") {
            after + 1
        } else {
            after
        };
        if let Some(y) = self.year_token(year_at) {
            year = Some(y);
            end = year_at + 1;
        }
        let valid = to_day.unwrap_or(day) <= days_in_month(year.unwrap_or(2024), month);
        if !valid {
            return parsed(end, Expr::Invalid);
        }
        parsed(
            end,
            Expr::MonthDay {
                month,
                day,
                to_day,
                year,
            },
        )
    }

    /// "the 1990s", "the ’90s", "the 90s", "the nineties"; "the 1800s" is
    /// a century.
    pub(super) fn decade(&self, k: usize) -> Option<Parsed> {
        // "the 90s", "the nineties": a decade, not temperatures ("highs in
        // the 90s") or ages ("in their 90s" has no "the").
        let after_the = k > 0 && self.w(k - 1) == "the" && !self.near_temperature(k);
        if let Some(d) = decade_word(self.w(k)).filter(|_| after_the) {
            return parsed(k + 1, Expr::Decade(d));
        }
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
            // "the 1800s" is the century; "the 2000s" the decade.
            4 if n % 100 == 0 && n % 1000 != 0 && (1100..=1900).contains(&n) => {
                return parsed(
                    digits_at + 2,
                    Expr::Year {
                        from: n as i32,
                        to: n as i32 + 99,
                    },
                );
            }
            4 if n % 10 == 0 && (1800..=2190).contains(&n) => n as i32,
            2 if n % 10 == 0 && (start != digits_at || after_the) => {
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

    /// "in ’91", "since ’05", "the class of ’68": a year cut to its last
    /// two digits after the preposition that dates it (alone, "’91" could
    /// be a score or a quotation's mark).
    pub(super) fn apostrophe_year(&self, k: usize) -> Option<Parsed> {
        let dated_by = k > 0
            && matches!(
                self.w(k - 1),
                "in" | "since" | "of" | "from" | "until" | "till" | "by" | "before" | "after"
            );
        if !dated_by || self.w(k) != "'" || !self.touches(k) {
            return None;
        }
        let n = self.integer(k + 1).filter(|_| self.raw(k + 1).len() == 2)?;
        // "’91s" is a decade (above); "’91-’92" and "’91a" are something else.
        if self.touches(k + 1) && !matches!(self.w(k + 2), "." | "," | ";" | ":" | ")" | "”" | "\"")
        {
            return None;
        }
        // Up to ’30 reads as this century ("’05" is 2005), above it as the
        // last ("’91" is 1991).
        let year = if n <= 30 {
            2000 + n as i32
        } else {
            1900 + n as i32
        };
        parsed(
            k + 2,
            Expr::Year {
                from: year,
                to: year,
            },
        )
    }

    /// "the 19th century", "the eighteenth century", "15th century": the
    /// hundred years as commonly counted (1800–1899).
    pub(super) fn century(&self, k: usize) -> Option<Parsed> {
        let at = if self.w(k) == "the" { k + 1 } else { k };
        if !self.spelled_or_suffixed(at) {
            return None;
        }
        let (n, next) = self
            .day_number(at)
            .or_else(|| self.spelled_day(at))
            .filter(|&(n, _)| (1..=21).contains(&n))?;
        if !matches!(self.w(next), "century" | "centuries") {
            return None;
        }
        let from = (n as i32 - 1) * 100;
        parsed(
            next + 1,
            Expr::Year {
                from,
                to: from + 99,
            },
        )
    }

    /// "2017 Q1", "2019-Q1", "2019-H2", "2019 H1": a year, then its quarter
    /// or half.
    pub(super) fn year_quarter(&self, k: usize) -> Option<Parsed> {
        let year = self.year_token(k)?;
        let at = if self.w(k + 1) == "-" && self.touches(k) && self.touches(k + 1) {
            k + 2
        } else {
            k + 1
        };
        let (q, end) = self.quarter_code(at)?;
        parsed(end, quarter_or_half(q, Some(year)))
    }

    /// "Q3", "q3", "H1": (quarter 1–4, or 5–6 for the first and second
    /// half), next.
    pub(super) fn quarter_code(&self, k: usize) -> Option<(u32, usize)> {
        match self.w(k) {
            w @ ("q1" | "q2" | "q3" | "q4") => Some((u32::from(w.as_bytes()[1] - b'0'), k + 1)),
            "h1" => Some((5, k + 1)),
            "h2" => Some((6, k + 1)),
            _ => None,
        }
    }

    /// Next to a temperature word ("highs in the 90s", "the 90s Fahrenheit").
    fn near_temperature(&self, k: usize) -> bool {
        let temperature = |w: &str| {
            matches!(
                w,
                "temperature"
                    | "temperatures"
                    | "highs"
                    | "lows"
                    | "high"
                    | "low"
                    | "degrees"
                    | "fahrenheit"
                    | "heat"
                    | "weather"
            )
        };
        // "since the 90s" dates a trend even in a sentence about the heat.
        let dated = k >= 2 && matches!(self.w(k - 2), "since" | "during" | "until" | "throughout");
        // "temperatures in the city quickly ballooned into the 50s": the
        // subject can sit several words before its reading.
        !dated && (k.saturating_sub(10)..k + 3).any(|j| temperature(self.w(j)))
    }

    /// A year, or a year range ("2022-23", "2020–2022").
    pub(super) fn year(&self, k: usize) -> Option<Parsed> {
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
            || self.counts_things(k)
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
            // "2022-23", "2020-2022", "2014~2018": a year range.
            if matches!(next, "-" | "~") && self.touches(k) && self.touches(k + 1) {
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

    /// "deliver 2000 pieces", "2000 vehicles were sold": a number before a
    /// plural noun counts things, unless a determiner or a preposition
    /// makes it a year ("the 2020 elections", "in 2015 prices rose").
    fn counts_things(&self, k: usize) -> bool {
        let next = self.w(k + 1);
        let plural = self
            .tokens
            .get(k + 1)
            .is_some_and(|t| t.kind == TokenKind::Word)
            && !self.capitalised(k + 1)
            && next.len() > 3
            && next.ends_with('s')
            && !next.ends_with("ss")
            && !next.ends_with("us")
            && !next.ends_with("is")
            && !next.ends_with("'s");
        if !plural {
            return false;
        }
        let prev = if k == 0 { "" } else { self.w(k - 1) };
        let year_before = matches!(
            prev,
            "the"
                | "its"
                | "their"
                | "his"
                | "her"
                | "our"
                | "this"
                | "that"
                | "in"
                | "of"
                | "since"
                | "by"
                | "from"
                | "until"
                | "till"
                | "to"
                | "through"
                | "during"
                | "after"
                | "before"
                | "for"
                | "and"
                | "or"
                | "early"
                | "late"
                | "mid"
                | ","
                | "-"
        ) || prev.ends_with("'s")
            || small_number_word(prev).is_some()
            || (k > 0 && self.integer(k - 1).is_some())
            || (k > 0 && self.capitalised(k - 1));
        !year_before
    }

    /// "over the summer", "summer 2024", "the winter of 2022".
    pub(super) fn season(&self, k: usize) -> Option<Parsed> {
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
    pub(super) fn quarter(&self, k: usize) -> Option<Parsed> {
        let w = self.w(k);
        let (quarter, mut end) = match w {
            "q1" | "q2" | "q3" | "q4" | "h1" | "h2" => self.quarter_code(k)?,
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
        } else if quarter > 4 {
            // "H2" alone is hydrogen as often as a half-year.
            return None;
        }
        parsed(end, quarter_or_half(quarter, year))
    }

    /// "Christmas", "New Year’s Eve", "Thanksgiving", "Labor Day".
    pub(super) fn holiday(&self, k: usize) -> Option<Parsed> {
        let unambiguous = matches!(
            self.w(k),
            "christmas" | "easter" | "thanksgiving" | "halloween" | "juneteenth"
        ) || (self.w(k) == "black" && self.w(k + 1) == "friday");
        if !self.capitalised(k) && !unambiguous {
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
            ("black", "friday") => (Holiday::BlackFriday, k + 2),
            ("good", "friday") => (Holiday::GoodFriday, k + 2),
            ("boxing", "day") => (Holiday::BoxingDay, k + 2),
            ("mother" | "mothers", "day") => (Holiday::MothersDay, k + 2),
            ("father" | "fathers", "day") => (Holiday::FathersDay, k + 2),
            ("juneteenth", _) => (Holiday::Juneteenth, k + 1),
            ("presidents" | "presidents'" | "president's", "day") => {
                (Holiday::PresidentsDay, k + 2)
            }
            ("martin", "luther") if w2 == "king" && self.w(k + 3) == "day" => {
                (Holiday::MartinLutherKingDay, k + 4)
            }
            ("mlk", "day") => (Holiday::MartinLutherKingDay, k + 2),
            ("st" | "saint", _) if matches!(strip_possessive(w1), "patrick") => (
                Holiday::StPatricksDay,
                if w2 == "day" { k + 3 } else { k + 2 },
            ),
            ("st", ".") if strip_possessive(w2) == "patrick" => (
                Holiday::StPatricksDay,
                if self.w(k + 3) == "day" { k + 4 } else { k + 3 },
            ),
            ("international", "workers'" | "workers" | "worker's") => {
                let day = if w2 == "'" { k + 3 } else { k + 2 };
                if self.w(day) != "day" {
                    return None;
                }
                (Holiday::WorkersDay, day + 1)
            }
            ("may", "day") if self.capitalised(k + 1) => (Holiday::WorkersDay, k + 2),
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
}

/// Quarter 1–4, or 5 and 6 for the first and second half of the year.
fn quarter_or_half(q: u32, year: Option<i32>) -> Expr {
    match (q, year) {
        (5 | 6, Some(y)) => Expr::Part {
            part: if q == 5 {
                Part::FirstHalf
            } else {
                Part::SecondHalf
            },
            inner: Box::new(Expr::Year { from: y, to: y }),
        },
        _ => Expr::Quarter { quarter: q, year },
    }
}

/// "nineties" → 1990: the decades of the twentieth century by name.
fn decade_word(w: &str) -> Option<i32> {
    Some(match w {
        "twenties" => 1920,
        "thirties" => 1930,
        "forties" => 1940,
        "fifties" => 1950,
        "sixties" => 1960,
        "seventies" => 1970,
        "eighties" => 1980,
        "nineties" => 1990,
        _ => return None,
    })
}
