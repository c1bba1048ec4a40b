// Importing fact-checks in the browser: which files are ready packs, the name
// a built pack gets, and the importer module's build_pack (the very modules
// the extension ships, extension/pkg) on good, partly bad and unreadable files,
// its packs loaded by the analysis module.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { importTs } from './load-ts.mjs';

const { isPackFile, packNameFor } = await importTs('extension/src/factchecks/pack-file.ts');
const { isPacksReply } = await importTs('extension/src/messages.ts');

const PKG = new URL('../../extension/pkg/', import.meta.url);
const hasCore = existsSync(new URL('claimlens_bg.wasm', PKG)) && existsSync(new URL('claimlens_import_bg.wasm', PKG));
let core;
let importer;
if (hasCore) {
  core = await import(new URL('claimlens.js', PKG).href);
  core.initSync({ module: readFileSync(new URL('claimlens_bg.wasm', PKG)) });
  importer = await import(new URL('claimlens_import.js', PKG).href);
  importer.initSync({ module: readFileSync(new URL('claimlens_import_bg.wasm', PKG)) });
}
const needsCore = { skip: hasCore ? false : 'extension/pkg is not built (npm run build:wasm)' };

const utf8 = (text) => new TextEncoder().encode(text);
const META = { name: 'my-checks', description: '', source: 'my-checks.json', licence: '' };

function review(claim, url, rating = 'False') {
  return {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    claimReviewed: claim,
    url,
    datePublished: '2025-03-04',
    author: { '@type': 'Organization', name: 'Checkers' },
    reviewRating: { '@type': 'Rating', alternateName: rating },
  };
}

describe('which imported files are ready packs', () => {
  const table = [
    ['a .clpack by name', 'x.clpack', utf8('anything'), true],
    ['a pack by its signature, whatever its name', 'download.bin', new Uint8Array([0x89, 0x43, 0x4c, 0x50, 0x41, 0x43, 0x4b, 0x0a, 1]), true],
    ['ClaimReview JSON', 'checks.json', utf8('{"@type":"ClaimReview"}'), false],
    ['JSON Lines', 'checks.jsonl', utf8('{}\n{}\n'), false],
    ['an empty file', 'empty.json', new Uint8Array(), false],
    ['half a signature', 'short', new Uint8Array([0x89, 0x43, 0x4c]), false],
  ];
  for (const [name, fileName, bytes, expected] of table) {
    it(name, () => assert.equal(isPackFile(fileName, bytes), expected));
  }
});

describe('the name of a pack built from a file', () => {
  const table = [
    ['politifact_vclaims.jsonl', 'politifact-vclaims'],
    ['My Checks (2025).JSON', 'my-checks-2025'],
    ['…ünïcode….json', 'n-code'],
    ['.json', 'imported'],
    ['---.jsonl', 'imported'],
    [`${'a'.repeat(100)}.json`, 'a'.repeat(60)],
    ['no-extension', 'no-extension'],
  ];
  for (const [fileName, expected] of table) {
    it(`${fileName} → ${expected}`, () => assert.equal(packNameFor(fileName), expected));
  }
});

describe('the import report reply', () => {
  const pack = { name: 'p', description: '', source: '', licence: '', records: 1, bytes: 10, builtIn: false, loaded: true };
  const report = { format: 'JSON Lines', records: 1, skipped: 1, duplicates: 0, issues: ['line 2: not JSON (record skipped)'], issuesTotal: 1 };
  it('accepts a reply with a report, or without one', () => {
    assert.ok(isPacksReply({ type: 'pack-imported', pack, replaced: false, report }));
    assert.ok(isPacksReply({ type: 'pack-imported', pack, replaced: false }));
  });
  it('refuses a malformed report', () => {
    assert.ok(!isPacksReply({ type: 'pack-imported', pack, replaced: false, report: { ...report, issues: [3] } }));
    assert.ok(!isPacksReply({ type: 'pack-imported', pack, replaced: false, report: { ...report, skipped: -1 } }));
    assert.ok(!isPacksReply({ type: 'pack-imported', pack, replaced: false, report: { ...report, issues: Array(51).fill('x') } }));
    assert.ok(!isPacksReply({ type: 'pack-imported', pack, replaced: false, report: null }));
  });
});

describe('the core builds a pack from published fact-checks (build_pack)', () => {
  it('lives in the importer module only: the analysis module every page loads has no importer in it', needsCore, () => {
    assert.equal(typeof importer.build_pack, 'function');
    assert.equal(typeof importer.live_matches, 'function');
    assert.equal(core.build_pack, undefined);
    assert.equal(core.live_matches, undefined);
    assert.equal(importer.analyze, undefined, 'and the importer has no analysis in it');
  });

  it('ClaimReview JSON-LD: every good record, a loadable pack that matches its claim', needsCore, () => {
    const file = utf8(JSON.stringify([review('The bridge cost 40 million dollars to build in 2019', 'https://checks.example/bridge'), review('Wind turbines cause cancer in nearby residents', 'https://checks.example/wind', 'Pants on Fire')]));
    const built = importer.build_pack('my-checks.json', file, META);
    assert.ok(built.bytes instanceof Uint8Array, 'the pack comes back as bytes');
    assert.equal(built.format, 'ClaimReview JSON-LD');
    assert.equal(built.records, 2);
    assert.equal(built.skipped, 0);
    assert.deepEqual(built.issues, []);
    const info = core.load_pack(built.bytes);
    try {
      assert.equal(info.name, 'my-checks');
      assert.equal(info.records, 2);
      const [result] = core.match_claims(['Wind turbines cause cancer in people living nearby'], {});
      assert.equal(result.matches[0]?.url, 'https://checks.example/wind');
      assert.equal(result.matches[0]?.verdict, 'Pants on Fire');
    } finally {
      core.remove_pack('my-checks');
    }
  });

  it('JSON Lines with a broken line: imports the good ones, reports the bad one with its line', needsCore, () => {
    const good = { id: 'x-1', claim: 'The county held 14 vaccination clinics last autumn.', verdict: 'true', url: 'https://checks.example/clinics' };
    const file = utf8(`${JSON.stringify(good)}\n{"id": "x-2", "claim": \n${JSON.stringify({ ...good, id: 'x-3', claim: 'Another claim about the county budget doubling.' })}\n`);
    const built = importer.build_pack('mine.jsonl', file, { ...META, name: 'mine' });
    assert.equal(built.format, 'JSON Lines');
    assert.equal(built.records, 2);
    assert.equal(built.skipped, 1);
    assert.equal(built.issues.length, 1);
    assert.match(built.issues[0], /^line 2\b.*record skipped/);
  });

  it('refuses, building nothing, a file that cannot be read or holds no fact-check', needsCore, () => {
    const table = [
      ['an empty file', 'empty.json', '   \n', /empty/],
      ['not JSON', 'notes.json', 'these are my notes {', /not valid JSON/],
      ['JSON with no ClaimReview', 'other.json', '{"@type": "NewsArticle", "headline": "x"}', /no fact-checks|no .*fact-checks/i],
      ['only bad records', 'bad.jsonl', '{"id": 1}\n{"id": 2}\n', /no fact-checks/i],
    ];
    for (const [name, fileName, text, reason] of table) {
      assert.throws(() => importer.build_pack(fileName, utf8(text), META), reason, name);
    }
    assert.deepEqual(core.list_packs().map((p) => p.name).filter((n) => n === 'my-checks'), [], 'nothing was loaded');
  });
});
