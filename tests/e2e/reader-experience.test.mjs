// The reader's experience on real-page layouts, in both browsers; and the
// README's pictures, rendered in Chromium as scripts/readme-pictures.mjs does.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { ARTIFACTS_DIR, artifactPath } from './artifacts.mjs';
import { launchChromium } from './drivers/chromium.mjs';
import { launchFirefox } from './drivers/firefox.mjs';
import { describeReaderExperience } from './reader-experience-scenario.mjs';
import { PICTURES, renderReadmePictures } from './readme-pictures.mjs';
import { useSession } from './session.mjs';

describe('Chromium', () => {
  const session = useSession(launchChromium, 'chrome');
  describeReaderExperience(session);

  it('renders the README pictures: the article with an open note, and the claims panel', async () => {
    artifactPath(PICTURES.note); // makes the folder
    const paths = await renderReadmePictures(session, ARTIFACTS_DIR);
    for (const path of Object.values(paths)) {
      const png = readFileSync(path);
      assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG', `${path} is a PNG`);
      assert.ok(png.length > 20_000, `${path} has a page in it (${png.length} bytes)`);
    }
  });
});

describe('Firefox', () => {
  describeReaderExperience(useSession(launchFirefox, 'firefox'));
});
