// The size budget's content-script rules: it is budgeted on its own, and
// IndexedDB code in it fails the check (the background owns the databases).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkBudget } from '../../scripts/size-budget.mjs';

const BUDGET = { tolerance: 0.1, wasm_gzip_bytes: 1000, wasm_gzip_hard_limit_bytes: 2000, zip_bytes: {}, content_script_gzip_bytes: 40_000 };
const sizes = (content) => ({ wasm: null, glue: null, packs: [], zips: {}, content });
const check = (content, budget = BUDGET) => checkBudget(sizes(content), budget, { wasm: false, zips: true });

describe('the content script in the size budget', () => {
  it('passes within its budget and tolerance', () => {
    assert.deepEqual(check({ path: 'content.js', bytes: 150_000, gzip_bytes: 43_999, indexedDb: null }), []);
  });

  it('fails more than 10% over its budget', () => {
    const [problem] = check({ path: 'content.js', bytes: 150_000, gzip_bytes: 44_001, indexedDb: null });
    assert.match(problem, /content script is 44001 bytes gzipped/);
  });

  it('fails when it holds IndexedDB code', () => {
    const [problem] = check({ path: 'content.js', bytes: 150_000, gzip_bytes: 30_000, indexedDb: 'indexedDB' });
    assert.match(problem, /IndexedDB code \(indexedDB\)/);
  });

  it('asks for a budget when there is none', () => {
    const [problem] = check({ path: 'content.js', bytes: 1, gzip_bytes: 1, indexedDb: null }, { ...BUDGET, content_script_gzip_bytes: null });
    assert.match(problem, /no budget for the content script/);
  });
});
