// The note popover's stylesheet. It lives in the popover's shadow root as a
// constructed sheet: a strict page CSP blocks inline styles, and page CSS
// cannot reach into the shadow root.

export const NOTE_CSS = `
:host {
  all: initial;
}
.note {
  position: absolute;
  inset: auto;
  margin: 0;
  box-sizing: border-box;
  width: max-content;
  max-width: min(26rem, calc(100vw - 16px));
  padding: 12px 14px 10px;
  border: 1px solid rgb(0 0 0 / 0.18);
  border-radius: 8px;
  background: #fffdf7;
  color: #1d1d1f;
  box-shadow: 0 8px 28px rgb(0 0 0 / 0.2);
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif;
  text-align: start;
}
.note-close {
  float: inline-end;
  margin: -6px -8px 0 8px;
  padding: 2px 8px;
  border: 0;
  background: transparent;
  color: inherit;
  font: inherit;
  font-size: 18px;
  line-height: 1;
  cursor: pointer;
}
.note-kind {
  margin: 0 0 6px;
  font-size: 12px;
  font-weight: 600;
  letter-spacing: 0.04em;
  text-transform: uppercase;
  color: #8a5a00;
}
.note-summary,
.note-sourcing {
  margin: 0 0 8px;
}
.note-label {
  font-weight: 600;
}
.note-label::after {
  content: ":";
}
.note-heading {
  margin: 10px 0 4px;
  font-size: 13px;
  font-weight: 600;
}
.note-list {
  margin: 0;
  padding-inline-start: 18px;
}
.note a {
  color: #0b57d0;
}
@media (prefers-color-scheme: dark) {
  .note {
    border-color: rgb(255 255 255 / 0.2);
    background: #23211c;
    color: #f1efe8;
  }
  .note-kind {
    color: #f0b429;
  }
  .note a {
    color: #8ab4f8;
  }
}
`;
