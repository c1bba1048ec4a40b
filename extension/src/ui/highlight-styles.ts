// How claims look on the page. `::highlight()` styles are the only way to
// paint Custom Highlight API ranges, and they accept only colour, background,
// text-decoration and text-shadow. The extension injects this sheet with
// scripting.insertCSS (never a <style> in the page) and the playground adopts it.
//
// One highlight per (theme, kind, sourcing): the theme follows the page's own
// background (see page-theme.ts), the kind sets the hue, the sourcing the
// underline style (palette.ts). The reader's own notes are one more highlight
// per theme: an overline, so a note on a claim stays visible over the claim's
// tint and underline.

import type { SourcingKind } from '../analysis';
import { SOURCING_KINDS } from '../settings/schema';
import type { StyleKind } from './claim-filter';
import { type Rgb, STYLE_KINDS, SOURCING_DECORATION, type Theme, cssRgb, kindColours } from './palette';

export const HIGHLIGHT_PREFIX = 'claimlens-';
const THEMES: readonly Theme[] = ['light', 'dark'];

/** Registry name of the highlight for claims of this kind and sourcing. Prefixed: the registry is shared with the page. */
export function claimHighlightName(theme: Theme, kind: StyleKind, sourcing: SourcingKind): string {
  return `${HIGHLIGHT_PREFIX}${theme}-${kind}-${sourcing}`;
}

/** The claim reached with the keyboard commands (drawn above the claim's own highlight). */
export function currentHighlightName(theme: Theme): string {
  return `${HIGHLIGHT_PREFIX}${theme}-current`;
}

/** The passages the reader's own notes are on. */
export function readerNoteHighlightName(theme: Theme): string {
  return `${HIGHLIGHT_PREFIX}${theme}-readernote`;
}

/** Reader-note overline colours: blue, at ≥ 3:1 against every background of the theme (palette.test). */
export const READER_NOTE_COLOURS: Record<Theme, Rgb> = { light: [0x25, 0x63, 0xeb], dark: [0x8a, 0xb4, 0xf8] };

/** The brief flash when the panel scrolls to a claim or a note. */
export const FLASH_HIGHLIGHT_NAME = `${HIGHLIGHT_PREFIX}flash`;

function buildCss(): string {
  const rules: string[] = [];
  for (const theme of THEMES) {
    for (const kind of STYLE_KINDS) {
      const { underline, tint, tintAlpha } = kindColours(kind, theme);
      for (const sourcing of SOURCING_KINDS) {
        rules.push(
          `::highlight(${claimHighlightName(theme, kind, sourcing)}) { background-color: ${cssRgb(tint, tintAlpha)}; ` +
            `text-decoration: ${SOURCING_DECORATION[sourcing]} ${cssRgb(underline)}; }`,
        );
      }
    }
    const focus = theme === 'light' ? 'rgb(0 0 0)' : 'rgb(255 255 255)';
    rules.push(`::highlight(${currentHighlightName(theme)}) { text-decoration: underline overline 3px solid ${focus}; }`);
    rules.push(`::highlight(${readerNoteHighlightName(theme)}) { text-decoration: overline 2px ${cssRgb(READER_NOTE_COLOURS[theme])}; }`);
  }
  // Black on Okabe–Ito yellow reads on any page, light or dark.
  rules.push(`::highlight(${FLASH_HIGHLIGHT_NAME}) { background-color: rgb(240 228 66); color: rgb(0 0 0); }`);
  return rules.join('\n');
}

export const HIGHLIGHT_CSS = buildCss();
