// The DOM snapshotter (extension/src/dom/snapshot.ts) against the rules on
// `Snapshot` in src/snapshot/mod.rs, on a minimal stand-in DOM (node has no
// DOM; the snapshotter only reads nodeType, localName, lastChild and previousSibling, attributes (by name),
// textContent and closest). The expectations mirror the native builder's unit
// tests in src/snapshot/html.rs; tests/e2e/data_parity.test.mjs checks the two
// builders against each other on real pages in real browsers.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { importTs } from './load-ts.mjs';

const { takeSnapshot, takeFlatSnapshot, expandSnapshot, sameFlatSnapshot, styleHides, rustTrim, asciiLowerCase, MAX_DEPTH } = await importTs('extension/src/dom/snapshot.ts');

// The snapshotter reads the node-type constants from the global `Node`, as in a browser.
globalThis.Node ??= { ELEMENT_NODE: 1, TEXT_NODE: 3, COMMENT_NODE: 8 };

class FakeText {
  nodeType = 3;
  parentNode = null;
  constructor(data) {
    this.data = data;
  }
}

class FakeComment {
  nodeType = 8;
  parentNode = null;
}

class FakeElement {
  nodeType = 1;
  parentNode = null;
  childNodes = [];
  constructor(localName, attributes = {}) {
    this.localName = localName;
    this.attributes = new Map(Object.entries(attributes));
  }
  append(...children) {
    for (const child of children) {
      const node = typeof child === 'string' ? new FakeText(child) : child;
      node.parentNode = this;
      node.previousSibling = this.childNodes.at(-1) ?? null;
      this.childNodes.push(node);
    }
    return this;
  }
  get lastChild() {
    return this.childNodes.at(-1) ?? null;
  }
  getAttribute(name) {
    return this.attributes.has(name) ? this.attributes.get(name) : null;
  }
  hasAttribute(name) {
    return this.attributes.has(name);
  }
  hasAttributes() {
    return this.attributes.size > 0;
  }
  getAttributeNames() {
    return [...this.attributes.keys()];
  }
  /** Only the type selectors the snapshotter uses. */
  closest(selector) {
    for (let node = this; node; node = node.parentNode) {
      if (node.nodeType === 1 && node.localName === selector) return node;
    }
    return null;
  }
  get textContent() {
    return descendants(this)
      .filter((node) => node.nodeType === 3)
      .map((node) => node.data)
      .join('');
  }
}

/** Pre-order, without recursion (the deep trees below would overflow it). */
function descendants(root) {
  const out = [];
  const stack = [...root.childNodes].reverse();
  while (stack.length > 0) {
    const node = stack.pop();
    out.push(node);
    if (node.childNodes) stack.push(...[...node.childNodes].reverse());
  }
  return out;
}

function fakeDocument(html) {
  return {
    URL: 'https://x.test/a',
    getElementsByTagName: (name) => [html, ...descendants(html)].filter((node) => node.nodeType === 1 && node.localName === name),
  };
}

const el = (tag, attributes, ...children) => new FakeElement(tag, attributes).append(...children);

/** A document whose body holds `children`, and whose head holds `head`. */
function page({ head = [], body = [], lang } = {}) {
  const html = el('html', lang === undefined ? {} : { lang }, el('head', {}, ...head), el('body', {}, ...body));
  return fakeDocument(html);
}

const texts = (snapshot) => snapshot.nodes.filter((node) => node.text !== undefined).map((node) => node.text);
const tags = (snapshot) => snapshot.nodes.filter((node) => node.tag !== undefined).map((node) => node.tag);

/** Depth of every node (root 0), from the parent indices. */
function nodeDepths(snapshot) {
  const depth = [];
  snapshot.nodes.forEach((node, i) => {
    depth[i] = node.p === undefined ? 0 : depth[node.p] + 1;
  });
  return depth;
}

/** Depth of every element node. */
const elementDepths = (snapshot) => nodeDepths(snapshot).filter((_, i) => snapshot.nodes[i].tag !== undefined);

/** A chain of `count` nested elements (div, span, div, ...) under `top`; returns the innermost. */
function nest(top, count, tagAt = (i) => (i % 2 === 0 ? 'div' : 'span')) {
  let current = top;
  for (let i = 0; i < count; i++) {
    const child = new FakeElement(tagAt(i));
    current.append(child);
    current = child;
  }
  return current;
}

describe('takeSnapshot', () => {
  it('builds the body tree and the head metadata (as builds_body_tree_and_head_metadata in html.rs)', () => {
    const doc = page({
      lang: ' en ',
      head: [
        el('title', {}, ' A\n            title '),
        el('meta', { property: 'og:site_name', content: 'Ledger' }),
        el('meta', { charset: 'utf-8' }),
        el('link', { rel: 'canonical' }),
        el('link', { rel: 'alternate CANONICAL', href: 'https://x.test/a' }),
        el('script', { type: ' Application/LD+JSON ' }, '{"@type":"NewsArticle"}'),
        el('script', {}, 'var x = "<p>not text</p>";'),
      ],
      body: [
        el('p', { class: 'lead', id: 'l' }, 'Hello ', el('b', {}, 'world')),
        el('div', { hidden: '' }, 'h'),
        '\n            ',
        el('p', { 'aria-hidden': 'TRUE ' }, 'a'),
        el('p', { style: 'color: red; display: none !important' }, 's'),
        el('p', { 'aria-hidden': 'false' }, 'shown'),
      ],
    });
    const { snapshot, domNodes } = takeSnapshot(doc);
    assert.equal(snapshot.url, 'https://x.test/a');
    assert.equal(snapshot.title, 'A title');
    assert.equal(snapshot.lang, 'en');
    assert.equal(snapshot.canonical, 'https://x.test/a', 'a canonical link without href does not end the search');
    assert.deepEqual(snapshot.meta, [{ key: 'og:site_name', content: 'Ledger' }]);
    assert.deepEqual(snapshot.jsonld, ['{"@type":"NewsArticle"}']);
    assert.deepEqual(snapshot.nodes[0], { tag: 'body' });
    assert.deepEqual(snapshot.nodes[1], { p: 0, tag: 'p', id: 'l', cls: 'lead' });
    assert.deepEqual(texts(snapshot), ['Hello ', 'world', 'h', '\n            ', 'a', 's', 'shown']);
    const hidden = snapshot.nodes.filter((node) => node.tag !== undefined).map((node) => node.hidden === true);
    assert.deepEqual(hidden, [false, false, false, true, true, true, false]);
    assert.equal(domNodes.length, snapshot.nodes.length, 'one DOM node per snapshot node');
  });

  it('keeps head data within its budget: the first item that does not fit and all after it are left out (as cut_snapshot in src/limits.rs)', () => {
    const big = 'x'.repeat(600_000);
    const doc = page({
      head: [
        el('title', {}, 'Title'),
        el('meta', { name: 'description', content: big }),
        el('meta', { name: 'keywords', content: big }), // 1,200,000 units with the one before: does not fit
        el('meta', { name: 'author', content: 'A' }), // would fit, but comes after one that did not
        el('script', { type: 'application/ld+json' }, '{}'),
      ],
      body: [el('p', {}, 'text')],
    });
    const { snapshot } = takeSnapshot(doc);
    assert.equal(snapshot.title, 'Title');
    assert.deepEqual(snapshot.meta.map((m) => m.key), ['description']);
    assert.deepEqual(snapshot.jsonld, []);
    assert.equal(snapshot.truncated, true);
    assert.deepEqual(texts(snapshot), ['text'], 'the body is not affected');

    const small = takeSnapshot(page({ head: [el('meta', { name: 'description', content: big })], body: [el('p', {}, 'text')] })).snapshot;
    assert.equal(small.meta.length, 1);
    assert.equal(small.truncated, undefined, 'a page within the budget is not marked truncated');
  });

  it('skips every subtree the native builder skips, and comments', () => {
    const skipped = ['script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'object', 'embed', 'canvas', 'select', 'textarea', 'input'];
    const doc = page({ body: [...skipped.map((tag) => el(tag, {}, el('p', {}, `in ${tag}`))), new FakeComment(), el('p', {}, 'kept')] });
    const { snapshot } = takeSnapshot(doc);
    assert.deepEqual(tags(snapshot), ['body', 'p']);
    assert.deepEqual(texts(snapshot), ['kept']);
  });

  it('lower-cases tag names as Rust to_ascii_lowercase does, not toLowerCase', () => {
    // U+212A KELVIN SIGN lower-cases to "k" in JavaScript, and stays in Rust.
    const doc = page({ body: [el('X-\u212AELVIN', {}, 'k')] });
    assert.deepEqual(tags(takeSnapshot(doc).snapshot), ['body', 'x-\u212Aelvin']);
  });

  it('takes the first title outside svg, and the html element as root when there is no body', () => {
    const html = el('html', {}, el('svg', {}, el('title', {}, 'icon')), el('title', {}, 'Real'), el('p', {}, 'x'));
    const { snapshot } = takeSnapshot(fakeDocument(html));
    assert.equal(snapshot.title, 'Real');
    assert.deepEqual(tags(snapshot), ['html', 'title', 'p']);
  });

  it('keeps nesting within the depth cap exactly (as nesting_within_the_cap_is_kept_exactly)', () => {
    const body = new FakeElement('body');
    nest(body, MAX_DEPTH).append('deep');
    const { snapshot } = takeSnapshot(fakeDocument(el('html', {}, body)));
    assert.deepEqual(texts(snapshot), ['deep']);
    assert.equal(Math.max(...elementDepths(snapshot)), MAX_DEPTH);
    assert.equal(snapshot.nodes.length, MAX_DEPTH + 2);
  });

  it('unwraps over-deep elements into the element at the cap, keeping their text in order (as over_deep_elements_are_unwrapped_into_the_capped_ancestor)', () => {
    const body = new FakeElement('body');
    const bottom = nest(body, MAX_DEPTH + 50, () => 'div');
    bottom.append(el('p', {}, 'x'), el('p', { hidden: '' }, 'y'));
    bottom.parentNode.append('after');
    const { snapshot, domNodes } = takeSnapshot(fakeDocument(el('html', {}, body)));
    assert.equal(Math.max(...elementDepths(snapshot)), MAX_DEPTH);
    assert.ok(!tags(snapshot).includes('p'), 'the over-deep <p> elements themselves are gone');
    assert.deepEqual(texts(snapshot), ['x', 'y', 'after'], 'their text is not, and adjacent texts stay separate runs');
    const capped = nodeDepths(snapshot).findIndex((depth, i) => depth === MAX_DEPTH && snapshot.nodes[i].tag !== undefined);
    const textParents = snapshot.nodes.filter((node) => node.text !== undefined).map((node) => node.p);
    assert.deepEqual(textParents, [capped, capped, capped], 'all hang from the element at the cap');
    assert.equal(domNodes[snapshot.nodes.findIndex((node) => node.text === 'x')].data, 'x', 'text runs still map to their DOM nodes');
  });

  it('walks a page nested 100,000 deep without overflowing the stack (as hostile_100k_nesting_is_capped_and_keeps_all_text)', () => {
    const body = new FakeElement('body');
    let current = body;
    for (let i = 0; i < 100_000; i++) {
      const child = new FakeElement(i % 2 === 0 ? 'div' : 'span');
      if (i % 10_000 === 0) child.append(`t${i} `);
      current.append(child);
      current = child;
    }
    current.append('bottom');
    body.append(el('p', {}, 'after'));
    const { snapshot } = takeSnapshot(fakeDocument(el('html', {}, body)));
    const all = texts(snapshot).join('');
    assert.ok(all.startsWith('t0 t10000 t20000'), all.slice(0, 40));
    assert.ok(all.endsWith('t90000 bottomafter'), all.slice(-40));
    assert.ok(Math.max(...elementDepths(snapshot)) <= MAX_DEPTH);
    assert.equal(snapshot.nodes.at(-2).p, 0, '<p> is back at the top level');
  });
});

describe('takeFlatSnapshot (the form sent to the WASM, src/snapshot/flat.rs)', () => {
  // The same nodes as the_flat_form_is_the_one_the_dom_snapshotter_writes in src/snapshot/flat.rs.
  const doc = () => page({ body: [el('p', { class: 'lead', id: 'l' }, 'Hello ', el('b', { class: 'lead' }, 'world'))] });

  it('writes the numbers the native to_flat writes: tag names interned, every other string appended', () => {
    const { snapshot, domNodes } = takeFlatSnapshot(doc());
    assert.equal(snapshot.strings, 'bodyplleadHello bleadworld');
    assert.deepEqual(snapshot.lengths, [4, 1, 1, 4, 6, 1, 4, 5]);
    assert.deepEqual(snapshot.records, [0, 0, 0, 1, 2, 3, 2, 3, 2, 9, 2, 10, 2, 6, 4, 15]);
    assert.deepEqual(snapshot.head.nodes, []);
    assert.equal(domNodes.length, 5);
  });

  it('expands to the object snapshot', () => {
    const { snapshot } = takeFlatSnapshot(doc());
    assert.deepEqual(expandSnapshot(snapshot).nodes, [
      { tag: 'body' },
      { p: 0, tag: 'p', id: 'l', cls: 'lead' },
      { p: 1, text: 'Hello ' },
      { p: 1, tag: 'b', cls: 'lead' },
      { p: 3, text: 'world' },
    ]);
  });

  it('reads only the attributes an element has: others change nothing, and tag names differing in case share one string', () => {
    // Issue 22: the walk lists an element's attribute names instead of looking up ten names per element.
    const plain = takeFlatSnapshot(doc()).snapshot;
    const noisy = page({
      body: [el('p', { 'data-x': '1', class: 'lead', width: '3', id: 'l' }, 'Hello ', el('b', { class: 'lead', 'aria-label': 'x' }, 'world'))],
    });
    assert.ok(sameFlatSnapshot(plain, takeFlatSnapshot(noisy).snapshot));
    const mixedCase = page({ body: [el('P', {}, 'a'), el('p', {}, 'b'), el('Svg:Rect', { 'aria-hidden': ' true' }, 'c')] });
    const flat = takeFlatSnapshot(mixedCase).snapshot;
    assert.equal(flat.strings, 'bodypabsvg:rectc', 'one "p" for <P> and <p>');
    assert.deepEqual(expandSnapshot(flat).nodes.map((node) => node.tag ?? node.text), ['body', 'p', 'a', 'p', 'b', 'svg:rect', 'c']);
    assert.deepEqual(expandSnapshot(flat).nodes.map((node) => node.hidden === true), [false, false, false, false, false, true, false]);
  });

  it('tells the same snapshot from a changed one', () => {
    const a = takeFlatSnapshot(doc()).snapshot;
    assert.ok(sameFlatSnapshot(a, takeFlatSnapshot(doc()).snapshot));
    const changed = page({ body: [el('p', { class: 'lead', id: 'l' }, 'Hello ', el('b', { class: 'lead' }, 'World'))] });
    assert.ok(!sameFlatSnapshot(a, takeFlatSnapshot(changed).snapshot));
    const hidden = page({ body: [el('p', { class: 'lead', id: 'l', hidden: '' }, 'Hello ', el('b', { class: 'lead' }, 'world'))] });
    assert.ok(!sameFlatSnapshot(a, takeFlatSnapshot(hidden).snapshot));
  });
});

describe('the snapshot string rules match Rust', () => {
  it('styleHides: display:none and visibility:hidden, case- and !important-insensitive', () => {
    const cases = [
      ['display:none', true],
      ['DISPLAY : NONE', true],
      ['color: red;visibility: hidden !important', true],
      ['display: none!important!important', true],
      ['display: none !IMPORTANT', false],
      ['display: nonex', false],
      ['display', false],
      ['visibility: collapse', false],
      ['', false],
    ];
    for (const [style, hides] of cases) assert.equal(styleHides(style), hides, style);
  });

  it('rustTrim strips Unicode White_Space (U+0085 yes, U+FEFF no)', () => {
    assert.equal(rustTrim('\u0085\u00a0 en\u3000'), 'en');
    assert.equal(rustTrim('\ufeffen'), '\ufeffen');
    assert.equal(rustTrim(' a b '), 'a b');
  });

  it('asciiLowerCase folds A-Z only', () => {
    assert.equal(asciiLowerCase('TRUE \u212A \u0130 \u00c9'), 'true \u212A \u0130 \u00c9');
  });
});
