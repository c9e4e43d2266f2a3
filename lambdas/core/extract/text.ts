import { parseDocument } from './dom.ts';

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** Elements whose start and end break the text into paragraphs. */
const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'dd', 'details', 'div', 'dl', 'dt', 'figcaption',
  'figure', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'ol', 'p',
  'pre', 'section', 'summary', 'table', 'td', 'th', 'tr', 'ul',
]);
const SILENT = new Set(['script', 'style', 'noscript', 'template', 'svg']);

/** Collapses spaces (including no-break and zero-width ones) and trims each line. */
export function normaliseSpace(text: string): string {
  return text
    .replace(/[\u200b-\u200d\ufeff]/g, '')
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}

/** The readable text under a node: one paragraph per block, paragraphs separated by a blank line. */
export function blockText(root: Node): string {
  const paragraphs: string[] = [];
  let current = '';
  const flush = (): void => {
    const paragraph = normaliseSpace(current);
    if (paragraph) paragraphs.push(paragraph);
    current = '';
  };
  const walk = (node: Node): void => {
    if (node.nodeType === TEXT_NODE) {
      // Source line breaks are layout, not meaning; <br> is the only line break kept.
      current += (node.textContent ?? '').replace(/\s+/g, ' ');
      return;
    }
    if (node.nodeType !== ELEMENT_NODE) return;
    const tag = (node as Element).localName;
    if (SILENT.has(tag)) return;
    if (tag === 'br') {
      current += '\n';
      return;
    }
    const block = BLOCKS.has(tag);
    if (block) flush();
    node.childNodes.forEach(walk);
    if (block) flush();
  };
  walk(root);
  flush();
  return paragraphs.join('\n\n');
}

/** Plain text of an HTML fragment (a feed summary, say), entities decoded. */
export function htmlToText(html: string): string {
  return blockText(parseDocument(html).body);
}

/** Headlines longer than this are cut at a word boundary. */
const MAX_HEADLINE_CHARS = 100;

/** A stand-in headline for a story that has none: its first sentence, cut short if long. */
export function headlineFromText(text: string): string {
  const first = (text.split('\n')[0] ?? '').trim();
  const sentence = first.match(/^.+?[.!?](?=\s|$)/)?.[0] ?? first;
  if (sentence.length <= MAX_HEADLINE_CHARS) return sentence;
  return `${sentence.slice(0, MAX_HEADLINE_CHARS).replace(/\s+\S*$/, '')}…`;
}
