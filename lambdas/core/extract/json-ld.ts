// Schema.org metadata from <script type="application/ld+json">: the article's headline,
// publication date, author and publisher, wherever the publisher put them (a lone object, an
// array, an @graph, an author given by @id reference).

type JsonObject = Record<string, unknown>;

const ARTICLE_TYPES = /article|posting|report|newsitem/i;

export interface JsonLdArticle {
  headline?: string;
  datePublished?: string;
  author?: string;
  publisher?: string;
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function types(node: JsonObject): string[] {
  const type = node['@type'];
  return (Array.isArray(type) ? type : [type]).filter((t): t is string => typeof t === 'string');
}

/** Every object of the blocks, @graph members and nested arrays flattened into one list. */
function collect(value: unknown, into: JsonObject[]): JsonObject[] {
  if (Array.isArray(value)) for (const item of value) collect(item, into);
  else if (isObject(value)) {
    into.push(value);
    collect(value['@graph'], into);
  }
  return into;
}

function parseBlock(text: string): unknown {
  // Some CMSs wrap the JSON in an HTML comment or CDATA section.
  const json = text.trim().replace(/^(?:<!--|\/\/<!\[CDATA\[|<!\[CDATA\[)/, '').replace(/(?:-->|\/\/\]\]>|\]\]>)$/, '');
  try {
    return JSON.parse(json);
  } catch {
    return undefined;
  }
}

function text(value: unknown): string | undefined {
  if (typeof value === 'string' && value.trim()) return value.trim();
  return undefined;
}

/** The name of a person or organisation given as a string, an object, an @id or a list of those. */
function nameOf(value: unknown, byId: Map<string, JsonObject>): string | undefined {
  if (Array.isArray(value)) {
    const names = value.map((item) => nameOf(item, byId)).filter((name): name is string => Boolean(name));
    return names.length > 0 ? names.join(' and ') : undefined;
  }
  if (typeof value === 'string') return text(value);
  if (!isObject(value)) return undefined;
  const id = text(value['@id']);
  const node = value['name'] === undefined && id ? (byId.get(id) ?? value) : value;
  return text(node['name']);
}

/** The article described by the page's JSON-LD, if any. */
export function readJsonLd(document: Document): JsonLdArticle {
  const nodes: JsonObject[] = [];
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    collect(parseBlock(script.textContent ?? ''), nodes);
  }
  const byId = new Map<string, JsonObject>();
  for (const node of nodes) {
    const id = text(node['@id']);
    if (id) byId.set(id, node);
  }
  // An Article (NewsArticle, BlogPosting…) says most about the story; a WebPage or any dated
  // node is the fallback.
  const isArticle = (node: JsonObject): boolean => types(node).some((type) => ARTICLE_TYPES.test(type));
  const article =
    nodes.find(isArticle) ??
    nodes.find((node) => types(node).includes('WebPage')) ??
    nodes.find((node) => node['datePublished']);
  if (!article) return {};
  return {
    headline: text(article['headline']) ?? text(article['name']),
    datePublished: text(article['datePublished']) ?? text(article['dateCreated']),
    author: nameOf(article['author'], byId) ?? nameOf(article['creator'], byId),
    publisher: nameOf(article['publisher'], byId),
  };
}
