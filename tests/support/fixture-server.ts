// A real HTTP server on 127.0.0.1 (random port) for tests: the fixture site plus the ways real
// sites misbehave. Every request is recorded in `requests`.
//
// | route                          | answer                                                            |
// | ------------------------------ | ----------------------------------------------------------------- |
// | /<file>, / (index.html)        | a file under `root` (default tests/fixtures/site/), `{{BASE}}`    |
// |                                | replaced by the server's URL; ETag and Last-Modified; 304 when    |
// |                                | If-None-Match (or, without it, If-Modified-Since) matches         |
// | /robots.txt                    | the site's file: disallows /private/ to every crawler             |
// | /redirect/301?to=PATH          | 301 to PATH (default /feeds/news.rss)                             |
// | /redirect/302?to=PATH          | 302 to PATH (default /feeds/news.rss)                             |
// | /redirect/chain/N              | N redirects in a row (N-1, …, 1), then /feeds/news.rss            |
// | /redirect/loop                 | 302 to /redirect/loop-back, which 302s back here                  |
// | /status/CODE?retry-after=VALUE | status CODE (404, 429, 500, 503…), a short text body and, when    |
// |                                | asked, a Retry-After header                                       |
// | /slow/headers?ms=N             | headers only after N ms (default 60 s)                            |
// | /slow/body                     | headers and a first chunk at once, the rest never                 |
// | /large?bytes=N                 | N bytes (default 6 MB) streamed without Content-Length            |
// | /large/declared?bytes=N        | the same with a Content-Length header                             |
// | /charset/wrong                 | feeds/windows-1252.rss (windows-1252 bytes) labelled utf-8        |
// | /feeds/html-instead            | index.html (text/html) where a feed should be                     |
//
// The default site (invented stories about UK public service mutuals):
// - feeds/news.rss: RSS 2.0, 3 items linking to articles/ on this server;
// - feeds/mutuals.atom: Atom, 2 entries, one of them a story news.rss also carries (with a
//   tracking-parameter link);
// - feeds/windows-1252.rss: RSS in windows-1252 bytes, declared so in its XML declaration;
// - index.html: a listing of the 5 articles (`li.news-item a`, `time[datetime]`);
// - articles/*.html: 5 article pages with canonical links, bylines, dates, nav, aside, comment
//   form and footer around the story;
// - private/staff-rota.html: disallowed by robots.txt.

import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface FixtureServerOptions {
  /** Folder served as the site (default tests/fixtures/site/). */
  root?: string;
}

export interface RecordedRequest {
  method: string;
  /** Path and query, as sent. */
  path: string;
  headers: IncomingHttpHeaders;
}

export interface FixtureServer {
  /** Base URL without a trailing slash, e.g. http://127.0.0.1:41234 */
  url: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

const DEFAULT_ROOT = fileURLToPath(new URL('../fixtures/site/', import.meta.url));
const DEFAULT_TARGET = '/feeds/news.rss';
const MB = 1024 * 1024;

const CONTENT_TYPES: Record<string, string> = {
  '.rss': 'application/rss+xml',
  '.atom': 'application/atom+xml',
  '.xml': 'application/xml',
  '.json': 'application/feed+json',
  '.html': 'text/html; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

export async function startFixtureServer({ root = DEFAULT_ROOT }: FixtureServerOptions = {}): Promise<FixtureServer> {
  const requests: RecordedRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();
  let base = '';

  const later = (ms: number, action: () => void) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      action();
    }, ms);
    timers.add(timer);
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', base);
    const query = url.searchParams;
    const path = url.pathname;
    let match: RegExpMatchArray | null;

    if ((match = path.match(/^\/redirect\/(301|302)$/))) {
      return redirect(res, Number(match[1]), query.get('to') ?? DEFAULT_TARGET);
    }
    if ((match = path.match(/^\/redirect\/chain\/(\d+)$/))) {
      const left = Number(match[1]);
      return redirect(res, 302, left > 1 ? `/redirect/chain/${left - 1}` : DEFAULT_TARGET);
    }
    if (path === '/redirect/loop') return redirect(res, 302, '/redirect/loop-back');
    if (path === '/redirect/loop-back') return redirect(res, 302, '/redirect/loop');
    if ((match = path.match(/^\/status\/(\d{3})$/))) {
      const retryAfter = query.get('retry-after');
      res.writeHead(Number(match[1]), {
        'content-type': 'text/plain; charset=utf-8',
        ...(retryAfter ? { 'retry-after': retryAfter } : {}),
      });
      res.end(`status ${match[1]}\n`);
      return;
    }
    if (path === '/slow/headers') {
      later(Number(query.get('ms') ?? 60_000), () => {
        res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
        res.end('finally\n');
      });
      return;
    }
    if (path === '/slow/body') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.write('<!doctype html><html><body><p>The rest of this page never comes');
      return;
    }
    if (path === '/large' || path === '/large/declared') {
      return streamBytes(res, Number(query.get('bytes') ?? 6 * MB), path === '/large/declared');
    }
    if (path === '/charset/wrong') {
      return serveFile(req, res, 'feeds/windows-1252.rss', 'application/rss+xml; charset=utf-8');
    }
    if (path === '/feeds/html-instead') return serveFile(req, res, 'index.html');
    return serveFile(req, res, decodeURIComponent(path).replace(/\/$/, '/index.html'));
  }

  async function serveFile(req: IncomingMessage, res: ServerResponse, relative: string, contentType?: string) {
    const file = normalize(join(root, relative));
    const info = file.startsWith(resolve(root) + sep) ? await stat(file).catch(() => undefined) : undefined;
    if (!info?.isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('not found\n');
      return;
    }
    // Through latin1 and back leaves every byte as it was, whatever the file's encoding.
    const body = Buffer.from((await readFile(file)).toString('latin1').replaceAll('{{BASE}}', base), 'latin1');
    const etag = `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"`;
    const modified = new Date(Math.floor(info.mtimeMs / 1000) * 1000);
    const headers = {
      'content-type': contentType ?? CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
      etag,
      'last-modified': modified.toUTCString(),
    };
    if (isNotModified(req.headers, etag, modified)) {
      res.writeHead(304, headers);
      res.end();
      return;
    }
    res.writeHead(200, { ...headers, 'content-length': body.length });
    res.end(body);
  }

  const server = createServer((req, res) => {
    requests.push({ method: req.method ?? 'GET', path: req.url ?? '/', headers: req.headers });
    handle(req, res).catch((error: unknown) => {
      res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(`fixture server failed: ${String(error)}\n`);
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: base,
    requests,
    close: async () => {
      for (const timer of timers) clearTimeout(timer);
      server.closeAllConnections();
      await new Promise<void>((done, fail) => server.close((error) => (error ? fail(error) : done())));
    },
  };
}

function redirect(res: ServerResponse, status: number, location: string): void {
  res.writeHead(status, { location, 'content-type': 'text/plain; charset=utf-8' });
  res.end(`moved to ${location}\n`);
}

/** RFC 9110 §13.1: If-None-Match wins over If-Modified-Since when both are sent. */
function isNotModified(headers: IncomingHttpHeaders, etag: string, modified: Date): boolean {
  const ifNoneMatch = headers['if-none-match'];
  if (ifNoneMatch !== undefined) {
    const weak = (tag: string) => tag.trim().replace(/^W\//, '');
    return ifNoneMatch.trim() === '*' || ifNoneMatch.split(',').some((tag) => weak(tag) === etag);
  }
  const since = Date.parse(headers['if-modified-since'] ?? '');
  return !Number.isNaN(since) && modified.getTime() <= since;
}

/** Writes `total` bytes in 64 KB chunks, waiting for the client to drain, stopping if it leaves. */
async function streamBytes(res: ServerResponse, total: number, declare: boolean): Promise<void> {
  res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8', ...(declare ? { 'content-length': total } : {}) });
  const chunk = Buffer.alloc(64 * 1024, 'x');
  for (let sent = 0; sent < total && !res.destroyed; sent += chunk.length) {
    const piece = total - sent < chunk.length ? chunk.subarray(0, total - sent) : chunk;
    if (!res.write(piece)) {
      await new Promise<void>((resume) => {
        const go = () => {
          res.off('drain', go);
          res.off('close', go);
          resume();
        };
        res.on('drain', go);
        res.on('close', go);
      });
    }
  }
  res.end();
}
