// What we learn from an XML document's text before parsing it: its root element, the entities its
// internal DTD declares, and the prefixes it binds to the namespaces feeds use.
import { FeedParseError } from './errors.ts';
import { xmlTokens } from './xml-scan.ts';

/** Namespaces feed adapters read, by the prefix the adapters know them by. */
const KNOWN_NAMESPACES: Record<string, string> = {
  'http://purl.org/dc/elements/1.1/': 'dc',
  'http://purl.org/dc/elements/1.0/': 'dc',
  'http://purl.org/dc/terms/': 'dcterms',
  'http://purl.org/rss/1.0/modules/content/': 'content',
  'http://www.w3.org/1999/02/22-rdf-syntax-ns#': 'rdf',
  'http://www.w3.org/1999/xhtml': 'xhtml',
  'http://www.w3.org/2005/Atom': 'atom',
  'http://purl.org/atom/ns#': 'atom',
  'http://www.itunes.com/dtds/podcast-1.0.dtd': 'itunes',
};

/** RSS's own vocabularies: their elements are read unprefixed, whatever prefix a feed gives them. */
const RSS_NAMESPACES = new Set([
  'http://purl.org/rss/1.0/',
  'http://my.netscape.com/rdf/simple/0.9/',
  'http://backend.userland.com/rss2',
  'http://backend.userland.com/rss',
  'http://blogs.law.harvard.edu/tech/rss',
]);

export interface XmlShape {
  /** The root element's qualified name as written. */
  root: string;
  /** Where the root element starts. */
  rootAt: number;
  /** The DOCTYPE declaration, when there is one. */
  doctype?: string;
}

/** Finds the root element; undefined when the text does not start like an XML document. */
export function xmlShape(text: string): XmlShape | undefined {
  let doctype: string | undefined;
  for (const token of xmlTokens(text)) {
    const raw = text.slice(token.start, token.end);
    if (token.kind === 'start' || token.kind === 'empty') return { root: token.name, rootAt: token.start, doctype };
    if (token.kind === 'other') {
      if (/^<!DOCTYPE/i.test(raw)) doctype = raw;
    } else if (token.kind === 'end' || raw.trim() !== '') return undefined;
  }
  return undefined;
}

const ENTITY_DECLARATION = /<!ENTITY\s+([A-Za-z_][\w.-]*)\s+(?:"([^"]*)"|'([^']*)')\s*>/g;
const MAX_EXPANDED_LENGTH = 2 * 1024 * 1024;

/**
 * Expands the general entities a document's internal DTD declares (`<!ENTITY id "…">`), which
 * the XML parser does not. References inside replacement texts are expanded too, a few levels
 * deep, with a cap on the growth so that an entity bomb fails cleanly.
 */
export function expandDeclaredEntities(text: string, shape: XmlShape): string {
  if (!shape.doctype) return text;
  const entities = new Map<string, string>();
  for (const [, name, doubleQuoted, singleQuoted] of shape.doctype.matchAll(ENTITY_DECLARATION)) {
    if (!entities.has(name!)) entities.set(name!, doubleQuoted ?? singleQuoted ?? '');
  }
  if (entities.size === 0) return text;
  const reference = new RegExp(`&(${[...entities.keys()].map((n) => n.replace(/\./g, '\\.')).join('|')});`, 'g');
  let body = text.slice(shape.rootAt);
  for (let depth = 0; depth < 4 && reference.test(body); depth++) {
    reference.lastIndex = 0;
    body = body.replace(reference, (_, name: string) => entities.get(name) ?? '');
    if (body.length > text.length + MAX_EXPANDED_LENGTH) throw new FeedParseError('invalid XML (entity expansion too large)');
  }
  return text.slice(0, shape.rootAt) + body;
}

const PREFIX_DECLARATION = /\bxmlns:([A-Za-z_][\w.-]*)\s*=\s*(["'])([^"'<>\s]*)\2/g;

/**
 * How to rename the namespace prefixes of a document so that names mean the same whatever
 * prefixes it chose: RSS's own namespaces lose their prefix (`<rss:item>` is `<item>`), Atom loses
 * it in an Atom document, and other known namespaces get their usual prefix (`<dublin:creator>`
 * is `<dc:creator>`). Returns a function from qualified name to canonical name. Unknown prefixes
 * are left alone, and so is a prefix the document binds to two different namespaces.
 */
export function prefixCanonicaliser(text: string, rootLocalName: string): (name: string) => string {
  const bindings = new Map<string, string | null>();
  for (const [, prefix, , uri] of text.matchAll(PREFIX_DECLARATION)) {
    const previous = bindings.get(prefix!);
    bindings.set(prefix!, previous === undefined || previous === uri ? uri! : null);
  }
  const renames = new Map<string, string>();
  for (const [prefix, uri] of bindings) {
    if (uri === null) continue;
    let canonical = RSS_NAMESPACES.has(uri) ? '' : KNOWN_NAMESPACES[uri];
    if (canonical === 'atom' && rootLocalName === 'feed') canonical = '';
    if (canonical !== undefined && canonical !== prefix) renames.set(prefix, canonical);
  }
  return (name) => {
    const colon = name.indexOf(':');
    if (colon < 0) return name;
    const renamed = renames.get(name.slice(0, colon));
    if (renamed === undefined) return name;
    return renamed ? `${renamed}:${name.slice(colon + 1)}` : name.slice(colon + 1);
  };
}
