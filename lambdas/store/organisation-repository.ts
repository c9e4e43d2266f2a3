// Organisation profiles editors add or change (ORG#<slug>/PROFILE, listed under ORGS by name),
// each write versioned and audited in one transaction. Bundled entries are not stored until an
// editor changes one: its first stored version is 1.
import { GetCommand, QueryCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { CuratedOrganisation } from '../core/curation/organisations.ts';
import { isConditionFailure } from './condition-failure.ts';
import { keys } from './keys.ts';
import type { AuditEntry } from './story-repository.ts';

/** The stored version is not the one the editor read. */
export class OrganisationChangedError extends Error {
  override readonly name = 'OrganisationChangedError';
  constructor(readonly slug: string, readonly expected: number) {
    super(`organisation ${slug} changed since version ${expected} was read`);
  }
}

export interface OrganisationRepository {
  /** Every stored profile (bundled entries no one changed are not among them). */
  list(): Promise<CuratedOrganisation[]>;
  get(slug: string): Promise<CuratedOrganisation | undefined>;
  /** Stores version `expected + 1`, if the stored version is `expected` (0: none stored yet). */
  save(organisation: Omit<CuratedOrganisation, 'version'>, expected: number, audit: AuditEntry): Promise<CuratedOrganisation>;
  audit(slug: string): Promise<Array<AuditEntry & { version: number }>>;
}

function fromItem(item: Record<string, unknown>): CuratedOrganisation {
  const { PK: _pk, SK: _sk, GSI1PK: _g, GSI1SK: _gs, ...organisation } = item;
  return organisation as unknown as CuratedOrganisation;
}

export function createOrganisationRepository(db: DynamoDBDocumentClient, tableName: string): OrganisationRepository {
  async function queryAll(input: ConstructorParameters<typeof QueryCommand>[0]) {
    const items: Record<string, unknown>[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const out = await db.send(new QueryCommand({ ...input, ExclusiveStartKey: start }));
      items.push(...(out.Items ?? []));
      start = out.LastEvaluatedKey;
    } while (start);
    return items;
  }

  return {
    list: async () =>
      (
        await queryAll({
          TableName: tableName,
          IndexName: 'GSI1',
          KeyConditionExpression: 'GSI1PK = :pk',
          ExpressionAttributeValues: { ':pk': keys.organisationsPartition },
        })
      ).map(fromItem),

    async get(slug) {
      const out = await db.send(new GetCommand({ TableName: tableName, Key: keys.organisation(slug) }));
      return out.Item ? fromItem(out.Item) : undefined;
    },

    async save(organisation, expected, audit) {
      const after: CuratedOrganisation = { ...organisation, version: expected + 1 };
      try {
        await db.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Put: {
                  TableName: tableName,
                  Item: { ...keys.organisation(after.slug), ...keys.organisationByName(after.name), ...after },
                  ...(expected === 0
                    ? { ConditionExpression: 'attribute_not_exists(PK)' }
                    : {
                        ConditionExpression: '#v = :v',
                        ExpressionAttributeNames: { '#v': 'version' },
                        ExpressionAttributeValues: { ':v': expected },
                      }),
                },
              },
              { Put: { TableName: tableName, Item: { ...keys.organisationAudit(after.slug, after.version), ...audit, version: after.version } } },
            ],
          }),
        );
      } catch (error) {
        if (isConditionFailure(error)) throw new OrganisationChangedError(after.slug, expected);
        throw error;
      }
      return after;
    },

    audit: async (slug) =>
      (
        await queryAll({
          TableName: tableName,
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :audit)',
          ExpressionAttributeValues: { ':pk': keys.organisation(slug).PK, ':audit': keys.auditPrefix },
        })
      ).map(({ PK: _pk, SK: _sk, ...entry }) => entry as unknown as AuditEntry & { version: number }),
  };
}
