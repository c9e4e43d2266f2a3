import {
  BatchGetCommand,
  BatchWriteCommand,
  GetCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import type { StoryRecord, StoryStatus } from '../core/model.ts';
import type { NameCandidates, SaveOutcome, SeenKeys, StoryRepository } from '../core/ports.ts';
import { slugify } from '../core/slug.ts';
import { isConditionFailure } from './condition-failure.ts';
import { keys, type Key } from './keys.ts';
import { indexDiff, type IndexItem } from './story-index.ts';

const STATUSES: StoryStatus[] = ['published', 'pending', 'rejected'];

/** A name found in stories that the knowledge base does not hold. */
export interface NameCandidate {
  kind: 'organisation' | 'person';
  name: string;
  /** The organisation kind the text suggests, or the person's role. */
  detail: string | null;
  stories: number;
  lastStory: string;
  lastSeen: string;
}

/** Who changed a story, when, what, and the fields before and after. */
export interface AuditEntry {
  who: string;
  at: string;
  action: string;
  before: Record<string, unknown>;
  after: Record<string, unknown>;
}

/** The version condition failed: someone else wrote the story since it was read. */
export class StaleVersionError extends Error {
  override readonly name = 'StaleVersionError';
  constructor(readonly id: string, readonly expected: number) {
    super(`story ${id} changed since version ${expected} was read`);
  }
}

function seenItemKeys(seen: SeenKeys): Key[] {
  const list = seen.urls.map((url) => keys.seenLink(seen.sourceId, url));
  if (seen.guid) list.push(keys.seenGuid(seen.sourceId, seen.guid));
  return list;
}

function toItem(record: StoryRecord) {
  return { ...keys.story(record.id), ...keys.storyByStatus(record.status, record.published, record.id), ...record };
}

function fromItem(item: Record<string, unknown>): StoryRecord {
  const { PK: _pk, SK: _sk, GSI1PK: _g1, GSI1SK: _g1s, ...record } = item;
  return record as unknown as StoryRecord;
}

export interface DynamoStoryRepository extends StoryRepository {
  get(id: string): Promise<StoryRecord | undefined>;
  /** Newest first across statuses (or one status), for listings and batch jobs. */
  latest(options?: { limit?: number; status?: StoryStatus }): Promise<StoryRecord[]>;
  /** Every story of a status, newest first, page by page (Query, never Scan). */
  pages(status: StoryStatus): AsyncGenerator<StoryRecord[]>;
  /**
   * Replaces a stored story whose version is `before.version`; index items and counters follow.
   * The audit entry, when given, is written in the same transaction: no change goes unrecorded.
   */
  replace(before: StoryRecord, after: Omit<StoryRecord, 'version'>, audit?: AuditEntry): Promise<StoryRecord>;
  /** Names the knowledge base lacks, most often seen first: for editors to add. */
  nameCandidates(limit?: number): Promise<NameCandidate[]>;
  /** The story's audit trail, oldest first. */
  audit(id: string): Promise<Array<AuditEntry & { version: number }>>;
}

export function createStoryRepository(db: DynamoDBDocumentClient, tableName: string): DynamoStoryRepository {
  async function batchWrite(requests: Array<{ PutRequest: { Item: IndexItem | Key } } | { DeleteRequest: { Key: Key } }>) {
    for (let i = 0; i < requests.length; i += 25) {
      let pending: typeof requests | undefined = requests.slice(i, i + 25);
      // Unprocessed items are retried with backoff, as DynamoDB asks under throttling.
      for (let attempt = 0; pending && pending.length > 0; attempt++) {
        if (attempt > 0) await new Promise((r) => setTimeout(r, Math.min(2000, 50 * 2 ** attempt)));
        const out = await db.send(new BatchWriteCommand({ RequestItems: { [tableName]: pending } }));
        pending = out.UnprocessedItems?.[tableName] as typeof requests | undefined;
        if (attempt > 8 && pending?.length) throw new Error(`store: ${pending.length} index writes left unprocessed`);
      }
    }
  }

  async function writeIndex(diff: ReturnType<typeof indexDiff>) {
    await batchWrite([
      ...diff.deletes.map((Key) => ({ DeleteRequest: { Key } })),
      ...diff.puts.map((Item) => ({ PutRequest: { Item } })),
    ]);
  }

  /** One counter per name; a retried story is not counted twice (the caller writes only new stories). */
  async function noteCandidates(names: NameCandidates, record: StoryRecord) {
    const entries = [
      ...names.organisations.map((o) => ({ kind: 'organisation' as const, name: o.name, detail: o.kind })),
      ...names.people.map((p) => ({ kind: 'person' as const, name: p.name, detail: p.role })),
    ];
    for (const entry of entries) {
      const slug = slugify(entry.name);
      if (!slug) continue;
      await db.send(
        new UpdateCommand({
          TableName: tableName,
          Key: keys.nameCandidate(entry.kind, slug),
          UpdateExpression: 'SET #name = if_not_exists(#name, :name), kind = :kind, detail = :detail, lastStory = :story, lastSeen = :at ADD stories :one',
          ExpressionAttributeNames: { '#name': 'name' },
          ExpressionAttributeValues: { ':name': entry.name, ':kind': entry.kind, ':detail': entry.detail ?? null, ':story': record.id, ':at': record.fetchedAt, ':one': 1 },
        }),
      );
    }
  }

  const counterUpdates = (diff: ReturnType<typeof indexDiff>) =>
    diff.counters.map(({ key, delta }) => ({
      Update: {
        TableName: tableName,
        Key: key,
        UpdateExpression: 'ADD #n :d',
        ExpressionAttributeNames: { '#n': 'count' },
        ExpressionAttributeValues: { ':d': delta },
      },
    }));

  async function queryAll(input: ConstructorParameters<typeof QueryCommand>[0], limit: number) {
    const items: Record<string, unknown>[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const out = await db.send(new QueryCommand({ ...input, ExclusiveStartKey: start }));
      items.push(...(out.Items ?? []));
      start = out.LastEvaluatedKey;
    } while (start && items.length < limit);
    return items.slice(0, limit);
  }

  const byStatus = (status: StoryStatus, limit: number, between?: [string, string]) =>
    queryAll(
      {
        TableName: tableName,
        IndexName: 'GSI1',
        KeyConditionExpression: between ? 'GSI1PK = :pk AND GSI1SK BETWEEN :from AND :to' : 'GSI1PK = :pk',
        ExpressionAttributeValues: {
          ':pk': keys.statusPartition(status),
          ...(between ? { ':from': between[0], ':to': between[1] } : {}),
        },
        ScanIndexForward: false,
        Limit: Math.min(limit, 200),
      },
      limit,
    ).then((items) => items.map(fromItem));

  return {
    async isSeen(seen) {
      const wanted = seenItemKeys(seen);
      if (wanted.length === 0) return false;
      const out = await db.send(new BatchGetCommand({ RequestItems: { [tableName]: { Keys: wanted, ProjectionExpression: 'PK' } } }));
      return (out.Responses?.[tableName]?.length ?? 0) > 0;
    },

    async markSeen(seen, storyId) {
      await batchWrite(seenItemKeys(seen).map((key) => ({ PutRequest: { Item: { ...key, storyId } } })));
    },

    async saveNew(record, seen, names) {
      const diff = indexDiff(undefined, record);
      let outcome: SaveOutcome = 'stored';
      try {
        // The story and its counters are one transaction, conditional on the story being new,
        // so a retried item can never count twice.
        await db.send(
          new TransactWriteCommand({
            TransactItems: [
              { Put: { TableName: tableName, Item: toItem(record), ConditionExpression: 'attribute_not_exists(PK)' } },
              ...counterUpdates(diff),
            ],
          }),
        );
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
        outcome = 'duplicate';
      }
      // Index items are idempotent puts and the seen markers come last: a run that died after
      // the transaction is healed when the item comes round again.
      if (outcome === 'stored') {
        await writeIndex(diff);
        if (names) await noteCandidates(names, record);
      }
      await this.markSeen(seen, record.id);
      return outcome;
    },

    async nameCandidates(limit = 200) {
      const items = await queryAll(
        { TableName: tableName, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': keys.candidatesPartition } },
        limit,
      );
      return items
        .map(({ PK: _pk, SK: _sk, ...c }) => c as unknown as NameCandidate)
        .sort((a, b) => b.stories - a.stories || a.name.localeCompare(b.name));
    },

    async near(published, days) {
      const at = Date.parse(published);
      const from = new Date(at - days * 86_400_000).toISOString();
      const to = `${new Date(at + days * 86_400_000).toISOString()}~`;
      const lists = await Promise.all(
        (['published', 'pending'] as const).map((status) => byStatus(status, 500, [from, to])),
      );
      return lists.flat();
    },

    async get(id) {
      const out = await db.send(new GetCommand({ TableName: tableName, Key: keys.story(id) }));
      return out.Item ? fromItem(out.Item) : undefined;
    },

    async latest({ limit = 50, status } = {}) {
      const lists = await Promise.all((status ? [status] : STATUSES).map((s) => byStatus(s, limit)));
      return lists
        .flat()
        .sort((a, b) => b.published.localeCompare(a.published) || b.id.localeCompare(a.id))
        .slice(0, limit);
    },

    async *pages(status) {
      let start: Record<string, unknown> | undefined;
      do {
        const out = await db.send(
          new QueryCommand({
            TableName: tableName,
            IndexName: 'GSI1',
            KeyConditionExpression: 'GSI1PK = :pk',
            ExpressionAttributeValues: { ':pk': keys.statusPartition(status) },
            ScanIndexForward: false,
            ExclusiveStartKey: start,
          }),
        );
        if (out.Items?.length) yield out.Items.map(fromItem);
        start = out.LastEvaluatedKey;
      } while (start);
    },

    async audit(id) {
      const items = await queryAll(
        {
          TableName: tableName,
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :audit)',
          ExpressionAttributeValues: { ':pk': keys.story(id).PK, ':audit': keys.auditPrefix },
        },
        10_000,
      );
      return items.map(({ PK: _pk, SK: _sk, ...entry }) => entry as unknown as AuditEntry & { version: number });
    },

    async replace(before, change, audit) {
      const after: StoryRecord = { ...change, version: before.version + 1 };
      const diff = indexDiff(before, after);
      try {
        await db.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Put: {
                  TableName: tableName,
                  Item: toItem(after),
                  ConditionExpression: '#v = :v',
                  ExpressionAttributeNames: { '#v': 'version' },
                  ExpressionAttributeValues: { ':v': before.version },
                },
              },
              ...counterUpdates(diff),
              ...(audit ? [{ Put: { TableName: tableName, Item: { ...keys.audit(before.id, after.version), ...audit, version: after.version } } }] : []),
            ],
          }),
        );
      } catch (error) {
        if (isConditionFailure(error)) throw new StaleVersionError(before.id, before.version);
        throw error;
      }
      await writeIndex(diff);
      return after;
    },
  };
}
