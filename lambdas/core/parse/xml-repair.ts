// A second chance for a document that is not well-formed XML, as lenient feed readers give one:
// the common breakages of real feeds are repaired, and the caller parses the result again.
// - a bare `&` (an unescaped ampersand in a link) becomes `&amp;`;
// - a document cut short (a last tag left unfinished, elements left open) is completed.
// CDATA sections, comments, processing instructions and the DOCTYPE are left as they are.
import { xmlTokens } from './xml-scan.ts';

const BARE_AMPERSAND = /&(?!#\d+;|#x[\da-f]+;|[A-Za-z_][\w.-]*;)/gi;

/** The repaired document; the same text when there was nothing to repair. */
export function repairXml(text: string): string {
  const parts: string[] = [];
  const open: string[] = [];
  for (const token of xmlTokens(text)) {
    const raw = text.slice(token.start, token.end);
    if (token.kind === 'other') {
      parts.push(raw);
      continue;
    }
    if (token.kind !== 'text') {
      // A tag the end of the text cut short is dropped; the closing below stands in for it.
      if (!token.complete && token.end === text.length) break;
      if (token.kind === 'start') open.push(token.name);
      else if (token.kind === 'end' && open.includes(token.name)) open.length = open.lastIndexOf(token.name);
    }
    parts.push(raw.replace(BARE_AMPERSAND, '&amp;'));
  }
  const closing = open.reverse().map((name) => `</${name}>`);
  return [...parts, ...closing].join('');
}
