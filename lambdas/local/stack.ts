// Connects a command to DynamoDB: DYNAMODB_ENDPOINT if set, else the DynamoDB Local that a
// running `npm start` (or another command) owns for the same data directory, else one of its own.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient } from '../store/client.ts';
import { ensureTable } from '../store/ensure-table.ts';
import type { LocalConfig } from './config.ts';
import { isDynamoUp, startDynamoLocal } from './dynamodb-local.ts';

export interface StackFile {
  pid: number;
  endpoint: string;
  /** The HTTP server's port, when `npm start` owns the stack. */
  httpPort?: number;
  startedAt: string;
}

export interface DynamoConnection {
  db: DynamoDBDocumentClient;
  tableName: string;
  endpoint: string;
  /** Where the endpoint came from, for the user. */
  origin: 'configured' | 'running stack' | 'started';
  close(): Promise<void>;
}

const stackFile = (dataDir: string) => join(dataDir, 'stack.json');

export async function runningStack(dataDir: string): Promise<StackFile | undefined> {
  let info: StackFile;
  try {
    info = JSON.parse(readFileSync(stackFile(dataDir), 'utf8')) as StackFile;
  } catch {
    return undefined;
  }
  // A stack file left by a process that died is ignored (and replaced by the next owner).
  return (await isDynamoUp(info.endpoint)) ? info : undefined;
}

export function recordStack(dataDir: string, info: StackFile): void {
  writeFileSync(stackFile(dataDir), `${JSON.stringify(info, null, 2)}\n`);
}

export async function connect(
  config: LocalConfig,
  options: { announce?: (message: string) => void; exclusive?: boolean } = {},
): Promise<DynamoConnection> {
  const announce = options.announce ?? (() => {});
  const open = async (endpoint: string, origin: DynamoConnection['origin'], close: () => Promise<void>) => {
    const db = createDocumentClient({ endpoint });
    if ((await ensureTable(db, config.tableName)) === 'created') announce(`created table ${config.tableName}`);
    return { db, tableName: config.tableName, endpoint, origin, close: async () => (db.destroy(), close()) };
  };

  if (config.dynamoEndpoint) return open(config.dynamoEndpoint, 'configured', async () => {});

  const running = await runningStack(config.dataDir);
  if (running) {
    if (options.exclusive) {
      throw new Error(`a local stack is already running for ${config.dataDir} (pid ${running.pid}); stop it first or set MUTUALS_DATA_DIR`);
    }
    announce(`using the running local stack (DynamoDB Local at ${running.endpoint})`);
    return open(running.endpoint, 'running stack', async () => {});
  }

  mkdirSync(config.dataDir, { recursive: true });
  announce(`starting DynamoDB Local (data in ${config.dataDir})`);
  const dynamo = await startDynamoLocal({ dataDir: join(config.dataDir, 'dynamodb') });
  recordStack(config.dataDir, { pid: process.pid, endpoint: dynamo.endpoint, startedAt: new Date().toISOString() });
  return open(dynamo.endpoint, 'started', async () => {
    rmSync(stackFile(config.dataDir), { force: true });
    await dynamo.stop();
  });
}
