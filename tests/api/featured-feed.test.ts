import { describe, expect, it } from 'vitest';
import { createCurationRepository } from '../../lambdas/store/curation-repository.ts';
import { createStoryRepository } from '../../lambdas/store/story-repository.ts';
import { readWithFeedparser } from '../core/feeds/readers.ts';
import { appOver, loadedTable, publishedIds } from './app-fixture.ts';

describe('/feeds/featured', () => {
  it('carries the published stories editors featured, newest first, and takes no filters', async () => {
    const table = await loadedTable();
    const stories = createStoryRepository(table.db, table.tableName);
    const curation = createCurationRepository(table.db, table.tableName);
    const chosen = [publishedIds[3]!, publishedIds[1]!];
    for (const id of chosen) {
      const story = (await stories.get(id))!;
      await stories.replace(story, { ...story, featured: true });
      await curation.markFeatured(story);
    }
    const app = appOver(table);

    const res = await app.request('/feeds/featured.rss');
    expect(res.status).toBe(200);
    const feed = readWithFeedparser(await res.text());
    expect(feed.bozo, feed.error).toBe(false);
    expect(feed.entries.map((e) => e.id)).toEqual([publishedIds[1], publishedIds[3]].map((id) => `urn:mutuals-news:story:${id}`));

    const json = await app.request('/feeds/featured.json');
    expect(((await json.json()) as { items: unknown[] }).items).toHaveLength(2);

    const filtered = await app.request('/feeds/featured.atom?sector=health');
    expect(filtered.status).toBe(400);
    expect(await filtered.json()).toMatchObject({ error: expect.any(String), detail: expect.stringMatching(/only limit/) });
  });
});
