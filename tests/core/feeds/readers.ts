// Real readers for our feeds: Debian's python3-feedparser for RSS and Atom (this feedparser has
// no JSON Feed support), the JSON Feed 1.1 specification as a schema plus our own parser for JSON.
import { spawnSync } from 'node:child_process';
import { z } from 'zod';
import { parseFeed } from '../../../lambdas/core/parse/feed.ts';

const FEEDPARSER = `
import feedparser, json, sys, time
d = feedparser.parse(sys.stdin.buffer.read())
when = lambda t: time.strftime('%Y-%m-%dT%H:%M:%SZ', t) if t else None
print(json.dumps({
  'bozo': bool(d.bozo), 'error': str(d.get('bozo_exception', '')), 'version': d.version,
  'feed': {'title': d.feed.get('title'), 'updated': when(d.feed.get('updated_parsed')),
           'links': [{'rel': l.get('rel'), 'href': l.get('href')} for l in d.feed.get('links', [])]},
  'entries': [{'title': e.get('title'), 'title_type': e.get('title_detail', {}).get('type'),
               'link': e.get('link'), 'id': e.get('id'), 'published': when(e.get('published_parsed')),
               'summary': e.get('summary'), 'author': e.get('author'),
               'tags': [{'term': t.get('term'), 'label': t.get('label'), 'scheme': t.get('scheme')} for t in e.get('tags', [])]}
              for e in d.entries]}))
`;

export interface ReadFeed {
  bozo: boolean;
  error: string;
  version: string;
  feed: { title: string | null; updated: string | null; links: Array<{ rel: string; href: string }> };
  entries: Array<{
    title: string;
    title_type: string;
    link: string;
    id: string;
    published: string | null;
    summary: string | null;
    author: string | null;
    tags: Array<{ term: string; label: string | null; scheme: string | null }>;
  }>;
}

/** What feedparser makes of an RSS or Atom document. */
export function readWithFeedparser(body: string): ReadFeed {
  const run = spawnSync('/usr/bin/python3', ['-c', FEEDPARSER], { input: body, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`feedparser failed (is python3-feedparser installed?): ${run.stderr}`);
  return JSON.parse(run.stdout) as ReadFeed;
}

const rfc3339 = z.iso.datetime({ offset: true });
const author = z.object({ name: z.string().optional(), url: z.url().optional(), avatar: z.url().optional() });

/** JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/): what it requires and the types it names. */
export const JsonFeed11 = z.object({
  version: z.literal('https://jsonfeed.org/version/1.1'),
  title: z.string(),
  home_page_url: z.url().optional(),
  feed_url: z.url().optional(),
  description: z.string().optional(),
  language: z.string().optional(),
  authors: z.array(author).optional(),
  author: z.never().optional(),
  items: z.array(
    z
      .object({
        id: z.string(),
        url: z.url().optional(),
        title: z.string().optional(),
        content_html: z.string().optional(),
        content_text: z.string().optional(),
        summary: z.string().optional(),
        date_published: rfc3339.optional(),
        date_modified: rfc3339.optional(),
        authors: z.array(author).optional(),
        author: z.never().optional(),
        tags: z.array(z.string()).optional(),
      })
      .refine((item) => item.content_html !== undefined || item.content_text !== undefined, 'an item needs content_html or content_text'),
  ),
});

/** A JSON Feed checked against 1.1 and read by our own feed parser. */
export async function readJsonFeed(body: string) {
  const checked = JsonFeed11.parse(JSON.parse(body));
  const parsed = await parseFeed(new TextEncoder().encode(body), { contentType: 'application/feed+json' });
  return { checked, parsed };
}
