// The web pages: `/`, `/organisations` and `/organisations/:slug`.
import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { baseUrl, type ApiContext } from '../context.ts';
import { feedLinks } from '../feed-links.ts';
import { notFound, parseInput, presentParams } from '../errors.ts';
import { cachedResponse, ITEM_MAX_AGE, LIST_MAX_AGE, newestChange } from '../http-cache.ts';
import { listOrganisations, organisationProfile } from '../organisations.ts';
import { homePage } from '../pages/home-page.ts';
import { renderPage } from '../pages/layout.ts';
import { organisationPage, organisationsPage } from '../pages/organisation-pages.ts';
import { OrganisationListQuery, SLUG, StoryListQuery } from '../schemas.ts';
import { filterParams, filtersOf, searchStories } from '../story-search.ts';
import { publicStory } from '../story-view.ts';

export const HTML = 'text/html; charset=utf-8';

/** Pages load nothing from elsewhere and run no script: the policy forbids both. */
export const pageHeaders = secureHeaders({
  contentSecurityPolicy: {
    defaultSrc: ["'none'"],
    styleSrc: ["'unsafe-inline'"],
    imgSrc: ["'self'", 'data:'],
    formAction: ["'self'"],
    baseUri: ["'none'"],
    frameAncestors: ["'none'"],
  },
});

export function pageRoutes(ctx: ApiContext): Hono {
  const routes = new Hono();

  routes.get('/', pageHeaders, async (c) => {
    const query = parseInput(StoryListQuery, presentParams(c.req.query()));
    const filters = filtersOf(query);
    const [page, organisations] = await Promise.all([
      searchStories(ctx, filters, { limit: query.limit, cursor: query.cursor }),
      listOrganisations(ctx),
    ]);
    const next = filterParams(filters);
    if (c.req.query('limit')) next.set('limit', String(query.limit));
    if (page.nextCursor) next.set('cursor', page.nextCursor);
    const feeds = feedLinks(baseUrl(ctx, c), filters);
    const body = await renderPage(
      { title: 'Latest stories', feeds },
      homePage({
        filters,
        stories: page.items.map(publicStory),
        nextHref: page.nextCursor ? `/?${next}` : undefined,
        organisations: organisations.filter((o) => o.count > 0),
        feeds,
      }),
    );
    return cachedResponse(c, body, HTML, { maxAge: LIST_MAX_AGE, lastModified: newestChange(page.items) });
  });

  routes.get('/organisations', pageHeaders, async (c) => {
    const filter = parseInput(OrganisationListQuery, presentParams(c.req.query()));
    const body = await renderPage(
      { title: 'Organisations', feeds: feedLinks(baseUrl(ctx, c), {}) },
      organisationsPage(await listOrganisations(ctx, filter), filter.kind),
    );
    return cachedResponse(c, body, HTML, { maxAge: LIST_MAX_AGE });
  });

  routes.get('/organisations/:slug', pageHeaders, async (c) => {
    const slug = c.req.param('slug');
    const profile = SLUG.test(slug) ? await organisationProfile(ctx, slug, baseUrl(ctx, c)) : undefined;
    if (!profile) throw notFound(`no organisation has the slug ${slug}`);
    const body = await renderPage(
      { title: profile.name, feeds: profile.feeds },
      organisationPage(profile, (other) => ctx.known.has(other)),
    );
    return cachedResponse(c, body, HTML, { maxAge: ITEM_MAX_AGE, lastModified: newestChange(profile.recent) });
  });

  return routes;
}
