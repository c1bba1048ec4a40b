// Which claims the reader sees, and as what: the one rule shared by the
// highlights, the badge, the panel's list and the playground.

import type { Claim, SourcingKind } from '../analysis';
import type { DrawnClaim } from '../draw-result';
import { CLAIM_KINDS, type ClaimKindName, type Settings } from '../settings/schema';

/**
 * The part of the settings that decides which check-worthy claims are
 * highlighted. The threshold is not here: the background gives it to the core,
 * whose `checkworthy` is the decision at the reader's threshold (a re-analysis
 * follows a change), so the page, the panel and the playground never apply a
 * second, different rule.
 */
export type ViewFilter = Pick<Settings, 'kinds' | 'sourcing'>;

/** A kind a highlight can be styled as: the filterable kinds, and `other` for the rest (e.g. `opinion`). */
export type StyleKind = ClaimKindName | 'other';

function isFilterableKind(kind: string): kind is ClaimKindName {
  return (CLAIM_KINDS as readonly string[]).includes(kind);
}

/**
 * True when the claim is highlighted: check-worthy (the core's decision), at
 * least one of its filterable kinds is switched on (a claim with none is never
 * hidden by the kind filter), and its sourcing is switched on.
 */
export function isShown(claim: DrawnClaim, filter: ViewFilter): boolean {
  if (!claim.checkworthy) {
    return false;
  }
  const kinds = claim.kinds.filter(isFilterableKind);
  if (kinds.length > 0 && !kinds.some((kind) => filter.kinds[kind])) {
    return false;
  }
  const sourcing: Partial<Record<SourcingKind, boolean>> = filter.sourcing;
  return sourcing[claim.sourcing.kind] !== false;
}

/** The kind a shown claim is painted as: its first kind that is switched on (the core lists the strongest first). */
export function styleKind(claim: DrawnClaim, filter: ViewFilter): StyleKind {
  return claim.kinds.find((kind): kind is ClaimKindName => isFilterableKind(kind) && filter.kinds[kind]) ?? 'other';
}

/** The claims to highlight, in text order. */
export function shownClaims(claims: readonly Claim[], filter: ViewFilter): Claim[] {
  return claims.filter((claim) => isShown(claim, filter));
}
