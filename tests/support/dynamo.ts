import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import { createDocumentClient } from '../../lambdas/store/client.ts';
import { ensureTable } from '../../lambdas/store/ensure-table.ts';

/** A fresh table on the run's DynamoDB Local, so test files never see each other's data. */
export async function freshTable() {
  const endpoint = inject('dynamoEndpoint');
  const db = createDocumentClient({ endpoint });
  const tableName = `test-${randomUUID()}`;
  await ensureTable(db, tableName);
  return { db, tableName, endpoint };
}
