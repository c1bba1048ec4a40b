// The settings of this browser profile: settings-store.ts bound to the
// extension's own storage areas. Usable from the background, the content
// script and extension pages alike (all of them may read storage). The one
// way every part of the extension reads, changes and watches the settings:
//
//   loadSettings()              the current settings, validated (never throws on bad stored data)
//   updateSettings(change)      applies change(settings) to the stored settings and writes them
//                               (storage.sync, else storage.local); serialised per context
//   onSettingsChanged(cb)       cb(settings, previous) after any context changes them; returns the unsubscribe function

import { ext } from '../platform';
import type { StorageAreaLike, StorageChangeEvent } from '../storage/area';
import { clearProblems, readProblems, type StorageProblem } from '../storage/problem-log';
import type { Settings } from './schema';
import { type LoadedSettings, type SettingsListener, SettingsStore, type UpdatedSettings } from './settings-store';

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

export function updateSettings(change: (settings: Settings) => void): Promise<UpdatedSettings> {
  return settingsStore().update(change);
}

export function onSettingsChanged(listener: SettingsListener): () => void {
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
