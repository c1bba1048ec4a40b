// Loads extension TypeScript modules into node for the unit tests: esbuild
// bundles the entry (and what it imports) into one ES module in a temporary
// directory. No browser APIs are stubbed: a module that needs them is not
// unit-testable here, by design. Also: a claim fixture with every field.
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

/** A claim with every field the contract has; `overrides` replaces some. */
export function claim(overrides = {}) {
  return {
    id: 'c1',
    start: 0,
    end: 10,
    text: 'A claim.',
    score: 0.8,
    checkworthy: true,
    kinds: ['quantity'],
    signals: [],
    sourcing: { kind: 'named', speaker: null, cue: null, cue_span: null },
    times: [],
    quantities: [],
    matches: [],
    note: { summary: 'Summary.', checks: [], links: [] },
    ...overrides,
  };
}
