// The draw result (extension/src/draw-result.ts): its layout is src/draw.rs's,
// and the decoder reads exactly what was encoded, or refuses.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { importTs } from './load-ts.mjs';

const { CHECKWORTHY, CLAIM_FIELDS, DRAW_SCHEMA, DrawResultError, decodeDrawResult, drawResultForMessage, isDrawResult } = await importTs(
  'extension/src/draw-result.ts',
);
const RUST = readFileSync(new URL('../../src/draw.rs', import.meta.url), 'utf8');

/** Encodes claims as src/draw.rs does (names interned at first use; id and text per claim). */
function encode(claims, runs = [], status = 'ok') {
  const strings = [];
  const names = new Map();
  const push = (s) => strings.push(s) - 1;
  const name = (n) => (names.has(n) ? names.get(n) : (names.set(n, push(n)), names.get(n)));
  const numbers = [];
  const kinds = [];
  for (const claim of claims) {
    const sourcing = name(claim.sourcing.kind);
    const kindsStart = kinds.length;
    for (const kind of claim.kinds) kinds.push(name(kind));
    const id = push(claim.id);
    const text = push(claim.text);
    numbers.push(claim.start, claim.end, claim.checkworthy ? CHECKWORTHY : 0, sourcing, kindsStart, claim.kinds.length, id, text);
  }
  return {
    head: { schema: DRAW_SCHEMA, status, notice_items: [], claims: claims.length },
    strings: strings.join(''),
    lengths: strings.map((s) => s.length),
    claims: numbers,
    kinds,
    scores: claims.map((c) => c.score),
    runs: runs.flatMap((r) => [r.start, r.end, r.node, r.offset]),
    key: 7,
  };
}

const CLAIMS = [
  { id: 'c1', start: 0, end: 24, text: 'It cost 😀 €2 billion.', score: 0.75, checkworthy: true, kinds: ['quantity', 'event'], sourcing: { kind: 'named' } },
  { id: 'c2', start: 26, end: 40, text: '“Wir gewinnen”', score: 0.25, checkworthy: false, kinds: [], sourcing: { kind: 'unattributed' } },
  { id: 'c3', start: 41, end: 60, text: 'Critics say 3,000 jobs.', score: 0.5, checkworthy: true, kinds: ['quantity'], sourcing: { kind: 'vague' } },
];
const RUNS = [
  { start: 0, end: 24, node: 3, offset: 0 },
  { start: 26, end: 60, node: 5, offset: 2 },
];

describe('the draw result', () => {
  it('has the layout of src/draw.rs', () => {
    assert.match(RUST, new RegExp(`pub const CLAIM_FIELDS: usize = ${CLAIM_FIELDS};`));
    assert.match(RUST, new RegExp(`pub const CHECKWORTHY: u32 = ${CHECKWORTHY};`));
    assert.match(RUST, new RegExp(`pub const DRAW_SCHEMA: &str = "${DRAW_SCHEMA}";`));
    const body = RUST.slice(RUST.indexOf('pub struct DrawResult {')).split('\n}')[0];
    const fields = [...body.matchAll(/pub (\w+):/g)].map((m) => m[1]);
    assert.deepEqual(fields, ['strings', 'lengths', 'claims', 'kinds', 'scores', 'runs']);
    const head = RUST.slice(RUST.indexOf('pub struct DrawHead {')).split('\n}')[0];
    assert.deepEqual([...head.matchAll(/pub (\w+):/g)].map((m) => m[1]), ['schema', 'status', 'notice_items', 'claims']);
    // The WASM sets exactly these properties (src/wasm/analysis.rs, draw_to_js), plus the key.
    const wasm = readFileSync(new URL('../../src/wasm/analysis.rs', import.meta.url), 'utf8');
    const set = [...wasm.slice(wasm.indexOf('fn draw_to_js')).split('\n}')[0].matchAll(/set\("(\w+)"/g)].map((m) => m[1]);
    assert.deepEqual(set, ['head', ...fields, 'key']);
  });

  it('decodes every claim and run, with UTF-16 string lengths (emoji, quotes, euro)', () => {
    const drawn = decodeDrawResult(encode(CLAIMS, RUNS));
    assert.deepEqual(drawn.claims, CLAIMS);
    assert.deepEqual(drawn.dom, RUNS);
    assert.equal(drawn.key, 7);
    assert.equal(drawn.head.status, 'ok');
  });

  it('crosses a JSON message from the typed arrays the WASM returns', () => {
    const plain = encode(CLAIMS, RUNS);
    const typed = {
      ...plain,
      lengths: Uint32Array.from(plain.lengths),
      claims: Uint32Array.from(plain.claims),
      kinds: Uint32Array.from(plain.kinds),
      scores: Float64Array.from(plain.scores),
      runs: Uint32Array.from(plain.runs),
    };
    const sent = JSON.parse(JSON.stringify({ draw: drawResultForMessage(typed) })).draw;
    assert.ok(isDrawResult(sent));
    assert.ok(Array.isArray(sent.claims), 'plain arrays, not objects keyed by index');
    // Scores are f32 in the core: 0.75, 0.25 and 0.5 are exact there.
    assert.deepEqual(decodeDrawResult(sent).claims, CLAIMS);
  });

  it('refuses a draw result whose numbers do not fit', () => {
    const good = encode(CLAIMS, RUNS);
    const broken = {
      'a string past the table': { ...good, lengths: [...good.lengths.slice(0, -1), good.lengths.at(-1) + 1] },
      'strings left over': { ...good, strings: `${good.strings}x` },
      'an unknown string': { ...good, claims: good.claims.map((n, i) => (i === 6 ? 999 : n)) },
      'kinds past the end': { ...good, claims: good.claims.map((n, i) => (i === 5 ? 99 : n)) },
      'a claim cut short': { ...good, claims: good.claims.slice(0, -1) },
      'scores missing': { ...good, scores: good.scores.slice(1) },
      'the head disagreeing': { ...good, head: { ...good.head, claims: 2 } },
      'runs not in fours': { ...good, runs: good.runs.slice(1) },
      'an end before its start': { ...good, claims: good.claims.map((n, i) => (i === 1 ? 0 : i === 0 ? 5 : n)) },
    };
    for (const [what, draw] of Object.entries(broken)) {
      assert.throws(() => decodeDrawResult(draw), DrawResultError, what);
    }
  });

  it('is told apart from other messages by its shape', () => {
    assert.ok(isDrawResult(encode([], [])));
    assert.ok(!isDrawResult({ ...encode([], []), head: { ...encode([], []).head, schema: 'claimlens/analysis@1' } }));
    assert.ok(!isDrawResult({ ...encode([], []), claims: {} }));
    assert.ok(!isDrawResult({ ...encode([], []), key: 1.5 }));
    assert.ok(!isDrawResult(null));
  });
});

describe('the background’s hand-over of full analyses', async () => {
  const { DrawnAnalyses } = await importTs('extension/src/background/drawn-analyses.ts');

  it('hands a tab the analysis behind its own latest draw result, once', () => {
    const drawn = new DrawnAnalyses();
    drawn.remember(1, 10);
    drawn.remember(2, 11);
    assert.equal(drawn.take(2, 10), false, 'not another tab’s analysis');
    assert.equal(drawn.take(1, 10), true);
    assert.equal(drawn.take(1, 10), false, 'only once');
  });

  it('forgets a tab’s older draw result when it is sent a newer one', () => {
    const drawn = new DrawnAnalyses();
    drawn.remember(1, 10);
    drawn.remember(1, 12);
    assert.equal(drawn.take(1, 10), false);
    assert.equal(drawn.take(1, 12), true, 'a late request for the older one leaves the newer one alone');
  });

  it('knows nothing after a restart (a fresh background), so the content script asks again', () => {
    assert.equal(new DrawnAnalyses().take(1, 0), false);
  });
});
