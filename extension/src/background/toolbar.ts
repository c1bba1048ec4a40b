// The toolbar button's per-tab badge and tooltip: the claim count while the
// overlay is shown, nothing while it is hidden, and the reason when analysis failed.

import { ext } from '../platform';

export async function showClaimCount(tabId: number, claims: number): Promise<void> {
  await Promise.all([
    ext.action.setBadgeText({ tabId, text: String(claims) }),
    ext.action.setTitle({ tabId, title: ext.i18n.getMessage('actionTitle') }),
  ]);
}

export async function clearBadge(tabId: number): Promise<void> {
  await ext.action.setBadgeText({ tabId, text: '' });
}

export async function showFailure(tabId: number, reason: string): Promise<void> {
  await Promise.all([
    ext.action.setBadgeText({ tabId, text: ext.i18n.getMessage('badgeFailed') }),
    ext.action.setTitle({ tabId, title: ext.i18n.getMessage('actionTitleFailed', [reason]) }),
  ]);
}
