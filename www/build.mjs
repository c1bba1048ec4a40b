// Builds the playground into www/dist: a static site that any file server can host.
// Needs `npm ci` and the WASM core in www/pkg (scripts/build-wasm.sh).
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const dist = join(here, 'dist');
const WASM = join(here, 'pkg', 'claimlens_bg.wasm');

if (!existsSync(WASM)) {
  console.error(`www/build: ${WASM} is missing; run scripts/build-wasm.sh first`);
  process.exit(1);
}

rmSync(dist, { recursive: true, force: true });
mkdirSync(join(dist, 'pkg'), { recursive: true });
await esbuild.build({
  entryPoints: [join(here, 'src/main.ts')],
  bundle: true,
  format: 'esm',
  target: ['chrome114', 'firefox140'],
  outfile: join(dist, 'app.js'),
  legalComments: 'none',
  logLevel: 'warning',
});
cpSync(WASM, join(dist, 'pkg', 'claimlens_bg.wasm'));
cpSync(join(here, 'index.html'), join(dist, 'index.html'));
cpSync(join(here, 'style.css'), join(dist, 'style.css'));
cpSync(join(here, 'sample'), join(dist, 'sample'), { recursive: true });
// The extension's built-in fact-check pack (assets/factchecks/NOTICE.md credits its source).
mkdirSync(join(dist, 'packs'));
cpSync(join(here, '..', 'assets', 'factchecks', 'politifact.clpack'), join(dist, 'packs', 'politifact.clpack'));
mkdirSync(join(dist, 'encoder'));
cpSync(join(here, '..', 'assets', 'encoder.clenc'), join(dist, 'encoder', 'encoder.clenc'));
mkdirSync(join(dist, 'model'), { recursive: true });
cpSync(join(here, '..', 'assets', 'checkworthiness.model'), join(dist, 'model', 'checkworthiness.model'));
cpSync(join(here, '..', 'extension', 'icons', 'icon-128.png'), join(dist, 'icon-128.png'));
console.log(`www/build: ${dist}`);
