// RSS 0.9x, 2.0 and 1.0 (RDF) to the pipeline's feed model, read from the ordered XML tree.
import type { FeedItem, ParsedFeed } from '../model.ts';
import { toIsoDate } from './dates.ts';
import { joinAuthors, personText } from './people.ts';
import { markupOrText } from './text-constructs.ts';
import { resolveUrl, isAbsoluteUrl } from './urls.ts';
import { baseOf, childElements, firstChild, trimmedText, type XmlElement } from './xml-tree.ts';

/** The first element of these names with text, trimmed. */
function firstText(el: XmlElement, ...names: string[]): string | undefined {
  for (const name of names) {
    for (const child of childElements(el, name)) {
      const text = trimmedText(child);
      if (text) return text;
    }
  }
  return undefined;
}

/** An Atom `<atom:link rel="alternate">` inside RSS, which some feeds give instead of `<link>`. */
function atomAlternate(el: XmlElement, base: string | undefined): string | undefined {
  const link = childElements(el, 'atom:link').find((l) => (l.attrs.rel?.trim() || 'alternate') === 'alternate' && l.attrs.href?.trim());
  return link ? resolveUrl(link.attrs.href!, baseOf(link, base)) : undefined;
}

function link(el: XmlElement, base: string | undefined): string | undefined {
  const text = firstText(el, 'link');
  return text ? resolveUrl(text, base) : atomAlternate(el, base);
}

/** A guid is a permalink unless it says otherwise; only then may it stand in for the link. */
function permalink(item: XmlElement): string | undefined {
  const guid = childElements(item, 'guid').find((g) => trimmedText(g));
  if (!guid || guid.attrs.isPermaLink?.trim().toLowerCase() === 'false') return undefined;
  const value = trimmedText(guid)!;
  return isAbsoluteUrl(value) ? value : undefined;
}

function item(el: XmlElement, channelBase: string | undefined): FeedItem {
  const base = baseOf(el, channelBase);
  const authors = ['author', 'dc:creator', 'dc:author', 'itunes:author', 'atom:author'].flatMap((name) => childElements(el, name).map(personText));
  return {
    title: firstText(el, 'title', 'dc:title'),
    link: link(el, base) ?? permalink(el),
    guid: firstText(el, 'guid') ?? el.attrs['rdf:about']?.trim(),
    published: toIsoDate(firstText(el, 'pubDate', 'dcterms:issued', 'atom:published')),
    updated: toIsoDate(firstText(el, 'dc:date', 'dcterms:modified', 'atom:updated')),
    author: joinAuthors(authors),
    summary: markupOrText(firstChild(el, 'description', 'dc:description'), base),
    content: markupOrText(firstChild(el, 'content:encoded', 'xhtml:body', 'body', 'fullitem'), base),
  };
}

/** `channel` is the channel element; `items` the item elements (inside it, or beside it in RDF). */
export function rssFeed(channel: XmlElement, items: XmlElement[], feedUrl: string | undefined): ParsedFeed {
  const base = baseOf(channel, feedUrl);
  return {
    title: firstText(channel, 'title', 'dc:title'),
    link: link(channel, base),
    items: items.map((el) => item(el, base)),
  };
}
