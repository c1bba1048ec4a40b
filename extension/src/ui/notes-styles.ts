// Styles of the reader's-notes components (notes-editor.ts, notes-list.ts).
// Adopted as a constructed sheet: in the overlay's shadow root (page CSP
// cannot block it, page CSS cannot reach it) and by the extension pages.
// In the overlay they follow its theme (the --cl-* colours of note-styles.ts,
// which track the page's own background); elsewhere the fallbacks apply.

export const NOTES_CSS = `
.notes-section {
  margin-top: 10px;
  padding-top: 8px;
  border-top: 1px solid rgb(127 127 127 / 0.35);
}
.notes-heading {
  margin: 0 0 6px;
  font-size: 13px;
  font-weight: 600;
}
.notes-quote {
  margin: 0 0 8px;
  padding: 2px 0 2px 10px;
  border-inline-start: 3px solid rgb(37 99 235 / 0.7);
  font-style: italic;
  overflow-wrap: anywhere;
}
.notes-body {
  margin: 0 0 6px;
  white-space: pre-wrap;
  overflow-wrap: anywhere;
}
.notes-body-empty {
  font-style: italic;
  opacity: 0.75;
}
.notes-meta {
  margin: 0 0 6px;
  font-size: 12px;
  opacity: 0.8;
}
.notes-orphan-badge {
  display: inline-block;
  margin-inline-start: 6px;
  padding: 0 6px;
  border-radius: 8px;
  background: rgb(180 35 24 / 0.14);
  color: inherit;
  font-size: 12px;
}
.notes-items,
.notes-on-claim {
  margin: 0;
  padding: 0;
  list-style: none;
}
.notes-item {
  margin: 0 0 10px;
  padding: 8px 10px;
  border: 1px solid rgb(127 127 127 / 0.35);
  border-radius: 6px;
}
.notes-on-claim > li {
  margin: 0 0 6px;
}
.notes-page-heading {
  margin: 16px 0 8px;
  font-size: 15px;
  overflow-wrap: anywhere;
}
.notes-page-url {
  margin: -4px 0 8px;
  font-size: 12px;
  overflow-wrap: anywhere;
  opacity: 0.8;
}
.notes-actions {
  display: flex;
  flex-wrap: wrap;
  gap: 6px;
}
.notes-button {
  padding: 3px 10px;
  border: 1px solid rgb(127 127 127 / 0.6);
  border-radius: 4px;
  background: transparent;
  color: inherit;
  font: inherit;
  font-size: 13px;
  cursor: pointer;
}
.notes-button-primary {
  border-color: rgb(37 99 235);
  background: rgb(37 99 235);
  color: #fff;
}
.notes-button:focus-visible,
.notes-textarea:focus-visible {
  outline: 2px solid var(--cl-focus, rgb(37 99 235));
  outline-offset: 2px;
}
.notes-editor {
  display: grid;
  gap: 6px;
  margin: 0;
}
.notes-label {
  font-weight: 600;
  font-size: 13px;
}
.notes-textarea {
  box-sizing: border-box;
  width: min(24rem, 100%);
  min-height: 5em;
  padding: 6px;
  border: 1px solid rgb(127 127 127 / 0.8);
  border-radius: 4px;
  background: transparent;
  color: inherit;
  font: inherit;
  resize: vertical;
}
.notes-status {
  min-height: 1em;
  margin: 0;
  font-size: 12px;
}
.notes-status-error {
  color: var(--cl-error, rgb(180 35 24));
}
.notes-explanation {
  margin: 0 0 8px;
  font-size: 13px;
}
@media (prefers-color-scheme: dark) {
  .notes-status-error {
    color: var(--cl-error, rgb(255 138 128));
  }
}
`;
