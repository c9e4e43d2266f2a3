// Progress lines for an ingest run, shared by `ingest --once` and the scheduler of `npm start`.
import type { SourceReport } from '../core/ingest/run-ingest.ts';
import type { StoredSource } from '../core/ports.ts';
import { relativeTime, say } from './terminal.ts';

export const progress = (now: () => Date) => ({
  onSourceStart: (source: StoredSource) => say(`→ ${source.id}: fetching ${source.url}`),
  onSourceDone: (r: SourceReport) => {
    if (r.error) return say(`✗ ${r.sourceId}: ${r.error} (next try ${relativeTime(r.nextDueAt, now())})`);
    if (r.notModified) return say(`✓ ${r.sourceId}: not modified`);
    const parts = [`${r.items} items`, `${r.stored} new`];
    if (r.seen + r.duplicates) parts.push(`${r.seen + r.duplicates} already stored`);
    if (r.failedItems) parts.push(`${r.failedItems} failed (retried next run)`);
    say(`✓ ${r.sourceId}: ${parts.join(', ')}`);
  },
});

export function summary(reports: SourceReport[]): string {
  const stored = reports.reduce((n, r) => n + r.stored, 0);
  const failed = reports.filter((r) => r.error).length;
  return `ingest: ${reports.length} sources, ${stored} new stories${failed ? `, ${failed} sources failed` : ''}`;
}
