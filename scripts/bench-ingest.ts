// npm run bench:ingest: ingests a generated local site of 2,000 stories end to end (fetch,
// parse, extract, tag, cluster, store) into an in-memory DynamoDB Local, and prints stories
// per second and peak memory. Each feed is its own outlet on its own loopback address
// (127.0.0.2, 127.0.0.3, …), so requests to one outlet still go one at a time; the sites are
// ours, so the pause between them is off.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHttpClient } from '../lambdas/core/fetch/http-client.ts';
import { runIngest } from '../lambdas/core/ingest/run-ingest.ts';
import { createTagger } from '../lambdas/core/tag/tagger.ts';
import { silentLogger } from '../lambdas/core/log.ts';
import { startDynamoLocal } from '../lambdas/local/dynamodb-local.ts';
import { createDocumentClient } from '../lambdas/store/client.ts';
import { ensureTable } from '../lambdas/store/ensure-table.ts';
import { createSourceRepository } from '../lambdas/store/source-repository.ts';
import { createStoryRepository } from '../lambdas/store/story-repository.ts';

const FEEDS = 20;
const PER_FEED = 100;

const orgs = ['Leading Lives', 'MyCSP', 'Central Surrey Health', 'NAViGO', 'Sirona care & health', 'Explore York Libraries and Archives', 'Your Healthcare', 'City Health Care Partnership'];
const councils = ['Suffolk County Council', 'City of York Council', 'Kingston Council', 'Hull City Council', 'Bristol City Council'];
const places = ['Ipswich', 'York', 'Hull', 'Bristol', 'Kingston upon Thames', 'Grimsby', 'Surrey'];
const pick = <T>(list: T[], n: number) => list[n % list.length]!;

function article(feed: number, n: number): { title: string; html: string; date: string } {
  const i = feed * PER_FEED + n;
  const org = pick(orgs, i);
  const date = new Date(Date.UTC(2012, 0, 1) + i * 3_600_000 * 7).toISOString();
  const title = `${org} ${pick(['wins contract', 'marks anniversary as a mutual', 'hosts minister', 'expands services'], i)} (${i})`;
  const body = [
    `${org}, the staff-owned public service mutual that spun out of ${pick(councils, i)}, said on ${date.slice(0, 10)} that it would expand its services in ${pick(places, i)}.`,
    `The employee-owned social enterprise delivers community health and social care services to thousands of people. Its chief executive said staff ownership had improved productivity and the quality of care since the spin-out.`,
    `The Cabinet Office said public service mutuals now deliver more than a billion pounds of public services, and that story ${i} showed how mutuals can grow.`,
  ];
  const html = `<!doctype html><html><head><title>${title} | Bench News</title>
<meta property="article:published_time" content="${date}"></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>${title}</h1>${body.map((p) => `<p>${p}</p>`).join('\n')}</article>
<aside><h3>Related</h3><ul><li><a href="/x">Another headline</a></li></ul></aside>
<footer>© Bench News</footer></body></html>`;
  return { title, html, date };
}

function feedXml(base: string, feed: number): string {
  const items = Array.from({ length: PER_FEED }, (_, n) => {
    const a = article(feed, n);
    return `<item><title>${a.title}</title><link>${base}/f${feed}/a${n}.html</link><guid>${base}/f${feed}/a${n}.html</guid><pubDate>${new Date(a.date).toUTCString()}</pubDate></item>`;
  }).join('\n');
  return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Bench feed ${feed}</title><link>${base}/</link>${items}</channel></rss>`;
}

const handler = (req: IncomingMessage, res: ServerResponse) => {
  const base = `http://${req.headers.host}`;
  const feed = /^\/feed(\d+)\.xml$/.exec(req.url ?? '');
  const page = /^\/f(\d+)\/a(\d+)\.html$/.exec(req.url ?? '');
  if (feed) {
    res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(feedXml(base, Number(feed[1])));
  } else if (page) {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(article(Number(page[1]), Number(page[2])).html);
  } else res.writeHead(404).end();
};
const servers = await Promise.all(
  Array.from({ length: FEEDS }, async (_, f) => {
    const server = createServer(handler);
    await new Promise<void>((ok) => server.listen(0, `127.0.0.${f + 2}`, ok));
    return server;
  }),
);
const outlet = (f: number) => `http://127.0.0.${f + 2}:${(servers[f]!.address() as AddressInfo).port}`;

const dynamo = await startDynamoLocal();
const db = createDocumentClient({ endpoint: dynamo.endpoint });
await ensureTable(db, 'bench');
const stories = createStoryRepository(db, 'bench');
const sources = createSourceRepository(db, 'bench');
const now = () => new Date();
for (let f = 0; f < FEEDS; f++) await sources.put({ id: `feed-${f}`, name: `Bench feed ${f}`, url: `${outlet(f)}/feed${f}.xml`, kind: 'feed' }, now());

let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
const taggerStart = performance.now();
const tagger = createTagger();
const taggerMs = performance.now() - taggerStart;
const started = performance.now();
const reports = await runIngest(await sources.list(), {
  sources,
  stories,
  tagger,
  http: createHttpClient({ perHostDelayMs: 0 }),
  now,
  log: silentLogger,
  publishThreshold: 0.8,
  concurrency: 8,
});
const seconds = (performance.now() - started) / 1000;
clearInterval(sampler);
peakRss = Math.max(peakRss, process.memoryUsage().rss);

const stored = reports.reduce((n, r) => n + r.stored, 0);
const failed = reports.reduce((n, r) => n + r.failedItems, 0) + reports.filter((r) => r.error).length;
console.log(`bench:ingest  ${stored} stories stored of ${FEEDS * PER_FEED} (${failed} failures) in ${seconds.toFixed(1)} s`);
console.log(`bench:ingest  ${(stored / seconds).toFixed(1)} stories/s end to end; peak RSS ${(peakRss / 2 ** 20).toFixed(0)} MiB; tagger start-up ${taggerMs.toFixed(0)} ms`);

for (const server of servers) server.close();
db.destroy();
await dynamo.stop();
