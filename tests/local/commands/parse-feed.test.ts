import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FetchError, type FetchRequest, type HttpClient } from '../../../lambdas/core/fetch/types.ts';
import { createHttpClient } from '../../../lambdas/core/fetch/http-client.ts';
import { run, type ParseFeedDeps } from '../../../lambdas/local/commands/parse-feed.ts';
import { startFixtureServer, type FixtureServer } from '../../support/fixture-server.ts';

const projectRoot = fileURLToPath(new URL('../../../', import.meta.url));
const fixture = (name: string) => fileURLToPath(new URL(`../../fixtures/feeds/${name}`, import.meta.url));

const noNetwork: HttpClient = { get: () => Promise.reject(new Error('no network in this test')) };

/** Runs the command with the files and an HttpClient; returns its exit code, lines and messages. */
async function runWith(argv: string[], http: HttpClient = noNetwork) {
  const lines: string[] = [];
  const messages: string[] = [];
  const deps: ParseFeedDeps = { http, readBytes: readFile, write: (line) => lines.push(line), say: (m) => messages.push(m) };
  const code = await run(argv, deps);
  return { code, lines: lines.map((line) => JSON.parse(line) as Record<string, unknown>), raw: lines, messages };
}

describe('parse-feed', () => {
  it('prints one JSON line per input, in order, and exits 0 when all parse', async () => {
    const { code, lines, raw } = await runWith([fixture('rss1.rdf'), fixture('feed-1.0.json')]);
    expect(code).toBe(0);
    expect(raw.every((line) => !line.includes('\n'))).toBe(true);
    expect(lines).toEqual([
      {
        source: fixture('rss1.rdf'),
        feed: {
          title: 'Mutuals RDF',
          link: 'https://mutuals.example/',
          items: [
            {
              title: 'MyCSP marks ten years',
              link: 'https://mutuals.example/1',
              guid: 'https://mutuals.example/1',
              published: '2022-04-01T09:00:00Z',
              updated: '2022-04-01T11:00:00Z',
              author: 'Pat Reporter',
              summary: 'The pensions mutual looks back.',
            },
          ],
        },
      },
      {
        source: fixture('feed-1.0.json'),
        feed: { title: 'Version one', items: [{ title: 'Old style author', link: 'https://v1.example/a', guid: 'a', author: 'Solo Author' }] },
      },
    ]);
  });

  it('reports each failed input on its own line and exits 1', async () => {
    const { code, lines } = await runWith([fixture('page.html'), fixture('missing.xml'), fixture('atom03.xml')]);
    expect(code).toBe(1);
    expect(lines.map((l) => [l.source, l.error ?? 'ok'])).toEqual([
      [fixture('page.html'), 'feed: not a feed (looks like an HTML page)'],
      [fixture('missing.xml'), 'read: no such file'],
      [fixture('atom03.xml'), 'ok'],
    ]);
  });

  it('fetches URLs through the HttpClient it is given, with the charset of the Content-Type', async () => {
    const requests: FetchRequest[] = [];
    const body = new Uint8Array(iconv.encode('<rss version="2.0"><channel><title>Café £</title><link>/home</link></channel></rss>', 'windows-1252'));
    const http: HttpClient = {
      async get(request) {
        requests.push(request);
        if (request.url.endsWith('/gone')) throw new FetchError('http', 'fetch: HTTP 410', { httpStatus: 410 });
        return { status: 'ok', url: 'https://feeds.example/final.rss', httpStatus: 200, body, contentType: 'application/rss+xml; charset=windows-1252' };
      },
    };
    const { code, lines } = await runWith(['https://feeds.example/feed.rss', 'https://feeds.example/gone'], http);
    expect(requests.map((r) => r.url)).toEqual(['https://feeds.example/feed.rss', 'https://feeds.example/gone']);
    expect(lines).toEqual([
      { source: 'https://feeds.example/feed.rss', feed: { title: 'Café £', link: 'https://feeds.example/home', items: [] } },
      { source: 'https://feeds.example/gone', error: 'fetch: HTTP 410' },
    ]);
    expect(code).toBe(1);
  });

  it('prints its usage and exits 2 without inputs', async () => {
    const { code, lines, messages } = await runWith([]);
    expect({ code, lines, messages }).toEqual({ code: 2, lines: [], messages: ['usage: mutuals-news parse-feed FILE_OR_URL...'] });
  });

  it('runs from the command line, keeping the contract on stdout', () => {
    const result = spawnSync(process.execPath, ['lambdas/local/bin.mjs', 'parse-feed', fixture('rss-prefixed.xml'), fixture('empty.xml')], {
      cwd: projectRoot,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(result.status).toBe(1);
    expect(result.stdout.trim().split('\n').map((line) => JSON.parse(line))).toEqual([
      {
        source: fixture('rss-prefixed.xml'),
        feed: {
          title: 'Prefixed RSS',
          link: 'https://prefixed.example/',
          items: [{ title: 'Item in a prefixed namespace', author: 'Dee Creator', summary: 'The RSS description' }],
        },
      },
      { source: fixture('empty.xml'), error: 'feed: empty document' },
    ]);
  });
});

describe('parse-feed over HTTP, through the polite client', () => {
  let server: FixtureServer;
  beforeAll(async () => {
    server = await startFixtureServer();
  });
  afterAll(() => server.close());

  it('reads a feed mislabelled UTF-8, fails cleanly on an HTML page and on a 404', async () => {
    const urls = [`${server.url}/charset/wrong`, `${server.url}/feeds/html-instead`, `${server.url}/status/404`];
    const { code, lines } = await runWith(urls, createHttpClient({ perHostDelayMs: 0 }));
    expect(code).toBe(1);
    const [wrong, html, missing] = lines as [{ feed: { title: string; items: { title: string }[] } }, { error: string }, { error: string }];
    expect(wrong.feed.title).toBe('Mutuals Review: community health');
    expect(wrong.feed.items[1]?.title).toBe('NAViGO’s café welcomes its first customers');
    expect(html.error).toBe('feed: not a feed (looks like an HTML page)');
    expect(missing.error).toBe('HTTP 404 Not Found');
  });
});
