//! Parsing relative expressions: "last year", "the past three years",
//! "three years ago", "within weeks", "in recent months", "a year into
//! the war", "the previous day".

use super::*;

impl<'a> Cx<'a> {
    /// "this week", "last year", "next month", "last Friday", "this
    /// summer", "next March", "last night", "this morning", "this past weekend".
    pub(super) fn relative(&self, k: usize) -> Option<Parsed> {
        let mut rel = match self.w(k) {
            "this" => Rel::This,
            "last" => Rel::Last,
            "next" => Rel::Next,
            // "previous Wednesday", "following Friday" (with "the", the
            // story's own timeline: see `rolling`).
            "previous" => Rel::Last,
            "following" => Rel::Next,
            _ => return None,
        };
        let mut at = k + 1;
        let mut nearest = false;
        if rel == Rel::This {
            match self.w(at) {
                "past" => {
                    rel = Rel::Last;
                    nearest = true;
                    at += 1;
                }
                "coming" | "upcoming" => {
                    rel = Rel::Next;
                    nearest = true;
                    at += 1;
                }
                _ => {}
            }
        }
        // "this calendar year": the year itself, said against a fiscal or
        // school year.
        if self.w(at) == "calendar" && self.w(at + 1) == "year" {
            at += 1;
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
            if is_day_part(self.w(end)) {
                end += 1;
            }
            return parsed(
                end,
                Expr::Weekday {
                    weekday,
                    rel,
                    nearest,
                },
            );
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
    pub(super) fn rolling(&self, k: usize) -> Option<Parsed> {
        // "the week after next", "the month after next".
        if self.w(k) == "the" && self.w(k + 2) == "after" && self.w(k + 3) == "next" {
            if let Some((unit @ (Unit::Week | Unit::Weekend | Unit::Month | Unit::Year), false)) =
                unit_of(self.w(k + 1))
            {
                return parsed(k + 4, Expr::Calendar { unit, offset: 2 });
            }
        }
        // "that day", "that year", "the same week": the period of a date just given.
        let same_at = match (self.w(k), self.w(k + 1)) {
            ("that", _) => Some(k + 1),
            ("the", "same") => Some(k + 2),
            _ => None,
        };
        if let Some(at) = same_at {
            return match unit_of(self.w(at)) {
                Some((unit, false)) if unit != Unit::Hour => parsed(
                    at + 1,
                    Expr::Narrative {
                        unit,
                        offset: Some(0),
                    },
                ),
                _ => None,
            };
        }
        let the = self.w(k) == "the";
        let at = if the { k + 1 } else { k };
        // "a shoe built to last 40 years": the verb, no period of time.
        if !the && self.w(at) == "last" && k > 0 && before_verb_last(self.w(k - 1)) {
            return None;
        }
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
            let n = i64::from(n.unwrap_or(1));
            let offset = match (plural, self.w(at)) {
                (true, _) => None,
                (false, "following") => Some(n),
                (false, _) => Some(-n),
            };
            return the.then(|| Parsed {
                end: unit_at + 1,
                expr: Expr::Narrative { unit, offset },
            });
        }
        // "the next quarter", "the coming decade": the calendar unit after
        // this one ("the past year" stays the last twelve months).
        if future && !plural && !counted && unit != Unit::Hour && unit != Unit::Day {
            // Told in the past ("The next year, Waite published a guide"),
            // it is the year after one the story gave.
            if the && self.tense(k, unit_at + 1) == Tense::Past {
                return parsed(
                    unit_at + 1,
                    Expr::Narrative {
                        unit,
                        offset: Some(1),
                    },
                );
            }
            return parsed(unit_at + 1, Expr::Calendar { unit, offset: 1 });
        }
        // "the coming weeks": plural with no count is vague.
        let n = if plural && !counted { None } else { n };
        parsed(unit_at + 1, Expr::Rolling { unit, n, future })
    }

    /// "three years ago", "a week ago", "years ago".
    pub(super) fn ago(&self, k: usize) -> Option<Parsed> {
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

    /// "two weeks before Christmas", "three weeks from tomorrow", "4 months
    /// after May 2020"; "two years later" (the story's own timeline,
    /// anchored like "the following year").
    pub(super) fn offset(&self, k: usize) -> Option<Parsed> {
        // "the two years after 2010", "for three days after the vote":
        // a span, not a point.
        // "a few hundred years earlier" is no count of a hundred.
        let prev = if k == 0 { "" } else { self.w(k - 1) };
        if matches!(
            prev,
            "the"
                | "those"
                | "these"
                | "first"
                | "for"
                | "over"
                | "during"
                | "within"
                | "next"
                | "past"
                | "last"
                | "few"
                | "several"
                | "many"
                | "some"
                | "a"
                | "hundred"
                | "thousand"
        ) || (k > 0 && self.integer(k - 1).is_some())
        {
            return None;
        }
        let (n, unit_at) = match self.count(k)? {
            (Some(n), next) if n > 0 => (i64::from(n), next),
            _ => return None,
        };
        let (unit, _) = unit_of(self.w(unit_at))?;
        if unit == Unit::Weekend {
            return None;
        }
        let dir = self.w(unit_at + 1);
        match dir {
            "later" | "earlier" => {
                let offset = if dir == "later" { n } else { -n };
                return parsed(
                    unit_at + 2,
                    Expr::Narrative {
                        unit,
                        offset: Some(offset),
                    },
                );
            }
            "before" | "after" | "from" => {}
            _ => return None,
        }
        let inner = self.core(unit_at + 2)?;
        // "from" counts on from a day ("from tomorrow", "from Tuesday"):
        // "ten years from 2010 to 2020" is a span.
        let day_like = matches!(
            inner.expr,
            Expr::DayOffset(_)
                | Expr::Weekday { .. }
                | Expr::MonthDay { to_day: None, .. }
                | Expr::Day(_)
                | Expr::Holiday { .. }
        );
        let allowed = match dir {
            "from" => day_like,
            _ => !matches!(
                inner.expr,
                Expr::Rolling { .. }
                    | Expr::Recent
                    | Expr::Within { .. }
                    | Expr::EventRelative { .. }
                    | Expr::Narrative { .. }
                    | Expr::Range(..)
            ),
        };
        if !allowed || matches!(self.w(inner.end), "to" | "until" | "till" | "through") {
            return None;
        }
        let n = if dir == "before" { -n } else { n };
        parsed(
            inner.end,
            Expr::Offset {
                unit,
                n,
                inner: Box::new(inner.expr),
            },
        )
    }

    /// "within weeks", "within two days".
    pub(super) fn within(&self, k: usize) -> Option<Parsed> {
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
    pub(super) fn recent(&self, k: usize) -> Option<Parsed> {
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
    pub(super) fn event_relative(&self, k: usize) -> Option<Parsed> {
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
}
