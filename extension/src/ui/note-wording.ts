// Words a note's codes through _locales: the summary, the reasons a claim was
// flagged, its sourcing sentence, why its attribution is open, what to check,
// the links and why a related fact-check is not about this claim. The core sends codes and figures, never
// sentences (src/analysis.rs); its English table (src/english.rs) says the
// same things in the same words for the CLI, so the two stay comparable.
// Every Record below is keyed by a contract type: a code added to the core
// fails the typecheck until it has its message here.

import type {
  AttributionBasis,
  AttributionCode,
  AttributionNote,
  CheckCode,
  Claim,
  ClaimKind,
  Conflict,
  FactCheckMatch,
  Interval,
  LinkKind,
  MatchReasonCode,
  NoteCheck,
  NoteLink,
  NoteSourcing,
  Signal,
  SourcingCode,
} from '../analysis';
import { type MessageKey, type Translate, joinList, plural } from './i18n';

export const REASON_MESSAGES: Record<Signal, MessageKey> = {
  figure: 'reasonFigure',
  dated_event: 'reasonDatedEvent',
  date: 'reasonDate',
  official: 'reasonOfficial',
  named_person: 'reasonNamedPerson',
  reporting_verb: 'reasonReportingVerb',
  direct_quote: 'reasonDirectQuote',
  comparative: 'reasonComparative',
  change: 'reasonChange',
  causal: 'reasonCausal',
  prediction: 'reasonPrediction',
  rule: 'reasonRule',
  past_event: 'reasonPastEvent',
  policy_topic: 'reasonPolicyTopic',
  hedge: 'reasonHedge',
  opinion: 'reasonOpinion',
  first_person: 'reasonFirstPerson',
  audience: 'reasonAudience',
  question: 'reasonQuestion',
  rhetoric: 'reasonRhetoric',
  boilerplate: 'reasonBoilerplate',
  negation: 'reasonNegation',
  generalisation: 'reasonGeneralisation',
  short: 'reasonShort',
  claim_wording: 'reasonClaimWording',
  chat_wording: 'reasonChatWording',
  claim_meaning: 'reasonClaimMeaning',
  chat_meaning: 'reasonChatMeaning',
};

export const CONFLICT_MESSAGES: Record<Conflict, MessageKey> = {
  figures: 'conflictFigures',
  years: 'conflictYears',
  names: 'conflictNames',
  claimant: 'conflictClaimant',
  claimant_absent: 'conflictClaimantAbsent',
  later_claim: 'conflictLaterClaim',
};

/** The summary's opening: what the claim is, by its first kind. */
export const SUMMARY_KIND_MESSAGES: Record<ClaimKind, MessageKey> = {
  quantity: 'summaryKindQuantity',
  comparison: 'summaryKindComparison',
  event: 'summaryKindEvent',
  causal: 'summaryKindCausal',
  quote: 'summaryKindQuote',
  prediction: 'summaryKindPrediction',
  rule: 'summaryKindRule',
  experience: 'summaryKindExperience',
  other: 'summaryKindOther',
  opinion: 'summaryKindOpinion',
  question: 'summaryKindQuestion',
  rhetoric: 'summaryKindRhetoric',
  boilerplate: 'summaryKindBoilerplate',
};

export const SOURCING_LINE_MESSAGES: Record<SourcingCode, MessageKey> = {
  named_unclear: 'sourcingLineNamedUnclear',
  named_unknown: 'sourcingLineNamedUnknown',
  named_carried: 'sourcingLineNamedCarried',
  named_on_record: 'sourcingLineNamedOnRecord',
  named_view: 'sourcingLineNamedView',
  anonymous: 'sourcingLineAnonymous',
  vague: 'sourcingLineVague',
  outlet: 'sourcingLineOutlet',
  unattributed: 'sourcingLineUnattributed',
};

export const CHECK_MESSAGES: Record<CheckCode, MessageKey> = {
  read_fact_check: 'checkReadFactCheck',
  related_only: 'checkRelatedOnly',
  source_figure: 'checkSourceFigure',
  confirm_timing: 'checkConfirmTiming',
  pin_down_time: 'checkPinDownTime',
  find_on_record_source: 'checkFindOnRecordSource',
  confirm_speaker: 'checkConfirmSpeaker',
  find_evidence: 'checkFindEvidence',
};

export const LINK_MESSAGES: Record<LinkKind, MessageKey> = {
  fact_check: 'linkFactCheck',
  related_fact_check: 'linkRelatedFactCheck',
  fact_check_search: 'linkFactCheckSearch',
  wikipedia: 'linkWikipedia',
  news_search: 'linkNewsSearch',
};

export const MATCH_REASON_MESSAGES: Record<MatchReasonCode, MessageKey> = {
  shared_words: 'whySharedWords',
  key_terms_covered: 'whyKeyTermsCovered',
  same_names: 'whySameNames',
  same_figures: 'whySameFigures',
  checked_soon_after: 'whyCheckedSoonAfter',
  close_in_meaning: 'whyCloseInMeaning',
};

export const ATTRIBUTION_MESSAGES: Record<AttributionCode, MessageKey> = {
  first_person: 'attributionFirstPerson',
  unlinked_pronoun: 'attributionUnlinkedPronoun',
  ambiguous_reference: 'attributionAmbiguousReference',
  shared_surname_chosen: 'attributionSharedSurnameChosen',
  shared_surname_undecided: 'attributionSharedSurnameUndecided',
};

export const ATTRIBUTION_BASIS_MESSAGES: Record<AttributionBasis, MessageKey> = {
  role: 'attributionBasisRole',
  same_paragraph: 'attributionBasisSameParagraph',
  previous_paragraph: 'attributionBasisPreviousParagraph',
  description: 'attributionBasisDescription',
};

function messageOr(table: Record<string, MessageKey>, code: string, t: Translate): string {
  // A code from a newer core than this extension is shown as the core named it.
  return Object.hasOwn(table, code) ? t(table[code]) : code;
}

/** Why the claim scored as it did, one line per reason, strongest first. */
export function reasonLines(claim: Claim, t: Translate): string[] {
  return (claim.reasons ?? []).map((reason) => messageOr(REASON_MESSAGES, reason, t));
}

/** Why a fact-check matched the claim, one line per reason, strongest first. */
export function matchReasonLines(match: FactCheckMatch, t: Translate): string[] {
  return (match.reasons ?? []).map((reason) => {
    switch (reason.code) {
      case 'shared_words':
        return t('whySharedWords', [(reason.words ?? []).map((word) => t('whySharedWord', [word])).join(t('whyWordSeparator'))]);
      case 'key_terms_covered':
        return t('whyKeyTermsCovered', [String(reason.percent ?? 0)]);
      default:
        return messageOr(MATCH_REASON_MESSAGES, reason.code, t);
    }
  });
}

/** "Not this claim: its figures differ; it is about another year.", or null when nothing sets it apart. */
export function conflictsLine(conflicts: readonly Conflict[] | undefined, t: Translate): string | null {
  if (!conflicts || conflicts.length === 0) return null;
  return t('noteRelatedNotThis', [conflicts.map((conflict) => messageOr(CONFLICT_MESSAGES, conflict, t)).join(t('noteReasonSeparator'))]);
}

/** "2024", "February 2024", "2025-12-21", or "2025-12-15 to 2025-12-21": as the core's English table words an interval. */
export function intervalText(interval: Interval, t: Translate): string {
  const { from, to } = interval;
  if (from === to) return from;
  const [fromYear, fromMonth, fromDay] = from.split('-').map(Number);
  const [toYear, toMonth, toDay] = to.split('-').map(Number);
  if (fromYear === toYear && fromMonth === 1 && fromDay === 1 && toMonth === 12 && toDay === 31) return String(fromYear);
  const lastDay = new Date(Date.UTC(toYear, toMonth, 0)).getUTCDate();
  if (fromYear === toYear && fromMonth === toMonth && fromDay === 1 && toDay === lastDay) {
    const locale = t('pluralLocale') || 'en';
    return new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(fromYear, fromMonth - 1, 1)));
  }
  return t('noteTimeRange', [from, to]);
}

export function checkLine(item: NoteCheck, t: Translate): string {
  const subject = item.subject ?? '';
  switch (item.code) {
    case 'source_figure':
    case 'pin_down_time':
      return t(CHECK_MESSAGES[item.code], [subject]);
    case 'confirm_timing':
      return t('checkConfirmTiming', [subject, item.resolved ? intervalText(item.resolved, t) : t('noteTimeUnresolved')]);
    case 'confirm_speaker':
      return item.subject ? t('checkConfirmSpeaker', [item.subject]) : t('checkConfirmSpeakerUnknown');
    default:
      return messageOr(CHECK_MESSAGES, item.code, t);
  }
}

export function linkLabel(link: NoteLink, t: Translate): string {
  if (!link.kind) return link.label;
  switch (link.kind) {
    case 'fact_check':
    case 'related_fact_check':
      return t(LINK_MESSAGES[link.kind], [link.subject ?? t('linkTheFactChecker')]);
    case 'wikipedia':
      return t('linkWikipedia', [link.subject ?? '']);
    default:
      return messageOr(LINK_MESSAGES, link.kind, t);
  }
}

/** The note's sourcing sentence: "Attributed to Lena Okafor (Deputy Mayor), on the record." */
export function sourcingLine(sourcing: NoteSourcing, candidates: readonly string[], t: Translate): string {
  const who = sourcing.speaker ? (sourcing.role ? t('sourcingWhoRole', [sourcing.speaker, sourcing.role]) : sourcing.speaker) : '';
  const code = sourcing.code ?? 'unattributed';
  switch (code) {
    case 'named_unclear':
      return t('sourcingLineNamedUnclear', [candidates.join(t('noteCandidatesSeparator'))]);
    case 'named_carried':
    case 'named_on_record':
    case 'named_view':
      return t(SOURCING_LINE_MESSAGES[code], [who]);
    case 'anonymous':
      return sourcing.cue ? t('sourcingLineAnonymousCue', [sourcing.cue]) : t('sourcingLineAnonymous');
    case 'vague':
      return sourcing.cue ? t('sourcingLineVagueCue', [sourcing.cue]) : t('sourcingLineVague');
    default:
      return messageOr(SOURCING_LINE_MESSAGES, code, t);
  }
}

/**
 * The note's one-line summary: what the claim is, how it is sourced, and
 * what fact-checkers said (the first matched verdict, how many more, whether
 * they agree), or that none was found and how many related ones are listed.
 */
export function summaryLine(claim: Claim, t: Translate): string {
  const { note } = claim;
  const first = claim.kinds[0];
  const kind = first === undefined ? t('summaryKindNone') : messageOr(SUMMARY_KIND_MESSAGES, first, t);
  const sourcing = note.sourcing ? sourcingLine(note.sourcing, claim.sourcing.speaker_candidates ?? [], t) : '';
  const sentences = [t('noteSummaryOpening', [kind, sourcing]).trimEnd()];
  switch (note.fact_check_status) {
    case 'matched': {
      const match = claim.matches[0];
      if (match) {
        const who = match.publisher ?? t('noteSummaryAFactChecker');
        if (match.verdict != null) {
          sentences.push(match.date != null ? t('noteSummaryRated', [who, match.verdict, match.date]) : t('noteSummaryRatedUndated', [who, match.verdict]));
        } else {
          sentences.push(match.date != null ? t('noteSummaryNoVerdict', [who, match.date]) : t('noteSummaryNoVerdictUndated', [who]));
        }
      }
      const more = claim.matches.length - 1;
      if (more > 0) {
        if (note.consensus === 'disagree') sentences.push(t('noteSummaryDisagree'));
        else if (note.consensus === 'agree') sentences.push(plural(t, { one: 'noteSummaryMoreAgree_one', other: 'noteSummaryMoreAgree' }, more));
        else sentences.push(plural(t, { one: 'noteSummaryMoreFound_one', other: 'noteSummaryMoreFound' }, more));
      }
      break;
    }
    case 'none_found': {
      sentences.push(t('noteSummaryNoneFound'));
      const related = note.related?.length ?? 0;
      if (related > 0) sentences.push(plural(t, { one: 'noteSummaryRelated_one', other: 'noteSummaryRelated' }, related));
      break;
    }
    case 'no_packs':
      sentences.push(t('noteSummaryNoPacks'));
      break;
    default:
      break;
  }
  return sentences.join(' ');
}

/** What to check next, one line each. */
export function checkLines(claim: Claim, t: Translate): string[] {
  return (claim.note.check_items ?? []).map((item) => checkLine(item, t));
}

/**
 * Why an attribution is open, or how it was decided: "ambiguous attribution:
 * “Kelly” may be Ian Kelly (a retired diplomat) or Anna Kelly; the context
 * does not say which". `english` is the core's own sentence (`attribution_note`),
 * read only when there is no code (an older core). A note whose names or words
 * are missing says only that the speaker could not be decided.
 */
export function attributionLine(note: AttributionNote | null | undefined, english: string | null | undefined, t: Translate): string | null {
  if (!note) return english || null;
  const word = note.word ?? '';
  const candidates = note.candidates ?? [];
  const names = candidates.map((candidate) => candidate.name);
  const undecided = english || t('attributionUndecided');
  switch (note.code) {
    case 'first_person':
      return t('attributionFirstPerson');
    case 'unlinked_pronoun':
      return word ? t('attributionUnlinkedPronoun', [word]) : undecided;
    case 'ambiguous_reference':
      return word && names.length > 0 ? t('attributionAmbiguousReference', [word, joinList(t, names, 'or')]) : undecided;
    case 'shared_surname_chosen': {
      if (!word || !note.chosen || names.length === 0) return undecided;
      const basis = (note.basis ?? []).map((reason) => messageOr(ATTRIBUTION_BASIS_MESSAGES, reason, t)).join(t('listSeparator'));
      return t('attributionSharedSurnameChosen', [word, joinList(t, names, 'and'), note.chosen, basis]);
    }
    case 'shared_surname_undecided': {
      if (!word || names.length === 0) return undecided;
      const described = candidates.map((candidate) => (candidate.role ? t('sourcingWhoRole', [candidate.name, candidate.role]) : candidate.name));
      return t('attributionSharedSurnameUndecided', [word, joinList(t, described, 'or')]);
    }
    default:
      // A code from a newer core: its English if it sent one, else that the speaker is open.
      return undecided;
  }
}
