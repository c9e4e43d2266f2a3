import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { keys } from '../../lambdas/store/keys.ts';
import { createStoryRepository, StaleVersionError, type DynamoStoryRepository } from '../../lambdas/store/story-repository.ts';
import { freshTable } from '../support/dynamo.ts';
import { storyRecord } from '../support/records.ts';

let table: Awaited<ReturnType<typeof freshTable>>;
let stories: DynamoStoryRepository;

const counter = async (org: string, sk: string) => {
  const out = await table.db.send(new GetCommand({ TableName: table.tableName, Key: { PK: keys.coveragePartition(org), SK: sk } }));
  return out.Item?.count as number | undefined;
};
const tagIndex = async (facet: string, slug: string) => {
  const out = await table.db.send(
    new QueryCommand({
      TableName: table.tableName,
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': `TAG#${facet}#${slug}` },
    }),
  );
  return out.Items ?? [];
};

beforeAll(async () => {
  table = await freshTable();
  stories = createStoryRepository(table.db, table.tableName);
});

describe('story repository on DynamoDB Local', () => {
  it('stores a story once: a second save is a duplicate and counts nothing twice', async () => {
    const record = storyRecord({ id: 'a1' });
    const seen = { sourceId: 'example', urls: [record.url], guid: 'guid-a1' };
    expect(await stories.isSeen(seen)).toBe(false);
    expect(await stories.saveNew(record, seen)).toBe('stored');
    expect(await stories.saveNew(record, seen)).toBe('duplicate');
    expect(await stories.isSeen({ sourceId: 'example', urls: [], guid: 'guid-a1' })).toBe(true);
    expect(await stories.isSeen({ sourceId: 'example', urls: [record.url] })).toBe(true);
    expect(await stories.isSeen({ sourceId: 'other', urls: [record.url] })).toBe(false);
    expect(await counter('mycsp', 'MONTH#2012-05')).toBe(1);
    expect(await counter('mycsp', 'TOTAL')).toBe(1);
    expect((await tagIndex('organisation', 'mycsp')).map((i) => i.storyId)).toEqual(['a1']);
    expect((await stories.get('a1'))?.title).toBe('Story a1');
  });

  it('counts and lists an organisation once, whichever of its full names a story writes', async () => {
    const named = (id: string, name: string) =>
      storyRecord({ id, published: '2001-03-01T09:00:00.000Z', tags: { ...storyRecord({ id }).tags!, organisations: [{ name, kind: 'local-authority' }] } });
    await stories.saveNew(named('k1', 'Knowsley Council'), { sourceId: 'example', urls: ['https://news.example.org/k1'] });
    await stories.saveNew(named('k2', 'Knowsley Metropolitan Borough Council'), { sourceId: 'example', urls: ['https://news.example.org/k2'] });
    expect(await counter('knowsley-council', 'TOTAL')).toBe(2);
    expect(await counter('knowsley-metropolitan-borough-council', 'TOTAL')).toBeUndefined();
    expect((await tagIndex('organisation', 'knowsley-council')).map((i) => i.storyId).sort()).toEqual(['k1', 'k2']);
  });

  it('does not count pending stories as coverage', async () => {
    await stories.saveNew(storyRecord({ id: 'p1', status: 'pending', published: '2012-06-02T00:00:00.000Z' }), {
      sourceId: 'example',
      urls: ['https://news.example.org/p1'],
    });
    expect(await counter('mycsp', 'MONTH#2012-06')).toBeUndefined();
    expect((await tagIndex('organisation', 'mycsp')).map((i) => i.status).sort()).toEqual(['pending', 'published']);
  });

  it('lists newest first and finds stories near a date for clustering', async () => {
    await stories.saveNew(storyRecord({ id: 'b1', published: '2013-01-10T00:00:00.000Z' }), { sourceId: 's', urls: ['u-b1'] });
    await stories.saveNew(storyRecord({ id: 'b2', published: '2013-01-20T00:00:00.000Z' }), { sourceId: 's', urls: ['u-b2'] });
    const latest = await stories.latest({ limit: 3 });
    expect(latest.map((s) => s.id)).toEqual(['b2', 'b1', 'p1']);
    const near = await stories.near('2013-01-12T00:00:00.000Z', 5);
    expect(near.map((s) => s.id)).toEqual(['b1']);
  });

  it('replaces a story at its version, moving index items and counters with the tags', async () => {
    const before = (await stories.get('b1'))!;
    const after = await stories.replace(
      before,
      { ...before, tags: { ...before.tags!, organisations: [{ name: 'Cabinet Office', kind: 'government' }] } },
      { who: 'editor-1', at: '2013-02-01T00:00:00.000Z', action: 'edit', before: { organisations: ['MyCSP'] }, after: { organisations: [] } },
    );
    expect(after.version).toBe(before.version + 1);
    expect(await stories.audit('b1')).toEqual([
      expect.objectContaining({ who: 'editor-1', action: 'edit', version: after.version, before: { organisations: ['MyCSP'] } }),
    ]);
    expect(await counter('mycsp', 'MONTH#2013-01')).toBe(1);
    expect((await tagIndex('organisation', 'mycsp')).map((i) => i.storyId)).not.toContain('b1');
    const staleAudit = { who: 'editor-2', at: '2013-02-02T00:00:00.000Z', action: 'edit', before: {}, after: { title: 'stale' } };
    await expect(stories.replace(before, { ...before, title: 'stale' }, staleAudit)).rejects.toBeInstanceOf(StaleVersionError);
    expect((await stories.get('b1'))?.title).toBe('Story b1');
    expect(await stories.audit('b1')).toHaveLength(1);
  });
});
