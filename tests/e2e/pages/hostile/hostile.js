// Shared by the hostile test pages (tests/e2e/hostile.test.mjs). Loaded first,
// so it captures the built-ins it needs before the page overrides them.
//   __hostile.ready      true once the page has built itself
//   __hostile.record()   starts recording every DOM mutation (document, open shadow roots, same-origin iframes)
//   __hostile.foreign()  the recorded mutations not made by the page itself (its own churn is in [data-hostile-zone])
//   F8 / __hostile.arm()      overrides Range, CSS, JSON, Array.prototype, Node.prototype… as a hostile page would
//   F9 / __hostile.restore()  puts them back, so the test's own probes can run
// The keys, because once armed even the test driver's page.evaluate breaks (it
// calls Array.prototype methods in the page's world): a key press reaches the
// page through the browser's input, not through page script.
//   __hostile.armed      true once arm() ran
(() => {
  const MO = window.MutationObserver;
  const push = Array.prototype.push;
  const records = [];
  const saved = [];
  const observers = [];
  const state = { ready: false };

  function describe(node) {
    if (!node) return 'null';
    if (node.nodeType === 1) return `<${node.localName}${node.id ? '#' + node.id : ''}>`;
    if (node.nodeType === 3) return `#text(${node.data.length})`;
    return `#node(${node.nodeType})`;
  }
  function inZone(node) {
    for (let n = node; n; n = n.parentNode || n.host) {
      if (n.nodeType === 1 && n.hasAttribute('data-hostile-zone')) return true;
    }
    return false;
  }
  function observe(root) {
    const observer = new MO((list) => {
      for (const r of list) push.call(records, r);
    });
    observer.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
    push.call(observers, observer);
  }

  state.record = () => {
    observe(document);
    for (const element of document.querySelectorAll('*')) {
      if (element.shadowRoot) observe(element.shadowRoot);
      if (element.localName === 'iframe' && element.contentDocument) observe(element.contentDocument);
    }
  };

  /** Mutations not made by the page: each as a short string. */
  state.foreign = (hostTag) => {
    for (const o of observers) for (const r of o.takeRecords()) push.call(records, r);
    const isHost = (node) => node && node.nodeType === 1 && node.localName === hostTag;
    const out = [];
    for (const r of records) {
      if (inZone(r.target)) continue;
      if (isHost(r.target)) continue; // the UI host's own attributes
      if (r.type === 'childList') {
        const nodes = [...r.addedNodes, ...r.removedNodes];
        if (nodes.length > 0 && nodes.every((n) => isHost(n) || inZone(n))) {
          if (nodes.some(isHost) && r.target !== document.documentElement) out.push(`host added under ${describe(r.target)}`);
          continue;
        }
        out.push(`childList on ${describe(r.target)}: +${[...r.addedNodes].map(describe)} -${[...r.removedNodes].map(describe)}`);
      } else {
        out.push(`${r.type} on ${describe(r.target)}${r.attributeName ? ' ' + r.attributeName : ''}`);
      }
    }
    return out;
  };

  function override(object, name, value) {
    const descriptor = Object.getOwnPropertyDescriptor(object, name);
    push.call(saved, [object, name, descriptor]);
    Object.defineProperty(object, name, { value, writable: true, configurable: true, enumerable: false });
  }
  const boom = (what) =>
    function () {
      throw new Error(`hostile page: ${what} is booby-trapped`);
    };

  state.arm = () => {
    state.armed = true;
    override(window, 'Range', boom('Range'));
    override(window, 'Highlight', boom('Highlight'));
    override(window, 'CSS', { highlights: { set: boom('CSS.highlights.set'), get: boom('CSS.highlights.get'), delete: boom('CSS.highlights.delete') } });
    override(window, 'JSON', { parse: boom('JSON.parse'), stringify: () => '"hostile"' });
    override(window, 'MutationObserver', boom('MutationObserver'));
    for (const name of ['push', 'map', 'forEach', 'some', 'every', 'includes', 'indexOf', 'join', 'slice', 'filter', 'sort']) {
      override(Array.prototype, name, boom(`Array.prototype.${name}`));
    }
    override(Array, 'from', boom('Array.from'));
    for (const name of ['appendChild', 'insertBefore', 'removeChild', 'replaceChild', 'contains', 'cloneNode', 'getRootNode']) {
      override(Node.prototype, name, boom(`Node.prototype.${name}`));
    }
    for (const name of ['setStart', 'setEnd', 'getClientRects', 'getBoundingClientRect']) {
      override(Range.prototype, name, boom(`Range.prototype.${name}`));
    }
    override(Document.prototype, 'createRange', boom('document.createRange'));
    override(Element.prototype, 'getAttribute', () => 'hostile');
    override(Element.prototype, 'attachShadow', boom('attachShadow'));
    override(String.prototype, 'slice', boom('String.prototype.slice'));
    override(Object, 'keys', boom('Object.keys'));
    override(Promise.prototype, 'then', boom('Promise.prototype.then'));
  };

  state.restore = () => {
    for (let i = saved.length - 1; i >= 0; i--) {
      const [object, name, descriptor] = saved[i];
      if (descriptor) Object.defineProperty(object, name, descriptor);
      else delete object[name];
    }
    saved.length = 0;
  };

  /** The sample article (title, meta, JSON-LD, body) copied into this page, as the site would render it. */
  state.loadSample = async () => {
    const html = await (await fetch('/plain/article.html')).text();
    const parsed = new DOMParser().parseFromString(html, 'text/html');
    for (const element of parsed.head.querySelectorAll('title, meta, script[type="application/ld+json"], link[rel="canonical"]')) {
      document.head.appendChild(document.importNode(element, true));
    }
    const body = document.importNode(parsed.body, true);
    document.documentElement.replaceChild(body, document.body);
    return body;
  };

  addEventListener('keydown', (event) => {
    if (event.key === 'F8') state.arm();
    if (event.key === 'F9') state.restore();
  }, true);

  window.__hostile = state;
})();
