// The API behind API Gateway: the same Hono app as `npm start`, over the table, read-only.
import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { handle } from 'hono/aws-lambda';
import { z } from 'zod';
import { createApp } from '../api/app.ts';
import { createDocumentClient } from '../store/client.ts';

const env = z
  .object({
    TABLE_NAME: z.string().min(1),
    /** The public origin (a custom domain), when links must not name the API Gateway host. */
    PUBLIC_URL: z.url().optional(),
  })
  .parse(process.env);

const db = createDocumentClient();

export const handler = handle(
  createApp({
    db,
    tableName: env.TABLE_NAME,
    publicUrl: env.PUBLIC_URL,
    checkStore: async () => (await db.send(new DescribeTableCommand({ TableName: env.TABLE_NAME })), true),
  }),
);
