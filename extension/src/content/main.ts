// The content script, in a tab's top frame: injected by the first toolbar
// click (or keyboard command), or registered for a site the reader chose to
// annotate always. It runs one PageSession and answers the background and
// the claims panel, after checking who is asking.

import {
  type OverlayStatus,
  type PageState,
  isBackgroundToContent,
  isOwnBackground,
  isOwnExtensionPage,
  isPanelToContent,
} from '../messages';
import { ext } from '../platform';
import type { Translate } from '../ui/i18n';
import { PageSession } from './page-session';

const translate: Translate = (key, substitutions) => ext.i18n.getMessage(key, substitutions);
const PANEL_PAGE = 'panel.html';

function onMessage(
  message: unknown,
  sender: chrome.runtime.MessageSender,
  sendResponse: (reply: OverlayStatus | PageState | { type: 'revealed'; ok: boolean }) => void,
  session: PageSession,
): void {
  const id = ext.runtime.id;
  const origin = ext.runtime.getURL('');
  if (isBackgroundToContent(message) && isOwnBackground(sender, id, origin)) {
    sendResponse(message.type === 'toggle-overlay' ? session.toggle() : session.step(message.direction));
    return;
  }
  if (isPanelToContent(message) && isOwnExtensionPage(sender, id, origin, PANEL_PAGE)) {
    sendResponse(message.type === 'get-page-state' ? session.pageState() : { type: 'revealed', ok: session.reveal(message.claimId) });
  }
  // Anything else (other senders, unknown types) gets no answer.
}

// Two quick clicks, or a click on a page the registered script already
// runs on, can inject this script twice into one document (same isolated
// world, so the same global): only the first run sets up.
const INJECTED = Symbol.for('claimlens.content-script');
if (!(INJECTED in globalThis)) {
  Object.defineProperty(globalThis, INJECTED, { value: true });
  const session = new PageSession(document, translate);
  ext.runtime.onMessage.addListener((message, sender, sendResponse) => onMessage(message, sender, sendResponse, session));
  void session.start();
}
