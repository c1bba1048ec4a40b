//! Reading numbers: digits ("1,234,567", "-12.99", ".25", "10k", "12.32e+14",
//! "40 000", "2 1/4", "¾") and words ("twenty-one trillion", "one hundred
//! and six", "a dozen", "two-thirds", "three and a half", "minus five point
//! five", "quarter million"). One home for the number words; the figure
//! recogniser ([`super::quantities`]) reads its values here.

use super::tokens::{Normalized, Token, TokenKind};
use crate::spans::ByteSpan;

/// A number read at a token.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Reading {
    pub value: f64,
    /// The token after the number.
    pub next: usize,
    /// Written in words (at least in part).
    pub spelled: bool,
    /// A fraction ("two thirds", "a half", "3/4"), not a count.
    pub fraction: bool,
}

pub fn unit_number(w: &str) -> Option<f64> {
    Some(match w {
        "zero" | "nought" | "naught" => 0.0,
        "one" => 1.0,
        "two" => 2.0,
        "three" => 3.0,
        "four" => 4.0,
        "five" => 5.0,
        "six" => 6.0,
        "seven" => 7.0,
        "eight" => 8.0,
        "nine" => 9.0,
        "ten" => 10.0,
        "eleven" => 11.0,
        "twelve" => 12.0,
        "thirteen" => 13.0,
        "fourteen" => 14.0,
        "fifteen" => 15.0,
        "sixteen" => 16.0,
        "seventeen" => 17.0,
        "eighteen" => 18.0,
        "nineteen" => 19.0,
        _ => return tens_number(w),
    })
}

fn tens_number(w: &str) -> Option<f64> {
    Some(match w {
        "twenty" => 20.0,
        "thirty" => 30.0,
        "forty" => 40.0,
        "fifty" => 50.0,
        "sixty" => 60.0,
        "seventy" => 70.0,
        "eighty" => 80.0,
        "ninety" => 90.0,
        _ => return None,
    })
}

/// Scale words in full ("million") and as abbreviations ("bn", "k").
pub fn scale_word(w: &str) -> Option<f64> {
    Some(match w {
        "thousand" | "k" => 1e3,
        "lakh" | "lakhs" => 1e5,
        "million" | "m" | "mn" | "mln" | "mil" => 1e6,
        "crore" | "crores" => 1e7,
        "billion" | "bn" | "b" | "bln" | "g" => 1e9,
        "trillion" | "tn" | "trn" | "t" | "tln" => 1e12,
        _ => return None,
    })
}

/// A scale written as a word (not a one- or two-letter abbreviation).
fn full_scale(w: &str) -> Option<f64> {
    scale_word(w).filter(|_| w.len() > 3 || w == "mil")
}

/// "dozen" multiplies like "hundred".
fn multiplier(w: &str) -> Option<f64> {
    Some(match w {
        "hundred" => 100.0,
        "dozen" | "dozens" | "doz" | "dozs" => 12.0,
        _ => return None,
    })
}

pub fn ordinal_word(w: &str) -> Option<f64> {
    Some(match w {
        "first" => 1.0,
        "second" => 2.0,
        "third" => 3.0,
        "fourth" => 4.0,
        "fifth" => 5.0,
        "sixth" => 6.0,
        "seventh" => 7.0,
        "eighth" => 8.0,
        "ninth" => 9.0,
        "tenth" => 10.0,
        "eleventh" => 11.0,
        "twelfth" => 12.0,
        "thirteenth" => 13.0,
        "fourteenth" => 14.0,
        "fifteenth" => 15.0,
        "sixteenth" => 16.0,
        "seventeenth" => 17.0,
        "eighteenth" => 18.0,
        "nineteenth" => 19.0,
        "twentieth" => 20.0,
        "thirtieth" => 30.0,
        "fortieth" => 40.0,
        "fiftieth" => 50.0,
        "sixtieth" => 60.0,
        "seventieth" => 70.0,
        "eightieth" => 80.0,
        "ninetieth" => 90.0,
        "hundredth" => 100.0,
        "thousandth" => 1e3,
        "millionth" => 1e6,
        "billionth" => 1e9,
        "trillionth" => 1e12,
        _ => {
            // "twenty-first".
            let (tens, unit) = w.split_once('-')?;
            let t = tens_number(tens)?;
            let u = ordinal_word(unit).filter(|u| *u < 10.0)?;
            return Some(t + u);
        }
    })
}

/// The denominator a fraction word names ("thirds" 3, "half" 2,
/// "quarter" 4, "twenty-firsts" 21), and whether it is plural.
pub fn fraction_word(w: &str) -> Option<(f64, bool)> {
    match w {
        "half" => return Some((2.0, false)),
        "halves" => return Some((2.0, true)),
        "quarter" => return Some((4.0, false)),
        "quarters" => return Some((4.0, true)),
        "first" | "second" | "firsts" | "seconds" => return None,
        _ => {}
    }
    if let Some(d) = ordinal_word(w) {
        return Some((d, false));
    }
    let d = ordinal_word(w.strip_suffix('s')?)?;
    Some((d, true))
}

/// 10^e for a whole exponent, by multiplication: `powf` would pull a
/// floating-point power routine into the WASM for one rare notation.
fn power_of_ten(e: f64) -> f64 {
    let n = e.clamp(-400.0, 400.0) as i32;
    let mut v = 1.0;
    for _ in 0..n.unsigned_abs() {
        v *= 10.0;
    }
    if n < 0 {
        1.0 / v
    } else {
        v
    }
}

fn vulgar_fraction(w: &str) -> Option<f64> {
    Some(match w {
        "½" => 0.5,
        "¼" => 0.25,
        "¾" => 0.75,
        "⅓" => 1.0 / 3.0,
        "⅔" => 2.0 / 3.0,
        "⅕" => 0.2,
        "⅛" => 0.125,
        _ => return None,
    })
}

/// Words before "one" that make it a pronoun ("this one", "each one").
const ONE_AS_PRONOUN: &[&str] = &[
    "this", "that", "the", "which", "each", "every", "no", "any", "another", "someone", "little",
    "new", "other", "only", "last", "big",
];

/// Reads numbers over a tokenised text; its token accessors are shared
/// with the figure recogniser (`quantities::Cx` derefs to it).
pub struct Reader<'a> {
    pub(super) text: &'a str,
    pub(super) tokens: &'a [Token],
    pub(super) norm: &'a Normalized,
}

impl<'a> Reader<'a> {
    pub fn new(text: &'a str, tokens: &'a [Token], norm: &'a Normalized) -> Self {
        Reader { text, tokens, norm }
    }

    pub(super) fn w(&self, k: usize) -> &'a str {
        self.norm.get(k)
    }

    pub(super) fn raw(&self, k: usize) -> &'a str {
        self.tokens.get(k).map_or("", |t| t.text(self.text))
    }

    pub(super) fn kind(&self, k: usize) -> Option<TokenKind> {
        self.tokens.get(k).map(|t| t.kind)
    }

    /// Token `k` ends where token `k + 1` starts.
    pub(super) fn touches(&self, k: usize) -> bool {
        match (self.tokens.get(k), self.tokens.get(k + 1)) {
            (Some(a), Some(b)) => a.touches(b),
            _ => false,
        }
    }

    /// Only spaces between tokens `k` and `k + 1`, at most `max` bytes.
    fn spaced(&self, k: usize, max: usize) -> bool {
        match (self.tokens.get(k), self.tokens.get(k + 1)) {
            (Some(a), Some(b)) => {
                let gap = &self.text[a.span.end..b.span.start];
                !gap.is_empty() && gap.len() <= max && !gap.contains('\n')
            }
            _ => false,
        }
    }

    /// A number starting at token `k`, sign included ("-1", "minus five").
    pub fn read(&self, k: usize) -> Option<Reading> {
        let w = self.w(k);
        let glued_minus = w == "-"
            && self.touches(k)
            && self.kind(k + 1) == Some(TokenKind::Number)
            && !(k > 0
                && self.tokens[k - 1].touches(&self.tokens[k])
                && self.kind(k - 1) != Some(TokenKind::Punct));
        if glued_minus || matches!(w, "minus" | "negative") {
            let inner = self.unsigned(k + 1)?;
            return Some(Reading {
                value: -inner.value,
                ..inner
            });
        }
        if w == "+" && self.touches(k) && self.kind(k + 1) == Some(TokenKind::Number) {
            return self.unsigned(k + 1);
        }
        self.unsigned(k)
    }

    fn unsigned(&self, k: usize) -> Option<Reading> {
        let raw = self.raw(k);
        if let Some(v) = (!raw.is_ascii()).then(|| vulgar_fraction(raw)).flatten() {
            return Some(Reading {
                value: v,
                next: k + 1,
                spelled: false,
                fraction: true,
            });
        }
        match self.kind(k)? {
            TokenKind::Number => self.digits(k),
            TokenKind::Punct if self.w(k) == "." => {
                // ".25": a decimal without its leading zero.
                let glued_before = k > 0 && self.tokens[k - 1].touches(&self.tokens[k]);
                if glued_before || !self.touches(k) || self.kind(k + 1) != Some(TokenKind::Number) {
                    return None;
                }
                let digits = self.raw(k + 1);
                if !digits.bytes().all(|b| b.is_ascii_digit()) {
                    return None;
                }
                let value: f64 = format!("0.{digits}").parse().ok()?;
                Some(Reading {
                    value,
                    next: k + 2,
                    spelled: false,
                    fraction: false,
                })
            }
            TokenKind::Word => self.words(k),
            TokenKind::Punct => None,
        }
    }

    /// Digits, with the scale and fraction that may follow.
    fn digits(&self, k: usize) -> Option<Reading> {
        let raw = self.raw(k);
        let mut value: f64 = raw.replace(',', "").parse().ok()?;
        let mut next = k + 1;
        // "40 000": a space as the thousands separator.
        while self.spaced(k, 3)
            && next == k + 1
            && raw.len() <= 3
            && !raw.contains(['.', ','])
            && self.kind(next) == Some(TokenKind::Number)
            && self.raw(next).len() == 3
            && self.raw(next).bytes().all(|b| b.is_ascii_digit())
            && !self.touches(next)
        {
            value = value * 1000.0 + self.raw(next).parse::<f64>().ok()?;
            next += 1;
        }
        // "12.32e+14", "1e6".
        let w = self.w(next);
        if self.touches(next - 1) && (w == "e" || (w.starts_with('e') && w.len() > 1)) {
            let exponent = if w == "e" {
                let sign_at = next + 1;
                let (sign, at) = match self.w(sign_at) {
                    "+" if self.touches(next) => (1.0, sign_at + 1),
                    "-" if self.touches(next) => (-1.0, sign_at + 1),
                    _ => (1.0, sign_at),
                };
                if self.touches(at - 1) {
                    self.raw(at).parse::<f64>().ok().map(|e| (sign * e, at + 1))
                } else {
                    None
                }
            } else {
                w[1..].parse::<f64>().ok().map(|e| (e, next + 1))
            };
            if let Some((e, after)) = exponent {
                return Some(Reading {
                    value: value * power_of_ten(e),
                    next: after,
                    spelled: false,
                    fraction: false,
                });
            }
        }
        if let Some((value, after)) = self.power(value, next) {
            return Some(Reading {
                value,
                next: after,
                spelled: false,
                fraction: false,
            });
        }
        // "2 1/4": a mixed fraction.
        if self.kind(next) == Some(TokenKind::Number)
            && self.spaced(next - 1, 2)
            && self.w(next + 1) == "/"
            && self.touches(next)
            && self.touches(next + 1)
        {
            if let (Ok(a), Ok(b)) = (
                self.raw(next).parse::<f64>(),
                self.raw(next + 2).parse::<f64>(),
            ) {
                if b > a && a > 0.0 && self.kind(next + 2) == Some(TokenKind::Number) {
                    return Some(Reading {
                        value: value + a / b,
                        next: next + 3,
                        spelled: false,
                        fraction: false,
                    });
                }
            }
        }
        // A scale: "2 million", "10k", "1.2b", "2mil", "2.33 k".
        let scale_w = self.w(next);
        if let Some(scale) = scale_word(scale_w) {
            let glued = self.touches(next - 1);
            let raw_scale = self.raw(next);
            let ok = if glued {
                // "5m" in prose is as often metres; "10k", "1.2bn", "2mil" are not.
                scale_w != "m" || raw_scale == "M"
            } else {
                scale_w.len() > 2 || raw_scale == "k" || raw_scale == "M"
            };
            if ok && self.kind(next) == Some(TokenKind::Word) {
                value *= scale;
                next += 1;
                if self.w(next) == "and" {
                    // "3 million and a half".
                    if let Some(r) = self.fraction_tail(next + 1, scale) {
                        value += r.value;
                        next = r.next;
                    }
                } else if self.kind(next) == Some(TokenKind::Number)
                    && multiplier(self.w(next + 1)).is_some()
                {
                    // "4 thousand 3 hundred and 21".
                    if let Some(r) = self.digits(next).filter(|r| r.value < scale) {
                        value += r.value;
                        next = r.next;
                    }
                }
            }
        }
        // "3 dozens", "3 hundred and 21".
        if let Some(m) = multiplier(self.w(next)) {
            value *= m;
            next += 1;
            if self.w(next) == "and" {
                if let Some(rest) = self.digits_or_words_below(next + 1, 100.0) {
                    value += rest.value;
                    next = rest.next;
                }
            }
        }
        Some(Reading {
            value,
            next,
            spelled: false,
            fraction: false,
        })
    }

    /// A power glued to `base` at token `k`: "1.1^23", "2.5^-1", and
    /// scientific notation "1.3x10^6", "6.23×10^-4".
    fn power(&self, base: f64, k: usize) -> Option<(f64, usize)> {
        if !self.touches(k - 1) {
            return None;
        }
        let (ten, caret) = match self.w(k) {
            "^" => (false, k),
            "x10" | "×10" => (true, k + 1),
            "×" if self.raw(k + 1) == "10" && self.touches(k) => (true, k + 2),
            _ => return None,
        };
        if self.w(caret) != "^" || !self.touches(caret - 1) || !self.touches(caret) {
            return None;
        }
        // Signs, each glued to the next: "^-1", "^+23", "^--23".
        let mut sign = 1.0;
        let mut j = caret + 1;
        while matches!(self.w(j), "-" | "+") && self.touches(j) {
            if self.w(j) == "-" {
                sign = -sign;
            }
            j += 1;
        }
        if self.kind(j) != Some(TokenKind::Number) || self.raw(j).contains([',', '.']) {
            return None;
        }
        let exponent = sign * self.raw(j).parse::<f64>().ok()?;
        // Integer powers only, so no `pow` from libm in the WASM build.
        let value = if ten {
            base * power_of_ten(exponent)
        } else {
            base.powi(exponent.clamp(-400.0, 400.0) as i32)
        };
        value.is_finite().then_some((value, j + 1))
    }

    /// A number under `limit` at `k` ("21", "one").
    fn digits_or_words_below(&self, k: usize, limit: f64) -> Option<Reading> {
        let r = if self.kind(k) == Some(TokenKind::Number) {
            // "and 2.12 hundred" is another number.
            if self.raw(k).contains('.') || multiplier(self.w(k + 1)).is_some() {
                return None;
            }
            let v: f64 = self.raw(k).parse().ok()?;
            Reading {
                value: v,
                next: k + 1,
                spelled: false,
                fraction: false,
            }
        } else {
            self.words(k)?
        };
        (r.value < limit && !r.fraction).then_some(r)
    }

    /// A number in words, possibly with digits inside ("4 thousand 3 hundred").
    fn words(&self, k: usize) -> Option<Reading> {
        let mut total = 0.0;
        let mut current = 0.0;
        let mut any = false;
        // The last scale applied, for "3 million and a half".
        let mut last_scale = 1.0;
        // Whether the last word was a bare tens word ("thirty"), which can
        // join a following ordinal ("thirty fifths" = 35ths).
        let mut last_tens = None;
        let mut j = k;
        // Most words are not numbers: decide that before anything else.
        let first = self.w(k);
        let head = first.split('-').next().unwrap_or("");
        if !(matches!(first, "a" | "an" | "half" | "quarter")
            || unit_number(head).is_some()
            || multiplier(head).is_some())
        {
            return None;
        }
        if matches!(self.w(j), "a" | "an") {
            j += 1;
            // "a dozen", "a hundred", "a million".
            if multiplier(self.w(j)).is_some() || full_scale(self.w(j)).is_some() {
                current = 1.0;
            } else if let Some(r) = self.fraction_at(j, 1.0) {
                // "a half", "a third", "a trillionth".
                return Some(r);
            } else {
                return None;
            }
        }
        loop {
            let w = self.w(j);
            if self.kind(j) == Some(TokenKind::Number) && !any && current == 0.0 && j > k {
                break;
            }
            if w == "-" && any && !self.touches(j - 1) {
                // "five - eighths".
                if let Some((d, plural)) = fraction_word(self.w(j + 1)) {
                    let numerator = total + current;
                    if plural || numerator == 1.0 {
                        return Some(Reading {
                            value: numerator / d,
                            next: j + 2,
                            spelled: true,
                            fraction: true,
                        });
                    }
                }
            }
            if self.kind(j) != Some(TokenKind::Word) {
                break;
            }
            if w == "and" && any {
                // "one hundred and six", "twenty and three fifths".
                let after = self.w(j + 1);
                if let Some(r) = self.fraction_tail(j + 1, last_scale) {
                    return Some(Reading {
                        value: total + current + r.value,
                        next: r.next,
                        spelled: true,
                        fraction: false,
                    });
                }
                let joins = (current >= 100.0 || total > 0.0)
                    && (unit_number(after.split('-').next().unwrap_or("")).is_some()
                        || self.kind(j + 1) == Some(TokenKind::Number));
                if joins {
                    j += 1;
                    continue;
                }
                break;
            }
            if w == "point" && any {
                if let Some((fraction, next)) = self.decimal_words(j + 1) {
                    return Some(Reading {
                        value: total + current + fraction,
                        next,
                        spelled: true,
                        fraction: false,
                    });
                }
                break;
            }
            // A fraction word after a numerator: "two thirds", "three twenty-firsts".
            if any {
                if let Some((d, plural)) = fraction_word(w) {
                    let numerator = total + current;
                    if plural || numerator == 1.0 {
                        // "one hundred thirty fifths": the tens join the ordinal.
                        let (numerator, d) = match last_tens {
                            Some(t) if d < 10.0 && numerator > t => (numerator - t, t + d),
                            _ => (numerator, d),
                        };
                        let mut value = numerator / d;
                        let mut next = j + 1;
                        // "three quarters billion" is an amount, not a share.
                        let scale = full_scale(self.w(next));
                        if let Some(s) = scale {
                            value *= s;
                            next += 1;
                        }
                        return Some(Reading {
                            value,
                            next,
                            spelled: true,
                            fraction: scale.is_none(),
                        });
                    }
                }
            }
            let mut used = true;
            let (head, tail) = w.split_once('-').unwrap_or((w, ""));
            let single = tail.is_empty();
            // A hyphenated word is one number only as tens-unit ("twenty-one").
            if !single {
                let two = !tail.contains('-');
                let compound = two
                    && tens_number(head).is_some()
                    && unit_number(tail).is_some_and(|u| (1.0..10.0).contains(&u));
                if !compound {
                    // "two-thirds".
                    if two && !any {
                        if let (Some(n), Some((d, _))) = (unit_number(head), fraction_word(tail)) {
                            if n >= 1.0 {
                                return Some(Reading {
                                    value: n / d,
                                    next: j + 1,
                                    spelled: true,
                                    fraction: true,
                                });
                            }
                        }
                    }
                    break;
                }
            }
            last_tens = None;
            for part in w.split('-') {
                if let Some(v) = unit_number(part) {
                    // "fifty two" adds; "one one" does not.
                    if current % 100.0 != 0.0 && !(current % 10.0 == 0.0 && v < 10.0) {
                        used = false;
                        break;
                    }
                    if single && tens_number(part).is_some() {
                        last_tens = Some(v);
                    }
                    current += v;
                } else if let Some(m) = multiplier(part) {
                    // "hundred thousand dollars": a bare hundred before a scale.
                    let bare_before_scale = j == k && single && full_scale(self.w(j + 1)).is_some();
                    if !(any || current > 0.0 || bare_before_scale) {
                        used = false;
                        break;
                    }
                    current = current.max(1.0) * m;
                } else if let Some(scale) = full_scale(part) {
                    if !(any || current > 0.0) {
                        used = false;
                        break;
                    }
                    if current == 0.0 && total > 0.0 {
                        // "three lakh crore": scales multiply.
                        total *= scale;
                        last_scale *= scale;
                        continue;
                    }
                    total += current.max(1.0) * scale;
                    last_scale = scale;
                    current = 0.0;
                } else {
                    used = false;
                    break;
                }
            }
            if !used {
                break;
            }
            any = true;
            j += 1;
            // "4 thousand 3 hundred": digits inside a worded number.
            if self.kind(j) == Some(TokenKind::Number) && current == 0.0 && total > 0.0 {
                let Ok(v) = self.raw(j).parse::<f64>() else {
                    break;
                };
                if multiplier(self.w(j + 1)).is_some() || full_scale(self.w(j + 1)).is_some() {
                    current = v;
                    j += 1;
                }
            }
        }
        if !any {
            // "quarter million", "half million".
            return self.fraction_of_scale(k);
        }
        Some(Reading {
            value: total + current,
            next: j,
            spelled: true,
            fraction: false,
        })
    }

    /// "quarter million", "half million" at `k`.
    fn fraction_of_scale(&self, k: usize) -> Option<Reading> {
        let f = match self.w(k) {
            "half" => 0.5,
            "quarter" => 0.25,
            _ => return None,
        };
        let s = full_scale(self.w(k + 1))?;
        Some(Reading {
            value: f * s,
            next: k + 2,
            spelled: true,
            fraction: false,
        })
    }

    /// A fraction word at `k` counted `numerator` times ("half", "third").
    fn fraction_at(&self, k: usize, numerator: f64) -> Option<Reading> {
        let (d, _) = fraction_word(self.w(k))?;
        let mut value = numerator / d;
        let mut next = k + 1;
        let scale = full_scale(self.w(next));
        if let Some(s) = scale {
            value *= s;
            next += 1;
        }
        Some(Reading {
            value,
            next,
            spelled: true,
            fraction: scale.is_none(),
        })
    }

    /// After "and": "a half", "three fifths", "a quarter", "three quarters
    /// million", scaled by the number's last scale unless it names its own.
    fn fraction_tail(&self, k: usize, last_scale: f64) -> Option<Reading> {
        let r = if matches!(self.w(k), "a" | "an") {
            self.fraction_at(k + 1, 1.0)?
        } else {
            self.words(k)?
        };
        // "and three quarters million" names its own scale ("and two
        // thousand", with no fraction, is the rest of the number).
        let own_scale = r.next > 1
            && full_scale(self.w(r.next - 1)).is_some()
            && fraction_word(self.w(r.next - 2)).is_some();
        if !r.fraction && !own_scale {
            return None;
        }
        Some(Reading {
            value: if own_scale {
                r.value
            } else {
                r.value * last_scale
            },
            ..r
        })
    }

    /// The digits after "point": "seventy-one" (.71), "nought four" (.04).
    fn decimal_words(&self, k: usize) -> Option<(f64, usize)> {
        let mut digits = String::new();
        let mut j = k;
        while let Some(v) = self.w(j).split('-').try_fold(String::new(), |mut acc, p| {
            let v = unit_number(p)?;
            acc.push_str(&format!("{}", v as u32));
            Some(acc)
        }) {
            if self.kind(j) != Some(TokenKind::Word) {
                break;
            }
            let v = if self.w(j).contains('-') {
                // "seventy-one" is 71, not "701".
                let (t, u) = self.w(j).split_once('-')?;
                format!("{}", (tens_number(t)? + unit_number(u)?) as u32)
            } else {
                v
            };
            digits.push_str(&v);
            j += 1;
        }
        if digits.is_empty() {
            return None;
        }
        let value: f64 = format!("0.{digits}").parse().ok()?;
        Some((value, j))
    }
}

/// Every number in the text, as a number recogniser reports them: signs,
/// scales and fractions included; numbers glued to a unit ("29km", "1m")
/// and the pronoun "one" ("this one") left out.
pub fn find(text: &str, tokens: &[Token], norm: &Normalized) -> Vec<(ByteSpan, f64)> {
    let r = Reader::new(text, tokens, norm);
    let mut out = Vec::new();
    let mut k = 0;
    while k < tokens.len() {
        let Some(reading) = r.read(k).filter(|x| x.next > k) else {
            // "three-nought-four": each part of a hyphenated run of number words.
            if tokens[k].kind == TokenKind::Word && norm.get(k).contains('-') {
                let word = tokens[k].text(text);
                let mut from = 0;
                // Typographic hyphens are several bytes: cut at char boundaries.
                let cuts = word
                    .char_indices()
                    .filter(|&(_, c)| matches!(c, '-' | '\u{2010}' | '\u{2011}'))
                    .map(|(i, c)| (i, i + c.len_utf8()))
                    .chain(std::iter::once((word.len(), word.len())));
                for (cut, next) in cuts {
                    let part = &word[from..cut];
                    if let Some(v) = unit_number(&part.to_lowercase()) {
                        let at = tokens[k].span.start + from;
                        out.push((ByteSpan::new(at, at + part.len()), v));
                    }
                    from = next;
                }
            }
            k += 1;
            continue;
        };
        let last = reading.next - 1;
        let span = ByteSpan::new(tokens[k].span.start, tokens[last].span.end);
        let glued_unit = tokens[last].kind == TokenKind::Number
            && r.touches(last)
            && r.kind(last + 1) == Some(TokenKind::Word);
        // "F16", "COVID-19": a number glued to a name is part of it.
        let glued_after_word = k > 0
            && tokens[k - 1].touches(&tokens[k])
            && (tokens[k - 1].kind == TokenKind::Word
                || (norm.get(k - 1) == "-"
                    && k > 1
                    && tokens[k - 2].touches(&tokens[k - 1])
                    && tokens[k - 2].kind == TokenKind::Word));
        let pronoun = norm.get(k) == "one"
            && reading.next == k + 1
            && (k == 0 || ONE_AS_PRONOUN.contains(&norm.get(k - 1)) || {
                let after = norm.get(k + 1);
                matches!(after, "of" | "you" | "is" | "another")
            });
        let raw = tokens[k].text(text);
        let bad_grouping = tokens[k].kind == TokenKind::Number
            && raw.contains(',')
            && raw
                .split('.')
                .next()
                .unwrap_or("")
                .split(',')
                .skip(1)
                .any(|g| g.len() != 3);
        if bad_grouping {
            // "22,24,26,31": a list, not one number.
            let mut at = tokens[k].span.start;
            for part in raw.split(',') {
                if let Ok(v) = part.parse::<f64>() {
                    out.push((ByteSpan::new(at, at + part.len()), v));
                }
                at += part.len() + 1;
            }
            k += 1;
            continue;
        }
        if !(glued_unit || glued_after_word || pronoun) {
            out.push((span, reading.value));
        }
        k = reading.next;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::tokens::tokenize;

    fn numbers(text: &str) -> Vec<(String, f64)> {
        let tokens = tokenize(text);
        let norm = Normalized::new(text, &tokens);
        find(text, &tokens, &norm)
            .into_iter()
            .map(|(s, v)| (s.of(text).to_string(), v))
            .collect()
    }

    #[test]
    fn table_of_numbers() {
        let cases: &[(&str, &[(&str, f64)])] = &[
            ("-12.99", &[("-12.99", -12.99)]),
            // Powers and scientific notation; "and two thousand" ends the number.
            (
                "1.1^2 and 2.5^-1",
                &[("1.1^2", 1.1f64.powi(2)), ("2.5^-1", 0.4)],
            ),
            ("1.3x10^6", &[("1.3x10^6", 1.3e6)]),
            (
                "two hundred and two thousand",
                &[("two hundred and two thousand", 202_000.0)],
            ),
            ("hundred thousand dollars", &[("hundred thousand", 1e5)]),
            (
                "fell to -3 from 2-3",
                &[("-3", -3.0), ("2", 2.0), ("3", 3.0)],
            ),
            ("minus five point five", &[("minus five point five", -5.5)]),
            ("1,234,567", &[("1,234,567", 1_234_567.0)]),
            (".25 of it", &[(".25", 0.25)]),
            ("10k and 1.2b", &[("10k", 1e4), ("1.2b", 1.2e9)]),
            ("2 million", &[("2 million", 2e6)]),
            ("twenty-one trillion", &[("twenty-one trillion", 21e12)]),
            ("one hundred and six", &[("one hundred and six", 106.0)]),
            ("fifty two", &[("fifty two", 52.0)]),
            ("two thirds", &[("two thirds", 2.0 / 3.0)]),
            ("two-thirds", &[("two-thirds", 2.0 / 3.0)]),
            ("a half", &[("a half", 0.5)]),
            ("one and a half", &[("one and a half", 1.5)]),
            ("3 million and a half", &[("3 million and a half", 3.5e6)]),
            ("a dozen", &[("a dozen", 12.0)]),
            ("three dozens", &[("three dozens", 36.0)]),
            ("2  1/4", &[("2  1/4", 2.25)]),
            ("12.32e+14", &[("12.32e+14", 1.232e15)]),
            ("40 000", &[("40 000", 40_000.0)]),
            ("quarter million", &[("quarter million", 250_000.0)]),
            (
                "one hundred thirty fifths",
                &[("one hundred thirty fifths", 100.0 / 35.0)],
            ),
            (
                "nine point nought four",
                &[("nine point nought four", 9.04)],
            ),
            // Not numbers: glued units, the pronoun "one", labels after letters.
            ("the 29km road", &[]),
            ("this one is good", &[]),
            ("COVID-19", &[]),
        ];
        for (text, expected) in cases {
            let got = numbers(text);
            assert_eq!(got.len(), expected.len(), "{text}: {got:?}");
            for ((gs, gv), (es, ev)) in got.iter().zip(expected.iter()) {
                assert_eq!(gs, es, "{text}");
                assert!(
                    (gv - ev).abs() < 1e-9 * ev.abs().max(1.0),
                    "{text}: {gv} vs {ev}"
                );
            }
        }
    }

    #[test]
    fn hostile_input_never_panics() {
        for text in [
            "-",
            "- -",
            "minus",
            "a",
            "and",
            "point",
            "1e",
            "1e+",
            "1^",
            "1^-",
            "9^99999",
            "1x10^",
            "1 /",
            "2 1/",
            "½½",
            "one-",
            "-one",
            "1,",
            ",1",
            "9e999",
            "a half million and",
            "twenty-first-",
            "three\u{2011}nought\u{2010}four",
            "é-one",
            "1,2é",
        ] {
            let tokens = tokenize(text);
            let norm = Normalized::new(text, &tokens);
            for (span, _) in find(text, &tokens, &norm) {
                assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
            }
        }
    }
}
