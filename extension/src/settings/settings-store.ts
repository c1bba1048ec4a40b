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

export interface UpdatedSettings {
  settings: Settings;
  /** The area that took them: 'local' when storage.sync refused them. */
  area: 'sync' | 'local';
}

export type SettingsListener = (settings: Settings, previous: Settings) => void;

/** What `read` found: the settings, and what `load` needs to repair the stored value. */
interface StoredRead extends LoadedSettings {
  raw: unknown;
  /** The version-0 keys, when the settings were migrated from them. */
  v0: Record<string, unknown> | undefined;
  keyInSettings: boolean;
  storedKey: unknown;
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
  /** The tail of this store's update queue (see `update`). */
  private updates: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly backend: SettingsBackend,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Reads, validates and repairs: see the file comment. What every context's own read goes through. */
  async load(): Promise<LoadedSettings> {
    const read = await this.read();
    const { settings, problems, area, raw, v0, keyInSettings, storedKey, migratedFrom } = read;
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

  /** The stored settings, validated (and migrated in memory), without writing anything. */
  private async read(): Promise<StoredRead> {
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
    return { settings, problems, area, raw, v0, keyInSettings, storedKey, migratedFrom };
  }

  /**
   * Applies `change` to the settings as stored now and writes the result:
   * how every context changes settings. Updates through one store run one
   * after another, so two quick changes cannot both start from the old value
   * and lose one. Rejects (SettingsError) if the change makes them invalid.
   */
  update(change: (settings: Settings) => void): Promise<UpdatedSettings> {
    const run = this.updates.then(async () => {
      const { settings } = await this.load();
      change(settings);
      const area = await this.save(settings);
      return { settings, area };
    });
    this.updates = run.catch(() => undefined);
    return run;
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
    // The settings first, then the key only if it changed: each write is a storage event
    // that every context reacts to, and one that showed old settings with nothing else
    // changed would make open pages flicker back to the old values for a moment.
    let area: 'sync' | 'local' = 'sync';
    try {
      await this.backend.sync.set({ [SETTINGS_KEY]: synced });
    } catch (error) {
      area = 'local';
      await this.backend.local.set({ [SETTINGS_KEY]: synced, [LOCATION_KEY]: 'local' });
      await appendProblem(this.backend.local, {
        at: this.now().toISOString(),
        source: 'settings',
        problems: [`storage.sync refused the settings (${message(error)}); they are kept in storage.local on this device`],
      });
    }
    const local = await this.backend.local.get([API_KEY_KEY, SETTINGS_KEY, LOCATION_KEY]);
    if (area === 'sync' && (SETTINGS_KEY in local || LOCATION_KEY in local)) {
      await this.backend.local.remove([SETTINGS_KEY, LOCATION_KEY]);
    }
    if (local[API_KEY_KEY] !== apiKey) {
      await this.backend.local.set({ [API_KEY_KEY]: apiKey });
    }
    return area;
  }

  /**
   * Calls `listener` with the fresh settings whenever any context changes
   * them, and with the settings before the change: the stored value the
   * change replaced when the storage event carries it, else what this
   * listener was last given (else the fresh settings). The background uses
   * `previous` to revoke the host permission of sites taken off the always
   * list. Returns the unsubscribe function.
   *
   * Listeners only read: many contexts listen at once (the background, the
   * panel, every annotated tab), and if each repaired a corrupt value they
   * would all write it back and log it. The repair is left to the next `load`
   * (a listener that wants it, like the options page, calls `load`).
   */
  onChanged(listener: SettingsListener): () => void {
    const event = this.backend.onChanged;
    if (!event) return () => undefined;
    let last: Settings | undefined;
    // Reads run one after another, so the listener never sees an older read
    // after a newer one when changes come in quick succession.
    let reading: Promise<void> = Promise.resolve();
    const onStorageChanged: StorageChangeListener = (changes, areaName) => {
      if ((areaName === 'sync' || areaName === 'local') && WATCHED_KEYS.some((key) => key in changes)) {
        const replaced = changes[SETTINGS_KEY]?.oldValue;
        const before = replaced === undefined ? undefined : validateSettings(replaced).settings;
        reading = reading
          .then(() => this.read())
          .then((loaded) => {
            const previous = before ?? last ?? loaded.settings;
            last = loaded.settings;
            listener(loaded.settings, previous);
          })
          .catch((error: unknown) => console.warn('ClaimLens: settings could not be read after a change', error));
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
