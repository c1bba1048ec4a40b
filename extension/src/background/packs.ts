// The fact-check packs the analysis consults, loaded into the core once per
// background lifetime, on first use (Chrome's service worker and Firefox's
// event page stop between events; a wake-up that only toggles the overlay
// loads nothing):
//   - the built-in pack, a file that ships with the extension (not in the
//     WASM), unless the reader turned it off on the options page;
//   - the packs the reader imported, from IndexedDB (factchecks/db.ts). One
//     that cannot be read or that the core refuses is quarantined and
//     reported in the storage problems log, and the others still load.
// Changes (import, removal, the built-in pack's switch) are serialised.

import { FactChecksDb, type PackInfo, type StoredPack, decodePackInfo } from '../factchecks/db';
import { isPackFile, packNameFor } from '../factchecks/pack-file';
import { type ImportReport, MAX_IMPORT_ISSUES, type PackEntry, type PackLoadTiming } from '../messages';
import { ext, translate as t } from '../platform';
import { loadSettings } from '../settings/store';
import type { StorageAreaLike } from '../storage/area';
import { appendProblem } from '../storage/problem-log';
import { loadCore, loadedPackNames, loadPackBytes, unloadPack } from './core';
import { buildPack } from './importer';
import { markStep } from './timing';

/** The built-in pack's file in the extension (extension/build.mjs copies it from assets/factchecks). */
export const BUILT_IN_PACK_PATH = 'packs/politifact.clpack';

interface BuiltInState {
  info: PackInfo | undefined;
  loaded: boolean;
  error: string | undefined;
  timing: PackLoadTiming | null;
}

interface UserPack {
  info: PackInfo;
  fileName: string;
  importedAt: string;
  loaded: boolean;
  error?: string;
}

const builtIn: BuiltInState = { info: undefined, loaded: false, error: undefined, timing: null };
const userPacks = new Map<string, UserPack>();
let quarantinedCount = 0;
let ready: Promise<void> | undefined;
/** Loading is over for this background lifetime (`ready` has resolved): every pack that could be read is in the core. */
let allLoaded = false;
let queue: Promise<unknown> = Promise.resolve();
let database: Promise<FactChecksDb> | undefined;

export class PackError extends Error {}

/** The fact-check database, opened on first use in this background lifetime. */
export function factChecksDb(): Promise<FactChecksDb> {
  database ??= FactChecksDb.open(indexedDB).catch((error: unknown) => {
    database = undefined; // let the next request try again
    throw error;
  });
  return database;
}

/** Runs `task` after every change queued before it. */
function serialised<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task, task);
  queue = run.catch(() => undefined);
  return run;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The core's answer to load_pack, checked. */
function loadIntoCore(bytes: Uint8Array): PackInfo {
  const decoded = decodePackInfo(loadPackBytes(bytes));
  if (!decoded.ok) {
    throw new PackError(decoded.reason);
  }
  return decoded.value;
}

interface BuiltPack {
  bytes: Uint8Array;
  report: ImportReport;
}

/** Builds a pack from a file of published fact-checks with the core's importers; throws (building nothing) on an unreadable file. */
async function buildFromFactChecks(fileName: string, bytes: Uint8Array, meta: { name: string; description: string; source: string; licence: string }): Promise<BuiltPack> {
  const raw = (await buildPack(fileName, bytes, meta)) as { bytes?: unknown; format?: unknown; records?: unknown; skipped?: unknown; duplicates?: unknown; issues?: unknown };
  if (!(raw.bytes instanceof Uint8Array) || typeof raw.format !== 'string' || !Array.isArray(raw.issues)) {
    throw new PackError(t('packErrorNoPack'));
  }
  const issues = raw.issues.filter((issue): issue is string => typeof issue === 'string');
  return {
    bytes: raw.bytes,
    report: {
      format: raw.format,
      records: Number(raw.records) || 0,
      skipped: Number(raw.skipped) || 0,
      duplicates: Number(raw.duplicates) || 0,
      issues: issues.slice(0, MAX_IMPORT_ISSUES),
      issuesTotal: issues.length,
    },
  };
}

/** Loads the packs into the core, once per background lifetime; later calls wait for the first. */
export function ensurePacks(): Promise<void> {
  ready ??= serialised(async () => {
    await loadCore();
    const settings = await loadSettings();
    if (settings.packs.builtIn) {
      await loadBuiltIn();
    }
    markStep('built-in-pack');
    await loadUserPacks().catch(reportUserPacksUnread);
    allLoaded = true; // with the built-in pack alone if need be: else every page is analysed twice and it is reloaded each time
    markStep('packs');
  }).catch((error: unknown) => {
    ready = undefined; // the core or the settings failed to load: try again next time
    throw error;
  });
  return ready;
}

/** The imported packs' store failed (IndexedDB, the problems log): said in the problems log when that is writable. */
async function reportUserPacksUnread(error: unknown): Promise<void> {
  console.warn('ClaimLens: the imported fact-check packs could not be read', error);
  await appendProblem(ext.storage.local as unknown as StorageAreaLike, {
    at: new Date().toISOString(),
    source: 'packs',
    problems: [`the imported fact-check packs could not be read (${errorText(error)})`],
  }).catch(() => undefined);
}

async function loadBuiltIn(): Promise<void> {
  const start = performance.now();
  try {
    const response = await fetch(ext.runtime.getURL(BUILT_IN_PACK_PATH));
    if (!response.ok) throw new PackError(t('packErrorBuiltInMissing', [String(response.status)]));
    const bytes = new Uint8Array(await response.arrayBuffer());
    const fetched = performance.now();
    builtIn.info = loadIntoCore(bytes);
    const loaded = performance.now();
    builtIn.loaded = true;
    builtIn.error = undefined;
    builtIn.timing = { fetchMs: round(fetched - start), loadMs: round(loaded - fetched), totalMs: round(loaded - start) };
    console.info(`ClaimLens: the built-in fact-check pack (${builtIn.info.records} fact-checks) loaded in ${builtIn.timing.totalMs} ms`, builtIn.timing);
  } catch (error) {
    builtIn.loaded = false;
    builtIn.error = errorText(error);
    console.warn('ClaimLens: the built-in fact-check pack could not be loaded', error);
  }
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}

async function loadUserPacks(): Promise<void> {
  let db: FactChecksDb;
  try {
    db = await factChecksDb();
  } catch (error) {
    console.warn('ClaimLens: the imported fact-check packs could not be read', error);
    return;
  }
  const { packs, quarantined } = await db.userPacks();
  const problems = quarantined.map((entry) => `an imported pack record was unreadable and was quarantined (${entry.reason})`);
  for (const stored of packs) {
    if (builtIn.info && stored.name === builtIn.info.name) {
      continue; // never replaces the built-in pack (an import of its name is refused; this is an old record)
    }
    try {
      const info = await loadStored(stored);
      userPacks.set(info.name, { info, fileName: stored.fileName, importedAt: stored.importedAt, loaded: true });
    } catch (error) {
      const reason = errorText(error);
      await db.quarantinePack(stored.name, reason);
      quarantined.push({ at: new Date().toISOString(), source: 'load', reason, raw: undefined });
      problems.push(t('packProblemQuarantined', [stored.name, stored.fileName, reason]));
    }
  }
  quarantinedCount = (await db.quarantine()).length;
  if (problems.length > 0) {
    await appendProblem(ext.storage.local as unknown as StorageAreaLike, {
      at: new Date().toISOString(),
      source: 'packs',
      problems,
      data: JSON.stringify(quarantined.map((entry) => describeQuarantined(entry.raw))),
    });
  }
}

/**
 * Loads a stored pack. One built from the reader's file of fact-checks that
 * this core no longer reads (a pack format or text analyser changed with an
 * upgrade) is rebuilt from that file and stored again.
 */
async function loadStored(stored: StoredPack): Promise<PackInfo> {
  try {
    return loadIntoCore(stored.bytes);
  } catch (error) {
    if (!stored.original) throw error;
    const { bytes } = await buildFromFactChecks(stored.fileName, stored.original, {
      name: stored.name,
      description: stored.info.description,
      source: stored.info.source,
      licence: stored.info.licence,
    });
    const info = loadIntoCore(bytes);
    const rebuilt: StoredPack = { ...stored, info, bytes };
    void factChecksDb()
      .then((db) => db.putPack(rebuilt))
      .catch((problem: unknown) => console.warn('ClaimLens: a rebuilt pack could not be stored; it is rebuilt again next time', problem));
    return info;
  }
}

/** A quarantined record for the problems log: its fields, without the (large) pack bytes. */
function describeQuarantined(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null) return raw ?? null;
  const { bytes, original, ...rest } = raw as Record<string, unknown>;
  const described: Record<string, unknown> = { ...rest };
  for (const [field, value] of [['bytes', bytes], ['original', original]] as const) {
    if (value instanceof Uint8Array || value instanceof ArrayBuffer) described[field] = `${value.byteLength} bytes`;
    else if (value !== undefined) described[field] = value;
  }
  return described;
}

/** Whether the packs are all in the core: an analysis made now matches against every one. */
export function packsLoaded(): boolean {
  return allLoaded;
}

/** The built-in pack's switch changed on the options page. */
export function applyPackSettings(useBuiltIn: boolean): Promise<void> {
  if (!ready) {
    return Promise.resolve(); // nothing loaded yet: the first use reads the settings
  }
  return serialised(async () => {
    await ready;
    await reconcileBuiltIn(useBuiltIn);
  });
}

/** Loads or unloads the built-in pack as the settings say. Call inside `serialised`, after `ready`. */
async function reconcileBuiltIn(useBuiltIn: boolean): Promise<void> {
  if (useBuiltIn && !builtIn.loaded) {
    await loadBuiltIn();
  } else if (!useBuiltIn && builtIn.loaded && builtIn.info) {
    unloadPack(builtIn.info.name);
    builtIn.loaded = false;
  }
}

/** Learns the built-in pack's name, source and licence without keeping it loaded (it is switched off). */
async function builtInInfo(): Promise<PackInfo | undefined> {
  if (builtIn.info || builtIn.error) return builtIn.info;
  try {
    const response = await fetch(ext.runtime.getURL(BUILT_IN_PACK_PATH));
    const info = loadIntoCore(new Uint8Array(await response.arrayBuffer()));
    unloadPack(info.name);
    builtIn.info = info;
  } catch (error) {
    builtIn.error = errorText(error);
  }
  return builtIn.info;
}

export async function listPacks(): Promise<{ packs: PackEntry[]; timing: PackLoadTiming | null; quarantined: number }> {
  await ensurePacks();
  return serialised(async () => {
    const settings = await loadSettings();
    // The settings' change event may not have reached this background yet: the list shows the settings' truth.
    await reconcileBuiltIn(settings.packs.builtIn);
    const info = await builtInInfo();
    const loadedNames = new Set(loadedPackNames());
    const packs: PackEntry[] = [];
    const builtInEntry: PackEntry = info
      ? { ...info, builtIn: true, loaded: settings.packs.builtIn && loadedNames.has(info.name) }
      : { name: BUILT_IN_PACK_PATH, description: '', source: '', licence: '', records: 0, bytes: 0, builtIn: true, loaded: false };
    if (builtIn.error !== undefined) builtInEntry.error = builtIn.error;
    packs.push(builtInEntry);
    for (const pack of userPacks.values()) {
      const entry: PackEntry = { ...pack.info, builtIn: false, loaded: loadedNames.has(pack.info.name), fileName: pack.fileName, importedAt: pack.importedAt };
      if (pack.error !== undefined) entry.error = pack.error;
      packs.push(entry);
    }
    return { packs, timing: builtIn.timing, quarantined: quarantinedCount };
  });
}

/**
 * Imports a file: a ready .clpack, or a file of published fact-checks
 * (ClaimReview JSON-LD, a claims:search response, JSON Lines, an HTML page
 * with ClaimReview) that the core builds a pack from, reporting every bad
 * record. The core checks the pack first (a damaged file throws and leaves the
 * loaded packs as they were), then it is stored. Nothing changes unless both
 * succeed. A pack with the name of one imported earlier replaces it.
 */
export async function importPack(fileName: string, bytes: Uint8Array): Promise<{ pack: PackEntry; replaced: boolean; report?: ImportReport }> {
  await ensurePacks();
  return serialised(async () => {
    const builtInName = (await builtInInfo())?.name;
    let packBytes = bytes;
    let original: Uint8Array | undefined;
    let report: ImportReport | undefined;
    if (!isPackFile(fileName, bytes)) {
      let name = packNameFor(fileName);
      if (name === builtInName) name = `${name}-imported`;
      try {
        ({ bytes: packBytes, report } = await buildFromFactChecks(fileName, bytes, { name, description: '', source: fileName, licence: '' }));
      } catch (error) {
        throw new PackError(errorText(error));
      }
      original = bytes;
    }
    let info: PackInfo;
    try {
      info = loadIntoCore(packBytes);
    } catch (error) {
      throw new PackError(errorText(error));
    }
    if (info.name === builtInName) {
      // loading it replaced the built-in pack by this one: put the built-in pack back as it was.
      unloadPack(info.name);
      if (builtIn.loaded) await loadBuiltIn();
      throw new PackError(t('packErrorBuiltInName', [info.name]));
    }
    const previous = userPacks.get(info.name);
    const stored: StoredPack = { v: 1, name: info.name, fileName, importedAt: new Date().toISOString(), info, bytes: packBytes };
    if (original) stored.original = original;
    try {
      await (await factChecksDb()).putPack(stored);
    } catch (error) {
      // Not stored: the core must not keep a pack that would be gone after a restart.
      unloadPack(info.name);
      if (previous) await reloadStored(info.name);
      throw new PackError(t('packErrorNotStored', [errorText(error)]));
    }
    userPacks.set(info.name, { info, fileName, importedAt: stored.importedAt, loaded: true });
    const pack: PackEntry = { ...info, builtIn: false, loaded: true, fileName, importedAt: stored.importedAt };
    return report ? { pack, replaced: previous !== undefined, report } : { pack, replaced: previous !== undefined };
  });
}

async function reloadStored(name: string): Promise<void> {
  const { packs } = await (await factChecksDb()).userPacks();
  const stored = packs.find((pack) => pack.name === name);
  if (stored) loadIntoCore(stored.bytes);
}

/** Removes an imported pack; the built-in one can only be switched off. */
export async function removePack(name: string): Promise<void> {
  await ensurePacks();
  return serialised(async () => {
    if (!userPacks.has(name)) {
      throw new PackError(name === builtIn.info?.name ? t('packErrorBuiltInRemove') : t('packErrorNoSuchPack', [name]));
    }
    await (await factChecksDb()).deletePack(name);
    unloadPack(name);
    userPacks.delete(name);
  });
}

/** "Delete all data": every imported pack, the quarantine and the live answers; the built-in pack stays as the settings say. */
export async function deleteAllFactChecks(): Promise<void> {
  const db = await factChecksDb();
  return serialised(async () => {
    await db.clearAll();
    if (ready) {
      for (const name of userPacks.keys()) unloadPack(name);
    }
    userPacks.clear();
    quarantinedCount = 0;
  });
}
