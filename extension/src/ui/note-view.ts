// Renders one claim's full note as DOM: what the claim is and why it was
// flagged, how it is sourced, the quotes and their speakers, the dates and
// figures it rests on, published fact-checks (from the loaded packs, and from
// the opt-in live source when the reader turned it on, with its failures told
// as such), and what to check next.
// Everything from the analysis goes in as text (textContent), never as
// markup: the note quotes the page, and the page is untrusted.

import type { Claim, Entity, FactCheckMatch, FactCheckStatus, LiveFailure, LiveLookup, NoteFactCheck, Quantity, Quote, SourcingKind } from '../analysis';
import { kindLabel } from '../claim-kinds';
import { figureText } from './figure-wording';
import type { MessageKey, Translate } from './i18n';
import { attributionLine, checkLines, conflictsLine, linkLabel, matchReasonLines, reasonLines, summaryLine } from './note-wording';
import { STYLE_KINDS } from './palette';

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

export { kindLabel } from '../claim-kinds';

/**
 * How the core read a figure, for the note ("20–30 years", "2nd term",
 * "-12.99%"), keeping both bounds of a range and telling an ordinal from a
 * count: worded from its kind and numbers through _locales, or the native
 * build's English `display` when the analysis has one. An analysis with
 * neither (a core older than both) falls back to value and unit. Null when
 * there is nothing to add to the words as written.
 */
export function figureReading(quantity: Quantity, t: Translate): string | null {
  const reading = quantity.display || figureText(quantity, t);
  if (reading) return reading === quantity.text ? null : reading;
  if (quantity.value === null) return null;
  const value = quantity.value.toLocaleString(undefined, { maximumFractionDigits: 6 });
  return quantity.unit ? t('noteFigureValueUnit', [value, quantity.unit]) : value;
}

export function scorePercent(score: number): string {
  return String(Math.round(score * 100));
}

/** The role the article gives a speaker ("Deputy Mayor"), from the entity list. */
export function speakerRole(speaker: string, entities: readonly Entity[]): string | null {
  const entity = entities.find((candidate) => candidate.name === speaker);
  return entity?.descriptor ?? entity?.role ?? null;
}

/** A speaker's role: as the attribution stage gives it for this claim or quote, else from the entity list. */
export function roleOf(speaker: string, given: string | null | undefined, entities: readonly Entity[]): string | null {
  return given || speakerRole(speaker, entities);
}

/** Everyone a claim's speaker could be, when the attribution is ambiguous (two or more people). */
export function claimCandidates(claim: Claim): string[] {
  const candidates = claim.sourcing.speaker_candidates ?? [];
  return claim.sourcing.speaker === null && candidates.length > 1 ? candidates : [];
}

/** A claim's fact-check status, for analyses from before the core reported it. */
export function factCheckStatus(claim: Claim): FactCheckStatus {
  return claim.note.fact_check_status ?? (claim.matches.length > 0 ? 'matched' : claim.checkworthy ? 'none_found' : 'not_checked');
}

/** The matched fact-checks of a claim: the loaded packs', then the live source's, without repeats (same link). */
export function allMatches(claim: Claim): FactCheckMatch[] {
  const seen = new Set<string>();
  const out: FactCheckMatch[] = [];
  for (const match of [...claim.matches, ...(claim.live?.matches ?? [])]) {
    const key = match.url ?? `${match.pack ?? ''}:${match.id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(match);
  }
  return out;
}

const STATUS_TEXT: Record<FactCheckStatus, MessageKey> = {
  matched: 'noteNoFactChecks', // not shown with matches; here for completeness
  none_found: 'noteNoFactChecks',
  no_packs: 'noteNoPacks',
  not_checked: 'noteNotChecked',
};

/** What the loaded packs said, when they matched nothing: "none found" is not "not searched". */
export function factCheckStatusText(status: FactCheckStatus, t: Translate): string {
  return t(STATUS_TEXT[status]);
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
  note.dataset.claimText = claim.text; // ids are positional in one analysis; the text says which claim across runs

  const title = h.el('h2', 'note-title', t(checkworthy ? 'noteCheckworthyClaim' : 'noteClaim'));
  title.id = NOTE_TITLE_ID;
  note.append(title, h.el('p', 'note-score', t('noteScore', [scorePercent(claim.score)])));

  const kinds = h.el('ul', 'note-kinds');
  kinds.setAttribute('aria-label', t('noteKinds'));
  for (const kind of claim.kinds) {
    const chip = h.el('li', `chip kind-${(STYLE_KINDS as readonly string[]).includes(kind) ? kind : 'other'}`, kindLabel(kind, t));
    kinds.append(chip);
  }
  note.append(kinds, h.el('p', 'note-summary', summaryLine(claim, t)));

  note.append(sourcingSection(h, claim, context, t));

  const reasons = reasonLines(claim, t);
  if (reasons.length > 0) {
    note.append(h.section(t('noteWhy'), h.list(reasons.map((reason) => h.el('span', '', reason)))));
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
            const reading = figureReading(quantity, t);
            if (reading !== null) item.append(' = ', reading);
            return item;
          }),
        ),
      ),
    );
  }

  note.append(factChecksSection(h, claim, t));

  const checks = checkLines(claim, t);
  if (checks.length > 0) {
    note.append(h.section(t('noteChecks'), h.list(checks.map((check) => h.el('span', '', check)))));
  }
  const related = claim.note.related ?? [];
  if (related.length > 0) {
    note.append(relatedSection(h, related, t));
  }
  if (claim.note.links.length > 0) {
    note.append(h.section(t('noteLinks'), h.list(claim.note.links.map((link) => h.link(linkLabel(link, t), link.url)))));
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
    const role = roleOf(speaker, claim.sourcing.speaker_role ?? claim.note.sourcing?.role, context.entities);
    if (role) {
      line.append(', ', h.el('span', 'note-role', role));
    }
  }
  if (cue) {
    line.append(' ', t('noteCue'), ' ', h.el('q', 'note-cue', cue));
  }
  // An attribution the article leaves open: both people, and why; never one picked silently.
  const candidates = claimCandidates(claim);
  if (candidates.length > 0) {
    line.append(h.el('span', 'note-ambiguous', t('noteAmbiguousCandidates', [candidates.join(t('noteCandidatesSeparator'))])));
  }
  const why = candidates.length > 0 ? attributionLine(claim.sourcing.attribution, claim.sourcing.attribution_note, t) : null;
  if (why) {
    line.append(h.el('span', 'note-attribution-note', why));
  }
  return line;
}

function quoteItem(h: Builder, quote: Quote, context: NoteContext, t: Translate): HTMLElement {
  const item = h.el('span', 'note-quote');
  item.append(h.el('q', '', quote.text), ' — ');
  if (quote.speaker) {
    item.append(h.el('span', 'note-speaker', quote.speaker));
    const role = roleOf(quote.speaker, quote.speaker_role, context.entities);
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
        candidates.length > 0 ? t('noteAmbiguousCandidates', [candidates.join(t('noteCandidatesSeparator'))]) : t('noteAmbiguous'),
      ),
    );
    const why = attributionLine(quote.attribution, quote.attribution_note, t);
    if (why) item.append(h.el('span', 'note-attribution-note', why));
  }
  return item;
}

/**
 * Published fact-checks: the loaded packs' matches (verdict, fact-checker,
 * date, link, why it matched) and whether the fact-checkers agree; or what
 * the packs said (none found / no pack loaded / not looked up). Then the live
 * source's answer, its search under way, or its failure.
 */
function factChecksSection(h: Builder, claim: Claim, t: Translate): HTMLElement {
  const section = h.section(t('noteFactChecks'));
  if (claim.matches.length > 0) {
    const list = h.list(claim.matches.map((match) => matchItem(h, match, t)));
    list.classList.add('note-matches');
    section.append(list);
    if (claim.note.consensus === 'agree' || claim.note.consensus === 'disagree') {
      section.append(h.el('p', `note-consensus note-consensus-${claim.note.consensus}`, t(claim.note.consensus === 'agree' ? 'noteConsensusAgree' : 'noteConsensusDisagree')));
    }
  } else {
    const status = factCheckStatus(claim);
    const line = h.el('p', 'note-no-matches', factCheckStatusText(status, t));
    line.dataset.status = status;
    section.append(line);
  }
  if (claim.live) {
    section.append(liveBlock(h, claim.live, t));
  }
  return section;
}

/**
 * Fact-checks of a related claim, not of this one: shown low in the note,
 * under their own heading, with no verdict (a verdict on another claim must
 * not read as one on this claim), and never counted as matches.
 */
function relatedSection(h: Builder, related: readonly NoteFactCheck[], t: Translate): HTMLElement {
  const list = h.list(
    related.map((check) => {
      const item = h.el('span', 'note-related-item');
      if (check.publisher || check.date) {
        if (check.publisher) item.append(h.el('span', 'note-publisher', check.publisher));
        if (check.publisher && check.date) item.append(', ');
        if (check.date) item.append(h.el('time', 'note-match-date', check.date));
      }
      item.append(h.el('span', 'note-match-claim', t('noteRelatedClaim', [check.claim])));
      const apart = conflictsLine(check.conflicts, t);
      if (apart) item.append(h.el('span', 'note-related-apart', apart));
      if (check.url) item.append(h.link(t('noteReadFactCheck'), check.url));
      return item;
    }),
  );
  list.classList.add('note-related-list');
  const section = h.section(t('noteRelatedHeading'), h.el('p', 'note-related-intro', t('noteRelatedIntro')), list);
  section.classList.add('note-related');
  return section;
}

function matchItem(h: Builder, match: FactCheckMatch, t: Translate): HTMLElement {
  const item = h.el('span', 'note-match');
  if (match.pack) item.dataset.pack = match.pack;
  item.append(h.el('strong', 'note-verdict', match.verdict ?? t('noteVerdictUnknown')));
  if (match.publisher || match.date) {
    item.append(' — ');
    if (match.publisher) item.append(h.el('span', 'note-publisher', match.publisher));
    if (match.publisher && match.date) item.append(', ');
    if (match.date) item.append(h.el('time', 'note-match-date', match.date));
  }
  item.append(h.el('span', 'note-match-claim', t('noteMatchedClaim', [match.claim])));
  if (match.claimant) {
    item.append(h.el('span', 'note-match-claimant', match.claim_date ? t('noteClaimantOn', [match.claimant, match.claim_date]) : t('noteClaimant', [match.claimant])));
  }
  const why = matchReasonLines(match, t);
  if (why.length > 0) {
    item.append(h.el('span', 'note-match-why', t('noteWhyMatched', [why.join(t('noteReasonSeparator'))])));
  }
  if (match.url) {
    item.append(' ', h.link(t('noteReadFactCheck'), match.url));
  }
  return item;
}

/** The live source's part of the note. Its failure is said as such, next to (never instead of) the local results. */
function liveBlock(h: Builder, live: LiveLookup, t: Translate): HTMLElement {
  const block = h.el('div', 'note-live');
  block.dataset.state = live.state;
  block.append(h.el('h4', 'note-subheading', t('noteLiveHeading')));
  if (live.state === 'pending') {
    block.append(h.el('p', 'note-live-status', t('noteLivePending')));
    return block;
  }
  if (live.state === 'failed') {
    const failure = h.el('p', 'note-live-failure', t('noteLiveFailed', [liveFailureText(live.failure, t)]));
    if (live.failure) failure.dataset.kind = live.failure.kind;
    block.append(failure);
    return block;
  }
  if (live.matches.length > 0) {
    const list = h.list(live.matches.map((match) => matchItem(h, match, t)));
    list.classList.add('note-live-matches');
    block.append(list);
  } else {
    block.append(h.el('p', 'note-live-status', t('noteLiveNone', [String(live.received)])));
  }
  if (live.cached && live.fetchedAt) {
    block.append(h.el('p', 'note-live-cached', t('noteLiveCached', [live.fetchedAt.slice(0, 10)])));
  }
  return block;
}

/** Why the live source gave no answer, in the reader's words, with the service's own when it gave some. */
export function liveFailureText(failure: LiveFailure | undefined, t: Translate): string {
  let text: string;
  switch (failure?.kind) {
    case 'network':
      text = t('noteLiveNetwork');
      break;
    case 'timeout':
      text = t('noteLiveTimeout');
      break;
    case 'http':
      text =
        failure.status === 403
          ? t('noteLiveForbidden')
          : failure.status === 429
            ? t('noteLiveQuota')
            : t('noteLiveHttp', [String(failure.status ?? '?')]);
      break;
    case 'service':
      text = t('noteLiveService');
      break;
    case 'malformed':
      text = t('noteLiveMalformed');
      break;
    case 'too_large':
      text = t('noteLiveTooLarge');
      break;
    case 'empty':
      text = t('noteLiveEmpty');
      break;
    default:
      text = t('failureUnknown');
  }
  const detail = failure?.detail?.replace(/\s+/g, ' ').trim().slice(0, 300);
  return detail ? t('noteLiveDetail', [text, detail]) : text;
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
