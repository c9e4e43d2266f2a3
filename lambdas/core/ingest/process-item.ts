// One discovered item through the rest of the pipeline: dedupe, read its page, tag, store.
import { articleFromFeedItem, extractArticle } from '../extract/article.ts';
import { decodeHtmlBytes } from '../extract/decode-text.ts';
import { storyId } from '../extract/canonical-url.ts';
import type { HttpClient } from '../fetch/types.ts';
import type { Logger } from '../log.ts';
import type { Article, DiscoveredItem, Source, StoryRecord, StoryStatus, Tags } from '../model.ts';
import type { NameCandidates, SeenKeys, StoryRepository, StoryTagger } from '../ports.ts';

export type ItemOutcome = 'stored' | 'duplicate' | 'seen';

export interface ItemDeps {
  http: HttpClient;
  stories: StoryRepository;
  tagger: StoryTagger;
  now: () => Date;
  log: Logger;
  /** Relevance at or above which a story is published without review. */
  publishThreshold: number;
}

/** Days either side of a story's date in which another outlet's story may be the same event. */
const CLUSTER_WINDOW_DAYS = 10;
const SUMMARY_CHARS = 300;

async function readArticle(item: DiscoveredItem, deps: ItemDeps): Promise<Article> {
  const hints = { title: item.title, published: item.published, author: item.author, summary: item.summary };
  try {
    const page = await deps.http.get({ url: item.url, accept: 'text/html, application/xhtml+xml;q=0.9, */*;q=0.5' });
    if (page.status === 'not-modified') throw new Error('page: unexpected 304');
    if (page.contentType && !/html|xml|text\/plain/i.test(page.contentType)) throw new Error(`page: not a web page (${page.contentType})`);
    return extractArticle(decodeHtmlBytes(page.body, page.contentType), page.url, hints);
  } catch (error) {
    // The story is kept with what the feed said, marked so that editors know.
    deps.log.warn({ sourceId: item.sourceId, url: item.url, error: (error as Error).message }, 'article page unreadable, kept feed summary');
    return articleFromFeedItem(item);
  }
}

function summarise(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= SUMMARY_CHARS) return flat;
  const cut = flat.slice(0, SUMMARY_CHARS);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), SUMMARY_CHARS - 40))}…`;
}

export function statusFor(tags: Tags, publishThreshold: number): StoryStatus {
  if (!tags.relevant) return 'rejected';
  return tags.relevance >= publishThreshold ? 'published' : 'pending';
}

/** Tags an article and builds the record to store: shared by feed ingest and archive import. */
export function buildRecord(
  article: Article,
  source: Pick<Source, 'id' | 'name'>,
  deps: Pick<ItemDeps, 'tagger' | 'now' | 'publishThreshold'>,
  stored: StoryRecord[],
  guid?: string,
): { record: StoryRecord; names: NameCandidates } {
  const id = storyId(article.url);
  const fetchedAt = deps.now().toISOString();
  const input = { id, title: article.title, text: article.text, url: article.url, published: article.published };
  const { tags, candidates: names } = deps.tagger.tagWithCandidates(input, stored);
  const published = article.published ?? (tags.published ? new Date(tags.published).toISOString() : fetchedAt);
  const record: StoryRecord = {
    id,
    url: article.url,
    guid,
    title: article.title,
    published,
    author: article.author,
    text: article.text,
    summary: summarise(article.text),
    source: source.id,
    sourceName: source.name,
    extraction: article.extraction,
    fetchedAt,
    status: statusFor(tags, deps.publishThreshold),
    version: 1,
    tags,
    taggerVersion: deps.tagger.version,
  };  return { record, names };

}

export async function processItem(source: Pick<Source, 'id' | 'name'>, item: DiscoveredItem, deps: ItemDeps): Promise<ItemOutcome> {
  const seen: SeenKeys = { sourceId: source.id, urls: [item.url], guid: item.guid };
  if (await deps.stories.isSeen(seen)) return 'seen';
  const article = await readArticle(item, deps);
  if (article.url !== item.url) seen.urls.push(article.url);
  const around = article.published ?? item.published ?? deps.now().toISOString();
  const stored = await deps.stories.near(around, CLUSTER_WINDOW_DAYS);
  const { record, names } = buildRecord(article, source, deps, stored, item.guid);
  return deps.stories.saveNew(record, seen, names);
}
