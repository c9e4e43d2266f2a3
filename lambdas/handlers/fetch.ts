import type { ArticleMessage, FetchMessage } from '../core/ingest/messages.ts';
import { discover } from '../core/ingest/poll-source.ts';
import { articleQueue, enqueuer, http, log, now, sources, stories } from './aws-deps.ts';
import { sqsBatchHandler } from './sqs-batch.ts';

const enqueue = enqueuer<ArticleMessage>(articleQueue);

export const handler = sqsBatchHandler<FetchMessage>(async ({ sourceId }) => {
  const source = await sources.get(sourceId);
  if (!source) return log.warn({ sourceId }, 'source removed before fetch');
  const poll = await discover(source, { http, now, sources });
  if (poll.error) return log.warn({ sourceId, error: poll.error }, 'source fetch failed');
  const fresh = [];
  for (const item of poll.items) {
    if (!(await stories.isSeen({ sourceId, urls: [item.url], guid: item.guid }))) fresh.push(item);
  }
  await enqueue(fresh.map((item) => ({ source: { id: source.id, name: source.name }, item })));
  log.info({ sourceId, items: poll.items.length, queued: fresh.length }, 'source fetched');
}, log);
