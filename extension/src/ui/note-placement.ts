// Where the note goes, as plain geometry (no DOM, so it is unit-tested): never
// over its own claim. Below the claim's last line if the note fits there,
// else above its first line, else beside it, else on the roomier side with
// its height capped (it scrolls inside). On a narrow viewport, or when the
// claim leaves too little room on every side, it becomes a sheet docked to
// the viewport edge away from the claim.

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface Viewport {
  width: number;
  height: number;
}

export type Placement =
  | { mode: 'below' | 'above' | 'right' | 'left'; left: number; top: number; maxHeight: number }
  | { mode: 'sheet-top' | 'sheet-bottom'; left: 0; top: number; width: number; maxHeight: number };

/** Gap between the claim and the note, and between the note and the viewport edge. */
export const GAP_PX = 8;
/** The least height a note is squeezed to beside its claim; with less room it becomes a sheet. */
export const MIN_HEIGHT_PX = 160;
/** At this viewport width and below, the note is always a sheet. */
export const NARROW_VIEWPORT_PX = 480;

/**
 * The note's place for a claim drawn in `boxes` (its client rects, in line
 * order). `size` is the note's width and full height as laid out now;
 * `sheetHeight` its full height at the viewport's width (asked only for a sheet).
 */
export function placeNote(
  boxes: readonly Box[],
  viewport: Viewport,
  size: { width: number; height: number },
  sheetHeight: () => number,
): Placement | undefined {
  const lines = boxes.filter((box) => box.right > box.left && box.bottom > box.top);
  if (lines.length === 0) {
    return undefined;
  }
  const claim = union(lines);
  const last = lines[lines.length - 1];
  const { width, height } = size;
  const fullHeight = viewport.height - 2 * GAP_PX;

  if (viewport.width > NARROW_VIEWPORT_PX) {
    const roomBelow = viewport.height - claim.bottom - 2 * GAP_PX;
    const roomAbove = claim.top - 2 * GAP_PX;
    const alongLine = clamp(last.left, GAP_PX, viewport.width - width - GAP_PX);
    if (height <= roomBelow) {
      return { mode: 'below', left: alongLine, top: Math.max(GAP_PX, claim.bottom + GAP_PX), maxHeight: height };
    }
    if (height <= roomAbove) {
      return { mode: 'above', left: alongLine, top: Math.min(claim.top - GAP_PX - height, viewport.height - GAP_PX - height), maxHeight: height };
    }
    const roomRight = viewport.width - claim.right - 2 * GAP_PX;
    const roomLeft = claim.left - 2 * GAP_PX;
    const besideTop = clamp(claim.top, GAP_PX, viewport.height - Math.min(height, fullHeight) - GAP_PX);
    if (width <= roomRight) {
      return { mode: 'right', left: claim.right + GAP_PX, top: besideTop, maxHeight: Math.min(height, fullHeight) };
    }
    if (width <= roomLeft) {
      return { mode: 'left', left: claim.left - GAP_PX - width, top: besideTop, maxHeight: Math.min(height, fullHeight) };
    }
    if (Math.max(roomBelow, roomAbove) >= MIN_HEIGHT_PX) {
      return roomBelow >= roomAbove
        ? { mode: 'below', left: alongLine, top: claim.bottom + GAP_PX, maxHeight: roomBelow }
        : { mode: 'above', left: alongLine, top: GAP_PX, maxHeight: roomAbove };
    }
  }

  // A sheet on the side with more room, i.e. away from the claim.
  const natural = sheetHeight();
  const roomBelow = viewport.height - Math.max(0, claim.bottom) - GAP_PX;
  const roomAbove = Math.min(viewport.height, claim.top) - GAP_PX;
  if (roomBelow >= roomAbove) {
    const maxHeight = Math.min(natural, Math.max(roomBelow, MIN_HEIGHT_PX), viewport.height);
    return { mode: 'sheet-bottom', left: 0, top: viewport.height - maxHeight, width: viewport.width, maxHeight };
  }
  const maxHeight = Math.min(natural, Math.max(roomAbove, MIN_HEIGHT_PX), viewport.height);
  return { mode: 'sheet-top', left: 0, top: 0, width: viewport.width, maxHeight };
}

export function union(boxes: readonly Box[]): Box {
  return {
    left: Math.min(...boxes.map((box) => box.left)),
    top: Math.min(...boxes.map((box) => box.top)),
    right: Math.max(...boxes.map((box) => box.right)),
    bottom: Math.max(...boxes.map((box) => box.bottom)),
  };
}

function clamp(value: number, low: number, high: number): number {
  return Math.max(low, Math.min(value, Math.max(low, high)));
}
