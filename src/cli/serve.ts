import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { REPO_ROOT } from '../platform/repo-root.ts';
import { UsageError } from './args.ts';
import { defineCommand, EXIT, type Command } from './command.ts';

/** Default port of `rightsprint serve`. */
const DEFAULT_PORT = 8780;
/** The static site `npm run web` writes. */
const SITE = join(REPO_ROOT, 'dist', 'web');

/** Content types of the site's files; .br fonts are opaque bytes the worker decompresses itself. */
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.zip': 'application/zip',
  '.txt': 'text/plain; charset=utf-8',
  '.br': 'application/octet-stream',
};

/** Types worth compressing on the wire (fonts are brotli already; content.zip is deflated). */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.wasm', '.txt']);

/**
 * A static file server for dist/web on 127.0.0.1 only: GET and HEAD of files under the folder, nothing else.
 * No cookies, no logging of requests, no server-side code: the page does all the work.
 */
export function serveSite(dir: string, port: number): Promise<{ server: Server; url: string }> {
  const root = resolve(dir);
  /** Gzipped files by path and modification time: compressed once, as a static host would. */
  const gzipped = new Map<string, { mtime: number; data: Buffer }>();
  const server = createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    let file = normalize(join(root, path));
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
      return;
    }
    const stat = statSync(file);
    // Revalidation (no-cache + ETag) answers 304 with no body: the service worker's install and later visits do
    // not download again what the page already has.
    const etag = `"${stat.size.toString(16)}-${Math.round(stat.mtimeMs).toString(16)}"`;
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, { etag, 'cache-control': 'no-cache' }).end();
      return;
    }
    let body: Buffer = readFileSync(file);
    const gzip = COMPRESSIBLE.has(extname(file)) && /\bgzip\b/u.test(String(req.headers['accept-encoding'] ?? ''));
    if (gzip) {
      let hit = gzipped.get(file);
      if (!hit || hit.mtime !== stat.mtimeMs) gzipped.set(file, (hit = { mtime: stat.mtimeMs, data: gzipSync(body, { level: 9 }) }));
      body = hit.data;
    }
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'content-length': body.length,
      ...(gzip ? { 'content-encoding': 'gzip', vary: 'accept-encoding' } : {}),
      'cache-control': 'no-cache',
      etag,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      // Needed for the service worker to control the whole site when it is served from a sub-path.
      'service-worker-allowed': '/',
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      const actual = typeof address === 'object' && address ? address.port : port;
      ok({ server, url: `http://127.0.0.1:${actual}/` });
    });
  });
}

export const serveCommand: Command = defineCommand({
  name: 'serve',
  summary: 'Serve the browser version (dist/web, from `npm run web`) on 127.0.0.1',
  help: [
    'Usage: rightsprint serve [--port N]',
    '',
    'Serves the static site in dist/web/ (build it first with `npm run web`) on 127.0.0.1 only and prints the URL.',
    'The page builds every PDF in the browser; nothing is sent to this server but requests for its own files.',
    'Stop it with Ctrl-C.',
    '',
    'Options:',
    '  --port <n>             Port on 127.0.0.1 (default 8780; 0 picks a free one).',
    '  -h, --help             This help.',
    '',
    'Examples:',
    '  rightsprint serve',
    '  rightsprint serve --port 9000',
    '',
  ].join('\n'),
  options: { port: { type: 'string' } },
  async run({ values }, io) {
    const port = values.port === undefined ? DEFAULT_PORT : Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a whole number from 0 to 65535, not "${values.port}".`);
    if (!existsSync(join(SITE, 'index.html'))) {
      io.err('error: dist/web/ has not been built.');
      io.err('    hint: Run `npm run web` first, then `npx rightsprint serve`.');
      return EXIT.content;
    }
    const { server, url } = await serveSite(SITE, port);
    io.out(`rightsprint in your browser: ${url}`);
    io.out('Press Ctrl-C to stop.');
    await new Promise<void>((done) => {
      const stop = () => server.close(() => done());
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    return EXIT.ok;
  },
});
