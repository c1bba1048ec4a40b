// The fact-check packs as the extension pages see them: typed requests to the
// background (messages.ts), which owns the packs and their database.

import { type ImportReport, MAX_IMPORT_PACK_BYTES, type PackEntry, type PackLoadTiming, type PacksReply, type PacksRequest, isPacksReply } from '../messages';
import { ext } from '../platform';

async function request<T extends PacksReply['type']>(message: PacksRequest, expected: T): Promise<Extract<PacksReply, { type: T }>> {
  const reply: unknown = await ext.runtime.sendMessage(message);
  if (!isPacksReply(reply)) {
    throw new Error('the ClaimLens background did not answer');
  }
  if (reply.type === 'packs-error') {
    throw new Error(reply.error);
  }
  if (reply.type !== expected) {
    throw new Error(`unexpected answer ${reply.type} to ${message.type}`);
  }
  return reply as Extract<PacksReply, { type: T }>;
}

export async function listPacks(): Promise<{ packs: PackEntry[]; timing: PackLoadTiming | null; quarantined: number; liveCached: number }> {
  const { packs, timing, quarantined, liveCached } = await request({ type: 'packs-list' }, 'packs');
  return { packs, timing, quarantined, liveCached };
}

export class PackFileTooLarge extends Error {}

/**
 * Sends a file to the background, which checks it with the core (a .clpack)
 * or builds a pack from it (published fact-checks), before storing it.
 */
export async function importPackFile(file: Blob & { name: string }): Promise<{ pack: PackEntry; replaced: boolean; report?: ImportReport }> {
  if (file.size > MAX_IMPORT_PACK_BYTES) {
    throw new PackFileTooLarge(String(Math.round(MAX_IMPORT_PACK_BYTES / (1024 * 1024))));
  }
  const data = toBase64(new Uint8Array(await file.arrayBuffer()));
  const { pack, replaced, report } = await request({ type: 'pack-import', fileName: file.name, data }, 'pack-imported');
  return report ? { pack, replaced, report } : { pack, replaced };
}

export async function removePack(name: string): Promise<void> {
  await request({ type: 'pack-remove', name }, 'pack-removed');
}

/** Part of "delete all data". */
export async function deleteAllFactChecks(): Promise<void> {
  await request({ type: 'factchecks-delete-all' }, 'packs-ok');
}

/** Base64 in chunks (String.fromCharCode takes a bounded number of arguments). */
export function toBase64(bytes: Uint8Array): string {
  const CHUNK = 0x8000;
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i += CHUNK) {
    parts.push(String.fromCharCode(...bytes.subarray(i, i + CHUNK)));
  }
  return btoa(parts.join(''));
}
