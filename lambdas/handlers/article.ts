import type { ArticleMessage } from '../core/ingest/messages.ts';
import { processItem } from '../core/ingest/process-item.ts';
import { createTagger } from '../core/tag/tagger.ts';
import { http, log, now, publishThreshold, stories } from './aws-deps.ts';
import { sqsBatchHandler } from './sqs-batch.ts';

// Only this stage imports the tagger, so the other bundles stay free of its data and models.
const tagger = createTagger();

export const handler = sqsBatchHandler<ArticleMessage>(async ({ source, item }) => {
  const outcome = await processItem(source, item, { http, stories, tagger, now, log, publishThreshold });
  log.info({ sourceId: source.id, url: item.url, outcome }, 'article processed');
}, log);
