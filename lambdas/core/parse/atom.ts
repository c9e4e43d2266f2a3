// Atom 1.0 and 0.3 to the pipeline's feed model, read from the ordered XML tree.
import type { FeedItem, ParsedFeed } from '../model.ts';
import { toIsoDate } from './dates.ts';
import { joinAuthors, personText } from './people.ts';
import { atomText } from './text-constructs.ts';
import { resolveUrl } from './urls.ts';
import { baseOf, childElements, firstChild, trimmedText, type XmlElement } from './xml-tree.ts';

const ATOM_03 = 'http://purl.org/atom/ns#';

/**
 * The alternate link (a link without rel is one): the first of type HTML if several, else the
 * first. Some feeds put the address in the element's text instead of href.
 */
function alternateLink(el: XmlElement, base: string | undefined): string | undefined {
  const alternates = childElements(el, 'link')
    .filter((l) => (l.attrs.rel?.trim() || 'alternate') === 'alternate')
    .map((l) => ({ href: l.attrs.href?.trim() || trimmedText(l), type: l.attrs.type ?? '', el: l }))
    .filter((l) => l.href);
  const chosen = alternates.find((l) => /html/i.test(l.type)) ?? alternates[0];
  return chosen ? resolveUrl(chosen.href!, baseOf(chosen.el, base)) : undefined;
}

function authorsOf(el: XmlElement | undefined): string | undefined {
  if (!el) return undefined;
  return joinAuthors(childElements(el, 'author').map(personText));
}

function entry(el: XmlElement, feedBase: string | undefined, feedAuthor: string | undefined, atom03: boolean): FeedItem {
  const base = baseOf(el, feedBase);
  const text = (name: string) => {
    const child = firstChild(el, name);
    return child ? atomText(child, baseOf(child, base), atom03) : undefined;
  };
  const content = firstChild(el, 'content');
  return {
    title: text('title'),
    link: alternateLink(el, base),
    guid: trimmedText(firstChild(el, 'id')),
    published: toIsoDate(trimmedText(firstChild(el, 'published', 'issued', 'created'))),
    updated: toIsoDate(trimmedText(firstChild(el, 'updated', 'modified'))),
    // RFC 4287 4.2.1: an entry without authors has those of its source, else of the feed.
    author: authorsOf(el) ?? authorsOf(firstChild(el, 'source')) ?? feedAuthor,
    summary: text('summary'),
    // Content given by reference (src) is not in the feed.
    content: content && !content.attrs.src ? text('content') : undefined,
  };
}

/** `feed` is the root element; `entries` its entry elements. */
export function atomFeed(feed: XmlElement, entries: XmlElement[], feedUrl: string | undefined): ParsedFeed {
  const base = baseOf(feed, feedUrl);
  const atom03 = feed.attrs.version?.trim() === '0.3' || feed.attrs.xmlns === ATOM_03;
  const title = firstChild(feed, 'title');
  const author = authorsOf(feed);
  return {
    title: title ? atomText(title, baseOf(title, base), atom03) : undefined,
    link: alternateLink(feed, base),
    items: entries.map((el) => entry(el, base, author, atom03)),
  };
}
