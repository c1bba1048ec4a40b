// How claims look on the page. `::highlight()` styles are the only way to
// paint Custom Highlight API ranges; the extension injects this sheet with
// scripting.insertCSS (never a <style> in the page) and the playground adopts it.

/** Highlight registry names. Prefixed, because the registry is shared with the page. */
export const HIGHLIGHT_NAMES = {
  checkworthy: 'claimlens-checkworthy',
  claim: 'claimlens-claim',
} as const;

export const HIGHLIGHT_CSS = `
::highlight(${HIGHLIGHT_NAMES.checkworthy}) {
  background-color: rgb(255 208 0 / 0.42);
  text-decoration: underline 2px rgb(196 118 0);
}
::highlight(${HIGHLIGHT_NAMES.claim}) {
  text-decoration: underline dotted 2px rgb(110 110 110);
}
`;
