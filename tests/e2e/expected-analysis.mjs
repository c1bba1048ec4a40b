// The expected result for a page, from the native CLI: html5ever builds its
// snapshot, so agreement with the browser also checks that the DOM
// snapshotter follows the same rules.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Runs `claimlens analyze FILE --format json [--url URL]`. Dev profile: `cargo
 * test` has usually built that binary already. Honours CARGO_TARGET_DIR.
 */
export function analyzeWithCli(htmlFile, url) {
  const urlArgs = url === undefined ? [] : ['--url', url];
  const json = execFileSync(
    'cargo',
    ['run', '--quiet', '--bin', 'claimlens', '--', 'analyze', htmlFile, ...urlArgs, '--format', 'json'],
    { cwd: REPO, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 * 1024 * 1024 },
  );
  return JSON.parse(json);
}

/**
 * The model's default check-worthiness threshold, from the WASM core the
 * extension ships (extension/pkg), rounded to the four places the options page shows.
 */
export async function modelDefaultThreshold() {
  const core = await import(new URL('../../extension/pkg/claimlens.js', import.meta.url).href);
  core.initSync({ module: readFileSync(new URL('../../extension/pkg/claimlens_bg.wasm', import.meta.url)) });
  return Math.round(core.default_threshold() * 10_000) / 10_000;
}
