// Which draw result each tab was last sent (background/main.ts): the full
// analysis behind it goes to that tab only, and once. In memory on purpose:
// after the background was stopped the core has forgotten the analyses too,
// and the content script asks for the whole analysis again.

export class DrawnAnalyses {
  private readonly keys = new Map<number, number>();

  /** `tabId` was sent the draw result `key` (replacing any earlier one of that tab). */
  remember(tabId: number, key: number): void {
    this.keys.set(tabId, key);
  }

  /** Whether `tabId` may have the analysis behind `key`: true once, for its latest draw result only. */
  take(tabId: number, key: number): boolean {
    if (this.keys.get(tabId) !== key) {
      return false; // a superseded request leaves the tab's latest one alone
    }
    this.keys.delete(tabId);
    return true;
  }
}
