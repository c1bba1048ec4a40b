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
}

export interface TimeRef extends Span {
  text: string;
  resolved: { from: string; to: string } | null;
}

export interface Quantity extends Span {
  text: string;
  value: number | null;
  unit: string | null;
}

export interface FactCheckMatch {
  id: string;
  claim: string;
  verdict: string | null;
  publisher: string | null;
  url: string | null;
  date: string | null;
  similarity: number;
}

export interface NoteLink {
  label: string;
  url: string;
}

export interface Note {
  summary: string;
  checks: string[];
  links: NoteLink[];
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
}

export interface Quote extends Span {
  text: string;
  speaker: string | null;
  speaker_candidates: string[];
  cue: string | null;
  direct: boolean;
}

export interface Entity {
  name: string;
  kind: string;
  descriptor: string | null;
  mentions: Span[];
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
  comments: { count: number; items: { text: string; dom: DomRun[] }[] };
}

/** What the WASM `analyze` and `analyze_text` accept as their second argument. */
export interface AnalyzeOptions {
  /** `YYYY-MM-DD`, for text whose date the page does not carry. */
  published?: string;
  threshold?: number;
}
