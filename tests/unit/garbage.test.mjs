// Hostile and random input for everything that reads stored or received
// data: the settings validator and migration, the note record and draft
// decoders, the W3C importer, the anchoring ladder and the message guards.
// None may throw, and none may accept what it should not. Seeded, so a
// failure reproduces; each failure names its seed and round.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { importTs } from './load-ts.mjs';
import { seededRandom } from './seeded-random.mjs';

const { validateSettings, SETTINGS_VERSION } = await importTs('extension/src/settings/schema.ts');
const { migrateV0 } = await importTs('extension/src/settings/migrate.ts');
const model = await importTs('extension/src/notes/model.ts');
const { fromWebAnnotations, parseWebAnnotations } = await importTs('extension/src/notes/w3c.ts');
const { anchor, targetFor } = await importTs('extension/src/notes/anchor.ts');
const messages = await importTs('extension/src/messages.ts');

const ROUNDS = 3000;

function generator(seed) {
  const { next, pick } = seededRandom(seed);
  const strings = ['', ' ', 'a', 'Annotation', 'TextQuoteSelector', 'https://example.com/a', 'urn:uuid:1', '2025-11-18T09:30:00Z',
    '\u0000', '\ud800', '🌊', 'x'.repeat(70_000), '__proto__', 'constructor', 'notes-for-page', 'note-add', 'version', '{"a":1}'];
  const keys = ['type', 'id', 'url', 'body', 'target', 'quote', 'exact', 'prefix', 'suffix', 'position', 'start', 'end', 'v', 'created',
    'modified', 'selector', 'source', 'items', 'first', 'enabled', 'threshold', 'kinds', 'sites', 'always', 'liveSource', 'draft', '__proto__'];
  const value = (depth) => {
    switch (Math.floor(next() * (depth > 3 ? 6 : 9))) {
      case 0: return null;
      case 1: return undefined;
      case 2: return next() < 0.5;
      case 3: return pick([0, -1, 1, 0.5, 2 ** 53, NaN, Infinity, -0, 7, 100]);
      case 4: return pick(strings);
      case 5: return pick(strings) + pick(strings);
      case 6: return Array.from({ length: Math.floor(next() * 4) }, () => value(depth + 1));
      default: {
        const object = {};
        for (let i = Math.floor(next() * 5); i > 0; i--) object[pick(keys)] = value(depth + 1);
        return object;
      }
    }
  };
  return { next, value: () => value(0) };
}

function forEachGarbage(seed, check) {
  const random = generator(seed);
  for (let round = 0; round < ROUNDS; round++) {
    const input = random.value();
    try {
      check(input);
    } catch (error) {
      throw new Error(`seed ${seed}, round ${round}, input ${JSON.stringify(input)?.slice(0, 300)}: ${error.message}`);
    }
  }
}

describe('garbage in', () => {
  it('settings: validateSettings and migrateV0 never throw, and always give valid settings', () => {
    forEachGarbage(1, (input) => {
      const { settings } = validateSettings(input);
      assert.equal(settings.version, SETTINGS_VERSION);
      assert.deepEqual(validateSettings(settings).problems, [], 'the result is itself valid');
      if (input && typeof input === 'object' && !Array.isArray(input)) {
        assert.deepEqual(validateSettings(validateSettings(migrateV0(input).value).settings).problems, []);
      }
    });
  });

  it('note records and drafts: the decoders never throw, and what they accept decodes again unchanged', () => {
    forEachGarbage(2, (input) => {
      for (const decode of [model.decodeNoteRecord, model.decodeNoteDraft, model.upgradeV1Record]) {
        const decoded = decode(input);
        assert.equal(typeof decoded.ok, 'boolean');
        if (decoded.ok && decode === model.decodeNoteRecord) {
          assert.deepEqual(model.decodeNoteRecord(decoded.value), decoded);
        }
        if (!decoded.ok) assert.equal(typeof decoded.reason, 'string');
      }
    });
  });

  it('W3C import: never throws, every record it returns passes the storage decoder, every problem has an index', () => {
    forEachGarbage(3, (input) => {
      for (const document of [input, { type: 'AnnotationPage', items: [input, input] }, [input]]) {
        const result = fromWebAnnotations(document);
        for (const record of result.records) assert.ok(model.decodeNoteRecord(record).ok);
        for (const problem of result.problems) assert.ok(Number.isInteger(problem.index) && typeof problem.reason === 'string');
      }
    });
    for (const text of ['', '[', '{"type":"AnnotationCollection","first":{"items":[1],"next":{}}}', 'null', '"x"', '1e999']) {
      assert.doesNotThrow(() => parseWebAnnotations(text));
    }
  });

  it('an AnnotationPage chain that loops on itself ends', () => {
    const page = { type: 'AnnotationPage', items: [] };
    page.next = page;
    assert.deepEqual(fromWebAnnotations({ type: 'AnnotationCollection', first: page }).records, []);
  });

  it('anchoring: never throws on garbage targets, and anchored spans lie inside the text', () => {
    const text = 'Readers 👍🏽 reacted.\r\nThe council voted 7-2\u00a0to build a $48 million barrier. 🌊 Done.';
    const random = generator(4);
    forEachGarbage(4, (input) => {
      const target = input && typeof input === 'object' ? { quote: { exact: String(input.exact ?? text.slice(5, 30)), prefix: '', suffix: '' }, position: input.position } : targetFor(text, 0, 5);
      const start = Math.floor(random.next() * text.length);
      const end = start + Math.floor(random.next() * (text.length - start));
      for (const t of [target, targetFor(text, start, end)]) {
        const result = anchor(text, t);
        if (result.status === 'anchored') {
          assert.ok(result.start >= 0 && result.start <= result.end && result.end <= text.length, JSON.stringify(result));
        }
      }
    });
  });

  it('messages: the guards never throw, and reject what is not a well-formed request', () => {
    forEachGarbage(5, (input) => {
      for (const guard of [
        messages.isNotesRequest,
        messages.isNotesAdminRequest,
        messages.isNotesReply,
        messages.isContentToBackground,
        messages.isLiveLookupRequest,
        messages.isLiveLookupReply,
        messages.isPacksRequest,
        messages.isPacksReply,
      ]) {
        assert.equal(typeof guard(input), 'boolean');
      }
    });
    const rejected = [
      null, 'notes-for-page', { type: 'notes-for-page' }, { type: 'notes-for-page', url: 5 }, { type: 'note-add' }, { type: 'note-update', id: 'x' },
      { type: 'notes-anchored', url: 'u', results: [{ id: 'x', status: 'lost' }] }, { type: 'NOTES-FOR-PAGE', url: 'u' },
    ];
    for (const message of rejected) assert.equal(messages.isNotesRequest(message), false, JSON.stringify(message));
    assert.equal(messages.isNotesAdminRequest({ type: 'notes-import' }), false, 'an import without a document');
    assert.equal(messages.isNotesAdminRequest({ type: 'notes-for-page', url: 'u' }), false, 'page requests are not admin requests');
  });

  it('overlay status: a notice is optional text of bounded length; anything else is refused', () => {
    const status = { type: 'overlay-status', phase: 'shown', claims: 3 };
    assert.equal(messages.isOverlayStatus(status), true);
    assert.equal(messages.isOverlayStatus({ ...status, notice: 'The page is too large: only the first 10 characters were analysed.' }), true);
    for (const notice of [5, null, {}, ['x'], 'x'.repeat(1001)]) {
      assert.equal(messages.isOverlayStatus({ ...status, notice }), false, JSON.stringify(notice)?.slice(0, 40));
    }
  });

  it('senders: spoofed or garbage sender facts are never taken for our own content script, page or background', () => {
    const ID = 'abcdefghijklmnopabcdefghijklmnop';
    const ORIGIN = `chrome-extension://${ID}/`;
    const random = generator(6);
    const ids = [ID, ID.toUpperCase(), `${ID} `, 'other', '', undefined, null];
    const urls = [undefined, 'https://news.example/a', `${ORIGIN}options.html`, `${ORIGIN}panel.html`, `${ORIGIN}background.js`,
      `chrome-extension://${ID}.evil.example/options.html`, `https://evil.example/${ORIGIN}options.html`, 'javascript:alert(1)', 5, {}];
    for (let round = 0; round < ROUNDS; round++) {
      const sender = { id: random.value(), url: random.value(), tab: random.value(), frameId: random.value() };
      if (random.next() < 0.7) sender.id = ids[Math.floor(random.next() * ids.length)];
      if (random.next() < 0.7) sender.url = urls[Math.floor(random.next() * urls.length)];
      if (random.next() < 0.5) sender.tab = random.next() < 0.5 ? { id: 4 } : undefined;
      if (random.next() < 0.5) sender.frameId = random.next() < 0.5 ? 0 : 3;
      const content = messages.isOwnContentScript(sender, ID, ORIGIN);
      const page = messages.isOwnExtensionPage(sender, ID, ORIGIN);
      const background = messages.isOwnBackground(sender, ID, ORIGIN);
      const context = `round ${round}: ${JSON.stringify(sender)?.slice(0, 200)}`;
      if (content || page || background) assert.equal(sender.id, ID, `only our own id is trusted; ${context}`);
      if (content) assert.ok(sender.tab?.id !== undefined && sender.frameId === 0, `a content script is a tab's top frame; ${context}`);
      if (page) assert.ok(typeof sender.url === 'string' && sender.url.startsWith(ORIGIN), `a page is at our origin; ${context}`);
      if (background) assert.equal(sender.tab, undefined, `the background has no tab; ${context}`);
      assert.ok([content, page, background].filter(Boolean).length <= 1, `one kind of sender at most; ${context}`);
    }
  });
});
