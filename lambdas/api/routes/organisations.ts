// GET /api/organisations and GET /api/organisations/:slug
import { Hono } from 'hono';
import { baseUrl, type ApiContext } from '../context.ts';
import { notFound, parseInput, presentParams } from '../errors.ts';
import { cachedJson, ITEM_MAX_AGE, LIST_MAX_AGE, newestChange } from '../http-cache.ts';
import { listOrganisations, organisationProfile } from '../organisations.ts';
import { OrganisationListQuery, SLUG } from '../schemas.ts';

export function organisationRoutes(ctx: ApiContext): Hono {
  const routes = new Hono();

  routes.get('/', async (c) => {
    const filter = parseInput(OrganisationListQuery, presentParams(c.req.query()));
    return cachedJson(c, { items: await listOrganisations(ctx, filter) }, { maxAge: LIST_MAX_AGE });
  });

  routes.get('/:slug', async (c) => {
    const slug = c.req.param('slug');
    const profile = SLUG.test(slug) ? await organisationProfile(ctx, slug, baseUrl(ctx, c)) : undefined;
    if (!profile) throw notFound(`no organisation has the slug ${slug}`);
    return cachedJson(c, profile, { maxAge: ITEM_MAX_AGE, lastModified: newestChange(profile.recent) });
  });

  return routes;
}
