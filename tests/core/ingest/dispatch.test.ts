import { beforeAll, describe, expect, it } from 'vitest';
import { dispatchDueSources, DISPATCH_LEASE_MINUTES } from '../../../lambdas/core/ingest/dispatch.ts';
import type { FetchMessage } from '../../../lambdas/core/ingest/messages.ts';
import type { SourceRepository } from '../../../lambdas/core/ports.ts';
import { createSourceRepository } from '../../../lambdas/store/source-repository.ts';
import { freshTable } from '../../support/dynamo.ts';

let sources: SourceRepository;
const now = new Date('2024-03-01T10:00:00.000Z');

beforeAll(async () => {
  const table = await freshTable();
  sources = createSourceRepository(table.db, table.tableName);
  await sources.put({ id: 'due', name: 'Due', url: 'https://a.example/feed', kind: 'feed' }, now);
  await sources.put({ id: 'paused', name: 'Paused', url: 'https://b.example/feed', kind: 'feed', enabled: false }, now);
  await sources.put({ id: 'archive', name: 'Archive', url: 'file:///srv/archive', kind: 'archive' }, now);
  await sources.put({ id: 'later', name: 'Later', url: 'https://c.example/feed', kind: 'feed' }, now);
  await sources.saveHealth('later', { consecutiveFailures: 0, nextDueAt: '2024-03-01T11:00:00.000Z' });
});

describe('dispatch of due sources', () => {
  it('queues each due feed once, and holds it back for the lease so the next tick does not queue it again', async () => {
    const sent: FetchMessage[] = [];
    const enqueue = async (messages: FetchMessage[]) => void sent.push(...messages);
    expect(await dispatchDueSources({ sources, now: () => now, enqueue })).toEqual(['due']);
    expect(sent).toEqual([{ sourceId: 'due' }]);
    expect(await dispatchDueSources({ sources, now: () => now, enqueue })).toEqual([]);
    const leased = await sources.get('due');
    expect(Date.parse(leased!.health.nextDueAt) - now.getTime()).toBe(DISPATCH_LEASE_MINUTES * 60_000);
  });
});
