import type { Hono } from 'hono';
import { beforeAll, describe, expect, it } from 'vitest';
import { readJsonFeed, readWithFeedparser } from '../core/feeds/readers.ts';
import { appOver, fixtureStories, loadedTable, publishedIds } from './app-fixture.ts';

let app: Hono;
const storyId = (n: number) => fixtureStories.find((s) => s.id.endsWith(`s${n}`))!.id;
const guid = (n: number) => `urn:mutuals-news:story:${storyId(n)}`;
const guids = (...ns: number[]) => ns.map(guid);

beforeAll(async () => {
  app = appOver(await loadedTable());
});

const contentTypes = { rss: 'application/rss+xml', atom: 'application/atom+xml', json: 'application/feed+json' };

/** The feed at a path, read as a reader would: ids, titles and self link. */
async function read(path: string) {
  const res = await app.request(path);
  expect(res.status, await res.clone().text()).toBe(200);
  const body = await res.text();
  const format = path.split('?')[0]!.split('.').at(-1) as keyof typeof contentTypes;
  expect(res.headers.get('content-type')).toBe(`${contentTypes[format]}; charset=utf-8`);
  if (format === 'json') {
    const { checked } = await readJsonFeed(body);
    return { ids: checked.items.map((i) => i.id), self: checked.feed_url, title: checked.title, items: checked.items };
  }
  const feed = readWithFeedparser(body);
  expect(feed.bozo, feed.error).toBe(false);
  return { ids: feed.entries.map((e) => e.id), self: feed.feed.links.find((l) => l.rel === 'self')?.href, title: feed.feed.title, feed };
}

describe('feeds', () => {
  it.each([
    ['/feeds/all', publishedIds.map((id) => `urn:mutuals-news:story:${id}`)],
    ['/feeds/spin-outs', guids(9, 2, 1, 4)],
    ['/feeds/sectors/health', guids(9, 6, 10)],
    ['/feeds/events/ministerial-visit', guids(5)],
    ['/feeds/organisations/leading-lives', guids(5, 12, 4)],
    ['/feeds/organisations/westfield-community-care', guids(9)],
  ])('%s in each format: a clean feed of the right stories with its self link', async (path, expected) => {
    for (const format of ['rss', 'atom', 'json'] as const) {
      const feed = await read(`${path}.${format}`);
      expect(feed.ids).toEqual(expected);
      expect(feed.self).toBe(`http://localhost${path}.${format}`);
    }
  });

  it.each(['rss', 'atom'] as const)('%s entries carry their sectors and organisations as categories', async (format) => {
    const { feed } = await read(`/feeds/organisations/sirona-care-health.${format}`);
    const [entry] = feed!.entries;
    expect(entry!.link).toBe(`https://pubfin.example.org/news/${storyId(6)}`);
    expect(entry!.published).toBe('2013-03-15T09:15:00Z');
    expect(entry!.author).toBe('Jo Bloggs');
    const names = entry!.tags.map((t) => (format === 'atom' ? t.label : t.term));
    expect(names).toEqual(['Health', 'Adult social care', 'Sirona care & health']);
  });

  it('JSON Feed items carry their categories as tags', async () => {
    const { items } = await read('/feeds/organisations/sirona-care-health.json');
    expect(items![0]).toMatchObject({ title: 'Sirona care & health wins <community> contract', tags: ['Health', 'Adult social care', 'Sirona care & health'] });
  });

  it.each([
    ['/feeds/all.rss?limit=2', guids(9, 8)],
    ['/feeds/all.atom?organisation=cabinet-office&from=2013-01-01', guids(8, 5)],
    ['/feeds/sectors/adult-social-care.json?event=spin-out-launch', guids(4)],
    ['/feeds/spin-outs.rss?q=mycsp', guids(2, 1)],
    ['/feeds/organisations/mycsp.rss?sector=corporate-services', guids(2, 1)],
  ])('takes limit and the filters of /api/stories: %s', async (path, expected) => {
    const feed = await read(path);
    expect(feed.ids).toEqual(expected);
    expect(feed.self).toBe(`http://localhost${path}`);
  });

  it('names the filters in a narrowed feed’s title', async () => {
    expect((await read('/feeds/sectors/health.rss?q=award')).title).toBe('mutuals-news: Health (award)');
  });

  it.each([
    ['/feeds/all.xml', 404],
    ['/feeds/everything.rss', 404],
    ['/feeds/sectors/gardening.rss', 404],
    ['/feeds/sectors/constructor.rss', 404],
    ['/feeds/events/party.atom', 404],
    ['/feeds/organisations/no-such-organisation.json', 404],
    ['/feeds/all.rss?limit=500', 400],
    ['/feeds/all.rss?sector=gardening', 400],
    ['/feeds/sectors/health.rss?sector=education', 400],
    ['/feeds/spin-outs.atom?event=other', 400],
  ])('%s is %i with a JSON reason', async (path, status) => {
    const res = await app.request(path);
    expect(res.status).toBe(status);
    expect(await res.json()).toEqual({ error: status === 400 ? 'bad request' : 'not found', detail: expect.any(String) });
  });
});
