// Words a figure the core read (kind, value, upper bound, unit, modifier)
// through _locales: "about 40 km", "20–30 years", "USD 2.8 billion", "2nd
// term", "at least 5%". The WASM core sends these codes and numbers, not a
// display string; the native build's `display` (src/segment/quantities/mod.rs)
// says the same in English, and tests/unit/note-figures.test.mjs holds the two
// together on the CLI's figures.

import type { Quantity, QuantityModifier } from '../analysis';
import type { MessageKey, PluralForms, Translate } from './i18n';

export const MODIFIER_MESSAGES: Record<QuantityModifier, MessageKey | null> = {
  approximately: 'figureApproximately',
  more_than: 'figureMoreThan',
  at_least: 'figureAtLeast',
  less_than: 'figureLessThan',
  at_most: 'figureAtMost',
  // "several", "dozens": the number is already as vague as the words.
  vague: null,
};

const ORDINAL_FORMS: PluralForms = { one: 'figureOrdinal_one', two: 'figureOrdinal_two', few: 'figureOrdinal_few', other: 'figureOrdinal' };

/** Millions and up are written with their scale word, as a reader says them. */
const SCALES: [number, MessageKey][] = [
  [1e12, 'figureTrillion'],
  [1e9, 'figureBillion'],
  [1e6, 'figureMillion'],
];

const formats = new Map<string, Intl.NumberFormat>();

function decimals(t: Translate, value: number, digits: number, grouping: boolean): string {
  const locale = t('pluralLocale') || 'en';
  const key = `${locale}:${digits}:${grouping}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { maximumFractionDigits: digits, useGrouping: grouping });
    formats.set(key, format);
  }
  return format.format(value);
}

/** "2.8 billion", "3,000", "-12.99". */
function numberText(t: Translate, value: number): string {
  for (const [scale, key] of SCALES) {
    if (Math.abs(value) >= scale) return t(key, [decimals(t, value / scale, 3, false)]);
  }
  return decimals(t, value, 2, true);
}

/** "2/3", "1/4"; a decimal when no small denominator fits. */
function fractionText(t: Translate, value: number): string {
  for (let denominator = 2; denominator <= 12; denominator++) {
    const numerator = value * denominator;
    if (Math.abs(numerator - Math.round(numerator)) < 1e-6 && Math.round(numerator) >= 1) return `${Math.round(numerator)}/${denominator}`;
  }
  return decimals(t, value, 3, false);
}

const ordinalRules = new Map<string, Intl.PluralRules>();

/** "1st", "22nd", "113th", in the ordinal forms of the messages' language. */
function ordinalText(t: Translate, value: number): string {
  const locale = t('pluralLocale') || 'en';
  let rules = ordinalRules.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(locale, { type: 'ordinal' });
    ordinalRules.set(locale, rules);
  }
  const n = Math.trunc(value);
  return t(ORDINAL_FORMS[rules.select(n)] ?? ORDINAL_FORMS.other, [String(n)]);
}

/**
 * The figure as the core read it, worded from its codes; null when it gives
 * no number ("several weeks") or the analysis has no kind for it (a core
 * older than the kinds, whose `display` or value and unit the note shows).
 */
export function figureText(quantity: Quantity, t: Translate): string | null {
  const { value, kind } = quantity;
  if (value === null || kind == null) return null;
  const unit = quantity.unit ?? '';
  const number = (v: number) => (kind === 'fraction' ? fractionText(t, v) : numberText(t, v));
  const amount = quantity.upper == null ? number(value) : t('figureRange', [number(value), number(quantity.upper)]);
  let reading: string;
  switch (kind) {
    case 'ordinal': {
      const ordinal = ordinalText(t, value);
      reading = unit === '' || unit === 'ordinal' ? ordinal : t('figureOrdinalNoun', [ordinal, unit]);
      break;
    }
    case 'percent':
      reading = unit === 'percent' ? t('figurePercent', [amount]) : unit ? t('figureAmountUnit', [amount, unit]) : amount;
      break;
    case 'money':
      reading = unit ? t('figureMoney', [unit, amount]) : amount;
      break;
    case 'fraction':
    case 'number':
      reading = amount;
      break;
    default:
      reading = unit ? t('figureAmountUnit', [amount, unit]) : amount;
  }
  const modifier = quantity.modifier == null ? null : (MODIFIER_MESSAGES[quantity.modifier] ?? null);
  return modifier ? t(modifier, [reading]) : reading;
}
