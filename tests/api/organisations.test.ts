import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Hono } from 'hono';
import { beforeAll, describe, expect, it } from 'vitest';
import { FacetList, OrganisationList, OrganisationProfile } from '../../lambdas/api/schemas.ts';
import { keys } from '../../lambdas/store/keys.ts';
import { appOver, fixtureStories, knowledgeBase, loadedTable, type LoadedTable } from './app-fixture.ts';

let table: LoadedTable;
let app: Hono;
const id = (n: number) => fixtureStories.find((s) => s.id.endsWith(`s${n}`))!.id;

beforeAll(async () => {
  table = await loadedTable();
  app = appOver(table);
});

const getJson = async (path: string) => {
  const res = await app.request(path);
  return { status: res.status, body: (await res.json()) as unknown };
};

describe('GET /api/organisations', () => {
  it('lists the knowledge base with counts of published stories, most covered first', async () => {
    const { status, body } = await getJson('/api/organisations');
    expect(status).toBe(200);
    const { items } = OrganisationList.parse(body);
    expect(items).toHaveLength(knowledgeBase.length);
    expect(items.slice(0, 3)).toEqual([
      { slug: 'cabinet-office', name: 'Cabinet Office', kind: 'government', sectors: [], count: 5 },
      { slug: 'leading-lives', name: 'Leading Lives', kind: 'mutual', sectors: ['adult-social-care'], count: 3 },
      { slug: 'mycsp', name: 'MyCSP', kind: 'mutual', sectors: ['corporate-services'], count: 2 },
    ]);
    expect(items.at(-1)).toMatchObject({ slug: 'explore-york-libraries-and-archives', count: 0 });
  });

  it.each([
    ['kind=local-authority', ['suffolk-county-council']],
    ['sector=health', ['central-surrey-health', 'sirona-care-health']],
    ['kind=mutual&sector=adult-social-care', ['leading-lives', 'sirona-care-health']],
  ])('filters: %s', async (query, slugs) => {
    const { body } = await getJson(`/api/organisations?${query}`);
    expect(OrganisationList.parse(body).items.map((o) => o.slug)).toEqual(slugs);
  });
});

describe('GET /api/organisations/:slug', () => {
  it('describes an organisation: profile, lineage, coverage, outlets, recent stories, feeds', async () => {
    const { status, body } = await getJson('/api/organisations/mycsp');
    expect(status).toBe(200);
    const profile = OrganisationProfile.parse(body);
    expect(profile).toMatchObject({
      slug: 'mycsp',
      name: 'MyCSP',
      kind: 'mutual',
      aliases: ['My Civil Service Pension'],
      sectors: ['corporate-services'],
      region: 'North West',
      lineage: { spunOutFrom: { name: 'Cabinet Office', slug: 'cabinet-office' }, year: 2012, spinOuts: [] },
      count: 2,
      coverage: { '2012-05': 2 },
      outlets: [
        { id: 'cswnews', name: 'Civil Service World', count: 1 },
        { id: 'pubfin', name: 'Public Finance', count: 1 },
      ],
      outletsComplete: true,
      feeds: { rss: 'http://localhost/feeds/organisations/mycsp.rss' },
    });
    expect(profile.recent.map((s) => s.id)).toEqual([id(2), id(1)]);
  });

  it('names the mutuals that spun out of a public body', async () => {
    const { body } = await getJson('/api/organisations/cabinet-office');
    const profile = OrganisationProfile.parse(body);
    expect(profile.lineage).toEqual({ spunOutFrom: null, year: null, spinOuts: [{ name: 'MyCSP', slug: 'mycsp', year: 2012 }] });
    expect(profile.coverage).toEqual({ '2011-08': 1, '2012-05': 2, '2013-02': 1, '2014-01': 1 });
  });

  it('describes an organisation the knowledge base lacks from its stories, when it has coverage', async () => {
    const { status, body } = await getJson('/api/organisations/westfield-community-care');
    expect(status).toBe(200);
    expect(OrganisationProfile.parse(body)).toMatchObject({ name: 'Westfield Community Care', kind: 'mutual', count: 1, aliases: [] });
  });

  it.each(['no-such-organisation', 'nationwide', 'Not_A_Slug'])('is 404 for %s (unknown, or rejected coverage only)', async (slug) => {
    const { status, body } = await getJson(`/api/organisations/${slug}`);
    expect(status).toBe(404);
    expect(body).toEqual({ error: 'not found', detail: `no organisation has the slug ${slug}` });
  });
});

describe('the organisation registry', () => {
  it('lists a registered organisation the knowledge base lacks, and lets a profile item correct the bundled one', async () => {
    const put = (slug: string, item: Record<string, unknown>) =>
      table.db.send(
        new PutCommand({ TableName: table.tableName, Item: { ...keys.organisation(slug), ...keys.organisationByName(String(item.name)), ...item } }),
      );
    await put('westfield-community-care', { name: 'Westfield Community Care', kind: 'mutual', sectors: ['health'] });
    await put('leading-lives', { name: 'Leading Lives', kind: 'mutual', sectors: ['adult-social-care'], region: 'Suffolk' });
    const { body } = await getJson('/api/organisations?sector=health');
    expect(OrganisationList.parse(body).items.map((o) => [o.slug, o.count])).toEqual([
      ['central-surrey-health', 1],
      ['sirona-care-health', 1],
      ['westfield-community-care', 1],
    ]);
    const { body: profile } = await getJson('/api/organisations/leading-lives');
    expect(OrganisationProfile.parse(profile)).toMatchObject({ region: 'Suffolk', aliases: ['Leading Lives Ltd'], lineage: { year: 2012 } });
  });
});

describe('GET /api/sectors and /api/events', () => {
  it('gives every sector with its count of published stories and its feeds', async () => {
    const { body } = await getJson('/api/sectors');
    const { items } = FacetList.parse(body);
    expect(items).toHaveLength(15);
    const counts = Object.fromEntries(items.map((i) => [i.slug, i.count]));
    expect(counts).toMatchObject({ health: 3, 'adult-social-care': 4, 'corporate-services': 2, transport: 0 });
    expect(items.find((i) => i.slug === 'health')).toMatchObject({
      name: 'Health',
      feeds: { atom: 'http://localhost/feeds/sectors/health.atom' },
    });
  });

  it('gives every event type with its count of published stories', async () => {
    const { body } = await getJson('/api/events');
    const { items } = FacetList.parse(body);
    expect(items.map((i) => i.slug)).toContain('spin-out-plan');
    const counts = Object.fromEntries(items.map((i) => [i.slug, i.count]));
    expect(counts).toMatchObject({ 'spin-out-launch': 4, 'ministerial-visit': 1, other: 0 });
    expect(items.find((i) => i.slug === 'spin-out-launch')?.feeds.json).toBe('http://localhost/feeds/spin-outs.json');
  });
});
