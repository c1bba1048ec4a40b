// The sentence encoder (assets/encoder.clenc: static token vectors distilled
// from all-MiniLM-L6-v2, Apache-2.0), loaded into the core once per
// background lifetime like the built-in fact-check pack: a file that ships
// with the extension, never inside the WASM. Until it loads, or if it cannot,
// the core scores check-worthiness without it (its documented fallback).

import { ext } from '../platform';
import { loadCore, loadEncoderBytes } from './core';
import { markStep } from './timing';

/** The encoder's file in the extension (extension/build.mjs copies it from assets/). */
export const ENCODER_PATH = 'encoder/encoder.clenc';

let ready: Promise<void> | undefined;

/** Loads the encoder into the core once; never rejects (a failure is logged and the analysis goes on without it). */
export function ensureEncoder(): Promise<void> {
  ready ??= (async () => {
    const start = performance.now();
    try {
      // The file is read while the core starts, not after: on a wake-up the first analysis waits for both.
      const [bytes] = await Promise.all([
        fetch(ext.runtime.getURL(ENCODER_PATH)).then((response) => {
          if (!response.ok) throw new Error(`HTTP ${response.status}`);
          return response.arrayBuffer();
        }),
        loadCore(),
      ]);
      loadEncoderBytes(new Uint8Array(bytes));
      markStep('encoder');
      console.info(`ClaimLens: the sentence encoder loaded in ${Math.round(performance.now() - start)} ms`);
    } catch (error) {
      console.warn('ClaimLens: the sentence encoder could not be loaded; check-worthiness scores without it', error);
    }
  })();
  return ready;
}
