// The code the browser benchmark (scripts/bench-browser.mjs) injects into each
// test page. It times, on the live document:
//   ClaimLens: snapshot (the extension's snapshotter, in the flat form the
//     content script sends) -> message to the
//     background (JSON round trip, which is how Chrome's runtime.sendMessage
//     serialises) -> WASM analysis -> reply (JSON round trip) -> Ranges from
//     the returned offsets (the content script's RangeMapper) -> highlights
//     registered in CSS.highlights;
//   Readability.js: `new Readability(clone).parse()` on a clone of the same
//     document (Readability mutates its input; the clone is timed separately);
//   stages: the same analysis timed stage by stage inside the WASM
//     (`analyze_stage_times`, with performance.now as its clock).
// The shipped fact-check pack is loaded once (timed) before the first page,
// as the extension's background does, so the analysis includes matching.
// Every step takes the document to work on: in the "cold" mode the code runs
// in the test page itself (a fresh WASM instance per page, like a background
// that has just woken up); in the "warm" mode it runs in one long-lived
// harness page and works on each test page inside a same-origin iframe (one
// WASM instance for all pages, like a background that stays alive).
// Bundled by esbuild into one classic script that sets `globalThis.__claimlensBench`.

import { Readability } from '@mozilla/readability';
import initCore, * as core from '../../extension/pkg/claimlens.js';
import type { Analysis } from '../../extension/src/analysis';
import { type DrawResultArrays, type DrawnClaim, decodeDrawResult, drawResultForMessage } from '../../extension/src/draw-result';
import { RangeMapper } from '../../extension/src/dom/ranges';
import { takeFlatSnapshot } from '../../extension/src/dom/snapshot';

/** Highlight names for the benchmark's own registrations (the registry is shared with the page). */
const HIGHLIGHT_PREFIX = 'claimlens-bench-';

export interface ClaimLensTiming {
  snapshot: number;
  sendSnapshot: number;
  analyze: number;
  sendAnalysis: number;
  ranges: number;
  highlights: number;
  total: number;
  claims: number;
  ranges_made: number;
  snapshot_nodes: number;
  snapshot_json_bytes: number;
  analysis_json_bytes: number;
  status: string;
}

/**
 * The draw-first path (`analyze_draw`, issue 22's flat result): the same
 * steps as ClaimLensTiming up to the highlights, with the draw result read
 * (`decode`) before the Ranges; then, outside `total` (after the highlights,
 * as the content script asks for it), the full analysis fetched and sent
 * (`details`).
 */
export interface DrawPathTiming extends ClaimLensTiming {
  decode: number;
  details: number;
  draw_json_bytes: number;
}

export interface ExtractionTiming {
  snapshot: number;
  extract: number;
  total: number;
  text_chars: number;
  found: boolean;
}

export interface ReadabilityTiming {
  clone: number;
  parse: number;
  text_chars: number;
  found: boolean;
}

/** The WASM's own per-stage times of one analysis (ms). */
export interface StageTiming {
  snapshot: number;
  extract: number;
  segment: number;
  detect: number;
  attribute: number;
  verify: number;
  comments: number;
  assemble: number;
  total: number;
  claims: number;
  /** The boundary `analyze` crosses, outside `total`: snapshot to JSON text, text to Rust, analysis to JS. */
  decode_stringify: number;
  decode_parse: number;
  encode: number;
  /** The same analysis as `analyze_draw`'s draw result instead (0 in builds before it). */
  encode_draw: number;
}

let wasmMemory: WebAssembly.Memory | undefined;

export interface Loaded {
  memoryBytes: number;
  hasExtract: boolean;
  hasStageTimes: boolean;
  /** The build has `analyze_draw` (the draw-first path). */
  hasDraw: boolean;
  /** Time to instantiate the WASM from its bytes (compile included), ms. */
  instantiateMs: number;
  /** Time to load the fact-check pack (`load_pack`), ms; null without a pack. */
  packLoadMs: number | null;
  packRecords: number | null;
  /** Time to load the sentence encoder (`load_encoder`), ms; null without one. */
  encoderLoadMs: number | null;
}

/** Instantiates the WASM core from bytes at `url`, then loads the encoder at `encoderUrl` and the pack at `packUrl`, as the extension's background does before its first analysis (each timed, reported apart from the per-page figures). */
async function load(url: string, packUrl?: string, encoderUrl?: string, modelUrl?: string): Promise<Loaded> {
  const bytes = await (await fetch(url)).arrayBuffer();
  const model = modelUrl ? new Uint8Array(await (await fetch(modelUrl)).arrayBuffer()) : undefined;
  const t0 = performance.now();
  const exports = (await initCore({ module_or_path: bytes })) as unknown as { memory: WebAssembly.Memory };
  // The check-worthiness model is part of the core being ready (it ships beside the module).
  if (model) core.load_model(model);
  const instantiateMs = performance.now() - t0;
  wasmMemory = exports.memory;
  let encoderLoadMs: number | null = null;
  if (encoderUrl) {
    const encoder = new Uint8Array(await (await fetch(encoderUrl)).arrayBuffer());
    const t1 = performance.now();
    core.load_encoder(encoder);
    encoderLoadMs = performance.now() - t1;
  }
  let packLoadMs: number | null = null;
  let packRecords: number | null = null;
  if (packUrl) {
    const pack = new Uint8Array(await (await fetch(packUrl)).arrayBuffer());
    const t1 = performance.now();
    const info = core.load_pack(pack) as { records: number };
    packLoadMs = performance.now() - t1;
    packRecords = info.records;
  }
  const exported = core as Record<string, unknown>;
  return {
    memoryBytes: memoryBytes(),
    hasExtract: typeof exported.extract === 'function',
    hasStageTimes: typeof exported.analyze_stage_times === 'function',
    hasDraw: typeof exported.analyze_draw === 'function',
    instantiateMs,
    packLoadMs,
    packRecords,
    encoderLoadMs,
  };
}

export interface ColdStartTiming {
  /** The three files read in parallel (the WASM, the encoder, the pack), as the background reads them from the extension's package. */
  fetch: number;
  instantiate: number;
  encoder: number;
  pack: number;
  /** The full path on the page, as in `claimLens`: snapshot to highlights. */
  firstAnalysis: number;
  /** From the background waking (nothing loaded) to the first highlights. */
  total: number;
  claims: number;
  ranges_made: number;
}

/**
 * A background that has just woken up: nothing loaded, then the WASM, the
 * encoder and the default pack, then the full path on the target document.
 * Only meaningful in a page that has not called `load` (a fresh instance).
 */
async function coldStart(urls: { wasm: string; model?: string; encoder?: string; pack?: string }, streaming: boolean | 'cache' = false): Promise<ColdStartTiming> {
  const bytesOf = async (url?: string) => (url ? new Uint8Array(await (await fetch(url)).arrayBuffer()) : undefined);
  const t0 = performance.now();
  const [wasm, model, encoder, pack] = await Promise.all([streaming ? undefined : bytesOf(urls.wasm), bytesOf(urls.model), bytesOf(urls.encoder), bytesOf(urls.pack)]);
  const t1 = performance.now();
  // Streaming: compiled while it downloads, and eligible for the browser's
  // compiled-code cache; 'cache': the module's response kept in the Cache API,
  // whose entries Chromium stores compiled code beside.
  const source = streaming === 'cache' ? await cachedResponse(urls.wasm) : streaming ? urls.wasm : (wasm as Uint8Array);
  const exports = (await initCore({ module_or_path: source })) as unknown as { memory: WebAssembly.Memory };
  wasmMemory = exports.memory;
  if (model) core.load_model(model);
  const t2 = performance.now();
  if (encoder) core.load_encoder(encoder);
  const t3 = performance.now();
  if (pack) core.load_pack(pack);
  const t4 = performance.now();
  const first = claimLens(target());
  const t5 = performance.now();
  return {
    fetch: t1 - t0,
    instantiate: t2 - t1,
    encoder: t3 - t2,
    pack: t4 - t3,
    firstAnalysis: t5 - t4,
    total: t5 - t0,
    claims: first.claims,
    ranges_made: first.ranges_made,
  };
}

/** The response for `url` from the Cache API, stored there on first use. */
async function cachedResponse(url: string): Promise<Response> {
  const cache = await caches.open('claimlens-bench-wasm');
  const hit = await cache.match(url);
  if (hit) return hit;
  await cache.add(url);
  return (await cache.match(url)) ?? fetch(url);
}

function memoryBytes(): number {
  return wasmMemory?.buffer.byteLength ?? 0;
}

/** The window whose highlight registry paints `doc`. */
function windowOf(doc: Document): Window & typeof globalThis {
  const view = doc.defaultView;
  if (!view) {
    throw new Error('the document has no window');
  }
  return view as Window & typeof globalThis;
}

function clearHighlights(doc: Document = document): void {
  const registry = windowOf(doc).CSS.highlights;
  for (const name of Array.from(registry.keys())) {
    if (name.startsWith(HIGHLIGHT_PREFIX)) {
      registry.delete(name);
    }
  }
}

/**
 * The first two steps both paths share: clear, snapshot the live document,
 * and send it as Chrome's messages do (a JSON round trip), timed.
 */
function snapshotAndSend(doc: Document) {
  clearHighlights(doc);
  const t0 = performance.now();
  const { snapshot, domNodes } = takeFlatSnapshot(doc);
  const t1 = performance.now();
  const snapshotJson = JSON.stringify({ type: 'analyze-page', snapshot });
  const received = JSON.parse(snapshotJson) as { snapshot: unknown };
  const t2 = performance.now();
  return { t0, t1, t2, domNodes, snapshotJson, received };
}

/** The full ClaimLens path on a live document. */
function claimLens(doc: Document = document): ClaimLensTiming {
  const { t0, t1, t2, domNodes, snapshotJson, received } = snapshotAndSend(doc);
  const analysis = core.analyze(received.snapshot, {}) as Analysis;
  const t3 = performance.now();
  const analysisJson = JSON.stringify({ type: 'analysis', analysis });
  const reply = JSON.parse(analysisJson) as { analysis: Analysis };
  const t4 = performance.now();
  const placed = placeClaims(reply.analysis.article.dom, reply.analysis.claims, domNodes);
  const t5 = performance.now();
  const rangesMade = registerHighlights(doc, placed);
  const t6 = performance.now();
  return {
    snapshot: t1 - t0,
    sendSnapshot: t2 - t1,
    analyze: t3 - t2,
    sendAnalysis: t4 - t3,
    ranges: t5 - t4,
    highlights: t6 - t5,
    total: t6 - t0,
    claims: reply.analysis.claims.length,
    ranges_made: rangesMade,
    snapshot_nodes: domNodes.length,
    snapshot_json_bytes: snapshotJson.length,
    analysis_json_bytes: analysisJson.length,
    status: reply.analysis.status,
  };
}

/** The draw-first path on a live document (see DrawPathTiming). */
function claimLensDraw(doc: Document = document): DrawPathTiming {
  const analyzeDraw = (core as Record<string, unknown>).analyze_draw as ((snapshot: unknown, options: unknown) => DrawResultArrays) | undefined;
  const details = (core as Record<string, unknown>).analysis_details as ((key: number) => Analysis | undefined) | undefined;
  if (!analyzeDraw || !details) {
    throw new Error('this WASM build has no `analyze_draw` export; rebuild it (npm run build:wasm)');
  }
  const { t0, t1, t2, domNodes, snapshotJson, received } = snapshotAndSend(doc);
  const draw = drawResultForMessage(analyzeDraw(received.snapshot, {}));
  const t3 = performance.now();
  const drawJson = JSON.stringify({ type: 'analysis-drawn', draw });
  const reply = JSON.parse(drawJson) as { draw: typeof draw };
  const t4 = performance.now();
  const drawn = decodeDrawResult(reply.draw);
  const t5 = performance.now();
  const placed = placeClaims(drawn.dom, drawn.claims, domNodes);
  const t6 = performance.now();
  const rangesMade = registerHighlights(doc, placed);
  const t7 = performance.now();
  const analysis = details(drawn.key);
  const detailsReply = JSON.parse(JSON.stringify({ type: 'analysis', analysis })) as { analysis: Analysis };
  const t8 = performance.now();
  return {
    snapshot: t1 - t0,
    sendSnapshot: t2 - t1,
    analyze: t3 - t2,
    sendAnalysis: t4 - t3,
    decode: t5 - t4,
    ranges: t6 - t5,
    highlights: t7 - t6,
    total: t7 - t0,
    details: t8 - t7,
    claims: drawn.claims.length,
    ranges_made: rangesMade,
    snapshot_nodes: domNodes.length,
    snapshot_json_bytes: snapshotJson.length,
    analysis_json_bytes: JSON.stringify(detailsReply).length,
    draw_json_bytes: drawJson.length,
    status: drawn.head.status,
  };
}

/** As the content script does: one RangeMapper, the Ranges of each claim; claims the page changed are left out. */
function placeClaims(dom: Analysis['article']['dom'], claims: readonly DrawnClaim[], domNodes: Node[]): { claim: DrawnClaim; ranges: Range[] }[] {
  const mapper = new RangeMapper(dom, domNodes);
  const placed: { claim: DrawnClaim; ranges: Range[] }[] = [];
  for (const claim of claims) {
    try {
      const ranges = mapper.rangesFor(claim);
      if (ranges.length > 0) {
        placed.push({ claim, ranges });
      }
    } catch {
      // a claim whose text no longer matches the page
    }
  }
  return placed;
}

/** Kept like the overlay keeps it, so building it is not optimised away. */
let lastClaimByRange: Map<AbstractRange, DrawnClaim> | undefined;

/** One Highlight per claim kind and check-worthiness, plus the range -> claim map hit-testing needs. */
function registerHighlights(doc: Document, placed: { claim: DrawnClaim; ranges: Range[] }[]): number {
  const view = windowOf(doc);
  const highlights = new Map<string, Highlight>();
  const claimByRange = new Map<AbstractRange, DrawnClaim>();
  lastClaimByRange = claimByRange;
  let count = 0;
  for (const { claim, ranges } of placed) {
    const name = `${HIGHLIGHT_PREFIX}${claim.checkworthy ? 'checkworthy' : 'claim'}-${claim.kinds[0] ?? 'other'}`;
    let highlight = highlights.get(name);
    if (!highlight) {
      highlight = new view.Highlight();
      highlights.set(name, highlight);
    }
    for (const range of ranges) {
      highlight.add(range);
      claimByRange.set(range, claim);
      count++;
    }
  }
  for (const [name, highlight] of highlights) {
    view.CSS.highlights.set(name, highlight);
  }
  return count;
}

/** Issue 3's figure: snapshot plus extraction only (the WASM `extract` export), no claim analysis. */
function extraction(doc: Document = document): ExtractionTiming {
  const extract = (core as Record<string, unknown>).extract as ((snapshot: unknown) => { found: boolean; text: string }) | undefined;
  if (!extract) {
    throw new Error('this WASM build has no `extract` export; rebuild it (npm run build:wasm)');
  }
  const t0 = performance.now();
  const { snapshot } = takeFlatSnapshot(doc);
  const t1 = performance.now();
  const result = extract(snapshot);
  const t2 = performance.now();
  return { snapshot: t1 - t0, extract: t2 - t1, total: t2 - t0, text_chars: result.text.length, found: result.found };
}

/** The analysis timed stage by stage inside the WASM, after the extension's snapshot. */
function stages(doc: Document = document): StageTiming {
  const stageTimes = (core as Record<string, unknown>).analyze_stage_times as
    | ((snapshot: unknown, options: unknown, now: () => number) => Omit<StageTiming, 'snapshot'>)
    | undefined;
  if (!stageTimes) {
    throw new Error('this WASM build has no `analyze_stage_times` export; rebuild it (npm run build:wasm)');
  }
  const t0 = performance.now();
  const { snapshot } = takeFlatSnapshot(doc);
  const t1 = performance.now();
  return { snapshot: t1 - t0, ...stageTimes(snapshot, {}, () => performance.now()) };
}

function readability(doc: Document = document): ReadabilityTiming {
  const t0 = performance.now();
  const clone = doc.cloneNode(true) as Document;
  const t1 = performance.now();
  const article = new Readability(clone).parse();
  const t2 = performance.now();
  return { clone: t1 - t0, parse: t2 - t1, text_chars: article?.textContent?.length ?? 0, found: article !== null };
}

/** The WASM analysis alone on this document's snapshot, `reps` times (for the seed article's figure). */
function analyzeOnly(reps: number, doc: Document = document): number[] {
  const { snapshot } = takeFlatSnapshot(doc);
  const times: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    core.analyze(snapshot, {});
    times.push(performance.now() - t0);
  }
  return times;
}

/** The document of the test page: this one, or the harness's iframe in the warm mode. */
function target(): Document {
  const frame = document.getElementById('claimlens-bench-page') as HTMLIFrameElement | null;
  return frame?.contentDocument ?? document;
}

/** Warm mode: loads a test page into the harness's iframe and resolves once it has loaded. */
function openInFrame(url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    document.getElementById('claimlens-bench-page')?.remove();
    const frame = document.createElement('iframe');
    frame.id = 'claimlens-bench-page';
    // The page's scripts run, as in a tab, but may not navigate the harness
    // away (frame-busting scripts do `top.location = self.location`).
    frame.setAttribute('sandbox', 'allow-same-origin allow-scripts');
    frame.width = '1280';
    frame.height = '900';
    frame.addEventListener('load', () => resolve(), { once: true });
    frame.addEventListener('error', () => reject(new Error(`cannot load ${url}`)), { once: true });
    frame.src = url;
    document.body.append(frame);
  });
}

/** Runs the named steps on the target document, in order, each after a forced GC. */
function runSteps(steps: readonly ('claimLens' | 'claimLensDraw' | 'readability' | 'extraction' | 'stages')[]): unknown[] {
  const doc = target();
  const table = { claimLens, claimLensDraw, readability, extraction, stages };
  return steps.map((step) => {
    (globalThis as { gc?: () => void }).gc?.();
    return table[step](doc);
  });
}

(globalThis as Record<string, unknown>).__claimlensBench = {
  openInFrame,
  runSteps,
  analyzeTarget: (reps: number) => analyzeOnly(reps, target()),
  load,
  coldStart,
  memoryBytes,
  claimLens,
  claimLensDraw,
  extraction,
  stages,
  readability,
  analyzeOnly,
  clearHighlights,
  claimsMapped: () => lastClaimByRange?.size ?? 0,
  crossOriginIsolated: () => globalThis.crossOriginIsolated === true,
};
