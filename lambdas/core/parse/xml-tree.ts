// A small ordered XML tree, the form in which the feed adapters read elements: names are the
// document's qualified names after prefix canonicalisation (see xml-document.ts), so `dc:creator`
// means Dublin Core whatever prefix the feed used.
import { replaceC1Controls } from './charset.ts';
import { resolveUrl } from './urls.ts';

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}

export type XmlNode = XmlElement | string;

/** A node as xml2js builds it with explicitChildren, preserveChildrenOrder and charsAsChildren. */
export interface OrderedNode {
  '#name'?: string;
  $?: Record<string, string>;
  _?: string;
  $$?: OrderedNode[];
}

const TEXT_NODE = '__text__';

export function elementFromOrdered(name: string, attrs: Record<string, string> | undefined, children: OrderedNode[] | undefined): XmlElement {
  return {
    name,
    attrs: attrs ?? {},
    children: (children ?? []).map((node) =>
      node['#name'] === TEXT_NODE || node['#name'] === undefined
        ? replaceC1Controls(node._ ?? '')
        : elementFromOrdered(node['#name'], node.$, node.$$),
    ),
  };
}

export function isElement(node: XmlNode): node is XmlElement {
  return typeof node !== 'string';
}

export function localName(name: string): string {
  return name.slice(name.indexOf(':') + 1);
}

export function childElements(el: XmlElement, name?: string): XmlElement[] {
  return el.children.filter((node): node is XmlElement => isElement(node) && (name === undefined || node.name === name));
}

/** The first child named by the first name that has one: names are in order of preference. */
export function firstChild(el: XmlElement, ...names: string[]): XmlElement | undefined {
  for (const name of names) {
    const found = el.children.find((node): node is XmlElement => isElement(node) && node.name === name);
    if (found) return found;
  }
  return undefined;
}

/** All the text inside an element, markup dropped. */
export function textContent(node: XmlNode): string {
  return typeof node === 'string' ? node : node.children.map(textContent).join('');
}

/** Trimmed text of an element; undefined when there is none. */
export function trimmedText(el: XmlElement | undefined): string | undefined {
  const text = el ? textContent(el).trim() : '';
  return text || undefined;
}

export function hasElementChildren(el: XmlElement): boolean {
  return el.children.some(isElement);
}

/** The base URI in force inside an element: its xml:base resolved against the parent's. */
export function baseOf(el: XmlElement, parentBase: string | undefined): string | undefined {
  const declared = el.attrs['xml:base']?.trim();
  return declared ? resolveUrl(declared, parentBase) : parentBase;
}

// Attributes whose value is a URI reference, resolved when markup is serialised.
const URI_ATTRIBUTES = new Set(['href', 'src', 'cite', 'action', 'background', 'longdesc', 'poster', 'codebase', 'data', 'usemap', 'profile']);
const VOID_ELEMENTS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttribute(value: string): string {
  return escapeText(value).replace(/"/g, '&quot;');
}

/** How text is written: escaped, or as is where the feed's text is already HTML source. */
export type TextMode = 'escape' | 'raw';

function serialize(node: XmlNode, base: string | undefined, mode: TextMode): string {
  if (typeof node === 'string') return mode === 'raw' ? node : escapeText(node);
  const elementBase = baseOf(node, base);
  const name = localName(node.name);
  const attrs = Object.entries(node.attrs)
    // Namespace declarations and xml:* attributes belong to the feed's XML, not to the HTML.
    .filter(([key]) => key !== 'xmlns' && !key.startsWith('xmlns:') && !key.startsWith('xml:'))
    .map(([key, value]) => {
      const attr = localName(key);
      const resolved = URI_ATTRIBUTES.has(attr.toLowerCase()) ? resolveUrl(value, elementBase) : value;
      return ` ${attr}="${escapeAttribute(resolved)}"`;
    })
    .join('');
  if (node.children.length === 0 && VOID_ELEMENTS.has(name.toLowerCase())) return `<${name}${attrs} />`;
  return `<${name}${attrs}>${serializeChildren(node, elementBase, mode)}</${name}>`;
}

/**
 * The content of an element as an HTML string: inline (X)HTML from a feed, with namespace
 * prefixes dropped and relative URIs resolved. `base` is the base URI in force inside `el`.
 */
export function serializeChildren(el: XmlElement, base: string | undefined, mode: TextMode = 'escape'): string {
  return el.children.map((node) => serialize(node, base, mode)).join('');
}
