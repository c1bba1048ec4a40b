// The note view (extension/src/ui/note-view.ts) bundled for a test page, with
// the English messages: tests render a note from an analysis the core cannot
// produce yet (new contract fields) and read the DOM, in the real browser.
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

/** Script text that defines `claimlensRenderNote(claim)` in the page it runs in. */
export async function noteHarnessScript() {
  const result = await esbuild.build({
    stdin: { contents: ENTRY, resolveDir: new URL('../../', import.meta.url).pathname, loader: 'ts' },
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
