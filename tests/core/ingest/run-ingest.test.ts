// Ingest end to end on the fixture site and DynamoDB Local: good sources, every way a source
// can fail, and a second run that stores nothing new.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpClient } from '../../../lambdas/core/fetch/http-client.ts';
import { runIngest, type SourceReport } from '../../../lambdas/core/ingest/run-ingest.ts';
import { createTagger } from '../../../lambdas/core/tag/tagger.ts';
import { silentLogger } from '../../../lambdas/core/log.ts';
import type { Source } from '../../../lambdas/core/model.ts';
import { createSourceRepository } from '../../../lambdas/store/source-repository.ts';
import { createStoryRepository, type DynamoStoryRepository } from '../../../lambdas/store/story-repository.ts';
import type { SourceRepository } from '../../../lambdas/core/ports.ts';
import { freshTable } from '../../support/dynamo.ts';
import { startFixtureServer, type FixtureServer } from '../../support/fixture-server.ts';

let site: FixtureServer;
let stories: DynamoStoryRepository;
let sources: SourceRepository;
const tagger = createTagger();
const now = () => new Date('2026-11-20T12:00:00.000Z');

const feed = (id: string, path: string): Source => ({ id, name: id, url: `${site.url}${path}`, kind: 'feed' });

async function ingestAll(): Promise<Map<string, SourceReport>> {
  const reports = await runIngest(await sources.list(), {
    sources,
    stories,
    tagger,
    // The fixture site is ours: no pause between requests; a short timeout for the slow route.
    http: createHttpClient({ perHostDelayMs: 0, timeoutMs: 1500, maxBytes: 1024 * 1024 }),
    now,
    log: silentLogger,
    publishThreshold: 0.8,
  });
  return new Map(reports.map((r) => [r.sourceId, r]));
}

beforeAll(async () => {
  site = await startFixtureServer();
  const table = await freshTable();
  stories = createStoryRepository(table.db, table.tableName);
  sources = createSourceRepository(table.db, table.tableName);
  const list: Source[] = [
    feed('rss', '/feeds/news.rss'),
    feed('atom', '/feeds/mutuals.atom'),
    feed('broken-links', '/feeds/broken-links.rss'),
    { id: 'listing', name: 'listing', url: `${site.url}/`, kind: 'html', selectors: { item: 'li.news-item a', title: '.headline', date: 'time' } },
    feed('not-found', '/status/404'),
    feed('rate-limited', '/status/429?retry-after=7200'),
    feed('server-error', '/status/500'),
    feed('html-instead', '/feeds/html-instead'),
    feed('slow', '/slow/headers?ms=10000'),
    feed('oversized', '/large?bytes=3000000'),
    feed('redirect-loop', '/redirect/loop'),
    feed('wrong-charset', '/charset/wrong'),
    { id: 'unreachable', name: 'unreachable', url: 'http://127.0.0.1:9/feed.xml', kind: 'feed' },
  ];
  for (const source of list) await sources.put(source, now());
});

afterAll(async () => site?.close());

describe('ingest on DynamoDB Local', () => {
  let first: Map<string, SourceReport>;

  it('stores every story once, whichever feed or listing page it came from', async () => {
    first = await ingestAll();
    expect(first.get('rss')).toMatchObject({ items: 3, error: undefined });
    expect(first.get('atom')?.items).toBe(2);
    expect(first.get('listing')?.items).toBe(5);
    const stored = await stories.latest({ limit: 100 });
    const titles = stored.map((s) => s.title).sort();
    expect(titles).toHaveLength(new Set(titles).size);
    expect(titles).toEqual(
      expect.arrayContaining([
        'Central Surrey Health marks twenty years of staff ownership',
        'Leading Lives agrees five-year deal to run Suffolk day services',
        'MyCSP extends pension helpline hours after record demand',
      ]),
    );
    const counted = [...first.values()].reduce((n, r) => n + r.stored, 0);
    expect(stored).toHaveLength(counted);
    // The wrong-charset feed is read, not refused.
    expect(first.get('wrong-charset')?.error).toBeUndefined();
  });

  it('keeps an item whose page is gone, with the feed summary, marked', async () => {
    const kept = (await stories.latest({ limit: 100 })).find((s) => s.source === 'broken-links');
    expect(kept?.extraction).toBe('feed-summary');
    expect(kept?.text).toContain('Explore York Libraries and Archives');
    expect(kept?.text).not.toContain('<p>');
    expect(kept?.published).toBe('2019-05-01T09:00:00.000Z');
  });

  it('tags every stored story with the tagger version', async () => {
    for (const story of await stories.latest({ limit: 100 })) {
      expect(story.taggerVersion).toBe(tagger.version);
      expect(story.tags?.cluster).toBeTruthy();
    }
  });

  it.each([
    ['not-found', /404/],
    ['rate-limited', /429/],
    ['server-error', /500/],
    ['html-instead', /HTML/i],
    ['slow', /within/],
    ['oversized', /larger than|too large/],
    ['redirect-loop', /redirect/],
    ['unreachable', /cannot reach|ECONNREFUSED/],
  ])('records a clean error on the failing source %s and goes on', async (id, message) => {
    expect(first.get(id)?.error).toMatch(message);
    const source = await sources.get(id);
    expect(source?.health).toMatchObject({ consecutiveFailures: 1, lastError: expect.stringMatching(message) });
    expect(source?.health.lastError).not.toMatch(/\n|at .*\.ts:\d+/);
    expect(Date.parse(source!.health.nextDueAt)).toBeGreaterThan(now().getTime());
  });

  it('honours Retry-After when rescheduling', async () => {
    const source = await sources.get('rate-limited');
    expect(Date.parse(source!.health.nextDueAt) - now().getTime()).toBeGreaterThanOrEqual(7200 * 1000);
  });

  it('stores nothing new on a second run, and the feeds answer 304 to conditional GETs', async () => {
    const before = await stories.latest({ limit: 100 });
    const second = await ingestAll();
    expect([...second.values()].reduce((n, r) => n + r.stored, 0)).toBe(0);
    expect(second.get('rss')?.notModified).toBe(true);
    expect(await stories.latest({ limit: 100 })).toHaveLength(before.length);
    expect((await sources.get('not-found'))?.health.consecutiveFailures).toBe(2);
    const conditional = site.requests.filter((r) => r.path === '/feeds/news.rss' && r.headers['if-none-match']);
    expect(conditional.length).toBeGreaterThan(0);
  });
});
