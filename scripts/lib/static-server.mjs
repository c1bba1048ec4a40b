// A minimal static file server for 127.0.0.1: the playground demo and the
// browser tests' article pages. GET and HEAD only; never serves outside `root`.
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  // instantiateStreaming requires this exact type.
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/**
 * @param {(urlPath: string) => {root: string, path: string, headers?: Record<string, string>} | undefined} route
 *   Maps a request path to a file under a root, with extra response headers; undefined for 404.
 */
export function createStaticServer(route) {
  return createServer((request, response) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    const urlPath = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    const target = route(urlPath);
    const file = target && fileUnder(target.root, target.path.endsWith('/') ? `${target.path}index.html` : target.path);
    if (!file) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
      return;
    }
    response.writeHead(200, {
      'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
      ...target.headers,
    });
    if (request.method === 'HEAD') {
      response.end();
    } else {
      createReadStream(file).pipe(response);
    }
  });
}

/** The regular file at `path` inside `root`, or undefined (missing, a directory, or escaping the root). */
function fileUnder(root, path) {
  const base = resolve(root);
  const file = join(base, path);
  if (!file.startsWith(base + sep)) {
    return undefined;
  }
  try {
    return statSync(file).isFile() ? file : undefined;
  } catch {
    return undefined;
  }
}

/** Listens on 127.0.0.1 (`port` 0 picks a free one) and resolves with the base URL. */
export function listen(server, port = 0) {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(`http://127.0.0.1:${server.address().port}`));
  });
}
