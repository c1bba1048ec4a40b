// Screenshots kept as test artefacts in tests/artifacts/ (gitignored).
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const ARTIFACTS_DIR = fileURLToPath(new URL('../artifacts/', import.meta.url));

export function artifactPath(name) {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  return `${ARTIFACTS_DIR}${name}`;
}
