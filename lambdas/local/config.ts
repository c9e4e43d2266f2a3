// The local runtime's configuration, read from the environment once, at start.
import { resolve } from 'node:path';
import { z } from 'zod';

const schema = z.object({
  MUTUALS_DATA_DIR: z.string().min(1).default('./.data'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DYNAMODB_ENDPOINT: z.url().optional(),
  TABLE_NAME: z.string().min(3).default('mutuals-news'),
  PUBLISH_THRESHOLD: z.coerce.number().min(0).max(1).default(0.8),
});

export interface LocalConfig {
  dataDir: string;
  port: number;
  dynamoEndpoint?: string;
  tableName: string;
  publishThreshold: number;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): LocalConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`configuration: ${problems}`);
  }
  const c = parsed.data;
  return {
    dataDir: resolve(c.MUTUALS_DATA_DIR),
    port: c.PORT,
    dynamoEndpoint: c.DYNAMODB_ENDPOINT,
    tableName: c.TABLE_NAME,
    publishThreshold: c.PUBLISH_THRESHOLD,
  };
}
