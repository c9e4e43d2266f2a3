import { parseHTML } from 'linkedom';

const HTML_TAG = /<html[\s>]/i;
const BODY_TAG = /<body[\s>]/i;
const DOCUMENT_TAGS = /<!doctype[^>]*>|<\/?(?:html|head|body)(?:\s[^>]*)?>/gi;

/**
 * A DOM of an HTML page or fragment. linkedom builds no implied <html> or <body> (a page
 * without them gets its first tag as the document element), so such input is wrapped in a
 * complete document first; head elements then sit in the body, where queries still find them.
 */
export function parseDocument(html: string): Document {
  const complete = HTML_TAG.test(html) && BODY_TAG.test(html);
  const source = complete ? html : `<!doctype html><html><head></head><body>${html.replace(DOCUMENT_TAGS, '')}</body></html>`;
  return parseHTML(source).document;
}
