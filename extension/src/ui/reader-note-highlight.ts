// How the reader's own notes show on the page: an overline, so a note on a
// claim stays visible over the claim's background and underline. Injected
// with the claim highlight sheet (scripting.insertCSS).

export const READER_NOTE_HIGHLIGHT = 'claimlens-reader-note';

export const READER_NOTE_HIGHLIGHT_CSS = `
::highlight(${READER_NOTE_HIGHLIGHT}) {
  text-decoration: overline 2px rgb(37 99 235);
}
@media (prefers-color-scheme: dark) {
  ::highlight(${READER_NOTE_HIGHLIGHT}) {
    text-decoration: overline 2px rgb(138 180 248);
  }
}
`;
