// A small static file server for the built site (dist/): `npm start` and the e2e tests use it.
// It mirrors what a static host does: directory index, trailing-slash redirect, 404.html for unknown paths.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.wasm': 'application/wasm',
  '.pagefind': 'application/octet-stream',
  '.pf_meta': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_filter': 'application/octet-stream',
};

async function fileAt(path) {
  try {
    const s = await stat(path);
    return s.isFile() ? path : undefined;
  } catch {
    return undefined;
  }
}

/** Starts the server; resolves to `{ url, close }`. Port 0 picks a free port. */
export async function serve({ root = 'dist', host = '127.0.0.1', port = 0 } = {}) {
  const base = resolve(root);
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    let pathname;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      pathname = '/';
    }
    const target = normalize(join(base, pathname));
    if (!target.startsWith(base)) {
      res.writeHead(400).end('Bad path');
      return;
    }
    let file = await fileAt(target);
    if (!file && !extname(pathname) && !pathname.endsWith('/') && (await fileAt(join(target, 'index.html')))) {
      res.writeHead(301, { location: `${pathname}/${url.search}` }).end();
      return;
    }
    file ??= await fileAt(join(target, 'index.html'));
    const status = file ? 200 : 404;
    file ??= await fileAt(join(base, '404.html'));
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found (did you run `npm run build`?)');
      return;
    }
    let body = await readFile(file);
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    const headers = { 'content-type': type, 'cache-control': 'no-cache', vary: 'accept-encoding' };
    // Compress text like any static host does (Pagefind's own files are already compressed).
    if (/^(text\/|application\/(json|xml))/.test(type) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
      body = gzipSync(body);
      headers['content-encoding'] = 'gzip';
    }
    res.writeHead(status, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  await new Promise((ok) => server.listen(port, host, ok));
  const address = server.address();
  const url = `http://${host}:${typeof address === 'object' && address ? address.port : port}`;
  return { url, close: () => new Promise((ok) => server.close(() => ok(undefined))) };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const port = Number(process.env.PORT ?? 4321);
  const { url } = await serve({ port, host: process.env.HOST ?? '127.0.0.1' });
  console.log(`Claude Model Guide: serving dist/ at ${url}/  (Ctrl+C to stop)`);
}
