// JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1) to the pipeline's feed model.
import type { FeedItem, ParsedFeed } from '../model.ts';
import { toIsoDate } from './dates.ts';
import { FeedParseError } from './errors.ts';
import { joinAuthors } from './people.ts';
import { resolveUrl } from './urls.ts';

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(value: unknown): string | undefined {
  if (typeof value === 'number') return String(value);
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

/** Authors as 1.1 gives them (`authors`, a list) or 1.0 (`author`, one object). */
function authors(obj: JsonObject): string | undefined {
  const list = Array.isArray(obj.authors) ? obj.authors : [obj.author];
  return joinAuthors(list.filter(isObject).map((a) => str(a.name)));
}

function item(obj: JsonObject, base: string | undefined, feedAuthor: string | undefined): FeedItem {
  const url = str(obj.url) ?? str(obj.external_url);
  return {
    title: str(obj.title),
    link: url ? resolveUrl(url, base) : undefined,
    guid: str(obj.id),
    published: toIsoDate(str(obj.date_published)),
    updated: toIsoDate(str(obj.date_modified)),
    author: authors(obj) ?? feedAuthor,
    summary: str(obj.summary),
    content: str(obj.content_html) ?? str(obj.content_text),
  };
}

/** `doc` is the parsed JSON. Throws FeedParseError when it is not a JSON Feed. */
export function jsonFeed(doc: unknown, feedUrl: string | undefined): ParsedFeed {
  const versioned = isObject(doc) && typeof doc.version === 'string' && doc.version.startsWith('https://jsonfeed.org/version/');
  if (!isObject(doc) || (!versioned && !Array.isArray(doc.items))) throw new FeedParseError('not a feed (JSON, but not a JSON Feed)');
  const base = feedUrl ?? str(doc.feed_url);
  const home = str(doc.home_page_url);
  const feedAuthor = authors(doc);
  return {
    title: str(doc.title),
    link: home ? resolveUrl(home, base) : undefined,
    items: (Array.isArray(doc.items) ? doc.items : []).filter(isObject).map((obj) => item(obj, base, feedAuthor)),
  };
}
