// The settings of this browser profile: settings-store.ts bound to the
// extension's own storage areas. Usable from the background, the content
// script and extension pages alike (all of them may read storage).
//
//   loadSettings()         the current settings, validated (never throws on bad stored data)
//   saveSettings(s)        writes them (storage.sync, else storage.local)
//   onSettingsChanged(cb)  cb(settings) after any context changes them; returns the unsubscribe function

import { ext } from '../platform';
import type { StorageAreaLike, StorageChangeEvent } from '../storage/area';
import { clearProblems, readProblems, type StorageProblem } from '../storage/problem-log';
import type { Settings } from './schema';
import { type LoadedSettings, SettingsStore } from './settings-store';

/** An area that fails every call: what storage.sync is where the browser offers none. */
const missingArea: StorageAreaLike = {
  get: () => Promise.reject(new Error('this browser has no storage.sync')),
  set: () => Promise.reject(new Error('this browser has no storage.sync')),
  remove: () => Promise.reject(new Error('this browser has no storage.sync')),
  clear: () => Promise.reject(new Error('this browser has no storage.sync')),
};

let store: SettingsStore | undefined;

function settingsStore(): SettingsStore {
  store ??= new SettingsStore({
    sync: (ext.storage.sync as unknown as StorageAreaLike | undefined) ?? missingArea,
    local: ext.storage.local as unknown as StorageAreaLike,
    onChanged: ext.storage.onChanged as unknown as StorageChangeEvent,
  });
  return store;
}

export async function loadSettings(): Promise<Settings> {
  return (await settingsStore().load()).settings;
}

/** The settings with what was wrong with the stored value and where they came from (the options page shows it). */
export function loadSettingsReport(): Promise<LoadedSettings> {
  return settingsStore().load();
}

export function saveSettings(settings: Settings): Promise<'sync' | 'local'> {
  return settingsStore().save(settings);
}

export function onSettingsChanged(listener: (settings: Settings) => void): () => void {
  return settingsStore().onChanged(listener);
}

export function readStorageProblems(): Promise<StorageProblem[]> {
  return readProblems(ext.storage.local as unknown as StorageAreaLike);
}

export function clearStorageProblems(): Promise<void> {
  return clearProblems(ext.storage.local as unknown as StorageAreaLike);
}

/** Empties storage.sync and storage.local: part of "delete all data". */
export function clearAllStoredSettings(): Promise<void> {
  return settingsStore().clearAll();
}
