// Functions the tests run in a page's main world. Most only read: the page's
// DOM, its shared highlight registry (the content script's highlights are
// registered in the same per-document registry), and ClaimLens's open shadow
// root. The rerender functions change the article as the page's own scripts
// would. Each must be self-contained: it is serialised into the page.

/** The page's markup, without the overlay host (the one element ClaimLens may add). */
export function serializeDomWithoutHost(hostTag) {
  const clone = document.documentElement.cloneNode(true);
  for (const host of clone.querySelectorAll(hostTag)) {
    host.remove();
  }
  return clone.outerHTML;
}

/**
 * ClaimLens's claim highlights: every registered `claimlens-<theme>-<kind>-<sourcing>`
 * range in document order, with the style it is drawn in.
 */
export function readClaimHighlights() {
  const ranges = [];
  for (const [name, highlight] of CSS.highlights) {
    const match = /^claimlens-(light|dark)-([a-z]+)-([a-z]+)$/.exec(name);
    if (!match) continue;
    for (const range of highlight) {
      ranges.push({ range, theme: match[1], kind: match[2], sourcing: match[3] });
    }
  }
  ranges.sort((a, b) => a.range.compareBoundaryPoints(Range.START_TO_START, b.range));
  return ranges.map(({ range, theme, kind, sourcing }) => {
    const container = range.commonAncestorContainer;
    const element = container.nodeType === Node.ELEMENT_NODE ? container : container.parentElement;
    const box = range.getClientRects()[0];
    const bounds = range.getBoundingClientRect();
    return {
      text: range.toString(),
      theme,
      kind,
      sourcing,
      connected: range.startContainer.isConnected && range.endContainer.isConnected,
      inComments: element?.closest('#comments') !== null,
      box: box && { x: box.x, y: box.y, width: box.width, height: box.height },
      /** All its line boxes together. */
      bounds: { x: bounds.x, y: bounds.y, width: bounds.width, height: bounds.height },
    };
  });
}

/** Scrolls the first claim highlight whose text is `text` (whitespace aside) to the middle of the viewport, as a reader would. */
export function scrollClaimIntoView(text) {
  const flat = (value) => value.replace(/\s+/g, '');
  for (const [name, highlight] of CSS.highlights) {
    if (!/^claimlens-(light|dark)-[a-z]+-[a-z]+$/.test(name)) continue;
    for (const range of highlight) {
      if (flat(range.toString()) === flat(text)) {
        const node = range.startContainer;
        (node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement).scrollIntoView({ block: 'center' });
        return true;
      }
    }
  }
  return false;
}

/** Texts of the ranges in the named highlights (e.g. the keyboard's current claim, the flash). */
export function readNamedHighlights(pattern) {
  const out = [];
  for (const [name, highlight] of CSS.highlights) {
    if (!new RegExp(pattern).test(name)) continue;
    for (const range of highlight) {
      const box = range.getBoundingClientRect();
      out.push({ name, text: range.toString(), inViewport: box.top >= 0 && box.bottom <= innerHeight });
    }
  }
  return out;
}

/** The overlay host(s) and what the note in the first one shows. */
export function readNote(hostTag) {
  const hosts = document.querySelectorAll(hostTag);
  const root = hosts[0]?.shadowRoot;
  const note = root?.querySelector('.note');
  const labelledBy = note?.getAttribute('aria-labelledby');
  const box = note?.getBoundingClientRect();
  const text = (selector) => root?.querySelector(selector)?.textContent ?? null;
  return {
    hosts: hosts.length,
    hostIsChildOfRoot: hosts.length > 0 && hosts[0].parentNode === document.documentElement,
    open: note?.matches(':popover-open') ?? false,
    role: note?.getAttribute('role') ?? null,
    label: labelledBy ? (root.getElementById(labelledBy)?.textContent ?? null) : null,
    focusInside: hosts.length > 0 && document.activeElement === hosts[0] && note?.contains(root.activeElement) === true,
    activeIsBody: document.activeElement === document.body,
    title: text('.note-title'),
    summary: text('.note-summary'),
    sourcing: text('.note-sourcing'),
    headings: [...(root?.querySelectorAll('.note-heading') ?? [])].map((h) => h.textContent),
    noMatches: text('.note-no-matches'),
    kinds: [...(root?.querySelectorAll('.note-kinds li') ?? [])].map((li) => li.textContent),
    links: [...(root?.querySelectorAll('.note a') ?? [])].map((a) => a.href),
    readerNotes: (() => {
      const mount = root?.querySelector('.note [data-claimlens-mount="reader-notes"]');
      return mount
        ? { add: mount.querySelector('.notes-add')?.textContent ?? null, notes: [...mount.querySelectorAll('.notes-on-claim li')].map((li) => li.textContent) }
        : null;
    })(),
    live: root?.querySelector('[role="status"]')?.textContent ?? null,
    box: box && { top: box.top, left: box.left, bottom: box.bottom, right: box.right },
    viewport: { width: innerWidth, height: innerHeight },
  };
}

/** Viewport centre of the first element matching `selector`. */
export function centreOf(selector) {
  const box = document.querySelector(selector).getBoundingClientRect();
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** What the claims panel shows (in the panel page, or the playground). */
export function readPanel() {
  const panel = document.querySelector('.claims-panel');
  const text = (selector) => panel?.querySelector(selector)?.textContent ?? null;
  return {
    live: text('[role="status"]'),
    status: panel?.querySelector('.panel-status')?.hidden ? '' : text('.panel-status'),
    summaryHidden: panel?.querySelector('.panel-summary')?.hidden ?? true,
    summary: [...(panel?.querySelectorAll('.summary-list > li') ?? [])].map((li) => li.textContent),
    claims: [...(panel?.querySelectorAll('.claim-list .claim') ?? [])].map((button) => ({
      id: button.dataset.claimId,
      text: button.querySelector('.claim-text').textContent,
      score: button.querySelector('.claim-score').textContent,
    })),
    mounts: [...(panel?.querySelectorAll('[data-claimlens-mount]') ?? [])].map((section) => section.dataset.claimlensMount),
    readerNotes: (() => {
      const mount = panel?.querySelector('[data-claimlens-mount="reader-notes"]');
      const bodies = (selector) => [...(mount?.querySelectorAll(selector) ?? [])].map((p) => p.textContent);
      return {
        heading: mount?.querySelector('.notes-count')?.textContent ?? null,
        notes: bodies('.notes-item .notes-body'),
        orphans: bodies('.notes-orphans .notes-item .notes-body'),
      };
    })(),
    enabled: panel?.querySelector('#claimlens-enabled')?.checked ?? null,
    site: text('.site-name'),
    siteMode: panel?.querySelector('input[name="claimlens-site-mode"]:checked')?.value ?? null,
  };
}

/** Centre of an element, for a real click. */
export function centreOfElement(selector) {
  const element = document.querySelector(selector);
  element.scrollIntoView({ block: 'center' });
  const box = element.getBoundingClientRect();
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/**
 * A React-like render that throws the article's nodes away and builds new ones
 * (the page changes its own DOM, as sites do), optionally with a new first paragraph.
 */
export function rerenderArticle(extraParagraph) {
  const article = document.querySelector('article');
  const template = document.createElement('template');
  template.innerHTML = article.outerHTML;
  const fresh = template.content.firstElementChild;
  if (extraParagraph) {
    const paragraph = document.createElement('p');
    paragraph.textContent = extraParagraph;
    fresh.querySelector('.story-body').prepend(paragraph);
  }
  article.replaceWith(fresh);
}

/** Like rerenderArticle, with `text` taken out of the article's text (the page edited a sentence away). */
export function rerenderArticleWithout(text) {
  const fresh = document.querySelector('article').cloneNode(true);
  const walker = document.createTreeWalker(fresh, NodeFilter.SHOW_TEXT);
  let found = false;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const flat = node.data.replace(/\s+/g, ' ');
    if (flat.includes(text)) {
      node.data = flat.replace(text, '');
      found = true;
    }
  }
  if (!found) throw new Error(`"${text}" is not in one text node of the article`);
  document.querySelector('article').replaceWith(fresh);
}

/**
 * Re-renders the article's text (fresh text nodes, the same text, in the same
 * elements) at every pointerdown, before ClaimLens sees the click, until
 * stopRerendering: each click meets replaced text, whatever the machine's
 * load. The elements stay so that a click's mousedown and mouseup share a
 * target (Firefox sends no click when that target was taken out).
 */
export function rerenderOnPointerDown() {
  const rerender = () => {
    const walker = document.createTreeWalker(document.querySelector('article'), NodeFilter.SHOW_TEXT);
    const texts = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) texts.push(node);
    for (const text of texts) text.replaceWith(document.createTextNode(text.data));
  };
  globalThis.claimlensTestRerendering = rerender;
  addEventListener('pointerdown', rerender, true);
  return true;
}

export function stopRerendering() {
  removeEventListener('pointerdown', globalThis.claimlensTestRerendering, true);
  return true;
}
