// The stylesheet of ClaimLens's UI inside the page (the overlay host's shadow
// root): the note popover and the live region. A constructed sheet: a strict
// page CSP blocks inline styles, and page CSS cannot reach into the shadow root.
// Light by default, dark when the reader prefers it or the page is dark.

import { SOURCING_KINDS } from '../settings/schema';
import { COMMENTS_CSS } from './comment-styles';
import { STYLE_KINDS, SOURCING_DECORATION, cssRgb, kindColours } from './palette';

const LIGHT = `
  --cl-bg: #fffdf7;
  --cl-fg: #1d1d1f;
  --cl-muted: #55534e;
  --cl-border: rgb(0 0 0 / 0.18);
  --cl-accent: #7a4d00;
  --cl-link: #0b57d0;
  --cl-focus: #0b57d0;
  --cl-error: rgb(180 35 24);`;

const DARK = `
  --cl-bg: #23211c;
  --cl-fg: #f1efe8;
  --cl-muted: #c9c5ba;
  --cl-border: rgb(255 255 255 / 0.22);
  --cl-accent: #f0b429;
  --cl-link: #8ab4f8;
  --cl-focus: #8ab4f8;
  --cl-error: rgb(255 138 128);`;

/** Kind chips and sourcing labels reuse the highlight colours and underline styles, so the note doubles as a legend. */
function legendRules(selectorFor: (theme: 'light' | 'dark', rule: string) => string): string {
  const rules: string[] = [];
  for (const theme of ['light', 'dark'] as const) {
    for (const kind of STYLE_KINDS) {
      const { underline, tint, tintAlpha } = kindColours(kind, theme);
      rules.push(
        selectorFor(theme, `.kind-${kind} { background: ${cssRgb(tint, tintAlpha)}; box-shadow: inset 0 -2px ${cssRgb(underline)}; }`),
      );
    }
  }
  for (const sourcing of SOURCING_KINDS) {
    rules.push(`.sourcing-${sourcing} { text-decoration: ${SOURCING_DECORATION[sourcing]}; }`);
  }
  return rules.join('\n');
}

/** Shared by the note (in the page) and the claims panel: chips, sourcing samples, screen-reader-only text. */
export function legendCss(hostSelector: string, darkSelector: string): string {
  return legendRules((theme, rule) =>
    theme === 'light' ? `${hostSelector} ${rule}` : `${darkSelector} ${rule}`,
  );
}

export const SR_ONLY_CSS = `
.sr-only {
  position: absolute;
  width: 1px;
  height: 1px;
  margin: -1px;
  padding: 0;
  overflow: hidden;
  clip-path: inset(50%);
  white-space: nowrap;
  border: 0;
}`;

export const NOTE_CSS = `
:host {
  all: initial;
  ${LIGHT}
}
@media (prefers-color-scheme: dark) {
  :host { ${DARK} }
}
:host([data-theme="dark"]) { ${DARK} }
${SR_ONLY_CSS}
.note {
  position: fixed;
  inset: auto;
  margin: 0;
  box-sizing: border-box;
  width: max-content;
  max-width: min(28rem, calc(100vw - 16px));
  max-height: calc(100vh - 16px);
  overflow: auto;
  padding: 12px 14px 10px;
  border: 1px solid var(--cl-border);
  border-radius: 8px;
  background: var(--cl-bg);
  color: var(--cl-fg);
  box-shadow: 0 8px 28px rgb(0 0 0 / 0.25);
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif;
  text-align: start;
}
.note-button {
  position: fixed;
  inset: auto;
  margin: 0;
  padding: 0 6px;
  border: 1px solid var(--cl-border);
  border-radius: 4px;
  background: var(--cl-bg);
  color: var(--cl-accent);
  box-shadow: 0 1px 4px rgb(0 0 0 / 0.2);
  font: 600 12px/18px system-ui, -apple-system, "Segoe UI", sans-serif;
  cursor: pointer;
}
.note-button:focus-visible {
  outline: 2px solid var(--cl-focus);
  outline-offset: 2px;
}
.note:focus { outline: none; }
.note:focus-visible, .note :focus-visible {
  outline: 2px solid var(--cl-focus);
  outline-offset: 2px;
}
.note-close {
  float: inline-end;
  margin: -6px -8px 0 8px;
  padding: 2px 8px;
  border: 0;
  border-radius: 4px;
  background: transparent;
  color: inherit;
  font: inherit;
  font-size: 18px;
  line-height: 1;
  cursor: pointer;
}
.note-title {
  margin: 0 0 2px;
  font-size: 12px;
  font-weight: 700;
  letter-spacing: 0.04em;
  text-transform: uppercase;
  color: var(--cl-accent);
}
.note-score {
  margin: 0 0 6px;
  font-size: 12px;
  color: var(--cl-muted);
}
.note-kinds {
  display: flex;
  flex-wrap: wrap;
  gap: 4px;
  margin: 0 0 8px;
  padding: 0;
  list-style: none;
}
.chip {
  padding: 0 6px;
  border-radius: 3px;
  font-size: 12px;
}
.note-summary,
.note-sourcing,
.note-no-matches {
  margin: 0 0 8px;
}
.note-label { font-weight: 600; }
.note-label::after { content: ":"; }
.note-heading {
  margin: 10px 0 4px;
  font-size: 13px;
  font-weight: 600;
}
.note-list {
  margin: 0;
  padding-inline-start: 18px;
}
.note-quote-kind, .note-match-claim {
  color: var(--cl-muted);
}
.note-ambiguous {
  display: block;
  font-style: italic;
}
.note-match-claim { display: block; }
.note-match-claimant, .note-match-why, .note-attribution-note, .note-related-apart {
  display: block;
  color: var(--cl-muted);
  font-size: 13px;
}
.note-attribution-note { font-style: italic; }
.note-consensus { margin: 6px 0 0; font-weight: 600; }
.note-subheading {
  margin: 8px 0 2px;
  font-size: 12px;
  font-weight: 600;
  color: var(--cl-muted);
}
.note-live-status, .note-live-cached, .note-live-failure { margin: 0 0 4px; }
.note-live-cached { color: var(--cl-muted); font-size: 12px; }
.note-live-failure { color: var(--cl-error); }
.note-related-intro { margin: 0 0 4px; color: var(--cl-muted); font-size: 13px; }
.note-related-item .note-match-claim { color: inherit; }
.note a { color: var(--cl-link); }
${COMMENTS_CSS}
${legendCss(':host', ':host([data-theme="dark"])')}
@media (prefers-color-scheme: dark) {
${legendRules((theme, rule) => (theme === 'dark' ? `:host ${rule}` : '')).replace(/^\n/gm, '')}
}
`;
