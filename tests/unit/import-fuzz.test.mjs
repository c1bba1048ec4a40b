// Fuzzing the import decoders with corrupt versions of REAL exports (issue 11):
// a valid notes export (W3C AnnotationCollection) or settings value, mutated
// byte by byte (flips, cuts, splices, duplicated stretches, stray brackets),
// as a damaged file or a hostile one would arrive. The decoders never throw,
// and an import — through the same path the background takes — never loses
// or downgrades a note the reader already has. Seeded: a failure names its
// seed and round, and reproduces.
import 'fake-indexeddb/auto';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { IDBFactory } from 'fake-indexeddb';
import { importTs } from './load-ts.mjs';
import { seededRandom } from './seeded-random.mjs';
import { memoryBackend } from './memory-storage.mjs';

const { NotesDb } = await importTs('extension/src/notes/db.ts');
const model = await importTs('extension/src/notes/model.ts');
const { targetFor } = await importTs('extension/src/notes/anchor.ts');
const { toAnnotationCollection, parseWebAnnotations, fromWebAnnotations } = await importTs('extension/src/notes/w3c.ts');
const { validateSettings, defaultSettings } = await importTs('extension/src/settings/schema.ts');
const { SettingsStore, SETTINGS_KEY } = await importTs('extension/src/settings/settings-store.ts');

const PAGE = 'https://ledger.example/news/2025/11/18/harrowfield-flood-barrier';
const TEXT = 'Readers 👍🏽 said the council voted 7-2\u00a0on Monday to build a $48 million barrier. 🌊 Done.';

const JUNK = ['{', '}', '[', ']', '"', ',', ':', '\\', '\\u', '\u0000', '\ud800', 'null', '1e999', '-0', '__proto__', '🌊', 'AnnotationPage', '"type"'];

/** One random corruption of `text`. */
function corrupt(text, r) {
  const at = r.int(text.length + 1);
  const to = Math.min(text.length, at + r.int(40));
  switch (r.int(6)) {
    case 0: // cut short, as an interrupted download
      return text.slice(0, at);
    case 1: // a stretch deleted
      return text.slice(0, at) + text.slice(to);
    case 2: // junk inserted
      return text.slice(0, at) + r.pick(JUNK) + text.slice(at);
    case 3: // a character replaced
      return text.slice(0, at) + String.fromCharCode(r.int(0x3000)) + text.slice(at + 1);
    case 4: // a stretch duplicated
      return text.slice(0, to) + text.slice(at, to) + text.slice(to);
    default: // two stretches swapped
      return text.slice(to) + text.slice(0, at);
  }
}

function note(id, body, modified = '2025-11-20T10:00:00.000Z', start = TEXT.indexOf('$48')) {
  return { v: 2, id, url: PAGE, body, created: '2025-11-20T10:00:00.000Z', modified, target: targetFor(TEXT, start, start + 11) };
}

const EXISTING = [
  note('urn:uuid:00000000-0000-4000-8000-000000000001', 'check the 2023 estimate'),
  note('urn:uuid:00000000-0000-4000-8000-000000000002', 'who said 7-2?', '2025-11-21T10:00:00.000Z', TEXT.indexOf('voted')),
  note('urn:uuid:00000000-0000-4000-8000-000000000003', 'emoji 🌊 body', '2025-11-22T10:00:00.000Z', TEXT.indexOf('barrier')),
];

/** A real export: the existing notes (older copies) and two new ones. */
function exportText() {
  const older = EXISTING.map((n) => ({ ...n, body: `${n.body} (old)`, modified: '2025-01-01T00:00:00.000Z' }));
  const extra = [note('urn:uuid:00000000-0000-4000-8000-000000000004', 'new one'), note('urn:uuid:00000000-0000-4000-8000-000000000005', 'another', undefined, 0)];
  return JSON.stringify(toAnnotationCollection([...older, ...extra]));
}

describe('import decoders on corrupt real files', () => {
  it('notes: a corrupted export never throws out of the parser, and everything it returns is a valid record', () => {
    const text = exportText();
    assert.equal(parseWebAnnotations(text).records.length, 5, 'the clean export imports whole');
    for (const seed of [11, 12, 13]) {
      const r = seededRandom(seed);
      for (let round = 0; round < 1500; round++) {
        let input = text;
        for (let k = 1 + r.int(3); k > 0; k--) input = corrupt(input, r);
        let result;
        try {
          result = parseWebAnnotations(input);
        } catch (error) {
          assert.fail(`seed ${seed}, round ${round}: threw ${error.message} on ${JSON.stringify(input.slice(0, 200))}`);
        }
        for (const record of result.records) assert.ok(model.decodeNoteRecord(record).ok, `seed ${seed}, round ${round}`);
        for (const problem of result.problems) assert.equal(typeof problem.reason, 'string');
      }
    }
  });

  it('notes: importing corrupt exports into a database never loses or downgrades an existing note', async () => {
    const db = (await NotesDb.open(new IDBFactory(), 'import-fuzz')).db;
    for (const n of EXISTING) await db.add(n);
    const text = exportText();
    const r = seededRandom(21);
    for (let round = 0; round < 300; round++) {
      let input = text;
      for (let k = 1 + r.int(3); k > 0; k--) input = corrupt(input, r);
      // The background's path for notes-import: the page parsed the file, the background decodes and writes.
      let document;
      try {
        document = JSON.parse(input);
      } catch {
        continue; // the options page reports a file that is not JSON; nothing reaches the database
      }
      const { records } = fromWebAnnotations(document);
      if (records.length > 0) {
        try {
          await db.importRecords(records);
        } catch (error) {
          // A refused import is allowed (it is reported); a partial one is not: checked below.
          assert.ok(error instanceof Error, `round ${round}`);
        }
      }
      const { notes } = await db.allNotes();
      for (const existing of EXISTING) {
        const now = notes.find((n) => n.id === existing.id);
        assert.ok(now, `round ${round}: note ${existing.id} is still there`);
        assert.equal(now.body, existing.body, `round ${round}: an older imported copy never replaces ${existing.id}`);
      }
    }
  });

  // Found by the test above (a fixture note whose position did not match its quote): an import
  // replaced a corrupt stored note and the stored copy was gone, not quarantined.
  it('regression: an import over a corrupt stored note quarantines the stored copy instead of dropping it', async () => {
    const db = (await NotesDb.open(new IDBFactory(), 'import-over-corrupt')).db;
    const start = TEXT.indexOf('🌊');
    const corruptNote = note('urn:uuid:00000000-0000-4000-8000-000000000009', 'mine', '2025-11-22T10:00:00.000Z', start);
    assert.equal(model.decodeNoteRecord(corruptNote).ok, false, 'the stored note is corrupt (position longer than its quote)');
    await db.add(corruptNote);
    const imported = note(corruptNote.id, 'from the file', '2025-01-01T00:00:00.000Z');
    assert.deepEqual(await db.importRecords([imported]), { added: 0, updated: 1, unchanged: 0 });
    const quarantined = await db.quarantine();
    assert.equal(quarantined.length, 1);
    assert.equal(quarantined[0].source, 'import');
    assert.equal(quarantined[0].raw.body, 'mine', 'the corrupt note is kept as it was');
  });

  it('settings: a corrupted stored value never throws, gives valid settings, and reports the problem', async () => {
    const clean = JSON.stringify({ ...defaultSettings(), threshold: 0.42, sites: { always: ['ledger.example'], never: ['tabloid.example'] } });
    const r = seededRandom(31);
    for (let round = 0; round < 400; round++) {
      let input = clean;
      for (let k = 1 + r.int(3); k > 0; k--) input = corrupt(input, r);
      let stored;
      try {
        stored = JSON.parse(input);
      } catch {
        stored = input; // a string where an object belongs: corrupt storage, not a parse
      }
      const checked = validateSettings(stored);
      assert.deepEqual(validateSettings(checked.settings).problems, [], `round ${round}: the repaired settings are valid`);
      const backend = memoryBackend();
      await backend.sync.set({ [SETTINGS_KEY]: stored });
      const loaded = await new SettingsStore(backend, () => new Date('2026-01-01T00:00:00Z')).load();
      assert.deepEqual(validateSettings(loaded.settings).problems, [], `round ${round}`);
      if (checked.problems.length > 0) assert.ok(loaded.problems.length > 0, `round ${round}: a corrupt value is reported, not silently repaired`);
    }
  });
});
