// A stand-in for the Google Fact Check Tools API on 127.0.0.1, answering
// `claims:search` in the API's documented shape
// (claims[].claimReview[] with publisher {name, site}, url, title,
// reviewDate, textualRating, languageCode; claimant, claimDate), so the
// live source can be tested without the network. The path picks the answer:
//   /ok/claims:search         a review of the flu-shot claim when the query is about it, else {}
//   /forbidden/claims:search  HTTP 403 with Google's error object
//   /quota/claims:search      HTTP 429 with Google's error object
//   /malformed/claims:search  HTTP 200 with a body that is not a claims:search response
// Every request is recorded (path and query parameters), so tests can count
// them (the cache) and check what was sent (the privacy statement).
import { createServer } from 'node:http';

/** The review the /ok endpoint returns for the flu-shot claim (a fictional fact-checker). */
export const LIVE_REVIEW = {
  publisher: { name: 'Example Health Checks', site: 'healthchecks.example' },
  url: 'https://healthchecks.example/reviews/flu-shot-fetal-death',
  title: 'No, flu shots did not raise fetal deaths by 4,250%',
  reviewDate: '2019-11-04T00:00:00Z',
  textualRating: 'Incorrect',
  languageCode: 'en',
};

function googleError(code, status, message) {
  return JSON.stringify({ error: { code, message, status } });
}

/**
 * @param {{cors: boolean}} options `cors`: answer with Access-Control-Allow-Origin (a browser
 *   whose test cannot grant the host permission reaches the stub through CORS, as it reaches Google).
 */
export async function startLiveStub({ cors }) {
  const requests = [];
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const corsHeaders = cors ? { 'access-control-allow-origin': '*', 'access-control-allow-headers': 'accept' } : {};
    if (request.method === 'OPTIONS') {
      response.writeHead(204, corsHeaders).end();
      return;
    }
    requests.push({ path: url.pathname, params: [...url.searchParams.keys()].sort(), query: url.searchParams.get('query'), key: url.searchParams.get('key') });
    const json = { 'content-type': 'application/json; charset=UTF-8', 'cache-control': 'private', ...corsHeaders };
    switch (url.pathname) {
      case '/ok/claims:search': {
        const query = url.searchParams.get('query') ?? '';
        const body = /fetal death/i.test(query)
          ? {
              claims: [
                {
                  text: 'There is a 4,250% increase in fetal death from the flu shot.',
                  claimant: 'Instagram posts',
                  claimDate: '2019-10-22T00:00:00Z',
                  claimReview: [LIVE_REVIEW],
                },
              ],
            }
          : {};
        response.writeHead(200, json).end(JSON.stringify(body));
        return;
      }
      case '/forbidden/claims:search':
        response.writeHead(403, json).end(googleError(403, 'PERMISSION_DENIED', 'API key not valid. Please pass a valid API key.'));
        return;
      case '/quota/claims:search':
        response.writeHead(429, json).end(googleError(429, 'RESOURCE_EXHAUSTED', 'Quota exceeded for quota metric.'));
        return;
      case '/malformed/claims:search':
        response.writeHead(200, json).end('{"claims": "this is not a list of claims"');
        return;
      default:
        response.writeHead(404, { 'content-type': 'text/plain', ...corsHeaders }).end('not found\n');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    /** The endpoint for one of the answers above. */
    endpoint: (kind) => `http://127.0.0.1:${port}/${kind}/claims:search`,
    requests,
    count: (kind) => requests.filter((r) => r.path === `/${kind}/claims:search`).length,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
