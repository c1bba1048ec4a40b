// One browser per test file, shared by its suites: launched with the built
// extension loaded, next to the test server and the CLI's expected analysis.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { fileURLToPath } from 'node:url';
import { analyzeWithCli } from './expected-analysis.mjs';
import { SAMPLE_DIR, startTestServer } from './page-server.mjs';

const EXTENSION_DIST = fileURLToPath(new URL('../../extension/dist/', import.meta.url));
const VIEWPORT = { width: 1280, height: 900 };

/**
 * Registers before/after hooks in the enclosing describe; the returned object
 * is filled in by the time its tests run.
 * @param {(extensionDir: string, viewport: object) => Promise<object>} launch a driver from ./drivers
 * @param {'chrome' | 'firefox'} build which extension/dist folder to load
 */
export function useSession(launch, build) {
  const session = { browser: undefined, server: undefined, expected: undefined, resetSettings: undefined };
  let control;
  before(async () => {
    session.expected = analyzeWithCli(join(SAMPLE_DIR, 'article.html'));
    assert.ok(session.expected.claims.some((claim) => claim.checkworthy), 'the sample article must have a check-worthy claim');
    session.server = await startTestServer();
    session.browser = await launch(join(EXTENSION_DIST, build), VIEWPORT);
    // An extension page kept open to put the reader's settings back to the defaults between tests.
    control = await session.browser.open(await session.browser.extensionUrl('panel.html?tab=-1'));
    session.resetSettings = () => control.evaluate(() => (globalThis.browser ?? chrome).storage.local.clear());
  });
  after(async () => {
    await control?.close();
    await session.browser?.close();
    await session.server?.close();
  });
  return session;
}
