// The feed-parsing stage: feed bytes to the pipeline's ParsedFeed. RSS 0.9x/2.0, RSS 1.0 (RDF)
// and Atom 0.3/1.0 are parsed by rss-parser, asked to keep each element's raw, ordered XML (its
// own field mapping drops markup order, xml:base and most of the rules below); our adapters
// (rss.ts, atom.ts) read the fields from that. JSON Feed is read by json-feed.ts.
//
// parseFeed is async because rss-parser's parseString is. Bad input rejects with a
// FeedParseError whose message is one line, `feed: …`.
import Parser from 'rss-parser';
import type { ParsedFeed } from '../model.ts';
import { atomFeed } from './atom.ts';
import { decodeFeedBytes } from './charset.ts';
import { FeedParseError } from './errors.ts';
import { jsonFeed } from './json-feed.ts';
import { rssFeed } from './rss.ts';
import { repairXml } from './xml-repair.ts';
import { expandDeclaredEntities, prefixCanonicaliser, xmlShape, type XmlShape } from './xml-document.ts';
import { nestingDepth } from './xml-scan.ts';
import { elementFromOrdered, localName, type OrderedNode, type XmlElement } from './xml-tree.ts';

export { FeedParseError } from './errors.ts';

export interface ParseFeedOptions {
  /** The HTTP Content-Type the feed came with: its charset outranks the XML declaration. */
  contentType?: string;
  /** Where the feed came from: the base for relative links. */
  url?: string;
}

/** Feeds larger than this are refused rather than parsed (real feeds are well under 5 MB). */
export const MAX_FEED_BYTES = 16 * 1024 * 1024;

/**
 * The XML parse runs synchronously inside rss-parser; this bound only guards against a promise
 * that never settles, which would otherwise end a command silently.
 */
const PARSE_TIMEOUT_MS = 10_000;

/**
 * Real feeds, inline XHTML included, nest a few dozen elements deep. Deeper documents are refused
 * before parsing: xml2js's per-element work grows with the depth, so a hostile nesting would cost
 * quadratic time, and the tree is read recursively.
 */
const MAX_DEPTH = 256;

type XmlFormat = 'rss' | 'atom';

interface RawFields {
  attrs?: Record<string, string>;
  children?: OrderedNode[];
}

// Every feed and item object gets its element's attributes and ordered children, untouched.
const RAW_FIELDS = [
  ['$', 'attrs', { keepArray: true }],
  ['$$', 'children', { keepArray: true }],
];

type Xml2jsObject = Record<string, unknown>;

/**
 * Runs on each element as xml2js closes it, to give rss-parser the shapes it expects:
 * - xml2js drops an element's blank character data, and rss-parser then rebuilds markup-only
 *   descriptions with xml2js's Builder, which rejects the ordered-children keys; keeping the
 *   (blank) character data keeps rss-parser on its plain path (we read the ordered children);
 * - old or careless feeds put items straight under <rss> or <rdf:RDF> with no channel, and
 *   rss-parser requires one: such a root gets a channel holding what it held.
 */
function shapeForRssParser(xpath: string, _current: unknown, value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const element = value as Xml2jsObject;
  if (!('_' in element)) element._ = '';
  if ((xpath === '/rss' || xpath === '/rdf:RDF') && !('channel' in element)) {
    const { $: attrs, ...content } = element;
    return xpath === '/rss' ? { $: attrs, channel: [content] } : { ...element, channel: [{ _: '' }] };
  }
  return element;
}

const HTML_ROOTS = new Set(['html', 'head', 'body']);

function formatOf(shape: XmlShape, canonicalRoot: string): XmlFormat {
  if (canonicalRoot === 'rss' || canonicalRoot === 'rdf:RDF') return 'rss';
  if (canonicalRoot === 'feed') return 'atom';
  if (HTML_ROOTS.has(localName(shape.root).toLowerCase())) throw new FeedParseError('not a feed (looks like an HTML page)');
  throw new FeedParseError(`not a feed (XML with root element <${shape.root}>)`);
}

/** sax reports "Unexpected close tag\nLine: 4\nColumn: 7\nChar: >"; rss-parser its own words. */
function isXmlSyntaxError(error: unknown): boolean {
  return error instanceof Error && /\nLine: \d+/.test(error.message);
}

/** One line, with the line number of an XML syntax error. */
function parseFailure(error: unknown): FeedParseError {
  if (error instanceof FeedParseError) return error;
  const message = error instanceof Error ? error.message : String(error);
  const [what = 'unreadable', ...details] = message.split('\n');
  const reason = what.replace(/\.$/, '').toLowerCase();
  const line = details.find((d) => d.startsWith('Line:'))?.slice(5).trim();
  if (line !== undefined) return new FeedParseError(`invalid XML (${reason}, line ${Number(line) + 1})`);
  // A builder of rss-parser tripping over an element it expected.
  return new FeedParseError(`not a feed (${error instanceof TypeError ? 'unexpected structure' : reason})`);
}

function settleWithin<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new FeedParseError(`parser did not finish within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

type RssParserOutput = RawFields & Parser.Output<RawFields>;

function runRssParser(xml: string, canonical: (name: string) => string): Promise<RssParserOutput> {
  const parser = new Parser<RawFields, RawFields>({
    defaultRSS: 2,
    xml2js: {
      explicitChildren: true,
      preserveChildrenOrder: true,
      charsAsChildren: true,
      includeWhiteChars: true,
      tagNameProcessors: [canonical],
      attrNameProcessors: [canonical],
      validator: shapeForRssParser,
    },
    // rss-parser's typings allow only plain names for feed fields; the runtime takes the same
    // [from, to, options] form for both.
    customFields: { feed: RAW_FIELDS, item: RAW_FIELDS } as unknown as Parser.CustomFields<RawFields, RawFields>,
  });
  return settleWithin(parser.parseString(xml), PARSE_TIMEOUT_MS);
}

/** Parses strictly; a document that is not well-formed gets one more try once repaired. */
async function parseLeniently(xml: string, canonical: (name: string) => string): Promise<RssParserOutput> {
  try {
    return await runRssParser(xml, canonical);
  } catch (error) {
    const repaired = isXmlSyntaxError(error) ? repairXml(xml) : xml;
    if (repaired === xml) throw parseFailure(error);
    return runRssParser(repaired, canonical).catch(() => {
      throw parseFailure(error);
    });
  }
}

async function readXml(text: string, url: string | undefined): Promise<ParsedFeed> {
  const shape = xmlShape(text);
  if (!shape) throw new FeedParseError(text.startsWith('<') ? 'invalid XML (no root element)' : 'not a feed (neither XML nor JSON)');
  const canonical = prefixCanonicaliser(text, localName(shape.root));
  const format = formatOf(shape, canonical(shape.root));
  const xml = expandDeclaredEntities(text, shape);
  if (nestingDepth(xml, MAX_DEPTH) > MAX_DEPTH) throw new FeedParseError(`invalid XML (elements nested more than ${MAX_DEPTH} deep)`);
  const output = await parseLeniently(xml, canonical);
  const toElement = (name: string, raw: RawFields): XmlElement => elementFromOrdered(name, raw.attrs, raw.children);
  const items = output.items.map((item) => toElement(format === 'atom' ? 'entry' : 'item', item));
  return format === 'atom' ? atomFeed(toElement('feed', output), items, url) : rssFeed(toElement('channel', output), items, url);
}

function readJson(text: string, url: string | undefined): ParsedFeed {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    throw new FeedParseError('not a feed (invalid JSON)');
  }
  return jsonFeed(doc, url);
}

/** Parses feed bytes (any character set) into the pipeline's model. Rejects with FeedParseError. */
export async function parseFeed(bytes: Uint8Array, options: ParseFeedOptions = {}): Promise<ParsedFeed> {
  if (bytes.byteLength > MAX_FEED_BYTES) {
    throw new FeedParseError(`too large (${bytes.byteLength} bytes, the limit is ${MAX_FEED_BYTES})`);
  }
  const text = decodeFeedBytes(bytes, options.contentType).trim();
  if (!text) throw new FeedParseError('empty document');
  return text.startsWith('{') ? readJson(text, options.url) : readXml(text, options.url);
}
