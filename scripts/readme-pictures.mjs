#!/usr/bin/env node
// Renders the README's pictures into docs/img/ from the built extension, in
// headless Chromium (needs `npm run build:wasm`, `npm run build:extension`,
// /usr/bin/chromium and the CLI, as the e2e tests do):
//   node scripts/readme-pictures.mjs
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '../tests/e2e/drivers/chromium.mjs';
import { analyzeWithCli } from '../tests/e2e/expected-analysis.mjs';
import { SAMPLE_DIR, startTestServer } from '../tests/e2e/page-server.mjs';
import { renderReadmePictures } from '../tests/e2e/readme-pictures.mjs';

const REPO = fileURLToPath(new URL('../', import.meta.url));
const out = join(REPO, 'docs', 'img');
mkdirSync(out, { recursive: true });

const session = { expected: analyzeWithCli(join(SAMPLE_DIR, 'article.html')), server: await startTestServer() };
session.browser = await launchChromium(join(REPO, 'extension', 'dist', 'chrome'), { width: 1280, height: 900 });
const control = await session.browser.open(session.browser.extensionUrl('notes.html'));
session.resetData = () =>
  control.evaluate(async () => {
    await chrome.runtime.sendMessage({ type: 'notes-delete-all' });
    await chrome.storage.local.clear();
    await chrome.storage.sync.clear();
  });
try {
  const paths = await renderReadmePictures(session, out);
  console.log(`readme-pictures: wrote ${paths.note} and ${paths.panel}`);
} finally {
  await control.close();
  await session.browser.close();
  await session.server.close();
}
