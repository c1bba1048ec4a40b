import { describe } from 'node:test';
import { launchChromium } from './drivers/chromium.mjs';
import { describeExtension } from './extension-scenario.mjs';
import { describeFactChecks } from './factchecks-scenario.mjs';
import { describeReaderNotes } from './notes-scenario.mjs';
import { describeOptions } from './options-scenario.mjs';
import { describePlayground } from './playground-scenario.mjs';
import { useSession } from './session.mjs';
import { describeSnapshotParity } from './snapshot-parity-scenario.mjs';

describe('Chromium', () => {
  const session = useSession(launchChromium, 'chrome');
  describeExtension(session);
  describePlayground(session);
  describeSnapshotParity(session);
  describeReaderNotes(session);
  describeOptions(session);
  describeFactChecks(session);
});
