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
  const session = { browser: undefined, server: undefined, expected: undefined, resetData: undefined };
  let control;
  before(async () => {
    session.expected = analyzeWithCli(join(SAMPLE_DIR, 'article.html'));
    assert.ok(session.expected.claims.some((claim) => claim.checkworthy), 'the sample article must have a check-worthy claim');
    session.server = await startTestServer();
    session.browser = await launch(join(EXTENSION_DIST, build), VIEWPORT);
    // An extension page kept open to empty the extension's data between tests: the
    // reader's notes (through the background, which owns their database) and both
    // storage areas, so every test starts from the default settings and no notes.
    // The notes view, because it never reads the settings (so never repairs them).
    control = await session.browser.open(session.browser.extensionUrl('notes.html'));
    session.resetData = () =>
      control.evaluate(async () => {
        const api = globalThis.browser ?? chrome;
        const reply = await api.runtime.sendMessage({ type: 'notes-delete-all' });
        if (reply?.type !== 'notes-ok') throw new Error(`notes-delete-all: ${JSON.stringify(reply)}`);
        await api.storage.local.clear();
        await api.storage.sync.clear();
      });
  });
  after(async () => {
    await control?.close();
    await session.browser?.close();
    await session.server?.close();
  });
  return session;
}
