// Deterministic zip archives: sorted entries, fixed timestamps, so the same
// build gives byte-identical store packages.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { zipSync } from 'fflate';

/** Earliest date a zip can store; any fixed value would do. */
const FIXED_MTIME = new Date('1980-01-01T00:00:00Z');

export function zipDirectory(dir, zipPath) {
  const entries = {};
  for (const file of listFiles(dir).sort()) {
    const name = relative(dir, file).split(sep).join('/');
    entries[name] = [readFileSync(file), { mtime: FIXED_MTIME, level: 9 }];
  }
  writeFileSync(zipPath, zipSync(entries));
}

function listFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? listFiles(path) : [path];
  });
}
