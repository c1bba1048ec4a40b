// What the tests look for on a page. These mirror extension/src/ui
// (highlight names, OVERLAY_HOST_TAG, mount names) on purpose: the tests
// observe the page from outside, as the page itself could, rather than
// importing the code under test.
import { readFileSync } from 'node:fs';
import { parseJsonc } from '../../scripts/lib/jsonc.mjs';

export const HOST_TAG = 'claimlens-ui';
export const FLASH = 'claimlens-flash';
/** The reader's-notes highlight, one per page theme. */
export const READER_NOTE_PATTERN = '^claimlens-(light|dark)-readernote$';
export const CLAIM_KINDS = ['quantity', 'comparison', 'event', 'causal', 'quote', 'prediction', 'rule', 'experience'];
export const SOURCING_KINDS = ['named', 'anonymous', 'vague', 'unattributed', 'outlet'];

/** The English UI strings, to check what the note and panel show. */
export const MESSAGES = JSON.parse(readFileSync(new URL('../../extension/_locales/en/messages.json', import.meta.url), 'utf8'));

/** A message with its $1.. substitutions, as the browser's i18n API expands it. */
export function message(key, ...substitutions) {
  const entry = MESSAGES[key];
  return entry.message.replace(/\$([A-Za-z0-9_]+)\$/g, (whole, name) => {
    const placeholder = entry.placeholders?.[name.toLowerCase()];
    return placeholder ? placeholder.content.replace(/\$([1-9])/g, (_, n) => substitutions[Number(n) - 1] ?? '') : whole;
  });
}

/** A count message in the plural form the messages' language gives `count` (`key_one` for 1 in English), as the extension picks it. */
export function countMessage(key, count) {
  const form = new Intl.PluralRules(MESSAGES.pluralLocale.message).select(count);
  return message(form !== 'other' && MESSAGES[`${key}_${form}`] ? `${key}_${form}` : key, String(count));
}

const TEMPLATE = parseJsonc(readFileSync(new URL('../../extension/manifest.template.jsonc', import.meta.url), 'utf8'));

/** Each keyboard command's suggested shortcut, from the manifest template. */
export const SHORTCUTS = Object.fromEntries(
  Object.entries(TEMPLATE.commands).map(([name, command]) => {
    const declared = command.$chrome ?? command.$firefox ?? command;
    return [name, declared.suggested_key.default];
  }),
);

/** The reader's default view: every kind and sourcing on. */
export function defaultFilter() {
  return {
    kinds: Object.fromEntries(CLAIM_KINDS.map((kind) => [kind, true])),
    sourcing: Object.fromEntries(SOURCING_KINDS.map((kind) => [kind, true])),
  };
}

/**
 * The claims the extension should highlight, and as which kind, written out
 * from the rules in issue 8 (check-worthy, as the core decides at the reader's
 * threshold; some shown kind unless it has none of the filterable kinds; its
 * sourcing shown).
 */
export function expectedShown(claims, filter) {
  return claims
    .filter((claim) => claim.checkworthy)
    .filter((claim) => {
      const kinds = claim.kinds.filter((kind) => CLAIM_KINDS.includes(kind));
      return kinds.length === 0 || kinds.some((kind) => filter.kinds[kind]);
    })
    .filter((claim) => filter.sourcing[claim.sourcing.kind])
    .map((claim) => ({ claim, kind: claim.kinds.find((kind) => CLAIM_KINDS.includes(kind) && filter.kinds[kind]) ?? 'other' }));
}
