// Is the page light or dark where the article is? Highlights and the note
// follow what is actually painted behind the text: the first opaque-enough
// background from the article up, else the page's text colour, else the
// canvas (which follows prefers-color-scheme only when the page opts in with
// `color-scheme`).

import { type Rgb, type Theme, composite, contrast, parseComputedColour } from './palette';

const WHITE: Rgb = [255, 255, 255];
const BLACK: Rgb = [0, 0, 0];

function themeOf(colour: Rgb): Theme {
  return contrast(colour, BLACK) >= contrast(colour, WHITE) ? 'light' : 'dark';
}

export function detectPageTheme(doc: Document, near: Element | null): Theme {
  const view = doc.defaultView;
  if (!view) {
    return 'light';
  }
  const layers: { rgb: Rgb; alpha: number }[] = [];
  for (let element: Element | null = near ?? doc.body; element; element = element.parentElement) {
    const background = parseComputedColour(view.getComputedStyle(element).backgroundColor);
    if (background) {
      layers.push(background);
      if (background.alpha >= 0.95) {
        break;
      }
    }
  }
  const opaque = layers.at(-1);
  if (opaque && opaque.alpha >= 0.95) {
    // Composite the translucent layers above it, innermost last.
    const painted = layers.slice(0, -1).reduceRight((below, layer) => composite(layer.rgb, layer.alpha, below), opaque.rgb);
    return themeOf(painted);
  }
  const text = near ? parseComputedColour(view.getComputedStyle(near).color) : null;
  if (text) {
    return themeOf(text.rgb) === 'light' ? 'dark' : 'light'; // light text is written on a dark page
  }
  const scheme = view.getComputedStyle(doc.documentElement).colorScheme ?? '';
  return scheme.includes('dark') && view.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}
