// The claim kinds, in one place: the core's names (`claims[].kinds`), which of
// them the reader can filter, and their labels (_locales). The settings, the
// note, the panel, the options page and the report all read them from here.

import type { ClaimKind } from './analysis';
import type { MessageKey, Translate } from './ui/i18n';

/** Kinds of checkable claim, which the reader can show or hide, in the core's order. */
export const CLAIM_KINDS = [
  'quantity',
  'comparison',
  'event',
  'causal',
  'quote',
  'prediction',
  'rule',
  'experience',
] as const satisfies readonly ClaimKind[];
export type ClaimKindName = (typeof CLAIM_KINDS)[number];

/**
 * Every kind the core names (the contract's ClaimKind: a kind added there
 * fails the typecheck until it has a label here), with its label; `other` is
 * also how a claim of no filterable kind is painted.
 */
const KIND_LABELS: Record<ClaimKind, MessageKey> = {
  quantity: 'kindQuantity',
  comparison: 'kindComparison',
  event: 'kindEvent',
  causal: 'kindCausal',
  quote: 'kindQuote',
  prediction: 'kindPrediction',
  rule: 'kindRule',
  experience: 'kindExperience',
  other: 'kindOther',
  opinion: 'kindOpinion',
  question: 'kindQuestion',
  rhetoric: 'kindRhetoric',
  boilerplate: 'kindBoilerplate',
};

/** True for a kind this version has a label for (a newer core may name more). */
export function isKnownKind(kind: string): kind is ClaimKind {
  return Object.hasOwn(KIND_LABELS, kind);
}

/** A claim kind's label; a kind this version does not know is shown as the core named it. */
export function kindLabel(kind: string, t: Translate): string {
  return isKnownKind(kind) ? t(KIND_LABELS[kind]) : kind;
}
