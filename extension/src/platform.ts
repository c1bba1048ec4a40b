// The WebExtension API namespace. Firefox's `browser` and Chrome's MV3
// `chrome` both return promises and share the API surface used here.

export const ext: typeof chrome = (globalThis as { browser?: typeof chrome }).browser ?? chrome;
