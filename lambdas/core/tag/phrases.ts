// A word trie over names (organisations, people, places): finds every known name in a token
// list, longest first, in one pass. Names are stored as folded words, with the capitals they are
// written with, so "Leading Lives" is found in "Leading Lives’ staff" but not in "leading lives".
import { tokenize, type Token } from './text.ts';

interface Node<T> {
  next: Map<string, Node<T>>;
  entries: Entry<T>[];
}

interface Entry<T> {
  value: T;
  /** Per word of the name: must the text write it with a capital? */
  caps: boolean[];
  /** Per word of the name: does a comma come before it ("Department for Culture, Media and Sport")? */
  commas: boolean[];
  /** Per word of the name but the last: is it possessive ("King’s Lynn", "Guy’s and St Thomas’")? */
  possessives: boolean[];
}

export interface PhraseMatch<T> {
  value: T;
  /** Token indexes [from, to). */
  from: number;
  to: number;
}

export interface PhraseIndex<T> {
  add(name: string, value: T): void;
  /** Longest non-overlapping matches, left to right. */
  find(tokens: Token[], accept?: (m: PhraseMatch<T>) => boolean): PhraseMatch<T>[];
}

const LOWER_OK = new Set(['and', 'of', 'for', 'the', 'in', 'on', 'at', 'upon', 'under', 'le', 'de', 'la', 'y']);

export function createPhraseIndex<T>(): PhraseIndex<T> {
  const root: Node<T> = { next: new Map(), entries: [] };
  return {
    add(name, value) {
      let words = tokenize(name);
      if (words[0]?.fold === 'the' && words.length > 1) words = words.slice(1);
      if (words.length === 0) return;
      let node = root;
      for (const w of words) {
        let child = node.next.get(w.fold);
        if (!child) {
          child = { next: new Map(), entries: [] };
          node.next.set(w.fold, child);
        }
        node = child;
      }
      node.entries.push({
        value,
        caps: words.map((w) => w.cap && !LOWER_OK.has(w.fold)),
        commas: words.map((w, k) => k > 0 && w.gap === 'comma'),
        possessives: words.slice(0, -1).map((w) => w.possessive),
      });
    },
    find(tokens, accept) {
      const found: PhraseMatch<T>[] = [];
      for (let i = 0; i < tokens.length; ) {
        const best = longestAt(root, tokens, i, accept);
        if (best) {
          found.push(best);
          i = best.to;
        } else i++;
      }
      return found;
    },
  };
}

function longestAt<T>(
  root: Node<T>,
  tokens: Token[],
  from: number,
  accept?: (m: PhraseMatch<T>) => boolean,
): PhraseMatch<T> | undefined {
  let node: Node<T> | undefined = root;
  let best: PhraseMatch<T> | undefined;
  for (let j = from; j < tokens.length; j++) {
    const t = tokens[j]!;
    if (j > from && t.gap === 'break') break;
    node = node.next.get(t.fold);
    if (!node) break;
    for (const entry of node.entries) {
      if (!entry.caps.every((c, k) => !c || tokens[from + k]!.cap)) continue;
      if (!entry.commas.every((c, k) => c === (k > 0 && tokens[from + k]!.gap === 'comma'))) continue;
      // a possessive ends a name ("Suffolk County Council’s staff") unless the name has it there
      if (!entry.possessives.every((p, k) => p === tokens[from + k]!.possessive)) continue;
      const m = { value: entry.value, from, to: j + 1 };
      if (!accept || accept(m)) {
        best = m;
        break;
      }
    }
  }
  return best;
}
