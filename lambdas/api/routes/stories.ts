// GET /api/stories and GET /api/stories/:id
import { Hono } from 'hono';
import type { ApiContext } from '../context.ts';
import { notFound, parseInput, presentParams } from '../errors.ts';
import { cachedJson, ITEM_MAX_AGE, LIST_MAX_AGE, newestChange } from '../http-cache.ts';
import { StoryListQuery } from '../schemas.ts';
import { filtersOf, searchStories } from '../story-search.ts';
import { publicStory } from '../story-view.ts';

const STORY_ID = /^[A-Za-z0-9_-]{1,128}$/;
const RELATED_STORIES = 10;

export function storyRoutes(ctx: ApiContext): Hono {
  const routes = new Hono();

  routes.get('/', async (c) => {
    const query = parseInput(StoryListQuery, presentParams(c.req.query()));
    const page = await searchStories(ctx, filtersOf(query), { limit: query.limit, cursor: query.cursor });
    return cachedJson(
      c,
      { items: page.items.map(publicStory), nextCursor: page.nextCursor ?? null },
      { maxAge: LIST_MAX_AGE, lastModified: newestChange(page.items) },
    );
  });

  routes.get('/:id', async (c) => {
    const id = c.req.param('id');
    const story = STORY_ID.test(id) ? await ctx.queries.story(id) : undefined;
    // Pending and rejected stories are the editors' business: to the public they do not exist.
    if (story?.status !== 'published') throw notFound(`no published story has the id ${id}`);
    const cluster = story.tags?.cluster;
    const members = cluster ? await ctx.queries.clusterMembers(cluster, RELATED_STORIES + 1) : [];
    const related = members.filter((m) => m.id !== story.id).slice(0, RELATED_STORIES);
    return cachedJson(
      c,
      { ...publicStory(story), related: related.map(publicStory) },
      { maxAge: ITEM_MAX_AGE, lastModified: newestChange([story, ...related]) },
    );
  });

  return routes;
}
