// The playground: runs the same WASM core as the extension on the bundled
// fictional sample or on a local HTML file, and shows the result with the
// extension's own snapshotter, highlights and notes.

import initCore, { analyze, version } from '../pkg/claimlens.js';
import messages from '../../extension/_locales/en/messages.json';
import type { Analysis } from '../../extension/src/analysis';
import { takeSnapshot } from '../../extension/src/dom/snapshot';
import { ClaimOverlay } from '../../extension/src/ui/claim-overlay';
import { HIGHLIGHT_CSS } from '../../extension/src/ui/highlight-styles';
import { translatorFor } from '../../extension/src/ui/i18n';
import { renderArticle } from './reader';

const SAMPLE_URL = new URL('sample/article.html', document.baseURI).href;
const translate = translatorFor(messages);

const status = byId('status');
const result = byId('result');
let overlay: ClaimOverlay | undefined;

/** Parses HTML as the browser would (without running it), snapshots it, analyses it and shows the result. */
function analyseHtml(html: string, url: string, label: string): void {
  const page = new DOMParser().parseFromString(html, 'text/html');
  const { snapshot } = takeSnapshot(page, url);
  let analysis: Analysis;
  try {
    analysis = analyze(snapshot, {}) as Analysis;
  } catch (error) {
    showError(`Could not analyse ${label}: ${error instanceof Error ? error.message : String(error)}`);
    return;
  }
  if (analysis.status === 'no_article' || analysis.status === 'unsupported_language') {
    showError(`Could not analyse ${label}: ${translate(analysis.status === 'no_article' ? 'failureNoArticle' : 'failureUnsupportedLanguage')}.`);
    return;
  }
  show(analysis, label);
}

function show(analysis: Analysis, label: string): void {
  overlay?.hide();
  const { article, claims } = analysis;
  byId('source').textContent = label;
  byId('article-title').textContent = article.title ?? '(no title)';
  byId('article-byline').textContent = [article.byline, article.site, article.published].filter(Boolean).join(' · ');
  const checkworthy = claims.filter((claim) => claim.checkworthy).length;
  byId('summary').textContent =
    `${claims.length} claims, ${checkworthy} check-worthy; ${analysis.quotes.length} quotes; ` +
    `${analysis.comments.count} comments left out.` + (analysis.notices.length ? ` ${analysis.notices.join(' ')}` : '');
  const placed = renderArticle(byId('reader'), analysis);
  overlay = new ClaimOverlay(document, placed, translate);
  overlay.show();
  result.hidden = false;
  status.textContent = '';
  status.classList.remove('error');
}

function showError(message: string): void {
  overlay?.hide();
  result.hidden = true;
  status.textContent = message;
  status.classList.add('error');
}

async function analyseSample(): Promise<void> {
  const response = await fetch(SAMPLE_URL);
  if (!response.ok) {
    showError(`Could not load the sample article (HTTP ${response.status}).`);
    return;
  }
  analyseHtml(await response.text(), SAMPLE_URL, 'Sample article (fictional)');
}

async function analyseFile(file: File): Promise<void> {
  status.textContent = `Analysing ${file.name}…`;
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

async function start(): Promise<void> {
  const highlightSheet = new CSSStyleSheet();
  highlightSheet.replaceSync(HIGHLIGHT_CSS);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, highlightSheet];
  await initCore({ module_or_path: new URL('pkg/claimlens_bg.wasm', document.baseURI) });
  byId('core-version').textContent = `Analysis core ${version()}.`;
  byId('load-sample').addEventListener('click', () => void analyseSample());
  const picker = byId('pick-file') as HTMLInputElement;
  picker.addEventListener('change', () => {
    const file = picker.files?.[0];
    if (file) {
      void analyseFile(file);
    }
  });
  await analyseSample();
}

start().catch((error: unknown) => showError(`The playground failed to start: ${String(error)}`));
