// Settings: the validator (schema.ts), the version-0 migration (migrate.ts),
// the store over storage.sync / storage.local (settings-store.ts) and the
// storage problems log (storage/problem-log.ts).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { importTs } from './load-ts.mjs';
import { memoryBackend } from './memory-storage.mjs';

const schema = await importTs('extension/src/settings/schema.ts');
const { migrateV0, V0_KEYS } = await importTs('extension/src/settings/migrate.ts');
const { SettingsStore, SettingsError, SETTINGS_KEY, API_KEY_KEY, LOCATION_KEY, V0_BACKUP_KEY } = await importTs(
  'extension/src/settings/settings-store.ts',
);
const log = await importTs('extension/src/storage/problem-log.ts');

const NOW = new Date('2026-02-03T04:05:06.000Z');
const storeOn = (backend) => new SettingsStore(backend, () => NOW);

/** Version-0 settings, every key set to something other than its default. */
const V0 = {
  enabled: false,
  sensitivity: 65,
  hiddenKinds: 'quote, prediction',
  hiddenSourcing: 'outlet',
  alwaysSites: 'ledger.example\nnews.example.org',
  neverSites: 'tabloid.example',
  factCheckEnabled: true,
  factCheckApiKey: 'AIza-test-key',
  factCheckEndpoint: 'http://127.0.0.1:9999/claims:search',
  factCheckCacheDays: 3,
};

describe('settings validation', () => {
  it('keeps valid fields and replaces each invalid one by its default, naming it', () => {
    const { settings, problems } = schema.validateSettings({
      version: 1,
      enabled: 'yes',
      threshold: 0.7,
      kinds: { quote: false, event: 'no' },
      sourcing: [],
      sites: { always: ['Example.COM/path', 'not a host'], never: 'x' },
      liveSource: { enabled: true, apiKey: 5, endpoint: 'ftp://x', cacheHours: -1 },
      packs: { builtIn: 'off' },
    });
    assert.equal(settings.enabled, true);
    assert.equal(settings.packs.builtIn, true, 'the built-in pack stays on when the stored value is not true or false');
    assert.equal(settings.threshold, 0.7);
    assert.equal(settings.kinds.quote, false);
    assert.equal(settings.kinds.event, true);
    assert.deepEqual(settings.sites, { always: ['example.com'], never: [] });
    assert.equal(settings.liveSource.enabled, true);
    assert.deepEqual(problems.sort(), [
      'enabled is not true or false',
      'kinds.event is not true or false',
      'liveSource.apiKey is not text',
      'liveSource.cacheHours is out of range',
      'liveSource.endpoint is not an http(s) address',
      'packs.builtIn is not true or false',
      'sites.always has an invalid site: not a host',
      'sites.never is not a list',
      'sourcing is not an object',
    ]);
  });

  it('keeps the built-in fact-check pack off when the reader turned it off', () => {
    assert.deepEqual(schema.validateSettings({ packs: { builtIn: false } }), {
      settings: { ...schema.defaultSettings(), packs: { builtIn: false } },
      problems: [],
    });
    assert.deepEqual(schema.validateSettings({ packs: 'none' }).problems, ['packs is not an object']);
  });

  it('never throws, whatever is stored', () => {
    for (const raw of [null, undefined, 0, 'settings', [], [1, 2], { kinds: null }, { sites: { always: [null, {}] } }, Object.create(null)]) {
      const { settings } = schema.validateSettings(raw);
      assert.equal(settings.version, schema.SETTINGS_VERSION);
    }
  });
});

describe('settings migration from version 0', () => {
  it('carries every version-0 setting over (nothing is lost)', () => {
    const { value, problems } = migrateV0(V0);
    assert.deepEqual(problems, []);
    const { settings, problems: validation } = schema.validateSettings(value);
    assert.deepEqual(validation, []);
    const expected = schema.defaultSettings();
    expected.enabled = false;
    expected.threshold = 0.65;
    expected.kinds.quote = false;
    expected.kinds.prediction = false;
    expected.sourcing.outlet = false;
    expected.sites = { always: ['ledger.example', 'news.example.org'], never: ['tabloid.example'] };
    expected.liveSource = { enabled: true, apiKey: 'AIza-test-key', endpoint: 'http://127.0.0.1:9999/claims:search', cacheHours: 72 };
    assert.deepEqual(settings, expected);
  });

  it('reports version-0 values it cannot read, instead of dropping them silently', () => {
    const { problems } = migrateV0({ sensitivity: 'high', hiddenKinds: 'quote,opinion', factCheckCacheDays: 'week', alwaysSites: 7 });
    assert.deepEqual(problems, [
      'version 0 sensitivity "high" is not a percentage; the model default is used',
      'version 0 hiddenKinds names an unknown kind "opinion"',
      'version 0 alwaysSites is not text',
      'version 0 factCheckCacheDays "week" is not a number; the default is used',
    ]);
  });
});

describe('the settings store', () => {
  it('gives defaults when nothing is stored, and reports nothing', async () => {
    const backend = memoryBackend();
    const loaded = await storeOn(backend).load();
    assert.deepEqual(loaded, { settings: schema.defaultSettings(), problems: [], area: 'sync' });
    assert.deepEqual(backend.local.dump(), {}, 'a clean read writes nothing');
  });

  it('saves to storage.sync, keeping the API key in storage.local only', async () => {
    const backend = memoryBackend();
    const store = storeOn(backend);
    const settings = schema.defaultSettings();
    settings.threshold = 0.3;
    settings.liveSource.apiKey = 'secret';
    assert.equal(await store.save(settings), 'sync');
    assert.equal(backend.sync.dump()[SETTINGS_KEY].threshold, 0.3);
    assert.equal(backend.sync.dump()[SETTINGS_KEY].liveSource.apiKey, undefined, 'the key is not synced');
    assert.equal(backend.local.dump()[API_KEY_KEY], 'secret');
    assert.deepEqual((await store.load()).settings, settings);
  });

  it('falls back to storage.local when storage.sync refuses the settings (quota), and says so', async () => {
    const backend = memoryBackend({ sync: { quotaBytesPerItem: 800 } });
    const store = storeOn(backend);
    const settings = schema.defaultSettings();
    settings.sites.always = Array.from({ length: 40 }, (_, i) => `site-${i}.example`);
    assert.equal(await store.save(settings), 'local');
    assert.equal(backend.local.dump()[LOCATION_KEY], 'local');
    const loaded = await store.load();
    assert.equal(loaded.area, 'local');
    assert.deepEqual(loaded.settings, settings);
    const problems = await log.readProblems(backend.local);
    assert.match(problems.at(-1).problems[0], /storage\.sync refused the settings \(QUOTA_BYTES_PER_ITEM/);
    // Once sync takes them again, the local copy goes.
    settings.sites.always = ['one.example'];
    assert.equal(await store.save(settings), 'sync');
    assert.equal(backend.local.dump()[LOCATION_KEY], undefined);
    assert.equal((await store.load()).area, 'sync');
  });

  it('reads storage.local when storage.sync cannot be read at all', async () => {
    const backend = memoryBackend({ sync: { broken: true } });
    const settings = schema.defaultSettings();
    settings.enabled = false;
    await storeOn(backend).save(settings);
    const loaded = await storeOn(backend).load();
    assert.equal(loaded.area, 'local');
    assert.equal(loaded.settings.enabled, false);
  });

  it('falls back field by field on a corrupt stored value, logs it with the value, and repairs storage', async () => {
    const backend = memoryBackend();
    const corrupt = { version: 1, enabled: 'maybe', threshold: 4, kinds: { quote: false }, sites: { always: ['ok.example', 12] } };
    await backend.sync.set({ [SETTINGS_KEY]: corrupt });
    const store = storeOn(backend);
    const loaded = await store.load();
    assert.equal(loaded.settings.enabled, true);
    assert.equal(loaded.settings.threshold, null);
    assert.equal(loaded.settings.kinds.quote, false, 'the valid field survives');
    assert.deepEqual(loaded.settings.sites.always, ['ok.example']);
    assert.deepEqual(loaded.problems, ['enabled is not true or false', 'threshold is not a number from 0 to 1', 'sites.always has an invalid site: 12']);
    const [entry] = await log.readProblems(backend.local);
    assert.equal(entry.source, 'settings');
    assert.deepEqual(entry.problems, loaded.problems);
    assert.deepEqual(JSON.parse(entry.data), corrupt, 'the corrupt value is kept in the log');
    assert.equal(entry.at, NOW.toISOString());
    // Repaired in storage: the next read is clean, and the log does not grow.
    assert.deepEqual((await store.load()).problems, []);
    assert.equal((await log.readProblems(backend.local)).length, 1);
  });

  it('treats settings that are not an object at all as defaults, logged', async () => {
    const backend = memoryBackend();
    await backend.sync.set({ [SETTINGS_KEY]: 'garbage' });
    const loaded = await storeOn(backend).load();
    assert.deepEqual(loaded.settings, schema.defaultSettings());
    assert.deepEqual(loaded.problems, ['settings are not an object']);
    assert.equal(JSON.parse((await log.readProblems(backend.local))[0].data), 'garbage');
  });

  it('migrates version-0 settings on first read: values kept, old keys backed up then removed', async () => {
    const backend = memoryBackend();
    await backend.sync.set(V0);
    const loaded = await storeOn(backend).load();
    assert.equal(loaded.migratedFrom, 0);
    assert.deepEqual(loaded.problems, []);
    assert.equal(loaded.settings.threshold, 0.65);
    assert.equal(loaded.settings.liveSource.apiKey, 'AIza-test-key');
    const sync = backend.sync.dump();
    assert.deepEqual(Object.keys(sync), [SETTINGS_KEY], 'only the version-1 key is left in sync');
    assert.equal(sync[SETTINGS_KEY].liveSource.apiKey, undefined, 'the migrated key left sync');
    assert.equal(backend.local.dump()[API_KEY_KEY], 'AIza-test-key');
    assert.deepEqual(backend.local.dump()[V0_BACKUP_KEY].keys, V0, 'the version-0 keys are backed up verbatim');
    assert.deepEqual(Object.keys(V0).sort(), [...V0_KEYS].sort(), 'the test covers every version-0 key');
    // The second read is plain version 1.
    const again = await storeOn(backend).load();
    assert.equal(again.migratedFrom, undefined);
    assert.deepEqual(again.settings, loaded.settings);
  });

  it('keeps the settings of a newer version in the log when it must fall back', async () => {
    const backend = memoryBackend();
    const newer = { version: 2, enabled: false, futureField: { keep: 'me' } };
    await backend.sync.set({ [SETTINGS_KEY]: newer });
    const loaded = await storeOn(backend).load();
    assert.equal(loaded.settings.enabled, false);
    assert.deepEqual(loaded.problems, ['settings version 2 was upgraded to 1']);
    assert.deepEqual(JSON.parse((await log.readProblems(backend.local))[0].data), newer);
  });

  it('refuses to save invalid settings', async () => {
    const settings = schema.defaultSettings();
    settings.threshold = 3;
    await assert.rejects(storeOn(memoryBackend()).save(settings), (error) => error instanceof SettingsError && /threshold/.test(error.message));
  });

  it('tells listeners about changes made anywhere, with validated settings', async () => {
    const backend = memoryBackend();
    const store = storeOn(backend);
    const seen = [];
    const unsubscribe = store.onChanged((settings) => seen.push(settings.enabled));
    const settings = schema.defaultSettings();
    settings.enabled = false;
    await storeOn(backend).save(settings); // another context
    await new Promise((resolve) => setTimeout(resolve, 10));
    assert.ok(seen.includes(false));
    unsubscribe();
    const count = seen.length;
    await storeOn(backend).save(schema.defaultSettings());
    await new Promise((resolve) => setTimeout(resolve, 10));
    assert.equal(seen.length, count, 'no calls after unsubscribing');
  });

  it('tells listeners what the settings were before each change (the background revokes sites taken off the always list)', async () => {
    const backend = memoryBackend();
    const writer = storeOn(backend);
    await writer.update((s) => s.sites.always.push('a.example', 'b.example'));
    const seen = [];
    const unsubscribe = storeOn(backend).onChanged((settings, previous) => seen.push({ now: settings.sites.always, before: previous.sites.always }));
    await writer.update((s) => (s.sites.always = ['b.example']));
    await new Promise((resolve) => setTimeout(resolve, 10));
    unsubscribe();
    // A save writes storage.local (the API key) then storage.sync: one call per storage event.
    assert.ok(
      seen.some((call) => JSON.stringify(call) === JSON.stringify({ now: ['b.example'], before: ['a.example', 'b.example'] })),
      JSON.stringify(seen),
    );
    assert.deepEqual(seen.at(-1).now, ['b.example'], 'the last call has the settings as stored');
  });

  it('regression: tells a listener about quick changes in order, even when an earlier read answers last', async () => {
    const backend = memoryBackend();
    const writer = storeOn(backend);
    const reader = storeOn(backend);
    // A read that sees the first change is slow: it would answer after the read of the second.
    const get = backend.sync.get.bind(backend.sync);
    backend.sync.get = async (keys) => {
      const value = await get(keys);
      if (value.settings?.threshold === 0.3) await new Promise((resolve) => setTimeout(resolve, 30));
      return value;
    };
    const seen = [];
    const unsubscribe = reader.onChanged((settings) => seen.push(settings.threshold));
    const first = schema.defaultSettings();
    first.threshold = 0.3;
    await writer.save(first);
    await new Promise((resolve) => setTimeout(resolve, 5)); // the reads of the first change have seen 0.3
    const second = schema.defaultSettings();
    second.threshold = 1;
    await writer.save(second);
    await new Promise((resolve) => setTimeout(resolve, 80));
    unsubscribe();
    assert.equal(seen.at(-1), 1, `the last call has the settings as stored (calls: ${JSON.stringify(seen)})`);
  });

  it('applies quick updates one after another, so none is lost', async () => {
    const backend = memoryBackend();
    const store = storeOn(backend);
    const results = await Promise.all([
      store.update((s) => (s.kinds.quote = false)),
      store.update((s) => (s.sourcing.vague = false)),
      store.update((s) => s.sites.never.push('tabloid.example')),
    ]);
    assert.deepEqual(results.map((r) => r.area), ['sync', 'sync', 'sync']);
    const { settings } = await store.load();
    assert.equal(settings.kinds.quote, false);
    assert.equal(settings.sourcing.vague, false);
    assert.deepEqual(settings.sites.never, ['tabloid.example']);
  });

  it('refuses an update that makes the settings invalid, and stores nothing of it', async () => {
    const backend = memoryBackend();
    const store = storeOn(backend);
    await assert.rejects(store.update((s) => (s.threshold = 2)), SettingsError);
    assert.equal((await store.load()).settings.threshold, null);
    assert.equal((await store.update((s) => (s.enabled = false))).settings.enabled, false, 'a later update still runs');
  });

  it('deletes everything on "delete all data"', async () => {
    const backend = memoryBackend();
    await backend.sync.set(V0);
    await storeOn(backend).load();
    await storeOn(backend).clearAll();
    assert.deepEqual(backend.sync.dump(), {});
    assert.deepEqual(backend.local.dump(), {});
  });
});

describe('the storage problems log', () => {
  it('keeps the newest entries, bounded, without repeating the last one', async () => {
    const { local } = memoryBackend();
    for (let i = 0; i < log.MAX_PROBLEM_ENTRIES + 5; i++) {
      await log.appendProblem(local, { at: NOW.toISOString(), source: 'notes', problems: [`problem ${i}`] });
      await log.appendProblem(local, { at: NOW.toISOString(), source: 'notes', problems: [`problem ${i}`] });
    }
    const entries = await log.readProblems(local);
    assert.equal(entries.length, log.MAX_PROBLEM_ENTRIES);
    assert.equal(entries.at(-1).problems[0], `problem ${log.MAX_PROBLEM_ENTRIES + 4}`);
  });

  it('truncates huge data, and reports a damaged log rather than hiding it', async () => {
    assert.ok(log.describeData('x'.repeat(log.MAX_DATA_CHARS * 2)).endsWith(`(${log.MAX_DATA_CHARS * 2 + 2} characters in all)`));
    const { local } = memoryBackend();
    await local.set({ [log.PROBLEM_LOG_KEY]: [{ at: 'x', source: 'settings', problems: ['fine'] }, 'junk'] });
    const entries = await log.readProblems(local);
    assert.equal(entries.length, 2);
    assert.match(entries[0].problems[0], /1 entries of the storage problems log are unreadable/);
    await local.set({ [log.PROBLEM_LOG_KEY]: 'junk' });
    assert.match((await log.readProblems(local))[0].problems[0], /log itself is unreadable/);
  });
});
