import { describe, expect, it } from 'vitest';
import { renderFeed, type FeedDescription, type FeedEntry } from '../../../lambdas/core/feeds/render-feed.ts';
import { readJsonFeed, readWithFeedparser } from './readers.ts';

const base = 'https://news.example.org';
const description: FeedDescription = {
  title: 'mutuals-news: Health & care',
  description: 'News about <mutuals>',
  homeUrl: `${base}/?sector=health&event=other`,
  urls: { rss: `${base}/feeds/all.rss?q=a&b`, atom: `${base}/feeds/all.atom?q=a&b`, json: `${base}/feeds/all.json?q=a&b` },
  updated: new Date('2013-03-15T09:15:00.000Z'),
  publisher: 'mutuals-news',
  language: 'en-GB',
};

// Everything a story's text can hold that breaks a careless feed writer.
const tricky: FeedEntry = {
  id: 'urn:mutuals-news:story:0001',
  title: 'Sirona care & health wins <community> "contract" ]]> today \u0001 — £2m 🎉',
  url: 'https://outlet.example.org/news?id=1&ref=feed',
  published: new Date('2013-03-15T09:15:00.000Z'),
  summary: 'A & B <b>not markup</b> ]]> ]]> end',
  author: 'Jo Bloggs & Co',
  categories: [
    { term: 'health', label: 'Health', scheme: `${base}/api/sectors` },
    { term: 'sirona-care-health', label: 'Sirona care & health', scheme: `${base}/api/organisations` },
  ],
};
const plain: FeedEntry = {
  id: 'urn:mutuals-news:story:0002',
  title: 'MyCSP goes live',
  url: 'https://outlet.example.org/news/2',
  published: new Date('2012-05-01T09:00:00.000Z'),
  summary: 'MyCSP left the Cabinet Office.',
  categories: [{ term: 'mycsp', label: 'MyCSP', scheme: `${base}/api/organisations` }],
};
const expectedTitle = 'Sirona care & health wins <community> "contract" ]] > today  — £2m 🎉';

const decodeHtml = (text: string) =>
  text.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&quot;', '"').replaceAll('&amp;', '&');

describe('renderFeed for feed readers', () => {
  it.each(['rss', 'atom'] as const)('%s parses cleanly in feedparser with every field', (format) => {
    const read = readWithFeedparser(renderFeed(format, description, [tricky, plain]));
    expect(read.bozo, read.error).toBe(false);
    expect(read.version).toBe(format === 'rss' ? 'rss20' : 'atom10');
    expect(read.feed.title).toBe('mutuals-news: Health & care');
    expect(read.feed.links).toContainEqual({ rel: 'self', href: description.urls[format] });
    expect(read.feed.links).toContainEqual({ rel: 'alternate', href: description.homeUrl });
    expect(read.entries).toHaveLength(2);
    const [first, second] = read.entries;
    // Atom titles are typed html by the package, so a reader gets them as escaped HTML.
    expect(first!.title_type === 'text/html' ? decodeHtml(first!.title) : first!.title).toBe(expectedTitle);
    expect(first!.link).toBe(tricky.url);
    expect(first!.id).toBe(tricky.id);
    expect(first!.published).toBe('2013-03-15T09:15:00Z');
    expect(decodeHtml(first!.summary ?? '')).toBe('A & B <b>not markup</b> ]] > ]] > end');
    expect(first!.author).toBe('Jo Bloggs & Co');
    const labels = first!.tags.map((t) => (format === 'atom' ? t.label : t.term));
    expect(labels).toEqual(['Health', 'Sirona care & health']);
    if (format === 'atom') expect(first!.tags.map((t) => t.term)).toEqual(['health', 'sirona-care-health']);
    expect(second!.title).toBe('MyCSP goes live');
  });

  it('writes JSON Feed 1.1 that our parser reads back', async () => {
    const { checked, parsed } = await readJsonFeed(renderFeed('json', description, [tricky, plain]));
    expect(checked.feed_url).toBe(description.urls.json);
    expect(checked.language).toBe('en-GB');
    expect(checked.authors).toEqual([{ name: 'mutuals-news' }]);
    expect(checked.items[0]).toMatchObject({
      id: tricky.id,
      url: tricky.url,
      title: expectedTitle,
      date_published: '2013-03-15T09:15:00.000Z',
      tags: ['Health', 'Sirona care & health'],
      authors: [{ name: 'Jo Bloggs & Co' }],
    });
    expect(parsed.items.map((i) => i.guid)).toEqual([tricky.id, plain.id]);
    expect(parsed.title).toBe('mutuals-news: Health & care');
  });

  it.each(['rss', 'atom'] as const)('an empty %s feed is still a valid feed', (format) => {
    const read = readWithFeedparser(renderFeed(format, description, []));
    expect(read.bozo, read.error).toBe(false);
    expect(read.entries).toEqual([]);
  });
});
