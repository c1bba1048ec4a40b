//! Everything after a number: its scale, the upper bound of a range, and
//! its unit (percent, money, a measure, a counted noun).

use super::words::*;
use super::{Cx, Modifier, Num, QuantityKind, QuantityMention};
use crate::segment::numbers::scale_word;
use crate::segment::tokens::TokenKind;

impl<'a> Cx<'a> {
    /// Everything after the number: scale, unit, range. `start` is the
    /// figure's first token (a currency symbol or the number).
    pub(super) fn after_number(
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
            // A number glued after a letter or hyphen is a name or label ("F-16",
            // "COVID-19"), or the second half of a score ("3-2").
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
                && matches!(
                    self.kind(start - 2),
                    Some(TokenKind::Word | TokenKind::Number)
                )
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
        // ("from 20 to 50" is a change, "from $20-$50" a range.)
        if range_ok && (prev != "from" || matches!(joiner, "-" | "–")) {
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
        // "a 3-2 defeat", "a 5-4 ruling": a score or a tally, not an amount
        // (a range would have read the second number as its upper bound).
        let tally = currency.is_none()
            && upper.is_none()
            && !num.spelled
            && self.hyphen_at(next)
            && self.touches(next - 1)
            && self.touches(next)
            && self.kind(next + 1) == Some(TokenKind::Number);
        if tally {
            return None;
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
        } else if currency.is_none() && w == "times" && !self.touches(next - 1) {
            // "at least 10 times": how often, counted.
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
            && self.hyphen_at(next)
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
                // "a 10-year plan" lasts "10 years", "a 12-match ban" is
                // "12 matches", "a 40-mile drive" "40 miles": the noun of a
                // compound is singular, the figure counts it in the plural.
                // ("a 20-strong team" has no noun; "5-mph" is an abbreviation.)
                None => match classify_unit(noun) {
                    (k2, u)
                        if value != Some(1.0)
                            && k2 != QuantityKind::Money
                            && !NOT_COUNTED_AFTER_HYPHEN.contains(&noun)
                            && u.contains(['a', 'e', 'i', 'o', 'u', 'y']) =>
                    {
                        (k2, plural_unit(&u))
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
            let mut named_kind = false;
            // Words between a number and its noun make a count of digits
            // ("20 optimization commits", "5 Wikipedia articles") or of a
            // scale ("a billion Android users"); small spelled numbers there
            // tell a story ("two lofty buildings", "One winter day"), and a
            // number after a name is part of it ("PlayStation 4 Pro games").
            // Plain digits or a spelled scale only: "19th-century wars" is an
            // ordinal, "2K telephoto lenses" a resolution.
            let word_scale = num.scale > 1.0 && self.w(num.next - 1).len() > 2;
            let glued_scale =
                (num.scale > 1.0 && !word_scale) || (scaled && self.w(next - 1).len() <= 2);
            let plain_digits = self
                .raw(start)
                .bytes()
                .all(|b| b.is_ascii_digit() || matches!(b, b',' | b'.'));
            let between_words_count = ((plain_digits && !num.spelled) || word_scale)
                && !glued_scale
                && value != Some(1.0)
                && !self.is_label(start, next);
            let noun_at = if (ADJECTIVES.contains(&w) || self.capitalised_adjective(next))
                && self.is_plural_noun(next + 1)
            {
                Some(next + 1)
            } else if let Some(last) = (!self.year_like(start))
                .then(|| self.capitalised_count_noun(next))
                .flatten()
            {
                // "5 Pulitzer Prizes", "42 Senate Republicans".
                Some(last)
            } else if (self.is_plural_noun(next) && !self.verb_before_object(next))
                || (value == Some(1.0)
                    && (DURATION_UNITS.contains(&w) || MEASURE_UNITS.contains(&w) || w == "person"))
                || MEASURE_UNITS.contains(&w)
            {
                Some(next)
            } else if let Some(noun) = between_words_count
                .then(|| self.compound_noun_end(next))
                .flatten()
            {
                // "20 optimization commits", "456 full-time employees": the
                // modifier says what kind, the unit keeps it.
                named_kind = true;
                Some(noun)
            } else if let Some(noun) = between_words_count
                .then(|| self.named_plural_end(next))
                .flatten()
            {
                // "5 Wikipedia articles": the name says what kind.
                named_kind = true;
                Some(noun)
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
            if let Some(mut noun_at) = noun_at {
                let noun = self.w(noun_at);
                // "the boat is 106 years old": an age, as above; a bound
                // ("more than thirty years old") is a comparison to check.
                if DURATION_UNITS.contains(&noun)
                    && self.w(noun_at + 1) == "old"
                    && self.modifier_before(start).is_none()
                {
                    return None;
                }
                // "her partner of 27 years": how long a tie has lasted
                // describes the person, as an age does.
                let relation = start
                    .checked_sub(2)
                    .is_some_and(|j| self.w(j + 1) == "of" && RELATION_NOUNS.contains(&self.w(j)));
                if DURATION_UNITS.contains(&noun) && relation {
                    return None;
                }
                let area_or_volume = matches!(noun, "square" | "cubic")
                    && MEASURE_UNITS.contains(&self.w(noun_at + 1));
                let (k2, u) = if self.capitalised(noun_at) || named_kind {
                    // A capitalised noun keeps its words and case: "Pulitzer Prizes",
                    // "Senate Republicans".
                    let written = self.span(next, noun_at).of(self.text);
                    (QuantityKind::Count, written.to_string())
                } else if area_or_volume {
                    // "40 million square miles": the area's unit is both words, as written.
                    let written = self.span(noun_at, noun_at + 1).of(self.text);
                    noun_at += 1;
                    (QuantityKind::Measure, written.to_string())
                } else if matches!(noun, "pound" | "pounds") && self.pounds_of_goods(noun_at + 1) {
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
        if kind == QuantityKind::Duration && self.over_heads_a_period(start, next) {
            modifier = None;
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
        // "the two styles", "these three forces": a small spelled number
        // after a definite word refers to things already named; it counts
        // nothing new.
        let definite = start
            .checked_sub(1)
            .is_some_and(|j| DEFINITE_WORDS.contains(&self.w(j)));
        let small = value.is_some_and(|v| v < 100.0) && num.scale == 1.0;
        if definite && num.spelled && small && upper.is_none() && modifier.is_none() {
            return None;
        }
        Some((
            QuantityMention {
                span: self.span(start, end),
                value,
                unit,
                kind,
                upper,
                modifier,
                grouped: true,
            },
            next,
        ))
    }

    /// A currency named after an amount, at `k`: (code, its last token).
    pub(super) fn currency_after(&self, k: usize) -> Option<(&'static str, usize)> {
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
    /// So are pounds given in kilograms beside them: "30,000 pounds (13,600
    /// kilograms) of equipment".
    pub(super) fn pounds_of_goods(&self, k: usize) -> bool {
        let of_goods = self.w(k) == "of"
            && !matches!(
                self.w(k + 1),
                "taxpayers" | "taxpayers'" | "taxpayer" | "public" | "money" | "funding"
            );
        let in_kilograms = self.w(k) == "("
            && self
                .number(k + 1)
                .is_some_and(|n| matches!(self.w(n.next), "kg" | "kilograms" | "kilos" | "tonnes"));
        of_goods || in_kilograms
    }

    /// A comparison after a multiplier: "3 times faster", "three times
    /// more likely", "ten times as many", "four times the size".
    pub(super) fn comparison_at(&self, k: usize) -> bool {
        let w = self.w(k);
        matches!(w, "more" | "less" | "fewer" | "as" | "the" | "that")
            || (self.lowercase_word(k)
                && w.len() > 4
                && w.ends_with("er")
                && !matches!(w, "after" | "other" | "never" | "under" | "over" | "ever"))
    }

    /// A capitalised nationality-like adjective ("Ukrainian", "American").
    pub(super) fn capitalised_adjective(&self, k: usize) -> bool {
        let raw = self.raw(k);
        raw.starts_with(|c: char| c.is_uppercase())
            && (raw.ends_with("an")
                || raw.ends_with("ese")
                || raw.ends_with("ish")
                || raw.ends_with("i"))
    }
}
