// The AWS composition root: configuration read once per cold start, clients created once and
// shared by every invocation of the function.
import { SQSClient, SendMessageBatchCommand } from '@aws-sdk/client-sqs';
import pino from 'pino';
// zod/mini: the same checks at a fraction of the bundle.
import * as z from 'zod/mini';
import { createHttpClient } from '../core/fetch/http-client.ts';
import { createDocumentClient } from '../store/client.ts';
import { createSourceRepository } from '../store/source-repository.ts';
import { createStoryRepository } from '../store/story-repository.ts';

const env = z
  .object({
    TABLE_NAME: z.string().check(z.minLength(1)),
    FETCH_QUEUE_URL: z.optional(z.string()),
    ARTICLE_QUEUE_URL: z.optional(z.string()),
    PUBLISH_THRESHOLD: z._default(z.coerce.number().check(z.gte(0), z.lte(1)), 0.8),
    LOG_LEVEL: z._default(z.string(), 'info'),
  })
  .parse(process.env);

export const log = pino({ level: env.LOG_LEVEL, base: undefined });
const db = createDocumentClient();
const sqs = new SQSClient({});

export const stories = createStoryRepository(db, env.TABLE_NAME);
export const sources = createSourceRepository(db, env.TABLE_NAME);
export const http = createHttpClient();
export const now = () => new Date();
export const publishThreshold = env.PUBLISH_THRESHOLD;

/** Sends messages to a queue, ten to a batch as SQS allows; a refused entry fails the call. */
export function enqueuer<T>(queueUrl: string | undefined) {
  return async (messages: T[]) => {
    if (!queueUrl) throw new Error('queue URL is not configured');
    for (let i = 0; i < messages.length; i += 10) {
      const batch = messages.slice(i, i + 10);
      const out = await sqs.send(
        new SendMessageBatchCommand({
          QueueUrl: queueUrl,
          Entries: batch.map((m, n) => ({ Id: String(n), MessageBody: JSON.stringify(m) })),
        }),
      );
      if (out.Failed?.length) throw new Error(`sqs: ${out.Failed.length} messages refused (${out.Failed[0]?.Message ?? 'no reason'})`);
    }
  };
}

export const fetchQueue = env.FETCH_QUEUE_URL;
export const articleQueue = env.ARTICLE_QUEUE_URL;
