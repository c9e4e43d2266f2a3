import type { Hono } from 'hono';
import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import { createStoryRepository } from '../../lambdas/store/story-repository.ts';
import { storyRecord } from '../support/records.ts';
import { appOver, fixtureStories, loadedTable, publishedIds } from './app-fixture.ts';

let app: Hono;
const storyId = (n: number) => fixtureStories.find((s) => s.id.endsWith(`s${n}`))!.id;

// A story built to break a careless page: markup in every text, a script URL.
const hostile = storyRecord({
  id: 'hostile00000000x',
  url: 'javascript:alert(1)',
  title: '<script>alert("title")</script> Evil & co',
  summary: '<img src=x onerror=alert(1)>',
  sourceName: '<b>Outlet</b>',
  published: '2010-01-01T00:00:00.000Z',
  tags: {
    relevant: true,
    relevance: 0.9,
    sectors: ['transport'],
    eventType: 'other',
    organisations: [{ name: '"><svg onload=alert(1)>', kind: 'company' }],
    people: [],
    places: [],
    cluster: 'hostile',
  },
});

beforeAll(async () => {
  const table = await loadedTable();
  await createStoryRepository(table.db, table.tableName).saveNew(hostile, { sourceId: 'x', urls: [hostile.url] });
  app = appOver(table);
});

async function page(path: string, status = 200) {
  const res = await app.request(path, { headers: { accept: 'text/html' } });
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
  const markup = await res.text();
  return { res, markup, document: parseHTML(markup).document };
}

const storyLinks = (document: Document) => [...document.querySelectorAll('ol.stories li strong')].map((s) => s.textContent);
const alternates = (document: Document) =>
  [...document.querySelectorAll('link[rel=alternate]')].map((l) => [l.getAttribute('type'), l.getAttribute('href')]);

describe('the home page', () => {
  it('lists the latest stories with filters, feed links and autodiscovery, loading nothing from elsewhere', async () => {
    const { res, document } = await page('/?limit=3');
    const newest = publishedIds.slice(0, 3).map((id) => fixtureStories.find((s) => s.id === id)!.title);
    expect(storyLinks(document)).toEqual(newest);
    expect([...document.querySelectorAll('form select')].map((s) => s.getAttribute('name'))).toEqual(['sector', 'event', 'organisation']);
    expect(alternates(document)).toEqual([
      ['application/rss+xml', 'http://localhost/feeds/all.rss'],
      ['application/atom+xml', 'http://localhost/feeds/all.atom'],
      ['application/feed+json', 'http://localhost/feeds/all.json'],
    ]);
    expect(document.querySelectorAll('.feeds a')).toHaveLength(3);
    expect(document.querySelectorAll('script, [src], link[rel=stylesheet]')).toHaveLength(0);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
  });

  it('filters as the form asks, an "any" choice filtering nothing', async () => {
    const { document } = await page('/?sector=adult-social-care&event=&organisation=leading-lives&q=');
    expect(storyLinks(document)).toEqual([
      'Minister visits Leading Lives in Ipswich',
      'Leading Lives gets start-up support',
      'Leading Lives leaves Suffolk County Council',
    ]);
    expect(document.querySelector('select[name=sector] option[selected]')?.getAttribute('value')).toBe('adult-social-care');
    expect(alternates(document)[0]).toEqual(['application/rss+xml', 'http://localhost/feeds/organisations/leading-lives.rss?sector=adult-social-care']);
  });

  it('pages with an "older stories" link that keeps the filters', async () => {
    const first = await page('/?sector=health&limit=2');
    const next = first.document.querySelector('a[rel=next]')!.getAttribute('href')!;
    expect(next).toMatch(/^\/\?sector=health&limit=2&cursor=/);
    const second = await page(next);
    expect(storyLinks(second.document)).toEqual(['Central Surrey Health wins award']);
    expect(second.document.querySelector('a[rel=next]')).toBeNull();
  });

  it('escapes every text and links only to web addresses', async () => {
    const { markup, document } = await page('/?sector=transport');
    expect(storyLinks(document)).toEqual([hostile.title]);
    expect(document.querySelectorAll('script, img, svg, b')).toHaveLength(0);
    expect(markup).not.toContain('javascript:');
    expect(document.querySelector('.tag[href^="/organisations/"]')?.textContent).toBe('"><svg onload=alert(1)>');
  });

  it('answers a bad filter with a page saying what was wrong', async () => {
    const { res, document } = await page('/?sector=gardening', 400);
    expect(document.querySelector('h1')?.textContent).toBe('bad request');
    expect(document.querySelector('main')?.textContent).toContain('sector: unknown sector slug');
    expect(res.headers.get('cache-control')).toBe('no-store');
  });
});

describe('organisation pages', () => {
  it('show the profile, lineage, a coverage chart per month, outlets, recent stories and feeds', async () => {
    const { document } = await page('/organisations/leading-lives');
    expect(document.querySelector('h1')?.textContent).toBe('Leading Lives');
    expect(document.querySelector('a[href="/organisations/suffolk-county-council"]')?.textContent).toBe('Suffolk County Council');
    const bars = [...document.querySelectorAll('svg.chart rect title')].map((t) => t.textContent);
    expect(bars).toHaveLength(11);
    expect(bars[0]).toBe('Apr 2012: 2 stories');
    expect(bars.at(-1)).toBe('Feb 2013: 1 story');
    expect([...document.querySelectorAll('table td')].map((td) => td.textContent)).toEqual(['East Anglian Daily Times', '3']);
    expect(storyLinks(document)).toHaveLength(3);
    expect(alternates(document).map(([, href]) => href)).toEqual([
      'http://localhost/feeds/organisations/leading-lives.rss',
      'http://localhost/feeds/organisations/leading-lives.atom',
      'http://localhost/feeds/organisations/leading-lives.json',
    ]);
  });

  it('link the mutuals a public body spun out', async () => {
    const { document } = await page('/organisations/cabinet-office');
    expect(document.querySelector('main a[href="/organisations/mycsp"]')?.textContent).toBe('MyCSP');
  });

  it('list the organisations with their counts, by kind', async () => {
    const { document } = await page('/organisations?kind=mutual');
    const rows = [...document.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent));
    expect(rows[0]).toEqual(['Leading Lives', 'Public service mutual', '3']);
    expect(rows.map((r) => r[1])).toEqual(Array(rows.length).fill('Public service mutual'));
    expect(alternates(document)[1]).toEqual(['application/atom+xml', 'http://localhost/feeds/all.atom']);
  });

  it('are 404 pages for an unknown organisation', async () => {
    const { document } = await page('/organisations/nobody-at-all', 404);
    expect(document.querySelector('main')?.textContent).toContain('no organisation has the slug nobody-at-all');
  });
});

describe('story links', () => {
  it('point at the outlet’s page', async () => {
    const { document } = await page('/?organisation=mycsp');
    expect([...document.querySelectorAll('ol.stories li > a')].map((a) => a.getAttribute('href'))).toEqual([
      `https://pubfin.example.org/news/${storyId(2)}`,
      `https://cswnews.example.org/news/${storyId(1)}`,
    ]);
  });
});
