// Functions the tests run in the page's main world. They only read: the
// page's DOM, its shared highlight registry (the content script's highlights
// are registered in the same per-document registry), and the note popover's
// open shadow root. Each must be self-contained: it is serialised into the page.

/** The page's markup, without the popover host (the one element ClaimLens may add). */
export function serializeDomWithoutHost(hostTag) {
  const clone = document.documentElement.cloneNode(true);
  for (const host of clone.querySelectorAll(hostTag)) {
    host.remove();
  }
  return clone.outerHTML;
}

/** For each highlight name: null if unregistered, else its ranges in document order. */
export function readHighlights(names) {
  const result = {};
  for (const name of names) {
    const highlight = CSS.highlights.get(name);
    if (!highlight) {
      result[name] = null;
      continue;
    }
    const ranges = [...highlight].sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
    result[name] = ranges.map((range) => {
      const container = range.commonAncestorContainer;
      const element = container.nodeType === Node.ELEMENT_NODE ? container : container.parentElement;
      const box = range.getClientRects()[0];
      return {
        text: range.toString(),
        inComments: element.closest('#comments') !== null,
        box: box && { x: box.x, y: box.y, width: box.width, height: box.height },
      };
    });
  }
  return result;
}

/** The popover host(s) and what the note in the first one shows. */
export function readNote(hostTag) {
  const hosts = document.querySelectorAll(hostTag);
  const root = hosts[0]?.shadowRoot;
  const note = root?.querySelector('.note');
  return {
    hosts: hosts.length,
    hostIsChildOfRoot: hosts.length > 0 && hosts[0].parentNode === document.documentElement,
    open: note?.matches(':popover-open') ?? false,
    kind: root?.querySelector('.note-kind')?.textContent ?? null,
    summary: root?.querySelector('.note-summary')?.textContent ?? null,
    links: [...(root?.querySelectorAll('.note-list a') ?? [])].map((a) => a.href),
  };
}

/** Viewport centre of the first element matching `selector`. */
export function centreOf(selector) {
  const box = document.querySelector(selector).getBoundingClientRect();
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}
