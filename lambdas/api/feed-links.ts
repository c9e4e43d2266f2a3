// Where the feed of a list lives: the named feed of its main subject, other filters as parameters.
import type { FeedFormat } from '../core/feeds/render-feed.ts';
import type { StoryFilters } from '../store/query-repository.ts';
import type { FeedLinksOut } from './schemas.ts';
import { filterParams } from './story-search.ts';

function feedPath(filters: StoryFilters): string {
  if (filters.organisation) return `/feeds/organisations/${filters.organisation}`;
  if (filters.sector) return `/feeds/sectors/${filters.sector}`;
  if (filters.event === 'spin-out-launch') return '/feeds/spin-outs';
  if (filters.event) return `/feeds/events/${filters.event}`;
  return '/feeds/all';
}

/** The three formats of the feed for these filters, as absolute URLs. */
export function feedLinks(base: string, filters: StoryFilters): FeedLinksOut {
  const params = filterParams(filters);
  // The subject is in the path: the parameters carry only the rest.
  if (filters.organisation) params.delete('organisation');
  else if (filters.sector) params.delete('sector');
  else if (filters.event) params.delete('event');
  const query = params.size ? `?${params}` : '';
  const link = (format: FeedFormat) => `${base}${feedPath(filters)}.${format}${query}`;
  return { rss: link('rss'), atom: link('atom'), json: link('json') };
}
