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

/** Typical body text on each theme's pages: the tint must keep it at WCAG AAA contrast. */
export const THEME_TEXT: Record<Theme, Rgb> = { light: [0x1b, 0x1b, 0x1b], dark: [0xe8, 0xe6, 0xe1] };

/** Text under a tint keeps at least this contrast (WCAG AAA for body text). */
export const TEXT_CONTRAST = 7;
/** A tint differs at least this much in luminance from the page, so it is seen. */
export const TINT_VISIBILITY = 1.15;
/** For a hue too light to differ in luminance (yellow on white): the opacity that shows it by colour. */
const HUE_ONLY_ALPHA = 0.4;

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

/** The tint's colour: the kind's own, except black, which is lightened to show on dark pages. */
function tintColour(kind: StyleKind, theme: Theme): Rgb {
  const base = KIND_BASE[kind];
  return theme === 'dark' && kind === 'experience' ? mix(base, [255, 255, 255], 0.8) : base;
}

/**
 * The least opacity at which the tint is seen on every background of the
 * theme while the page's text on it stays at AAA contrast.
 */
function tintAlpha(tint: Rgb, theme: Theme): number {
  const fine = (alpha: number) =>
    THEME_BACKGROUNDS[theme].every((bg) => {
      const painted = composite(tint, alpha, bg);
      return contrast(painted, bg) >= TINT_VISIBILITY && contrast(THEME_TEXT[theme], painted) >= TEXT_CONTRAST;
    });
  for (let step = 0; step <= 20; step++) {
    const alpha = 0.1 + step * 0.02;
    if (fine(alpha)) return Math.round(alpha * 100) / 100;
  }
  return HUE_ONLY_ALPHA;
}

export interface KindColours {
  underline: Rgb;
  tint: Rgb;
  tintAlpha: number;
}

export function kindColours(kind: StyleKind, theme: Theme): KindColours {
  const tint = tintColour(kind, theme);
  return { underline: underlineColour(kind, theme), tint, tintAlpha: tintAlpha(tint, theme) };
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
