// The dispatch step: which sources are due, handed to the fetch stage one message each.
import type { SourceRepository } from '../ports.ts';
import type { FetchMessage } from './messages.ts';

/** How long a dispatched source is held back, so the next tick does not queue it twice. */
export const DISPATCH_LEASE_MINUTES = 15;

export async function dispatchDueSources(deps: {
  sources: SourceRepository;
  now: () => Date;
  enqueue: (messages: FetchMessage[]) => Promise<void>;
}): Promise<string[]> {
  const now = deps.now();
  const due = (await deps.sources.due(now)).filter((s) => s.kind !== 'archive');
  const leaseUntil = new Date(now.getTime() + DISPATCH_LEASE_MINUTES * 60_000).toISOString();
  // The lease is taken before the messages go: a crash in between delays a source, never doubles it.
  for (const source of due) await deps.sources.saveHealth(source.id, { ...source.health, nextDueAt: leaseUntil });
  await deps.enqueue(due.map((s) => ({ sourceId: s.id })));
  return due.map((s) => s.id);
}
