import { describe, expect, it } from 'vitest';
import { parseSource, parseSourceList } from '../../lambdas/core/source-schema.ts';

const feed = { id: 'co-op-news', name: 'Co-op News', url: 'https://www.thenews.coop/feed/', kind: 'feed' };

describe('source schema', () => {
  it('accepts a feed, an html listing with selectors and an archive folder', () => {
    expect(parseSource(feed)).toEqual(feed);
    expect(parseSource({ ...feed, id: 'x', kind: 'html', selectors: { item: 'a.story' } }).selectors).toEqual({ item: 'a.story' });
    expect(parseSource({ ...feed, id: 'a', kind: 'archive', url: 'file:///srv/archive' }).kind).toBe('archive');
  });

  it.each([
    [{ ...feed, url: 'not a url' }, /url/],
    [{ ...feed, url: 'ftp://example.org/feed' }, /url/],
    [{ ...feed, id: 'Has Spaces' }, /id: lower-case letters/],
    [{ ...feed, kind: 'rss' }, /kind/],
    [{ ...feed, kind: 'html' }, /selectors: an "html" source needs selectors/],
    [{ ...feed, everyMinutes: 1 }, /everyMinutes/],
    [{ ...feed, colour: 'red' }, /colour|Unrecognized/],
  ])('refuses %j with a message naming the field', (value, message) => {
    expect(() => parseSource(value)).toThrow(message);
  });

  it('names the position of a bad entry in a list, and refuses an id used twice', () => {
    expect(() => parseSourceList([feed, { ...feed, id: 'b', url: 'nope' }])).toThrow(/\[1\]\.url/);
    expect(() => parseSourceList([feed, feed])).toThrow(/"co-op-news" is used twice/);
    expect(() => parseSourceList({})).toThrow(/sources:/);
  });
});
