// The static server for cross-engine tests: scripts/serve.mjs behind a thin front that puts the
// probe (probe.mjs) first into every HTML page's <head>. The probe is same-origin script, so a
// page under a strict CSP ('self') loads it like its own.
import { createServer, request } from 'node:http';
import { startServer } from '../../../scripts/serve.mjs';
import { PROBE_PATH, PROBE_SOURCE } from './probe.mjs';

const TAG = `<script src="${PROBE_PATH}"></script>`;
// A page with nothing on it, for an engine's own requestAnimationFrame rate.
export const BLANK_PATH = '/__nnplay-blank.html';
const BLANK = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>blank</title></head><body></body></html>';

function withProbe(html) {
  const head = html.match(/<head[^>]*>/i);
  return head ? html.replace(head[0], `${head[0]}${TAG}`) : `${TAG}${html}`;
}

// Serves `root` with extra `headers` on a free loopback port. Resolves to { base, close }.
export async function serve(root, { headers = {} } = {}) {
  const inner = await startServer(root, { headers });
  const innerPort = inner.address().port;
  const front = createServer((req, res) => {
    if (new URL(req.url, 'http://localhost').pathname === PROBE_PATH) {
      res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-cache', ...headers });
      res.end(PROBE_SOURCE);
      return;
    }
    if (new URL(req.url, 'http://localhost').pathname === BLANK_PATH) {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache', ...headers });
      res.end(withProbe(BLANK));
      return;
    }
    const upstream = request({ host: '127.0.0.1', port: innerPort, path: req.url, method: req.method, headers: req.headers }, (answer) => {
      const type = answer.headers['content-type'] ?? '';
      if (!type.startsWith('text/html')) {
        res.writeHead(answer.statusCode, answer.headers);
        answer.pipe(res);
        return;
      }
      const chunks = [];
      answer.on('data', (c) => chunks.push(c));
      answer.on('end', () => {
        const body = Buffer.from(withProbe(Buffer.concat(chunks).toString('utf8')));
        res.writeHead(answer.statusCode, { ...answer.headers, 'content-length': body.length });
        res.end(body);
      });
    });
    upstream.on('error', () => { res.writeHead(502); res.end(); });
    req.pipe(upstream);
  });
  await new Promise((resolve) => front.listen(0, '127.0.0.1', resolve));
  const close = async () => {
    front.closeAllConnections?.();
    inner.closeAllConnections?.();
    await Promise.all([new Promise((r) => front.close(r)), new Promise((r) => inner.close(r))]);
  };
  return { base: `http://127.0.0.1:${front.address().port}/`, close };
}
