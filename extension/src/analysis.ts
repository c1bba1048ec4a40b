// TypeScript view of the `claimlens/analysis@1` contract (src/analysis.rs).
// Every offset is an end-exclusive UTF-16 code-unit index into `article.text`,
// which is exactly what JavaScript string indices are.

export const ANALYSIS_SCHEMA = 'claimlens/analysis@1';

export interface Span {
  start: number;
  end: number;
}

/** `article.text[start..end]` came from snapshot text node `node`, from UTF-16 `offset` on. */
export interface DomRun extends Span {
  node: number;
  offset: number;
}

export type AnalysisStatus = 'ok' | 'no_article' | 'unsupported_language' | 'truncated';
export type SourcingKind = 'named' | 'anonymous' | 'vague' | 'unattributed' | 'outlet';

export interface Article {
  title: string | null;
  byline: string | null;
  /** `YYYY-MM-DD`. */
  published: string | null;
  site: string | null;
  lang: string | null;
  /** The language detected from the text (ISO 639-1), when it is long enough to tell. */
  language?: string | null;
  url: string | null;
  excerpt: string | null;
  text: string;
  paragraphs: Span[];
  dom: DomRun[];
}

export interface Sourcing {
  kind: SourcingKind;
  speaker: string | null;
  cue: string | null;
  cue_span: Span | null;
  /** The speaker's role or descriptor as the article gives it. */
  speaker_role?: string | null;
  /** Everyone the speaker could be, when people share a name (speaker is then null). */
  speaker_candidates?: string[];
  /** Why the attribution is ambiguous, or how it was decided. */
  attribution_note?: string | null;
}

export interface Interval {
  from: string;
  to: string;
}

export interface TimeRef extends Span {
  text: string;
  resolved: Interval | null;
}

export interface Quantity extends Span {
  text: string;
  value: number | null;
  unit: string | null;
}

/** A published fact-check about a claim like this one. `verdict` is the fact-checker's own words, or null. */
export interface FactCheckMatch {
  /** The source record's own id. */
  id: string;
  /** The claim as the fact-checker states it. */
  claim: string;
  verdict: string | null;
  /** The fact-checker. */
  publisher: string | null;
  url: string | null;
  /** When the fact-check was published, `YYYY-MM-DD`. */
  date: string | null;
  /** Probability (0 to 1) that the fact-check is about this claim. */
  similarity: number;
  /** The pack it came from (`live:…` for the live source). */
  pack?: string;
  /** Who made the checked claim, and when (`YYYY-MM-DD`). */
  claimant?: string | null;
  claim_date?: string | null;
  /** Why it matched, in plain words. */
  why?: string[];
}

export interface NoteLink {
  label: string;
  url: string;
}

/** Whether the claim was looked up in fact-check packs, and with what result. */
export type FactCheckStatus = 'matched' | 'none_found' | 'no_packs' | 'not_checked';

export interface NoteSourcing {
  kind: SourcingKind;
  speaker: string | null;
  role: string | null;
  cue: string | null;
  /** One line for the reader. */
  text: string;
}

export interface NoteQuote {
  text: string;
  speaker: string | null;
  direct: boolean;
}

export interface NoteTime {
  text: string;
  resolved: Interval | null;
  /** For the reader: "“last year” → 2024". */
  display: string;
}

export interface NoteFactCheck {
  publisher: string | null;
  verdict: string | null;
  date: string | null;
  url: string | null;
  claim: string;
  why: string[];
  /** One line for the reader. */
  text: string;
}

/** Plain text throughout: rendered as text, never HTML. The structured sections are newer than the contract's first version. */
export interface Note {
  summary: string;
  checks: string[];
  links: NoteLink[];
  sourcing?: NoteSourcing | null;
  quotes?: NoteQuote[];
  times?: NoteTime[];
  figures?: string[];
  fact_checks?: NoteFactCheck[];
  fact_check_status?: FactCheckStatus;
  /** `agree` or `disagree` when two or more matched fact-checks give verdicts. */
  consensus?: 'agree' | 'disagree' | null;
}

export interface Claim extends Span {
  id: string;
  text: string;
  score: number;
  checkworthy: boolean;
  kinds: string[];
  signals: string[];
  sourcing: Sourcing;
  times: TimeRef[];
  quantities: Quantity[];
  matches: FactCheckMatch[];
  note: Note;
  /**
   * Added by the extension, never by the core: what the opt-in live source
   * (Google Fact Check Tools) said about this claim. Absent when it was not asked.
   */
  live?: LiveLookup;
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
  matches: FactCheckMatch[];
  /** Reviews the response held. */
  received: number;
  /** True when the answer came from the cache (IndexedDB, in the extension's origin). */
  cached: boolean;
  /** When the answer was fetched (ISO 8601). */
  fetchedAt?: string;
  failure?: LiveFailure;
}

export interface Quote extends Span {
  text: string;
  speaker: string | null;
  speaker_candidates: string[];
  cue: string | null;
  /** True for a direct quotation in quotation marks; false for reported speech. */
  direct: boolean;
  speaker_role?: string | null;
  attribution_note?: string | null;
}

export interface Entity {
  name: string;
  kind: string;
  descriptor: string | null;
  /** The title or role written before the name ("Secretary of State"). */
  role?: string | null;
  mentions: Span[];
}

/** `items[index].text[start..end]`, in UTF-16 code units. */
export interface CommentSpan extends Span {
  index: number;
}

export interface CommentCluster {
  kind: 'near_duplicate' | 'template';
  /** Mean pairwise Jaccard, 0 to 1. */
  similarity: number;
  /** `spans`: what this comment shares with the others, in its own text. */
  members: { index: number; spans: Span[] }[];
}

/** Comment sections, kept apart from the article; they never produce claims. Spans are into `items[index].text`. */
export interface Comments {
  count: number;
  items: { text: string; dom: DomRun[] }[];
  analysed?: number;
  /** True when the section looks templated or coordinated; `finding` says why. */
  flagged?: boolean;
  level?: 'none' | 'some' | 'high';
  /** One plain-language paragraph, present exactly when `flagged`. */
  finding?: string | null;
  clusters?: CommentCluster[];
  phrases?: { text: string; comments: number; occurrences: CommentSpan[] }[];
  frames?: { pattern: string; comments: number; occurrences: CommentSpan[] }[];
  bursts?: { posted: string; members: number[] }[];
}

export interface Analysis {
  schema: string;
  status: AnalysisStatus;
  notices: string[];
  article: Article;
  sentences: Span[];
  claims: Claim[];
  quotes: Quote[];
  entities: Entity[];
  comments: Comments;
}

/** What the WASM `analyze` and `analyze_text` accept as their second argument. */
export interface AnalyzeOptions {
  /** `YYYY-MM-DD`, for text whose date the page does not carry. */
  published?: string;
  threshold?: number;
}
