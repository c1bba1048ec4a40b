// Fills an extension page's text from _locales: every element with
// data-i18n="key" gets the message as its text, data-i18n-label="key" as its
// aria-label. A key with no message fails loudly (an empty label is an
// accessibility bug, and the e2e tests look for it).

import { translate } from '../platform';
import { type MessageKey, applyI18n } from '../ui/i18n';

/** A message that must exist: an empty one would leave a control unlabelled. */
function message(key: MessageKey): string {
  const text = translate(key);
  if (text === '') {
    throw new Error(`ClaimLens: no message for "${key}" in _locales`);
  }
  return text;
}

export function localize(doc: Document): void {
  doc.documentElement.lang = message('pageLanguage');
  applyI18n(doc, message);
  for (const element of Array.from(doc.querySelectorAll<HTMLElement>('[data-i18n-label]'))) {
    element.setAttribute('aria-label', message(element.dataset.i18nLabel as MessageKey));
  }
  const title = doc.querySelector('h1');
  if (title) doc.title = title.textContent ?? doc.title;
}

export function byId<T extends HTMLElement = HTMLElement>(doc: Document, id: string): T {
  const element = doc.getElementById(id);
  if (!element) {
    throw new Error(`ClaimLens: the page lacks #${id}`);
  }
  return element as T;
}

/**
 * Offers `text` as a file: a visible link that saves it (an extension page
 * cannot write files itself). Replaces the previous offer in `slot` and focuses the link.
 */
export function offerDownload(slot: HTMLElement, text: string, type: string, fileName: string, label: string): HTMLAnchorElement {
  const previous = slot.querySelector('a');
  if (previous?.href.startsWith('blob:')) URL.revokeObjectURL(previous.href);
  const link = slot.ownerDocument.createElement('a');
  link.href = URL.createObjectURL(new Blob([text], { type }));
  link.download = fileName;
  link.className = 'download';
  link.textContent = label;
  slot.replaceChildren(link);
  link.focus();
  return link;
}

/** Today as YYYY-MM-DD, for file names. */
export function dateStamp(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}
