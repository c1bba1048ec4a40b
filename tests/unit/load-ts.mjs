// Loads extension TypeScript modules into node for the unit tests: esbuild
// bundles the entry (and what it imports) into one ES module in a temporary
// directory. No browser APIs are stubbed: a module that needs them is not
// unit-testable here, by design.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const outDir = mkdtempSync(join(tmpdir(), 'claimlens-unit-'));
let counter = 0;

/** Imports `extension/src/...` (a path relative to the repository root). */
export async function importTs(path) {
  const { outputFiles } = await esbuild.build({
    entryPoints: [join(REPO, path)],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    target: 'node20',
    write: false,
    logLevel: 'warning',
  });
  const file = join(outDir, `module-${counter++}.mjs`);
  writeFileSync(file, outputFiles[0].contents);
  return import(pathToFileURL(file).href);
}
