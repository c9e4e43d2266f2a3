// One poll of one source: fetch (conditionally), parse, and work out its next health.
import { canonicalUrl } from '../extract/canonical-url.ts';
import { nextHealth } from '../fetch/backoff.ts';
import type { HttpClient } from '../fetch/types.ts';
import type { DiscoveredItem, FeedItem, Source, SourceHealth } from '../model.ts';
import type { SourceRepository, StoredSource } from '../ports.ts';
import { parseFeed } from '../parse/feed.ts';
import { parseListing } from '../parse/listing.ts';
import { decodeHtmlBytes } from '../extract/decode-text.ts';

export interface PollResult {
  items: DiscoveredItem[];
  health: SourceHealth;
  /** Set when the poll failed: the clean message also stored as the source's last error. */
  error?: string;
  notModified: boolean;
}

export interface PollDeps {
  http: HttpClient;
  now: () => Date;
}

const FEED_ACCEPT = 'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5';
const HTML_ACCEPT = 'text/html, application/xhtml+xml;q=0.9, */*;q=0.5';

function fromFeedItem(sourceId: string, base: string, item: FeedItem): DiscoveredItem | undefined {
  const link = item.link ?? (item.guid && /^https?:\/\//i.test(item.guid) ? item.guid : undefined);
  if (!link) return undefined;
  let url: string;
  try {
    url = canonicalUrl(link, base);
  } catch {
    return undefined;
  }
  return {
    sourceId,
    url,
    guid: item.guid,
    title: item.title,
    published: item.published ?? item.updated,
    author: item.author,
    summary: item.summary,
    content: item.content,
  };
}

async function readItems(source: Source, body: Uint8Array, finalUrl: string, contentType?: string): Promise<DiscoveredItem[]> {
  if (source.kind === 'html') {
    if (!source.selectors) throw new Error('listing: source has no selectors (kind "html" needs at least { "item": "CSS selector" })');
    return parseListing(decodeHtmlBytes(body, contentType), finalUrl, source.selectors).map((item) => ({ ...item, sourceId: source.id }));
  }
  const feed = await parseFeed(body, { contentType, url: finalUrl });
  return feed.items.flatMap((item) => fromFeedItem(source.id, finalUrl, item) ?? []);
}

export async function pollSource(source: Source, previous: SourceHealth | undefined, deps: PollDeps): Promise<PollResult> {
  const schedule = { now: deps.now(), everyMinutes: source.everyMinutes };
  try {
    const result = await deps.http.get({
      url: source.url,
      etag: previous?.etag,
      lastModified: previous?.lastModified,
      accept: source.kind === 'html' ? HTML_ACCEPT : FEED_ACCEPT,
    });
    if (result.status === 'not-modified') {
      return { items: [], notModified: true, health: nextHealth(previous, { status: 'not-modified' }, schedule) };
    }
    const items = await readItems(source, result.body, result.url, result.contentType);
    const health = nextHealth(
      previous,
      { status: 'ok', etag: result.etag, lastModified: result.lastModified, itemsSeen: items.length },
      schedule,
    );
    return { items, notModified: false, health };
  } catch (error) {
    const health = nextHealth(previous, { status: 'failed', error }, schedule);
    return { items: [], notModified: false, health, error: health.lastError };
  }
}

/** Polls a source and records its health: the first half of ingest, in both runtimes. */
export async function discover(source: StoredSource, deps: PollDeps & { sources: SourceRepository }): Promise<PollResult> {
  const poll = await pollSource(source, source.health, deps);
  await deps.sources.saveHealth(source.id, poll.health);
  return poll;
}
