// The expected analysis of a page as it is now in the browser: its current
// markup, analysed by the native CLI (the snapshot-parity test shows the
// browser's snapshot and html5ever's agree). Used after a page re-renders.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzeWithCli } from './expected-analysis.mjs';
import { HOST_TAG } from './overlay-names.mjs';
import { serializeDomWithoutHost } from './page-probes.mjs';

export async function analyseCurrentDom(page, url) {
  const html = await page.evaluate(serializeDomWithoutHost, HOST_TAG);
  const dir = mkdtempSync(join(tmpdir(), 'claimlens-dom-'));
  try {
    const file = join(dir, 'page.html');
    writeFileSync(file, `<!doctype html>\n${html}`);
    return analyzeWithCli(file, url);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
