// Colours for the highlights and the legend, from the Okabe–Ito palette
// (distinguishable with the common colour-vision deficiencies), and the
// contrast arithmetic that keeps them readable on light and dark pages.
//
// The two dimensions of a claim are painted separately:
//   claim kind  -> hue: a background tint and the underline's colour;
//   sourcing    -> the underline's style (solid, double, wavy, dashed, dotted),
// so neither depends on colour alone.

import type { SourcingKind } from '../analysis';
import type { StyleKind } from './claim-filter';

export type Rgb = readonly [number, number, number];
export type Theme = 'light' | 'dark';

/** Okabe & Ito (2008), "Color Universal Design". */
const KIND_BASE: Record<StyleKind, Rgb> = {
  quantity: [0x00, 0x72, 0xb2], // blue
  comparison: [0xcc, 0x79, 0xa7], // reddish purple
  event: [0x00, 0x9e, 0x73], // bluish green
  causal: [0xd5, 0x5e, 0x00], // vermillion
  quote: [0x56, 0xb4, 0xe9], // sky blue
  prediction: [0xe6, 0x9f, 0x00], // orange
  rule: [0xf0, 0xe4, 0x42], // yellow
  experience: [0x00, 0x00, 0x00], // black
  other: [0x99, 0x99, 0x99], // grey
};

export const STYLE_KINDS = Object.keys(KIND_BASE) as StyleKind[];

/** `text-decoration` per sourcing: the line style carries the sourcing, the colour the kind. */
export const SOURCING_DECORATION: Record<SourcingKind, string> = {
  named: 'underline solid 2px',
  outlet: 'underline double 3px',
  anonymous: 'underline wavy 1.5px',
  vague: 'underline dashed 2px',
  unattributed: 'underline dotted 2px',
};

/**
 * The page backgrounds each theme is made for, darkest-light and lightest-dark
 * extremes included: tints and underlines are checked against all of them.
 */
export const THEME_BACKGROUNDS: Record<Theme, readonly Rgb[]> = {
  light: [
    [0xff, 0xff, 0xff],
    [0xf4, 0xf1, 0xea],
    [0xe6, 0xe6, 0xe6],
  ],
  dark: [
    [0x00, 0x00, 0x00],
    [0x12, 0x12, 0x12],
    [0x30, 0x30, 0x30],
  ],
};

/** Background tint opacity per theme: strong enough to see, weak enough to keep the page's text readable. */
export const TINT_ALPHA: Record<Theme, number> = { light: 0.2, dark: 0.3 };

/** WCAG 2 non-text contrast for the underline against the page. */
const UNDERLINE_CONTRAST = 3;

/** WCAG relative luminance. */
export function luminance([r, g, b]: Rgb): number {
  const channel = (value: number) => {
    const c = value / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

export function contrast(a: Rgb, b: Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** `top` at opacity `alpha` over `bottom`. */
export function composite(top: Rgb, alpha: number, bottom: Rgb): Rgb {
  return [0, 1, 2].map((i) => Math.round(top[i] * alpha + bottom[i] * (1 - alpha))) as unknown as Rgb;
}

function mix(a: Rgb, b: Rgb, amount: number): Rgb {
  return composite(b, amount, a);
}

/**
 * The kind's colour, darkened (light theme) or lightened (dark theme) in small
 * steps until it stands out from every background of the theme.
 */
function underlineColour(kind: StyleKind, theme: Theme): Rgb {
  const toward: Rgb = theme === 'light' ? [0, 0, 0] : [255, 255, 255];
  const base = KIND_BASE[kind];
  for (let step = 0; step <= 20; step++) {
    const colour = mix(base, toward, step * 0.05);
    if (THEME_BACKGROUNDS[theme].every((bg) => contrast(colour, bg) >= UNDERLINE_CONTRAST)) {
      return colour;
    }
  }
  return toward;
}

/** The tint's colour: on dark pages the kind's colour is lightened a little so the tint is visible at all. */
function tintColour(kind: StyleKind, theme: Theme): Rgb {
  const base = KIND_BASE[kind];
  return theme === 'light' ? base : mix(base, [255, 255, 255], kind === 'experience' ? 0.8 : 0.15);
}

export interface KindColours {
  underline: Rgb;
  tint: Rgb;
  tintAlpha: number;
}

export function kindColours(kind: StyleKind, theme: Theme): KindColours {
  return { underline: underlineColour(kind, theme), tint: tintColour(kind, theme), tintAlpha: TINT_ALPHA[theme] };
}

export function cssRgb([r, g, b]: Rgb, alpha = 1): string {
  return alpha === 1 ? `rgb(${r} ${g} ${b})` : `rgb(${r} ${g} ${b} / ${alpha})`;
}

/** Parses the `rgb(…)` / `rgba(…)` strings getComputedStyle returns; null when fully transparent or unparsable. */
export function parseComputedColour(value: string): { rgb: Rgb; alpha: number } | null {
  const numbers = value.match(/[0-9.]+/g)?.map(Number);
  if (!numbers || numbers.length < 3 || !value.startsWith('rgb')) {
    return null;
  }
  const alpha = numbers.length >= 4 ? numbers[3] : 1;
  return alpha === 0 ? null : { rgb: [numbers[0], numbers[1], numbers[2]], alpha };
}
