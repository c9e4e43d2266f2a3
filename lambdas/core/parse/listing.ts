// Listing pages (sources of kind "html"): the links to stories on a news index page, found by
// the source's CSS selectors. Only links are read here; each story's page is read by extract.
import { load, type Cheerio, type CheerioAPI } from 'cheerio/slim';
// cheerio's own node type, from the parser it is built on.
import type { AnyNode } from 'domhandler';
import { canonicalUrl } from '../extract/canonical-url.ts';
import { parseDate } from '../extract/dates.ts';
import type { DiscoveredItem, ListingSelectors } from '../model.ts';

/** A story link found on a listing page; the caller adds the source id. */
export type ListingItem = Pick<DiscoveredItem, 'url' | 'title' | 'published'>;

/** A listing that could not be read: the message is one line, fit to store on the source. */
export class ListingParseError extends Error {
  override readonly name = 'ListingParseError';

  constructor(reason: string) {
    super(`listing: ${reason}`);
  }
}

function checkSelectors($: CheerioAPI, selectors: ListingSelectors): void {
  for (const [role, selector] of Object.entries(selectors)) {
    if (selector === undefined) continue;
    try {
      // Compiling happens on first use; an empty document still runs it.
      $.root().find(selector);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new ListingParseError(`invalid ${role} selector ${JSON.stringify(selector)}: ${reason}`);
    }
  }
}

function clean(text: string | undefined): string | undefined {
  const value = text?.replace(/\s+/g, ' ').trim();
  return value || undefined;
}

/**
 * The item's link: the item itself, the link in its title element, or its first link with
 * text (a teaser's picture usually links to the story first).
 */
function linkOf($: CheerioAPI, item: Cheerio<AnyNode>, title: Cheerio<AnyNode> | undefined): Cheerio<AnyNode> {
  if (item.is('a[href]')) return item;
  const inTitle = title?.is('a[href]') ? title : title?.find('a[href]');
  if (inTitle?.length) return inTitle.first();
  const links = item.find('a[href]');
  const withText = links.filter((_, link) => clean($(link).text()) !== undefined);
  return withText.length ? withText.first() : links.first();
}

function dateOf(element: Cheerio<AnyNode>): string | undefined {
  const datetime = element.attr('datetime') ?? element.find('[datetime]').attr('datetime');
  return parseDate(datetime) ?? parseDate(element.text());
}

/** The canonical form of a link, or undefined for mailto:, javascript: and malformed ones. */
function resolve(href: string, base?: string): string | undefined {
  try {
    return canonicalUrl(href, base);
  } catch {
    return undefined;
  }
}

/**
 * The story links of a listing page, in page order, each once (a teaser's picture and headline
 * usually link to the same story: their title and date are merged). URLs are canonical; titles
 * come from `selectors.title` or the link text; dates from `selectors.date` (a `datetime`
 * attribute or the text) as ISO 8601 UTC. A selector that matches nothing gives an empty list.
 */
export function parseListing(html: string, pageUrl: string, selectors: ListingSelectors): ListingItem[] {
  const page = resolve(pageUrl);
  if (!page) throw new ListingParseError(`not a web address: ${JSON.stringify(pageUrl)}`);
  const $ = load(html);
  checkSelectors($, selectors);
  const base = resolve($('base[href]').attr('href') ?? '', page) ?? page;
  const items = new Map<string, ListingItem>();
  $(selectors.item).each((_, element) => {
    const item = $(element);
    const title = selectors.title ? item.find(selectors.title).first() : undefined;
    const link = linkOf($, item, title);
    const url = resolve(link.attr('href') ?? '', base);
    // Links to the listing itself ("#top", "?page=1") are navigation.
    if (!url || url === page) return;
    const found: ListingItem = {
      url,
      title: clean(title?.text()) ?? clean(link.text()) ?? clean(link.attr('title')),
      published: selectors.date ? dateOf(item.find(selectors.date).first()) : undefined,
    };
    const seen = items.get(url);
    items.set(url, seen ? { url, title: seen.title ?? found.title, published: seen.published ?? found.published } : found);
  });
  return [...items.values()];
}
