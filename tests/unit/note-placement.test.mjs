// The note's placement never covers its own claim and stays inside the
// viewport, for claims of one to several lines anywhere on screen, notes of
// any size, and viewports from phone to desktop.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { importTs } from './load-ts.mjs';
import { seededRandom } from './seeded-random.mjs';

const { GAP_PX, MIN_HEIGHT_PX, NARROW_VIEWPORT_PX, placeNote, union } = await importTs('extension/src/ui/note-placement.ts');

/** The note's rectangle for a placement: `size` laid out normally, `sheetHeight` as a sheet. */
function noteRect(placement, size, sheetHeight) {
  const sheet = placement.mode.startsWith('sheet');
  const width = sheet ? placement.width : size.width;
  const height = Math.min(sheet ? sheetHeight : size.height, placement.maxHeight);
  return { left: placement.left, top: placement.top, right: placement.left + width, bottom: placement.top + height };
}

const intersects = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** Line boxes of a claim that wraps over `lines` lines of a text column. */
function claimLines(column, top, lines, lineHeight, firstIndent, lastWidth) {
  return Array.from({ length: lines }, (_, i) => ({
    left: i === 0 ? column.left + firstIndent : column.left,
    right: i === lines - 1 ? column.left + (i === 0 ? firstIndent : 0) + lastWidth : column.right,
    top: top + i * lineHeight,
    bottom: top + (i + 1) * lineHeight - 4,
  }));
}

describe('note placement', () => {
  it('goes below the claim\'s last line when the note fits there', () => {
    const boxes = claimLines({ left: 100, right: 700 }, 200, 3, 24, 300, 120);
    const placement = placeNote(boxes, { width: 1280, height: 900 }, { width: 420, height: 300 }, () => 0);
    assert.equal(placement.mode, 'below');
    assert.equal(placement.top, union(boxes).bottom + GAP_PX);
    assert.equal(placement.left, 100, 'aligned with the last line');
  });

  it('flips above when there is no room below', () => {
    const boxes = claimLines({ left: 100, right: 700 }, 700, 2, 24, 0, 200);
    const placement = placeNote(boxes, { width: 1280, height: 900 }, { width: 420, height: 300 }, () => 0);
    assert.equal(placement.mode, 'above');
    assert.ok(placement.top + 300 <= union(boxes).top - GAP_PX + 0.5);
  });

  it('goes beside a claim that leaves no room above or below', () => {
    const boxes = claimLines({ left: 40, right: 600 }, 250, 16, 24, 0, 300);
    const placement = placeNote(boxes, { width: 1280, height: 700 }, { width: 420, height: 500 }, () => 0);
    assert.equal(placement.mode, 'right');
  });

  it(`is a sheet on viewports of ${NARROW_VIEWPORT_PX}px and less, docked away from the claim`, () => {
    const nearTop = claimLines({ left: 10, right: 370 }, 60, 3, 22, 0, 100);
    const low = placeNote(nearTop, { width: 390, height: 800 }, { width: 374, height: 400 }, () => 450);
    assert.equal(low.mode, 'sheet-bottom');
    assert.equal(low.width, 390);
    const nearBottom = claimLines({ left: 10, right: 370 }, 650, 3, 22, 0, 100);
    assert.equal(placeNote(nearBottom, { width: 390, height: 800 }, { width: 374, height: 400 }, () => 450).mode, 'sheet-top');
  });

  it('is a sheet when the claim is taller than the room beside it', () => {
    const boxes = claimLines({ left: 20, right: 1000 }, 40, 30, 26, 0, 500);
    const placement = placeNote(boxes, { width: 1024, height: 900 }, { width: 420, height: 400 }, () => 380);
    assert.ok(placement.mode.startsWith('sheet'), placement.mode);
  });

  it('never covers the claim and stays in the viewport (2,000 generated layouts)', () => {
    const random = seededRandom(19);
    let checked = 0;
    for (let run = 0; run < 2000; run++) {
      const viewport = { width: 320 + random.int(1400), height: 480 + random.int(700) };
      const margin = random.int(Math.max(1, viewport.width / 4));
      const column = { left: margin, right: viewport.width - random.int(Math.max(1, viewport.width / 4)) };
      const lineHeight = 18 + random.int(16);
      const lines = 1 + random.int(6);
      const width = column.right - column.left;
      const top = random.int(viewport.height - lines * lineHeight);
      const boxes = claimLines(column, top, lines, lineHeight, random.int(width / 2), 20 + random.int(width / 2));
      const size = { width: Math.min(448, viewport.width - 2 * GAP_PX), height: 120 + random.int(600) };
      const sheetHeight = Math.max(100, size.height - random.int(120));
      const placement = placeNote(boxes, viewport, size, () => sheetHeight);
      const note = noteRect(placement, size, sheetHeight);
      assert.ok(note.left >= 0 && note.top >= 0, JSON.stringify({ run, placement }));
      assert.ok(note.right <= viewport.width + 0.5 && note.bottom <= viewport.height + 0.5, JSON.stringify({ run, placement, note, viewport }));
      const claim = union(boxes);
      // A claim that leaves less than a sheet's least height on both sides cannot be kept clear of.
      const clearable = Math.max(viewport.height - claim.bottom, claim.top) - GAP_PX >= MIN_HEIGHT_PX;
      if (clearable) {
        checked++;
        for (const box of boxes) {
          assert.ok(!intersects(note, box), JSON.stringify({ run, placement, note, box, viewport }));
        }
      }
    }
    assert.ok(checked > 1500, `most layouts leave room for the note (${checked})`);
  });

  it('gives no placement for a claim with no boxes (scrolled out of a collapsed section)', () => {
    assert.equal(placeNote([], { width: 800, height: 600 }, { width: 400, height: 200 }, () => 0), undefined);
  });
});
