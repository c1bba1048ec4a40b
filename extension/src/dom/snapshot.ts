// The DOM snapshotter: a Document -> the Snapshot wire format of src/snapshot/mod.rs,
// written directly in the flat form the WASM takes (src/snapshot/flat.rs).
//
// It must follow the rules listed on `Snapshot` exactly as the native builder
// (src/snapshot/html.rs) does, so one page gives one snapshot either way.
// Used by the content script on the live page and by the playground on
// documents parsed with DOMParser.

import { MAX_HEAD_UNITS, MAX_NODES, MAX_TEXT_UNITS, prefixOfUnits } from './limits';

export interface SnapshotNode {
  /** Index of the parent element; absent only for the root. */
  p?: number;
  /** Lower-case tag name (elements only). */
  tag?: string;
  /** The text node's data, verbatim (text nodes only). */
  text?: string;
  id?: string;
  cls?: string;
  role?: string;
  hidden?: boolean;
  href?: string;
  itemprop?: string;
  rel?: string;
  datetime?: string;
}

export interface MetaTag {
  key: string;
  content: string;
}

export interface Snapshot {
  url: string;
  title: string;
  lang: string | null;
  canonical: string | null;
  meta: MetaTag[];
  jsonld: string[];
  nodes: SnapshotNode[];
  /** Set when the walk stopped at the page-size limits (./limits.ts): `nodes` is then a prefix of the page. */
  truncated?: boolean;
}

export interface TakenSnapshot {
  snapshot: Snapshot;
  /** The DOM node behind each `snapshot.nodes[i]`, to map analysis offsets back to the page. */
  domNodes: Node[];
}

/**
 * A snapshot as it crosses to the WASM (src/snapshot/flat.rs): the page-level
 * fields, and the nodes as one string table and one array of numbers, which
 * cost two copies to pass instead of one object per node. The WASM `analyze`
 * takes this or a `Snapshot`.
 */
export interface FlatSnapshot {
  /** url, title, lang, canonical, meta, jsonld, truncated; `nodes` is empty. */
  head: Snapshot;
  /** Every string of the nodes, concatenated. */
  strings: string;
  /** The length of each string in `strings`, in order. */
  lengths: number[];
  /** Per text node: parent + 1, text << 1 | 1. Per element: parent + 1 (0: the root), tag << 1, field mask, one string per set bit of FLAT_FIELDS. */
  records: number[];
}

export interface TakenFlatSnapshot {
  snapshot: FlatSnapshot;
  /** The DOM node behind each node of the snapshot, in order. */
  domNodes: Node[];
}

/** The element fields of the flat form, in mask-bit order (bit 0 first); same as FIELD_BITS in src/snapshot/flat.rs. */
const FLAT_FIELDS = ['id', 'cls', 'role', 'href', 'itemprop', 'rel', 'datetime'] as const;
/** The mask bit of `hidden`; same as HIDDEN_BIT in src/snapshot/flat.rs. */
const HIDDEN_BIT = 1 << 7;

/**
 * Builds the flat node form: tag names are interned (one string per distinct
 * tag), every other string is appended where it is met (as `to_flat` in
 * src/snapshot/flat.rs). Plain loops and no per-node closures or arrays: this
 * runs once per node of the page.
 */
class FlatWriter {
  readonly parts: string[] = [];
  readonly lengths: number[] = [];
  readonly records: number[] = [];
  /** Tag names (ASCII lower-cased, as the native builder does) and where they are. */
  private readonly tags = new Map<string, number>();
  /** The same by the element's localName, so each distinct name is lower-cased once per walk. */
  private readonly localNames = new Map<string, number>();

  private append(s: string): number {
    this.parts.push(s);
    this.lengths.push(s.length);
    return this.lengths.length - 1;
  }

  text(parent: number, data: string): void {
    this.records.push(parent + 1);
    this.records.push((this.append(data) << 1) | 1);
  }

  /** `values[bit]` for the FLAT_FIELDS, null where absent. */
  element(parent: number | undefined, localName: string, values: readonly (string | null)[], hidden: boolean): void {
    let tagIndex = this.localNames.get(localName);
    if (tagIndex === undefined) {
      const tag = asciiLowerCase(localName);
      tagIndex = this.tags.get(tag) ?? this.append(tag);
      this.tags.set(tag, tagIndex);
      this.localNames.set(localName, tagIndex);
    }
    const records = this.records;
    records.push(parent === undefined ? 0 : parent + 1);
    records.push(tagIndex << 1);
    let mask = hidden ? HIDDEN_BIT : 0;
    for (let bit = 0; bit < FLAT_FIELDS.length; bit++) {
      if (values[bit] !== null) mask |= 1 << bit;
    }
    records.push(mask);
    for (let bit = 0; bit < FLAT_FIELDS.length; bit++) {
      const value = values[bit];
      if (value !== null) records.push(this.append(value));
    }
  }
}

/** The nodes of a flat snapshot as objects (what `takeSnapshot` returns; the playground and tests use it). */
export function expandSnapshot(flat: FlatSnapshot): Snapshot {
  const strings: string[] = [];
  let at = 0;
  for (const length of flat.lengths) {
    strings.push(flat.strings.slice(at, at + length));
    at += length;
  }
  const nodes: SnapshotNode[] = [];
  const r = flat.records;
  for (let i = 0; i < r.length; ) {
    const parent = r[i] === 0 ? undefined : r[i] - 1;
    const kind = r[i + 1];
    i += 2;
    if (kind & 1) {
      nodes.push({ p: parent, text: strings[kind >>> 1] });
      continue;
    }
    const node: SnapshotNode = parent === undefined ? { tag: strings[kind >>> 1] } : { p: parent, tag: strings[kind >>> 1] };
    const mask = r[i++];
    FLAT_FIELDS.forEach((field, bit) => {
      if (mask & (1 << bit)) node[field] = strings[r[i++]];
    });
    if (mask & HIDDEN_BIT) node.hidden = true;
    nodes.push(node);
  }
  return { ...flat.head, nodes };
}

/** True when two flat snapshots are the same snapshot. */
export function sameFlatSnapshot(a: FlatSnapshot, b: FlatSnapshot): boolean {
  const ha = a.head;
  const hb = b.head;
  if (ha.url !== hb.url || ha.title !== hb.title || ha.lang !== hb.lang || ha.canonical !== hb.canonical || ha.truncated !== hb.truncated) {
    return false;
  }
  if (ha.meta.length !== hb.meta.length || ha.meta.some((m, i) => m.key !== hb.meta[i].key || m.content !== hb.meta[i].content)) {
    return false;
  }
  if (ha.jsonld.length !== hb.jsonld.length || ha.jsonld.some((block, i) => block !== hb.jsonld[i])) {
    return false;
  }
  return a.strings === b.strings && sameNumbers(a.lengths, b.lengths) && sameNumbers(a.records, b.records);
}

function sameNumbers(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) return false;
  }
  return true;
}

/** Subtrees that never hold article text. Same list as SKIPPED_TAGS in src/snapshot/html.rs. */
const SKIPPED_TAGS = new Set([
  'head', 'script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'object', 'embed',
  'canvas', 'select', 'textarea', 'input',
]);

/** The attributes copied onto element nodes verbatim, in the order of FLAT_FIELDS (`cls` is `class`). */
const COPIED_ATTRIBUTES = ['id', 'class', 'role', 'href', 'itemprop', 'rel', 'datetime'] as const;

/** One element's attribute values while it is written (reused: the walk is not re-entrant). */
const attributeValues: (string | null)[] = COPIED_ATTRIBUTES.map(() => null);

/** The index in COPIED_ATTRIBUTES of each copied attribute's name. */
const COPIED_INDEX = new Map<string, number>(COPIED_ATTRIBUTES.map((name, i) => [name, i]));

/**
 * Fills `attributeValues` for `element` and says whether it is hidden
 * (attribute-based only, no computed style, so the live DOM and the native
 * builder agree). Only the attributes the element has are read: most carry
 * none or one or two, and ten lookups per element were the larger part of
 * the walk's time. `getAttribute` reads each value, so which attribute of a
 * name wins is unchanged.
 *
 * One exception the DOM cannot show: on a page whose CSP blocks inline
 * styles, Firefox empties every `style` attribute (and draws the element), so
 * an inline `display:none` there is not seen; Chromium keeps the attribute's text.
 */
function readElement(element: Element): boolean {
  attributeValues.fill(null);
  if (!element.hasAttributes()) {
    return false;
  }
  let hidden = false;
  for (const name of element.getAttributeNames()) {
    const field = COPIED_INDEX.get(name);
    if (field !== undefined) {
      attributeValues[field] = element.getAttribute(name);
    } else if (name === 'hidden') {
      hidden = true;
    } else if (name === 'aria-hidden') {
      hidden ||= asciiLowerCase(rustTrim(element.getAttribute(name) ?? '')) === 'true';
    } else if (name === 'style') {
      hidden ||= styleHides(element.getAttribute(name) ?? '');
    }
  }
  return hidden;
}

/** The `<meta>` attributes that name a tag, in the order the first present one wins. */
const META_KEY_ATTRIBUTES = ['name', 'property', 'itemprop', 'http-equiv'];

/** The snapshot as objects, one per node. */
export function takeSnapshot(doc: Document, url: string = doc.URL): TakenSnapshot {
  const { snapshot, domNodes } = takeFlatSnapshot(doc, url);
  return { snapshot: expandSnapshot(snapshot), domNodes };
}

/** The snapshot in the flat form the content script sends to the background. */
export function takeFlatSnapshot(doc: Document, url: string = doc.URL): TakenFlatSnapshot {
  const html = doc.getElementsByTagName('html')[0];
  const langAttribute = html?.getAttribute('lang');
  const lang = langAttribute == null ? undefined : rustTrim(langAttribute);
  const head: Snapshot = {
    url,
    title: '',
    lang: lang ? lang : null,
    canonical: null,
    meta: [],
    jsonld: [],
    nodes: [],
  };
  if (collectHeadData(doc, head)) {
    head.truncated = true;
  }
  const domNodes: Node[] = [];
  const writer = new FlatWriter();
  const root = doc.getElementsByTagName('body')[0] ?? html;
  if (root) {
    if (flattenTree(root, writer, domNodes)) {
      head.truncated = true;
    }
  }
  return { snapshot: { head, strings: writer.parts.join(''), lengths: writer.lengths, records: writer.records }, domNodes };
}

/** The deepest an element may sit below the root (`nodes[0]` has depth 0). Same as MAX_DEPTH in src/snapshot/mod.rs. */
export const MAX_DEPTH = 512;

/**
 * Pre-order walk with an explicit stack: real pages nest deeper than the JS call stack allows.
 * Returns true when it stopped at the page-size limits (./limits.ts).
 *
 * The depth cap, exactly as the native builder's flattening applies it: an
 * element that would sit deeper than MAX_DEPTH is left out, and its children
 * (elements and text, in order) go to its nearest kept ancestor. Text nodes
 * are never merged, so the text of an unwrapped element stays in its own runs.
 * On a page as parsed the cap never applies: Chromium's and Firefox's parsers
 * build no element deeper than 511 below <body> (past 512 open elements they
 * attach new elements to the 512th as siblings); it does for script-built DOMs.
 */
function flattenTree(root: Element, writer: FlatWriter, domNodes: Node[]): boolean {
  const stack: { node: Node; parent: number | undefined; parentDepth: number }[] = [
    { node: root, parent: undefined, parentDepth: 0 },
  ];
  let budget = MAX_TEXT_UNITS;
  for (let item = stack.pop(); item; item = stack.pop()) {
    const { node, parent, parentDepth } = item;
    if (domNodes.length >= MAX_NODES) {
      return true;
    }
    if (node.nodeType === Node.TEXT_NODE) {
      if (parent !== undefined) {
        const data = (node as Text).data;
        if (data.length > budget) {
          // Keep what fits of the node where the budget runs out, then stop.
          if (budget > 0) {
            writer.text(parent, prefixOfUnits(data, budget));
            domNodes.push(node);
          }
          return true;
        }
        budget -= data.length;
        writer.text(parent, data);
        domNodes.push(node);
      }
      continue;
    }
    if (node.nodeType !== Node.ELEMENT_NODE) {
      continue; // comments, processing instructions
    }
    const element = node as Element;
    const localName = element.localName;
    if (SKIPPED_TAGS.has(localName)) {
      continue;
    }
    const depth = parent === undefined ? 0 : parentDepth + 1;
    // Children by sibling links, last first: `childNodes` would make a NodeList (and its JS wrapper) per element.
    if (depth > MAX_DEPTH) {
      for (let child = element.lastChild; child; child = child.previousSibling) {
        stack.push({ node: child, parent, parentDepth });
      }
      continue;
    }
    const index = domNodes.length;
    const hidden = readElement(element);
    // Code units an element costs against the text budget: its tag (lower-casing
    // ASCII keeps the length) and copied attribute values.
    let units = localName.length;
    for (let i = 0; i < COPIED_ATTRIBUTES.length; i++) {
      const value = attributeValues[i];
      if (value !== null) units += value.length;
    }
    if (units > budget) {
      return true; // an element whose attributes do not fit ends the prefix
    }
    budget -= units;
    writer.element(parent, localName, attributeValues, hidden);
    domNodes.push(element);
    for (let child = element.lastChild; child; child = child.previousSibling) {
      stack.push({ node: child, parent: index, parentDepth: depth });
    }
  }
  return false;
}

/** True for an inline style declaring `display:none` or `visibility:hidden`. */
export function styleHides(style: string): boolean {
  return style.split(';').some((declaration) => {
    const colon = declaration.indexOf(':');
    const property = asciiLowerCase(rustTrim(colon < 0 ? declaration : declaration.slice(0, colon)));
    let value = colon < 0 ? '' : rustTrim(declaration.slice(colon + 1));
    while (value.endsWith('!important')) {
      value = value.slice(0, -'!important'.length);
    }
    value = asciiLowerCase(rustTrim(value));
    return (property === 'display' && value === 'none') || (property === 'visibility' && value === 'hidden');
  });
}

/**
 * `<title>`, `<meta>`, the canonical link and JSON-LD, from anywhere in the
 * document, within MAX_HEAD_UNITS (./limits.ts). Returns true when items
 * were left out for it.
 */
function collectHeadData(doc: Document, snapshot: Snapshot): boolean {
  let budget = MAX_HEAD_UNITS;
  let full = false;
  /** Whether an item of `units` code units still fits; once one does not, none after it does. */
  const fits = (units: number): boolean => {
    if (full || units > budget) {
      full = true;
      return false;
    }
    budget -= units;
    return true;
  };

  const title = Array.from(doc.getElementsByTagName('title')).find((t) => !t.closest('svg'));
  const titleText = collapseWhitespace(title?.textContent ?? '');
  snapshot.title = fits(titleText.length) ? titleText : '';

  for (const meta of Array.from(doc.getElementsByTagName('meta'))) {
    const keyAttribute = META_KEY_ATTRIBUTES.find((name) => meta.hasAttribute(name));
    const content = meta.getAttribute('content');
    if (keyAttribute && content !== null) {
      const key = asciiLowerCase(rustTrim(meta.getAttribute(keyAttribute) ?? ''));
      if (fits(key.length + content.length)) {
        snapshot.meta.push({ key, content });
      }
    }
  }

  for (const link of Array.from(doc.getElementsByTagName('link'))) {
    const rel = link.getAttribute('rel') ?? '';
    if (splitAsciiWhitespace(rel).some((token) => asciiLowerCase(token) === 'canonical')) {
      snapshot.canonical = link.getAttribute('href');
      // Like the native builder: a canonical link without href does not end the search.
      if (snapshot.canonical !== null) {
        break;
      }
    }
  }

  for (const script of Array.from(doc.getElementsByTagName('script'))) {
    const type = script.getAttribute('type');
    if (type !== null && asciiLowerCase(rustTrim(type)) === 'application/ld+json') {
      const block = script.textContent ?? '';
      if (fits(block.length)) {
        snapshot.jsonld.push(block);
      }
    }
  }
  return full;
}

function splitAsciiWhitespace(s: string): string[] {
  return s.split(/[\t\n\f\r ]+/).filter((part) => part !== '');
}

/** What `document.title` does to the title text. */
function collapseWhitespace(s: string): string {
  return splitAsciiWhitespace(s).join(' ');
}

/**
 * Rust's `str::trim`: strips Unicode White_Space, which is not the set
 * `String.prototype.trim` strips (that one takes U+FEFF and leaves U+0085).
 */
export function rustTrim(s: string): string {
  return s.replace(RUST_TRIM, '');
}

const RUST_WHITE_SPACE = '\\t\\n\\v\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const RUST_TRIM = new RegExp(`^[${RUST_WHITE_SPACE}]+|[${RUST_WHITE_SPACE}]+$`, 'g');

/** Rust's `to_ascii_lowercase` (String.prototype.toLowerCase also folds non-ASCII letters, e.g. U+212A KELVIN SIGN to "k"). */
export function asciiLowerCase(s: string): string {
  return s.replace(/[A-Z]+/g, (upper) => upper.toLowerCase());
}
