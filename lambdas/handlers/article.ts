import type { ArticleMessage } from '../core/ingest/messages.ts';
import { processItem } from '../core/ingest/process-item.ts';
import { http, log, now, publishThreshold, stories, tagger } from './aws-deps.ts';
import { sqsBatchHandler } from './sqs-batch.ts';

export const handler = sqsBatchHandler<ArticleMessage>(async ({ source, item }) => {
  const outcome = await processItem(source, item, { http, stories, tagger: tagger(), now, log, publishThreshold });
  log.info({ sourceId: source.id, url: item.url, outcome }, 'article processed');
}, log);
