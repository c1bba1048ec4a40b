// Renders one claim's full note as DOM: what the claim is and why it was
// flagged, how it is sourced, the quotes and their speakers, the dates and
// figures it rests on, published fact-checks, and what to check next.
// Everything from the analysis goes in as text (textContent), never as
// markup: the note quotes the page, and the page is untrusted.

import type { Claim, Entity, Quote, SourcingKind } from '../analysis';
import type { MessageKey, Translate } from './i18n';

/** The rest of the analysis a note draws on. */
export interface NoteContext {
  quotes: readonly Quote[];
  entities: readonly Entity[];
}

/** The id of the note's heading, which labels the dialog. Unique within the shadow root that holds the note. */
export const NOTE_TITLE_ID = 'claimlens-note-title';

/** Where the reader's own notes on this claim go (filled by the reader-notes subsystem, not by this file). */
export const READER_NOTES_MOUNT = 'reader-notes';

export const SOURCING_LABELS: Record<SourcingKind, MessageKey> = {
  named: 'sourcingNamed',
  anonymous: 'sourcingAnonymous',
  vague: 'sourcingVague',
  unattributed: 'sourcingUnattributed',
  outlet: 'sourcingOutlet',
};

const KIND_LABELS: Record<string, MessageKey> = {
  quantity: 'kindQuantity',
  comparison: 'kindComparison',
  event: 'kindEvent',
  causal: 'kindCausal',
  quote: 'kindQuote',
  prediction: 'kindPrediction',
  rule: 'kindRule',
  experience: 'kindExperience',
  opinion: 'kindOpinion',
};

/** A claim kind's label; a kind this version does not know is shown as the core named it. */
export function kindLabel(kind: string, t: Translate): string {
  const key = KIND_LABELS[kind];
  return key ? t(key) : kind;
}

export function scorePercent(score: number): string {
  return String(Math.round(score * 100));
}

/** The role the article gives a speaker ("Deputy Mayor"), from the entity list. */
export function speakerRole(speaker: string, entities: readonly Entity[]): string | null {
  return entities.find((entity) => entity.name === speaker)?.descriptor ?? null;
}

/** Quotes that overlap the claim. */
export function quotesOf(claim: Claim, quotes: readonly Quote[]): Quote[] {
  return quotes.filter((quote) => quote.start < claim.end && quote.end > claim.start);
}

/** True when a quote's speaker is unknown or disputed between several candidates. */
export function isAmbiguous(quote: Quote): boolean {
  return quote.speaker === null || quote.speaker_candidates.length > 1;
}

/** The note's content, without the close button (the popover adds it). */
export function renderNote(doc: Document, claim: Claim, context: NoteContext, t: Translate, checkworthy: boolean): HTMLElement {
  const h = new Builder(doc);
  const note = h.el('div', 'note-body');
  note.dataset.claimId = claim.id;

  const title = h.el('h2', 'note-title', t(checkworthy ? 'noteCheckworthyClaim' : 'noteClaim'));
  title.id = NOTE_TITLE_ID;
  note.append(title, h.el('p', 'note-score', t('noteScore', [scorePercent(claim.score)])));

  const kinds = h.el('ul', 'note-kinds');
  kinds.setAttribute('aria-label', t('noteKinds'));
  for (const kind of claim.kinds) {
    const chip = h.el('li', `chip kind-${KIND_LABELS[kind] ? kind : 'other'}`, kindLabel(kind, t));
    kinds.append(chip);
  }
  note.append(kinds, h.el('p', 'note-summary', claim.note.summary));

  note.append(sourcingSection(h, claim, context, t));

  if (claim.signals.length > 0) {
    note.append(h.section(t('noteWhy'), h.list(claim.signals.map((signal) => h.el('span', '', signal)))));
  }

  const quotes = quotesOf(claim, context.quotes);
  if (quotes.length > 0) {
    note.append(h.section(t('noteQuotes'), h.list(quotes.map((quote) => quoteItem(h, quote, context, t)))));
  }

  if (claim.times.length > 0) {
    note.append(
      h.section(
        t('noteTimes'),
        h.list(
          claim.times.map((time) => {
            const item = h.el('span', '');
            item.append(h.el('q', '', time.text), ' → ');
            if (!time.resolved) {
              item.append(t('noteTimeUnresolved'));
            } else if (time.resolved.from === time.resolved.to) {
              item.append(h.el('time', '', time.resolved.from));
            } else {
              item.append(t('noteTimeRange', [time.resolved.from, time.resolved.to]));
            }
            return item;
          }),
        ),
      ),
    );
  }

  if (claim.quantities.length > 0) {
    note.append(
      h.section(
        t('noteFigures'),
        h.list(
          claim.quantities.map((quantity) => {
            const item = h.el('span', '');
            item.append(h.el('q', '', quantity.text));
            if (quantity.value !== null) {
              const value = quantity.value.toLocaleString(undefined, { maximumFractionDigits: 6 });
              item.append(' = ', quantity.unit ? t('noteFigureValueUnit', [value, quantity.unit]) : value);
            }
            return item;
          }),
        ),
      ),
    );
  }

  note.append(factChecksSection(h, claim, t));

  if (claim.note.checks.length > 0) {
    note.append(h.section(t('noteChecks'), h.list(claim.note.checks.map((check) => h.el('span', '', check)))));
  }
  if (claim.note.links.length > 0) {
    note.append(h.section(t('noteLinks'), h.list(claim.note.links.map((link) => h.link(link.label, link.url)))));
  }

  // MOUNT POINT: the reader's own notes on this claim, filled by the overlay's extension (content/reader-notes.ts).
  const mount = h.el('section', 'note-reader-notes');
  mount.dataset.claimlensMount = READER_NOTES_MOUNT;
  mount.dataset.claimId = claim.id;
  note.append(mount);
  return note;
}

function sourcingSection(h: Builder, claim: Claim, context: NoteContext, t: Translate): HTMLElement {
  const { kind, speaker, cue } = claim.sourcing;
  const line = h.el('p', 'note-sourcing');
  line.append(h.el('span', 'note-label', t('noteSourcing')), ' ', h.el('span', `sourcing sourcing-${kind}`, t(SOURCING_LABELS[kind])));
  if (speaker) {
    line.append(' — ', h.el('span', 'note-speaker', speaker));
    const role = speakerRole(speaker, context.entities);
    if (role) {
      line.append(', ', h.el('span', 'note-role', role));
    }
  }
  if (cue) {
    line.append(' ', t('noteCue'), ' ', h.el('q', 'note-cue', cue));
  }
  return line;
}

function quoteItem(h: Builder, quote: Quote, context: NoteContext, t: Translate): HTMLElement {
  const item = h.el('span', 'note-quote');
  item.append(h.el('q', '', quote.text), ' — ');
  if (quote.speaker) {
    item.append(h.el('span', 'note-speaker', quote.speaker));
    const role = speakerRole(quote.speaker, context.entities);
    if (role) item.append(', ', h.el('span', 'note-role', role));
  } else {
    item.append(h.el('span', 'note-speaker', t('noteSpeakerUnknown')));
  }
  item.append(' ', h.el('span', 'note-quote-kind', t(quote.direct ? 'noteQuoteDirect' : 'noteQuoteReported')));
  if (isAmbiguous(quote)) {
    const candidates = quote.speaker_candidates.filter((name) => name !== quote.speaker);
    item.append(
      h.el(
        'span',
        'note-ambiguous',
        candidates.length > 0 ? t('noteAmbiguousCandidates', [candidates.join(', ')]) : t('noteAmbiguous'),
      ),
    );
  }
  return item;
}

function factChecksSection(h: Builder, claim: Claim, t: Translate): HTMLElement {
  if (claim.matches.length === 0) {
    return h.section(t('noteFactChecks'), h.el('p', 'note-no-matches', t('noteNoFactChecks')));
  }
  const items = claim.matches.map((match) => {
    const item = h.el('span', 'note-match');
    item.append(h.el('strong', 'note-verdict', match.verdict ?? t('noteVerdictUnknown')));
    const origin = [match.publisher, match.date].filter((part): part is string => Boolean(part)).join(', ');
    if (origin) item.append(' — ', origin);
    item.append(h.el('span', 'note-match-claim', t('noteMatchedClaim', [match.claim])));
    if (match.url) {
      item.append(' ', h.link(t('noteReadFactCheck'), match.url));
    }
    return item;
  });
  return h.section(t('noteFactChecks'), h.list(items));
}

/** Small DOM helpers; every string goes in as text. */
class Builder {
  constructor(private readonly doc: Document) {}

  el(tag: string, className: string, text?: string): HTMLElement {
    const el = this.doc.createElement(tag);
    if (className) el.className = className;
    if (text !== undefined) el.textContent = text;
    return el;
  }

  section(heading: string, ...content: HTMLElement[]): HTMLElement {
    const section = this.el('section', 'note-section');
    section.append(this.el('h3', 'note-heading', heading), ...content);
    return section;
  }

  list(items: HTMLElement[]): HTMLElement {
    const ul = this.el('ul', 'note-list');
    for (const item of items) {
      const li = this.el('li', '');
      li.append(item);
      ul.append(li);
    }
    return ul;
  }

  /** Only http(s) links become anchors; anything else (javascript:, data:) stays plain text. */
  link(label: string, url: string): HTMLElement {
    if (!isWebUrl(url)) {
      return this.el('span', '', label);
    }
    const anchor = this.el('a', '', label) as HTMLAnchorElement;
    anchor.href = url;
    anchor.target = '_blank';
    anchor.rel = 'noopener noreferrer';
    return anchor;
  }
}

export function isWebUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}
