// Page furniture that is not the story: removed before Readability looks for the main content
// (so a long "related" list or comment thread cannot win), and again from what it returns.
import { isBareDate } from './dates.ts';

/** Code and styling: never text. */
const CODE = 'script, style, noscript, template';

/** Elements that never hold the story's text. */
const FURNITURE = [
  'iframe', 'object', 'embed', 'svg', 'canvas', 'nav', 'aside', 'footer', 'form', 'button',
  'input', 'select', 'textarea', 'dialog',
  '[role="navigation"]', '[role="complementary"]', '[role="contentinfo"]', '[role="dialog"]',
  '[role="search"]', '[role="alertdialog"]', '[hidden]', '[aria-hidden="true"]',
].join(',');

/** Words in a class or id that mark furniture: banners, sharing, related links, comments, ads. */
const FURNITURE_WORDS = new Set([
  'cookie', 'cookies', 'consent', 'gdpr', 'share', 'sharing', 'sharedaddy', 'social', 'related',
  'sidebar', 'widget', 'comment', 'comments', 'respond', 'reply', 'disqus', 'newsletter',
  'subscribe', 'signup', 'breadcrumb', 'breadcrumbs', 'advert', 'advertisement', 'ad', 'ads',
  'promo', 'popup', 'modal', 'skip', 'jump', 'menu', 'navbar', 'nav', 'masthead', 'footer',
  'tags', 'pagination', 'pager', 'sponsored', 'outbrain', 'taboola', 'colophon', 'noprint',
  'sitesub', 'catlinks', 'printfooter',
]);

/** Bylines and datelines: read for the author and date, then dropped from the body. */
const BYLINE_WORDS = new Set(['byline', 'dateline', 'author', 'posted', 'published', 'date', 'timestamp', 'meta']);
/** A longer element is a container (an author biography, a whole post), not a byline. */
const MAX_BYLINE_CHARS = 200;

/** The story's container: never removed, whatever its class says (`<body class="has-sidebar">`). */
const MAIN = 'article, main, [role="main"], [itemprop="articleBody"], h1';
/**
 * Nor is an element holding more than this share of the page's text: on pages without such
 * landmarks it is the story's container (an ASP.NET `<form>` around the whole page, say).
 */
const MAX_FURNITURE_SHARE = 0.5;

/**
 * Text that only page furniture says: comment forms, share prompts, related-story headings.
 * A block whose text starts with one of these is dropped from the extracted content.
 */
const FURNITURE_PHRASES = [
  'leave a reply', 'leave a comment', 'post a comment', 'add a comment', 'comments are closed',
  'you are commenting using your', 'fill in your details below', 'notify me of new',
  'jump to: navigation', 'jump to navigation', 'skip to content', 'skip to main content',
  'share this:', 'share this article', 'share this story', 'share this page', 'click to share',
  'like this:', 'like loading', 'related articles', 'related stories', 'related posts',
  'related news', 'related content', 'more stories', 'more news', 'you may also like',
  'read more:', 'most read', 'we use cookies', 'this website uses cookies', 'accept cookies',
  'sign up to our newsletter', 'subscribe to our newsletter', 'this entry was posted in',
  'posted in', 'filed under', 'tagged with', 'tags:', 'advertisement',
];
/** Long blocks are story text even when they open with a furniture phrase. */
const MAX_FURNITURE_CHARS = 300;
/** "Published: Wednesday 30th September 2015, 10:45am" fits; a sentence with a date does not. */
const MAX_DATELINE_CHARS = 60;

/** The words of an element's class and id ("post-meta entry_date" → post, meta, entry, date). */
export function classWords(element: Element): string[] {
  const names = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`;
  return names.toLowerCase().split(/[\s_-]+/).filter(Boolean);
}

function textLength(node: Node): number {
  return (node.textContent ?? '').replace(/\s+/g, '').length;
}

/** Tells the elements that must stay: the story's containers, their ancestors, and any holding most of the text. */
function storyGuard(document: Document): (element: Element) => boolean {
  const holders = new Set<Element>();
  for (const element of document.querySelectorAll(MAIN)) {
    for (let node: Element | null = element; node && !holders.has(node); node = node.parentElement) {
      holders.add(node);
    }
  }
  const pageText = textLength(document.body);
  return (element) => holders.has(element) || textLength(element) > pageText * MAX_FURNITURE_SHARE;
}

/** Removes navigation, banners, share buttons, sidebars, comment sections and footers. */
export function removeFurniture(document: Document): void {
  for (const element of [...document.querySelectorAll(CODE)]) element.remove();
  const keep = storyGuard(document);
  for (const element of [...document.querySelectorAll(FURNITURE)]) {
    if (element.isConnected && !keep(element)) element.remove();
  }
  for (const element of [...document.body.querySelectorAll('[class], [id]')]) {
    const furniture = classWords(element).some((word) => FURNITURE_WORDS.has(word));
    if (furniture && element.isConnected && !keep(element)) element.remove();
  }
}

function isAuthorLink(element: Element): boolean {
  return (element.getAttribute('rel') ?? '').toLowerCase().split(/\s+/).includes('author');
}

/** Byline and dateline elements: by class or id, author links, and `<time>` outside running text. */
export function bylineElements(document: Document): Element[] {
  return [...document.body.querySelectorAll('[class], [id], [rel~="author"], time')].filter((element) => {
    const byline =
      element.localName === 'time'
        ? element.closest('p, li, blockquote') === null
        : isAuthorLink(element) || classWords(element).some((word) => BYLINE_WORDS.has(word));
    const text = byline ? (element.textContent ?? '') : '';
    return text.trim().length > 0 && text.length <= MAX_BYLINE_CHARS;
  });
}

function startsWithFurniturePhrase(text: string): boolean {
  const lower = text.replace(/\s+/g, ' ').trim().toLowerCase();
  return lower.length <= MAX_FURNITURE_CHARS && FURNITURE_PHRASES.some((phrase) => lower.startsWith(phrase));
}

const CONTAINERS = new Set(['div', 'section', 'article', 'p', 'ul', 'ol', 'table', 'blockquote']);

/** A block holding no other blocks: the unit that furniture text comes in (and cheap to read). */
function isLeafBlock(element: Element): boolean {
  return ![...element.children].some((child) => CONTAINERS.has(child.localName));
}

/** A list that is nothing but links: a "related headlines" block. */
function isLinkList(element: Element): boolean {
  const items = element.querySelectorAll('li');
  if (items.length < 3) return false;
  const text = (element.textContent ?? '').replace(/\s+/g, '').length;
  const linkText = [...element.querySelectorAll('a')].reduce(
    (sum, link) => sum + (link.textContent ?? '').replace(/\s+/g, '').length,
    0,
  );
  return text > 0 && linkText / text > 0.9;
}

/**
 * Removes furniture that survived into the main content: blocks opening with a furniture
 * phrase (and the link list a "Related stories" heading introduces), datelines standing alone
 * (read before this runs), and bare lists of links.
 */
export function removeFurnitureText(content: Element): void {
  // The content is a detached tree: membership, not isConnected, tells what is still in it.
  for (const block of [...content.querySelectorAll('p, li, h1, h2, h3, h4, h5, h6, div, section, span, strong')]) {
    if (!isLeafBlock(block)) continue;
    const text = block.textContent ?? '';
    const dateline = text.length <= MAX_DATELINE_CHARS && isBareDate(text);
    if (!content.contains(block) || !(dateline || startsWithFurniturePhrase(text))) continue;
    const next = block.nextElementSibling;
    if (/^h[1-6]$/.test(block.localName) && next && (next.localName === 'ul' || next.localName === 'ol')) {
      next.remove();
    }
    block.remove();
  }
  for (const list of [...content.querySelectorAll('ul, ol')]) {
    if (content.contains(list) && isLinkList(list)) list.remove();
  }
}

/** Removes the byline and dateline elements once they have been read. */
export function removeBylines(document: Document, elements: Element[]): void {
  const keep = storyGuard(document);
  for (const element of elements) if (element.isConnected && !keep(element)) element.remove();
}
