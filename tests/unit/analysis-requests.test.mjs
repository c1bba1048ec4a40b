// Which analysis is placed, which is on its way, and staleness after a
// threshold change (extension/src/content/analysis-requests.ts). Snapshots
// are plain strings here: equal strings are the same page text.
import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { importTs } from './load-ts.mjs';

const { AnalysisRequests } = await importTs('extension/src/content/analysis-requests.ts');

describe('AnalysisRequests', () => {
  let requests;
  beforeEach(() => {
    requests = new AnalysisRequests((a, b) => a === b);
  });

  it('asks the core for a page it has not analysed, and places the reply on the nodes it was asked with', () => {
    const step = requests.next('text', ['nodes'], undefined);
    assert.equal(step.kind, 'request');
    assert.deepEqual(requests.settle(step.generation), ['nodes']);
    assert.equal(requests.settle(step.generation), undefined, 'a reply is placed once');
  });

  it('re-places the placed analysis when a re-render leaves the text as it was', () => {
    assert.deepEqual(requests.next('text', ['new nodes'], 'text'), { kind: 'replace' });
  });

  it('asks again when the text changed, and drops the reply of the older request', () => {
    const first = requests.next('old text', ['a'], undefined);
    const second = requests.next('new text', ['b'], undefined);
    assert.equal(second.kind, 'request');
    assert.equal(requests.settle(first.generation), undefined);
    assert.deepEqual(requests.settle(second.generation), ['b']);
  });

  it('asks again at a new threshold even when the text is the same', () => {
    requests.markStale();
    assert.equal(requests.next('text', ['nodes'], 'text').kind, 'request');
    assert.equal(requests.isStale(), false, 'the request on its way is at the new threshold');
  });

  // The Firefox e2e failure: the threshold went back to the default, the
  // re-analysis left, and the tab's catch-up ran right behind it with the same
  // text. It re-placed the stale analysis and dropped the reply on its way.
  it('regression: a same-text request right behind a threshold re-analysis waits for it instead of re-placing the stale analysis', () => {
    requests.markStale();
    const reanalysis = requests.next('text', ['nodes 1'], 'text');
    assert.equal(reanalysis.kind, 'request');
    assert.deepEqual(requests.next('text', ['nodes 2'], 'text'), { kind: 'wait' });
    assert.deepEqual(requests.settle(reanalysis.generation), ['nodes 2'], 'the reply goes on the freshest nodes');
  });

  it('a threshold change while a request is on its way asks again and drops the old reply', () => {
    const first = requests.next('text', ['a'], undefined);
    requests.markStale();
    const second = requests.next('text', ['b'], undefined);
    assert.equal(second.kind, 'request');
    assert.equal(requests.settle(first.generation), undefined);
    assert.deepEqual(requests.settle(second.generation), ['b']);
  });

  it('drops the reply on its way after a reset, and asks again afterwards', () => {
    const step = requests.next('text', ['a'], undefined);
    requests.cancel();
    assert.equal(requests.settle(step.generation), undefined);
    assert.equal(requests.next('text', ['b'], undefined).kind, 'request', 'not left waiting for the cancelled reply');
  });
});
