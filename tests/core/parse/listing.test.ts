import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ListingParseError, parseListing } from '../../../lambdas/core/parse/listing.ts';

const page = (name: string): string => readFileSync(new URL(`../../fixtures/pages/${name}`, import.meta.url), 'utf8');

describe('parseListing', () => {
  it('reads teasers: canonical absolute URLs, titles from the title element, dates, each story once', () => {
    const items = parseListing(page('listing-teasers.html'), 'https://www.mutualsnetwork.example/news/', {
      item: 'article.teaser',
      title: '.teaser-title',
      date: 'time, .date',
    });
    expect(items).toEqual([
      {
        url: 'https://www.mutualsnetwork.example/news/2013/02/navigo-recovery-college',
        title: 'NAViGO opens a recovery college',
        published: '2013-02-08T09:00:00.000Z',
      },
      {
        url: 'https://www.psm-today.example/news/mycsp-mutual-joint-venture/',
        title: 'MyCSP becomes a mutual joint venture',
        published: '2012-04-30T00:00:00.000Z',
      },
      {
        url: 'https://www.mutualsnetwork.example/news/news/leading-lives-launch.aspx?id=5521',
        title: 'Leading Lives launches in Suffolk',
        published: '2014-06-02T00:00:00.000Z',
      },
    ]);
  });

  it('takes the link text as the title when there is no title selector, and merges a story linked twice', () => {
    const items = parseListing(page('listing-teasers.html'), 'https://www.mutualsnetwork.example/news/', { item: 'article.teaser a' });
    expect(items.map((item) => [item.url, item.title])).toEqual([
      ['https://www.mutualsnetwork.example/news/2013/02/navigo-recovery-college', 'NAViGO opens a recovery college'],
      ['https://www.psm-today.example/news/mycsp-mutual-joint-venture/', 'MyCSP becomes a mutual joint venture'],
      ['https://www.mutualsnetwork.example/news/news/leading-lives-launch.aspx?id=5521', 'Leading Lives launches in Suffolk'],
    ]);
    expect(items.every((item) => item.published === undefined)).toBe(true);
  });

  it('reads a plain list with dates written as text', () => {
    const items = parseListing(page('listing-press-releases.html'), 'https://www.suffolk.example/press/', {
      item: '.press-list li',
      date: 'span',
    });
    expect(items).toEqual([
      { url: 'https://www.suffolk.example/press/2014/leading-lives-goes-live', title: 'Leading Lives goes live', published: '2014-06-01T00:00:00.000Z' },
      { url: 'https://www.suffolk.example/press/2014/staff-vote-for-mutual', title: 'Staff vote to form a mutual', published: '2014-03-12T00:00:00.000Z' },
      { url: 'https://www.suffolk.example/press/2013/consultation-opens', title: undefined, published: undefined },
    ]);
  });

  it('gives an empty list when the item selector matches nothing', () => {
    expect(parseListing(page('listing-teasers.html'), 'https://www.mutualsnetwork.example/news/', { item: '.no-such-class' })).toEqual([]);
  });

  it('falls back to the text of the first link with text when the title and date selectors match nothing', () => {
    const items = parseListing(page('listing-teasers.html'), 'https://www.mutualsnetwork.example/news/', {
      item: 'article.teaser',
      title: '.missing',
      date: '.missing',
    });
    expect(items.map((item) => [item.title, item.published])).toEqual([
      ['NAViGO opens a recovery college', undefined],
      ['MyCSP becomes a mutual joint venture', undefined],
      ['Leading Lives launches in Suffolk', undefined],
    ]);
  });

  it.each([
    [{ item: 'li[[' }, 'listing: invalid item selector "li[["'],
    [{ item: 'li', title: ':nonsense' }, 'listing: invalid title selector ":nonsense"'],
    [{ item: 'li', date: 'span[' }, 'listing: invalid date selector "span["'],
  ])('rejects %j with a clean error', (selectors, message) => {
    const read = (): unknown => parseListing(page('listing-press-releases.html'), 'https://www.suffolk.example/press/', selectors);
    expect(read).toThrow(ListingParseError);
    expect(read).toThrow(message);
  });

  it('resolves links against the page\'s <base>', () => {
    const html = '<html><head><base href="/archive/"></head><body><a href="story-1">One</a></body></html>';
    expect(parseListing(html, 'https://example.org/news/', { item: 'a' })).toEqual([
      { url: 'https://example.org/archive/story-1', title: 'One', published: undefined },
    ]);
  });

  it('fails cleanly on an invalid page URL', () => {
    const read = (): unknown => parseListing('<a href="/a">A</a>', 'nonsense', { item: 'a' });
    expect(read).toThrow(ListingParseError);
    expect(read).toThrow('listing: not a web address: "nonsense"');
  });
});
