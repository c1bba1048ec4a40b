// Styles of the comment-section finding: its marker on the page (in the
// overlay host's shadow root, next to the section's heading) and the finding
// itself, in the popover and in the claims panel. Uses the --cl-* colours of
// whichever sheet it joins (note-styles.ts in the page, panel-styles.ts in the panel).

export const COMMENTS_CSS = `
.comments-marker {
  position: fixed;
  z-index: 2147483646;
  display: inline-flex;
  align-items: center;
  gap: 4px;
  margin: 0;
  padding: 1px 8px;
  border: 1px solid var(--cl-border);
  border-radius: 999px;
  background: var(--cl-bg);
  color: var(--cl-fg);
  font: 12px/1.4 system-ui, -apple-system, "Segoe UI", sans-serif;
  box-shadow: 0 1px 4px rgb(0 0 0 / 0.2);
  cursor: pointer;
  white-space: nowrap;
}
.comments-marker:focus-visible {
  outline: 2px solid var(--cl-focus);
  outline-offset: 2px;
}
.comments-marker-icon { color: var(--cl-accent); font-weight: 700; }
.comments-finding-text { margin: 0 0 8px; }
.comments-caveat {
  margin: 8px 0 0;
  color: var(--cl-muted);
  font-size: 12px;
}
`;
