// The built-ins the content script calls on page-controlled objects, captured
// when the script starts, before any of its code runs.
//
// Why this is belt and braces: the content script runs in an isolated world
// (Chrome) or behind Xray wrappers (Firefox), so a page that replaces
// `Range`, `CSS`, `JSON`, `Array.prototype` or `Node.prototype` methods in its
// own main world changes nothing the script sees. But the same script is also
// bundled into contexts without that isolation (the playground's page, tests
// in node), and a future build could run it in the main world; capturing the
// few entry points here, and calling them with `call`, keeps the hot path
// immune even then (tests/e2e/hostile.test.mjs overrides them all).

const rangeProto = Range.prototype;
const docProto = Document.prototype;

export const pristine = Object.freeze({
  stringify: JSON.stringify,
  arrayFrom: Array.from,
  createRange: docProto.createRange,
  setStart: rangeProto.setStart,
  setEnd: rangeProto.setEnd,
  MutationObserver: globalThis.MutationObserver,
});

/** A Range over `node` from `from` to `to`, through the captured built-ins. */
export function pristineRange(node: Node, from: number, to: number): Range {
  const range = pristine.createRange.call(node.ownerDocument!);
  pristine.setStart.call(range, node, from);
  pristine.setEnd.call(range, node, to);
  return range;
}

/** True when `node` is inside a contenteditable region (the reader's own editing: never annotated). */
export function isEditable(node: Node): boolean {
  const element = node.nodeType === Node.ELEMENT_NODE ? (node as HTMLElement) : node.parentElement;
  return element?.isContentEditable === true;
}
