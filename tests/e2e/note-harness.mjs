// The note view (extension/src/ui/note-view.ts) bundled for a test page, with
// the English messages: tests render a note from an analysis the core cannot
// produce yet (new contract fields) and read the DOM, in the real browser.
// And the overlay (extension/src/ui/claim-overlay.ts) on its own, driven step
// by step as the content script drives it, so a test can put a reader's click
// between two steps that follow each other within milliseconds in the
// extension (the highlights, then the details; a re-analysis in between).
import * as esbuild from 'esbuild';

const ENTRY = `
import { renderNote } from './extension/src/ui/note-view';
import { translatorFor } from './extension/src/ui/i18n';
import messages from './extension/_locales/en/messages.json';
globalThis.claimlensRenderNote = (claim) => {
  const note = renderNote(document, claim, { quotes: [], entities: [] }, translatorFor(messages), claim.checkworthy);
  document.body.replaceChildren(note);
  return true;
};
`;

const OVERLAY_ENTRY = `
import { ClaimOverlay } from './extension/src/ui/claim-overlay';
import { translatorFor } from './extension/src/ui/i18n';
import { defaultSettings } from './extension/src/settings/schema';
import messages from './extension/_locales/en/messages.json';
const overlay = new ClaimOverlay(document, translatorFor(messages), defaultSettings());
const context = { quotes: [], entities: [] };
/** The Range of \`text\` in the article's text nodes (each claim lies in one). */
function rangeOf(text) {
  const walker = document.createTreeWalker(document.querySelector('article'), NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = node.data.indexOf(text);
    if (at >= 0) {
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + text.length);
      return range;
    }
  }
  throw new Error('not in the article: ' + text);
}
const drawnOnly = ({ note, ...drawn }) => drawn;
globalThis.claimlensOverlay = {
  detailsWanted: 0,
  /** The page (re-)renders its article: fresh nodes with these paragraphs. */
  render(paragraphs) {
    const article = document.createElement('article');
    article.append(...paragraphs.map((text) => Object.assign(document.createElement('p'), { textContent: text })));
    const old = document.querySelector('article');
    if (old) old.replaceWith(article);
    else document.body.append(article);
  },
  /** An analysis's first step: its claims' highlights, without their details (as the draw result gives them). */
  place(claims) {
    overlay.setContent(claims.map((claim) => ({ claim: drawnOnly(claim), ranges: [rangeOf(claim.text)] })), context);
    overlay.show();
  },
  /** Its second step: the full claims. */
  details(claims) {
    overlay.setDetails(claims, context);
  },
  /** Viewport point in the middle of the first line of \`text\`. */
  pointOn(text) {
    const box = rangeOf(text).getClientRects()[0];
    return { x: box.left + Math.min(20, box.width / 2), y: (box.top + box.bottom) / 2 };
  },
};
overlay.onDetailsWanted = () => globalThis.claimlensOverlay.detailsWanted++;
`;

/** Script text that defines `claimlensRenderNote(claim)` in the page it runs in. */
export function noteHarnessScript() {
  return bundle(ENTRY);
}

/**
 * Script text that defines `claimlensOverlay` in the page it runs in: the
 * overlay on the page's <article>, fed claims (see noteClaim) step by step.
 */
export function overlayHarnessScript() {
  return bundle(OVERLAY_ENTRY);
}

async function bundle(contents) {
  const result = await esbuild.build({
    stdin: { contents, resolveDir: new URL('../../', import.meta.url).pathname, loader: 'ts' },
    bundle: true,
    format: 'iife',
    write: false,
    logLevel: 'warning',
  });
  return result.outputFiles[0].text;
}

/** A check-worthy claim with every field the note reads; `overrides` replaces some. */
export function noteClaim(overrides = {}) {
  return {
    id: 'c1',
    start: 0,
    end: 40,
    text: 'Crime in the county rose 40% last year.',
    score: 0.9,
    checkworthy: true,
    kinds: ['quantity', 'other'],
    signals: ['contains a figure'],
    sourcing: { kind: 'unattributed', speaker: null, cue: null, cue_span: null },
    times: [],
    quantities: [],
    matches: [],
    note: { summary: 'A statistical claim.', checks: ['Find the county’s crime figures.'], links: [], fact_check_status: 'none_found', ...(overrides.note ?? {}) },
    ...Object.fromEntries(Object.entries(overrides).filter(([key]) => key !== 'note')),
  };
}
