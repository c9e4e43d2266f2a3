import { beforeAll, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import { Story, StoryDetail, StoryPage } from '../../lambdas/api/schemas.ts';
import { appOver, fixtureStories, loadedTable, publishedIds } from './app-fixture.ts';

let app: Hono;
const id = (n: number) => fixtureStories.find((s) => s.id.endsWith(`s${n}`))!.id;

beforeAll(async () => {
  app = appOver(await loadedTable());
});

const getJson = async (path: string) => {
  const res = await app.request(path);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

describe('GET /api/stories', () => {
  it('lists published stories newest first, in the documented shape', async () => {
    const { status, body } = await getJson('/api/stories?limit=100');
    expect(status).toBe(200);
    const page = StoryPage.parse(body);
    expect(page.items.map((s) => s.id)).toEqual(publishedIds);
    expect(page.nextCursor).toBeNull();
  });

  it('carries the fields a client relies on', async () => {
    const { body } = await getJson('/api/stories?organisation=sirona-care-health');
    const [story] = StoryPage.parse(body).items;
    expect(story).toEqual({
      id: id(6),
      url: `https://pubfin.example.org/news/${id(6)}`,
      title: 'Sirona care & health wins <community> contract',
      published: '2013-03-15T09:15:00.000Z',
      author: 'Jo Bloggs',
      source: { id: 'pubfin', name: 'Public Finance' },
      summary: 'Sirona care & health, the Bath "social enterprise", won a contract for community services.',
      sectors: ['health', 'adult-social-care'],
      eventType: 'contract-news',
      organisations: [{ name: 'Sirona care & health', kind: 'mutual', slug: 'sirona-care-health' }],
      people: [],
      places: ['Bath'],
      cluster: `cluster-${id(6)}`,
    });
  });

  it.each([
    ['organisation=leading-lives', [5, 12, 4]],
    ['sector=adult-social-care&event=spin-out-launch', [4]],
    ['person=francis-maude&place=london', [8, 1]],
    ['event=spin-out-launch&from=2012-05-01&to=2014-01-01', [2, 1]],
    ['q=pathfinders', [11]],
    ['q=&sector=health', [9, 6, 10]],
    ['from=2012-05-01T10:00:00%2B01:00', [9, 8, 6, 5, 2, 1]],
  ])('filters: %s', async (query, expected) => {
    const { body } = await getJson(`/api/stories?${query}`);
    expect(StoryPage.parse(body).items.map((s) => s.id)).toEqual(expected.map(id));
  });

  it('pages with nextCursor until the end', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const { body } = await getJson(`/api/stories?limit=4${cursor ? `&cursor=${cursor}` : ''}`);
      const page = StoryPage.parse(body);
      seen.push(...page.items.map((s) => s.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(publishedIds);
  });
});

describe('GET /api/stories/:id', () => {
  it('answers a published story with the rest of its cluster', async () => {
    const { status, body } = await getJson(`/api/stories/${id(1)}`);
    expect(status).toBe(200);
    const story = StoryDetail.parse(body);
    expect(story.title).toBe('MyCSP becomes a mutual joint venture');
    expect(story.related.map((s) => s.id)).toEqual([id(2)]);
    expect(body).not.toHaveProperty('text');
  });

  it('answers a story alone in its cluster with no related stories', async () => {
    const { body } = await getJson(`/api/stories/${id(9)}`);
    expect(StoryDetail.parse(body).related).toEqual([]);
    expect(Story.parse(body).id).toBe(id(9));
  });

  it.each([
    ['pending', id(3)],
    ['rejected', id(7)],
    ['unknown', 'ffffffffffffffff'],
    ['malformed', 'not%20an%20id'],
  ])('is 404 for a %s story', async (_what, storyId) => {
    const { status, body } = await getJson(`/api/stories/${storyId}`);
    expect(status).toBe(404);
    expect(body).toEqual({ error: 'not found', detail: expect.stringContaining('no published story') });
  });
});
