// The opt-in live source: one Google Fact Check Tools `claims:search` request
// per claim, answered from the cache when it can be. The policy lives here
// (which claims are sent, what the request carries, how each failure is
// told); the background supplies fetch, the core's `live_matches` and the
// cache, so the node tests run all of it against a stub.
//
// What leaves the browser, exactly (the options page's privacy statement
// says the same): for at most LIVE_TOP_CLAIMS claims of a page — the
// check-worthy ones with the highest scores — one GET request each to the
// configured endpoint carrying the claim's text (`query`), the reader's API
// key (`key`) and a page size. No cookies, no referrer, nothing else from
// the page. The request's own headers (the browser's user agent, the
// extension's origin) and the network address are what any request shows.

import type { Claim, FactCheckMatch, LiveFailure, LiveFailureKind, LiveLookup } from '../analysis';
import type { LiveSourceSettings } from '../settings/schema';
import { type LiveAnswer, liveCacheKey } from './db';

/** How many claims of a page are sent at most. */
export const LIVE_TOP_CLAIMS = 5;
/** Longer claim text is not sent (the API is a search box, and a long sentence is not a claim). */
export const MAX_LIVE_CLAIM_CHARS = 1000;
/** Results asked for per claim (the core re-ranks them and keeps those above its threshold). */
export const LIVE_PAGE_SIZE = 10;
/** A response larger than this is not read (the core refuses more than 4 MiB anyway). */
const MAX_BODY_BYTES = 8 * 1024 * 1024;
export const LIVE_TIMEOUT_MS = 10_000;

/** The core's `live_matches` result (src/wasm/import.rs, the importer module). */
export interface CoreLiveOutput {
  matches: FactCheckMatch[];
  received: number;
  issues: string[];
  error: null | { kind: 'service' | 'malformed' | 'too_large' | 'empty'; message: string; code: number | null; status: string | null };
}

export interface LiveCache {
  get(key: string, maxAgeMs: number): Promise<LiveAnswer | undefined>;
  put(answer: LiveAnswer, maxAgeMs: number): Promise<void>;
}

export interface LiveDeps {
  fetch: typeof fetch;
  liveMatches(claim: string, body: string, published: string | null): CoreLiveOutput;
  /** Absent: nothing is cached. */
  cache?: LiveCache;
  now(): number;
  timeoutMs?: number;
}

/** The claims of an analysis the live source is asked about: check-worthy, highest score first, at most LIVE_TOP_CLAIMS. */
export function claimsForLive(claims: readonly Claim[]): Claim[] {
  return claims
    .filter((claim) => claim.checkworthy && claim.text.trim() !== '' && claim.text.length <= MAX_LIVE_CLAIM_CHARS)
    .sort((a, b) => b.score - a.score || a.start - b.start)
    .slice(0, LIVE_TOP_CLAIMS);
}

/** The live source can be asked: turned on, with a key and a valid endpoint. */
export function liveSourceReady(settings: LiveSourceSettings): boolean {
  return settings.enabled && settings.apiKey !== '' && requestUrl(settings.endpoint, 'x', 'k') !== null;
}

/** The request for one claim: the endpoint with `query`, `pageSize` and `key`; null for an endpoint that is not http(s). */
export function requestUrl(endpoint: string, claim: string, apiKey: string): URL | null {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  url.searchParams.set('query', claim);
  url.searchParams.set('pageSize', String(LIVE_PAGE_SIZE));
  url.searchParams.set('key', apiKey);
  return url;
}

/** The host permission pattern the endpoint needs (match patterns carry no port). */
export function endpointOriginPattern(endpoint: string): string | null {
  try {
    const url = new URL(endpoint);
    return url.protocol === 'https:' || url.protocol === 'http:' ? `${url.protocol}//${url.hostname}/*` : null;
  } catch {
    return null;
  }
}

function failed(kind: LiveFailureKind, extra: Omit<LiveFailure, 'kind'> = {}): LiveLookup {
  return { state: 'failed', matches: [], received: 0, cached: false, failure: { kind, ...extra } };
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Asks the live source about one claim. Never throws: whatever goes wrong
 * (no network, a refused key, a spent quota, a body that is not a
 * claims:search response) comes back as a failed lookup saying so.
 */
export async function lookUpClaim(claim: string, published: string | null, settings: LiveSourceSettings, deps: LiveDeps): Promise<LiveLookup> {
  const maxAgeMs = settings.cacheHours * 3_600_000;
  const key = liveCacheKey(settings.endpoint, claim);
  if (deps.cache && maxAgeMs > 0) {
    const cached = await deps.cache.get(key, maxAgeMs).catch(() => undefined);
    if (cached) {
      const output = safeLiveMatches(deps, claim, cached.body, published);
      if (output.error === null) {
        return { state: 'done', matches: output.matches, received: output.received, cached: true, fetchedAt: new Date(cached.fetchedAt).toISOString() };
      }
    }
  }
  const url = requestUrl(settings.endpoint, claim, settings.apiKey);
  if (url === null) {
    return failed('network', { detail: settings.endpoint });
  }
  let response: Response;
  try {
    response = await deps.fetch(url.href, {
      method: 'GET',
      credentials: 'omit',
      cache: 'no-store',
      referrerPolicy: 'no-referrer',
      headers: { accept: 'application/json' },
      signal: AbortSignal.timeout(deps.timeoutMs ?? LIVE_TIMEOUT_MS),
    });
  } catch (error) {
    const name = error instanceof Error ? error.name : '';
    return name === 'TimeoutError' || name === 'AbortError' ? failed('timeout') : failed('network', { detail: errorText(error) });
  }
  const length = Number(response.headers.get('content-length') ?? '0');
  if (length > MAX_BODY_BYTES) {
    return failed(response.ok ? 'too_large' : 'http', response.ok ? {} : { status: response.status });
  }
  let body: string;
  try {
    body = await response.text();
  } catch (error) {
    return failed('network', { detail: errorText(error) });
  }
  const fetchedAt = deps.now();
  if (!response.ok) {
    // Google answers errors with {"error": {code, message, status}}: the core reads the service's own words.
    const output = safeLiveMatches(deps, claim, body, published);
    const detail = output.error?.kind === 'service' ? output.error.message : response.statusText;
    return failed('http', detail ? { status: response.status, detail } : { status: response.status });
  }
  const output = safeLiveMatches(deps, claim, body, published);
  if (output.error !== null) {
    return failed(output.error.kind, { detail: output.error.message });
  }
  if (deps.cache && maxAgeMs > 0) {
    await deps.cache.put({ v: 1, key, fetchedAt, body }, maxAgeMs).catch(() => undefined);
  }
  return { state: 'done', matches: output.matches, received: output.received, cached: false, fetchedAt: new Date(fetchedAt).toISOString() };
}

/** The core never throws for a bad body, but a bad option would: keep the promise of never throwing here too. */
function safeLiveMatches(deps: LiveDeps, claim: string, body: string, published: string | null): CoreLiveOutput {
  try {
    return deps.liveMatches(claim, body, published);
  } catch (error) {
    return { matches: [], received: 0, issues: [], error: { kind: 'malformed', message: errorText(error), code: null, status: null } };
  }
}
