import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, GetCommand, PutCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Source, SourceHealth } from '../core/model.ts';
import type { SourceRepository, StoredSource } from '../core/ports.ts';
import { keys } from './keys.ts';

function fromItem(item: Record<string, unknown>): StoredSource {
  const { PK: _pk, SK: _sk, GSI2PK: _g, GSI2SK: _gs, ...source } = item;
  return source as unknown as StoredSource;
}

export interface DynamoSourceRepository extends SourceRepository {
  /** True the first time only: whoever gets true offers the default sources. */
  claimDefaults(now: Date): Promise<boolean>;
}

export function createSourceRepository(db: DynamoDBDocumentClient, tableName: string): DynamoSourceRepository {
  async function queryPartition(enabled: boolean, upTo?: string): Promise<StoredSource[]> {
    const out: StoredSource[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await db.send(
        new QueryCommand({
          TableName: tableName,
          IndexName: 'GSI2',
          KeyConditionExpression: upTo ? 'GSI2PK = :pk AND GSI2SK <= :to' : 'GSI2PK = :pk',
          ExpressionAttributeValues: { ':pk': keys.sourcesPartition(enabled), ...(upTo ? { ':to': upTo } : {}) },
          ExclusiveStartKey: start,
        }),
      );
      out.push(...(page.Items ?? []).map(fromItem));
      start = page.LastEvaluatedKey;
    } while (start);
    return out;
  }

  const write = (source: StoredSource) =>
    db.send(
      new PutCommand({
        TableName: tableName,
        Item: { ...keys.source(source.id), ...keys.sourceDue(source.enabled !== false, source.health.nextDueAt, source.id), ...source },
      }),
    );

  return {
    async list() {
      const [active, paused] = await Promise.all([queryPartition(true), queryPartition(false)]);
      return [...active, ...paused].sort((a, b) => a.id.localeCompare(b.id));
    },

    async get(id) {
      const out = await db.send(new GetCommand({ TableName: tableName, Key: keys.source(id) }));
      return out.Item ? fromItem(out.Item) : undefined;
    },

    // The sort key is `<nextDueAt>#<id>`, so "due by now" is a range on the index.
    due: (now) => queryPartition(true, `${now.toISOString()}#\uffff`),

    async put(source: Source, now: Date) {
      const existing = await this.get(source.id);
      const health: SourceHealth = existing?.health ?? { consecutiveFailures: 0, nextDueAt: now.toISOString() };
      await write({ ...source, health });
    },

    async claimDefaults(now) {
      try {
        await db.send(
          new PutCommand({ TableName: tableName, Item: { ...keys.defaultSourcesMark(), at: now.toISOString() }, ConditionExpression: 'attribute_not_exists(PK)' }),
        );
        return true;
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) return false;
        throw error;
      }
    },

    async remove(id) {
      const out = await db.send(new DeleteCommand({ TableName: tableName, Key: keys.source(id), ReturnValues: 'ALL_OLD' }));
      return out.Attributes !== undefined;
    },

    async saveHealth(id, health) {
      // An update, not a put: a source edited while it was being fetched keeps its new settings;
      // one removed meanwhile stays removed.
      await db.send(
        new UpdateCommand({
          TableName: tableName,
          Key: keys.source(id),
          UpdateExpression: 'SET health = :h, GSI2SK = :due',
          ConditionExpression: 'attribute_exists(PK)',
          ExpressionAttributeValues: { ':h': health, ':due': keys.sourceDue(true, health.nextDueAt, id).GSI2SK },
        }),
      ).catch((error: unknown) => {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
      });
    },
  };
}
