// Stories out as RSS 2.0, Atom 1.0 or JSON Feed 1.1, written by the `feed` package. Only this
// module knows the package; it also covers the package's gaps (below) so that readers parse
// every feed cleanly.
import { Feed, type Item } from 'feed';

export type FeedFormat = 'rss' | 'atom' | 'json';

export const FEED_FORMATS: Record<FeedFormat, { contentType: string; name: string }> = {
  rss: { contentType: 'application/rss+xml; charset=utf-8', name: 'RSS 2.0' },
  atom: { contentType: 'application/atom+xml; charset=utf-8', name: 'Atom 1.0' },
  json: { contentType: 'application/feed+json; charset=utf-8', name: 'JSON Feed 1.1' },
};

export interface FeedCategory {
  /** The machine name (a slug). */
  term: string;
  /** The readable name. */
  label: string;
  /** A URL naming the vocabulary the term belongs to. */
  scheme: string;
}

export interface FeedEntry {
  /** A URI naming the story for good: Atom id, RSS guid, JSON Feed id. */
  id: string;
  title: string;
  url: string;
  published: Date;
  /** Plain text. */
  summary: string;
  author?: string;
  categories: FeedCategory[];
}

export interface FeedDescription {
  title: string;
  description: string;
  /** The web page the feed follows. */
  homeUrl: string;
  /** The feed in each format: each format's self link is its own URL. */
  urls: Record<FeedFormat, string>;
  /** When the newest entry changed. */
  updated: Date;
  /** Who publishes the feed (Atom asks for an author when entries have none). */
  publisher: string;
  language: string;
}

// Characters XML 1.0 forbids, and lone surrogates: a reader refuses a feed holding one.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Text fit for the package's CDATA sections and attributes: xml-js splits only the first `]]>` of
 * a CDATA section and escapes only quotes in attributes, so those are defused here.
 */
function xmlText(text: string): string {
  return text.replace(NOT_XML, '').replaceAll(']]>', ']] >');
}

const attribute = (text: string) => xmlText(text).replaceAll('<', '‹').replaceAll('>', '›');

function escapeHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}

function feedOf(description: FeedDescription, entries: FeedEntry[], format: FeedFormat): Feed {
  const feed = new Feed({
    id: description.urls.atom,
    title: xmlText(description.title),
    description: xmlText(description.description),
    link: description.homeUrl,
    feedLinks: { ...description.urls },
    updated: description.updated,
    language: description.language,
    author: { name: attribute(description.publisher) },
    generator: 'mutuals-news',
  });
  for (const entry of entries) {
    const item: Item = {
      // Atom titles are typed "html" by the package: the text is escaped to stay text.
      title: format === 'atom' ? escapeHtml(xmlText(entry.title)) : xmlText(entry.title),
      id: entry.id,
      link: entry.url,
      date: entry.published,
      published: entry.published,
      description: escapeHtml(xmlText(entry.summary)),
      author: entry.author ? [{ name: attribute(entry.author) }] : undefined,
      category: entry.categories.map((c) => ({ name: attribute(c.label), term: attribute(c.term), scheme: c.scheme, domain: c.scheme })),
    };
    feed.addItem(item);
  }
  return feed;
}

/** JSON Feed 1.1 from the package's 1.0: the version, `authors` lists and the language. */
function toJsonFeed11(json: string, language: string): string {
  const feed = JSON.parse(json) as Record<string, unknown> & { items: Array<Record<string, unknown>> };
  const authors = (holder: Record<string, unknown>) => {
    if (holder.author) holder.authors = [holder.author];
    delete holder.author;
  };
  authors(feed);
  for (const item of feed.items) authors(item);
  return JSON.stringify({ ...feed, version: 'https://jsonfeed.org/version/1.1', language });
}

export function renderFeed(format: FeedFormat, description: FeedDescription, entries: FeedEntry[]): string {
  const feed = feedOf(description, entries, format);
  if (format === 'rss') return feed.rss2();
  if (format === 'atom') return feed.atom1();
  return toJsonFeed11(feed.json1(), description.language);
}
