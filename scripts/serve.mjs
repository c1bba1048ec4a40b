// Serves the built playground (www/dist) on 127.0.0.1 until interrupted, and
// says where the built extensions are.
// Usage: node scripts/serve.mjs [--port N]   (default 8080; 0 picks a free port)
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createStaticServer, listen } from './lib/static-server.mjs';

const root = fileURLToPath(new URL('../www/dist/', import.meta.url));
const extensions = { Chrome: '../extension/dist/chrome/', Firefox: '../extension/dist/firefox/' };
const { values } = parseArgs({ options: { port: { type: 'string', default: '8080' } } });
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`serve: bad --port ${values.port}`);
  process.exit(2);
}
if (!existsSync(root)) {
  console.error('serve: www/dist is missing; run npm run build first');
  process.exit(1);
}

const server = createStaticServer((path) => ({ root, path }));
const url = await listen(server, port);
for (const [browser, relative] of Object.entries(extensions)) {
  const dir = fileURLToPath(new URL(relative, import.meta.url));
  console.log(`${browser} extension (load unpacked): ${existsSync(dir) ? dir : 'not built'}`);
}
console.log(`ClaimLens playground: ${url}/  (Ctrl-C to stop)`);
