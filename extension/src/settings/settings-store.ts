// Where the settings live and how they are read and written, on storage
// areas passed in (store.ts binds the browser's; the tests bind in-memory ones).
//
// Layout:
//   storage.sync   "settings": the Settings object (schema.ts) WITHOUT the API key.
//   storage.local  "liveSourceApiKey": the API key. Never synced: it is the reader's
//                  secret, and sync would copy it to the browser vendor's servers.
//                  "settings" + "settingsLocation": "local": the settings, when
//                  storage.sync refused them (sync disabled, quota) or cannot be read.
//                  "settingsV0Backup": the version-0 keys, as they were, after a migration.
//                  "storageProblems": the problems log (storage/problem-log.ts).
//
// Every read goes through migration (migrate.ts) and validateSettings: a
// corrupt or old value falls back field by field, the problems and the
// offending value go to the problems log, and the repaired value is written back.

import type { StorageAreaLike, StorageChangeEvent, StorageChangeListener } from '../storage/area';
import { appendProblem, describeData } from '../storage/problem-log';
import { hasV0Settings, migrateV0, V0_KEYS, v0Subset } from './migrate';
import { type Settings, validateSettings } from './schema';

export const SETTINGS_KEY = 'settings';
export const API_KEY_KEY = 'liveSourceApiKey';
export const LOCATION_KEY = 'settingsLocation';
export const V0_BACKUP_KEY = 'settingsV0Backup';
const WATCHED_KEYS = [SETTINGS_KEY, API_KEY_KEY, LOCATION_KEY];

export interface SettingsBackend {
  sync: StorageAreaLike;
  local: StorageAreaLike;
  onChanged?: StorageChangeEvent;
}

export interface LoadedSettings {
  settings: Settings;
  /** What was wrong with the stored value (also in the problems log); empty when it was clean. */
  problems: string[];
  /** Where the settings were read from. */
  area: 'sync' | 'local';
  /** Set when older settings were found and upgraded on this read. */
  migratedFrom?: number;
}

export class SettingsError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid settings: ${problems.join('; ')}`);
    this.name = 'SettingsError';
  }
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export class SettingsStore {
  constructor(
    private readonly backend: SettingsBackend,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async load(): Promise<LoadedSettings> {
    const problems: string[] = [];
    const local = await this.backend.local.get(null);
    let area: 'sync' | 'local' = 'sync';
    let stored: Record<string, unknown>;
    if (local[LOCATION_KEY] === 'local') {
      area = 'local';
      stored = local;
    } else {
      try {
        stored = await this.backend.sync.get(null);
      } catch (error) {
        problems.push(`storage.sync could not be read (${message(error)}); the copy in storage.local was used`);
        area = 'local';
        stored = local;
      }
    }

    let raw = stored[SETTINGS_KEY];
    let migratedFrom: number | undefined;
    let v0: Record<string, unknown> | undefined;
    if (raw === undefined && hasV0Settings(stored)) {
      v0 = v0Subset(stored);
      const migrated = migrateV0(stored);
      raw = migrated.value;
      problems.push(...migrated.problems);
      migratedFrom = 0;
    }

    const validated = validateSettings(raw);
    problems.push(...validated.problems);
    const settings = validated.settings;
    // The key lives in storage.local; a value that arrived with the settings (v0, or written
    // by something else) is kept when local has none, and moved there by the write-back below.
    const storedKey = local[API_KEY_KEY];
    if (typeof storedKey === 'string') {
      settings.liveSource.apiKey = storedKey.trim();
    } else if (storedKey !== undefined) {
      problems.push('the stored API key is not text; it was cleared');
    }
    const keyInSettings = typeof raw === 'object' && raw !== null && typeof (raw as { liveSource?: { apiKey?: unknown } }).liveSource?.apiKey === 'string';

    if (problems.length > 0) {
      await appendProblem(this.backend.local, {
        at: this.now().toISOString(),
        source: 'settings',
        problems,
        data: describeData(v0 ?? raw),
      });
    }
    if (v0 !== undefined) {
      // Keep the old keys verbatim before anything removes them.
      await this.backend.local.set({ [V0_BACKUP_KEY]: { at: this.now().toISOString(), area, keys: v0 } });
    }
    if (problems.length > 0 || v0 !== undefined || (keyInSettings && storedKey === undefined)) {
      await this.save(settings);
      if (v0 !== undefined) {
        await (area === 'sync' ? this.backend.sync : this.backend.local).remove([...V0_KEYS]);
      }
    }
    return migratedFrom === undefined ? { settings, problems, area } : { settings, problems, area, migratedFrom };
  }

  /**
   * Writes `settings` (validated first: invalid settings are a caller's bug and
   * are refused with SettingsError). Resolves with the area that took them.
   */
  async save(settings: Settings): Promise<'sync' | 'local'> {
    const { settings: clean, problems } = validateSettings(settings);
    if (problems.length > 0) {
      throw new SettingsError(problems);
    }
    const { apiKey, ...live } = clean.liveSource;
    const synced = { ...clean, liveSource: live };
    await this.backend.local.set({ [API_KEY_KEY]: apiKey });
    try {
      await this.backend.sync.set({ [SETTINGS_KEY]: synced });
    } catch (error) {
      await this.backend.local.set({ [SETTINGS_KEY]: synced, [LOCATION_KEY]: 'local' });
      await appendProblem(this.backend.local, {
        at: this.now().toISOString(),
        source: 'settings',
        problems: [`storage.sync refused the settings (${message(error)}); they are kept in storage.local on this device`],
      });
      return 'local';
    }
    await this.backend.local.remove([SETTINGS_KEY, LOCATION_KEY]);
    return 'sync';
  }

  /** Calls `listener` with the fresh settings whenever any context changes them. Returns the unsubscribe function. */
  onChanged(listener: (settings: Settings) => void): () => void {
    const event = this.backend.onChanged;
    if (!event) return () => undefined;
    const onStorageChanged: StorageChangeListener = (changes, areaName) => {
      if ((areaName === 'sync' || areaName === 'local') && WATCHED_KEYS.some((key) => key in changes)) {
        this.load().then(
          (loaded) => listener(loaded.settings),
          (error: unknown) => console.warn('ClaimLens: settings could not be read after a change', error),
        );
      }
    };
    event.addListener(onStorageChanged);
    return () => event.removeListener(onStorageChanged);
  }

  /** "Delete all data": empties both areas (settings, API key, backups and the problems log). */
  async clearAll(): Promise<void> {
    await this.backend.local.clear();
    try {
      await this.backend.sync.clear();
    } catch (error) {
      // Nothing of ours can be there if it cannot even be read; say so rather than fail the whole deletion.
      console.warn('ClaimLens: storage.sync could not be cleared', error);
    }
  }
}
