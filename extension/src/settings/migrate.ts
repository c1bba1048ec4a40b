// Settings written by older versions, brought to the current shape before
// validation (schema.ts). Pure.
//
// Version 0 (the first release) kept each setting as its own flat key in the
// storage area, in the forms its options page used:
//   enabled            boolean
//   sensitivity        whole percent 0..100 (absent: the model's default)
//   hiddenKinds        comma-separated claim kinds not shown, e.g. "quote,prediction"
//   hiddenSourcing     comma-separated sourcing kinds not shown
//   alwaysSites        one host per line
//   neverSites         one host per line
//   factCheckEnabled   boolean
//   factCheckApiKey    string
//   factCheckEndpoint  string
//   factCheckCacheDays number of days
// Version 1 (current) is one object under the "settings" key (schema.ts).

import { CLAIM_KINDS, SETTINGS_VERSION, SOURCING_KINDS, defaultSettings } from './schema';

export const V0_KEYS = [
  'enabled',
  'sensitivity',
  'hiddenKinds',
  'hiddenSourcing',
  'alwaysSites',
  'neverSites',
  'factCheckEnabled',
  'factCheckApiKey',
  'factCheckEndpoint',
  'factCheckCacheDays',
] as const;

export interface Migrated {
  /** A version-1 shaped value, still to be validated. */
  value: Record<string, unknown>;
  /** What could not be carried over, in plain words (the v0 value itself is kept by the caller). */
  problems: string[];
}

/** True when `stored` (a whole storage area) holds version-0 settings. */
export function hasV0Settings(stored: Record<string, unknown>): boolean {
  return V0_KEYS.some((key) => stored[key] !== undefined);
}

/** The version-0 keys present in `stored`, with their values: what a backup keeps. */
export function v0Subset(stored: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(V0_KEYS.filter((key) => stored[key] !== undefined).map((key) => [key, stored[key]]));
}

function list(value: unknown, separator: RegExp): string[] | undefined {
  if (typeof value !== 'string') return undefined;
  return value
    .split(separator)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/**
 * Maps version-0 keys onto the version-1 shape. Fields it cannot read are
 * left out (validation then gives them their default) and reported.
 */
export function migrateV0(stored: Record<string, unknown>): Migrated {
  const problems: string[] = [];
  const defaults = defaultSettings();
  const value: Record<string, unknown> = { version: SETTINGS_VERSION };

  if (stored.enabled !== undefined) value.enabled = stored.enabled;

  const sensitivity = stored.sensitivity;
  if (sensitivity !== undefined && sensitivity !== null) {
    if (typeof sensitivity === 'number' && sensitivity >= 0 && sensitivity <= 100) {
      value.threshold = Math.round(sensitivity * 100) / 10_000;
    } else {
      problems.push(`version 0 sensitivity ${JSON.stringify(sensitivity)} is not a percentage; the model default is used`);
    }
  }

  const hidden = (key: 'hiddenKinds' | 'hiddenSourcing', known: readonly string[], into: Record<string, boolean>) => {
    if (stored[key] === undefined) return;
    const names = list(stored[key], /,/);
    if (names === undefined) {
      problems.push(`version 0 ${key} is not a list; everything is shown`);
      return;
    }
    for (const name of names) {
      if (known.includes(name)) into[name] = false;
      else problems.push(`version 0 ${key} names an unknown kind "${name.slice(0, 80)}"`);
    }
  };
  const kinds: Record<string, boolean> = { ...defaults.kinds };
  const sourcing: Record<string, boolean> = { ...defaults.sourcing };
  hidden('hiddenKinds', CLAIM_KINDS, kinds);
  hidden('hiddenSourcing', SOURCING_KINDS, sourcing);
  value.kinds = kinds;
  value.sourcing = sourcing;

  const sites: Record<string, string[]> = {};
  for (const [key, name] of [['alwaysSites', 'always'], ['neverSites', 'never']] as const) {
    if (stored[key] === undefined) continue;
    const hosts = list(stored[key], /[\n,]/);
    if (hosts === undefined) problems.push(`version 0 ${key} is not text`);
    else sites[name] = hosts; // each host is checked by validateSettings, which reports bad ones
  }
  value.sites = sites;

  const live: Record<string, unknown> = {};
  if (stored.factCheckEnabled !== undefined) live.enabled = stored.factCheckEnabled;
  if (stored.factCheckApiKey !== undefined) live.apiKey = stored.factCheckApiKey;
  if (stored.factCheckEndpoint !== undefined) live.endpoint = stored.factCheckEndpoint;
  const days = stored.factCheckCacheDays;
  if (days !== undefined) {
    if (typeof days === 'number' && Number.isFinite(days)) live.cacheHours = days * 24;
    else problems.push(`version 0 factCheckCacheDays ${JSON.stringify(days)} is not a number; the default is used`);
  }
  value.liveSource = live;
  return { value, problems };
}
