// Functions the reader's-notes tests run in a page's main world (serialised
// into the page: each must be self-contained). They read the shared
// highlight registry and the popover's open shadow root, as the page could.

/** Texts of the ranges of the highlights whose names match `pattern`, in document order; null when none is registered. */
export function highlightTexts(pattern) {
  const highlights = [...CSS.highlights].filter(([name]) => new RegExp(pattern).test(name)).map(([, highlight]) => highlight);
  if (highlights.length === 0) return null;
  return highlights
    .flatMap((highlight) => [...highlight])
    .sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b))
    .map((range) => range.toString());
}

/** The ranges of the highlights whose names match `pattern`: their text and whether they sit on nodes in the page. */
export function highlightRanges(pattern) {
  return [...CSS.highlights]
    .filter(([name]) => new RegExp(pattern).test(name))
    .flatMap(([, highlight]) => [...highlight])
    .map((range) => ({ text: range.toString(), connected: range.startContainer.isConnected && range.endContainer.isConnected }));
}

/**
 * Viewport centre of the first element matching `selector` inside the popover
 * host's shadow root, scrolled into view within the note (a long note scrolls
 * inside its popover) as a reader would; null until it is there and visible.
 */
export function centreInPopover([hostTag, selector]) {
  const element = document.querySelector(hostTag)?.shadowRoot?.querySelector(selector);
  if (!element) return null;
  element.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  const box = element.getBoundingClientRect();
  if (box.width === 0 || box.height === 0 || box.top < 0 || box.bottom > innerHeight) return null;
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** What the popover shows of the reader's notes. */
export function popoverNotes(hostTag) {
  const root = document.querySelector(hostTag)?.shadowRoot;
  const note = root?.querySelector('.note');
  return {
    open: note?.matches(':popover-open') ?? false,
    label: note?.getAttribute('aria-label') ?? null,
    notes: [...(root?.querySelectorAll('.notes-on-claim li') ?? [])].map((li) => li.textContent),
    status: root?.querySelector('.notes-status')?.textContent ?? null,
    editorFocused: root?.activeElement?.tagName === 'TEXTAREA',
  };
}

/** The box of the first occurrence of `text` in the page's text nodes (for selecting it with the mouse). */
export function textBox(text) {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = node.data.indexOf(text);
    if (at >= 0) {
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + text.length);
      const box = range.getClientRects()[0];
      return { x: box.x, y: box.y, width: box.width, height: box.height };
    }
  }
  return null;
}

export function selectionText() {
  return document.getSelection()?.toString() ?? '';
}
