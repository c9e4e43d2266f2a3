import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../../lambdas/core/extract/dom.ts';
import { readJsonLd } from '../../../lambdas/core/extract/json-ld.ts';
import { cleanAuthor, readCanonical, readMetaTags } from '../../../lambdas/core/extract/metadata.ts';
import { stripSiteName } from '../../../lambdas/core/extract/title.ts';

describe('cleanAuthor', () => {
  it.each([
    ['Helen Carter', 'Helen Carter'],
    ['By Helen Carter', 'Helen Carter'],
    ['  by   Helen   Carter ', 'Helen Carter'],
    ['Written by Dan Okafor', 'Dan Okafor'],
    ['Posted on 8 Feb 2013 by Sarah Ahmed', 'Sarah Ahmed'],
    ['By Tom Wright, Health Correspondent', 'Tom Wright'],
    ['Sarah Ahmed | Published: 8 Feb 2013', 'Sarah Ahmed'],
    ['Author: Mark Ellis', 'Mark Ellis'],
    ['Siân Lloyd-Jones', 'Siân Lloyd-Jones'],
    ['https://www.facebook.com/healthservicenews', undefined],
    ['press@example.org', undefined],
    ['@psmtoday', undefined],
    ['admin', undefined],
    ['12 August 2010', undefined],
    ['This is a long sentence that is certainly not the name of a person', undefined],
    ['', undefined],
    [undefined, undefined],
  ])('%j → %j', (raw, expected) => {
    expect(cleanAuthor(raw)).toBe(expected);
  });
});

describe('stripSiteName', () => {
  it.each([
    ['MyCSP spins out | PSM Today', ['PSM Today'], false, 'MyCSP spins out'],
    ['PSM Today - MyCSP spins out', ['PSM Today'], false, 'MyCSP spins out'],
    ['MyCSP spins out :: psm today', ['PSM Today'], false, 'MyCSP spins out'],
    ['PSM Today', ['PSM Today'], false, 'PSM Today'],
    ['Spin-out plans - what staff need to know', [], false, 'Spin-out plans - what staff need to know'],
    ['Pathfinder mutuals to lead public service revolution - Cabinet Office', [], true, 'Pathfinder mutuals to lead public service revolution'],
    ['Surrey care :: Health Service News :: Community', [], true, 'Surrey care :: Health Service News'],
    ['Mutuals – a briefing for councils and their staff on what comes next', [], true, 'Mutuals – a briefing for councils and their staff on what comes next'],
    ['News | Home', [], true, 'News | Home'],
  ])('%j (sites %j, guess %s) → %j', (raw, sites, guess, expected) => {
    expect(stripSiteName(raw, sites, guess)).toBe(expected);
  });
});

describe('readJsonLd', () => {
  const read = (...blocks: string[]) =>
    readJsonLd(parseDocument(blocks.map((block) => `<script type="application/ld+json">${block}</script>`).join('')));

  it.each([
    [
      'a lone NewsArticle',
      ['{"@type":"NewsArticle","headline":"H","datePublished":"2014-06-02","author":{"@type":"Person","name":"Tom Wright"}}'],
      { headline: 'H', datePublished: '2014-06-02', author: 'Tom Wright', publisher: undefined },
    ],
    [
      'an @graph with the author by @id, after a WebPage',
      [
        '{"@graph":[{"@type":"WebPage","name":"Page | Site","datePublished":"2012-01-01"},{"@type":["Article","BlogPosting"],"headline":"Post","datePublished":"2012-04-30T08:15:00+01:00","author":{"@id":"#p1"},"publisher":{"@id":"#org"}},{"@type":"Person","@id":"#p1","name":"Helen Carter"},{"@type":"Organization","@id":"#org","name":"PSM Today"}]}',
      ],
      { headline: 'Post', datePublished: '2012-04-30T08:15:00+01:00', author: 'Helen Carter', publisher: 'PSM Today' },
    ],
    [
      'an array of blocks, authors as a list of names',
      ['[{"@type":"Organization","name":"X"},{"@type":"ReportageNewsArticle","headline":"R","author":["Ann Lee","Bo Chan"]}]'],
      { headline: 'R', datePublished: undefined, author: 'Ann Lee and Bo Chan', publisher: undefined },
    ],
    [
      'an invalid block beside a valid one, in an HTML comment',
      ['{ not json', '<!--{"@type":"WebPage","name":"Only page","datePublished":"2013-01-01"}-->'],
      { headline: 'Only page', datePublished: '2013-01-01', author: undefined, publisher: undefined },
    ],
  ])('reads %s', (_name, blocks, expected) => {
    expect(read(...blocks)).toEqual(expected);
  });

  it('is empty for a page without JSON-LD', () => {
    expect(read()).toEqual({});
  });
});

describe('readCanonical', () => {
  const canonical = (head: string, pageUrl: string) => {
    const document = parseDocument(`<html><head>${head}</head><body></body></html>`);
    return readCanonical(document, readMetaTags(document), pageUrl, pageUrl);
  };

  it.each([
    ['<link rel="canonical" href="/a?utm_source=x&amp;id=2#c">', 'https://ex.org/b', 'https://ex.org/a?id=2'],
    ['<meta property="og:url" content="https://ex.org/og">', 'https://ex.org/b', 'https://ex.org/og'],
    ['<link rel="canonical" href="https://ex.org/link"><meta property="og:url" content="https://ex.org/og">', 'https://ex.org/b', 'https://ex.org/link'],
    ['<link rel="canonical" href="http://[bad">', 'https://ex.org/b?fbclid=1', 'https://ex.org/b'],
    ['<link rel="canonical" href="https://ex.org/">', 'https://ex.org/news/story', 'https://ex.org/news/story'],
    ['', 'https://EX.org/b#top', 'https://ex.org/b'],
  ])('%s on %s → %s', (head, pageUrl, expected) => {
    expect(canonical(head, pageUrl)).toBe(expected);
  });
});
