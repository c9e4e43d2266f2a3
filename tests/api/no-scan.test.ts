// Every request path is served by Query, GetItem or BatchGetItem: the commands each route sends
// are recorded on the document client, and a Scan (or anything else) fails the test.
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { Hono } from 'hono';
import { beforeAll, describe, expect, it } from 'vitest';
import { appOver, loadedTable, recordingClient, type LoadedTable } from './app-fixture.ts';
import { OPERATIONS } from '../../lambdas/api/openapi.ts';

const READS = new Set(['QueryCommand', 'GetCommand', 'BatchGetCommand', 'GetItemCommand', 'BatchGetItemCommand']);

// One concrete request for each documented route, plus the filtered variants that choose partitions.
const examples: Record<string, string[]> = {
  '/health': ['/health'],
  '/api/stories': ['/api/stories', '/api/stories?q=mutual&from=2012-01-01', '/api/stories?place=ipswich&person=francis-maude', '/api/stories?event=other&to=2013-01-01'],
  '/api/stories/{id}': ['/api/stories/a1000000000000s1'],
  '/api/organisations': ['/api/organisations', '/api/organisations?kind=mutual&sector=health'],
  '/api/organisations/{slug}': ['/api/organisations/mycsp', '/api/organisations/westfield-community-care'],
  '/api/sectors': ['/api/sectors'],
  '/api/events': ['/api/events'],
  '/feeds/all.{format}': ['/feeds/all.rss', '/feeds/all.json?q=mycsp'],
  '/feeds/spin-outs.{format}': ['/feeds/spin-outs.atom'],
  '/feeds/sectors/{slug}.{format}': ['/feeds/sectors/health.rss?organisation=sirona-care-health'],
  '/feeds/events/{slug}.{format}': ['/feeds/events/contract-news.atom'],
  '/feeds/organisations/{slug}.{format}': ['/feeds/organisations/leading-lives.json', '/feeds/organisations/westfield-community-care.rss'],
  '/': ['/', '/?sector=health&cursor=', '/?organisation=mycsp&limit=1'],
  '/organisations': ['/organisations?kind=mutual'],
  '/organisations/{slug}': ['/organisations/cabinet-office'],
  '/openapi.json': ['/openapi.json'],
  '/docs': ['/docs'],
};

let table: LoadedTable;
let recorded: ReturnType<typeof recordingClient>;
let app: Hono;

beforeAll(async () => {
  table = await loadedTable();
  recorded = recordingClient(table.endpoint);
  app = appOver(table, recorded.db);
});

describe('no request path scans the table', () => {
  it('has an example for every documented route', () => {
    expect(Object.keys(examples).sort()).toEqual(OPERATIONS.map((op) => op.path).sort());
  });

  it('records a Scan when one is sent (the check below can fail)', async () => {
    recorded.commands.length = 0;
    await recorded.db.send(new ScanCommand({ TableName: table.tableName, Limit: 1 }));
    expect(recorded.commands).toEqual(['ScanCommand']);
  });

  // Routes that answer from the code alone (the health check's probe is a stub here).
  const storeless = new Set(['/health', '/openapi.json', '/docs']);

  it.each(Object.entries(examples))('%s reads by key only', async (route, paths) => {
    const commands = recorded.commands;
    commands.length = 0;
    for (const path of paths) {
      const res = await app.request(path);
      expect(res.status, path).toBeLessThan(400);
    }
    expect(commands.length > 0).toBe(!storeless.has(route));
    expect(commands.filter((name) => !READS.has(name))).toEqual([]);
  });
});
