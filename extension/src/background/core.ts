// The one facade over the analysis core (Rust compiled to WebAssembly): every
// call into extension/pkg/claimlens.js goes through here, typed, so no other
// background module imports the WASM glue or casts its answers. (The
// fact-check importer is a separate module: importer.ts.) Loaded once per
// background lifetime on first use: a service worker or event page that only
// wakes for a toolbar click should not compile the module before it needs it.
// The check-worthiness model is a file beside the module (not inside it, for
// the module's size budget) and is part of the core being ready: the core
// refuses to analyse without it.

import initCore, { analysis_details, analyze, analyze_draw, default_threshold, list_packs, load_encoder, load_model, load_pack, remove_pack, version } from '../../pkg/claimlens.js';
import type { Analysis, AnalyzeOptions } from '../analysis';
import type { FlatSnapshot } from '../dom/snapshot';
import { type DrawResult, type DrawResultArrays, drawResultForMessage } from '../draw-result';
import { ext } from '../platform';
import { markStep } from './timing';

/** The check-worthiness model's file in the extension (extension/build.mjs copies it from assets/). */
export const MODEL_PATH = 'model/checkworthiness.model';

let coreReady: Promise<unknown> | undefined;
/** The module is instantiated and its model loaded (`coreReady` has settled well). */
let coreLoaded = false;

export function loadCore(): Promise<unknown> {
  coreReady ??= (async () => {
    const [, model] = await Promise.all([
      initCore({ module_or_path: ext.runtime.getURL('pkg/claimlens_bg.wasm') }).then(() => markStep('instantiated')),
      fetch(ext.runtime.getURL(MODEL_PATH)).then((response) => {
        if (!response.ok) throw new Error(`the check-worthiness model: HTTP ${response.status}`);
        return response.arrayBuffer();
      }),
    ]);
    load_model(new Uint8Array(model));
    coreLoaded = true;
    markStep('core');
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

/**
 * Runs the core on a page snapshot and returns first what the content script
 * draws from (the full analysis stays in the core: `analysisDetails`).
 * Rejects with the core's message for a page it cannot analyse.
 */
export async function analyzeSnapshotForDrawing(snapshot: FlatSnapshot, options: AnalyzeOptions = {}): Promise<DrawResult> {
  await loadCore();
  markStep('analysis-start');
  const draw = analyze_draw(snapshot, options) as DrawResultArrays;
  markStep('analysis-done');
  return drawResultForMessage(draw);
}

/**
 * The full analysis behind draw result `key`, handed over once; undefined when
 * it is gone (taken, pushed out, or this background was started afresh since:
 * then the core is not even loaded, and is not loaded just to find nothing).
 */
export function analysisDetails(key: number): Analysis | undefined {
  return coreReady === undefined || !coreLoaded ? undefined : (analysis_details(key) as Analysis | undefined);
}

/** Loads the sentence encoder's bytes into the (loaded) core; throws the core's message for a bad file. */
export function loadEncoderBytes(bytes: Uint8Array): void {
  load_encoder(bytes);
}

/** Loads a fact-check pack's bytes into the (loaded) core; its raw answer, for packs.ts to check. */
export function loadPackBytes(bytes: Uint8Array): unknown {
  return load_pack(bytes);
}

/** Unloads the pack called `name`; false when none was loaded. */
export function unloadPack(name: string): boolean {
  return remove_pack(name);
}

/** The names of the packs loaded in the core. */
export function loadedPackNames(): string[] {
  return (list_packs() as { name: string }[]).map((pack) => pack.name);
}

/** The core's version and its model's default threshold, rounded to the four places the options page shows. */
export function coreInfo(): { version: string; defaultThreshold: number } {
  return { version: version(), defaultThreshold: Math.round(default_threshold() * 10_000) / 10_000 };
}
