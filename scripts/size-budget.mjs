// Sizes of what ClaimLens ships, and the CI size budget (budgets/size-budget.jsonc).
//
//   node scripts/size-budget.mjs              check the WASM, and the zips when built
//   node scripts/size-budget.mjs --wasm       check the WASM only (right after npm run build:wasm)
//   node scripts/size-budget.mjs --zips       check the extension zips only (they must exist)
//   node scripts/size-budget.mjs --report     print the sizes, check nothing
//   node scripts/size-budget.mjs --update     write the current sizes into the budget file
//
// Exits 1 when a size grows more than the budget's tolerance past its budget,
// or when the WASM passes its hard limit.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { parseJsonc } from './lib/jsonc.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const BUDGET_FILE = join(root, 'budgets', 'size-budget.jsonc');
const WASM = join(root, 'extension', 'pkg', 'claimlens_bg.wasm');
const GLUE = join(root, 'extension', 'pkg', 'claimlens.js');
// The fact-check packs the product ships (the default pack among them).
const ASSETS = join(root, 'assets', 'factchecks');
const DIST = join(root, 'extension', 'dist');
/** The content script, injected into every page the reader analyses: the same bundle for both browsers. */
const CONTENT_SCRIPT = join(DIST, 'chrome', 'content.js');
/** What would show IndexedDB code in the content script (it belongs in the background, which owns the databases). */
const INDEXED_DB_MARKERS = /\bindexedDB\b|\bIDBDatabase\b|\bIDBKeyRange\b/;

/**
 * `gzip -9 -n`, as scripts/build-wasm.sh reports it (GNU gzip compresses a
 * little differently from zlib); zlib level 9 where gzip is not installed.
 */
function gzipped(path) {
  try {
    return execFileSync('gzip', ['-9', '-n', '-c', path], { maxBuffer: 1 << 30 }).length;
  } catch {
    return gzipSync(readFileSync(path), { level: 9 }).length;
  }
}

/**
 * What is on disk now. Absent artefacts are null (the WASM not built, no
 * fact-check pack yet, the extension not packaged).
 */
export function measureSizes() {
  const wasm = existsSync(WASM) ? { path: WASM, bytes: statSync(WASM).size, gzip_bytes: gzipped(WASM) } : null;
  const glue = existsSync(GLUE) ? { path: GLUE, bytes: statSync(GLUE).size, gzip_bytes: gzipped(GLUE) } : null;
  const packs = existsSync(ASSETS)
    ? readdirSync(ASSETS)
        .filter((name) => name.endsWith('.clpack'))
        .sort()
        .map((name) => {
          const path = join(ASSETS, name);
          return { name, path, bytes: statSync(path).size, gzip_bytes: gzipped(path) };
        })
    : [];
  const zips = {};
  if (existsSync(DIST)) {
    for (const name of readdirSync(DIST).sort()) {
      const match = /^claimlens-([a-z]+)-.*\.zip$/.exec(name);
      if (match) {
        zips[match[1]] = { name, path: join(DIST, name), bytes: statSync(join(DIST, name)).size };
      }
    }
  }
  const content = existsSync(CONTENT_SCRIPT)
    ? (() => {
        const text = readFileSync(CONTENT_SCRIPT, 'utf8');
        return { path: CONTENT_SCRIPT, bytes: statSync(CONTENT_SCRIPT).size, gzip_bytes: gzipped(CONTENT_SCRIPT), indexedDb: INDEXED_DB_MARKERS.exec(text)?.[0] ?? null };
      })()
    : null;
  return { wasm, glue, packs, zips, content };
}

export function readBudget() {
  return parseJsonc(readFileSync(BUDGET_FILE, 'utf8'));
}

const kb = (bytes) => `${(bytes / 1000).toFixed(1)} KB`;

/** Problems (strings) for the parts asked for; an empty list passes. */
export function checkBudget(sizes, budget, { wasm = true, zips = true, requireZips = false } = {}) {
  const problems = [];
  const allowed = (limit) => Math.floor(limit * (1 + budget.tolerance));
  if (wasm) {
    if (!sizes.wasm) {
      problems.push(`${WASM} is missing: run npm run build:wasm first`);
    } else {
      const gz = sizes.wasm.gzip_bytes;
      if (gz > allowed(budget.wasm_gzip_bytes)) {
        problems.push(
          `WASM is ${gz} bytes gzipped: more than ${Math.round(budget.tolerance * 100)}% over its budget of ${budget.wasm_gzip_bytes} (allowed up to ${allowed(budget.wasm_gzip_bytes)}). ` +
            'Make it smaller, or raise the budget deliberately (see budgets/size-budget.jsonc).',
        );
      }
      if (gz > budget.wasm_gzip_hard_limit_bytes) {
        problems.push(`WASM is ${gz} bytes gzipped: past the hard limit of ${budget.wasm_gzip_hard_limit_bytes}.`);
      }
    }
  }
  if (zips) {
    const built = Object.keys(sizes.zips);
    if (requireZips && built.length === 0) {
      problems.push(`no extension zips in ${DIST}: run npm run build:extension first`);
    }
    if (sizes.content) {
      const limit = budget.content_script_gzip_bytes;
      if (typeof limit !== 'number') {
        problems.push('no budget for the content script in budgets/size-budget.jsonc (content_script_gzip_bytes); set one with --update');
      } else if (sizes.content.gzip_bytes > allowed(limit)) {
        problems.push(
          `the content script is ${sizes.content.gzip_bytes} bytes gzipped: more than ${Math.round(budget.tolerance * 100)}% over its budget of ${limit}. ` +
            'It runs in every analysed page: keep it lean, or raise the budget deliberately (see budgets/size-budget.jsonc).',
        );
      }
      if (sizes.content.indexedDb) {
        problems.push(`the content script contains IndexedDB code (${sizes.content.indexedDb}): the databases belong to the background; reach them by message`);
      }
    }
    for (const [browser, zip] of Object.entries(sizes.zips)) {
      const limit = budget.zip_bytes?.[browser];
      if (typeof limit !== 'number') {
        problems.push(`no budget for ${zip.name} in budgets/size-budget.jsonc (zip_bytes.${browser}); set one with --update`);
      } else if (zip.bytes > allowed(limit)) {
        problems.push(
          `${zip.name} is ${zip.bytes} bytes: more than ${Math.round(budget.tolerance * 100)}% over its budget of ${limit}. ` +
            'Make it smaller, or raise the budget deliberately (see budgets/size-budget.jsonc).',
        );
      }
    }
  }
  return problems;
}

/** Rewrites the numbers in the budget file in place, keeping its comments. */
function updateBudget(sizes) {
  let text = readFileSync(BUDGET_FILE, 'utf8');
  const set = (key, value) => {
    const pattern = new RegExp(`("${key}"\\s*:\\s*)(\\d+|null)`);
    if (!pattern.test(text)) {
      throw new Error(`budgets/size-budget.jsonc has no "${key}" entry`);
    }
    text = text.replace(pattern, `$1${value}`);
  };
  if (sizes.wasm) {
    set('wasm_gzip_bytes', sizes.wasm.gzip_bytes);
  }
  for (const [browser, zip] of Object.entries(sizes.zips)) {
    set(browser, zip.bytes);
  }
  if (sizes.content) {
    set('content_script_gzip_bytes', sizes.content.gzip_bytes);
  }
  writeFileSync(BUDGET_FILE, text);
}

export function sizeLines(sizes) {
  const lines = [];
  if (sizes.wasm) {
    lines.push(`WASM ${kb(sizes.wasm.bytes)} raw, ${kb(sizes.wasm.gzip_bytes)} gzipped (-9)${sizes.glue ? `; JS glue ${kb(sizes.glue.gzip_bytes)} gzipped` : ''}`);
  } else {
    lines.push('WASM: not built');
  }
  if (sizes.packs.length === 0) {
    lines.push('fact-check pack: none in assets/ yet');
  }
  for (const pack of sizes.packs) {
    lines.push(`fact-check pack ${pack.name}: ${kb(pack.bytes)} raw, ${kb(pack.gzip_bytes)} gzipped`);
  }
  if (Object.keys(sizes.zips).length === 0) {
    lines.push('extension zips: not built');
  }
  for (const zip of Object.values(sizes.zips)) {
    lines.push(`${zip.name}: ${kb(zip.bytes)}`);
  }
  if (sizes.content) {
    lines.push(`content script: ${kb(sizes.content.bytes)} raw, ${kb(sizes.content.gzip_bytes)} gzipped${sizes.content.indexedDb ? ' (with IndexedDB code!)' : ''}`);
  }
  return lines;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      wasm: { type: 'boolean', default: false },
      zips: { type: 'boolean', default: false },
      report: { type: 'boolean', default: false },
      update: { type: 'boolean', default: false },
    },
  });
  const sizes = measureSizes();
  for (const line of sizeLines(sizes)) {
    console.log(`size-budget: ${line}`);
  }
  if (values.update) {
    updateBudget(sizes);
    console.log(`size-budget: wrote the current sizes into ${BUDGET_FILE}; commit it with the reason`);
  } else if (!values.report) {
    const budget = readBudget();
    const both = !values.wasm && !values.zips;
    const problems = checkBudget(sizes, budget, {
      wasm: both || values.wasm,
      zips: both || values.zips,
      requireZips: values.zips,
    });
    for (const problem of problems) {
      console.error(`size-budget: FAIL: ${problem}`);
    }
    if (problems.length > 0) {
      process.exit(1);
    }
    console.log(`size-budget: within budget (+${Math.round(budget.tolerance * 100)}% allowed over ${BUDGET_FILE.slice(root.length + 1)})`);
  }
}
