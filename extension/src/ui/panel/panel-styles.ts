// The claims panel's stylesheet, adopted as a constructed sheet by the
// extension's panel page and by the playground. Follows prefers-color-scheme.

import { SOURCING_KINDS } from '../../settings/schema';
import { STYLE_KINDS, SOURCING_DECORATION, cssRgb, kindColours } from '../palette';
import { SR_ONLY_CSS } from '../note-styles';

function swatches(theme: 'light' | 'dark'): string {
  return STYLE_KINDS.map((kind) => {
    const { underline, tint, tintAlpha } = kindColours(kind, theme);
    return `.claims-panel .kind-${kind} { background: ${cssRgb(tint, tintAlpha)}; box-shadow: inset 0 -2px ${cssRgb(underline)}; }`;
  }).join('\n');
}

export const PANEL_CSS = `
.claims-panel {
  --cp-fg: #1d1d1f;
  --cp-muted: #55534e;
  --cp-border: rgb(0 0 0 / 0.15);
  --cp-raise: #ffffff;
  --cp-hover: #f1ede3;
  --cp-accent: #1f3a5f;
  --cp-focus: #0b57d0;
  color: var(--cp-fg);
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif;
}
@media (prefers-color-scheme: dark) {
  .claims-panel {
    --cp-fg: #f1efe8;
    --cp-muted: #c9c5ba;
    --cp-border: rgb(255 255 255 / 0.2);
    --cp-raise: #2a2823;
    --cp-hover: #36332c;
    --cp-accent: #a8c7fa;
    --cp-focus: #8ab4f8;
  }
}
${SR_ONLY_CSS}
.claims-panel h1 { margin: 0; font-size: 18px; color: var(--cp-accent); }
.claims-panel h2 { margin: 16px 0 6px; font-size: 15px; }
.claims-panel :focus-visible { outline: 2px solid var(--cp-focus); outline-offset: 2px; }
.claims-panel .panel-header { display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: center; justify-content: space-between; }
.claims-panel fieldset { margin: 8px 0; padding: 6px 10px 8px; border: 1px solid var(--cp-border); border-radius: 6px; }
.claims-panel legend { padding: 0 4px; font-weight: 600; }
.claims-panel .site-modes label, .claims-panel .filter { display: inline-flex; gap: 4px; align-items: center; margin: 2px 12px 2px 0; }
.claims-panel .site-name { font-weight: 400; font-family: ui-monospace, monospace; }
.claims-panel .panel-status { margin: 10px 0; color: var(--cp-muted); }
.claims-panel .summary-list { margin: 0; padding-inline-start: 18px; }
.claims-panel .summary-list ul { margin: 2px 0; padding-inline-start: 18px; color: var(--cp-muted); }
.claims-panel button {
  font: inherit;
  color: inherit;
  cursor: pointer;
}
.claims-panel .export {
  margin-top: 8px;
  padding: 4px 12px;
  border: 1px solid var(--cp-accent);
  border-radius: 6px;
  background: var(--cp-raise);
  color: var(--cp-accent);
}
.claims-panel .claim-list { margin: 0; padding: 0; list-style: none; }
.claims-panel .claim-list li { margin: 0 0 6px; }
.claims-panel .claim {
  display: block;
  width: 100%;
  padding: 6px 8px;
  border: 1px solid var(--cp-border);
  border-radius: 6px;
  background: var(--cp-raise);
  text-align: start;
}
.claims-panel .claim:hover { background: var(--cp-hover); }
.claims-panel .claim-meta { display: flex; flex-wrap: wrap; gap: 4px 8px; align-items: baseline; font-size: 12px; }
.claims-panel .claim-score { font-weight: 700; }
.claims-panel .claim-text {
  display: -webkit-box;
  margin-top: 2px;
  overflow: hidden;
  -webkit-box-orient: vertical;
  -webkit-line-clamp: 3;
}
.claims-panel .chip, .claims-panel .swatch { padding: 0 6px; border-radius: 3px; }
${SOURCING_KINDS.map((kind) => `.claims-panel .sourcing-${kind} { text-decoration: ${SOURCING_DECORATION[kind]}; }`).join('\n')}
${swatches('light')}
@media (prefers-color-scheme: dark) {
${swatches('dark')}
}
`;
