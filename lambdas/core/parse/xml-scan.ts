// A forgiving, linear-time scan of XML text into tags, text and other markup, for looking at a
// document before (or instead of) parsing it: it never fails, and each character is visited a
// bounded number of times whatever the input, so broken or hostile documents cannot stall it.

export type XmlToken =
  | { kind: 'text'; start: number; end: number }
  /** A CDATA section, comment, processing instruction or DOCTYPE. */
  | { kind: 'other'; start: number; end: number }
  | {
      kind: 'start' | 'end' | 'empty';
      name: string;
      start: number;
      end: number;
      /** False when the tag is cut off (by the end of the text or a stray `<`). */
      complete: boolean;
    };

const NAME = /[A-Za-z_][\w.:-]*/y;

function nameAt(text: string, at: number): string | undefined {
  NAME.lastIndex = at;
  return NAME.exec(text)?.[0];
}

/** Where a tag opened at `from` ends: its `>`, honouring quoted attribute values. */
function tagEnd(text: string, from: number): { end: number; complete: boolean } {
  let quote: string | undefined;
  for (let i = from + 1; i < text.length; i++) {
    const c = text[i];
    // A `<` cannot occur in a tag, quoted or not: stopping there keeps the scan linear.
    if (c === '<') return { end: i, complete: false };
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return { end: i + 1, complete: true };
  }
  return { end: text.length, complete: false };
}

function endOf(text: string, from: number, terminator: string): number {
  const found = text.indexOf(terminator, from);
  return found < 0 ? text.length : found + terminator.length;
}

/** A CDATA section, comment, processing instruction or DOCTYPE (with its internal subset). */
function otherEnd(text: string, at: number): number | undefined {
  if (text.startsWith('<![CDATA[', at)) return endOf(text, at + 9, ']]>');
  if (text.startsWith('<!--', at)) return endOf(text, at + 4, '-->');
  if (text.startsWith('<?', at)) return endOf(text, at + 2, '?>');
  if (text.startsWith('<!', at)) {
    const bracket = text.indexOf('[', at);
    const close = text.indexOf('>', at);
    if (bracket >= 0 && (close < 0 || bracket < close)) return endOf(text, endOf(text, bracket, ']'), '>');
    return close < 0 ? text.length : close + 1;
  }
  return undefined;
}

export function* xmlTokens(text: string): Generator<XmlToken> {
  let at = 0;
  while (at < text.length) {
    const lt = text.indexOf('<', at);
    const textEnd = lt < 0 ? text.length : lt;
    if (textEnd > at) yield { kind: 'text', start: at, end: textEnd };
    if (lt < 0) return;
    const other = otherEnd(text, lt);
    if (other !== undefined) {
      yield { kind: 'other', start: lt, end: other };
      at = other;
      continue;
    }
    const closing = text[lt + 1] === '/';
    const name = nameAt(text, lt + (closing ? 2 : 1));
    if (!name) {
      // A lone `<`: text, as far as this scan is concerned.
      yield { kind: 'text', start: lt, end: lt + 1 };
      at = lt + 1;
      continue;
    }
    const { end, complete } = tagEnd(text, lt);
    const kind = closing ? 'end' : complete && text[end - 2] === '/' ? 'empty' : 'start';
    yield { kind, name, start: lt, end, complete };
    at = end;
  }
}

/** How deep elements nest (stopping early once past `limit`). */
export function nestingDepth(text: string, limit: number): number {
  let depth = 0;
  let deepest = 0;
  for (const token of xmlTokens(text)) {
    if (token.kind === 'start') {
      depth++;
      deepest = Math.max(deepest, depth);
      if (deepest > limit) break;
    } else if (token.kind === 'end') depth = Math.max(0, depth - 1);
  }
  return deepest;
}
