//! The figure reader: from a token, the figure that starts there (money,
//! percent, counts, measures, ranges, ordinals, fractions) and its bounds.

use super::words::*;
use super::{Cx, Modifier, Num, QuantityKind, QuantityMention};
use crate::lexicon::{self, Reader::Rank};
use crate::segment::numbers::{fraction_word, ordinal_word, scale_word, unit_number};
use crate::segment::tokens::TokenKind;
use crate::spans::ByteSpan;

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
    pub(super) fn figure(&self, k: usize) -> Option<(QuantityMention, usize)> {
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
            && matches!(
                self.w(k + 1).split('-').next(),
                Some("st" | "nd" | "rd" | "th")
            )
        {
            let value: f64 = self.raw(k).replace(',', "").parse().ok()?;
            // "the 3rd-largest": the ranking word is glued to the suffix;
            // "21st-century" is no rank.
            if let Some((_, rest)) = self.w(k + 1).split_once('-') {
                if !lexicon::is_superlative(rest, Rank) {
                    return None;
                }
                return Some((
                    self.simple(k, k + 1, Some(value), "ordinal", QuantityKind::Ordinal),
                    k + 2,
                ));
            }
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
        // Spelled, an ordinal is a figure only where it ranks or counts in
        // succession ("the third-largest", "ranked first", "a second
        // term", "the fifth straight year"); "his first wife", "the first
        // time", "the second half" and "third-party" are words, not figures.
        let w = self.w(k);
        let (first, rest) = w.split_once('-').unwrap_or((w, ""));
        let value = ordinal_word(first)?;
        if self.kind(k) != Some(TokenKind::Word)
            || !self.raw(k).starts_with(|c: char| c.is_lowercase())
        {
            return None;
        }
        if !rest.is_empty() {
            // "second-largest", "third-biggest", "second-place"; not "first-hand".
            let ranking = lexicon::is_superlative(rest, Rank) || RANK_NOUNS.contains(&rest);
            return ranking.then(|| {
                (
                    self.simple(k, k, Some(value), "ordinal", QuantityKind::Ordinal),
                    k + 1,
                )
            });
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
        let Some(end) = end else {
            // "ranked first", "finished third": a rank with no noun after it.
            return RANK_VERBS.contains(&prev).then(|| {
                (
                    self.simple(k, k, Some(value), "ordinal", QuantityKind::Ordinal),
                    k + 1,
                )
            });
        };
        let noun_word = self.w(end);
        let in_a_row = matches!(
            (self.w(end + 1), self.w(end + 2), self.w(end + 3)),
            ("in", "a", "row")
        );
        let ranks = lexicon::is_superlative(noun_word, Rank)
            || RANK_NOUNS.contains(&noun_word)
            || SUCCESSION_WORDS.contains(&noun_word)
            || RANK_VERBS.contains(&prev)
            || in_a_row;
        if !ranks {
            return None;
        }
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
        // "8x faster", "10× more likely", "three times as many": a multiplier.
        // ("1365-294X" in a reference is no multiplier: the letter must stand
        // apart from what follows, and a capital X must compare.)
        let glued_x = matches!(self.raw(next), "x" | "×" | "X")
            && self.touches(next - 1)
            && !self.touches(next)
            && (self.raw(next) != "X" || self.comparison_at(next + 1));
        let multiplier =
            currency.is_none() && (glued_x || (w == "times" && self.comparison_at(next + 1)));
        if multiplier {
            unit = Some("times".into());
            kind = QuantityKind::Count;
            end = next;
            next += 1;
        } else if w == "%" || w == "percent" || w == "pct" || w == "percents" || percentage_word {
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
            // document the sentence names; "a 106-year-old boat", "his
            // 22-year-old son": an age. Both describe a thing or a person,
            // they are not statistics to source.
            let age = AGES.contains(&self.w(next + 1));
            if DOCUMENT_LENGTHS.contains(&noun) || age {
                return None;
            }
            let (k2, u) = match subunit(noun) {
                // "a 12-cent-a-share dividend".
                Some(code) => {
                    value = value.map(|v| v / 100.0);
                    (QuantityKind::Money, code.to_string())
                }
                // "a 300-pound man": before a noun, a pound is a weight.
                None if noun == "pound" => (QuantityKind::Measure, "pounds".to_string()),
                // "a 10-year plan" lasts "10 years", not "10 year".
                None => match classify_unit(noun) {
                    (QuantityKind::Duration, u) if value != Some(1.0) => {
                        (QuantityKind::Duration, plural_unit(&u))
                    }
                    other => other,
                },
            };
            unit = Some(u);
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
            // "the cheaper one costs $400": "one" before a plural is a
            // pronoun before its verb, not a count.
            let pronoun_one = num.spelled
                && value == Some(1.0)
                && noun_at.is_some_and(|j| {
                    let noun = self.w(j);
                    noun.ends_with('s')
                        && !MEASURE_UNITS.contains(&noun)
                        && !DURATION_UNITS.contains(&noun)
                });
            if pronoun_one {
                return None;
            }
            if let Some(noun_at) = noun_at {
                let noun = self.w(noun_at);
                // "the boat is 106 years old": an age, as above; a bound
                // ("more than thirty years old") is a comparison to check.
                if DURATION_UNITS.contains(&noun)
                    && self.w(noun_at + 1) == "old"
                    && self.modifier_before(start).is_none()
                {
                    return None;
                }
                let (k2, u) =
                    if matches!(noun, "pound" | "pounds") && self.pounds_of_goods(noun_at + 1) {
                        (QuantityKind::Measure, "pounds".to_string())
                    } else {
                        classify_unit(noun)
                    };
                // "a two hour drive" lasts "2 hours".
                let u = if k2 == QuantityKind::Duration && value != Some(1.0) {
                    plural_unit(&u)
                } else {
                    u
                };
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
        // "type 2 diabetes", "Chapter 11 bankruptcy": a labelled number
        // names its noun's kind, it does not count it.
        let labelled = start.checked_sub(1).is_some_and(|j| {
            let w = self.w(j);
            w != "no" && LABEL_WORDS.contains(&w) && !self.touches(j)
        });
        if labelled && !num.spelled && kind != QuantityKind::Money && upper.is_none() {
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
            if matches!(w, "pound" | "pounds") && self.pounds_of_goods(k + 1) {
                return None;
            }
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

    /// "29.4 million pounds of halibut": pounds "of" goods are a weight;
    /// money is "of" only public money ("2 million pounds of taxpayers'
    /// money").
    fn pounds_of_goods(&self, k: usize) -> bool {
        self.w(k) == "of"
            && !matches!(
                self.w(k + 1),
                "taxpayers" | "taxpayers'" | "taxpayer" | "public" | "money" | "funding"
            )
    }

    /// A capitalised nationality-like adjective ("Ukrainian", "American").
    /// A comparison after a multiplier: "3 times faster", "three times
    /// more likely", "ten times as many", "four times the size".
    fn comparison_at(&self, k: usize) -> bool {
        let w = self.w(k);
        matches!(w, "more" | "less" | "fewer" | "as" | "the" | "that")
            || (self.lowercase_word(k)
                && w.len() > 4
                && w.ends_with("er")
                && !matches!(w, "after" | "other" | "never" | "under" | "over" | "ever"))
    }

    /// Whether the capitalised words at `k` make a bare number before them
    /// part of a name ("19 Crimes", "10 Downing Street") rather than count a
    /// group ("10 Americans", "42 Senate Republicans", "12 NATO soldiers").
    fn in_a_name(&self, k: usize) -> bool {
        let capitalised = |j: usize| {
            self.kind(j) == Some(TokenKind::Word) && self.raw(j).starts_with(char::is_uppercase)
        };
        if !capitalised(k) {
            return false;
        }
        let mut j = k;
        while capitalised(j) {
            let w = self.w(j);
            let singular = w.strip_suffix('s').unwrap_or(w);
            // "20,000 SKUs": an acronym's plural is a counted noun.
            let raw = self.raw(j);
            let acronym_plural = raw
                .strip_suffix('s')
                .is_some_and(|a| a.len() >= 2 && a.bytes().all(|b| b.is_ascii_uppercase()));
            if acronym_plural
                || GROUP_NOUNS.contains(&w)
                || crate::segment::gazetteer::DEMONYMS.contains(&singular)
            {
                return false;
            }
            j += 1;
        }
        !self.is_plural_noun(j)
    }

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
        // "01060", "0187": leading zeros make a code (a postcode, a page
        // id), never an amount; "0.5" and "0" stay numbers.
        let raw = self.raw(start);
        if raw.len() > 1 && raw.starts_with('0') && raw.as_bytes()[1].is_ascii_digit() {
            return true;
        }
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
        // Before a capitalised word: a title or name ("“60 Minutes”", "7
        // Eleven", "19 Crimes"), unless the words count a group.
        if self
            .tokens
            .get(next)
            .is_some_and(|t| t.is_capitalised(self.text))
        {
            let opened = prev == "\"" || prev == "'";
            // Glued, a capital is a unit or a label ("60FPS", "5G"), not a name.
            let glued = self.touches(next - 1);
            if opened || (glued && !after.ends_with('s')) || (!glued && self.in_a_name(next)) {
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
