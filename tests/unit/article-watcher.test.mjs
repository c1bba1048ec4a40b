// The article watcher (extension/src/content/article-watcher.ts): debounced
// re-analysis, no work in a hidden tab, and catching up once it is shown.
// The document, its timers and MutationObserver are small fakes driven by hand.
import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { importTs } from './load-ts.mjs';

const { ArticleWatcher, SETTLE_MS } = await importTs('extension/src/content/article-watcher.ts');

class FakeObserver {
  observe() {}
  disconnect() {}
}
globalThis.MutationObserver = FakeObserver;

/** A document whose timers run only when `advance` is called. */
function fakeDocument() {
  let now = 0;
  let nextId = 1;
  const timers = new Map();
  const listeners = new Set();
  const doc = {
    hidden: false,
    body: {},
    documentElement: {},
    addEventListener: (type, listener) => type === 'visibilitychange' && listeners.add(listener),
    removeEventListener: (type, listener) => type === 'visibilitychange' && listeners.delete(listener),
    defaultView: {
      setTimeout: (fn, ms) => {
        const id = nextId++;
        timers.set(id, { at: now + ms, fn });
        return id;
      },
      clearTimeout: (id) => timers.delete(id),
    },
  };
  return {
    doc,
    advance(ms) {
      now += ms;
      for (const [id, timer] of [...timers]) {
        if (timer.at <= now) {
          timers.delete(id);
          timer.fn();
        }
      }
    },
    setHidden(hidden) {
      doc.hidden = hidden;
      for (const listener of [...listeners]) listener();
    },
  };
}

describe('ArticleWatcher', () => {
  let page;
  let runs;
  let watcher;
  beforeEach(() => {
    page = fakeDocument();
    runs = 0;
    watcher = new ArticleWatcher(page.doc, () => runs++, () => false);
  });

  it('runs once the page has settled', () => {
    watcher.schedule();
    page.advance(SETTLE_MS - 1);
    assert.equal(runs, 0);
    page.advance(1);
    assert.equal(runs, 1);
  });

  it('does no work in a hidden tab and catches up when it is shown', () => {
    page.setHidden(true);
    watcher.schedule();
    page.advance(SETTLE_MS * 4);
    assert.equal(runs, 0);
    page.setHidden(false);
    assert.equal(runs, 1);
  });

  // The bug: a threshold change made while the tab was hidden scheduled a run,
  // then an earlier analysis came back and re-placed the claims; placing
  // re-watches the article, which cancelled the pending run, so the page never
  // re-analysed at the new threshold when shown.
  it('keeps a pending run when the article is re-watched (threshold change lost in a hidden tab)', () => {
    page.setHidden(true);
    watcher.schedule();
    watcher.watch({ parentNode: null }); // an analysis in flight is placed
    page.advance(SETTLE_MS);
    assert.equal(runs, 0);
    page.setHidden(false);
    assert.equal(runs, 1);
  });

  it('drops a pending run when stopped (switched off)', () => {
    page.setHidden(true);
    watcher.schedule();
    page.advance(SETTLE_MS);
    watcher.stop();
    page.setHidden(false);
    assert.equal(runs, 0);
  });
});
