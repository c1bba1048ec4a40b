// The reader's settings: their shape, defaults, and a validator that turns
// any stored value (corrupt, partial, or from an older version) into valid
// settings plus a list of what was wrong. Storage and migration live beside
// this file; every reader of settings goes through `validateSettings`.

import type { SourcingKind } from '../analysis';
import { CLAIM_KINDS, type ClaimKindName } from '../claim-kinds';

export const SETTINGS_VERSION = 1;

/** Claim kinds the reader can show or hide (the core's `claims[].kinds`): see claim-kinds.ts. */
export { CLAIM_KINDS, type ClaimKindName };

export const SOURCING_KINDS: readonly SourcingKind[] = [
  'named',
  'anonymous',
  'vague',
  'unattributed',
  'outlet',
];

export interface LiveSourceSettings {
  /** Off unless the reader turns it on in the options page. */
  enabled: boolean;
  /** The reader's own Google Fact Check Tools API key. */
  apiKey: string;
  /** `claims:search` endpoint; configurable so tests can point it at 127.0.0.1. */
  endpoint: string;
  /** How long a cached answer is reused. */
  cacheHours: number;
}

export interface PackSettings {
  /** The fact-check pack that ships with ClaimLens: on unless the reader turns it off (it cannot be deleted). */
  builtIn: boolean;
}

export interface Settings {
  version: typeof SETTINGS_VERSION;
  /** Global off switch: when false, nothing is analysed or drawn anywhere. */
  enabled: boolean;
  /**
   * Check-worthiness cut-off, 0..1; null uses the model's calibrated default.
   * Claims scoring at or above it are highlighted.
   */
  threshold: number | null;
  kinds: Record<ClaimKindName, boolean>;
  sourcing: Record<SourcingKind, boolean>;
  /** Hostnames (e.g. "example.com") annotated automatically, or never. */
  sites: { always: string[]; never: string[] };
  liveSource: LiveSourceSettings;
  packs: PackSettings;
}

export const DEFAULT_LIVE_ENDPOINT = 'https://factchecktools.googleapis.com/v1alpha1/claims:search';

export function defaultSettings(): Settings {
  return {
    version: SETTINGS_VERSION,
    enabled: true,
    threshold: null,
    kinds: Object.fromEntries(CLAIM_KINDS.map((k) => [k, true])) as Record<ClaimKindName, boolean>,
    sourcing: Object.fromEntries(SOURCING_KINDS.map((k) => [k, true])) as Record<SourcingKind, boolean>,
    sites: { always: [], never: [] },
    liveSource: { enabled: false, apiKey: '', endpoint: DEFAULT_LIVE_ENDPOINT, cacheHours: 24 * 7 },
    packs: { builtIn: true },
  };
}

export interface ValidatedSettings {
  settings: Settings;
  /** What was invalid and replaced by its default; empty when the value was clean. */
  problems: string[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A hostname as the site lists store it: lower case, no scheme, port or path. */
export function normalizeHost(value: string): string | null {
  const host = value.trim().toLowerCase().replace(/^[a-z]+:\/\//, '').split(/[/:?#]/)[0] ?? '';
  return /^[a-z0-9.-]+$/.test(host) && host.includes('.') ? host : host === 'localhost' ? host : null;
}

/**
 * Field by field: a field that is missing or of the wrong type takes its
 * default and is reported; valid fields are kept. Never throws.
 */
export function validateSettings(raw: unknown): ValidatedSettings {
  const settings = defaultSettings();
  const problems: string[] = [];
  if (raw === undefined || raw === null) {
    return { settings, problems };
  }
  if (!isRecord(raw)) {
    return { settings, problems: ['settings are not an object'] };
  }
  const bool = (value: unknown, name: string, fallback: boolean): boolean => {
    if (value === undefined) return fallback;
    if (typeof value === 'boolean') return value;
    problems.push(`${name} is not true or false`);
    return fallback;
  };
  settings.enabled = bool(raw.enabled, 'enabled', settings.enabled);
  if (raw.threshold !== undefined && raw.threshold !== null) {
    if (typeof raw.threshold === 'number' && raw.threshold >= 0 && raw.threshold <= 1) {
      settings.threshold = raw.threshold;
    } else {
      problems.push('threshold is not a number from 0 to 1');
    }
  }
  const flags = <K extends string>(value: unknown, name: string, keys: readonly K[], into: Record<K, boolean>) => {
    if (value === undefined) return;
    if (!isRecord(value)) {
      problems.push(`${name} is not an object`);
      return;
    }
    for (const key of keys) {
      into[key] = bool(value[key], `${name}.${key}`, into[key]);
    }
  };
  flags(raw.kinds, 'kinds', CLAIM_KINDS, settings.kinds);
  flags(raw.sourcing, 'sourcing', SOURCING_KINDS, settings.sourcing);
  if (raw.sites !== undefined) {
    if (isRecord(raw.sites)) {
      for (const list of ['always', 'never'] as const) {
        const value = raw.sites[list];
        if (value === undefined) continue;
        if (!Array.isArray(value)) {
          problems.push(`sites.${list} is not a list`);
          continue;
        }
        for (const item of value) {
          const host = typeof item === 'string' ? normalizeHost(item) : null;
          if (host === null) problems.push(`sites.${list} has an invalid site: ${String(item).slice(0, 80)}`);
          else if (!settings.sites[list].includes(host)) settings.sites[list].push(host);
        }
      }
    } else {
      problems.push('sites is not an object');
    }
  }
  if (raw.liveSource !== undefined) {
    const live = raw.liveSource;
    if (isRecord(live)) {
      settings.liveSource.enabled = bool(live.enabled, 'liveSource.enabled', false);
      if (live.apiKey !== undefined) {
        if (typeof live.apiKey === 'string') settings.liveSource.apiKey = live.apiKey.trim();
        else problems.push('liveSource.apiKey is not text');
      }
      if (live.endpoint !== undefined) {
        if (typeof live.endpoint === 'string' && /^https?:\/\//.test(live.endpoint)) {
          settings.liveSource.endpoint = live.endpoint;
        } else {
          problems.push('liveSource.endpoint is not an http(s) address');
        }
      }
      if (live.cacheHours !== undefined) {
        if (typeof live.cacheHours === 'number' && live.cacheHours >= 0 && live.cacheHours <= 24 * 365) {
          settings.liveSource.cacheHours = live.cacheHours;
        } else {
          problems.push('liveSource.cacheHours is out of range');
        }
      }
    } else {
      problems.push('liveSource is not an object');
    }
  }
  if (raw.packs !== undefined) {
    if (isRecord(raw.packs)) {
      settings.packs.builtIn = bool(raw.packs.builtIn, 'packs.builtIn', settings.packs.builtIn);
    } else {
      problems.push('packs is not an object');
    }
  }
  if (raw.version !== undefined && raw.version !== SETTINGS_VERSION) {
    problems.push(`settings version ${String(raw.version)} was upgraded to ${SETTINGS_VERSION}`);
  }
  return { settings, problems };
}
