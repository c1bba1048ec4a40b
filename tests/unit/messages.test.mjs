import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadTs } from './load-ts.mjs';

const m = await loadTs('messages.ts');
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
    ['page state', m.isPageState, { type: 'page-state', phase: 'idle', host: 'a.b', analysis: null }, false],
    ['page state ok', m.isPageState, { type: 'page-state', phase: 'hidden', host: 'a.b', analysis: null }, true],
    ['analysis reply', m.isAnalyzePageReply, { type: 'analysis', analysis: { claims: [], article: {} } }, true],
    ['analysis reply, no claims', m.isAnalyzePageReply, { type: 'analysis', analysis: { article: {} } }, false],
  ];
  for (const [name, guard, message, expected] of table) {
    it(name, () => assert.equal(guard(message), expected));
  }
});

describe('sender checks', () => {
  it('accepts only our content script in a top frame', () => {
    assert.equal(m.isOwnContentScript({ id: ID, tab: { id: 4 }, frameId: 0 }, ID), true);
    assert.equal(m.isOwnContentScript({ id: ID, tab: { id: 4 }, frameId: 2 }, ID), false, 'an iframe');
    assert.equal(m.isOwnContentScript({ id: 'other', tab: { id: 4 }, frameId: 0 }, ID), false, 'another extension');
    assert.equal(m.isOwnContentScript({ id: ID, frameId: 0 }, ID), false, 'no tab: an extension page');
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
