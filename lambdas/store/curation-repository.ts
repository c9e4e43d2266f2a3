// What curation keeps besides stories: editors' corrections as labelled examples, marks on
// featured stories, and the cluster partitions read for merging and splitting.
import { BatchGetCommand, DeleteCommand, PutCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { StoryRecord } from '../core/model.ts';
import type { LabelledExample } from '../core/tag/train.ts';
import { keys } from './keys.ts';
import type { IndexItem, StoryCard } from './story-index.ts';

export interface StoredExample extends LabelledExample {
  /** Who made the correction, and when. */
  by: string;
  at: string;
}

export interface CurationRepository {
  /** Stores the story as a labelled example, replacing any earlier one of the same story. */
  saveExample(example: LabelledExample, by: string, at: Date): Promise<void>;
  examples(): Promise<StoredExample[]>;
  /** Marks follow the story's `featured` flag; a mark left by an interrupted write is ignored on read. */
  markFeatured(story: Pick<StoryRecord, 'id' | 'published'>): Promise<void>;
  unmarkFeatured(story: Pick<StoryRecord, 'id' | 'published'>): Promise<void>;
  /** Published featured stories, newest first. */
  featured(limit: number): Promise<StoryRecord[]>;
  /** The stories of a cluster, newest first, as their index cards. */
  clusterMembers(clusterId: string): Promise<StoryCard[]>;
}

function fromStoryItem(item: Record<string, unknown>): StoryRecord {
  const { PK: _pk, SK: _sk, GSI1PK: _g1, GSI1SK: _g1s, ...record } = item;
  return record as unknown as StoryRecord;
}

export function createCurationRepository(db: DynamoDBDocumentClient, tableName: string): CurationRepository {
  async function* pages(input: ConstructorParameters<typeof QueryCommand>[0]) {
    let start: Record<string, unknown> | undefined;
    do {
      const out = await db.send(new QueryCommand({ ...input, ExclusiveStartKey: start }));
      yield out.Items ?? [];
      start = out.LastEvaluatedKey;
    } while (start);
  }

  async function stories(ids: string[]): Promise<StoryRecord[]> {
    if (ids.length === 0) return [];
    const out = await db.send(new BatchGetCommand({ RequestItems: { [tableName]: { Keys: ids.map(keys.story) } } }));
    let found = (out.Responses?.[tableName] ?? []).map(fromStoryItem);
    const missed = out.UnprocessedKeys?.[tableName]?.Keys;
    if (missed?.length) found = [...found, ...(await stories(ids.filter((id) => missed.some((k) => k.PK === keys.story(id).PK))))];
    return found;
  }

  return {
    async saveExample(example, by, at) {
      await db.send(new PutCommand({ TableName: tableName, Item: { ...keys.labelledExample(example.id), ...example, by, at: at.toISOString() } }));
    },

    async examples() {
      const list: StoredExample[] = [];
      for await (const items of pages({
        TableName: tableName,
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': keys.examplesPartition },
      })) {
        list.push(...items.map(({ PK: _pk, SK: _sk, ...example }) => example as StoredExample));
      }
      return list;
    },

    async markFeatured(story) {
      await db.send(new PutCommand({ TableName: tableName, Item: { ...keys.featured(story.published, story.id), storyId: story.id } }));
    },

    async unmarkFeatured(story) {
      await db.send(new DeleteCommand({ TableName: tableName, Key: keys.featured(story.published, story.id) }));
    },

    async featured(limit) {
      const chosen: StoryRecord[] = [];
      for await (const items of pages({
        TableName: tableName,
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': keys.featuredPartition },
        ScanIndexForward: false,
        Limit: Math.min(100, limit),
      })) {
        const ids = items.map((i) => String(i.storyId));
        const byId = new Map((await stories(ids)).map((s) => [s.id, s]));
        for (const id of ids) {
          const story = byId.get(id);
          if (story?.featured && story.status === 'published') chosen.push(story);
        }
        if (chosen.length >= limit) break;
      }
      return chosen.slice(0, limit);
    },

    async clusterMembers(clusterId) {
      const cards: StoryCard[] = [];
      for await (const items of pages({
        TableName: tableName,
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': keys.clusterPartition(clusterId) },
        ScanIndexForward: false,
      })) {
        cards.push(...items.map((i) => (i as unknown as IndexItem).card));
      }
      return cards;
    },
  };
}
