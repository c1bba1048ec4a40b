// The analysis core (Rust compiled to WebAssembly), loaded once per
// background lifetime on first use: a service worker or event page that only
// wakes for a toolbar click should not compile the module before it needs it.

import initCore, { analyze } from '../../pkg/claimlens.js';
import type { Analysis, AnalyzeOptions } from '../analysis';
import type { FlatSnapshot } from '../dom/snapshot';
import { ext } from '../platform';

let coreReady: Promise<unknown> | undefined;

export function loadCore(): Promise<unknown> {
  coreReady ??= initCore({ module_or_path: ext.runtime.getURL('pkg/claimlens_bg.wasm') }).catch((error: unknown) => {
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
