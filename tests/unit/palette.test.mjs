import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { importTs } from './load-ts.mjs';

const palette = await importTs('extension/src/ui/palette.ts');
const { HIGHLIGHT_CSS, claimHighlightName } = await importTs('extension/src/ui/highlight-styles.ts');
const { SOURCING_KINDS } = await importTs('extension/src/settings/schema.ts');

const TEXT = palette.THEME_TEXT;

describe('highlight colours', () => {
  for (const theme of ['light', 'dark']) {
    for (const kind of palette.STYLE_KINDS) {
      it(`${kind} on ${theme} pages: underline visible, text under the tint readable`, () => {
        const { underline, tint, tintAlpha } = palette.kindColours(kind, theme);
        for (const background of palette.THEME_BACKGROUNDS[theme]) {
          assert.ok(palette.contrast(underline, background) >= 3, `underline ${underline} on ${background}`);
          const painted = palette.composite(tint, tintAlpha, background);
          assert.ok(palette.contrast(TEXT[theme], painted) >= 7, `text on ${painted}: ${palette.contrast(TEXT[theme], painted).toFixed(2)}`);
          const byLuminance = palette.contrast(painted, background) >= 1.15;
          const byHue = Math.max(...painted.map((c, i) => Math.abs(c - background[i]))) >= 40;
          assert.ok(byLuminance || byHue, `the tint ${painted} stands out from ${background}`);
        }
      });
    }
  }

  it('are pairwise distinct per theme (no two kinds share a tint)', () => {
    for (const theme of ['light', 'dark']) {
      const tints = palette.STYLE_KINDS.map((kind) => palette.kindColours(kind, theme).tint.join(','));
      assert.equal(new Set(tints).size, tints.length);
    }
  });

  it('the sheet has a rule for every theme, kind and sourcing, using only what ::highlight() accepts', () => {
    for (const theme of ['light', 'dark']) {
      for (const kind of palette.STYLE_KINDS) {
        for (const sourcing of SOURCING_KINDS) {
          assert.ok(HIGHLIGHT_CSS.includes(`::highlight(${claimHighlightName(theme, kind, sourcing)})`));
        }
      }
    }
    const properties = [...HIGHLIGHT_CSS.matchAll(/([a-z-]+)\s*:/g)].map((m) => m[1]).filter((p) => p !== 'highlight');
    assert.deepEqual([...new Set(properties)].sort(), ['background-color', 'color', 'text-decoration']);
    const styles = new Set(SOURCING_KINDS.map((s) => palette.SOURCING_DECORATION[s].split(' ')[1]));
    assert.equal(styles.size, SOURCING_KINDS.length, 'each sourcing has its own underline style');
  });

  it('parses computed colours', () => {
    assert.deepEqual(palette.parseComputedColour('rgb(18, 18, 18)'), { rgb: [18, 18, 18], alpha: 1 });
    assert.deepEqual(palette.parseComputedColour('rgba(0, 0, 0, 0.5)'), { rgb: [0, 0, 0], alpha: 0.5 });
    assert.equal(palette.parseComputedColour('rgba(0, 0, 0, 0)'), null);
    assert.equal(palette.parseComputedColour('transparent'), null);
  });
});

describe('the reader-note highlight', () => {
  it('is an overline visible on every background of its theme, in the same sheet', async () => {
    const styles = await importTs('extension/src/ui/highlight-styles.ts');
    for (const theme of ['light', 'dark']) {
      for (const background of palette.THEME_BACKGROUNDS[theme]) {
        const colour = styles.READER_NOTE_COLOURS[theme];
        assert.ok(palette.contrast(colour, background) >= 3, `${colour} on ${background}`);
      }
      assert.match(styles.HIGHLIGHT_CSS, new RegExp(`::highlight\\(${styles.readerNoteHighlightName(theme)}\\) \\{ text-decoration: overline`));
    }
  });
});
