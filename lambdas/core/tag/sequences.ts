// Runs of capitalised words: the raw material of names not in the knowledge base.
import type { Token } from './text.ts';

export interface Span {
  /** Token indexes [from, to). */
  from: number;
  to: number;
}

// "in" and "on" join only with hyphens (Stoke-on-Trent): "College in Cumbria" is a name and a place
const CONNECTORS = new Set(['of', 'for', 'and', 'the', 'upon', 'under', 'le', 'de', 'la', 'du', 'van', 'von']);

/**
 * Maximal runs of capitalised words joined by spaces or hyphens, with lower-case connectors
 * inside (Royal Borough of Kensington and Chelsea) and lower-case words hyphened onto a
 * capitalised one (Co-operative). A possessive ends a run; blocked tokens are never part of one.
 */
export function capitalisedRuns(tokens: Token[], blocked?: Uint8Array): Span[] {
  const runs: Span[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (blocked?.[i] || !tokens[i]!.cap) {
      i++;
      continue;
    }
    let end = i + 1;
    while (end < tokens.length && !tokens[end - 1]!.possessive && !blocked?.[end]) {
      const t = tokens[end]!;
      if (t.gap === 'hyphen' && (t.cap || tokens[end - 1]!.cap)) {
        end++;
        continue;
      }
      if (t.gap !== 'space') break;
      // a bare number ends a name: "Network 13 May 11" is a name and a date
      if (t.cap && !/^\d+$/.test(t.text)) {
        end++;
        continue;
      }
      // a connector counts only when a capitalised word follows it
      let k = end;
      while (k < tokens.length && CONNECTORS.has(tokens[k]!.fold) && !tokens[k]!.cap && tokens[k]!.gap === 'space') k++;
      if (k > end && k < tokens.length && tokens[k]!.cap && tokens[k]!.gap === 'space' && !blocked?.[k]) {
        end = k + 1;
        continue;
      }
      break;
    }
    runs.push({ from: i, to: end });
    i = end;
  }
  return runs;
}

export function overlaps(a: Span, b: Span): boolean {
  return a.from < b.to && b.from < a.to;
}

/** Marks the tokens of some spans, for runs that must not cross them. */
export function blockedBy(count: number, spans: Iterable<Span>): Uint8Array {
  const blocked = new Uint8Array(count);
  for (const s of spans) blocked.fill(1, s.from, s.to);
  return blocked;
}

/** A span as written in the text, spaces tidied. */
export function spanText(text: string, tokens: Token[], span: Span): string {
  return text.slice(tokens[span.from]!.start, tokens[span.to - 1]!.end).replace(/\s+/g, ' ');
}
