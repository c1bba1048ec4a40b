// Renders one claim's note as DOM. Everything from the analysis goes in as
// text (textContent), never as markup: the note quotes the page, and the page
// is untrusted.

import type { Claim, SourcingKind } from '../analysis';
import type { MessageKey, Translate } from './i18n';

const SOURCING_LABELS: Record<SourcingKind, MessageKey> = {
  named: 'sourcingNamed',
  anonymous: 'sourcingAnonymous',
  vague: 'sourcingVague',
  unattributed: 'sourcingUnattributed',
  outlet: 'sourcingOutlet',
};

/** The note's content, without the close button (the popover adds it). */
export function renderNote(doc: Document, claim: Claim, t: Translate): HTMLElement {
  const note = element(doc, 'div', 'note-body');
  note.append(
    element(doc, 'h2', 'note-kind', t(claim.checkworthy ? 'noteCheckworthyClaim' : 'noteClaim')),
    element(doc, 'p', 'note-summary', claim.note.summary),
    sourcingLine(doc, claim, t),
  );
  if (claim.note.checks.length > 0) {
    note.append(
      element(doc, 'h3', 'note-heading', t('noteChecks')),
      list(doc, claim.note.checks.map((check) => element(doc, 'span', '', check))),
    );
  }
  if (claim.note.links.length > 0) {
    note.append(
      element(doc, 'h3', 'note-heading', t('noteLinks')),
      list(doc, claim.note.links.map((link) => linkOrText(doc, link.label, link.url))),
    );
  }
  return note;
}

function sourcingLine(doc: Document, claim: Claim, t: Translate): HTMLElement {
  const { kind, speaker, cue } = claim.sourcing;
  const line = element(doc, 'p', 'note-sourcing');
  line.append(element(doc, 'span', 'note-label', t('noteSourcing')), ' ', t(SOURCING_LABELS[kind]));
  const detail = speaker ?? cue;
  if (detail) {
    line.append(' — ', element(doc, 'q', '', detail));
  }
  return line;
}

/** Only http(s) links become anchors; anything else (javascript:, data:) stays plain text. */
function linkOrText(doc: Document, label: string, url: string): HTMLElement {
  if (!isWebUrl(url)) {
    return element(doc, 'span', '', label);
  }
  const anchor = element(doc, 'a', '', label) as HTMLAnchorElement;
  anchor.href = url;
  anchor.target = '_blank';
  anchor.rel = 'noopener noreferrer';
  return anchor;
}

function isWebUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

function list(doc: Document, items: HTMLElement[]): HTMLElement {
  const ul = element(doc, 'ul', 'note-list');
  for (const item of items) {
    const li = element(doc, 'li', '');
    li.append(item);
    ul.append(li);
  }
  return ul;
}

function element(doc: Document, tag: string, className: string, text?: string): HTMLElement {
  const el = doc.createElement(tag);
  if (className) {
    el.className = className;
  }
  if (text !== undefined) {
    el.textContent = text;
  }
  return el;
}
