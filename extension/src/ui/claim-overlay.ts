// The overlay on one document: the claims' highlights, and the note popover
// that a click on a highlight opens. Shared by the content script and the
// playground. It never changes the page's own nodes: highlights live in the
// document's highlight registry, and the popover in its own host element.

import type { Claim } from '../analysis';
import { itemAtPoint } from '../dom/hit-test';
import { HIGHLIGHT_NAMES } from './highlight-styles';
import type { Translate } from './i18n';
import { NotePopover } from './note-popover';

/** A claim with the DOM Ranges its text occupies. */
export interface PlacedClaim {
  claim: Claim;
  ranges: Range[];
}

export interface OverlayOptions {
  /** Extra content for a claim's note, below it (the reader's notes on the claim, "Add note"). */
  noteExtras?: (claim: Claim) => Node[];
}

export class ClaimOverlay {
  private readonly highlights: Map<string, Highlight>;
  private readonly claimByRange = new Map<AbstractRange, PlacedClaim>();
  private readonly popover: NotePopover;
  private shown = false;

  constructor(
    private readonly doc: Document,
    placed: readonly PlacedClaim[],
    t: Translate,
    private readonly options: OverlayOptions = {},
  ) {
    const checkworthy = new Highlight();
    const other = new Highlight();
    for (const entry of placed) {
      for (const range of entry.ranges) {
        (entry.claim.checkworthy ? checkworthy : other).add(range);
        this.claimByRange.set(range, entry);
      }
    }
    this.highlights = new Map([
      [HIGHLIGHT_NAMES.checkworthy, checkworthy],
      [HIGHLIGHT_NAMES.claim, other],
    ]);
    this.popover = new NotePopover(doc, t);
  }

  /** The page's one popover, for other ClaimLens UI to show content in (the reader's notes). */
  get notePopover(): NotePopover {
    return this.popover;
  }

  get visible(): boolean {
    return this.shown;
  }

  show(): void {
    if (this.shown) {
      return;
    }
    for (const [name, highlight] of this.highlights) {
      CSS.highlights.set(name, highlight);
    }
    // Capture phase, so a page handler that stops propagation cannot hide clicks from us.
    this.doc.addEventListener('click', this.onClick, true);
    this.shown = true;
  }

  hide(): void {
    if (!this.shown) {
      return;
    }
    for (const [name, highlight] of this.highlights) {
      // Delete only our own entry: the registry is shared with the page.
      if (CSS.highlights.get(name) === highlight) {
        CSS.highlights.delete(name);
      }
    }
    this.doc.removeEventListener('click', this.onClick, true);
    this.popover.remove();
    this.shown = false;
  }

  /** Shows a hidden overlay or hides a shown one; returns whether it is now shown. */
  toggle(): boolean {
    if (this.shown) {
      this.hide();
    } else {
      this.show();
    }
    return this.shown;
  }

  /** Opens the note of the claim under a click. The click itself goes on as usual (links still work). */
  private readonly onClick = (event: MouseEvent): void => {
    if (event.button !== 0 || this.popover.isHost(event.target)) {
      return;
    }
    const hit = itemAtPoint(this.doc, event.clientX, event.clientY, this.claimByRange);
    if (!hit) {
      return;
    }
    this.popover.open(hit.claim, lineBoxAt(hit.ranges, event.clientX, event.clientY), this.options.noteExtras?.(hit.claim) ?? []);
  };
}

/** The line box of `ranges` under the point, so a note on a long claim opens by the line clicked. */
function lineBoxAt(ranges: readonly Range[], x: number, y: number): DOMRect {
  const boxes = ranges.flatMap((range) => Array.from(range.getClientRects()));
  const under = boxes.find((box) => x >= box.left && x <= box.right && y >= box.top && y <= box.bottom);
  return under ?? boxes[0] ?? ranges[0].getBoundingClientRect();
}
