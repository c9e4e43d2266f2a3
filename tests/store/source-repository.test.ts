import { beforeAll, describe, expect, it } from 'vitest';
import type { SourceRepository } from '../../lambdas/core/ports.ts';
import { createSourceRepository } from '../../lambdas/store/source-repository.ts';
import { freshTable } from '../support/dynamo.ts';

let sources: SourceRepository;
const now = new Date('2020-01-01T12:00:00.000Z');

beforeAll(async () => {
  const table = await freshTable();
  sources = createSourceRepository(table.db, table.tableName);
});

describe('source repository on DynamoDB Local', () => {
  it('adds sources due now, keeps health across edits, and pauses disabled ones', async () => {
    await sources.put({ id: 'gov', name: 'GOV.UK', url: 'https://www.gov.uk/feed', kind: 'feed' }, now);
    await sources.put({ id: 'paused', name: 'Paused', url: 'https://p.example/feed', kind: 'feed', enabled: false }, now);
    expect((await sources.due(now)).map((s) => s.id)).toEqual(['gov']);

    await sources.saveHealth('gov', { consecutiveFailures: 2, lastError: 'HTTP 500', nextDueAt: '2020-01-01T14:00:00.000Z' });
    expect(await sources.due(now)).toEqual([]);
    expect((await sources.due(new Date('2020-01-01T14:00:00.000Z'))).map((s) => s.id)).toEqual(['gov']);

    await sources.put({ id: 'gov', name: 'GOV.UK news', url: 'https://www.gov.uk/feed', kind: 'feed', everyMinutes: 30 }, now);
    const gov = await sources.get('gov');
    expect(gov?.name).toBe('GOV.UK news');
    expect(gov?.health.consecutiveFailures).toBe(2);
    expect((await sources.list()).map((s) => s.id)).toEqual(['gov', 'paused']);
  });

  it('removes a source, and health for a removed source is dropped', async () => {
    await sources.put({ id: 'gone', name: 'Gone', url: 'https://g.example/feed', kind: 'feed' }, now);
    expect(await sources.remove('gone')).toBe(true);
    expect(await sources.remove('gone')).toBe(false);
    await sources.saveHealth('gone', { consecutiveFailures: 0, nextDueAt: now.toISOString() });
    expect(await sources.get('gone')).toBeUndefined();
  });
});
