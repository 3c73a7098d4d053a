// Serves www/ on http://127.0.0.1:PORT/ for `make demo` and the browser tests.
// .wasm goes out as application/wasm; every page gets a strict Content-Security-Policy header.
// `?csp=nowasm` on a page drops 'wasm-unsafe-eval' (to test how the embed behaves on such sites).
// Usage: node tools/serve.mjs [--port N] [--root DIR] (port 0 picks a free port; the URL is printed).
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : dflt;
};
const root = path.resolve(opt('--root', path.join(path.dirname(new URL(import.meta.url).pathname), '..', 'www')));
const port = Number(opt('--port', process.env.PORT ?? 8000));

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.ts': 'text/plain; charset=utf-8',
};

export function csp(wasm = true) {
  return [
    "default-src 'self'",
    `script-src 'self'${wasm ? " 'wasm-unsafe-eval'" : ''}`,
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "require-trusted-types-for 'script'",
  ].join('; ');
}

const server = http.createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  let rel = decodeURIComponent(url.pathname);
  if (rel.endsWith('/')) rel += 'index.html';
  const file = path.resolve(root, '.' + rel);
  if (!file.startsWith(root + path.sep)) {
    res.writeHead(403).end('forbidden');
    return;
  }
  fs.readFile(file, (err, body) => {
    if (err) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
      return;
    }
    const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
    const headers = {
      'content-type': type,
      'cache-control': 'no-cache',
      'x-content-type-options': 'nosniff',
    };
    if (type.startsWith('text/html')) headers['content-security-policy'] = csp(url.searchParams.get('csp') !== 'nowasm');
    res.writeHead(200, headers).end(body);
  });
});

server.listen(port, '127.0.0.1', () => {
  const { port: actual } = server.address();
  console.log(`quote-highlighter demo: http://127.0.0.1:${actual}/  (Ctrl-C to stop)`);
});
