// Functions the reader's-experience tests run in the page's main world
// (serialised, so each is self-contained): where a claim is drawn, and where
// ClaimLens's note and "Note" button are, read from its open shadow root.

/**
 * The claim whose text is `text` (whitespace aside), as the claim highlights
 * draw it: its line boxes, and a point on it that is (`onLink`) or is not on a link.
 */
export function readClaim({ text, onLink = false }) {
  const flat = (value) => value.replace(/\s+/g, '');
  const ranges = [];
  for (const [name, highlight] of CSS.highlights) {
    if (!/^claimlens-(light|dark)-[a-z]+-[a-z]+$/.test(name)) continue;
    for (const range of highlight) ranges.push(range);
  }
  ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
  let joined = '';
  const spans = [];
  for (const range of ranges) {
    const piece = flat(range.toString());
    spans.push({ start: joined.length, end: joined.length + piece.length, range });
    joined += piece;
  }
  const start = joined.indexOf(flat(text));
  if (start < 0) return null;
  const end = start + flat(text).length;
  const drawn = spans
    .filter((span) => span.start < end && span.end > start)
    .flatMap((span) => [...span.range.getClientRects()].map((box) => ({ box, range: span.range })))
    .filter(({ box }) => box.width > 0 && box.height > 0);
  let point = null;
  for (const { box, range } of drawn) {
    for (let x = box.left + 3; x < box.right - 2 && !point; x += 6) {
      const y = (box.top + box.bottom) / 2;
      if (x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) continue;
      const hit = document.elementFromPoint(x, y);
      // Only a point where the page's own text is on top: a lingering "Note"
      // button (or anything else layered over the claim) would take the click.
      if (!hit || !range.intersectsNode(hit)) continue;
      if (Boolean(hit.closest('a[href]')) === onLink) point = { x, y };
    }
    if (point) break;
  }
  const boxes = drawn.map(({ box }) => ({ left: box.left, top: box.top, right: box.right, bottom: box.bottom }));
  return { boxes, point, viewport: { width: innerWidth, height: innerHeight } };
}

/** Scrolls so the claim's line boxes end `gap` px above the viewport's bottom (`edge: 'bottom'`) or start `gap` px below its top. */
export function scrollClaimTo({ text, edge, gap }) {
  const flat = (value) => value.replace(/\s+/g, '');
  const ranges = [];
  for (const [name, highlight] of CSS.highlights) {
    if (!/^claimlens-(light|dark)-[a-z]+-[a-z]+$/.test(name)) continue;
    for (const range of highlight) ranges.push(range);
  }
  ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
  const wanted = flat(text);
  let joined = '';
  const mine = [];
  for (const range of ranges) {
    const piece = flat(range.toString());
    const at = joined.length;
    joined += piece;
    mine.push({ at, end: joined.length, range });
  }
  const start = joined.indexOf(wanted);
  const covered = mine.filter((span) => span.at < start + wanted.length && span.end > start);
  if (start < 0 || covered.length === 0) return false;
  const top = Math.min(...covered.map((span) => span.range.getBoundingClientRect().top));
  const bottom = Math.max(...covered.map((span) => span.range.getBoundingClientRect().bottom));
  window.scrollBy({ top: edge === 'bottom' ? bottom - (innerHeight - gap) : top - gap, behavior: 'instant' });
  return true;
}

/** The note and the "Note" button in ClaimLens's shadow root, and where focus is. */
export function readOverlay(hostTag) {
  const host = document.querySelector(hostTag);
  const root = host?.shadowRoot;
  const note = root?.querySelector('.note');
  const button = root?.querySelector('.note-button');
  const rect = (element) => {
    const box = element.getBoundingClientRect();
    return { left: box.left, top: box.top, right: box.right, bottom: box.bottom };
  };
  const noteOpen = note?.matches(':popover-open') ?? false;
  const buttonShown = button?.matches(':popover-open') ?? false;
  let visible = false;
  if (noteOpen) {
    const box = note.getBoundingClientRect();
    visible = document.elementFromPoint(box.left + box.width / 2, box.top + Math.min(20, box.height / 2)) === host;
  }
  const active = document.activeElement;
  return {
    note: noteOpen
      ? {
          rect: rect(note),
          placement: note.dataset.placement ?? null,
          scrollTop: note.scrollTop,
          scrollable: note.scrollHeight > note.clientHeight + 1,
          claimId: note.querySelector('.note-body')?.dataset.claimId ?? null,
          claimText: note.querySelector('.note-body')?.dataset.claimText ?? null,
          focusInside: active === host && note.contains(root.activeElement),
          visible,
        }
      : null,
    button: buttonShown ? { rect: rect(button), label: button.getAttribute('aria-label'), text: button.textContent, focused: active === host && root.activeElement === button } : null,
    active: active === host ? 'claimlens' : active?.tagName === 'A' ? `link:${active.textContent}` : (active?.tagName ?? null),
    viewport: { width: innerWidth, height: innerHeight },
    /** Without the scrollbars. */
    clientWidth: document.documentElement.clientWidth,
  };
}

/** Puts keyboard focus on the page's link whose text is `text`, as Tab would. */
export function focusLink(text) {
  const link = [...document.querySelectorAll('a[href]')].find((a) => a.textContent === text);
  link?.focus();
  return document.activeElement === link;
}

/** Scrolls the open note's content down (the reader read on). */
export function scrollNoteContent(hostTag) {
  const note = document.querySelector(hostTag)?.shadowRoot?.querySelector('.note');
  if (note) note.scrollTop = note.scrollHeight;
  return note?.scrollTop ?? 0;
}

/**
 * Two pointer samples in one frame, as a browser delivers a quick move: the
 * first at `from` (on the page), the last at `to` on ClaimLens's "Note"
 * button. Dispatched here because the input drivers cannot promise that two
 * moves share a frame; a late hit-test of `from` is what this provokes.
 */
export function pointerSamplesInOneFrame({ hostTag, from, to }) {
  const move = (target, point) =>
    target.dispatchEvent(new PointerEvent('pointermove', { bubbles: true, composed: true, clientX: point.x, clientY: point.y, pointerType: 'mouse', isPrimary: true }));
  move(document.elementFromPoint(from.x, from.y) ?? document.body, from);
  move(document.querySelector(hostTag).shadowRoot.querySelector('.note-button'), to);
  return true;
}
