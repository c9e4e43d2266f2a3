import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Hono } from 'hono';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../lambdas/api/app.ts';
import { appOver, loadedTable } from './app-fixture.ts';

let app: Hono;

beforeAll(async () => {
  app = appOver(await loadedTable());
});

afterEach(() => vi.restoreAllMocks());

const tampered = Buffer.from('{"PK":"TAG#sector#health","SK":"x","extra":"y"}').toString('base64url');

describe('bad input is a 400 naming the parameter', () => {
  it.each([
    ['/api/stories?sector=gardening', 'sector: unknown sector slug'],
    ['/api/stories?event=party', 'event: unknown event slug'],
    ['/api/stories?organisation=Leading%20Lives', 'organisation: must be a slug'],
    ['/api/stories?person=-x-', 'person: must be a slug'],
    ['/api/stories?from=2012-13-01', 'from: must be a date'],
    ['/api/stories?to=yesterday', 'to: must be a date'],
    ['/api/stories?from=2013-01-01&to=2012-01-01', 'from: must not be after to'],
    ['/api/stories?limit=0', 'limit: must be a whole number from 1 to 100'],
    ['/api/stories?limit=101', 'limit: must be a whole number from 1 to 100'],
    ['/api/stories?limit=2.5', 'limit: must be a whole number from 1 to 100'],
    ['/api/stories?limit=ten', 'limit: must be a whole number from 1 to 100'],
    ['/api/stories?cursor=%3D%3D', 'cursor: malformed'],
    ['/api/stories?cursor=bm90LWpzb24', 'cursor: not a cursor this API made'],
    [`/api/stories?sector=health&cursor=${tampered}`, 'cursor: not a cursor this API made'],
    [`/api/stories?q=${'x'.repeat(201)}`, 'q: must be at most 200 characters'],
    ['/api/organisations?kind=charity', 'kind: unknown organisation kind'],
    ['/feeds/all.json?to=2012-02-30', 'to: must be a date'],
  ])('%s', async (path, detail) => {
    const res = await app.request(path);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: string; detail: string };
    expect(body.error).toBe('bad request');
    expect(body.detail).toContain(detail);
  });

  it('names every wrong parameter at once', async () => {
    const res = await app.request('/api/stories?sector=x&limit=0');
    expect(((await res.json()) as { detail: string }).detail).toBe(
      'sector: unknown sector slug (GET /api/sectors lists them); limit: must be a whole number from 1 to 100',
    );
  });
});

describe('unknown things are 404', () => {
  it.each(['/api/nothing', '/api/stories/ffffffffffffffff', '/api/organisations/nobody', '/feeds', '/feeds/sectors/health'])('%s', async (path) => {
    const res = await app.request(path);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: 'not found', detail: expect.any(String) });
  });
});

describe('failures', () => {
  const secret = 'ResourceNotFoundException: table arn:aws:dynamodb:eu-west-2:123456789012:table/secret';
  const broken = createApp({
    checkStore: async () => {
      throw new Error(secret);
    },
    db: { send: async () => Promise.reject(new Error(secret)) } as unknown as DynamoDBDocumentClient,
    tableName: 'secret',
  });

  it.each(['/api/stories', '/feeds/all.rss', '/api/organisations/mycsp', '/'])('%s is a 500 that shows no internals', async (path) => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const res = await broken.request(path);
    expect(res.status).toBe(500);
    const body = await res.text();
    expect(body).not.toContain('secret');
    expect(body).not.toMatch(/\bat \S+ \(/);
    expect(JSON.parse(body)).toEqual({ error: 'internal error', detail: 'the server could not answer this request' });
    expect(logged).toHaveBeenCalledWith(expect.stringContaining(secret));
  });

  it('reports an unreachable store on /health', async () => {
    const res = await broken.request('/health');
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ status: 'degraded', store: 'unreachable' });
  });
});
