// The WebExtension API namespace. Firefox's `browser` and Chrome's MV3
// `chrome` both return promises and share the API surface used here.

import type { Translate } from './ui/i18n';

export const ext: typeof chrome = (globalThis as { browser?: typeof chrome }).browser ?? chrome;

/** The extension's own messages (_locales), through the browser's i18n API. */
export const translate: Translate = (key, substitutions) => ext.i18n.getMessage(key, substitutions);
