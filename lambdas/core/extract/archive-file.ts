// An editor's back catalogue: one story per file, either a saved web page (.html, .htm) or a
// plain-text note (.txt, .md) laid out as
//
//   Title of the story
//   Date: 2012-04-01          (optional header lines, in any order, up to the first blank line:
//   Source: https://…          Date/Published, Source/URL/Link, Author/By)
//   Author: Jane Smith
//
//   Body paragraphs, separated by blank lines…
//
// Markdown files may open with `# Title` or a `---` front-matter block of the same headers.
import type { Article } from '../model.ts';
import { decodeFeedBytes } from '../parse/charset.ts';
import { extractArticle } from './article.ts';
import { canonicalUrl } from './canonical-url.ts';
import { findDateline, parseDate } from './dates.ts';
import { decodeHtmlBytes } from './decode-text.ts';
import { ExtractError } from './errors.ts';
import { cleanAuthor } from './metadata.ts';
import { normaliseSpace } from './text.ts';

const HTML_EXTENSIONS = new Set(['html', 'htm']);
const TEXT_EXTENSIONS = new Set(['txt', 'md']);
/** `Name: value`, or a byline `By Jane Smith` (an author). */
const HEADER = /^\s*(?:([A-Za-z][\w ]*?)\s*:|(by)\s)\s*(.+?)\s*$/i;
const HEADER_NAMES: Record<string, keyof Headers> = {
  title: 'title', date: 'date', published: 'date', source: 'source', url: 'source', link: 'source', author: 'author', by: 'author',
};
/** A dateline opens a story; later dates are ones the story mentions. */
const DATELINE_CHARS = 400;

interface Headers {
  title?: string;
  date?: string;
  source?: string;
  author?: string;
}

/**
 * The stable address of an archive file, `archive://<archive id>/<path of the file>`: the same
 * file of the same archive always gets the same story id, wherever the archive is unpacked.
 */
export function archiveUrl(archiveId: string, fileName: string): string {
  const path = fileName.replace(/\\/g, '/').split('/').filter(Boolean).map(encodeURIComponent).join('/');
  return canonicalUrl(`archive://${encodeURIComponent(archiveId)}/${path}`);
}

function readHeader(line: string | undefined, into: Headers): boolean {
  const match = line?.match(HEADER);
  const name = match && HEADER_NAMES[(match[1] ?? match[2] ?? '').toLowerCase()];
  if (!match || !name) return false;
  into[name] = match[3];
  return true;
}

/** Markdown reduced to its words: heading, emphasis, quote and link syntax removed, images dropped, bullets as "- ". */
function markdownToText(markdown: string): string {
  return markdown
    .replace(/^[ \t]*[*+][ \t]+/gm, '- ')
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/^[ \t]{0,3}(?:#{1,6}|>)[ \t]?/gm, '')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|\W)[*_](\S(?:.*?\S)?)[*_](?=\W|$)/g, '$1$2');
}

/** Paragraphs split at blank lines; hard-wrapped lines rejoined, list items kept on their own line. */
function paragraphs(body: string): string {
  return body
    .split(/\n\s*\n/)
    .map((block) => normaliseSpace(block.replace(/\n(?![ \t]*(?:[-*+]|\d+[.)])\s)/g, ' ')))
    .filter(Boolean)
    .join('\n\n');
}

function articleFromText(url: string, fileName: string, content: string, markdown: boolean): Article {
  const lines = content.replace(/\r\n?/g, '\n').split('\n');
  const headers: Headers = {};
  let at = lines.findIndex((line) => line.trim() !== '');
  if (at < 0) throw new ExtractError('unreadable-file', `archive file ${JSON.stringify(fileName)} is empty`);
  if (markdown && lines[at]!.trim() === '---') {
    const end = lines.indexOf('---', at + 1);
    // Without its closing line the opening `---` is a horizontal rule, skipped.
    for (const line of lines.slice(at + 1, Math.max(end, at + 1))) readHeader(line, headers);
    at = Math.max(end, at) + 1;
    while (at < lines.length && lines[at]!.trim() === '') at += 1;
  }
  if (!headers.title) {
    headers.title = (lines[at] ?? '').replace(/^\s*#+\s*/, '').trim();
    at += 1;
  }
  while (readHeader(lines[at], headers)) at += 1;
  const body = lines.slice(at).join('\n');
  const text = paragraphs(markdown ? markdownToText(body) : body);
  if (!headers.title || !text) {
    throw new ExtractError('no-content', `archive file ${JSON.stringify(fileName)} lacks a title line or body text`);
  }
  const source = headers.source && /^https?:/i.test(headers.source) ? tryCanonical(headers.source) : undefined;
  return {
    url: source ?? url,
    title: normaliseSpace(markdown ? markdownToText(headers.title) : headers.title),
    published: parseDate(headers.date) ?? findDateline(text.slice(0, DATELINE_CHARS)),
    author: cleanAuthor(headers.author),
    text,
    extraction: 'archive',
  };
}

function tryCanonical(url: string): string | undefined {
  try {
    return canonicalUrl(url);
  } catch {
    return undefined;
  }
}

function articleFromHtml(url: string, fileName: string, html: string): Article {
  try {
    return { ...extractArticle(html, url), extraction: 'archive' };
  } catch (error) {
    if (!(error instanceof ExtractError)) throw error;
    throw new ExtractError(error.kind, `archive file ${JSON.stringify(fileName)}: ${error.message.replace(/^extract: /, '')}`);
  }
}

/**
 * The story in one file of archive `archiveId`. Its URL is the page's own canonical URL (a
 * saved page) or `Source:` header (a note) when it has one, else `archiveUrl(archiveId, fileName)`.
 */
export function articleFromFile(archiveId: string, fileName: string, bytes: Uint8Array): Article {
  const extension = fileName.toLowerCase().match(/\.([a-z]+)$/)?.[1] ?? '';
  const html = HTML_EXTENSIONS.has(extension);
  if (!html && !TEXT_EXTENSIONS.has(extension)) {
    throw new ExtractError('unsupported-file', `archive file ${JSON.stringify(fileName)} is not .html, .htm, .txt or .md`);
  }
  if (bytes.length === 0) throw new ExtractError('unreadable-file', `archive file ${JSON.stringify(fileName)} is empty`);
  // Plain text declares no charset: the feed reader's detector reads the bytes themselves.
  const content = html ? decodeHtmlBytes(bytes) : decodeFeedBytes(bytes);
  if (content.includes('\u0000')) {
    throw new ExtractError('unreadable-file', `archive file ${JSON.stringify(fileName)} is binary, not text`);
  }
  const url = archiveUrl(archiveId, fileName);
  return html ? articleFromHtml(url, fileName, content) : articleFromText(url, fileName, content, extension === 'md');
}
