// The fact-check database (extension/src/factchecks/db.ts) on fake-indexeddb:
// imported packs are stored and listed; a record that cannot be read, or
// whose bytes the core refused, is quarantined (kept verbatim, with the
// reason), never silently dropped; the live answers cache expires and
// never outgrows the reader's setting; "delete all data" empties it all.
import 'fake-indexeddb/auto';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { IDBFactory } from 'fake-indexeddb';
import { importTs } from './load-ts.mjs';

const { FactChecksDb, FACTCHECKS_DB_NAME, FACTCHECKS_DB_VERSION, decodeStoredPack, liveCacheKey } = await importTs('extension/src/factchecks/db.ts');

const INFO = { name: 'snopes', description: 'Snopes checks', source: 'CheckThat! 2022 2A', licence: 'research use', records: 3, bytes: 8 };

function stored(overrides = {}) {
  return { v: 1, name: 'snopes', fileName: 'snopes.clpack', importedAt: '2026-01-02T03:04:05.000Z', info: INFO, bytes: new Uint8Array([137, 67, 76, 80, 65, 67, 75, 10]), ...overrides };
}

async function fresh() {
  const factory = new IDBFactory();
  return { factory, db: await FactChecksDb.open(factory) };
}

/** Writes a raw value into a store, as a damaged or foreign record would be. */
function putRaw(factory, store, value, key) {
  return new Promise((resolve, reject) => {
    const open = factory.open(FACTCHECKS_DB_NAME, FACTCHECKS_DB_VERSION);
    open.onsuccess = () => {
      const tx = open.result.transaction([store], 'readwrite');
      if (key === undefined) tx.objectStore(store).put(value);
      else tx.objectStore(store).put(value, key);
      tx.oncomplete = () => {
        open.result.close();
        resolve();
      };
      tx.onerror = () => reject(tx.error);
    };
    open.onerror = () => reject(open.error);
  });
}

describe('the fact-check database: packs', () => {
  it('stores, lists (oldest first), replaces by name and deletes imported packs', async () => {
    const { db } = await fresh();
    await db.putPack(stored({ name: 'b', info: { ...INFO, name: 'b' }, importedAt: '2026-02-01T00:00:00.000Z' }));
    await db.putPack(stored({ name: 'a', info: { ...INFO, name: 'a' }, importedAt: '2026-01-01T00:00:00.000Z' }));
    let { packs, quarantined } = await db.userPacks();
    assert.deepEqual(packs.map((p) => p.name), ['a', 'b']);
    assert.deepEqual(quarantined, []);
    assert.deepEqual([...packs[0].bytes], [...stored().bytes], 'the bytes come back as they went in');
    await db.putPack(stored({ name: 'a', info: { ...INFO, name: 'a', records: 9 }, importedAt: '2026-03-01T00:00:00.000Z' }));
    ({ packs } = await db.userPacks());
    assert.deepEqual(packs.map((p) => [p.name, p.info.records]), [['b', 3], ['a', 9]]);
    assert.equal(await db.deletePack('a'), true);
    assert.equal(await db.deletePack('a'), false);
    assert.deepEqual((await db.userPacks()).packs.map((p) => p.name), ['b']);
  });

  it('quarantines an unreadable record (kept verbatim, with the reason) and still lists the others', async () => {
    const { factory, db } = await fresh();
    await db.putPack(stored());
    await putRaw(factory, 'packs', { v: 1, name: 'broken', fileName: 'x', importedAt: 'not a date', info: INFO, bytes: new Uint8Array(1) });
    await putRaw(factory, 'packs', { v: 7, name: 'future' });
    await putRaw(factory, 'packs', { ...stored(), name: 'renamed' }); // its info names another pack
    const { packs, quarantined } = await db.userPacks();
    assert.deepEqual(packs.map((p) => p.name), ['snopes']);
    assert.deepEqual(quarantined.map((q) => [q.source, q.raw.name, q.reason]).sort(), [
      ['read', 'broken', 'the record’s file name or import date is missing'],
      ['read', 'future', 'unknown pack record version 7'],
      ['read', 'renamed', 'the record’s name does not match its pack'],
    ]);
    assert.equal((await db.quarantine()).length, 3, 'the quarantine keeps them');
    assert.equal((await db.userPacks()).quarantined.length, 0, 'and they are no longer read as packs');
  });

  it('quarantines a stored pack the core refuses, in one step', async () => {
    const { db } = await fresh();
    await db.putPack(stored());
    const entry = await db.quarantinePack('snopes', 'pack section CLAM is corrupt (checksum mismatch)');
    assert.equal(entry.source, 'load');
    assert.equal(entry.raw.fileName, 'snopes.clpack');
    assert.deepEqual((await db.userPacks()).packs, []);
    assert.deepEqual((await db.quarantine()).map((q) => q.reason), ['pack section CLAM is corrupt (checksum mismatch)']);
    assert.equal(await db.quarantinePack('absent', 'x'), undefined);
  });

  it('decodes records field by field, never throwing', () => {
    for (const raw of [null, 3, 'pack', [], {}, { v: 1 }, { ...stored(), bytes: new Uint8Array(0) }, { ...stored(), bytes: 'abc' }, { ...stored(), info: { ...INFO, records: -1 } }]) {
      assert.equal(decodeStoredPack(raw).ok, false, JSON.stringify(raw));
    }
    const fromBuffer = decodeStoredPack({ ...stored(), bytes: stored().bytes.buffer });
    assert.ok(fromBuffer.ok && fromBuffer.value.bytes instanceof Uint8Array, 'an ArrayBuffer is read as bytes');
  });
});

describe('the fact-check database: the live answers cache', () => {
  const HOUR = 3_600_000;
  const key = liveCacheKey('https://factchecktools.googleapis.com/v1alpha1/claims:search', 'A claim.');

  it('answers within the configured time, and forgets after it', async () => {
    const { db } = await fresh();
    const now = Date.UTC(2026, 0, 2);
    await db.putLiveAnswer({ v: 1, key, fetchedAt: now, body: '{}' }, 24 * HOUR);
    assert.equal((await db.liveAnswer(key, 24 * HOUR, now + HOUR))?.body, '{}');
    assert.equal(await db.liveAnswer(key, HOUR, now + 2 * HOUR), undefined, 'stale for a shorter setting');
    assert.equal(await db.liveAnswer(key, 24 * HOUR, now + 2 * HOUR), undefined, 'and deleted when found stale');
    assert.equal(await db.liveCount(), 0);
  });

  it('keys answers by service and claim text', () => {
    assert.notEqual(liveCacheKey('https://a.example/x', 'A claim.'), liveCacheKey('https://b.example/x', 'A claim.'));
    assert.notEqual(liveCacheKey('https://a.example/x', 'A claim.'), liveCacheKey('https://a.example/x', 'A claim!'));
  });

  it('drops answers older than the setting when it stores one, and unreadable entries when it meets them', async () => {
    const { factory, db } = await fresh();
    const now = Date.UTC(2026, 0, 2);
    await db.putLiveAnswer({ v: 1, key: 'old', fetchedAt: now - 10 * HOUR, body: '{}' }, 100 * HOUR);
    await db.putLiveAnswer({ v: 1, key, fetchedAt: now, body: '{}' }, 5 * HOUR);
    assert.equal(await db.liveCount(), 1, 'the old answer went');
    await putRaw(factory, 'live', { v: 1, key: 'bad', fetchedAt: 'yesterday', body: 4 });
    assert.equal(await db.liveAnswer('bad', 100 * HOUR, now), undefined);
    assert.equal(await db.liveCount(), 1, 'the unreadable entry was dropped');
  });

  it('"delete all data" empties packs, quarantine and cache', async () => {
    const { db } = await fresh();
    await db.putPack(stored());
    await db.quarantinePack('snopes', 'x');
    await db.putPack(stored());
    await db.putLiveAnswer({ v: 1, key, fetchedAt: Date.now(), body: '{}' }, HOUR);
    await db.clearAll();
    assert.deepEqual((await db.userPacks()).packs, []);
    assert.deepEqual(await db.quarantine(), []);
    assert.equal(await db.liveCount(), 0);
  });
});
