// The fact-check importer (a second, smaller WebAssembly module built from
// the same Rust crate: src/wasm/import.rs), loaded once per background
// lifetime and only when needed: to build a pack from a file the reader
// imports, or to read a live lookup's response. Keeping its readers and the
// pack builder out of the analysis module makes the module every page
// analysis waits for smaller and quicker to start.

import initImporter, { build_pack, live_matches } from '../../pkg/claimlens_import.js';
import { ext } from '../platform';

/** The importer's file in the extension (scripts/build-wasm.sh builds it, extension/build.mjs copies it). */
export const IMPORTER_WASM_PATH = 'pkg/claimlens_import_bg.wasm';

let importerReady: Promise<unknown> | undefined;

export function loadImporter(): Promise<unknown> {
  importerReady ??= initImporter({ module_or_path: ext.runtime.getURL(IMPORTER_WASM_PATH) }).catch((error: unknown) => {
    importerReady = undefined; // let the next request try again
    throw error;
  });
  return importerReady;
}

/** The core's build_pack (src/wasm/import.rs), once the importer is loaded; throws what the core throws. */
export async function buildPack(fileName: string, bytes: Uint8Array, meta: { name: string; description: string; source: string; licence: string }): Promise<unknown> {
  await loadImporter();
  return build_pack(fileName, bytes, meta);
}

/** The core's live_matches; call after `loadImporter()` has resolved. */
export function liveMatches(claim: string, body: string, options: { published?: string }): unknown {
  return live_matches(claim, body, options);
}
