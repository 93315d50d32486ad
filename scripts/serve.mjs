// A small static file server for the page: the right MIME types for ES modules and wasm,
// loopback only, no directory listings, nothing outside the served folder.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.csv': 'text/csv',
};

// Serves `root` on 127.0.0.1:`port` (0 picks a free port). `headers` are added to every
// response (tests use it for a Content-Security-Policy). Resolves to the listening server.
export function startServer(root, { port = 0, headers = {} } = {}) {
  const base = path.resolve(root);
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url, 'http://localhost');
      let file = path.join(base, decodeURIComponent(url.pathname));
      if (file !== base && !file.startsWith(base + path.sep)) throw Object.assign(new Error(), { code: 'ENOENT' });
      if ((await stat(file)).isDirectory()) file = path.join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
        'Cache-Control': 'no-cache', ...headers });
      res.end(body);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end('not found');
    }
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = process.argv[2] ?? 'web';
  const port = Number(process.env.PORT ?? 8080);
  const server = await startServer(root, { port });
  console.log(`nnplay: serving ${path.resolve(root)} at http://127.0.0.1:${server.address().port}/`);
}
