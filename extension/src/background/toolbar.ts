// The toolbar button's per-tab badge and tooltip, from the overlay's status:
// the claim count while the highlights are shown, nothing while hidden, "…"
// while analysing, "!" and the reason when the analysis failed, "off" when
// ClaimLens is switched off (globally or for the site).

import type { OverlayStatus } from '../messages';
import type { MessageKey } from '../ui/i18n';
import { ext } from '../platform';

export async function showStatus(tabId: number, status: OverlayStatus): Promise<void> {
  switch (status.phase) {
    case 'shown':
      // A page too large to read whole says so (the core's notice: how much was analysed).
      return setButton(
        tabId,
        String(status.claims),
        status.notice ? ext.i18n.getMessage('actionTitleTruncated', [status.notice]) : ext.i18n.getMessage('actionTitle'),
      );
    case 'hidden':
      return setButton(tabId, '', ext.i18n.getMessage('actionTitle'));
    case 'analysing':
      return setButton(tabId, ext.i18n.getMessage('badgeAnalysing'), ext.i18n.getMessage('actionTitleAnalysing'));
    case 'failed':
      return showFailure(tabId, status.reason ?? ext.i18n.getMessage('failureUnknown'));
    case 'off':
      return showOff(tabId, 'actionTitleOff');
  }
}

export async function showFailure(tabId: number, reason: string): Promise<void> {
  await setButton(tabId, ext.i18n.getMessage('badgeFailed'), ext.i18n.getMessage('actionTitleFailed', [reason]));
}

export async function showOff(tabId: number, why: MessageKey): Promise<void> {
  await setButton(tabId, ext.i18n.getMessage('badgeOff'), ext.i18n.getMessage(why));
}

async function setButton(tabId: number, text: string, title: string): Promise<void> {
  try {
    await Promise.all([ext.action.setBadgeText({ tabId, text }), ext.action.setTitle({ tabId, title })]);
  } catch {
    // The tab was closed meanwhile.
  }
}
