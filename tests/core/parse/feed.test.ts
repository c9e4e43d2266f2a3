import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import type { ParsedFeed } from '../../../lambdas/core/model.ts';
import { FeedParseError, MAX_FEED_BYTES, parseFeed } from '../../../lambdas/core/parse/feed.ts';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/feeds/${name}`, import.meta.url));
const conformance = (name: string) => readFileSync(new URL(`../../../../shared/corpus/feeds/conformance/${name}`, import.meta.url));
const utf8 = (text: string) => new TextEncoder().encode(text);
const rssItem = (item: string) => utf8(`<rss version="2.0"><channel><title>t</title><item>${item}</item></channel></rss>`);
const atomEntry = (entry: string, feedAttrs = 'xmlns="http://www.w3.org/2005/Atom"') => utf8(`<feed ${feedAttrs}><entry>${entry}</entry></feed>`);
const firstItem = async (bytes: Uint8Array, options?: Parameters<typeof parseFeed>[1]) => (await parseFeed(bytes, options)).items[0];

describe('RSS 2.0', () => {
  it('reads the channel and its items', async () => {
    const feed = await parseFeed(fixture('rss2.xml'));
    expect(feed.title).toBe('Mutuals Weekly');
    expect(feed.link).toBe('https://mutuals.example/');
    expect(feed.items).toHaveLength(4);
    expect(feed.items[0]).toEqual({
      title: 'Leading Lives wins & expands',
      link: 'https://mutuals.example/news/leading-lives',
      guid: 'https://mutuals.example/?p=1',
      published: '2025-03-04T09:30:00Z',
      author: 'Sam Editor',
      summary: '<p>The Suffolk <b>social care</b> mutual grows.</p>',
      content: '<p>Full story about <a href="/orgs/leading-lives">Leading Lives</a>.</p>',
    });
  });

  it.each([
    ['a permalink guid stands in for a missing link', 1, 'https://mutuals.example/news/permalink'],
    ['a guid with isPermaLink="false" never becomes the link', 2, undefined],
    ['a link wins over a permalink guid', 3, 'news/relative-story'],
  ])('%s', async (_, index, link) => {
    const feed = await parseFeed(fixture('rss2.xml'));
    expect(feed.items[index]?.link).toBe(link);
  });

  it.each([
    ['an atom:link rel=alternate', '<atom:link rel="self" href="https://a.example/feed"/><atom:link href="https://a.example/story"/>', 'https://a.example/story'],
    ['the <link> with text, not an Atom link without prefix', '<link xmlns="http://www.w3.org/2005/Atom" href="https://a.example/x"/><link>https://a.example/story</link>', 'https://a.example/story'],
  ])('takes the link from %s', async (_, xml, link) => {
    const item = await firstItem(utf8(`<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><item>${xml}</item></channel></rss>`));
    expect(item?.link).toBe(link);
  });

  it('resolves relative links against the feed URL', async () => {
    const feed = await parseFeed(fixture('rss2.xml'), { url: 'https://mutuals.example/feeds/all.rss' });
    expect(feed.items[3]?.link).toBe('https://mutuals.example/feeds/news/relative-story');
  });

  it.each([
    ['several dc:creator', '<dc:creator>First</dc:creator><dc:creator>Second</dc:creator>', 'First, Second'],
    ['an address with a name', '<author>me@example.com (Example editor)</author>', 'Example editor'],
    ['a name with an address', '<author>Example editor &lt;me@example.com&gt;</author>', 'Example editor'],
    ['an address alone', '<author>me@example.com</author>', undefined],
    ['dc:author', '<dc:author>Example editor</dc:author>', 'Example editor'],
  ])('takes the author name from %s', async (_, xml, author) => {
    const item = await firstItem(utf8(`<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><item>${xml}</item></channel></rss>`));
    expect(item?.author).toBe(author);
  });

  it.each([
    ['pubDate', '<pubDate>Thu, 01 Jan 2004 19:48:21 GMT</pubDate>', { published: '2004-01-01T19:48:21Z' }],
    ['dcterms:issued', '<dcterms:issued>2003-12-31T10:14:55Z</dcterms:issued>', { published: '2003-12-31T10:14:55Z' }],
    ['dc:date', '<dc:date>2003-12-31T10:14:55-01:00</dc:date>', { updated: '2003-12-31T11:14:55Z' }],
    ['dcterms:modified', '<dcterms:modified>2003-12-31T10:14:55Z</dcterms:modified>', { updated: '2003-12-31T10:14:55Z' }],
    ['an unreadable pubDate', '<pubDate>soon</pubDate>', {}],
  ])('reads the date in %s', async (_, xml, dates) => {
    const ns = 'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"';
    const item = await firstItem(utf8(`<rss version="2.0" ${ns}><channel><item><title>x</title>${xml}</item></channel></rss>`));
    expect({ published: item?.published, updated: item?.updated }).toEqual({ published: undefined, updated: undefined, ...dates });
  });

  it.each([
    ['escaped HTML', '<description>&lt;p&gt;a &amp;amp; b&lt;/p&gt;</description>', 'summary', '<p>a &amp; b</p>'],
    ['naked markup', '<description><p>Naked <em>markup</em></p></description>', 'summary', '<p>Naked <em>markup</em></p>'],
    ['CDATA', '<description><![CDATA[ <code>&lt;br /></code> ]]></description>', 'summary', '<code>&lt;br /></code>'],
    ['an xhtml:body', '<body xmlns="http://www.w3.org/1999/xhtml"><p>Body</p></body>', 'content', '<p>Body</p>'],
  ])('reads %s', async (_, xml, field, expected) => {
    const item = await firstItem(rssItem(xml));
    expect(item?.[field as 'summary' | 'content']).toBe(expected);
  });

  it('reads the feed of namespace-prefixed RSS elements, not a clashing extension', async () => {
    const feed = await parseFeed(fixture('rss-prefixed.xml'));
    expect(feed).toEqual({
      title: 'Prefixed RSS',
      link: 'https://prefixed.example/',
      items: [{ title: 'Item in a prefixed namespace', author: 'Dee Creator', summary: 'The RSS description' }],
    });
  });

  it('reads items that sit straight under <rss>, with no channel', async () => {
    const feed = await parseFeed(fixture('no-channel.xml'));
    expect(feed.items).toEqual([{ title: 'Item without a channel', link: 'https://nochannel.example/1' }]);
  });

  it('expands entities declared in the DTD and maps C1 controls to windows-1252', async () => {
    const feed = await parseFeed(fixture('entities.xml'));
    expect(feed.title).toBe('Leading Lives news\u00a0feed');
    expect(feed.items[0]).toEqual({ title: 'Smart “quotes” and ’C1’', guid: 'tag:entities.example,2025:1' });
  });

  it('repairs bare ampersands and a document cut short', async () => {
    const feed = await parseFeed(fixture('repairable.xml'));
    expect(feed.items[0]).toEqual({ title: 'Fish & chips & peas', link: 'https://repair.example/?a=1&b=2' });
  });
});

describe('RSS 1.0 (RDF)', () => {
  it('reads the channel and items beside it, with rdf:about as the guid', async () => {
    expect(await parseFeed(fixture('rss1.rdf'))).toEqual({
      title: 'Mutuals RDF',
      link: 'https://mutuals.example/',
      items: [
        {
          title: 'MyCSP marks ten years',
          link: 'https://mutuals.example/1',
          guid: 'https://mutuals.example/1',
          published: '2022-04-01T09:00:00Z',
          updated: '2022-04-01T11:00:00Z',
          author: 'Pat Reporter',
          summary: 'The pensions mutual looks back.',
        },
      ],
    });
  });

  it.each([
    ['rdf/rss090_item_title.xml', 'Item title'],
    ['namespace/rss1.0withModulesNoDefNS.xml', 'Test Item - RSS 1.0 no Default NS'],
  ])('reads %s from the corpus', async (file, title) => {
    expect((await firstItem(conformance(file)))?.title).toBe(title);
  });
});

describe('Atom 1.0', () => {
  const feed = () => parseFeed(fixture('atom10.xml'));

  it('reads the feed title (html) and its alternate link against xml:base', async () => {
    const { title, link } = await feed();
    expect({ title, link }).toEqual({ title: 'Central Surrey <i>Health</i> news', link: 'https://atom.example/blog/' });
  });

  it('reads an entry: xhtml without its div, rel=alternate over other links, several authors, relative URIs resolved', async () => {
    expect((await feed()).items[0]).toEqual({
      title: 'An <b>xhtml</b> title',
      link: 'https://atom.example/blog/posts/first.html',
      guid: 'tag:atom.example,2025:1',
      published: '2025-01-02T01:04:05Z',
      updated: '2025-01-03T00:00:00Z',
      author: 'One Author, Two Author',
      summary: 'Plain <text> summary',
      content: '<p>See <img src="https://cdn.atom.example/media/pic.png" /> and <a href="https://cdn.atom.example/about">about</a> &amp; more.</p>',
    });
  });

  it('resolves links against the entry xml:base, and inherits the feed author', async () => {
    const entry = (await feed()).items[1];
    expect(entry).toMatchObject({ link: 'https://other.example/second', author: 'Feed Author', content: '<p>Escaped <b>HTML</b></p>' });
  });

  it('prefers the HTML alternate, and leaves content given by reference out', async () => {
    const entry = (await feed()).items[2];
    expect(entry?.link).toBe('https://atom.example/report.html');
    expect(entry?.content).toBeUndefined();
  });

  it.each([
    ['text', '<title type="text">History of the &lt;blink&gt; tag</title>', 'History of the <blink> tag'],
    ['html', '<title type="html">Q&amp;amp;A session</title>', 'Q&amp;A session'],
    ['empty type', '<title type="">evil</title>', 'evil'],
    ['xhtml', '<title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">Example <b>Atom</b></div></title>', 'Example <b>Atom</b>'],
    ['base64 of another MIME type', '<title type="application/octet-stream">RXhhbXBsZSA8Yj5BdG9tPC9iPg==</title>', 'Example <b>Atom</b>'],
    ['html with a TypePad div', '<title type="html"><div xmlns="http://www.w3.org/1999/xhtml">Example &lt;b&gt;Atom&lt;/b&gt;</div></title>', 'Example <b>Atom</b>'],
  ])('reads a %s text construct', async (_, xml, title) => {
    expect((await firstItem(atomEntry(xml)))?.title).toBe(title);
  });

  it('takes the link of an element without href from its text', async () => {
    expect((await firstItem(atomEntry('<link rel="enclosure">http://e/</link><link rel="alternate">http://a/</link>')))?.link).toBe('http://a/');
  });

  it('reads only the entry id, not one nested deeper', async () => {
    expect((await firstItem(atomEntry('<image><id>wrong</id></image><id>right</id>')))?.guid).toBe('right');
  });

  it('reads a prefixed Atom document', async () => {
    const bytes = utf8('<a:feed xmlns:a="http://www.w3.org/2005/Atom"><a:title>Prefixed</a:title><a:entry><a:title>E</a:title></a:entry></a:feed>');
    expect(await parseFeed(bytes)).toEqual({ title: 'Prefixed', items: [{ title: 'E' }] });
  });
});

describe('Atom 0.3', () => {
  it('reads modes (escaped, base64, xml keeping its div) and issued/modified', async () => {
    expect(await parseFeed(fixture('atom03.xml'))).toEqual({
      title: 'Atom <b>0.3</b>',
      link: 'https://old.example/',
      items: [
        {
          title: 'NaviGO <b>launch</b>',
          link: 'https://old.example/navigo',
          guid: 'https://old.example/navigo',
          published: '2004-01-01T19:48:21Z',
          updated: '2004-01-01T20:00:00Z',
          author: 'Old Writer',
          summary: '<div>Inline <i>kept</i> div</div>',
          content: 'Plain content',
        },
      ],
    });
  });
});

describe('JSON Feed', () => {
  it('reads version 1.1: authors, html over text, ids as strings, relative URLs resolved', async () => {
    const feed: ParsedFeed = await parseFeed(fixture('feed.json'), { url: 'https://json.example/feed.json' });
    expect(feed).toEqual({
      title: '3BM updates',
      link: 'https://json.example/',
      items: [
        {
          title: 'Education services mutual signs contract',
          link: 'https://json.example/posts/1',
          guid: 'https://json.example/posts/1',
          published: '2025-05-01T09:00:00Z',
          updated: '2025-05-02T00:00:00Z',
          author: 'Alex Author',
          summary: 'A short summary',
          content: '<p>Signed.</p>',
        },
        { link: 'https://elsewhere.example/story', guid: '2', author: 'Feed Team', content: 'Only text' },
      ],
    });
  });

  it('reads version 1.0 with its single author object', async () => {
    expect((await firstItem(fixture('feed-1.0.json')))?.author).toBe('Solo Author');
  });
});

describe('character sets', () => {
  const title = 'Café “Mutual” £5';
  const doc = (declaration: string) => `${declaration}<rss version="2.0"><channel><title>${title}</title></channel></rss>`;

  it.each([
    ['windows-1252 declared', iconv.encode(doc('<?xml version="1.0" encoding="windows-1252"?>'), 'windows-1252'), undefined],
    ['windows-1252 by HTTP header', iconv.encode(doc('<?xml version="1.0" encoding="utf-8"?>'), 'windows-1252'), 'application/rss+xml; charset=windows-1252'],
    ['UTF-16LE with a mark', iconv.encode(doc('<?xml version="1.0" encoding="utf-16"?>'), 'utf-16le', { addBOM: true }), undefined],
    ['UTF-32BE without a mark', iconv.encode(doc('<?xml version="1.0" encoding="utf-32"?>'), 'utf-32be'), undefined],
    ['windows-1252 undeclared', iconv.encode(doc(''), 'windows-1252'), undefined],
  ])('reads %s', async (_, bytes, contentType) => {
    expect((await parseFeed(new Uint8Array(bytes), { contentType })).title).toBe(title);
  });
});

describe('bad input', () => {
  it.each([
    ['empty.xml', 'feed: empty document'],
    ['page.html', 'feed: not a feed (looks like an HTML page)'],
    ['note.xml', 'feed: not a feed (XML with root element <opml>)'],
    ['broken.xml', 'feed: invalid XML (unexpected close tag, line 5)'],
    ['plain.txt', 'feed: not a feed (neither XML nor JSON)'],
    ['not-json.json', 'feed: not a feed (invalid JSON)'],
    ['json-not-feed.json', 'feed: not a feed (JSON, but not a JSON Feed)'],
  ])('%s fails cleanly', async (file, message) => {
    const failure = parseFeed(fixture(file));
    await expect(failure).rejects.toThrow(FeedParseError);
    await expect(failure).rejects.toThrow(message);
  });

  it.each([
    ['white space only', utf8('  \n\t ')],
    ['a comment only', utf8('<!-- nothing -->')],
    ['an unclosed CDATA section', utf8('<rss><channel><title><![CDATA[never closed</title></channel></rss>')],
    ['too many bytes', new Uint8Array(MAX_FEED_BYTES + 1)],
  ])('%s gives a one-line FeedParseError', async (_, bytes) => {
    const error = await parseFeed(bytes).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FeedParseError);
    expect((error as Error).message).toMatch(/^feed: [^\n]+$/);
  });

  it.each([
    ['elements nested too deep', `<rss><channel><item><description>${'<b>'.repeat(5_000)}x${'</b>'.repeat(5_000)}</description></item></channel></rss>`, 'feed: invalid XML (elements nested more than 256 deep)'],
    ['an entity bomb', `<!DOCTYPE rss [<!ENTITY a "${'x'.repeat(1_000_000)}"><!ENTITY b "&a;&a;&a;">]><rss>&b;&b;</rss>`, 'feed: invalid XML (entity expansion too large)'],
  ])('refuses %s', async (_, xml, message) => {
    await expect(parseFeed(utf8(xml))).rejects.toThrow(message);
  });

  it('parses or fails cleanly every ill-formed corpus file', { timeout: 20_000 }, async () => {
    const base = new URL('../../../../shared/corpus/feeds/illformed/', import.meta.url);
    const manifest = JSON.parse(readFileSync(new URL('manifest.json', base), 'utf8')) as { file: string }[];
    for (const { file } of manifest) {
      const outcome = await parseFeed(readFileSync(new URL(file, base))).catch((e: unknown) => e);
      if (outcome instanceof Error) expect(outcome, file).toBeInstanceOf(FeedParseError);
      else expect(Array.isArray((outcome as ParsedFeed).items), file).toBe(true);
    }
  });
});
