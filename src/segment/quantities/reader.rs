//! The figure reader: from a token, the figure that starts there, read by
//! the parts in the sibling files (bounds, units, ranks and shares, names).

use super::words::*;
use super::{Cx, Num, QuantityKind, QuantityMention};
use crate::segment::numbers::{scale_word, unit_number};
use crate::segment::tokens::TokenKind;
use crate::spans::ByteSpan;

impl<'a> Cx<'a> {
    pub(super) fn lowercase_word(&self, k: usize) -> bool {
        self.kind(k) == Some(TokenKind::Word)
            && self.raw(k).chars().next().is_some_and(char::is_lowercase)
    }

    /// A hyphen joining words ("20-point"), not a dash between clauses
    /// ("TypeScript 7.0—a rewrite"): both normalise to "-".
    pub(super) fn hyphen_at(&self, k: usize) -> bool {
        matches!(self.raw(k), "-" | "\u{2010}" | "\u{2011}")
    }

    pub(super) fn span(&self, from: usize, to_inclusive: usize) -> ByteSpan {
        ByteSpan::new(
            self.tokens[from].span.start,
            self.tokens[to_inclusive].span.end,
        )
    }

    /// A number at `k`, in digits or words, sign included ("-12.99").
    pub(super) fn number(&self, k: usize) -> Option<Num> {
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
    pub(super) fn money_in_one_word(&self, k: usize) -> Option<(QuantityMention, usize)> {
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

    pub(super) fn simple(
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
            grouped: true,
        }
    }

    pub(super) fn is_plural_noun(&self, k: usize) -> bool {
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
}
