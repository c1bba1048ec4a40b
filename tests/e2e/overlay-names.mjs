// What the tests look for on a page. These mirror extension/src/ui
// (HIGHLIGHT_NAMES, NOTE_HOST_TAG) on purpose: the tests observe the page
// from outside, as the page itself could, rather than importing the code under test.
import { readFileSync } from 'node:fs';

export const CHECKWORTHY = 'claimlens-checkworthy';
export const OTHER_CLAIMS = 'claimlens-claim';
export const HIGHLIGHT_NAMES = [CHECKWORTHY, OTHER_CLAIMS];
export const HOST_TAG = 'claimlens-note';

/** The English UI strings, to check what the note shows. */
export const MESSAGES = JSON.parse(readFileSync(new URL('../../extension/_locales/en/messages.json', import.meta.url), 'utf8'));
