// One facade over the WASM core: only extension/src/background/core.ts
// imports the analysis module's glue (pkg/claimlens.js), and only
// background/importer.ts the importer module's, so no other module calls
// into the WASM or casts its answers (issue 19, "one typed contract").
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const SRC = fileURLToPath(new URL('../../extension/src/', import.meta.url));

function sources(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.ts$/.test(entry.name) ? [path] : [];
  });
}

function importersOf(glue) {
  const pattern = new RegExp(`from\\s+['"][./]*pkg/${glue}\\.js['"]`);
  return sources(SRC)
    .filter((path) => pattern.test(readFileSync(path, 'utf8')))
    .map((path) => relative(SRC, path).split('\\').join('/'));
}

describe('the WASM facade', () => {
  it('only background/core.ts imports the analysis module', () => {
    assert.deepEqual(importersOf('claimlens'), ['background/core.ts']);
  });

  it('only background/importer.ts imports the importer module', () => {
    assert.deepEqual(importersOf('claimlens_import'), ['background/importer.ts']);
  });
});
