import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  createHttpClient,
  DEFAULT_USER_AGENT,
  type FetchFunction,
  type HttpClientOptions,
} from '../../../lambdas/core/fetch/http-client.ts';
import { FetchError, type FetchRequest, type FetchResult } from '../../../lambdas/core/fetch/types.ts';
import { startFixtureServer, type FixtureServer } from '../../support/fixture-server.ts';

let server: FixtureServer;
let base: string;
let host: string;

beforeAll(async () => {
  server = await startFixtureServer();
  base = server.url;
  host = new URL(base).host;
});
afterAll(() => server.close());

/** A client without the per-host pause: these tests are about answers, not pace. */
const client = (options: HttpClientOptions = {}) => createHttpClient({ perHostDelayMs: 0, ...options });

/** The FetchError a request failed with, as a plain object (matchers skip an Error's message). */
async function failure(result: Promise<FetchResult>) {
  const error = await result.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof FetchError)) throw new Error(`expected a FetchError, got ${String(error)}`);
  return { kind: error.kind, message: error.message, details: error.details };
}

const ok = (result: FetchResult) => {
  if (result.status !== 'ok') throw new Error(`expected ok, got ${result.status}`);
  return result;
};

const requestsTo = (path: string) => server.requests.filter((request) => request.path === path);

/** A clock that moves only when the client sleeps. */
function fakeTime(start = 0) {
  let time = start;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => time,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      time += ms;
    },
  };
}

describe('http client against the fixture server', () => {
  it('fetches a feed with an honest user agent and returns its body and validators', async () => {
    const result = ok(await client().get({ url: `${base}/feeds/news.rss`, accept: 'application/rss+xml' }));

    expect(result).toMatchObject({ url: `${base}/feeds/news.rss`, httpStatus: 200, contentType: 'application/rss+xml' });
    expect(result.etag).toMatch(/^"[0-9a-f]{16}"$/);
    expect(Number.isNaN(Date.parse(result.lastModified ?? ''))).toBe(false);
    const text = new TextDecoder().decode(result.body);
    expect(text).toContain(`<link>${base}/articles/leading-lives-day-services.html</link>`);
    expect(text).not.toContain('{{BASE}}');

    const sent = requestsTo('/feeds/news.rss').at(-1)!;
    expect(sent.headers['user-agent']).toBe(DEFAULT_USER_AGENT);
    expect(sent.headers.accept).toBe('application/rss+xml');
  });

  it('asks for anything when no Accept is given and drops the fragment', async () => {
    const result = ok(await client().get({ url: `${base}/articles/navigo-community-cafe.html#comments` }));
    expect(result.url).toBe(`${base}/articles/navigo-community-cafe.html`);
    expect(result.contentType).toBe('text/html; charset=utf-8');
    expect(requestsTo('/articles/navigo-community-cafe.html').at(-1)!.headers.accept).toBe('*/*');
  });

  it('makes a conditional GET round trip', async () => {
    const http = client();
    const first = ok(await http.get({ url: `${base}/feeds/mutuals.atom` }));
    const { etag, lastModified } = first;

    const cases: Array<[FetchRequest, FetchResult['status']]> = [
      [{ url: `${base}/feeds/mutuals.atom`, etag, lastModified }, 'not-modified'],
      [{ url: `${base}/feeds/mutuals.atom`, etag }, 'not-modified'],
      [{ url: `${base}/feeds/mutuals.atom`, lastModified }, 'not-modified'],
      [{ url: `${base}/feeds/mutuals.atom`, etag: '"stale"', lastModified }, 'ok'],
    ];
    for (const [request, status] of cases) {
      const result = await http.get(request);
      expect(result.status, JSON.stringify(request)).toBe(status);
    }
    expect(await http.get({ url: `${base}/feeds/mutuals.atom`, etag })).toEqual({
      status: 'not-modified',
      url: `${base}/feeds/mutuals.atom`,
    });
    const sent = requestsTo('/feeds/mutuals.atom').at(-1)!;
    expect(sent.headers['if-none-match']).toBe(etag);
    expect(sent.headers['if-modified-since']).toBeUndefined();
  });

  it('reports a 304 reached through a redirect at the final URL', async () => {
    const http = client();
    const { etag } = ok(await http.get({ url: `${base}/feeds/news.rss` }));
    expect(await http.get({ url: `${base}/redirect/301`, etag })).toEqual({
      status: 'not-modified',
      url: `${base}/feeds/news.rss`,
    });
  });

  it.each([
    { path: '/redirect/301?to=/articles/mycsp-helpline-hours.html', final: '/articles/mycsp-helpline-hours.html' },
    { path: '/redirect/302?to=/articles/mycsp-helpline-hours.html', final: '/articles/mycsp-helpline-hours.html' },
    { path: '/redirect/chain/5', final: '/feeds/news.rss' },
  ])('follows $path to $final', async ({ path, final }) => {
    const result = ok(await client().get({ url: `${base}${path}` }));
    expect(result.url).toBe(`${base}${final}`);
    expect(new TextDecoder().decode(result.body)).toContain('<title>');
  });

  it.each([
    { path: '/redirect/chain/6', options: {}, message: 'more than 5 redirects' },
    { path: '/redirect/chain/2', options: { maxRedirects: 1 }, message: 'more than 1 redirects' },
    { path: '/redirect/301', options: { maxRedirects: 0 }, message: 'more than 0 redirects' },
    { path: '/redirect/loop', options: {}, message: 'redirect loop back to BASE/redirect/loop' },
  ])('stops at $path: $message', async ({ path, options, message }) => {
    const error = await failure(client(options).get({ url: `${base}${path}` }));
    expect(error.kind).toBe('too-many-redirects');
    expect(error.message).toBe(message.replace('BASE', base));
  });

  it('stops a redirect loop after one round', async () => {
    const before = requestsTo('/redirect/loop').length;
    await failure(client().get({ url: `${base}/redirect/loop` }));
    expect(requestsTo('/redirect/loop')).toHaveLength(before + 1);
  });

  it.each([
    { path: '/status/404', kind: 'http', httpStatus: 404, message: 'HTTP 404 Not Found' },
    { path: '/status/410', kind: 'http', httpStatus: 410, message: 'HTTP 410 Gone' },
    { path: '/status/500', kind: 'http', httpStatus: 500, message: 'HTTP 500 Internal Server Error' },
    { path: '/status/302', kind: 'http', httpStatus: 302, message: 'HTTP 302 Found without a Location header' },
    { path: '/status/599', kind: 'http', httpStatus: 599, message: 'HTTP 599' },
    { path: '/articles/no-such-story.html', kind: 'http', httpStatus: 404, message: 'HTTP 404 Not Found' },
    {
      path: '/status/429?retry-after=120',
      kind: 'rate-limited',
      httpStatus: 429,
      retryAfterMs: 120_000,
      message: 'HTTP 429 Too Many Requests (retry after 2 min)',
    },
    {
      path: '/status/503?retry-after=Fri,%2020%20Nov%202026%2014:00:00%20GMT',
      kind: 'rate-limited',
      httpStatus: 503,
      retryAfterMs: 7_200_000,
      message: 'HTTP 503 Service Unavailable (retry after 2 h)',
    },
    {
      path: '/status/503?retry-after=30',
      kind: 'rate-limited',
      httpStatus: 503,
      retryAfterMs: 30_000,
      message: 'HTTP 503 Service Unavailable (retry after 30 s)',
    },
    { path: '/status/503', kind: 'rate-limited', httpStatus: 503, message: 'HTTP 503 Service Unavailable' },
  ])('turns $path into $kind: $message', async ({ path, kind, httpStatus, retryAfterMs, message }) => {
    const now = () => Date.parse('2026-11-20T12:00:00Z');
    const error = await failure(client({ now }).get({ url: `${base}${path}` }));
    expect(error).toEqual({ kind, message, details: { httpStatus, retryAfterMs, url: `${base}${path}` } });
  });

  it.each(['/slow/headers', '/slow/body'])('gives up on %s after the timeout', async (path) => {
    const error = await failure(client({ timeoutMs: 300 }).get({ url: `${base}${path}` }));
    expect(error).toMatchObject({ kind: 'timeout', message: `${host} did not respond within 300 ms` });
  });

  it.each([
    { path: '/large?bytes=3000', maxBytes: 2048, message: 'response larger than 2 KB' },
    { path: '/large/declared?bytes=3000', maxBytes: 2048, message: 'response too large (3 KB, limit 2 KB)' },
    { path: '/large', maxBytes: undefined, message: 'response larger than 5 MB' },
    { path: '/large/declared', maxBytes: undefined, message: 'response too large (6 MB, limit 5 MB)' },
  ])('refuses $path over the size cap', async ({ path, maxBytes, message }) => {
    const error = await failure(client({ maxBytes }).get({ url: `${base}${path}` }));
    expect(error).toMatchObject({ kind: 'too-large', message, details: { httpStatus: 200 } });
  });

  it.each(['/large?bytes=2048', '/large/declared?bytes=2048'])('accepts %s, exactly at the cap', async (path) => {
    const result = ok(await client({ maxBytes: 2048 }).get({ url: `${base}${path}` }));
    expect(result.body.byteLength).toBe(2048);
  });

  it('hands over the bytes as sent, whatever the charset header claims', async () => {
    const result = ok(await client().get({ url: `${base}/charset/wrong` }));
    expect(result.contentType).toBe('application/rss+xml; charset=utf-8');
    const latin1 = Buffer.from(result.body).toString('latin1');
    expect(latin1).toContain('encoding="windows-1252"');
    expect(latin1).toContain('caf\xe9'); // é as the single windows-1252 byte, not UTF-8
    expect(latin1).toContain('\xa320,000');
  });

  it('serves an HTML page where a feed should be, labelled as HTML', async () => {
    const result = ok(await client().get({ url: `${base}/feeds/html-instead`, accept: 'application/rss+xml' }));
    expect(result.contentType).toBe('text/html; charset=utf-8');
    expect(new TextDecoder().decode(result.body)).toMatch(/^<!doctype html>/);
  });
});

describe('robots.txt', () => {
  it('never requests a disallowed page, and reads robots.txt once', async () => {
    const http = client();
    const robotsBefore = requestsTo('/robots.txt').length;

    const error = await failure(http.get({ url: `${base}/private/staff-rota.html` }));
    expect(error).toMatchObject({ kind: 'robots', message: 'blocked by robots.txt' });
    const redirected = await failure(http.get({ url: `${base}/redirect/302?to=/private/staff-rota.html` }));
    expect(redirected.kind).toBe('robots');
    await http.get({ url: `${base}/feeds/news.rss` });

    expect(requestsTo('/private/staff-rota.html')).toHaveLength(0);
    expect(requestsTo('/robots.txt')).toHaveLength(robotsBefore + 1);
  });

  it('fetches anything, without reading robots.txt, when told not to respect it', async () => {
    const robotsBefore = requestsTo('/robots.txt').length;
    const result = await client({ respectRobots: false }).get({ url: `${base}/private/staff-rota.html` });
    expect(result.status).toBe('ok');
    expect(requestsTo('/robots.txt')).toHaveLength(robotsBefore);
  });

  it('stretches the pause between requests to the Crawl-delay it asks for', async () => {
    const root = await mkdtemp(join(tmpdir(), 'fixture-site-'));
    const site = await startFixtureServer({ root });
    try {
      await writeFile(join(root, 'robots.txt'), 'User-agent: mutuals-news\nCrawl-delay: 3\n');
      await writeFile(join(root, 'page.html'), '<p>hello from {{BASE}}</p>');
      const time = fakeTime();
      const http = createHttpClient({ perHostDelayMs: 1000, now: time.now, sleep: time.sleep });

      const page = ok(await http.get({ url: `${site.url}/page.html` }));
      await http.get({ url: `${site.url}/page.html` });

      expect(new TextDecoder().decode(page.body)).toBe(`<p>hello from ${site.url}</p>`);
      expect(site.requests.map((request) => request.path)).toEqual(['/robots.txt', '/page.html', '/page.html']);
      expect(time.sleeps).toEqual([3000, 3000]);
    } finally {
      await site.close();
      await rm(root, { recursive: true });
    }
  });
});

describe('failures before any answer', () => {
  it.each([
    { url: 'not a url', message: 'invalid URL: not a url' },
    { url: '', message: 'invalid URL: (empty)' },
    { url: '/feeds/news.rss', message: 'invalid URL: /feeds/news.rss' },
    { url: 'ftp://example.org/feed.xml', message: 'invalid URL: ftp: is not http or https' },
    { url: 'file:///etc/passwd', message: 'invalid URL: file: is not http or https' },
    { url: 'javascript:alert(1)', message: 'invalid URL: javascript: is not http or https' },
  ])('rejects "$url"', async ({ url, message }) => {
    const error = await failure(client().get({ url }));
    expect(error).toMatchObject({ kind: 'invalid-url', message });
  });

  it('rejects a redirect to a non-http URL', async () => {
    const error = await failure(client().get({ url: `${base}/redirect/302?to=ftp://example.org/feed.xml` }));
    expect(error).toMatchObject({ kind: 'invalid-url', message: 'redirect to an invalid URL: ftp: is not http or https' });
  });

  it('says which host it cannot reach when nothing listens', async () => {
    const closed = createServer();
    await new Promise<void>((done) => closed.listen(0, '127.0.0.1', done));
    const { port } = closed.address() as AddressInfo;
    await new Promise((done) => closed.close(done));

    const error = await failure(client().get({ url: `http://127.0.0.1:${port}/feed.xml` }));
    expect(error).toMatchObject({ kind: 'network', message: `cannot reach 127.0.0.1:${port} (ECONNREFUSED)` });
  });

  const systemError = (code: string) => Object.assign(new Error(`connect ${code}`), { code });
  it.each([
    {
      name: 'a DNS failure',
      thrown: new TypeError('fetch failed', { cause: systemError('ENOTFOUND') }),
      message: 'cannot reach example.org (ENOTFOUND)',
    },
    {
      name: 'every address refusing',
      thrown: new TypeError('fetch failed', {
        cause: new AggregateError([systemError('ECONNREFUSED'), systemError('ECONNREFUSED')]),
      }),
      message: 'cannot reach example.org (ECONNREFUSED)',
    },
    { name: 'an error without a code', thrown: new TypeError('fetch failed'), message: 'cannot reach example.org (TypeError)' },
  ])('turns $name into a clean network error', async ({ thrown, message }) => {
    const fetch: FetchFunction = async () => {
      throw thrown;
    };
    const error = await failure(client({ fetch }).get({ url: 'https://example.org/feed.xml' }));
    expect(error).toMatchObject({ kind: 'network', message });
  });

  it('reports a connection lost halfway through the body', async () => {
    const fetch: FetchFunction = async () =>
      new Response(
        new ReadableStream<Uint8Array>({
          start(controller) {
            controller.enqueue(new TextEncoder().encode('<rss>'));
            controller.error(systemError('ECONNRESET'));
          },
        }),
      );
    const error = await failure(client({ fetch, respectRobots: false }).get({ url: 'https://example.org/feed.xml' }));
    expect(error).toMatchObject({ kind: 'network', message: 'lost connection to example.org (ECONNRESET)' });
  });
});

describe('pace per host', () => {
  /** A fetch whose answers the test releases one by one, logging what starts. */
  function heldFetch() {
    const started: string[] = [];
    const waiting = new Map<string, () => void>();
    const fetch: FetchFunction = (url) => {
      started.push(url);
      return new Promise((resolve) => waiting.set(url, () => resolve(new Response('done'))));
    };
    return { fetch, started, release: (url: string) => waiting.get(url)!() };
  }

  it('sends one request at a time to a host, pausing between them, while other hosts go ahead', async () => {
    const held = heldFetch();
    const time = fakeTime();
    const http = createHttpClient({ fetch: held.fetch, respectRobots: false, now: time.now, sleep: time.sleep });
    const urls = ['https://a.example/1', 'https://a.example/2', 'https://b.example/1', 'http://a.example:8080/3'];

    const results = urls.map((url) => http.get({ url }));
    await vi.waitFor(() => expect(held.started).toEqual(['https://a.example/1', 'https://b.example/1']));

    held.release('https://a.example/1');
    await vi.waitFor(() =>
      expect(held.started).toEqual(['https://a.example/1', 'https://b.example/1', 'https://a.example/2']),
    );
    expect(time.sleeps).toEqual([1000]);

    held.release('https://a.example/2');
    await vi.waitFor(() => expect(held.started).toHaveLength(4));
    held.release('http://a.example:8080/3');
    held.release('https://b.example/1');
    const finished = await Promise.all(results);
    expect(finished.map((result) => result.status)).toEqual(['ok', 'ok', 'ok', 'ok']);
    expect(held.started.at(-1)).toBe('http://a.example:8080/3');
    expect(time.sleeps).toEqual([1000, 1000]);
  });
});
