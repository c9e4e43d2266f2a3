import type { Hono } from 'hono';
import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import { OPERATIONS } from '../../lambdas/api/openapi.ts';
import { appOver, loadedTable } from './app-fixture.ts';

let app: Hono;

beforeAll(async () => {
  app = appOver(await loadedTable([]));
});

/** Every `$ref` anywhere in a JSON value. */
function refs(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(refs);
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, v]) => (key === '$ref' && typeof v === 'string' ? [v] : refs(v)));
  }
  return [];
}

describe('GET /openapi.json', () => {
  it('is an OpenAPI 3.1 document of every route, its references resolving', async () => {
    const res = await app.request('/openapi.json');
    expect(res.status).toBe(200);
    const doc = (await res.json()) as {
      openapi: string;
      paths: Record<string, { get: { parameters?: Array<{ name: string; in: string }>; responses: Record<string, unknown> } }>;
      components: { schemas: Record<string, unknown> };
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(OPERATIONS.map((op) => op.path));
    for (const ref of refs(doc)) {
      expect(ref).toMatch(/^#\/components\/schemas\//);
      expect(doc.components.schemas).toHaveProperty(ref.split('/').at(-1)!);
    }
    // Path templates and path parameters agree.
    for (const [path, item] of Object.entries(doc.paths)) {
      const templated = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      const declared = (item.get.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name).sort();
      expect(declared, path).toEqual(templated);
    }
    const stories = doc.paths['/api/stories']!.get;
    expect(stories.parameters?.map((p) => p.name)).toEqual(['organisation', 'sector', 'event', 'person', 'place', 'q', 'from', 'to', 'limit', 'cursor']);
    expect(Object.keys(stories.responses)).toEqual(['200', '304', '400']);
    expect(doc.components.schemas.Story).toMatchObject({ required: expect.arrayContaining(['id', 'url', 'title', 'published', 'source', 'cluster']) });
  });
});

describe('GET /docs', () => {
  it('documents every route on one page that loads nothing from elsewhere', async () => {
    const res = await app.request('/docs');
    expect(res.status).toBe(200);
    const { document } = parseHTML(await res.text());
    const documented = [...document.querySelectorAll('h2 code')].map((c) => c.textContent);
    expect(documented).toEqual(OPERATIONS.map((op) => `GET ${op.path}`));
    expect(document.querySelectorAll('script, [src], link[rel=stylesheet]')).toHaveLength(0);
    expect(document.querySelector('#schema-Story')?.textContent).toBe('Story');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
  });
});
