// The storage problems log: what was wrong with stored data, when, and the
// data itself, kept in storage.local for the options page to show. Corrupt
// settings, quarantined notes and quarantined fact-check packs are reported here, never silently dropped.
// Bounded: the newest entries are kept, each with at most MAX_DATA_CHARS of data.

import type { StorageAreaLike } from './area';

export const PROBLEM_LOG_KEY = 'storageProblems';
export const MAX_PROBLEM_ENTRIES = 30;
export const MAX_DATA_CHARS = 100_000;

export interface StorageProblem {
  /** ISO 8601. */
  at: string;
  source: 'settings' | 'notes' | 'packs';
  /** One line per problem, in plain words. */
  problems: string[];
  /** The offending stored value as JSON (truncated to MAX_DATA_CHARS), when there is one. */
  data?: string;
}

function isProblem(value: unknown): value is StorageProblem {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Record<string, unknown>;
  return (
    typeof entry.at === 'string' &&
    (entry.source === 'settings' || entry.source === 'notes' || entry.source === 'packs') &&
    Array.isArray(entry.problems) &&
    entry.problems.every((p) => typeof p === 'string') &&
    (entry.data === undefined || typeof entry.data === 'string')
  );
}

/** The stored value as JSON for the log; never throws (cycles and BigInts are not JSON). */
export function describeData(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  let json: string;
  try {
    json = JSON.stringify(value) ?? String(value);
  } catch {
    json = String(value);
  }
  return json.length > MAX_DATA_CHARS ? `${json.slice(0, MAX_DATA_CHARS)}… (${json.length} characters in all)` : json;
}

/** The log, newest last. A damaged log is reported as its own first entry rather than hidden. */
export async function readProblems(area: StorageAreaLike): Promise<StorageProblem[]> {
  const stored = (await area.get(PROBLEM_LOG_KEY))[PROBLEM_LOG_KEY];
  if (stored === undefined) return [];
  if (!Array.isArray(stored)) {
    return [{ at: new Date(0).toISOString(), source: 'settings', problems: ['the storage problems log itself is unreadable'], data: describeData(stored) }];
  }
  const entries = stored.filter(isProblem);
  if (entries.length < stored.length) {
    entries.unshift({
      at: new Date(0).toISOString(),
      source: 'settings',
      problems: [`${stored.length - entries.length} entries of the storage problems log are unreadable`],
      data: describeData(stored.filter((entry) => !isProblem(entry))),
    });
  }
  return entries;
}

/** Adds an entry, unless it repeats the newest entry from the same source. */
export async function appendProblem(area: StorageAreaLike, entry: StorageProblem): Promise<void> {
  const stored = (await area.get(PROBLEM_LOG_KEY))[PROBLEM_LOG_KEY];
  const entries = Array.isArray(stored) ? stored.filter(isProblem) : [];
  const previous = [...entries].reverse().find((e) => e.source === entry.source);
  if (previous && previous.data === entry.data && previous.problems.join('\n') === entry.problems.join('\n')) {
    return;
  }
  entries.push(entry);
  await area.set({ [PROBLEM_LOG_KEY]: entries.slice(-MAX_PROBLEM_ENTRIES) });
}

export async function clearProblems(area: StorageAreaLike): Promise<void> {
  await area.remove(PROBLEM_LOG_KEY);
}
