// The default sources are offered once per table: sources a user removes stay removed.
import { beforeEach, describe, expect, it } from 'vitest';
import { readSourcesFile, DEFAULT_SOURCES_FILE, seedSources } from '../../lambdas/local/source-list.ts';
import { createSourceRepository, type DynamoSourceRepository } from '../../lambdas/store/source-repository.ts';
import { freshTable } from '../support/dynamo.ts';

let sources: DynamoSourceRepository;
const now = new Date('2020-01-01T12:00:00.000Z');
const defaults = readSourcesFile(DEFAULT_SOURCES_FILE);

beforeEach(async () => {
  const table = await freshTable();
  sources = createSourceRepository(table.db, table.tableName);
});

describe('seedSources', () => {
  it('adds the default sources to a new table, once', async () => {
    expect(await seedSources(sources, now)).toBe(defaults.length);
    expect(await seedSources(sources, now)).toBe(0);
    expect((await sources.list()).length).toBe(defaults.length);
  });

  it('does not bring back default sources a user removed', async () => {
    await seedSources(sources, now);
    for (const s of await sources.list()) await sources.remove(s.id);
    expect(await seedSources(sources, now)).toBe(0);
    expect(await sources.list()).toEqual([]);
  });

  it('leaves a table that already has feed sources as it is', async () => {
    await sources.put({ id: 'own', name: 'Own feed', url: 'https://own.example/feed', kind: 'feed' }, now);
    expect(await seedSources(sources, now)).toBe(0);
    expect((await sources.list()).map((s) => s.id)).toEqual(['own']);
  });
});
