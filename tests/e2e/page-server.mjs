// The pages the browser tests open, from one server on a free 127.0.0.1 port:
//   /plain/   the sample article (www/sample) as a normal page
//   /strict/  the same, with the strict CSP the extension must survive
//   /pages/   test-only pages (tests/e2e/pages)
//   /playground/  the built playground (www/dist)
//   /variants/  later versions of the sample article (article-variants.mjs), and real-page
//               layouts of it (reader-pages.mjs)
//   /fixtures/  the repository's test fixtures (tests/fixtures: comment threads, …)
//   /shared/    the shared reference fixtures (../shared/fixtures, or $CLAIMLENS_SHARED/fixtures),
//               read at test time and never copied into the repository
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createStaticServer, listen } from '../../scripts/lib/static-server.mjs';
import { writeArticleVariants } from './article-variants.mjs';
import { writeReaderPages } from './reader-pages.mjs';

export const SAMPLE_DIR = fileURLToPath(new URL('../../www/sample/', import.meta.url));
const TEST_PAGES_DIR = fileURLToPath(new URL('./pages/', import.meta.url));
const PLAYGROUND_DIR = fileURLToPath(new URL('../../www/dist/', import.meta.url));
const FIXTURES_DIR = fileURLToPath(new URL('../fixtures/', import.meta.url));
/** ../shared beside the repository, or $CLAIMLENS_SHARED (a git worktree sits elsewhere). */
export const SHARED_FIXTURES_DIR = join(process.env.CLAIMLENS_SHARED ?? fileURLToPath(new URL('../../../shared/', import.meta.url)), 'fixtures');
export const STRICT_CSP = "default-src 'self'; script-src 'self'";

export const ARTICLE_PAGES = [
  { name: 'a normal page', path: '/plain/article.html' },
  { name: `a page with CSP "${STRICT_CSP}"`, path: '/strict/article.html' },
];
export const NO_ARTICLE_PATH = '/pages/no-article.html';
export const PLAYGROUND_PATH = '/playground/';

/** Starts the server; resolves with its base URL and a close function. */
export async function startTestServer() {
  const variantsDir = mkdtempSync(join(tmpdir(), 'claimlens-variants-'));
  writeArticleVariants(SAMPLE_DIR, variantsDir);
  writeReaderPages(SAMPLE_DIR, variantsDir);
  const server = createStaticServer((urlPath) => {
    const [, section, ...rest] = urlPath.split('/');
    const path = `/${rest.join('/')}`;
    switch (section) {
      case 'plain':
        return { root: SAMPLE_DIR, path };
      case 'strict':
        return { root: SAMPLE_DIR, path, headers: { 'content-security-policy': STRICT_CSP } };
      case 'pages':
        return { root: TEST_PAGES_DIR, path };
      case 'playground':
        return { root: PLAYGROUND_DIR, path };
      case 'variants':
        return { root: variantsDir, path };
      case 'fixtures':
        return { root: FIXTURES_DIR, path };
      case 'shared':
        return { root: SHARED_FIXTURES_DIR, path };
      default:
        return undefined;
    }
  });
  const baseUrl = await listen(server);
  return {
    baseUrl,
    close: () =>
      new Promise((resolve) => server.close(resolve)).then(() => rmSync(variantsDir, { recursive: true, force: true })),
  };
}
