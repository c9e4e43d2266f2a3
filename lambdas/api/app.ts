// The one HTTP app: served by Node locally and by API Gateway + Lambda in AWS.
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Hono, type Context } from 'hono';
import { html } from 'hono/html';
import type { KnownOrganisation } from '../core/tag/knowledge.ts';
import { createQueryRepository } from '../store/query-repository.ts';
import { createCurationRepository } from '../store/curation-repository.ts';
import type { ApiContext } from './context.ts';
import { bundledOrganisations, indexOrganisations } from './directory.ts';
import { HttpError } from './errors.ts';
import { renderPage } from './pages/layout.ts';
import { docsRoutes } from './routes/docs.ts';
import { feedRoutes } from './routes/feeds.ts';
import { organisationRoutes } from './routes/organisations.ts';
import { HTML, pageRoutes } from './routes/pages.ts';
import { storyRoutes } from './routes/stories.ts';
import { taxonomyRoutes } from './routes/taxonomy.ts';

export interface AppDeps {
  /** Answers whether the store is reachable; /health reports it. */
  checkStore: () => Promise<boolean>;
  /** The document client and table every read goes to (read-only use). */
  db: DynamoDBDocumentClient;
  tableName: string;
  /** The organisation knowledge base (default: the tagger's bundled one). */
  organisations?: readonly KnownOrganisation[];
  /** The public origin for links in feeds and documents (default: the request's origin). */
  publicUrl?: string;
}

// Machines ask for these paths: their errors are JSON whatever the Accept header says.
const MACHINE_PATHS = /^\/(api|feeds|health|openapi\.json)(\/|$)/;

async function errorAnswer(c: Context, status: 400 | 404 | 500, error: string, detail: string): Promise<Response> {
  c.header('Cache-Control', 'no-store');
  if (!MACHINE_PATHS.test(c.req.path) && c.req.header('accept')?.includes('text/html')) {
    const page = await renderPage({ title: error }, html`<h1>${error}</h1><p>${detail}</p><p><a href="/">The latest stories</a></p>`);
    return c.body(page, status, { 'Content-Type': HTML });
  }
  return c.json({ error, detail }, status);
}

export function createApp(deps: AppDeps): Hono {
  const ctx: ApiContext = {
    queries: createQueryRepository(deps.db, deps.tableName),
    featured: (limit) => createCurationRepository(deps.db, deps.tableName).featured(limit),
    known: indexOrganisations(deps.organisations ?? bundledOrganisations),
    publicUrl: deps.publicUrl,
  };
  const app = new Hono();

  app.get('/health', async (c) => {
    const store = await deps.checkStore().catch(() => false);
    c.header('Cache-Control', 'no-store');
    return c.json({ status: store ? 'ok' : 'degraded', store: store ? 'ok' : 'unreachable' }, store ? 200 : 503);
  });
  app.route('/api/stories', storyRoutes(ctx));
  app.route('/api/organisations', organisationRoutes(ctx));
  app.route('/api', taxonomyRoutes(ctx));
  app.route('/feeds', feedRoutes(ctx));
  app.route('/', docsRoutes());
  app.route('/', pageRoutes(ctx));

  app.notFound((c) => errorAnswer(c, 404, 'not found', `no route for ${c.req.method} ${c.req.path}`));
  // Clients never see internals: the error is logged, the answer is generic.
  app.onError((error, c) => {
    if (error instanceof HttpError) return errorAnswer(c, error.status, error.error, error.detail);
    console.error(JSON.stringify({ level: 'error', message: 'unhandled error', path: c.req.path, error: error.message }));
    return errorAnswer(c, 500, 'internal error', 'the server could not answer this request');
  });

  return app;
}
