// The playground: runs the same WASM core as the extension on the bundled
// fictional sample, a local HTML file (picked or dropped), pasted text or text
// from a shared link, and shows the result with the extension's own
// snapshotter, highlights, notes, filters and claims panel (imported from
// extension/src, never copied), with how long each part took on this device.
// A shared link carries its text in the URL fragment, which browsers never
// send to a server, so sharing keeps the text local-first.

import initCore, { analyze, analyze_text, load_encoder, load_model, load_pack, version } from '../pkg/claimlens.js';
import messages from '../../extension/_locales/en/messages.json';
import type { Analysis, AnalyzeOptions } from '../../extension/src/analysis';
import { takeSnapshot } from '../../extension/src/dom/snapshot';
import { defaultSettings } from '../../extension/src/settings/schema';
import { ClaimOverlay } from '../../extension/src/ui/claim-overlay';
import { HIGHLIGHT_CSS } from '../../extension/src/ui/highlight-styles';
import { applyI18n, translatorFor } from '../../extension/src/ui/i18n';
import { noticeLines } from '../../extension/src/ui/page-wording';
import { PANEL_CSS } from '../../extension/src/ui/panel/panel-styles';
import { ClaimsPanel, downloadText } from '../../extension/src/ui/panel/panel-view';
import { renderArticle, renderComments } from './reader';

const SAMPLE_URL = new URL('sample/article.html', document.baseURI).href;
/** Longest pasted text a share link carries (links get unwieldy well before browsers' limits). */
const SHARE_LIMIT = 20_000;
const t = translatorFor(messages);

const status = byId('status');
const result = byId('result');
/** The playground's settings live in memory: the same shape the extension stores. */
const settings = defaultSettings();
let analysis: Analysis | null = null;
const overlay = new ClaimOverlay(document, t, settings);
const panel = new ClaimsPanel(byId('panel'), t, {
  revealClaim: (claimId) => overlay.reveal(claimId),
  setKind: (kind, shown) => {
    settings.kinds[kind] = shown;
    filtersChanged();
  },
  setSourcing: (kind, shown) => {
    settings.sourcing[kind] = shown;
    filtersChanged();
  },
  exportReport: (markdown, fileName) => downloadText(document, markdown, fileName),
});

function filtersChanged(): void {
  overlay.setFilter(settings);
  updatePanel();
}

function updatePanel(): void {
  panel.update({ phase: analysis ? 'shown' : 'idle', analysis, settings });
}

/** Parses HTML as the browser would (without running it), snapshots it, analyses it and shows the result. */
function analyseHtml(html: string, url: string, label: string): void {
  const page = new DOMParser().parseFromString(html, 'text/html');
  const t0 = performance.now();
  const { snapshot } = takeSnapshot(page, url);
  run(label, () => analyze(snapshot, {}) as Analysis, performance.now() - t0);
}

function analyseText(text: string, published: string, label = t('playgroundPastedLabel')): void {
  const options: AnalyzeOptions = published ? { published } : {};
  run(label, () => analyze_text(text, options) as Analysis, 0);
}

/** Milliseconds with one decimal, as the timings line shows them. */
const millis = (ms: number): string => ms.toFixed(1);

function run(label: string, analyse: () => Analysis, snapshotMs: number): void {
  let next: Analysis;
  const t0 = performance.now();
  try {
    next = analyse();
  } catch (error) {
    showError(t('playgroundCannotAnalyse', [label, error instanceof Error ? error.message : String(error)]));
    return;
  }
  if (next.status === 'no_article' || next.status === 'unsupported_language') {
    showError(t('playgroundCannotAnalyse', [label, t(next.status === 'no_article' ? 'failureNoArticle' : 'failureUnsupportedLanguage')]));
    return;
  }
  const analysisMs = performance.now() - t0;
  const t1 = performance.now();
  show(next, label);
  const highlightsMs = performance.now() - t1;
  byId('timings').textContent = t('playgroundTimings', [
    millis(snapshotMs + analysisMs + highlightsMs),
    millis(snapshotMs),
    millis(analysisMs),
    millis(highlightsMs),
  ]);
}

function show(next: Analysis, label: string): void {
  overlay.hide();
  analysis = next;
  const { article, claims } = next;
  byId('source').textContent = label;
  byId('article-title').textContent = article.title ?? t('reportUntitled');
  byId('article-byline').textContent = [article.byline, article.site, article.published].filter(Boolean).join(' · ');
  const checkworthy = claims.filter((claim) => claim.checkworthy).length;
  byId('summary').textContent =
    t('playgroundCounts', [String(claims.length), String(checkworthy), String(next.quotes.length), String(next.comments.count)]) +
    noticeLines(next, t).map((line) => ` ${line}`).join('');
  const placed = renderArticle(byId('reader'), next);
  overlay.setContent(placed, { quotes: next.quotes, entities: next.entities });
  overlay.setComments(renderComments(byId('comments'), next.comments, t));
  result.hidden = false;
  overlay.show();
  overlay.announceCount();
  updatePanel();
  status.textContent = '';
  status.classList.remove('error');
}

function showError(message: string): void {
  byId('timings').textContent = '';
  overlay.hide();
  analysis = null;
  result.hidden = true;
  status.textContent = message;
  status.classList.add('error');
}

async function analyseSample(): Promise<void> {
  const response = await fetch(SAMPLE_URL);
  if (!response.ok) {
    showError(t('playgroundSampleMissing', [String(response.status)]));
    return;
  }
  analyseHtml(await response.text(), SAMPLE_URL, t('playgroundSampleLabel'));
}

/** The pasted text and date as a link to this page (in the fragment), or null when too long. */
function shareLink(text: string, published: string): string | null {
  if (text.length > SHARE_LIMIT) return null;
  const params = new URLSearchParams({ text });
  if (published) params.set('published', published);
  const url = new URL(document.baseURI);
  url.hash = params.toString();
  return url.href;
}

/** Text and date from a shared link's fragment, or null when the page was opened without one. */
function sharedText(hash: string): { text: string; published: string } | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const text = params.get('text');
  if (!text?.trim()) return null;
  const published = params.get('published') ?? '';
  return { text: text.slice(0, SHARE_LIMIT), published: /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(published) ? published : '' };
}

function share(): void {
  const text = (byId('paste-text') as HTMLTextAreaElement).value;
  const published = (byId('paste-date') as HTMLInputElement).value;
  if (!text.trim()) return;
  const link = shareLink(text, published);
  if (!link) {
    status.textContent = t('playgroundShareTooLong', [String(SHARE_LIMIT)]);
    status.classList.add('error');
    return;
  }
  history.replaceState(null, '', link);
  analyseText(text, published);
  void navigator.clipboard?.writeText(link).catch(() => undefined);
  status.textContent = t('playgroundShared');
}

/** Opens the text of a shared link, if the page was opened with one; true if it did. */
function openShared(): boolean {
  const shared = sharedText(location.hash);
  if (!shared) return false;
  (byId('paste') as HTMLDetailsElement).open = true;
  (byId('paste-text') as HTMLTextAreaElement).value = shared.text;
  (byId('paste-date') as HTMLInputElement).value = shared.published;
  analyseText(shared.text, shared.published, t('playgroundSharedLabel'));
  return true;
}

async function analyseFile(file: File): Promise<void> {
  status.textContent = t('playgroundAnalysingFile', [file.name]);
  // A local file has no web address; the core then relies on the page's own metadata.
  analyseHtml(await file.text(), '', file.name);
}

function byId(id: string): HTMLElement {
  const element = document.getElementById(id);
  if (!element) {
    throw new Error(`playground markup lacks #${id}`);
  }
  return element;
}

/** The extension's next / previous claim shortcuts, here as plain key bindings (Enter opens the note). */
function onKeyDown(event: KeyboardEvent): void {
  if (!event.altKey || !event.shiftKey || event.ctrlKey || event.metaKey) return;
  const direction = event.code === 'KeyJ' ? 1 : event.code === 'KeyK' ? -1 : 0;
  if (direction !== 0) {
    event.preventDefault();
    overlay.step(direction);
  }
}

function enableDrop(zone: HTMLElement): void {
  zone.addEventListener('dragover', (event) => {
    if (!event.dataTransfer?.types.includes('Files')) return;
    event.preventDefault();
    zone.classList.add('dragging');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('dragging'));
  zone.addEventListener('drop', (event) => {
    event.preventDefault();
    zone.classList.remove('dragging');
    const file = event.dataTransfer?.files[0];
    if (file) void analyseFile(file);
  });
}

/** The extension's built-in fact-check pack, so the notes here match the extension's; without it the notes say no pack is loaded. */
async function loadBuiltInPack(): Promise<void> {
  try {
    const response = await fetch(new URL('packs/politifact.clpack', document.baseURI));
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const info = load_pack(new Uint8Array(await response.arrayBuffer())) as { source: string; licence: string };
    byId('pack-credit').textContent = t('playgroundPackCredit', [info.source, info.licence]);
  } catch (error) {
    byId('pack-credit').textContent = t('playgroundPackMissing', [String(error)]);
  }
}

/** The sentence encoder, as the extension's background loads it; without it the core scores check-worthiness with its fallback. */
async function loadEncoder(): Promise<void> {
  try {
    const response = await fetch(new URL('encoder/encoder.clenc', document.baseURI));
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    load_encoder(new Uint8Array(await response.arrayBuffer()));
  } catch (error) {
    console.warn('ClaimLens: the sentence encoder could not be loaded', error);
  }
}

/** The check-worthiness model, a file beside the module as in the extension; the core analyses nothing without it. */
async function loadModel(): Promise<void> {
  const response = await fetch(new URL('model/checkworthiness.model', document.baseURI));
  if (!response.ok) throw new Error(`the check-worthiness model: HTTP ${response.status}`);
  load_model(new Uint8Array(await response.arrayBuffer()));
}

async function start(): Promise<void> {
  applyI18n(document, t);
  status.textContent = t('playgroundLoading');
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(`${HIGHLIGHT_CSS}\n${PANEL_CSS}`);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  await initCore({ module_or_path: new URL('pkg/claimlens_bg.wasm', document.baseURI) });
  byId('core-version').textContent = t('playgroundCoreVersion', [version()]);
  await Promise.all([loadModel(), loadBuiltInPack(), loadEncoder()]);
  byId('load-sample').addEventListener('click', () => void analyseSample());
  const picker = byId('pick-file') as HTMLInputElement;
  picker.addEventListener('change', () => {
    const file = picker.files?.[0];
    if (file) void analyseFile(file);
  });
  byId('analyse-text').addEventListener('click', () => {
    const text = (byId('paste-text') as HTMLTextAreaElement).value;
    if (text.trim()) analyseText(text, (byId('paste-date') as HTMLInputElement).value);
  });
  byId('share-text').addEventListener('click', share);
  enableDrop(byId('drop-zone'));
  document.addEventListener('keydown', onKeyDown);
  window.addEventListener('hashchange', () => void openShared());
  if (!openShared()) {
    await analyseSample();
  }
}

start().catch((error: unknown) => showError(t('playgroundStartFailed', [String(error)])));
