import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { importTs } from './load-ts.mjs';

const m = await importTs('extension/src/messages.ts');
const ID = 'abcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}/`;

const DRAW = {
  head: { schema: 'claimlens/draw@1', status: 'ok', notice_items: [], claims: 0 },
  strings: '',
  lengths: [],
  claims: [],
  kinds: [],
  scores: [],
  runs: [],
  key: 0,
};

describe('message guards', () => {
  const table = [
    ['analyze-page', m.isContentToBackground, { type: 'analyze-page', snapshot: { head: {}, strings: '', lengths: [], records: [] } }, true],
    ['analyze-page without records', m.isContentToBackground, { type: 'analyze-page', snapshot: { head: {}, strings: '', lengths: [] } }, false],
    ['analyze-page, object snapshot', m.isContentToBackground, { type: 'analyze-page', snapshot: { nodes: [] } }, false],
    ['overlay-status', m.isContentToBackground, { type: 'overlay-status', phase: 'shown', claims: 3 }, true],
    ['overlay-status, bad phase', m.isContentToBackground, { type: 'overlay-status', phase: 'open', claims: 3 }, false],
    ['overlay-status, negative count', m.isOverlayStatus, { type: 'overlay-status', phase: 'shown', claims: -1 }, false],
    ['overlay-status, fractional count', m.isOverlayStatus, { type: 'overlay-status', phase: 'shown', claims: 1.5 }, false],
    ['unknown type', m.isContentToBackground, { type: 'run-code' }, false],
    ['null', m.isContentToBackground, null, false],
    ['toggle', m.isBackgroundToContent, { type: 'toggle-overlay' }, true],
    ['step +1', m.isBackgroundToContent, { type: 'step-claim', direction: 1 }, true],
    ['step +2', m.isBackgroundToContent, { type: 'step-claim', direction: 2 }, false],
    ['reveal', m.isPanelToContent, { type: 'reveal-claim', claimId: 'c3' }, true],
    ['reveal, id not text', m.isPanelToContent, { type: 'reveal-claim', claimId: 3 }, false],
    ['reveal, huge id', m.isPanelToContent, { type: 'reveal-claim', claimId: 'x'.repeat(1000) }, false],
    ['reveal note', m.isPanelToContent, { type: 'reveal-note', noteId: 'urn:uuid:0b5e' }, true],
    ['reveal note, no id', m.isPanelToContent, { type: 'reveal-note' }, false],
    ['reveal note, huge id', m.isPanelToContent, { type: 'reveal-note', noteId: 'x'.repeat(1000) }, false],
    ['notes changed', m.isPanelToContent, { type: 'notes-changed' }, true],
    ['a notes request is not for the content script', m.isPanelToContent, { type: 'note-delete', id: 'n1' }, false],
    ['page state', m.isPageState, { type: 'page-state', phase: 'idle', host: 'a.b', analysis: null, notes: null }, false],
    ['page state ok', m.isPageState, { type: 'page-state', phase: 'hidden', host: 'a.b', analysis: null, notes: null }, true],
    ['page state without its notes field', m.isPageState, { type: 'page-state', phase: 'hidden', host: 'a.b', analysis: null }, false],
    ['page state with notes', m.isPageState,
      { type: 'page-state', phase: 'shown', host: 'a.b', analysis: null, notes: { url: 'https://a.b/x', anchors: [{ id: 'n1', status: 'orphan' }] } }, true],
    ['page state, bad anchor status', m.isPageState,
      { type: 'page-state', phase: 'shown', host: 'a.b', analysis: null, notes: { url: 'https://a.b/x', anchors: [{ id: 'n1', status: 'lost' }] } }, false],
    ['reveal reply', m.isRevealReply, { type: 'revealed', ok: false }, true],
    ['reveal reply, ok not boolean', m.isRevealReply, { type: 'revealed', ok: 'yes' }, false],
    ['analyze-page asking for the full analysis', m.isContentToBackground, { type: 'analyze-page', full: true, snapshot: { head: {}, strings: '', lengths: [], records: [] } }, true],
    ['analyze-page, full not a boolean', m.isContentToBackground, { type: 'analyze-page', full: 'yes', snapshot: { head: {}, strings: '', lengths: [], records: [] } }, false],
    ['analysis-details', m.isContentToBackground, { type: 'analysis-details', key: 3 }, true],
    ['analysis-details, no key', m.isContentToBackground, { type: 'analysis-details' }, false],
    ['analysis-details, negative key', m.isContentToBackground, { type: 'analysis-details', key: -1 }, false],
    ['analysis-details, fractional key', m.isContentToBackground, { type: 'analysis-details', key: 1.5 }, false],
    ['drawn reply', m.isAnalyzePageReply, { type: 'analysis-drawn', draw: DRAW }, true],
    ['drawn reply, typed arrays as objects', m.isAnalyzePageReply, { type: 'analysis-drawn', draw: { ...DRAW, runs: { 0: 1 } } }, false],
    ['drawn reply, another schema', m.isAnalyzePageReply, { type: 'analysis-drawn', draw: { ...DRAW, head: { ...DRAW.head, schema: 'x' } } }, false],
    ['details reply', m.isAnalysisDetailsReply, { type: 'analysis', analysis: { claims: [], article: {} } }, true],
    ['details gone', m.isAnalysisDetailsReply, { type: 'analysis-gone' }, true],
    ['details reply, no analysis', m.isAnalysisDetailsReply, { type: 'analysis' }, false],
    ['analysis reply', m.isAnalyzePageReply, { type: 'analysis', analysis: { claims: [], article: {} } }, true],
    ['analysis reply, no claims', m.isAnalyzePageReply, { type: 'analysis', analysis: { article: {} } }, false],
    ['live lookup', m.isLiveLookupRequest, { type: 'live-lookup', claims: [{ id: 'c1', text: 'A claim.' }], published: '2025-10-14' }, true],
    ['live lookup without a date', m.isLiveLookupRequest, { type: 'live-lookup', claims: [], published: null }, true],
    ['live lookup, more claims than the policy sends', m.isLiveLookupRequest,
      { type: 'live-lookup', claims: Array.from({ length: 6 }, (_, i) => ({ id: `c${i}`, text: 'x' })), published: null }, false],
    ['live lookup, a claim too long to be one', m.isLiveLookupRequest, { type: 'live-lookup', claims: [{ id: 'c1', text: 'x'.repeat(1001) }], published: null }, false],
    ['live lookup, empty claim text', m.isLiveLookupRequest, { type: 'live-lookup', claims: [{ id: 'c1', text: '' }], published: null }, false],
    ['live lookup, a date that is not one', m.isLiveLookupRequest, { type: 'live-lookup', claims: [], published: 'yesterday' }, false],
    ['live lookup is no content-to-background analysis message', m.isContentToBackground, { type: 'live-lookup', claims: [], published: null }, false],
    ['live results', m.isLiveLookupReply, { type: 'live-results', results: [{ id: 'c1', lookup: { state: 'failed', matches: [], received: 0, cached: false, failure: { kind: 'http', status: 403 } } }] }, true],
    ['live results, bad state', m.isLiveLookupReply, { type: 'live-results', results: [{ id: 'c1', lookup: { state: 'maybe', matches: [], received: 0, cached: false } }] }, false],
    ['live off', m.isLiveLookupReply, { type: 'live-off' }, true],
    ['packs list', m.isPacksRequest, { type: 'packs-list' }, true],
    ['pack import', m.isPacksRequest, { type: 'pack-import', fileName: 'a.clpack', data: 'iUNMUEFDSwo=' }, true],
    ['pack import without data', m.isPacksRequest, { type: 'pack-import', fileName: 'a.clpack' }, false],
    ['pack import, data as bytes', m.isPacksRequest, { type: 'pack-import', fileName: 'a.clpack', data: [1, 2] }, false],
    ['pack import, too large', m.isPacksRequest, { type: 'pack-import', fileName: 'a.clpack', data: 'A'.repeat(m.MAX_IMPORT_PACK_BYTES * 2) }, false],
    ['pack remove', m.isPacksRequest, { type: 'pack-remove', name: 'snopes' }, true],
    ['pack remove, a name with control characters', m.isPacksRequest, { type: 'pack-remove', name: 'a\u0000b' }, false],
    ['pack remove, no name', m.isPacksRequest, { type: 'pack-remove', name: '' }, false],
    ['delete all fact-check data', m.isPacksRequest, { type: 'factchecks-delete-all' }, true],
    ['a notes request is no packs request', m.isPacksRequest, { type: 'notes-delete-all' }, false],
    ['packs reply', m.isPacksReply, { type: 'packs', packs: [{ name: 'p', description: '', source: 's', licence: 'l', records: 1, bytes: 2, builtIn: true, loaded: true }], timing: null, quarantined: 0, liveCached: 0 }, true],
    ['packs reply, a pack without its flags', m.isPacksReply, { type: 'packs', packs: [{ name: 'p', source: 's', licence: 'l', records: 1, bytes: 2 }], timing: null, quarantined: 0, liveCached: 0 }, false],
    ['packs error', m.isPacksReply, { type: 'packs-error', error: 'no' }, true],
  ];
  for (const [name, guard, message, expected] of table) {
    it(name, () => assert.equal(guard(message), expected));
  }
});

describe('sender checks', () => {
  it('accepts only our content script in a top frame', () => {
    const page = 'https://news.example/story';
    assert.equal(m.isOwnContentScript({ id: ID, url: page, tab: { id: 4 }, frameId: 0 }, ID, ORIGIN), true);
    assert.equal(m.isOwnContentScript({ id: ID, url: page, tab: { id: 4 }, frameId: 2 }, ID, ORIGIN), false, 'an iframe');
    assert.equal(m.isOwnContentScript({ id: 'other', url: page, tab: { id: 4 }, frameId: 0 }, ID, ORIGIN), false, 'another extension');
    assert.equal(m.isOwnContentScript({ id: ID, frameId: 0 }, ID, ORIGIN), false, 'no tab: an extension page');
    assert.equal(
      m.isOwnContentScript({ id: ID, url: `${ORIGIN}options.html`, tab: { id: 4 }, frameId: 0 }, ID, ORIGIN),
      false,
      'an extension page opened in a tab',
    );
  });

  it('accepts our extension pages by path, of our own origin only', () => {
    assert.equal(m.isOwnExtensionPage({ id: ID, url: `${ORIGIN}notes.html?url=x` }, ID, ORIGIN), true, 'any of our pages by default');
    assert.equal(m.isOwnExtensionPage({ id: ID, url: `${ORIGIN}background.js` }, ID, ORIGIN), false, 'the background is no page');
    const moz = 'moz-extension://1234-5678/';
    assert.equal(m.isOwnExtensionPage({ id: ID, url: `${moz}options.html` }, ID, moz), true);
    assert.equal(m.isOwnExtensionPage({ id: ID, url: 'moz-extension://another-uuid/options.html' }, ID, moz), false, 'another add-on’s origin');
  });

  it('accepts only the named extension page of our own origin', () => {
    assert.equal(m.isOwnExtensionPage({ id: ID, url: `${ORIGIN}panel.html?tab=3` }, ID, ORIGIN, 'panel.html'), true);
    assert.equal(m.isOwnExtensionPage({ id: ID, url: `${ORIGIN}options.html` }, ID, ORIGIN, 'panel.html'), false);
    assert.equal(m.isOwnExtensionPage({ id: ID, url: 'https://evil.example/panel.html' }, ID, ORIGIN, 'panel.html'), false);
    assert.equal(m.isOwnExtensionPage({ id: ID }, ID, ORIGIN, 'panel.html'), false);
  });

  it('accepts the background in either browser, nothing in a tab', () => {
    assert.equal(m.isOwnBackground({ id: ID, url: `${ORIGIN}background.js` }, ID, ORIGIN), true);
    const moz = 'moz-extension://1234-5678/';
    assert.equal(m.isOwnBackground({ id: ID, url: `${moz}_generated_background_page.html` }, ID, moz), true);
    assert.equal(m.isOwnBackground({ id: ID, url: `${ORIGIN}panel.html` }, ID, ORIGIN), false, 'the panel is not the background');
    assert.equal(m.isOwnBackground({ id: ID, url: `${ORIGIN}background.js`, tab: { id: 1 } }, ID, ORIGIN), false);
  });
});
