// User-visible strings come from _locales/en/messages.json only. The extension
// reads them through the browser's i18n API; the playground reads the same file.

import type messages from '../../_locales/en/messages.json';

export type MessageKey = keyof typeof messages;
export type Translate = (key: MessageKey, substitutions?: string[]) => string;

interface MessageEntry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

/**
 * A Translate over a parsed messages.json, with the WebExtension placeholder
 * rules: `$NAME$` expands to the named placeholder's content, in which `$1`..`$9`
 * are the substitutions. For pages that have no `chrome.i18n`.
 */
export function translatorFor(catalog: Record<MessageKey, MessageEntry>): Translate {
  return (key, substitutions = []) => {
    const entry = catalog[key];
    const placeholders = entry.placeholders ?? {};
    const fill = (text: string) => text.replace(/\$([1-9])/g, (_, n: string) => substitutions[Number(n) - 1] ?? '');
    return entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => {
      const placeholder = placeholders[name.toLowerCase()];
      return placeholder ? fill(placeholder.content) : whole;
    });
  };
}

/** Fills every `data-i18n="key"` element's text under `root` (static page markup: the panel, the playground). */
export function applyI18n(root: ParentNode, t: Translate): void {
  for (const element of Array.from(root.querySelectorAll<HTMLElement>('[data-i18n]'))) {
    element.textContent = t(element.dataset.i18n as MessageKey);
  }
}

/** A message in its plural forms: `other` always, others as the messages' language needs them. */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, MessageKey>> & { other: MessageKey };

const pluralRules = new Map<string, Intl.PluralRules>();

/**
 * The message for `count`, in the form the messages' own language uses for
 * it (`pluralLocale`), with `count` as its first substitution: "1 quote", "2 quotes".
 */
export function plural(t: Translate, forms: PluralForms, count: number, more: string[] = []): string {
  return t(pluralKey(t, forms, count), [String(count), ...more]);
}

/** The form of a message that the messages' own language uses for `count`. */
export function pluralKey(t: Translate, forms: PluralForms, count: number): MessageKey {
  const locale = t('pluralLocale') || 'en';
  let rules = pluralRules.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(locale);
    pluralRules.set(locale, rules);
  }
  return forms[rules.select(count)] ?? forms.other;
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/** `count` written as the messages' language writes numbers: "1,000,000" in English. */
export function formatCount(t: Translate, count: number): string {
  const locale = t('pluralLocale') || 'en';
  let format = numberFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
    numberFormats.set(locale, format);
  }
  return format.format(count);
}

/**
 * `items` as one phrase in the messages' language: "A", "A or B", "A, B or C"
 * (`listOr`, `listAnd` and `listSeparator`, so a language words its own lists).
 */
export function joinList(t: Translate, items: readonly string[], kind: 'or' | 'and'): string {
  if (items.length <= 1) return items[0] ?? '';
  const head = items.slice(0, -1).join(t('listSeparator'));
  return t(kind === 'or' ? 'listOr' : 'listAnd', [head, items[items.length - 1]]);
}
