// The values of text-bearing elements (titles, summaries, content) as strings: literal text, or
// an HTML string where the feed gives markup. Atom says which by its `type` (and, in Atom 0.3,
// `mode`) attribute; RSS elements hold escaped HTML or, now and then, naked inline markup.
import { baseOf, hasElementChildren, isElement, localName, serializeChildren, textContent, type TextMode, type XmlElement } from './xml-tree.ts';

function nonEmpty(value: string): string | undefined {
  const trimmed = value.trim();
  return trimmed || undefined;
}

function decodeBase64(value: string): string {
  return Buffer.from(value.replace(/\s+/g, ''), 'base64').toString('utf8');
}

/** Inline markup serialised as HTML, or the text when the element holds only text. */
export function markupOrText(el: XmlElement | undefined, base: string | undefined): string | undefined {
  if (!el) return undefined;
  return nonEmpty(hasElementChildren(el) ? serializeChildren(el, base) : textContent(el));
}

/**
 * Atom 1.0 xhtml: the content of the wrapping `<div>`, which is not part of the value. Content
 * typed html that carries naked markup instead of escaped text (TypePad wrapped its escaped HTML
 * in such a div) is read the same way, its text left as the HTML source it is.
 */
function xhtmlValue(el: XmlElement, base: string | undefined, text: TextMode): string | undefined {
  const significant = el.children.filter((node) => isElement(node) || node.trim() !== '');
  const [only] = significant;
  const inner = significant.length === 1 && only && isElement(only) && localName(only.name) === 'div' ? only : el;
  return nonEmpty(serializeChildren(inner, inner === el ? base : baseOf(inner, base), text));
}

const XML_TYPE = /[/+]xml$/;

/**
 * An Atom text construct (title, subtitle, summary, content). `base` is the base URI in force
 * inside the element. Atom 0.3 gives a MIME type and a mode (xml, escaped or base64); Atom 1.0
 * gives text, html, xhtml or, for content, a MIME type (XML types inline, others base64).
 */
export function atomText(el: XmlElement | undefined, base: string | undefined, atom03: boolean): string | undefined {
  if (!el) return undefined;
  const type = (el.attrs.type ?? '').trim().toLowerCase();
  const mode = el.attrs.mode?.trim().toLowerCase();
  if (atom03 || mode) {
    if (mode === 'base64') return nonEmpty(decodeBase64(textContent(el)));
    if (mode === 'escaped') return nonEmpty(textContent(el));
    return markupOrText(el, base);
  }
  if (type === 'xhtml') return xhtmlValue(el, base, 'escape');
  if (type === 'html' && hasElementChildren(el)) return xhtmlValue(el, base, 'raw');
  if (type === '' || type === 'text' || type === 'html' || type.startsWith('text/') || XML_TYPE.test(type)) {
    return markupOrText(el, base);
  }
  return nonEmpty(decodeBase64(textContent(el)));
}
