// The analysis core (Rust compiled to WebAssembly), loaded once per
// background lifetime on first use: a service worker or event page that only
// wakes for a toolbar click should not compile the module before it needs it.
// The check-worthiness model is a file beside the module (not inside it, for
// the module's size budget) and is part of the core being ready: the core
// refuses to analyse without it.

import initCore, { analyze, load_model } from '../../pkg/claimlens.js';
import type { Analysis, AnalyzeOptions } from '../analysis';
import type { FlatSnapshot } from '../dom/snapshot';
import { ext } from '../platform';

/** The check-worthiness model's file in the extension (extension/build.mjs copies it from assets/). */
export const MODEL_PATH = 'model/checkworthiness.model';

let coreReady: Promise<unknown> | undefined;

export function loadCore(): Promise<unknown> {
  coreReady ??= (async () => {
    const [, model] = await Promise.all([
      initCore({ module_or_path: ext.runtime.getURL('pkg/claimlens_bg.wasm') }),
      fetch(ext.runtime.getURL(MODEL_PATH)).then((response) => {
        if (!response.ok) throw new Error(`the check-worthiness model: HTTP ${response.status}`);
        return response.arrayBuffer();
      }),
    ]);
    load_model(new Uint8Array(model));
  })().catch((error: unknown) => {
    coreReady = undefined; // let the next request try again
    throw error;
  });
  return coreReady;
}

/** Runs the core on a page snapshot. Rejects with the core's message for a page it cannot analyse. */
export async function analyzeSnapshot(snapshot: FlatSnapshot, options: AnalyzeOptions = {}): Promise<Analysis> {
  await loadCore();
  return analyze(snapshot, options) as Analysis;
}
