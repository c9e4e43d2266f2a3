// GET /feeds/{all,spin-outs,featured}.{rss,atom,json} and /feeds/{sectors,events,organisations}/:slug.{…}:
// every feed also takes `limit` and the filters of /api/stories.
import { Hono, type Context } from 'hono';
import { FEED_FORMATS, renderFeed, type FeedFormat } from '../../core/feeds/render-feed.ts';
import type { ListedStory, StoryFilters } from '../../store/query-repository.ts';
import { baseUrl, type ApiContext } from '../context.ts';
import { badRequest, notFound, parseInput, presentParams } from '../errors.ts';
import { cachedResponse, LIST_MAX_AGE, newestChange } from '../http-cache.ts';
import { findOrganisation } from '../organisations.ts';
import { FeedQuery } from '../schemas.ts';
import { combineFilters, filterParams, filtersOf, searchStories } from '../story-search.ts';
import { EVENT_NAMES, SECTOR_NAMES } from '../taxonomy.ts';
import { feedEntry } from '../story-view.ts';

/** What a feed is about: its title, the page it follows and the filters its path sets. */
interface FeedSubject {
  title: string;
  homePath: string;
  filters: StoryFilters;
  /** A list chosen by editors rather than by filters; such a feed takes only `limit`. */
  chosen?: (ctx: ApiContext, limit: number) => Promise<ListedStory[]>;
}

const FEED_FILE = /^([a-z0-9]+(?:-[a-z0-9]+)*)\.(rss|atom|json)$/;
const FEED_FILE_END = /\.(rss|atom|json)$/;

const NAMED: Record<string, FeedSubject> = {
  all: { title: 'All stories', homePath: '/', filters: {} },
  'spin-outs': { title: EVENT_NAMES['spin-out-launch'], homePath: '/?event=spin-out-launch', filters: { event: 'spin-out-launch' } },
  featured: { title: 'Featured by the editors', homePath: '/', filters: {}, chosen: (ctx, limit) => ctx.featured(limit) },
};

function feedFile(c: Context): { slug: string; format: FeedFormat } {
  const match = FEED_FILE.exec(c.req.param('file') ?? '');
  if (!match) throw notFound(`no feed at ${c.req.path}: feeds end in .rss, .atom or .json`);
  return { slug: match[1]!, format: match[2] as FeedFormat };
}

async function serveFeed(c: Context, ctx: ApiContext, subject: FeedSubject, format: FeedFormat): Promise<Response> {
  const query = parseInput(FeedQuery, presentParams(c.req.query()));
  const asked = filtersOf(query);
  const narrowed = filterParams(asked);
  if (subject.chosen && narrowed.size) throw badRequest(`the ${subject.title.toLowerCase()} feed takes only limit`);
  const page = subject.chosen
    ? { items: await subject.chosen(ctx, query.limit) }
    : await searchStories(ctx, combineFilters(subject.filters, asked), { limit: query.limit });
  const base = baseUrl(ctx, c);
  const search = new URL(c.req.url).search;
  const self = (f: FeedFormat) => `${base}${c.req.path.replace(FEED_FILE_END, `.${f}`)}${search}`;
  const lastModified = newestChange(page.items);
  const body = renderFeed(
    format,
    {
      title: `mutuals-news: ${subject.title}${narrowed.size ? ` (${[...narrowed.values()].join(', ')})` : ''}`,
      description: `News about UK public service mutuals: ${subject.title}.`,
      homeUrl: `${base}${subject.homePath}`,
      urls: { rss: self('rss'), atom: self('atom'), json: self('json') },
      updated: lastModified ?? new Date(0),
      publisher: 'mutuals-news',
      language: 'en-GB',
    },
    page.items.map((story) => feedEntry(story, base)),
  );
  return cachedResponse(c, body, FEED_FORMATS[format].contentType, { maxAge: LIST_MAX_AGE, lastModified });
}

export function feedRoutes(ctx: ApiContext): Hono {
  const routes = new Hono();

  routes.get('/sectors/:file', (c) => {
    const { slug, format } = feedFile(c);
    if (!Object.hasOwn(SECTOR_NAMES, slug)) throw notFound(`no sector has the slug ${slug}`);
    const sector = slug as keyof typeof SECTOR_NAMES;
    return serveFeed(c, ctx, { title: SECTOR_NAMES[sector], homePath: `/?sector=${sector}`, filters: { sector } }, format);
  });

  routes.get('/events/:file', (c) => {
    const { slug, format } = feedFile(c);
    if (!Object.hasOwn(EVENT_NAMES, slug)) throw notFound(`no event type has the slug ${slug}`);
    const event = slug as keyof typeof EVENT_NAMES;
    return serveFeed(c, ctx, { title: EVENT_NAMES[event], homePath: `/?event=${event}`, filters: { event } }, format);
  });

  routes.get('/organisations/:file', async (c) => {
    const { slug, format } = feedFile(c);
    const organisation = await findOrganisation(ctx, slug);
    if (!organisation) throw notFound(`no organisation has the slug ${slug}`);
    return serveFeed(c, ctx, { title: organisation.name, homePath: `/organisations/${slug}`, filters: { organisation: slug } }, format);
  });

  routes.get('/:file', (c) => {
    const { slug, format } = feedFile(c);
    const subject = Object.hasOwn(NAMED, slug) ? NAMED[slug] : undefined;
    if (!subject) throw notFound(`no feed is called ${slug}`);
    return serveFeed(c, ctx, subject, format);
  });

  return routes;
}
