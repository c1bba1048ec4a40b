// ClaimLens on one page: snapshot -> analysis (in the background) -> Ranges
// -> overlay and the reader's notes, and keeping that right while the page
// lives: the reader's settings (filters, threshold, off switches), re-renders
// of the article, in-page navigation, and hidden tabs. Every analysis is
// handed to the reader's notes too, which re-anchor in the new text. When the
// reader turned the live fact-check source on, a new analysis's top claims
// are then looked up (in the background): their notes say "searching" until
// the answers come, and a failure shows in the note beside the local results.
//
// An analysis comes in two steps (draw-result.ts): first what the highlights
// need, drawn at once; then, asked for right after, the full analysis (notes,
// the panel, the reader's notes, comments), kept here for as long as the page
// is. Kept here, not in the background: an MV3 service worker is stopped
// after ~30 s idle, and a note opened minutes later must still have it. When
// the background was stopped between the two steps, the full analysis is
// asked for again with the snapshot (AnalysisDetails, then AnalyzePage `full`).

import type { Analysis } from '../analysis';
import { type DrawResult, type Drawn, decodeDrawResult } from '../draw-result';
import { claimsForLive } from '../factchecks/live-client';
import { placeCommentSection } from '../dom/comment-section';
import { RangeMapper } from '../dom/ranges';
import { type FlatSnapshot, sameFlatSnapshot, takeFlatSnapshot } from '../dom/snapshot';
import {
  type AnalysisDetails,
  type AnalyzePage,
  type LiveLookupRequest,
  type OverlayPhase,
  type OverlayStatus,
  type PageState,
  isAnalysisDetailsReply,
  isAnalyzePageReply,
  isLiveLookupReply,
} from '../messages';
import { ext } from '../platform';
import type { Settings } from '../settings/schema';
import { loadSettings, onSettingsChanged } from '../settings/store';
import { ClaimOverlay, type PlacedClaim } from '../ui/claim-overlay';
import type { Translate } from '../ui/i18n';
import { OVERLAY_HOST_TAG } from '../ui/overlay-host';
import { noticeLines } from '../ui/page-wording';
import { AnalysisRequests } from './analysis-requests';
import { ArticleWatcher, commonAncestor } from './article-watcher';
import { isEditable } from './pristine';
import { ReaderNotes } from './reader-notes';

interface Analysed {
  /** What the highlights were drawn from. */
  drawn: Drawn;
  /** The full analysis; undefined until its second step has come. */
  analysis: Analysis | undefined;
  snapshot: FlatSnapshot;
  domNodes: Node[];
}

/** The drawn part of a full analysis (when it came in one step). */
function drawnOf(analysis: Analysis): Drawn {
  return {
    head: { schema: 'claimlens/draw@1', status: analysis.status, notice_items: analysis.notice_items ?? [], claims: analysis.claims.length },
    claims: analysis.claims,
    dom: analysis.article.dom,
    key: -1,
  };
}

export class PageSession {
  private phase: OverlayPhase = 'analysing';
  private reason: string | undefined;
  /** Whether the reader wants the highlights shown (the toolbar button toggles it). */
  private wanted = true;
  private settings: Settings | undefined;
  private current: Analysed | undefined;
  private overlay: ClaimOverlay | undefined;
  private readerNotes: ReaderNotes | undefined;
  private readonly watcher: ArticleWatcher;
  /** The request on its way, staleness (threshold changes) and dropping late replies. */
  private readonly requests = new AnalysisRequests<FlatSnapshot, Node[]>(sameFlatSnapshot);
  private pageUrl: string;
  /** The drawn analysis whose full analysis is being asked for again (see fetchFullAnalysis). */
  private fullAnalysisAsked: Drawn | undefined;
  /** The drawn analysis whose details message is on its way (see fetchDetails). */
  private detailsAsked: Drawn | undefined;

  constructor(
    private readonly doc: Document,
    private readonly t: Translate,
  ) {
    this.watcher = new ArticleWatcher(doc, () => void this.analyse(), (node) => isOwnNode(node));
    this.pageUrl = withoutHash(doc.URL);
  }

  async start(): Promise<void> {
    this.settings = await loadSettings();
    onSettingsChanged((settings) => this.onSettings(settings));
    this.listenForNavigation();
    if (this.isSwitchedOff()) {
      this.setPhase('off');
      return;
    }
    await this.analyse();
  }

  /** The toolbar button: show or hide; after a failure, try again. */
  toggle(): OverlayStatus {
    switch (this.phase) {
      case 'shown':
      case 'hidden':
        this.wanted = !this.wanted;
        this.applyVisibility();
        break;
      case 'failed':
        // The page may have finished loading since: a click after a failure tries again.
        void this.analyse();
        break;
      case 'analysing':
      case 'off':
        break;
    }
    return this.status();
  }

  /** The next / previous claim commands. A hidden overlay is shown first. */
  step(direction: 1 | -1): OverlayStatus {
    if (this.phase === 'hidden') {
      this.wanted = true;
      this.applyVisibility();
    }
    if (this.phase === 'shown') {
      this.overlay?.step(direction);
    }
    return this.status();
  }

  reveal(claimId: string): boolean {
    if (this.phase === 'hidden') {
      this.wanted = true;
      this.applyVisibility();
    }
    return this.phase === 'shown' && (this.overlay?.reveal(claimId) ?? false);
  }

  pageState(): PageState {
    return {
      type: 'page-state',
      phase: this.phase,
      host: this.doc.location.hostname,
      reason: this.reason,
      analysis: this.current?.analysis ?? null,
      notes: this.current?.analysis ? (this.readerNotes?.pageNotes() ?? null) : null,
    };
  }

  /** The panel's "show" on one of the reader's notes. */
  revealNote(noteId: string): boolean {
    if (this.phase === 'hidden') {
      this.wanted = true;
      this.applyVisibility();
    }
    return this.phase === 'shown' && (this.readerNotes?.reveal(noteId) ?? false);
  }

  /** The reader changed this page's notes elsewhere (the panel). */
  notesChanged(): void {
    this.readerNotes?.reload().catch((error: unknown) => console.warn('ClaimLens: the notes on this page could not be reloaded', error));
  }

  status(): OverlayStatus {
    return {
      type: 'overlay-status',
      phase: this.phase,
      claims: this.phase === 'shown' ? (this.overlay?.shownClaims.length ?? 0) : 0,
      ...(this.reason !== undefined && this.phase === 'failed' ? { reason: this.reason } : {}),
      ...(this.current?.drawn.head.status === 'truncated' && this.phase !== 'failed'
        ? { notice: noticeLines({ notices: [], notice_items: this.current.drawn.head.notice_items }, this.t).join(' ').slice(0, 1000) }
        : {}),
    };
  }

  /**
   * Snapshot, analyse, place. Re-renders that leave the snapshot as it was
   * only re-place the claims, unless the analysis is stale (the reader changed
   * the threshold, which the core applies); see analysis-requests.ts.
   */
  private async analyse(): Promise<void> {
    if (this.isSwitchedOff()) {
      return;
    }
    if (this.doc.hidden) {
      this.watcher.schedule(); // waits for the tab to be shown
      return;
    }
    const { snapshot, domNodes } = takeFlatSnapshot(this.doc);
    const previous = this.current;
    const step = this.requests.next(snapshot, domNodes, previous?.snapshot);
    if (step.kind === 'wait') {
      return;
    }
    if (step.kind === 'replace') {
      this.place({ ...previous!, snapshot, domNodes });
      return;
    }
    if (!previous) {
      this.setPhase('analysing');
    }
    const reply = await requestAnalysis({ type: 'analyze-page', snapshot });
    if (this.isSwitchedOff()) {
      this.requests.cancel();
      return;
    }
    const placeOn = this.requests.settle(step.generation);
    if (placeOn === undefined) {
      return; // superseded by a newer request or a reset
    }
    const drawn = isAnalyzePageReply(reply) && reply.type === 'analysis-drawn' ? decodedOrUndefined(reply.draw) : undefined;
    if (!isAnalyzePageReply(reply) || reply.type === 'analysis-failed' || (reply.type === 'analysis-drawn' && !drawn)) {
      this.current = undefined;
      this.overlay?.setContent([], { quotes: [], entities: [] });
      this.overlay?.setComments(null);
      this.readerNotes?.clear();
      this.reason = isAnalyzePageReply(reply) && reply.type === 'analysis-failed' ? reply.error : this.t('failureUnknown');
      this.watcher.watch(null); // an article may still appear
      this.setPhase('failed');
      return;
    }
    if (reply.type === 'analysis') {
      const analysed: Analysed = { drawn: drawnOf(reply.analysis), analysis: reply.analysis, snapshot, domNodes: placeOn };
      this.place(analysed);
      void this.askLiveSource(analysed);
      return;
    }
    const analysed: Analysed = { drawn: drawn!, analysis: undefined, snapshot, domNodes: placeOn };
    this.place(analysed);
    await this.fetchDetails(analysed);
  }

  /**
   * The second step: the full analysis behind the drawn one, from the
   * background; if the background was stopped since, the whole analysis again.
   */
  private async fetchDetails(analysed: Analysed): Promise<void> {
    let reply: unknown;
    this.detailsAsked = analysed.drawn;
    try {
      reply = await ext.runtime.sendMessage({ type: 'analysis-details', key: analysed.drawn.key } satisfies AnalysisDetails);
    } catch {
      reply = undefined; // the background was stopping as the message left
    } finally {
      if (this.detailsAsked === analysed.drawn) this.detailsAsked = undefined;
    }
    if (isAnalysisDetailsReply(reply) && reply.type === 'analysis') {
      this.detailsCame(analysed.drawn, reply.analysis);
      return;
    }
    if (this.current?.drawn === analysed.drawn) {
      await this.fetchFullAnalysis(this.current);
    }
  }

  /**
   * The full analysis of `drawn` came: placed if `drawn` is still what the
   * page shows (re-placed on fresh nodes maybe), else dropped.
   */
  private detailsCame(drawn: Drawn, analysis: Analysis): void {
    const current = this.current;
    if (current?.drawn !== drawn || current.analysis) {
      return; // the page was analysed again or reset meanwhile
    }
    current.analysis = analysis;
    this.placeDetails(current);
    void this.askLiveSource(current);
  }

  /** The full analysis of `analysed`'s snapshot, asked for anew (once per analysis until it comes). */
  private async fetchFullAnalysis(analysed: Analysed): Promise<void> {
    if (this.fullAnalysisAsked === analysed.drawn) {
      return;
    }
    this.fullAnalysisAsked = analysed.drawn;
    const reply = await requestAnalysis({ type: 'analyze-page', snapshot: analysed.snapshot, full: true });
    if (this.fullAnalysisAsked === analysed.drawn) {
      this.fullAnalysisAsked = undefined;
    }
    if (isAnalyzePageReply(reply) && reply.type === 'analysis') {
      this.detailsCame(analysed.drawn, reply.analysis);
    }
    // Otherwise the highlights stay; a note opened asks again (overlay.onDetailsWanted).
  }

  /** The full analysis came: the notes, the panel, the reader's notes, the comments and the live source get it. */
  private placeDetails(analysed: Analysed): void {
    const analysis = analysed.analysis;
    const overlay = this.overlay;
    if (!analysis || !overlay) {
      return;
    }
    overlay.setDetails(analysis.claims, { quotes: analysis.quotes, entities: analysis.entities });
    overlay.setComments(placeCommentSection(analysis.comments, analysed.domNodes));
    this.readerNotes?.setPage(analysis, analysed.domNodes).catch((error: unknown) => console.warn('ClaimLens: the notes on this page could not be loaded', error));
    this.report();
  }

  /**
   * The opt-in live source, for a new analysis: the top check-worthy claims
   * are marked as being searched, then get their answers (or failures). The
   * local results are on the page all along.
   */
  private async askLiveSource(analysed: Analysed): Promise<void> {
    if (!this.settings?.liveSource.enabled) {
      return;
    }
    const analysis = analysed.analysis;
    const claims = analysis ? claimsForLive(analysis.claims) : [];
    if (!analysis || claims.length === 0) {
      return;
    }
    const published = analysis.article.published;
    const request: LiveLookupRequest = {
      type: 'live-lookup',
      claims: claims.map((claim) => ({ id: claim.id, text: claim.text })),
      published: published && /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(published) ? published : null,
    };
    for (const claim of claims) {
      claim.live = { state: 'pending', matches: [], received: 0, cached: false };
    }
    this.claimsChanged();
    let reply: unknown;
    for (let attempt = 0; attempt < 2 && reply === undefined; attempt++) {
      try {
        reply = await ext.runtime.sendMessage(request);
      } catch {
        // The background was stopping (an idle event page or service worker) as the message left: once more.
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    }
    if (this.current?.analysis !== analysis) {
      return; // the page was analysed again or reset meanwhile
    }
    const results = isLiveLookupReply(reply) && reply.type === 'live-results' ? new Map(reply.results.map((r) => [r.id, r.lookup])) : undefined;
    for (const claim of claims) {
      const lookup = results?.get(claim.id);
      if (lookup) {
        claim.live = lookup;
      } else {
        delete claim.live; // the live source was turned off meanwhile, or the background could not ask
      }
    }
    this.claimsChanged();
  }

  /** Claims of the current analysis gained data: the open note and the panel show it. */
  private claimsChanged(): void {
    this.overlay?.refreshOpenNote();
    this.report();
  }

  private place(analysed: Analysed): void {
    const firstAnalysis = this.current === undefined;
    this.current = analysed;
    this.reason = undefined;
    const overlay = (this.overlay ??= this.createOverlay());
    this.readerNotes ??= new ReaderNotes(this.doc, overlay, this.t, () => this.report());
    const { drawn, domNodes } = analysed;
    overlay.setContent(placeClaims(drawn, domNodes), { quotes: [], entities: [] });
    if (analysed.analysis) {
      this.placeDetails(analysed);
    } else {
      overlay.setComments(null);
    }
    this.watcher.watch(articleRoot(drawn, domNodes));
    this.setPhase(this.wanted ? 'shown' : 'hidden');
    this.applyVisibility();
    if (firstAnalysis) {
      overlay.announceCount();
    }
  }

  private createOverlay(): ClaimOverlay {
    const overlay = new ClaimOverlay(this.doc, this.t, this.settings!);
    overlay.onDetailsWanted = () => {
      const current = this.current;
      // A note opened while the details are on their way waits for them
      // (they open it); only a lost details message asks for the analysis again.
      if (current && !current.analysis && this.detailsAsked !== current.drawn) void this.fetchFullAnalysis(current);
    };
    return overlay;
  }

  private applyVisibility(): void {
    if (!this.overlay || !this.current) {
      return;
    }
    if (this.wanted && !this.isSwitchedOff()) {
      this.overlay.show();
      this.readerNotes?.setVisible(true);
      this.setPhase('shown');
    } else {
      this.overlay.hide();
      this.readerNotes?.setVisible(false);
      this.setPhase(this.isSwitchedOff() ? 'off' : 'hidden');
    }
  }

  private onSettings(settings: Settings): void {
    const wasOff = this.isSwitchedOff();
    const thresholdChanged = this.settings !== undefined && settings.threshold !== this.settings.threshold;
    this.settings = settings;
    if (thresholdChanged) {
      this.requests.markStale(); // the core decides what is check-worthy at the new threshold: ask it again
    }
    this.overlay?.setFilter(settings);
    if (this.isSwitchedOff()) {
      this.requests.cancel();
      this.watcher.stop();
      this.overlay?.hide();
      this.readerNotes?.setVisible(false);
      this.setPhase('off', true);
      return;
    }
    if (wasOff) {
      if (this.current && !this.requests.isStale()) {
        this.watcher.watch(articleRoot(this.current.drawn, this.current.domNodes));
        this.applyVisibility();
      } else {
        void this.analyse();
      }
      return;
    }
    if (this.requests.isStale()) {
      void this.analyse();
      return;
    }
    this.report(); // the count may have changed
  }

  /** Same-document navigation (history API, Navigation API): the old analysis no longer applies. */
  private listenForNavigation(): void {
    const view = this.doc.defaultView!;
    const onMaybeNavigated = () => {
      const url = withoutHash(this.doc.URL);
      if (url === this.pageUrl) return;
      this.pageUrl = url;
      this.reset();
    };
    const navigation = (view as { navigation?: EventTarget }).navigation;
    navigation?.addEventListener('currententrychange', onMaybeNavigated);
    view.addEventListener('popstate', onMaybeNavigated);
  }

  private reset(): void {
    this.requests.cancel();
    this.current = undefined;
    this.reason = undefined;
    this.overlay?.setContent([], { quotes: [], entities: [] });
    this.overlay?.setComments(null);
    this.readerNotes?.clear();
    if (this.isSwitchedOff()) {
      return;
    }
    this.setPhase('analysing');
    // The new view renders after the URL changes: analyse once the body settles.
    this.watcher.watch(null);
    this.watcher.schedule();
  }

  private isSwitchedOff(): boolean {
    const settings = this.settings;
    return settings !== undefined && (!settings.enabled || settings.sites.never.includes(this.doc.location.hostname));
  }

  private setPhase(phase: OverlayPhase, force = false): void {
    if (phase === this.phase && !force && phase !== 'shown') {
      return;
    }
    this.phase = phase;
    this.report();
  }

  /** Tells the background (badge) and any open claims panel. */
  private report(): void {
    ext.runtime.sendMessage(this.status()).catch(() => {
      // Nobody listening (a Firefox event page between events wakes for messages; a closed panel does not).
    });
  }
}

/**
 * Ranges for each claim. A claim whose text the page has changed since the snapshot is left out,
 * and so is one in a contenteditable region (the reader's own editing is never annotated).
 */
function placeClaims(drawn: Drawn, domNodes: Node[]): PlacedClaim[] {
  const mapper = new RangeMapper(drawn.dom, domNodes);
  const placed: PlacedClaim[] = [];
  for (const claim of drawn.claims) {
    try {
      const ranges = mapper.rangesFor(claim);
      if (ranges.length > 0 && !ranges.some((range) => isEditable(range.startContainer))) {
        placed.push({ claim, ranges });
      }
    } catch (error) {
      console.warn(`ClaimLens: claim ${claim.id} no longer matches the page`, error);
    }
  }
  return placed;
}

/** The element holding all of the article's text. */
function articleRoot(drawn: Drawn, domNodes: Node[]): Element | null {
  const runs = drawn.dom;
  const first = runs.length > 0 ? domNodes[runs[0].node] : undefined;
  const last = runs.length > 0 ? domNodes[runs[runs.length - 1].node] : undefined;
  return first && last && first.isConnected && last.isConnected ? commonAncestor(first, last) : null;
}

function decodedOrUndefined(draw: DrawResult): Drawn | undefined {
  try {
    return decodeDrawResult(draw);
  } catch (error) {
    console.warn('ClaimLens: a malformed draw result', error);
    return undefined;
  }
}

/** Asks the background for an analysis; a message that fails on the way is a failed analysis. */
async function requestAnalysis(message: AnalyzePage): Promise<unknown> {
  try {
    return await ext.runtime.sendMessage(message);
  } catch (error) {
    return { type: 'analysis-failed', error: error instanceof Error ? error.message : String(error) };
  }
}

function isOwnNode(node: Node): boolean {
  const element = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  return element?.localName === OVERLAY_HOST_TAG;
}

function withoutHash(url: string): string {
  const hash = url.indexOf('#');
  return hash < 0 ? url : url.slice(0, hash);
}
