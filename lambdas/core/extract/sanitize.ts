import sanitizeHtml from 'sanitize-html';

/**
 * The safe subset kept of an article's HTML: structure (paragraphs, headings, lists, quotes),
 * emphasis and links. Images are dropped: a served story links to its source rather than
 * hot-linking (and letting third parties track readers through) the publisher's pictures.
 */
const ALLOWED_TAGS = ['p', 'br', 'a', 'ul', 'ol', 'li', 'blockquote', 'strong', 'em', 'h2', 'h3', 'h4'];

const LINK_SCHEMES = new Set(['http:', 'https:', 'mailto:']);

function absoluteLink(href: string | undefined, baseUrl: string): string | undefined {
  if (!href) return undefined;
  try {
    const url = new URL(href, baseUrl);
    return LINK_SCHEMES.has(url.protocol) ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** Sanitises article HTML: the tags above, `href` only on links, made absolute against `baseUrl`. */
export function sanitizeArticleHtml(html: string, baseUrl: string): string {
  return sanitizeHtml(html, {
    allowedTags: ALLOWED_TAGS,
    allowedAttributes: { a: ['href'] },
    allowedSchemes: ['http', 'https', 'mailto'],
    allowProtocolRelative: false,
    // Their content is code or fallback, never story text.
    nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'iframe', 'object', 'template', 'svg'],
    transformTags: {
      b: 'strong',
      i: 'em',
      h1: 'h2',
      h5: 'h4',
      h6: 'h4',
      figcaption: 'p',
      // A link without a usable web target becomes plain text (a <span>, itself dropped).
      a: (tagName, attribs): sanitizeHtml.Tag => {
        const href = absoluteLink(attribs['href'], baseUrl);
        return href ? { tagName, attribs: { href } } : { tagName: 'span', attribs: {} };
      },
    },
    exclusiveFilter: (frame) => frame.tag === 'p' && !frame.text.trim(),
  }).trim();
}
