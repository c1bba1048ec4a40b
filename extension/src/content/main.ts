// The content script, in a tab's top frame: injected by the first toolbar
// click (or keyboard command), or registered for a site the reader chose to
// annotate always. It runs one PageSession (the highlights, the notes and the
// reader's own notes) and answers the background and the claims panel, after
// checking who is asking.

// First: captures the built-ins before anything else runs.
import './pristine';
import {
  type OverlayStatus,
  PANEL_PAGE,
  type PageState,
  type PanelToContent,
  type RevealReply,
  isBackgroundToContent,
  isOwnBackground,
  isOwnExtensionPage,
  isPanelToContent,
} from '../messages';
import { ext, translate } from '../platform';
import { PageSession } from './page-session';

function onMessage(
  message: unknown,
  sender: chrome.runtime.MessageSender,
  sendResponse: (reply: OverlayStatus | PageState | RevealReply) => void,
  session: PageSession,
): void {
  const id = ext.runtime.id;
  const origin = ext.runtime.getURL('');
  if (isBackgroundToContent(message) && isOwnBackground(sender, id, origin)) {
    sendResponse(message.type === 'toggle-overlay' ? session.toggle() : session.step(message.direction));
    return;
  }
  if (isPanelToContent(message) && isOwnExtensionPage(sender, id, origin, PANEL_PAGE)) {
    const reply = answerPanel(message, session);
    if (reply) sendResponse(reply);
  }
  // Anything else (other senders, unknown types) gets no answer.
}

function answerPanel(message: PanelToContent, session: PageSession): PageState | RevealReply | undefined {
  switch (message.type) {
    case 'get-page-state':
      return session.pageState();
    case 'reveal-claim':
      return { type: 'revealed', ok: session.reveal(message.claimId) };
    case 'reveal-note':
      return { type: 'revealed', ok: session.revealNote(message.noteId) };
    case 'notes-changed':
      session.notesChanged();
      return undefined;
  }
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
