// npm run bench:api: the API under load on this machine. Fills an in-memory DynamoDB Local with
// 2,000 generated published stories, serves the app with @hono/node-server on 127.0.0.1 and runs
// autocannon against a feed, a tag-partition query and a constant route (the ceiling: what the
// HTTP stack alone allows), printing requests/s, p50 and p99 latency and the share of the ceiling.
// BENCH_SECONDS sets each run's length (default 10).
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import pLimit from 'p-limit';
import { createApp } from '../lambdas/api/app.ts';
import { bundledOrganisations } from '../lambdas/api/directory.ts';
import { SECTORS, EVENT_TYPES } from '../lambdas/api/taxonomy.ts';
import type { StoryRecord } from '../lambdas/core/model.ts';
import { slugify } from '../lambdas/core/slug.ts';
import { startDynamoLocal } from '../lambdas/local/dynamodb-local.ts';
import { createDocumentClient } from '../lambdas/store/client.ts';
import { ensureTable } from '../lambdas/store/ensure-table.ts';
import { createStoryRepository } from '../lambdas/store/story-repository.ts';

interface Histogram {
  average: number;
  p50: number;
  p99: number;
}
interface AutocannonResult {
  requests: Histogram;
  latency: Histogram;
  non2xx: number;
  errors: number;
}
// autocannon ships no types; this is the part of its API used here.
const autocannon = createRequire(import.meta.url)('autocannon') as (options: {
  url: string;
  connections: number;
  duration: number;
}) => Promise<AutocannonResult>;

const STORIES = 2000;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 10;

const mutuals = bundledOrganisations.filter((o) => o.kind === 'mutual').slice(0, 40);
const outlets = ['Civil Service World', 'Public Finance', 'Health Service Journal', 'Third Sector', 'Local Government Chronicle', 'Co-operative News'];
const places = ['Ipswich', 'York', 'Hull', 'Bristol', 'Kingston upon Thames', 'Grimsby', 'Surrey', 'Liverpool'];
const pick = <T>(list: readonly T[], n: number) => list[n % list.length]!;

function story(i: number): StoryRecord {
  // Skewed towards the first organisations, as real coverage is.
  const org = mutuals[Math.floor(mutuals.length * (i / STORIES) ** 2) % mutuals.length]!;
  const published = new Date(Date.UTC(2011, 0, 1) + i * 26 * 3_600_000).toISOString();
  const outlet = pick(outlets, i * 7);
  const title = `${org.name} ${pick(['wins a contract', 'marks a year as a mutual', 'hosts the minister', 'expands its services'], i)} (${i})`;
  return {
    id: `bench${String(i).padStart(11, '0')}`,
    url: `https://${slugify(outlet)}.example.org/news/${i}`,
    title,
    published,
    text: `${title}. The staff-owned public service mutual said it would grow. `.repeat(20),
    summary: `${org.name}, the staff-owned public service mutual, said on ${published.slice(0, 10)} that it would grow in ${pick(places, i)}.`,
    source: slugify(outlet),
    sourceName: outlet,
    extraction: 'page',
    fetchedAt: published,
    status: 'published',
    version: 1,
    tags: {
      relevant: true,
      relevance: 0.95,
      sectors: org.sectors.length ? org.sectors : [pick(SECTORS, i)],
      eventType: pick(EVENT_TYPES, i * 3),
      organisations: [{ name: org.name, kind: 'mutual' }, { name: 'Cabinet Office', kind: 'government' }],
      people: [{ name: 'Francis Maude', role: 'Minister for the Cabinet Office' }],
      places: [pick(places, i)],
      cluster: `bench-${Math.floor(i / 3)}`,
    },
  };
}

const dynamo = await startDynamoLocal();
const db = createDocumentClient({ endpoint: dynamo.endpoint });
const tableName = 'bench-api';
await ensureTable(db, tableName);
const repository = createStoryRepository(db, tableName);
const loadStart = performance.now();
const limit = pLimit(16);
await Promise.all(Array.from({ length: STORIES }, (_, i) => limit(() => repository.saveNew(story(i), { sourceId: 'bench', urls: [`u${i}`] }))));
console.log(`bench:api  ${STORIES} published stories stored in ${((performance.now() - loadStart) / 1000).toFixed(1)} s`);

// The ceiling route lives in this instance only, never among the production routes.
const app = new Hono();
app.get('/bench/ceiling', (c) => c.text('ok'));
app.route('/', createApp({ checkStore: async () => true, db, tableName }));
const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
await new Promise<void>((ok) => server.once('listening', ok));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

const busiest = slugify(mutuals[0]!.name);
const targets = [
  ['ceiling', '/bench/ceiling'],
  ['feed', '/feeds/all.rss'],
  ['by organisation', `/api/stories?organisation=${busiest}`],
] as const;

const results = new Map<string, AutocannonResult>();
for (const [name, path] of targets) {
  const first = await fetch(`${base}${path}`);
  if (first.status !== 200) throw new Error(`bench: ${path} answered ${first.status}`);
  await first.arrayBuffer();
  results.set(name, await autocannon({ url: `${base}${path}`, connections: CONNECTIONS, duration: SECONDS }));
}

const ceiling = results.get('ceiling')!.requests.average;
console.log(`bench:api  ${CONNECTIONS} connections, ${SECONDS} s a route, loopback, one Node process serving`);
for (const [name, path] of targets) {
  const r = results.get(name)!;
  const share = name === 'ceiling' ? '' : `  ${((100 * r.requests.average) / ceiling).toFixed(1)}% of the ceiling`;
  const failures = r.non2xx + r.errors ? `  (${r.non2xx} non-2xx, ${r.errors} errors)` : '';
  console.log(
    `bench:api  ${name.padEnd(16)} ${r.requests.average.toFixed(0).padStart(6)} req/s  p50 ${String(r.latency.p50).padStart(4)} ms  p99 ${String(r.latency.p99).padStart(4)} ms${share}${failures}  ${path}`,
  );
}

await new Promise<void>((ok) => server.close(() => ok()));
db.destroy();
await dynamo.stop();
