// The background's side of fact-checks, checked by type and by sender
// before anything is read, loaded or fetched:
//   - PacksRequest (list, import, remove, delete all) from our extension pages only;
//   - LiveLookupRequest from our content script in a tab's top frame only,
//     and answered only when the reader turned the live source on.

import { type CoreLiveOutput, type LiveDeps, liveSourceReady, lookUpClaim } from '../factchecks/live-client';
import {
  type LiveLookupReply,
  type LiveLookupRequest,
  type PacksReply,
  type PacksRequest,
  isLiveLookupRequest,
  isOwnContentScript,
  isOwnExtensionPage,
  isPacksRequest,
} from '../messages';
import { ext, translate } from '../platform';
import { loadSettings } from '../settings/store';
import { liveMatches, loadImporter } from './importer';
import { deleteAllFactChecks, factChecksDb, importPack, listPacks, removePack } from './packs';

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Base64 (from the options page) to bytes; throws on anything that is not base64. */
function fromBase64(data: string): Uint8Array {
  const binary = atob(data);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

async function handlePacks(request: PacksRequest): Promise<PacksReply> {
  switch (request.type) {
    case 'packs-list': {
      const { packs, timing, quarantined } = await listPacks();
      const liveCached = await factChecksDb()
        .then((db) => db.liveCount())
        .catch(() => 0);
      return { type: 'packs', packs, timing, quarantined, liveCached };
    }
    case 'pack-import': {
      let bytes: Uint8Array;
      try {
        bytes = fromBase64(request.data);
      } catch {
        return { type: 'packs-error', error: translate('packErrorGarbled') };
      }
      return { type: 'pack-imported', ...(await importPack(request.fileName, bytes)) };
    }
    case 'pack-remove':
      await removePack(request.name);
      return { type: 'pack-removed', name: request.name };
    case 'factchecks-delete-all':
      await deleteAllFactChecks();
      return { type: 'packs-ok' };
  }
}

/** runtime.onMessage listener for PacksRequest; ignores (returns false for) everything else. */
export function onPacksMessage(message: unknown, sender: chrome.runtime.MessageSender, sendResponse: (reply: PacksReply) => void): boolean {
  if (!isPacksRequest(message) || !isOwnExtensionPage(sender, ext.runtime.id, ext.runtime.getURL(''))) {
    return false;
  }
  handlePacks(message).then(sendResponse, (error: unknown) => sendResponse({ type: 'packs-error', error: errorText(error) }));
  return true; // the reply is sent asynchronously
}

function coreLiveMatches(claim: string, body: string, published: string | null): CoreLiveOutput {
  return liveMatches(claim, body, published === null ? {} : { published }) as CoreLiveOutput;
}

async function handleLive(request: LiveLookupRequest): Promise<LiveLookupReply> {
  const { liveSource } = await loadSettings();
  if (!liveSourceReady(liveSource)) {
    return { type: 'live-off' };
  }
  await loadImporter();
  const db = await factChecksDb().catch(() => undefined);
  const deps: LiveDeps = {
    fetch: (input, init) => fetch(input, init),
    liveMatches: coreLiveMatches,
    cache: db && {
      get: (key, maxAgeMs) => db.liveAnswer(key, maxAgeMs),
      put: (answer, maxAgeMs) => db.putLiveAnswer(answer, maxAgeMs),
    },
    now: () => Date.now(),
  };
  const results = await Promise.all(
    request.claims.map(async (claim) => ({ id: claim.id, lookup: await lookUpClaim(claim.text, request.published, liveSource, deps) })),
  );
  return { type: 'live-results', results };
}

/** runtime.onMessage listener for LiveLookupRequest; ignores (returns false for) everything else. */
export function onLiveMessage(message: unknown, sender: chrome.runtime.MessageSender, sendResponse: (reply: LiveLookupReply) => void): boolean {
  if (!isLiveLookupRequest(message) || !isOwnContentScript(sender, ext.runtime.id, ext.runtime.getURL(''))) {
    return false;
  }
  handleLive(message).then(sendResponse, (error: unknown) => {
    console.warn('ClaimLens: the live source could not be asked', error);
    sendResponse({ type: 'live-off' });
  });
  return true; // the reply is sent asynchronously
}
