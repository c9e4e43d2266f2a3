import { PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { keys } from '../../lambdas/store/keys.ts';
import { createQueryRepository, CursorError, type QueryRepository, type StoryFilters } from '../../lambdas/store/query-repository.ts';
import { fixtureStories, loadedTable, publishedIds, type LoadedTable } from '../api/app-fixture.ts';

let table: LoadedTable;
let queries: QueryRepository;

// Fixture ids end in their number: s1 … s12 (tests/fixtures/api/stories.jsonl).
const id = (n: number) => fixtureStories.find((s) => s.id.endsWith(`s${n}`))!.id;
const ids = (...ns: number[]) => ns.map(id);

beforeAll(async () => {
  table = await loadedTable();
  queries = createQueryRepository(table.db, table.tableName);
});

describe('stories', () => {
  it('lists published stories only, newest first', async () => {
    const page = await queries.stories({}, { limit: 50 });
    expect(page.items.map((s) => s.id)).toEqual(publishedIds);
    expect(page.nextCursor).toBeUndefined();
    expect(page.items.every((s) => !('text' in s))).toBe(true);
  });

  it.each<[string, StoryFilters, string[]]>([
    ['an organisation (its pending story left out)', { organisation: 'mycsp' }, ids(2, 1)],
    ['a sector', { sector: 'adult-social-care' }, ids(6, 5, 12, 4)],
    ['an event', { event: 'spin-out-launch' }, ids(9, 2, 1, 4)],
    ['a person', { person: 'francis-maude' }, ids(8, 5, 1, 11)],
    ['a place', { place: 'ipswich' }, ids(5, 4)],
    ['two facets', { organisation: 'leading-lives', event: 'spin-out-launch' }, ids(4)],
    ['a facet and words', { sector: 'health', q: 'contract' }, ids(6)],
    ['words, case and accents ignored', { q: 'SÍRONA care' }, ids(6)],
    ['a month', { from: '2012-04-01', to: '2012-04-30' }, ids(12, 10, 4)],
    ['a lower bound', { from: '2013-01-01' }, ids(9, 8, 6, 5)],
    ['an upper bound, its whole day included', { to: '2012-04-02' }, ids(4, 11)],
    ['an instant', { from: '2012-05-01T09:00:00.000Z', to: '2012-05-01T09:00:00.000Z' }, ids(1)],
    ['a facet and dates', { organisation: 'mycsp', to: '2012-05-01' }, ids(1)],
    ['nothing matching', { organisation: 'no-such-organisation' }, []],
  ])('filters by %s', async (_what, filters, expected) => {
    const page = await queries.stories(filters, { limit: 50 });
    expect(page.items.map((s) => s.id)).toEqual(expected);
  });

  it.each<[string, StoryFilters]>([
    ['the status index', {}],
    ['a tag partition', { sector: 'adult-social-care' }],
    ['a filtered tag partition', { person: 'francis-maude', q: 'mutuals' }],
  ])('pages through %s with cursors, each story once', async (_what, filters) => {
    const all = (await queries.stories(filters, { limit: 50 })).items.map((s) => s.id);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await queries.stories(filters, { limit: 2, cursor });
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((s) => s.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all);
  });

  it.each<[string, string, StoryFilters]>([
    ['not base64 JSON', 'bm90LWpzb24', {}],
    ['JSON without the keys', Buffer.from('{"PK":"x"}').toString('base64url'), {}],
    ['JSON of another shape', Buffer.from('[1,2]').toString('base64url'), {}],
  ])('refuses a cursor that is %s', async (_what, cursor, filters) => {
    await expect(queries.stories(filters, { limit: 2, cursor })).rejects.toBeInstanceOf(CursorError);
  });

  it('refuses a cursor made for another list or outside the dates asked', async () => {
    const { nextCursor } = await queries.stories({ sector: 'adult-social-care' }, { limit: 1 });
    expect(nextCursor).toBeDefined();
    await expect(queries.stories({ sector: 'health' }, { limit: 1, cursor: nextCursor })).rejects.toThrow(/another list/);
    await expect(queries.stories({}, { limit: 1, cursor: nextCursor })).rejects.toBeInstanceOf(CursorError);
    await expect(queries.stories({ sector: 'adult-social-care', to: '2012-12-31' }, { limit: 1, cursor: nextCursor })).rejects.toThrow(
      /another list/,
    );
  });

  it('reads a bounded number of pages, then hands back a cursor that resumes there', async () => {
    const sent: Array<{ input: { ExclusiveStartKey?: unknown } }> = [];
    let n = 0;
    const endless = {
      send: async (command: { input: { ExclusiveStartKey?: unknown } }) => {
        sent.push(command);
        n += 1;
        const sk = `2012-01-01T00:00:00.000Z#${String(1000 - n).padStart(4, '0')}`;
        const card = { ...fixtureStories[0]!, title: 'nothing to find', summary: '' };
        return { Items: [{ PK: 'TAG#organisation#mycsp', SK: sk, status: 'published', card }], LastEvaluatedKey: { PK: 'TAG#organisation#mycsp', SK: sk } };
      },
    } as unknown as DynamoDBDocumentClient;
    const bounded = createQueryRepository(endless, 'table');
    const page = await bounded.stories({ organisation: 'mycsp', q: 'absent' }, { limit: 5 });
    expect(page.items).toEqual([]);
    expect(sent).toHaveLength(10);
    const resumed = sent.length;
    await bounded.stories({ organisation: 'mycsp', q: 'absent' }, { limit: 5, cursor: page.nextCursor });
    expect(sent[resumed]!.input.ExclusiveStartKey).toEqual({ PK: 'TAG#organisation#mycsp', SK: '2012-01-01T00:00:00.000Z#0990' });
  });
});

describe('single items and partitions', () => {
  it('gets a story by id whatever its status', async () => {
    expect((await queries.story(id(3)))?.status).toBe('pending');
    expect((await queries.story(id(1)))?.text).toContain('MyCSP');
    expect(await queries.story('no-such-story')).toBeUndefined();
  });

  it('lists the published members of a cluster', async () => {
    expect((await queries.clusterMembers('mycsp-launch', 10)).map((s) => s.id)).toEqual(ids(2, 1));
    expect((await queries.clusterMembers('mycsp-launch', 1)).map((s) => s.id)).toEqual(ids(2));
  });

  it('reads coverage per month and in all', async () => {
    expect(await queries.coverage('leading-lives')).toEqual({ total: 3, months: { '2012-04': 2, '2013-02': 1 } });
    expect(await queries.coverage('nobody')).toEqual({ total: 0, months: {} });
  });

  it('reads totals for more organisations than one BatchGetItem takes', async () => {
    const many = ['mycsp', 'cabinet-office', ...Array.from({ length: 150 }, (_, n) => `unknown-${n}`)];
    const totals = await queries.totals(many);
    expect(totals.size).toBe(152);
    expect(totals.get('mycsp')).toBe(2);
    expect(totals.get('cabinet-office')).toBe(5);
    expect(totals.get('unknown-149')).toBe(0);
  });

  it('counts the outlets that covered an organisation, within a bound', async () => {
    expect(await queries.outlets('cabinet-office', 2000)).toEqual({
      outlets: [
        { id: 'cswnews', name: 'Civil Service World', count: 3 },
        { id: 'eadt', name: 'East Anglian Daily Times', count: 1 },
        { id: 'pubfin', name: 'Public Finance', count: 1 },
      ],
      complete: true,
    });
    // The two newest: s8 (Civil Service World) and s5 (East Anglian Daily Times).
    expect(await queries.outlets('cabinet-office', 2)).toEqual({
      outlets: [
        { id: 'cswnews', name: 'Civil Service World', count: 1 },
        { id: 'eadt', name: 'East Anglian Daily Times', count: 1 },
      ],
      complete: false,
    });
  });

  it.each([
    ['sector', 'adult-social-care', 4],
    ['sector', 'corporate-services', 2],
    ['event', 'spin-out-launch', 4],
    ['event', 'other', 0],
  ] as const)('counts published stories under %s %s', async (facet, slug, count) => {
    expect(await queries.countTagged(facet, slug)).toBe(count);
  });

  it('lists organisation profile items from the registry', async () => {
    expect(await queries.organisationProfiles()).toEqual([]);
    const profile = { name: 'Westfield Community Care', kind: 'mutual', sectors: ['health'], year: 2014 };
    await table.db.send(
      new PutCommand({
        TableName: table.tableName,
        Item: { ...keys.organisation('westfield-community-care'), ...keys.organisationByName(profile.name), ...profile },
      }),
    );
    expect(await queries.organisationProfiles()).toEqual([{ ...profile, slug: 'westfield-community-care' }]);
  });
});
