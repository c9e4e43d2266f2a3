// Editors' changes to sources, each written with its audit entry in one transaction. Only the
// configuration is touched (an Update, not a Put), so health saved by a fetch running at the
// same moment is kept.
import { randomBytes } from 'node:crypto';
import { QueryCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Source, SourceHealth } from '../core/model.ts';
import { isConditionFailure } from './condition-failure.ts';
import { keys } from './keys.ts';
import type { AuditEntry } from './story-repository.ts';

export class SourceExistsError extends Error {
  override readonly name = 'SourceExistsError';
  constructor(readonly id: string) {
    super(`a source with id "${id}" exists`);
  }
}

export class SourceMissingError extends Error {
  override readonly name = 'SourceMissingError';
  constructor(readonly id: string) {
    super(`no source with id "${id}"`);
  }
}

export interface SourceChanges {
  add(source: Source, now: Date, audit: AuditEntry): Promise<void>;
  /** Replaces the configuration of a stored source, keeping its health. */
  update(source: Source, audit: AuditEntry): Promise<void>;
  audit(id: string): Promise<AuditEntry[]>;
}

const CONFIG_FIELDS = ['name', 'url', 'kind', 'everyMinutes', 'selectors', 'enabled'] as const;

export function createSourceChanges(db: DynamoDBDocumentClient, tableName: string): SourceChanges {
  const auditPut = (id: string, audit: AuditEntry) => ({
    Put: { TableName: tableName, Item: { ...keys.sourceAudit(id, audit.at, randomBytes(4).toString('hex')), ...audit } },
  });

  return {
    async add(source, now, audit) {
      const health: SourceHealth = { consecutiveFailures: 0, nextDueAt: now.toISOString() };
      try {
        await db.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Put: {
                  TableName: tableName,
                  Item: { ...keys.source(source.id), ...keys.sourceDue(source.enabled !== false, health.nextDueAt, source.id), ...source, health },
                  ConditionExpression: 'attribute_not_exists(PK)',
                },
              },
              auditPut(source.id, audit),
            ],
          }),
        );
      } catch (error) {
        if (isConditionFailure(error)) throw new SourceExistsError(source.id);
        throw error;
      }
    },

    async update(source, audit) {
      const set = CONFIG_FIELDS.filter((f) => source[f] !== undefined);
      const remove = CONFIG_FIELDS.filter((f) => source[f] === undefined);
      const names = Object.fromEntries(CONFIG_FIELDS.map((f) => [`#${f}`, f]));
      try {
        await db.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Update: {
                  TableName: tableName,
                  Key: keys.source(source.id),
                  UpdateExpression: [
                    `SET ${[...set.map((f) => `#${f} = :${f}`), 'GSI2PK = :partition'].join(', ')}`,
                    remove.length ? `REMOVE ${remove.map((f) => `#${f}`).join(', ')}` : '',
                  ].join(' '),
                  ConditionExpression: 'attribute_exists(PK)',
                  ExpressionAttributeNames: names,
                  ExpressionAttributeValues: {
                    ...Object.fromEntries(set.map((f) => [`:${f}`, source[f]])),
                    ':partition': keys.sourcesPartition(source.enabled !== false),
                  },
                },
              },
              auditPut(source.id, audit),
            ],
          }),
        );
      } catch (error) {
        if (isConditionFailure(error)) throw new SourceMissingError(source.id);
        throw error;
      }
    },

    async audit(id) {
      const entries: AuditEntry[] = [];
      let start: Record<string, unknown> | undefined;
      do {
        const out = await db.send(
          new QueryCommand({
            TableName: tableName,
            KeyConditionExpression: 'PK = :pk AND begins_with(SK, :audit)',
            ExpressionAttributeValues: { ':pk': keys.source(id).PK, ':audit': keys.auditPrefix },
            ExclusiveStartKey: start,
          }),
        );
        entries.push(...(out.Items ?? []).map(({ PK: _pk, SK: _sk, ...entry }) => entry as AuditEntry));
        start = out.LastEvaluatedKey;
      } while (start);
      return entries;
    },
  };
}
