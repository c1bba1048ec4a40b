// The extension's view of the `claimlens/analysis@1` contract. The types
// themselves are generated from src/analysis.rs (analysis.generated.ts, by
// scripts/gen-analysis-types.mjs); this module names them for the extension
// and adds what only the extension puts on an analysis (live fact-check answers).
// Every offset is an end-exclusive UTF-16 code-unit index into `article.text`,
// which is exactly what JavaScript string indices are.

import type * as Contract from './analysis.generated';

export { SCHEMA as ANALYSIS_SCHEMA } from './analysis.generated';
export type {
  AnalysedPart,
  Article,
  AttributionBasis,
  AttributionCandidate,
  AttributionCode,
  AttributionNote,
  CheckCode,
  ClaimKind,
  ClusterKind,
  CommentCluster,
  CommentFinding,
  CommentItem,
  Comments,
  CommentSpan,
  Conflict,
  DomRun,
  Entity,
  FactCheckMatch,
  FactCheckStatus,
  Interval,
  LinkKind,
  MatchReason,
  MatchReasonCode,
  NoteCheck,
  NoteFactCheck,
  NoteQuote,
  NoteSourcing,
  NoteTime,
  Notice,
  NoticeCode,
  Quantity,
  QuantityModifier,
  Quote,
  Signal,
  Sourcing,
  SourcingCode,
  SourcingKind,
  Span,
  Status as AnalysisStatus,
  Link as NoteLink,
  Note,
  TimeRef,
} from './analysis.generated';

export interface Claim extends Contract.Claim {
  /**
   * Added by the extension, never by the core: what the opt-in live source
   * (Google Fact Check Tools) said about this claim. Absent when it was not asked.
   */
  live?: LiveLookup;
}

export interface Analysis extends Omit<Contract.Analysis, 'claims'> {
  claims: Claim[];
}

/** Why a live lookup gave no answer. */
export type LiveFailureKind =
  /** The request did not get through: no network, or the browser blocked it. */
  | 'network'
  | 'timeout'
  /** The service answered with an HTTP error (`status`: 403 key refused, 429 quota, …). */
  | 'http'
  /** The service answered 200 with an error object. */
  | 'service'
  /** Not a claims:search response. */
  | 'malformed'
  | 'too_large'
  | 'empty';

export interface LiveFailure {
  kind: LiveFailureKind;
  /** The HTTP status, when the service answered. */
  status?: number;
  /** The service's own words, or the browser's, for the reader (plain text). */
  detail?: string;
}

export interface LiveLookup {
  state: 'pending' | 'done' | 'failed';
  /** Reviews from the response that passed the core's re-ranker and threshold, best first. */
  matches: Contract.FactCheckMatch[];
  /** Reviews the response held. */
  received: number;
  /** True when the answer came from the cache (IndexedDB, in the extension's origin). */
  cached: boolean;
  /** When the answer was fetched (ISO 8601). */
  fetchedAt?: string;
  failure?: LiveFailure;
}

/** What the WASM `analyze` and `analyze_text` accept as their second argument. */
export interface AnalyzeOptions {
  /** `YYYY-MM-DD`, for text whose date the page does not carry. */
  published?: string;
  threshold?: number;
}
