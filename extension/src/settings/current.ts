// The one place the highlights, the panel and the background read and write
// the reader's settings.
//
// MERGE NOTE: the settings store (extension/src/settings/store.ts, with
// `loadSettings()` / `onSettingsChanged()`) is being built in another branch.
// When it lands, `readSettings` and `watchSettings` become re-exports of those
// two, and `updateSettings` uses the store's writer. Until then this is a
// minimal store: one validated object under one key in storage.local.

import { ext } from '../platform';
import { type Settings, validateSettings } from './schema';

const STORAGE_KEY = 'settings';

/** The reader's settings; a corrupt or missing value falls back to the defaults, field by field. */
export async function readSettings(): Promise<Settings> {
  const stored = await ext.storage.local.get(STORAGE_KEY);
  return validateSettings(stored[STORAGE_KEY]).settings;
}

/**
 * Calls `listener` with the new settings (and the previous ones) whenever
 * they change, from any page. Returns an unsubscribe function.
 */
export function watchSettings(listener: (settings: Settings, previous: Settings) => void): () => void {
  const onChanged = (changes: Record<string, chrome.storage.StorageChange>, area: string) => {
    if (area === 'local' && STORAGE_KEY in changes) {
      const change = changes[STORAGE_KEY];
      listener(validateSettings(change.newValue).settings, validateSettings(change.oldValue).settings);
    }
  };
  ext.storage.onChanged.addListener(onChanged);
  return () => ext.storage.onChanged.removeListener(onChanged);
}

let updates: Promise<unknown> = Promise.resolve();

/**
 * Applies `change` to the current settings and stores the validated result.
 * Updates from one page run one after another, so two quick clicks cannot
 * both read the old value and lose one change.
 */
export function updateSettings(change: (settings: Settings) => void): Promise<Settings> {
  const run = updates.then(async () => {
    const settings = await readSettings();
    change(settings);
    const { settings: valid } = validateSettings(settings);
    await ext.storage.local.set({ [STORAGE_KEY]: valid });
    return valid;
  });
  updates = run.catch(() => undefined);
  return run;
}
