import { Readability } from '@mozilla/readability';
import type { Article, DiscoveredItem } from '../model.ts';
import { bylineElements, removeBylines, removeFurniture, removeFurnitureText } from './boilerplate.ts';
import { canonicalUrl } from './canonical-url.ts';
import { findDateline, parseDate } from './dates.ts';
import { parseDocument } from './dom.ts';
import { ExtractError } from './errors.ts';
import { readJsonLd } from './json-ld.ts';
import { cleanAuthor, readAuthor, readCanonical, readMetaTags, readPublished, readTitle } from './metadata.ts';
import { sanitizeArticleHtml } from './sanitize.ts';
import { blockText, headlineFromText, htmlToText, normaliseSpace } from './text.ts';

/** What the feed already said about the story; the feed's date wins over the page's. */
export interface FeedHints {
  title?: string;
  published?: string;
  author?: string;
  /** Plain text or HTML. */
  summary?: string;
}

/** Main content shorter than this is not a story: an index, an error page, a paywall or cookie wall. */
const MIN_TEXT_CHARS = 200;
/** A dateline stands near the top of a story; later dates are ones the story mentions. */
const DATELINE_CHARS = 400;

function baseUrlOf(document: Document, pageUrl: string): string {
  const href = document.querySelector('base[href]')?.getAttribute('href');
  try {
    return href ? new URL(href, pageUrl).href : pageUrl;
  } catch {
    return pageUrl;
  }
}

/** The main content as Readability finds it once the furniture is gone, or undefined. */
function mainContent(document: Document): Element | undefined {
  const result = new Readability<Element>(document, { serializer: (node) => node as Element }).parse();
  return result?.content ?? undefined;
}

/** Drops a heading that repeats the story's title from the top of the content. */
function removeTitleHeading(content: Element, title: string): void {
  const same = normaliseSpace(title).toLowerCase();
  for (const heading of content.querySelectorAll('h1, h2')) {
    if (normaliseSpace(heading.textContent ?? '').toLowerCase() === same) heading.remove();
  }
}

interface FeedText {
  title?: string;
  published?: string;
  author?: string;
  /** Plain text or HTML; the longest becomes the body. */
  bodies: (string | undefined)[];
}

function articleFromFeedText(url: string, feed: FeedText): Article {
  const [source, text] = feed.bodies
    .filter((body): body is string => Boolean(body?.trim()))
    .map((body) => [body, htmlToText(body)] as const)
    .reduce<readonly [string, string]>((best, next) => (next[1].length > best[1].length ? next : best), ['', '']);
  const title = (feed.title && normaliseSpace(feed.title)) || headlineFromText(text);
  if (!title) throw new ExtractError('no-content', `no title or text for ${url}`);
  const html = source && sanitizeArticleHtml(source, url);
  return {
    url,
    title,
    published: parseDate(feed.published),
    author: cleanAuthor(feed.author),
    text,
    ...(html ? { html } : {}),
    extraction: 'feed-summary',
  };
}

/**
 * Reads an article page: canonical URL, title, date, author, clean text and sanitised HTML of
 * the main content. A page with no story text gives the feed's story instead (extraction
 * `feed-summary`, the page URL) when the hints carry a summary, and otherwise fails with an
 * `extract:` error.
 */
export function extractArticle(html: string, pageUrl: string, hints: FeedHints = {}): Article {
  const document = parseDocument(html);
  const meta = readMetaTags(document);
  const jsonLd = readJsonLd(document);
  const baseUrl = baseUrlOf(document, pageUrl);
  const url = readCanonical(document, meta, pageUrl, baseUrl);

  removeFurniture(document);
  const bylines = bylineElements(document);
  const title = readTitle(document, meta, jsonLd) ?? (hints.title && normaliseSpace(hints.title));
  const stated = parseDate(hints.published) ?? readPublished(document, meta, jsonLd, bylines);
  const author = readAuthor(meta, jsonLd, document, bylines) ?? cleanAuthor(hints.author);
  removeBylines(document, bylines);

  const content = mainContent(document);
  // Read before the cleaning below drops a dateline that stands alone.
  const lead = content ? blockText(content).slice(0, DATELINE_CHARS) : '';
  if (content) {
    removeFurnitureText(content);
    if (title) removeTitleHeading(content, title);
  }
  const text = content ? blockText(content) : '';
  if (!content || text.length < MIN_TEXT_CHARS) {
    // What such a page says about itself (an error page's title, say) is not about the story.
    if (hints.summary?.trim()) return articleFromFeedText(canonicalUrl(pageUrl), { ...hints, bodies: [hints.summary] });
    throw new ExtractError('no-content', `no story text found on ${url}`);
  }
  return {
    url,
    title: title || headlineFromText(text),
    published: stated ?? findDateline(lead),
    author,
    text,
    html: sanitizeArticleHtml(content.innerHTML, baseUrl),
    extraction: 'page',
  };
}

/** The story as the feed tells it, for when its page cannot be fetched or read. */
export function articleFromFeedItem(item: DiscoveredItem): Article {
  return articleFromFeedText(canonicalUrl(item.url), {
    title: item.title,
    published: item.published,
    author: item.author,
    bodies: [item.content, item.summary],
  });
}
