import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { importTs } from './load-ts.mjs';

const m = await importTs('extension/src/messages.ts');
const ID = 'abcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}/`;

describe('message guards', () => {
  const table = [
    ['analyze-page', m.isContentToBackground, { type: 'analyze-page', snapshot: { nodes: [] } }, true],
    ['analyze-page without nodes', m.isContentToBackground, { type: 'analyze-page', snapshot: {} }, false],
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
    ['analysis reply', m.isAnalyzePageReply, { type: 'analysis', analysis: { claims: [], article: {} } }, true],
    ['analysis reply, no claims', m.isAnalyzePageReply, { type: 'analysis', analysis: { article: {} } }, false],
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
