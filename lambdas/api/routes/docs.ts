// GET /openapi.json and GET /docs: the contract, for machines and for people.
import { Hono } from 'hono';
import { cachedResponse, ITEM_MAX_AGE } from '../http-cache.ts';
import { openApiDocument, type OpenApiDocument } from '../openapi.ts';
import { docsPage } from '../pages/docs-page.ts';
import { renderPage } from '../pages/layout.ts';
import { HTML, pageHeaders } from './pages.ts';

export function docsRoutes(): Hono {
  // Built on first use (about 50 ms): a cold start that serves a feed does not pay for it.
  let built: { document: OpenApiDocument; json: string } | undefined;
  const contract = () => {
    if (!built) {
      const document = openApiDocument();
      built = { document, json: JSON.stringify(document) };
    }
    return built;
  };
  const routes = new Hono();
  routes.get('/openapi.json', (c) => cachedResponse(c, contract().json, 'application/json; charset=utf-8', { maxAge: ITEM_MAX_AGE }));
  routes.get('/docs', pageHeaders, async (c) =>
    cachedResponse(c, await renderPage({ title: 'API' }, docsPage(contract().document)), HTML, { maxAge: ITEM_MAX_AGE }),
  );
  return routes;
}
