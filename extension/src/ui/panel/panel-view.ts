// The claims panel, as a widget: the article-level verification summary
// (exportable as Markdown), the filters (which double as the legend), the
// list of highlighted claims, and the mount points other parts of ClaimLens
// fill. The extension's side panel / sidebar and the playground both render
// it; each passes its own `PanelActions`.

import type { Analysis, Claim, Comments } from '../../analysis';
import type { OverlayPhase } from '../../messages';
import { CLAIM_KINDS, type ClaimKindName, SOURCING_KINDS, type Settings } from '../../settings/schema';
import type { SourcingKind } from '../../analysis';
import { isShown, styleKind } from '../claim-filter';
import { type MessageKey, type Translate, plural } from '../i18n';
import { commentFindingParts } from '../comment-finding-view';
import { SOURCING_LABELS, claimCandidates, kindLabel, liveFailureText, roleOf, scorePercent } from '../note-view';
import { markdownReport, reportFileName } from '../report';
import { commentFindingKey } from '../page-wording';
import { type ArticleSummary, summarise } from '../summary';

export type SiteMode = 'default' | 'always' | 'never';

/** Where the reader's own notes list goes (filled by the reader-notes subsystem). */
export const PANEL_READER_NOTES_MOUNT = 'reader-notes';
/** Where the comment-section finding goes (filled by the panel from `analysis.comments`). */
export const PANEL_COMMENTS_MOUNT = 'comments';

export interface PanelData {
  /** `idle`: ClaimLens has not run on this page (the reader has not clicked yet); `unavailable`: no page it can run on. */
  phase: OverlayPhase | 'idle' | 'unavailable';
  reason?: string;
  analysis: Analysis | null;
  settings: Settings;
  /** The page's host, for the per-site controls (extension only). */
  host?: string | null;
}

export interface PanelActions {
  revealClaim(claimId: string): void;
  setKind(kind: ClaimKindName, shown: boolean): void;
  setSourcing(kind: SourcingKind, shown: boolean): void;
  /** Saves the report; the panel builds it. */
  exportReport(markdown: string, fileName: string): void;
  /** The global off switch; absent where there is none (the playground). */
  setEnabled?(enabled: boolean): void;
  /**
   * Per-site annotation; absent where there are no sites. Called from the
   * reader's click, synchronously, so it may ask the browser for a permission.
   */
  setSiteMode?(host: string, mode: SiteMode): void;
}

const PHASE_TEXT: Partial<Record<PanelData['phase'], MessageKey>> = {
  idle: 'panelIdle',
  unavailable: 'panelUnavailable',
  analysing: 'panelAnalysing',
  hidden: 'panelHidden',
  off: 'panelOff',
};

export class ClaimsPanel {
  private readonly doc: Document;
  private readonly status: HTMLElement;
  private readonly live: HTMLElement;
  private readonly summarySection: HTMLElement;
  private readonly summaryBody: HTMLElement;
  private readonly exportButton: HTMLButtonElement;
  private readonly list: HTMLOListElement;
  private readonly listSection: HTMLElement;
  private readonly kindBoxes = new Map<ClaimKindName, HTMLInputElement>();
  private readonly sourcingBoxes = new Map<SourcingKind, HTMLInputElement>();
  private readonly enabledBox: HTMLInputElement | undefined;
  private readonly siteFieldset: HTMLFieldSetElement | undefined;
  private readonly siteName: HTMLElement | undefined;
  private readonly siteRadios = new Map<SiteMode, HTMLInputElement>();
  private readonly mounts = new Map<string, HTMLElement>();
  private data: PanelData | undefined;
  private summary: ArticleSummary | undefined;
  private listKey = '';
  private announced = '';

  constructor(
    root: HTMLElement,
    private readonly t: Translate,
    private readonly actions: PanelActions,
  ) {
    this.doc = root.ownerDocument;
    root.classList.add('claims-panel');
    const h = (tag: string, className = '', text?: string) => {
      const el = this.doc.createElement(tag);
      if (className) el.className = className;
      if (text !== undefined) el.textContent = text;
      return el;
    };

    const header = h('header', 'panel-header');
    const title = h('h1', 'panel-title', t('panelTitle'));
    title.id = 'claimlens-panel-title';
    header.append(title);
    if (actions.setEnabled) {
      const label = h('label', 'switch');
      const box = h('input') as HTMLInputElement;
      box.type = 'checkbox';
      box.id = 'claimlens-enabled';
      box.addEventListener('change', () => actions.setEnabled!(box.checked));
      label.append(box, ' ', t('panelEnabled'));
      header.append(label);
      this.enabledBox = box;
    }
    root.append(header);

    if (actions.setSiteMode) {
      const fieldset = h('fieldset', 'site-modes') as HTMLFieldSetElement;
      const legend = h('legend');
      this.siteName = h('span', 'site-name');
      legend.append(t('panelSiteLegend'), ' ', this.siteName);
      fieldset.append(legend);
      for (const [mode, key] of [
        ['default', 'panelSiteDefault'],
        ['always', 'siteAlways'],
        ['never', 'siteNever'],
      ] as const) {
        const label = h('label');
        const radio = h('input') as HTMLInputElement;
        radio.type = 'radio';
        radio.name = 'claimlens-site-mode';
        radio.value = mode;
        radio.addEventListener('change', () => {
          const host = this.data?.host;
          if (radio.checked && host) actions.setSiteMode!(host, mode);
        });
        label.append(radio, ' ', t(key));
        fieldset.append(label);
        this.siteRadios.set(mode, radio);
      }
      root.append(fieldset);
      this.siteFieldset = fieldset;
    }

    this.status = h('p', 'panel-status');
    this.live = h('p', 'sr-only');
    this.live.setAttribute('role', 'status');
    this.live.setAttribute('aria-live', 'polite');
    root.append(this.status, this.live);

    // The summary the panel opens with.
    this.summarySection = h('section', 'panel-summary');
    this.summarySection.setAttribute('aria-labelledby', 'claimlens-summary-heading');
    const summaryHeading = h('h2', '', t('summaryHeading'));
    summaryHeading.id = 'claimlens-summary-heading';
    this.summaryBody = h('div', 'summary-body');
    this.exportButton = h('button', 'export', t('panelExport')) as HTMLButtonElement;
    this.exportButton.type = 'button';
    this.exportButton.addEventListener('click', () => this.export());
    this.summarySection.append(summaryHeading, this.summaryBody, this.exportButton);
    root.append(this.summarySection);

    // Filters, which are also the legend: each kind's colour, each sourcing's underline.
    const filters = h('section', 'panel-filters');
    filters.setAttribute('aria-labelledby', 'claimlens-filters-heading');
    const filtersHeading = h('h2', '', t('panelFilters'));
    filtersHeading.id = 'claimlens-filters-heading';
    filters.append(filtersHeading);
    const kindSet = h('fieldset', 'filter-kinds');
    kindSet.append(h('legend', '', t('filterKindsLegend')));
    for (const kind of CLAIM_KINDS) {
      kindSet.append(this.checkbox(`claimlens-kind-${kind}`, kindLabel(kind, t), `swatch kind-${kind}`, (on) => actions.setKind(kind, on), (box) => this.kindBoxes.set(kind, box)));
    }
    const sourcingSet = h('fieldset', 'filter-sourcing');
    sourcingSet.append(h('legend', '', t('filterSourcingLegend')));
    for (const kind of SOURCING_KINDS) {
      sourcingSet.append(this.checkbox(`claimlens-sourcing-${kind}`, t(SOURCING_LABELS[kind]), `sourcing sourcing-${kind}`, (on) => actions.setSourcing(kind, on), (box) => this.sourcingBoxes.set(kind, box)));
    }
    filters.append(kindSet, sourcingSet);
    root.append(filters);

    this.listSection = h('section', 'panel-claims');
    this.listSection.setAttribute('aria-labelledby', 'claimlens-claims-heading');
    const listHeading = h('h2', '', t('panelClaims'));
    listHeading.id = 'claimlens-claims-heading';
    this.list = h('ol', 'claim-list') as HTMLOListElement;
    this.listSection.append(listHeading, this.list);
    root.append(this.listSection);

    // MOUNT POINTS, filled by their owners: the reader's notes (the extension's
    // panel page mounts the notes list) and the comment-section finding (comments analysis).
    for (const mount of [PANEL_READER_NOTES_MOUNT, PANEL_COMMENTS_MOUNT]) {
      const section = h('section', `panel-mount panel-mount-${mount}`);
      section.dataset.claimlensMount = mount;
      root.append(section);
      this.mounts.set(mount, section);
    }
  }

  /** A mount point's element, for its owner to fill. */
  mount(name: typeof PANEL_READER_NOTES_MOUNT | typeof PANEL_COMMENTS_MOUNT): HTMLElement {
    return this.mounts.get(name)!;
  }

  update(data: PanelData): void {
    this.data = data;
    const { settings, analysis } = data;
    if (this.enabledBox) this.enabledBox.checked = settings.enabled;
    for (const [kind, box] of this.kindBoxes) box.checked = settings.kinds[kind];
    for (const [kind, box] of this.sourcingBoxes) box.checked = settings.sourcing[kind];
    if (this.siteFieldset && this.siteName) {
      const host = data.host ?? null;
      this.siteFieldset.hidden = host === null || host === '';
      this.siteName.textContent = host ?? '';
      const mode: SiteMode = host && settings.sites.always.includes(host) ? 'always' : host && settings.sites.never.includes(host) ? 'never' : 'default';
      for (const [value, radio] of this.siteRadios) radio.checked = value === mode;
    }

    const ready = analysis !== null && (data.phase === 'shown' || data.phase === 'hidden');
    const phaseKey = PHASE_TEXT[data.phase];
    this.status.textContent =
      data.phase === 'failed' ? this.t('panelFailed', [data.reason ?? this.t('failureUnknown')]) : phaseKey ? this.t(phaseKey) : '';
    this.status.hidden = this.status.textContent === '';

    this.summary = ready ? summarise(analysis) : undefined;
    this.summarySection.hidden = !this.summary;
    this.listSection.hidden = !ready;
    if (this.summary) {
      this.renderSummary(this.summary);
    }
    const shown = ready ? analysis.claims.filter((claim) => isShown(claim, settings)) : [];
    const key = ready
      ? `${analysis.article.text.length}:${shown.map((claim) => `${claim.id}/${styleKind(claim, settings)}/${claim.live?.state ?? ''}/${claim.live?.matches.length ?? ''}`).join(',')}`
      : '';
    if (key !== this.listKey) {
      this.listKey = key;
      this.renderList(shown, settings);
    }
    this.renderComments(ready ? analysis.comments : undefined);
    const announcement = ready && data.phase === 'shown' ? plural(this.t, { one: 'claimsFound_one', other: 'claimsFound' }, shown.length) : '';
    if (announcement !== this.announced) {
      this.announced = announcement;
      this.live.textContent = announcement;
    }
  }

  private checkbox(id: string, label: string, sampleClass: string, onChange: (on: boolean) => void, keep: (box: HTMLInputElement) => void): HTMLElement {
    const wrapper = this.doc.createElement('label');
    wrapper.className = 'filter';
    const box = this.doc.createElement('input');
    box.type = 'checkbox';
    box.id = id;
    box.addEventListener('change', () => onChange(box.checked));
    const sample = this.doc.createElement('span');
    sample.className = sampleClass;
    sample.textContent = label;
    wrapper.append(box, ' ', sample);
    keep(box);
    return wrapper;
  }

  private renderSummary(summary: ArticleSummary): void {
    const t = this.t;
    const h = (tag: string, text?: string, className = '') => {
      const el = this.doc.createElement(tag);
      if (className) el.className = className;
      if (text !== undefined) el.textContent = text;
      return el;
    };
    const items: HTMLElement[] = [];
    const kinds = h('li', plural(t, { one: 'summaryCheckworthy_one', other: 'summaryCheckworthy' }, summary.checkworthy.length), 'summary-checkworthy');
    if (summary.byKind.length > 0) {
      const sub = h('ul');
      for (const [kind, count] of summary.byKind) sub.append(h('li', `${kindLabel(kind, t)}: ${count}`));
      kinds.append(sub);
    }
    items.push(kinds);
    items.push(h('li', t('summaryWeakSourcing', [String(summary.anonymous), String(summary.vague)]), 'summary-sourcing'));
    const matched = h('li', summary.matched > 0 ? plural(t, { one: 'summaryMatched_one', other: 'summaryMatched' }, summary.matched) : t('summaryNoMatches'), 'summary-matches');
    if (summary.verdicts.length > 0 || summary.liveFailed > 0) {
      const sub = h('ul');
      for (const [verdict, count] of summary.verdicts) sub.append(h('li', `${verdict || t('noteVerdictUnknown')}: ${count}`, 'summary-verdict'));
      if (summary.liveFailed > 0) sub.append(h('li', t('summaryLiveFailed', [String(summary.liveFailed)]), 'summary-live-failed'));
      matched.append(sub);
    }
    items.push(matched);
    const quoted = h('li', summary.quoted.length > 0 ? t('summaryQuoted') : t('summaryNobodyQuoted'), 'summary-quoted');
    if (summary.quoted.length > 0) {
      const sub = h('ul');
      for (const person of summary.quoted) {
        const who = person.role ? `${person.name}, ${person.role}` : person.name;
        sub.append(h('li', `${who} (${plural(t, { one: 'summaryQuoteCount_one', other: 'summaryQuoteCount' }, person.quotes)})`));
      }
      quoted.append(sub);
    }
    items.push(quoted);
    const ambiguous = h('li', summary.ambiguous.length > 0 ? plural(t, { one: 'summaryAmbiguous_one', other: 'summaryAmbiguous' }, summary.ambiguous.length) : t('summaryNoAmbiguous'), 'summary-ambiguous');
    if (summary.ambiguous.length > 0) {
      const sub = h('ul');
      for (const quote of summary.ambiguous) {
        const who = quote.candidates.length > 0 ? t('noteAmbiguousCandidates', [quote.candidates.join(', ')]) : t('noteAmbiguous');
        sub.append(h('li', `“${quote.text}” — ${who}`));
      }
      ambiguous.append(sub);
    }
    items.push(ambiguous);
    const list = h('ul', undefined, 'summary-list');
    list.append(...items);
    this.summaryBody.replaceChildren(list);
  }

  private commentsKey = '';

  /** The comment section's own section (never among the claims): the finding, or that there is none. */
  private renderComments(comments: Comments | undefined): void {
    const mount = this.mounts.get(PANEL_COMMENTS_MOUNT)!;
    const key = comments && comments.count > 0 ? `${comments.count}:${comments.level ?? ''}:${commentFindingKey(comments)}` : '';
    if (key === this.commentsKey) return;
    this.commentsKey = key;
    if (!comments || comments.count === 0) {
      mount.replaceChildren();
      mount.hidden = true;
      return;
    }
    mount.hidden = false;
    mount.setAttribute('aria-labelledby', 'claimlens-comments-heading');
    const heading = this.doc.createElement('h2');
    heading.id = 'claimlens-comments-heading';
    heading.textContent = this.t('commentsTitle');
    mount.replaceChildren(heading, ...commentFindingParts(this.doc, comments, this.t));
    mount.dataset.flagged = String(comments.flagged === true);
  }

  private renderList(claims: readonly Claim[], settings: Settings): void {
    const t = this.t;
    const analysis = this.data?.analysis;
    const items = claims.map((claim) => {
      const li = this.doc.createElement('li');
      const button = this.doc.createElement('button');
      button.type = 'button';
      button.className = 'claim';
      button.dataset.claimId = claim.id;
      const score = this.doc.createElement('span');
      score.className = 'claim-score';
      score.textContent = t('panelScore', [scorePercent(claim.score)]);
      const kind = this.doc.createElement('span');
      kind.className = `chip kind-${styleKind(claim, settings)}`;
      kind.textContent = claim.kinds.map((name) => kindLabel(name, t)).join(', ');
      const sourcing = this.doc.createElement('span');
      sourcing.className = `sourcing sourcing-${claim.sourcing.kind}`;
      const speaker = claim.sourcing.speaker;
      const role = speaker && analysis ? roleOf(speaker, claim.sourcing.speaker_role, analysis.entities) : null;
      const candidates = claimCandidates(claim);
      sourcing.textContent =
        t(SOURCING_LABELS[claim.sourcing.kind]) +
        (speaker ? ` — ${speaker}${role ? `, ${role}` : ''}` : candidates.length > 0 ? ` — ${t('noteAmbiguousCandidates', [candidates.join(t('noteCandidatesSeparator'))])}` : '');
      const meta = this.doc.createElement('span');
      meta.className = 'claim-meta';
      meta.append(score, ' ', kind, ' ', sourcing);
      const text = this.doc.createElement('span');
      text.className = 'claim-text';
      text.textContent = claim.text;
      button.append(meta, text);
      const factChecks = this.factCheckLine(claim);
      if (factChecks) button.append(factChecks);
      button.addEventListener('click', () => this.actions.revealClaim(claim.id));
      li.append(button);
      return li;
    });
    this.list.replaceChildren(...items);
  }

  /** The claim's published fact-checks in one line ("PolitiFact: False"), and the live source's failure when it failed. */
  private factCheckLine(claim: Claim): HTMLElement | null {
    const t = this.t;
    const matches = [...claim.matches, ...(claim.live?.matches ?? [])];
    const failed = claim.live?.state === 'failed';
    if (matches.length === 0 && !failed) return null;
    const line = this.doc.createElement('span');
    line.className = 'claim-factchecks';
    matches.forEach((match, index) => {
      if (index > 0) line.append('; ');
      const verdict = this.doc.createElement('span');
      verdict.className = 'verdict';
      verdict.textContent = match.verdict ?? t('noteVerdictUnknown');
      line.append(match.publisher ? `${match.publisher}: ` : '', verdict);
    });
    if (failed) {
      const failure = this.doc.createElement('span');
      failure.className = 'claim-live-failure';
      failure.textContent = t('noteLiveFailed', [liveFailureText(claim.live?.failure, t)]);
      line.append(matches.length > 0 ? ' ' : '', failure);
    }
    return line;
  }

  private export(): void {
    const analysis = this.data?.analysis;
    if (!analysis || !this.summary) return;
    this.actions.exportReport(markdownReport(analysis, this.summary, this.t), reportFileName(analysis));
  }
}

/** Saves text as a file through a temporary object URL (works in extension pages and the playground). */
export function downloadText(doc: Document, text: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/markdown;charset=utf-8' }));
  const anchor = doc.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  anchor.hidden = true;
  doc.body.append(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
