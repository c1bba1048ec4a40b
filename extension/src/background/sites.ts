// Per-site "always annotate": for each host on the reader's always list whose
// host permission the reader granted (the panel or the options page asks,
// from their click), one registered content script runs ClaimLens on page
// load. Removing a host from the list revokes its permission; revoking the
// permission in the browser's own UI removes the host from the list.

import { ext } from '../platform';
import { loadSettings, updateSettings } from '../settings/store';
import type { Settings } from '../settings/schema';
import { hostOfPattern, originPattern } from '../site-permission';

const SCRIPT_ID = 'claimlens-always';
export const CONTENT_SCRIPT = 'content.js';
export const HIGHLIGHT_STYLESHEET = 'highlights.css';

let queue: Promise<unknown> = Promise.resolve();

/**
 * Brings the registered content script in line with the settings (as given,
 * else as loaded) and the granted permissions. Serialised.
 */
export function reconcileSites(settings?: Settings): Promise<void> {
  const run = queue.then(
    () => reconcile(settings),
    () => reconcile(settings),
  );
  queue = run.catch((error: unknown) => console.warn('ClaimLens: could not update the always-annotate sites', error));
  return run;
}

async function reconcile(given: Settings | undefined): Promise<void> {
  const settings = given ?? (await loadSettings());
  const granted = new Set((await ext.permissions.getAll()).origins ?? []);
  const hosts = settings.enabled
    ? settings.sites.always.filter((host) => !settings.sites.never.includes(host) && granted.has(originPattern(host)))
    : [];
  const existing = await ext.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
  if (hosts.length === 0) {
    if (existing.length > 0) {
      await ext.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
    }
    return;
  }
  const matches = hosts.map(originPattern);
  if (existing.length > 0) {
    if (JSON.stringify(existing[0].matches) !== JSON.stringify(matches)) {
      await ext.scripting.updateContentScripts([{ id: SCRIPT_ID, matches, js: [CONTENT_SCRIPT], css: [HIGHLIGHT_STYLESHEET] }]);
    }
    return;
  }
  await ext.scripting.registerContentScripts([
    {
      id: SCRIPT_ID,
      matches,
      js: [CONTENT_SCRIPT],
      css: [HIGHLIGHT_STYLESHEET],
      runAt: 'document_idle',
      // Re-registered from the settings whenever the background starts.
      persistAcrossSessions: false,
    },
  ]);
}

/** Hosts taken off the always list lose their permission. */
export async function revokeRemovedSites(before: Settings | undefined, after: Settings): Promise<void> {
  const removed = (before?.sites.always ?? []).filter((host) => !after.sites.always.includes(host));
  if (removed.length > 0) {
    await ext.permissions.remove({ origins: removed.map(originPattern) }).catch(() => false);
  }
}

/** The reader revoked a host permission in the browser: that host is no longer always annotated. */
export async function forgetRevokedSites(origins: readonly string[]): Promise<void> {
  const hosts = origins.map(hostOfPattern).filter((host): host is string => host !== null);
  if (hosts.length === 0) return;
  await updateSettings((settings) => {
    settings.sites.always = settings.sites.always.filter((host) => !hosts.includes(host));
  });
}
