// GET /api/sectors and GET /api/events: the taxonomy's slugs with counts of published stories.
import { Hono } from 'hono';
import type { TagFacet } from '../../store/keys.ts';
import { baseUrl, type ApiContext } from '../context.ts';
import { feedLinks } from '../feed-links.ts';
import { cachedJson, LIST_MAX_AGE } from '../http-cache.ts';
import type { FacetListOut } from '../schemas.ts';
import { EVENT_NAMES, SECTOR_NAMES } from '../taxonomy.ts';

/** Counts per slug: one Query (Select COUNT) on each slug's tag partition, all at once. */
async function facetCounts(
  ctx: ApiContext,
  facet: Extract<TagFacet, 'sector' | 'event'>,
  base: string,
): Promise<FacetListOut['items']> {
  const names: Record<string, string> = facet === 'sector' ? SECTOR_NAMES : EVENT_NAMES;
  return Promise.all(
    Object.entries(names).map(async ([slug, name]) => ({
      slug,
      name,
      count: await ctx.queries.countTagged(facet, slug),
      feeds: feedLinks(base, { [facet]: slug }),
    })),
  );
}

export function taxonomyRoutes(ctx: ApiContext): Hono {
  const routes = new Hono();
  routes.get('/sectors', async (c) => cachedJson(c, { items: await facetCounts(ctx, 'sector', baseUrl(ctx, c)) }, { maxAge: LIST_MAX_AGE }));
  routes.get('/events', async (c) => cachedJson(c, { items: await facetCounts(ctx, 'event', baseUrl(ctx, c)) }, { maxAge: LIST_MAX_AGE }));
  return routes;
}
