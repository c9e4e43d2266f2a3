// A whole ingest pass in one process (the local runtime; AWS spreads the same two steps over
// queues): poll each source, then process its new items, a few at a time.
import pLimit from 'p-limit';
import type { SourceRepository, StoredSource } from '../ports.ts';
import { discover } from './poll-source.ts';
import { processItem, type ItemDeps, type ItemOutcome } from './process-item.ts';

export interface SourceReport {
  sourceId: string;
  items: number;
  stored: number;
  duplicates: number;
  seen: number;
  failedItems: number;
  notModified: boolean;
  error?: string;
  nextDueAt: string;
}

export interface IngestDeps extends ItemDeps {
  sources: SourceRepository;
  /** Items processed at once; the HTTP client still paces requests per host. */
  concurrency?: number;
  onSourceStart?: (source: StoredSource) => void;
  onSourceDone?: (report: SourceReport) => void;
}

export async function ingestSource(source: StoredSource, deps: IngestDeps): Promise<SourceReport> {
  deps.onSourceStart?.(source);
  const poll = await discover(source, deps);
  const counts: Record<ItemOutcome | 'failed', number> = { stored: 0, duplicate: 0, seen: 0, failed: 0 };
  const limit = pLimit(deps.concurrency ?? 4);
  await Promise.all(
    poll.items.map((item) =>
      limit(async () => {
        try {
          counts[await processItem(source, item, deps)] += 1;
        } catch (error) {
          // One bad item never stops the others; it was not marked seen, so the next run retries it.
          counts.failed += 1;
          deps.log.error({ sourceId: source.id, url: item.url, error: (error as Error).message }, 'item failed');
        }
      }),
    ),
  );
  const report: SourceReport = {
    sourceId: source.id,
    items: poll.items.length,
    stored: counts.stored,
    duplicates: counts.duplicate,
    seen: counts.seen,
    failedItems: counts.failed,
    notModified: poll.notModified,
    error: poll.error,
    nextDueAt: poll.health.nextDueAt,
  };
  deps.onSourceDone?.(report);
  return report;
}

/** Ingests the given sources; sources run side by side, since the pacing is per host. */
export async function runIngest(sources: StoredSource[], deps: IngestDeps): Promise<SourceReport[]> {
  const limit = pLimit(deps.concurrency ?? 4);
  return Promise.all(sources.filter((s) => s.kind !== 'archive').map((source) => limit(() => ingestSource(source, deps))));
}
