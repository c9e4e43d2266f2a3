// Reads a page's own account of itself: canonical URL, headline, date and author, from the
// places publishers put them, in order of how much each place can be trusted.
import { canonicalUrl } from './canonical-url.ts';
import { findDateline, parseDate } from './dates.ts';
import { classWords } from './boilerplate.ts';
import type { JsonLdArticle } from './json-ld.ts';
import { normaliseSpace } from './text.ts';
import { stripSiteName } from './title.ts';

/** Meta tags and microdata of the page, by lower-cased name, property or itemprop. */
export type MetaTags = Map<string, string>;

const PUBLISHED_KEYS = [
  'article:published_time', 'og:published_time', 'og:article:published_time', 'datepublished',
  'dc.date.issued', 'dcterms.issued', 'dc.date', 'dcterms.date', 'dcterms.created', 'date',
  'pubdate', 'publishdate', 'publish-date', 'publish_date', 'publication_date', 'sailthru.date',
  'parsely-pub-date', 'article.published', 'original-publish-date', 'citation_publication_date',
];
const AUTHOR_KEYS = ['author', 'article:author', 'parsely-author', 'sailthru.author', 'dc.creator', 'dcterms.creator'];
const SITE_NAME_KEYS = ['og:site_name', 'application-name', 'publisher'];

export function readMetaTags(document: Document): MetaTags {
  const tags: MetaTags = new Map();
  for (const element of document.querySelectorAll('meta, [itemprop][content], [itemprop][datetime]')) {
    const key = (
      element.getAttribute('property') ??
      element.getAttribute('name') ??
      element.getAttribute('itemprop') ??
      element.getAttribute('http-equiv') ??
      ''
    ).toLowerCase();
    const value = (element.getAttribute('content') ?? element.getAttribute('datetime') ?? '').trim();
    if (key && value && !tags.has(key)) tags.set(key, value);
  }
  return tags;
}

function tryCanonical(url: string | null | undefined, base: string): string | undefined {
  if (!url) return undefined;
  try {
    return canonicalUrl(url, base);
  } catch {
    return undefined;
  }
}

/**
 * The page's canonical URL: `<link rel=canonical>`, then og:url, then the page URL itself.
 * A canonical that points at the site's home page from a deeper page is a CMS default, not a
 * statement about this story, and is ignored.
 */
export function readCanonical(document: Document, meta: MetaTags, pageUrl: string, baseUrl: string): string {
  const page = canonicalUrl(pageUrl);
  const declared = [document.querySelector('link[rel~="canonical"][href]')?.getAttribute('href'), meta.get('og:url')];
  for (const candidate of declared) {
    const url = tryCanonical(candidate, baseUrl);
    if (url && !(new URL(url).pathname === '/' && new URL(page).pathname !== '/')) return url;
  }
  return page;
}

/** Site names the page declares, to strip from its titles. */
function readSiteNames(meta: MetaTags, jsonLd: JsonLdArticle): string[] {
  return [...SITE_NAME_KEYS.map((key) => meta.get(key)), jsonLd.publisher].filter((name): name is string => Boolean(name));
}

/** The headline: og:title, the JSON-LD headline, the first `<h1>`, then `<title>`, site name stripped. */
export function readTitle(document: Document, meta: MetaTags, jsonLd: JsonLdArticle): string | undefined {
  const siteNames = readSiteNames(meta, jsonLd);
  const declared = [meta.get('og:title'), meta.get('twitter:title'), jsonLd.headline, document.querySelector('h1')?.textContent];
  for (const candidate of declared) {
    const title = candidate && stripSiteName(candidate, siteNames, false);
    if (title) return title;
  }
  const fromTitle = document.querySelector('title')?.textContent;
  return (fromTitle && stripSiteName(fromTitle, siteNames, true)) || undefined;
}

/**
 * The publication date the page states: JSON-LD, then meta tags, then `<time pubdate>` or a
 * `<time datetime>` outside running text, then a dateline in the byline elements.
 */
export function readPublished(
  document: Document,
  meta: MetaTags,
  jsonLd: JsonLdArticle,
  bylines: Element[],
): string | undefined {
  const stated = [jsonLd.datePublished, ...PUBLISHED_KEYS.map((key) => meta.get(key))];
  for (const value of stated) {
    const date = parseDate(value);
    if (date) return date;
  }
  const times = [
    document.querySelector('time[pubdate]'),
    ...bylines.filter((element) => element.localName === 'time'),
  ];
  for (const time of times) {
    const date = parseDate(time?.getAttribute('datetime') ?? undefined) ?? parseDate(time?.textContent ?? undefined);
    if (date) return date;
  }
  return findDateline(bylines.map((element) => element.textContent ?? '').join('\n'));
}

/** Everything up to "by" in "Posted on 8 Feb 2013 by Jane Smith", or a leading "Author:". */
const AUTHOR_LABEL = /^(?:.*?\bby\b|author\b)\s*:?\s*/i;
/** Where a byline's name ends: a date, a role or the outlet after a comma, bar or dash. */
const AUTHOR_END = /\s+(?:on|at|in)\s+|\s*[|,•·\n]\s*|\s+[-–—]\s+/;

/** A person's name from a byline-like string, or undefined when it is a URL, e-mail or prose. */
export function cleanAuthor(raw: string | null | undefined): string | undefined {
  if (!raw) return undefined;
  const name = normaliseSpace(raw).replace(AUTHOR_LABEL, '').split(AUTHOR_END)[0]?.trim() ?? '';
  // A name starts with a capital and holds no digits: that rules out dates, handles and URLs.
  if (name.length < 2 || name.length > 80 || !/^\p{Lu}/u.test(name) || /[\d@/]/.test(name)) return undefined;
  return name.split(' ').length <= 6 ? name : undefined;
}

const AUTHOR_ELEMENT = /\b(?:byline|author)\b/;

/** The author: JSON-LD, meta tags, rel=author or itemprop=author, then the byline elements. */
export function readAuthor(meta: MetaTags, jsonLd: JsonLdArticle, document: Document, bylines: Element[]): string | undefined {
  const candidates = [
    jsonLd.author,
    ...AUTHOR_KEYS.map((key) => meta.get(key)),
    document.querySelector('[rel~="author"]')?.textContent,
    document.querySelector('[itemprop="author"]')?.textContent,
    ...bylines.filter((element) => AUTHOR_ELEMENT.test(classWords(element).join(' '))).map((element) => element.textContent),
  ];
  for (const candidate of candidates) {
    const author = cleanAuthor(candidate);
    if (author) return author;
  }
  return undefined;
}
