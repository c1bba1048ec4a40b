// The notes database (extension/src/notes/db.ts) on fake-indexeddb: the
// upgrade from database version 1 loses nothing, corrupt records are
// quarantined and reported, a failed import leaves the previous state intact.
// The same checks run in the browsers' own IndexedDB in the e2e suite.
import 'fake-indexeddb/auto';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { IDBFactory } from 'fake-indexeddb';
import { importTs } from './load-ts.mjs';
import { createV1Database, V1_RECORDS, V1_CORRUPT } from './v1-notes-fixture.mjs';

const { NotesDb, NOTES_DB_VERSION } = await importTs('extension/src/notes/db.ts');
const model = await importTs('extension/src/notes/model.ts');
const { targetFor } = await importTs('extension/src/notes/anchor.ts');

const PAGE = 'https://ledger.example/news/2025/11/18/harrowfield-flood-barrier';
const TEXT = 'The council voted 7-2 on Monday night to build a $48 million barrier along the Tamsin River.';

function note(id, body, { url = PAGE, modified = '2025-11-20T10:00:00.000Z' } = {}) {
  return {
    v: 2,
    id,
    url,
    body,
    created: '2025-11-20T10:00:00.000Z',
    modified,
    target: targetFor(TEXT, TEXT.indexOf('$48 million'), TEXT.indexOf('$48 million') + 11),
  };
}

async function fresh(name = 'notes') {
  return (await NotesDb.open(new IDBFactory(), name)).db;
}

describe('the notes database', () => {
  it('adds, lists by page, updates and deletes notes', async () => {
    const db = await fresh();
    await db.add(note('urn:uuid:1', 'first'));
    await db.add(note('urn:uuid:2', 'elsewhere', { url: 'https://other.example/a' }));
    assert.deepEqual((await db.pageNotes(PAGE)).notes.map((n) => n.body), ['first']);
    const updated = await db.updateBody('urn:uuid:1', 'edited', new Date('2025-12-01T00:00:00Z'));
    assert.equal(updated.body, 'edited');
    assert.equal(updated.modified, '2025-12-01T00:00:00.000Z');
    assert.equal(await db.updateBody('urn:uuid:missing', 'x', new Date()), undefined);
    assert.equal(await db.remove('urn:uuid:1'), true);
    assert.equal(await db.remove('urn:uuid:1'), false);
    assert.deepEqual((await db.allNotes()).notes.map((n) => n.id), ['urn:uuid:2']);
    await assert.rejects(db.add(note('urn:uuid:2', 'duplicate id')), 'adding an existing id fails');
    db.close();
  });

  it('records anchor states, writing only changes', async () => {
    const db = await fresh();
    await db.add(note('urn:uuid:1', 'a'));
    const state = { status: 'orphan', checkedAt: '2025-12-01T00:00:00.000Z' };
    assert.equal(await db.setAnchorStates(PAGE, new Map([['urn:uuid:1', state]])), 1);
    assert.equal(await db.setAnchorStates(PAGE, new Map([['urn:uuid:1', { ...state, checkedAt: '2025-12-02T00:00:00.000Z' }]])), 0);
    assert.deepEqual((await db.pageNotes(PAGE)).notes[0].anchor, state);
    db.close();
  });

  it('upgrades a version-1 database without losing a note, quarantining the unreadable record', async () => {
    const factory = new IDBFactory();
    await createV1Database(factory, 'upgrade-me');
    const { db, report } = await NotesDb.open(factory, 'upgrade-me');
    assert.equal(report.upgradedFrom, 1);
    assert.equal(report.upgraded, V1_RECORDS.length);
    assert.equal(report.quarantined.length, 1);
    assert.deepEqual(report.quarantined[0].raw, V1_CORRUPT, 'the bad record is kept verbatim');
    const { notes } = await db.allNotes();
    assert.equal(notes.length, V1_RECORDS.length);
    for (const old of V1_RECORDS) {
      const upgraded = notes.find((n) => n.id === old.id);
      assert.ok(upgraded, `${old.id} survived`);
      // Every version-1 field has its version-2 home.
      assert.equal(upgraded.url, old.url);
      assert.equal(upgraded.body, old.note);
      assert.deepEqual(upgraded.target.quote, { exact: old.quote, prefix: old.prefix, suffix: old.suffix });
      assert.deepEqual(upgraded.target.position, { start: old.start, end: old.end });
      assert.equal(Date.parse(upgraded.created), old.createdAt);
      assert.equal(upgraded.v, 2);
    }
    const quarantine = await db.quarantine();
    assert.equal(quarantine.length, 1);
    assert.equal(quarantine[0].source, 'upgrade');
    assert.deepEqual(quarantine[0].raw, V1_CORRUPT);
    db.close();
    // Opening again is a no-op.
    const again = await NotesDb.open(factory, 'upgrade-me');
    assert.equal(again.report.upgradedFrom, -1);
    assert.equal((await again.db.allNotes()).notes.length, V1_RECORDS.length);
    again.db.close();
  });

  it('refuses a database from a newer version with a clear error, leaving it alone', async () => {
    const factory = new IDBFactory();
    await new Promise((resolve, reject) => {
      const request = factory.open('newer', NOTES_DB_VERSION + 1);
      request.onupgradeneeded = () => request.result.createObjectStore('notes', { keyPath: 'id' }).add({ id: 'keep-me' });
      request.onsuccess = () => {
        request.result.close();
        resolve();
      };
      request.onerror = () => reject(request.error);
    });
    await assert.rejects(NotesDb.open(factory, 'newer'), (error) => error.kind === 'newer-version' && /newer ClaimLens/.test(error.message));
  });

  it('quarantines a corrupt record found on a read, and reports it', async () => {
    const factory = new IDBFactory();
    const { db } = await NotesDb.open(factory, 'corrupt');
    await db.add(note('urn:uuid:good', 'fine'));
    // Damage a record behind the decoder's back, as a bug or a disk error could.
    const corrupt = { ...note('urn:uuid:bad', 'broken'), target: { quote: { exact: 42 } } };
    await new Promise((resolve, reject) => {
      const request = factory.open('corrupt');
      request.onsuccess = () => {
        const raw = request.result;
        const tx = raw.transaction('notes', 'readwrite');
        tx.objectStore('notes').put(corrupt);
        tx.oncomplete = () => {
          raw.close();
          resolve();
        };
        tx.onerror = () => reject(tx.error);
      };
    });
    const read = await db.pageNotes(PAGE);
    assert.deepEqual(read.notes.map((n) => n.id), ['urn:uuid:good']);
    assert.equal(read.quarantined.length, 1);
    assert.match(read.quarantined[0].reason, /target\.quote\.exact is not text/);
    const quarantine = await db.quarantine();
    assert.deepEqual(quarantine.map((q) => q.raw), [corrupt], 'kept verbatim in quarantine');
    assert.equal((await db.pageNotes(PAGE)).quarantined.length, 0, 'reported once, then out of the way');
    db.close();
  });

  it('imports in one transaction: new notes added, newer copies replace, older ones do not', async () => {
    const db = await fresh();
    await db.add(note('urn:uuid:1', 'mine, newer', { modified: '2025-12-10T00:00:00.000Z' }));
    await db.add(note('urn:uuid:2', 'mine, older', { modified: '2025-11-01T00:00:00.000Z' }));
    const counts = await db.importRecords([
      note('urn:uuid:1', 'imported, older', { modified: '2025-12-01T00:00:00.000Z' }),
      note('urn:uuid:2', 'imported, newer', { modified: '2025-12-01T00:00:00.000Z' }),
      note('urn:uuid:3', 'imported, new'),
    ]);
    assert.deepEqual(counts, { added: 1, updated: 1, unchanged: 1 });
    const bodies = Object.fromEntries((await db.allNotes()).notes.map((n) => [n.id, n.body]));
    assert.deepEqual(bodies, { 'urn:uuid:1': 'mine, newer', 'urn:uuid:2': 'imported, newer', 'urn:uuid:3': 'imported, new' });
    db.close();
  });

  it('leaves the previous state intact when an import fails part-way', async () => {
    const db = await fresh();
    await db.add(note('urn:uuid:1', 'before'));
    const before = await db.allNotes();
    const poisoned = { ...note('urn:uuid:9', 'cannot be stored'), body: () => 'functions cannot be cloned' };
    await assert.rejects(
      db.importRecords([note('urn:uuid:1', 'replacement', { modified: '2026-01-01T00:00:00.000Z' }), note('urn:uuid:5', 'new'), poisoned]),
    );
    assert.deepEqual(await db.allNotes(), before, 'neither the replacement nor the new note was written');
    db.close();
  });

  it('deletes everything, quarantine included', async () => {
    const factory = new IDBFactory();
    await createV1Database(factory, 'wipe');
    const { db } = await NotesDb.open(factory, 'wipe');
    await db.clearAll();
    assert.deepEqual((await db.allNotes()).notes, []);
    assert.deepEqual(await db.quarantine(), []);
    db.close();
  });
});

describe('note records', () => {
  it('accepts a clean record and returns a copy', () => {
    const record = note('urn:uuid:1', 'hello');
    const decoded = model.decodeNoteRecord(record);
    assert.ok(decoded.ok);
    assert.deepEqual(decoded.value, record);
    assert.notEqual(decoded.value, record);
  });

  const corruptions = [
    ['not an object', () => 'text', /not an object/],
    ['wrong record version', (r) => ({ ...r, v: 3 }), /record version 3/],
    ['missing id', (r) => ({ ...r, id: undefined }), /id is not text/],
    ['relative url', (r) => ({ ...r, url: '/news/1' }), /url is not an absolute URL/],
    ['body not text', (r) => ({ ...r, body: 5 }), /body is not text/],
    ['body too long', (r) => ({ ...r, body: 'x'.repeat(model.LIMITS.body + 1) }), /body is longer/],
    ['bad time', (r) => ({ ...r, created: 'yesterday' }), /created is not an ISO 8601 time/],
    ['position not spanning the quote', (r) => ({ ...r, target: { ...r.target, position: { start: 0, end: 3 } } }), /position is 3 long/],
    ['negative position', (r) => ({ ...r, target: { ...r.target, position: { start: -11, end: 0 } } }), /does not run forwards/],
    ['fractional code points', (r) => ({ ...r, target: { ...r.target, codePoints: { start: 0.5, end: 11.5 } } }), /whole numbers/],
    ['empty quote', (r) => ({ ...r, target: { quote: { exact: '', prefix: '', suffix: '' } } }), /exact is empty/],
    ['unknown anchor status', (r) => ({ ...r, anchor: { status: 'lost', checkedAt: r.created } }), /anchor\.status/],
  ];
  for (const [name, corrupt, reason] of corruptions) {
    it(`rejects a record with ${name}`, () => {
      const decoded = model.decodeNoteRecord(corrupt(note('urn:uuid:1', 'x')));
      assert.equal(decoded.ok, false);
      assert.match(decoded.reason, reason);
    });
  }

  it('upgrades every field of a version-1 record', () => {
    const [old] = V1_RECORDS;
    const upgraded = model.upgradeV1Record(old);
    assert.ok(upgraded.ok);
    assert.deepEqual(upgraded.value, {
      v: 2,
      id: old.id,
      url: old.url,
      body: old.note,
      created: new Date(old.createdAt).toISOString(),
      modified: new Date(old.createdAt).toISOString(),
      target: { quote: { exact: old.quote, prefix: old.prefix, suffix: old.suffix }, position: { start: old.start, end: old.end } },
    });
  });
});
