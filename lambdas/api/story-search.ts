// Finding stories for the API, the feeds and the pages: one query path for all three.
import { CursorError, type StoryFilters, type StoryPage } from '../store/query-repository.ts';
import type { ApiContext } from './context.ts';
import { badRequest } from './errors.ts';

const FILTER_NAMES = ['organisation', 'sector', 'event', 'person', 'place', 'q', 'from', 'to'] as const;

/** The story filters among parsed query parameters (an empty `q` is no filter). */
export function filtersOf(query: StoryFilters & Record<string, unknown>): StoryFilters {
  const filters: Record<string, string> = {};
  for (const name of FILTER_NAMES) {
    const value = query[name];
    if (typeof value === 'string' && value !== '') filters[name] = value;
  }
  return filters as StoryFilters;
}

/** Filters as query parameters, for links that reproduce a list. */
export function filterParams(filters: StoryFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const name of FILTER_NAMES) if (filters[name]) params.set(name, filters[name]);
  return params;
}

/** Filters fixed by a route (the feed's subject) with those of the query string; a clash is a 400. */
export function combineFilters(fixed: StoryFilters, asked: StoryFilters): StoryFilters {
  for (const name of FILTER_NAMES) {
    if (fixed[name] && asked[name] && fixed[name] !== asked[name]) {
      throw badRequest(`${name}: this feed is already limited to ${name} ${fixed[name]}`);
    }
  }
  return { ...asked, ...fixed };
}

export async function searchStories(ctx: ApiContext, filters: StoryFilters, page: { limit: number; cursor?: string }): Promise<StoryPage> {
  try {
    return await ctx.queries.stories(filters, page);
  } catch (error) {
    if (error instanceof CursorError) throw badRequest(error.message);
    throw error;
  }
}
