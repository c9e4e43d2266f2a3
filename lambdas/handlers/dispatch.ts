import { dispatchDueSources } from '../core/ingest/dispatch.ts';
import type { FetchMessage } from '../core/ingest/messages.ts';
import { enqueuer, fetchQueue, log, now, sources } from './aws-deps.ts';

export const handler = async () => {
  const dispatched = await dispatchDueSources({ sources, now, enqueue: enqueuer<FetchMessage>(fetchQueue) });
  log.info({ count: dispatched.length, sources: dispatched }, 'sources dispatched');
};
