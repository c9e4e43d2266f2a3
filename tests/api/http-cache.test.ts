import type { Hono } from 'hono';
import { beforeAll, describe, expect, it } from 'vitest';
import { isNotModified } from '../../lambdas/api/http-cache.ts';
import { appOver, loadedTable } from './app-fixture.ts';

let app: Hono;

beforeAll(async () => {
  app = appOver(await loadedTable());
});

describe('isNotModified', () => {
  const etag = '"abc"';
  const modified = new Date('2014-03-03T11:00:00.500Z');
  it.each<[string, { ifNoneMatch?: string; ifModifiedSince?: string }, boolean]>([
    ['the same tag', { ifNoneMatch: '"abc"' }, true],
    ['the tag among others, weak', { ifNoneMatch: '"x", W/"abc"' }, true],
    ['any tag', { ifNoneMatch: '*' }, true],
    ['another tag', { ifNoneMatch: '"xyz"' }, false],
    ['another tag, even with a later date (the tag decides)', { ifNoneMatch: '"xyz"', ifModifiedSince: 'Tue, 01 Jan 2030 00:00:00 GMT' }, false],
    ['the same second', { ifModifiedSince: 'Mon, 03 Mar 2014 11:00:00 GMT' }, true],
    ['a later date', { ifModifiedSince: 'Tue, 04 Mar 2014 00:00:00 GMT' }, true],
    ['an earlier date', { ifModifiedSince: 'Mon, 03 Mar 2014 10:59:59 GMT' }, false],
    ['a date that is not one', { ifModifiedSince: 'yesterday' }, false],
    ['no validator', {}, false],
  ])('%s', (_what, headers, expected) => {
    expect(isNotModified(headers, etag, modified)).toBe(expected);
  });
});

describe('conditional GET on every cached route', () => {
  it.each([
    ['/api/stories?sector=health', 'public, max-age=60', true],
    ['/api/stories/a1000000000000s1', 'public, max-age=300', true],
    ['/api/organisations', 'public, max-age=60', false],
    ['/api/organisations/leading-lives', 'public, max-age=300', true],
    ['/api/sectors', 'public, max-age=60', false],
    ['/api/events', 'public, max-age=60', false],
    ['/feeds/all.rss', 'public, max-age=60', true],
    ['/feeds/sectors/health.atom', 'public, max-age=60', true],
    ['/feeds/organisations/mycsp.json', 'public, max-age=60', true],
    ['/', 'public, max-age=60', true],
    ['/organisations', 'public, max-age=60', false],
    ['/organisations/mycsp', 'public, max-age=300', true],
    ['/openapi.json', 'public, max-age=300', false],
    ['/docs', 'public, max-age=300', false],
  ])('%s: validators, Cache-Control, 304 on revalidation', async (path, cacheControl, dated) => {
    const first = await app.request(path);
    expect(first.status).toBe(200);
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    expect(first.headers.get('cache-control')).toBe(cacheControl);
    const lastModified = first.headers.get('last-modified');
    expect(lastModified !== null).toBe(dated);

    const byTag = await app.request(path, { headers: { 'If-None-Match': etag } });
    expect(byTag.status).toBe(304);
    expect(await byTag.text()).toBe('');
    expect(byTag.headers.get('etag')).toBe(etag);

    const changed = await app.request(path, { headers: { 'If-None-Match': '"something-else"' } });
    expect(changed.status).toBe(200);

    if (lastModified) {
      const byDate = await app.request(path, { headers: { 'If-Modified-Since': lastModified } });
      expect(byDate.status).toBe(304);
      const before = new Date(Date.parse(lastModified) - 1000).toUTCString();
      expect((await app.request(path, { headers: { 'If-Modified-Since': before } })).status).toBe(200);
    }
  });

  it('dates a list by its newest story, and the same list twice has the same tag', async () => {
    const a = await app.request('/api/stories?organisation=mycsp');
    const b = await app.request('/api/stories?organisation=mycsp');
    // s2 was published 2012-05-02T10:30Z and fetched two hours later.
    expect(a.headers.get('last-modified')).toBe('Wed, 02 May 2012 12:30:00 GMT');
    expect(a.headers.get('etag')).toBe(b.headers.get('etag'));
    expect((await app.request('/api/stories?organisation=leading-lives')).headers.get('etag')).not.toBe(a.headers.get('etag'));
  });

  it('answers HEAD with the headers of GET and no body', async () => {
    const get = await app.request('/feeds/all.atom');
    const head = await app.request('/feeds/all.atom', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('etag')).toBe(get.headers.get('etag'));
    expect(await head.text()).toBe('');
  });

  it('errors and health are not cached', async () => {
    expect((await app.request('/api/stories?limit=0')).headers.get('cache-control')).toBe('no-store');
    expect((await app.request('/api/stories/ffffffffffffffff')).headers.get('cache-control')).toBe('no-store');
    expect((await app.request('/health')).headers.get('cache-control')).toBe('no-store');
  });
});
