import { describe, expect, it } from 'vitest';
import { canonicalUrl, storyId } from '../../../lambdas/core/extract/canonical-url.ts';
import { ExtractError } from '../../../lambdas/core/extract/errors.ts';

describe('canonicalUrl', () => {
  it.each([
    ['HTTPS://News.Example.ORG/Story', 'https://news.example.org/Story'],
    ['http://example.org:80/a', 'http://example.org/a'],
    ['https://example.org:443/a', 'https://example.org/a'],
    ['https://example.org:8443/a', 'https://example.org:8443/a'],
    ['https://example.org/a#comments', 'https://example.org/a'],
    ['https://example.org', 'https://example.org/'],
    ['https://example.org/news/', 'https://example.org/news/'],
    ['https://example.org/news', 'https://example.org/news'],
    ['https://example.org/a?', 'https://example.org/a'],
    ['https://user:secret@example.org/a', 'https://example.org/a'],
    ['https://example.org/a?utm_source=rss&utm_medium=feed&utm_campaign=x', 'https://example.org/a'],
    ['https://example.org/a?UTM_Source=rss&id=7', 'https://example.org/a?id=7'],
    ['https://example.org/a?fbclid=1&gclid=2&mc_cid=3&mc_eid=4&_ga=5&ref=6&cmpid=7&ocid=8&igshid=9', 'https://example.org/a'],
    ['https://example.org/a?CMP=share_btn_tw&at_medium=social&ns_source=x&pk_campaign=y', 'https://example.org/a'],
    ['https://example.org/article.aspx?id=5521&utm_medium=email', 'https://example.org/article.aspx?id=5521'],
    ['https://example.org/a?page=2&id=7&category=news', 'https://example.org/a?category=news&id=7&page=2'],
    ['https://example.org/search?q=public%20service%20mutuals', 'https://example.org/search?q=public+service+mutuals'],
    ['  https://example.org/a  ', 'https://example.org/a'],
    ['archive://Bundled/2012/story.txt', 'archive://bundled/2012/story.txt'],
  ])('%s → %s', (input, expected) => {
    expect(canonicalUrl(input)).toBe(expected);
  });

  it.each([
    ['/news/a?utm_source=x', 'https://example.org/section/page', 'https://example.org/news/a'],
    ['b', 'https://example.org/news/a', 'https://example.org/news/b'],
    ['//cdn.example.org/x', 'https://example.org/', 'https://cdn.example.org/x'],
    ['https://other.example/x', 'https://example.org/', 'https://other.example/x'],
  ])('resolves %s against %s', (input, base, expected) => {
    expect(canonicalUrl(input, base)).toBe(expected);
  });

  it('gives the same URL for every spelling of one story', () => {
    const spellings = [
      'https://www.example.org/news/mutual?id=4&utm_source=twitter',
      'HTTPS://WWW.EXAMPLE.ORG:443/news/mutual?fbclid=abc&id=4#top',
      'https://www.example.org/news/mutual?id=4',
    ];
    expect(new Set(spellings.map((url) => canonicalUrl(url))).size).toBe(1);
  });

  it.each(['not a url', '', '/relative/without/base', 'mailto:press@example.org', 'javascript:alert(1)', 'ftp://example.org/file'])(
    'rejects %j with a clean extract error',
    (input) => {
      expect(() => canonicalUrl(input)).toThrow(ExtractError);
      expect(() => canonicalUrl(input)).toThrow(/^extract: not a (valid URL|web address): /);
    },
  );
});

describe('storyId', () => {
  it('is the first 16 hex digits of the SHA-256 of the canonical URL', () => {
    // sha256("https://example.org/") = 8198d1bac40a1033653a78e48800cefc9e6b974ff075c66e5548b5c1e145a2b0
    expect(storyId('https://example.org/')).toBe('8198d1bac40a1033');
  });

  it('is stable and tells different stories apart', () => {
    const a = storyId(canonicalUrl('https://example.org/a?utm_source=x'));
    expect(storyId('https://example.org/a')).toBe(a);
    expect(storyId('https://example.org/b')).not.toBe(a);
    expect(a).toMatch(/^[0-9a-f]{16}$/);
  });
});
