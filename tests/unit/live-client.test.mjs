// The live source's client (extension/src/factchecks/live-client.ts), with a
// fake fetch and the real core (extension/pkg, the WASM the extension ships):
// what is sent, which claims, the cache, and each failure told as such —
// never thrown, never hiding anything.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { claim, importTs } from './load-ts.mjs';

const live = await importTs('extension/src/factchecks/live-client.ts');
const { liveFailureText } = await importTs('extension/src/ui/note-view.ts');
const { translatorFor } = await importTs('extension/src/ui/i18n.ts');
const MESSAGES = JSON.parse(readFileSync(new URL('../../extension/_locales/en/messages.json', import.meta.url), 'utf8'));
const t = translatorFor(MESSAGES);
// live_matches lives in the importer module (src/wasm/import.rs), as in the background.
const core = await import(new URL('../../extension/pkg/claimlens_import.js', import.meta.url).href);
core.initSync({ module: readFileSync(new URL('../../extension/pkg/claimlens_import_bg.wasm', import.meta.url)) });

const CLAIM = 'A widely shared post says there is a 4,250% increase in fetal death from the flu shot.';
const ENDPOINT = 'https://factchecktools.googleapis.com/v1alpha1/claims:search';
const SETTINGS = { enabled: true, apiKey: 'AIza-test', endpoint: ENDPOINT, cacheHours: 24 };
const REVIEWED = JSON.stringify({
  claims: [
    {
      text: 'There is a 4,250% increase in fetal death from the flu shot.',
      claimant: 'Instagram posts',
      claimDate: '2019-10-22T00:00:00Z',
      claimReview: [
        { publisher: { name: 'PolitiFact', site: 'politifact.com' }, url: 'https://www.politifact.com/x', title: 'No', reviewDate: '2019-10-29T00:00:00Z', textualRating: 'False', languageCode: 'en' },
      ],
    },
  ],
});
const FORBIDDEN = JSON.stringify({ error: { code: 403, message: 'API key not valid. Please pass a valid API key.', status: 'PERMISSION_DENIED' } });

function response(status, body, headers = {}) {
  return new Response(body, { status, headers: { 'content-type': 'application/json', ...headers } });
}

/** A fetch that answers from `answer(url)` and records each call; a memory cache. */
function deps(answer, { cache = true } = {}) {
  const calls = [];
  const store = new Map();
  return {
    calls,
    store,
    deps: {
      fetch: async (url, init) => {
        calls.push({ url: new URL(url), init });
        return answer(new URL(url), init);
      },
      liveMatches: (text, body, published) => core.live_matches(text, body, published === null ? {} : { published }),
      cache: cache
        ? {
            get: async (key, maxAge) => {
              const hit = store.get(key);
              return hit && Date.UTC(2026, 0, 2) - hit.fetchedAt < maxAge ? hit : undefined;
            },
            put: async (answer) => void store.set(answer.key, answer),
          }
        : undefined,
      now: () => Date.UTC(2026, 0, 2),
    },
  };
}

describe('the live source: what is sent', () => {
  it('sends the claim text, the key and a page size, and nothing else; no cookies, no referrer', async () => {
    const d = deps(() => response(200, '{}'));
    await live.lookUpClaim(CLAIM, '2025-10-14', SETTINGS, d.deps);
    const [{ url, init }] = d.calls;
    assert.equal(url.origin + url.pathname, ENDPOINT);
    assert.deepEqual([...url.searchParams.keys()].sort(), ['key', 'pageSize', 'query']);
    assert.equal(url.searchParams.get('query'), CLAIM);
    assert.equal(url.searchParams.get('key'), 'AIza-test');
    assert.equal(init.credentials, 'omit');
    assert.equal(init.referrerPolicy, 'no-referrer');
    assert.equal(init.method, 'GET');
  });

  it('asks about the top check-worthy claims only, highest score first, at most five', () => {
    const claims = [
      claim({ id: 'c1', score: 0.6 }),
      claim({ id: 'c2', score: 0.9, checkworthy: false }),
      ...[0.7, 0.95, 0.8, 0.65, 0.99, 0.75].map((score, i) => claim({ id: `k${i}`, score, start: i })),
      claim({ id: 'long', score: 1, text: 'x'.repeat(live.MAX_LIVE_CLAIM_CHARS + 1) }),
    ];
    assert.deepEqual(live.claimsForLive(claims).map((c) => c.id), ['k4', 'k1', 'k2', 'k5', 'k0']);
    assert.equal(live.LIVE_TOP_CLAIMS, 5);
  });

  it('the options page’s privacy statement gives the same number of claims as the policy', () => {
    assert.match(MESSAGES.optionsLivePrivacy.message, new RegExp(`at most ${live.LIVE_TOP_CLAIMS} of its claims`));
    assert.match(MESSAGES.optionsLivePrivacy.message, /no cookies/);
  });

  it('is ready only when on, with a key and an http(s) endpoint; asks for the endpoint’s host', () => {
    assert.equal(live.liveSourceReady(SETTINGS), true);
    assert.equal(live.liveSourceReady({ ...SETTINGS, enabled: false }), false);
    assert.equal(live.liveSourceReady({ ...SETTINGS, apiKey: '' }), false);
    assert.equal(live.liveSourceReady({ ...SETTINGS, endpoint: 'ftp://x/y' }), false);
    assert.equal(live.endpointOriginPattern(ENDPOINT), 'https://factchecktools.googleapis.com/*');
    assert.equal(live.endpointOriginPattern('http://127.0.0.1:8123/ok/claims:search'), 'http://127.0.0.1/*');
    assert.equal(live.endpointOriginPattern('javascript:alert(1)'), null);
  });
});

describe('the live source: answers, cache and failures', () => {
  it('matches a review in the answer through the core, and caches the answer', async () => {
    const d = deps(() => response(200, REVIEWED));
    const first = await live.lookUpClaim(CLAIM, null, SETTINGS, d.deps);
    assert.equal(first.state, 'done');
    assert.equal(first.cached, false);
    assert.equal(first.received, 1);
    assert.deepEqual(first.matches.map((m) => [m.verdict, m.publisher, m.url]), [['False', 'PolitiFact', 'https://www.politifact.com/x']]);
    const second = await live.lookUpClaim(CLAIM, null, SETTINGS, d.deps);
    assert.equal(d.calls.length, 1, 'the second lookup is answered from the cache');
    assert.equal(second.cached, true);
    assert.deepEqual(second.matches, first.matches);
  });

  it('shows no unrelated review: the core’s threshold applies to live answers too', async () => {
    const d = deps(() => response(200, REVIEWED));
    const result = await live.lookUpClaim('The council voted 7-2 on Monday to build a flood barrier.', null, SETTINGS, d.deps);
    assert.equal(result.state, 'done');
    assert.deepEqual(result.matches, []);
    assert.equal(result.received, 1);
  });

  it('takes {} (the API’s "nothing found") as no matches', async () => {
    const result = await live.lookUpClaim(CLAIM, null, SETTINGS, deps(() => response(200, '{}')).deps);
    assert.deepEqual([result.state, result.matches, result.received], ['done', [], 0]);
  });

  it('does not cache when the reader set the cache to 0 hours', async () => {
    const d = deps(() => response(200, '{}'));
    await live.lookUpClaim(CLAIM, null, { ...SETTINGS, cacheHours: 0 }, d.deps);
    await live.lookUpClaim(CLAIM, null, { ...SETTINGS, cacheHours: 0 }, d.deps);
    assert.equal(d.calls.length, 2);
    assert.equal(d.store.size, 0);
  });

  const failures = [
    ['a refused key (403), with the service’s words', () => response(403, FORBIDDEN), { kind: 'http', status: 403, detail: /API key not valid/ }],
    ['a spent quota (429)', () => response(429, JSON.stringify({ error: { code: 429, message: 'Quota exceeded.', status: 'RESOURCE_EXHAUSTED' } })), { kind: 'http', status: 429, detail: /Quota exceeded/ }],
    ['a server error with an HTML page', () => response(502, '<html>Bad gateway</html>'), { kind: 'http', status: 502 }],
    ['a malformed body', () => response(200, '{"claims": "nope"}'), { kind: 'malformed' }],
    ['a body that is not JSON', () => response(200, '<html>hello</html>'), { kind: 'malformed' }],
    ['an empty body', () => response(200, '   '), { kind: 'empty' }],
    ['an error object in a 200 answer', () => response(200, FORBIDDEN), { kind: 'service', detail: /API key not valid/ }],
    ['no network', () => Promise.reject(new TypeError('Failed to fetch')), { kind: 'network', detail: /Failed to fetch/ }],
    ['a timeout', () => Promise.reject(new DOMException('The operation timed out.', 'TimeoutError')), { kind: 'timeout' }],
    ['an announced huge body', () => response(200, '{}', { 'content-length': String(64 * 1024 * 1024) }), { kind: 'too_large' }],
  ];
  for (const [name, answer, expected] of failures) {
    it(`tells ${name} as a failure, caches nothing, and never throws`, async () => {
      const d = deps(answer);
      const result = await live.lookUpClaim(CLAIM, null, SETTINGS, d.deps);
      assert.equal(result.state, 'failed');
      assert.deepEqual(result.matches, []);
      assert.equal(result.failure.kind, expected.kind);
      if (expected.status) assert.equal(result.failure.status, expected.status);
      if (expected.detail) assert.match(result.failure.detail, expected.detail);
      assert.equal(d.store.size, 0, 'a failure is not cached');
    });
  }

  it('words each failure for the reader, with the service’s own words when it gave some', () => {
    assert.equal(liveFailureText({ kind: 'http', status: 403 }, t), MESSAGES.noteLiveForbidden.message);
    assert.equal(liveFailureText({ kind: 'http', status: 429 }, t), MESSAGES.noteLiveQuota.message);
    assert.equal(liveFailureText({ kind: 'http', status: 500 }, t), 'the service answered with HTTP error 500');
    assert.equal(liveFailureText({ kind: 'malformed', detail: 'line 1:\n  oops' }, t), `${MESSAGES.noteLiveMalformed.message} (“line 1: oops”)`);
    assert.equal(liveFailureText({ kind: 'network' }, t), MESSAGES.noteLiveNetwork.message);
  });
});
