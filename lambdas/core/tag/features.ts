// Words as the classifiers see them: natural's tokenizer and Porter stemmer over folded text,
// TF-IDF term vectors, and phrase lists (lexicons) counted over the same stems.
import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';
import AggressiveTokenizer from 'natural/lib/natural/tokenizers/aggressive_tokenizer.js';
import { words as STOPWORDS } from 'natural/lib/natural/util/stopwords.js';
import { foldWord } from './text.ts';

const tokenizer = new AggressiveTokenizer();
const stopwords = new Set(STOPWORDS);
const stemCache = new Map<string, string>();

function stem(word: string): string {
  let s = stemCache.get(word);
  if (s === undefined) {
    s = /\d/.test(word) ? word : PorterStemmer.stem(word);
    if (stemCache.size < 200_000) stemCache.set(word, s);
  }
  return s;
}

/** Every word of a text, folded and stemmed, stop words kept (phrases need them). */
export function stems(text: string): string[] {
  const folded = foldWord(text)
    .replace(/\bco-(?=op)/g, 'co')
    .replace(/&/g, ' and ')
    .replace(/[-/]/g, ' ');
  return tokenizer.tokenize(folded).map(stem);
}

/** A sparse vector: term → weight. */
export type Vector = Map<string, number>;

/** Term counts of a text: stemmed words (no stop words) and adjacent word pairs. */
export function termCounts(words: string[]): Vector {
  const counts: Vector = new Map();
  let previous: string | undefined;
  for (const w of words) {
    if (stopwords.has(w) || w.length < 2) {
      previous = undefined;
      continue;
    }
    counts.set(w, (counts.get(w) ?? 0) + 1);
    if (previous) {
      const pair = `${previous} ${w}`;
      counts.set(pair, (counts.get(pair) ?? 0) + 1);
    }
    previous = w;
  }
  return counts;
}

/** TF-IDF weights (log-scaled counts), unit length; terms without an idf weigh `unseen` (dropped by default). */
export function tfidf(counts: Vector, idf: Readonly<Record<string, number>>, unseen?: number): Vector {
  const v: Vector = new Map();
  let norm = 0;
  for (const [term, n] of counts) {
    // typeof: a plain object also answers "constructor"
    const known = idf[term];
    const w = typeof known === 'number' ? known : unseen;
    if (w === undefined) continue;
    const x = (1 + Math.log(n)) * w;
    v.set(term, x);
    norm += x * x;
  }
  norm = Math.sqrt(norm);
  if (norm > 0) for (const [t, x] of v) v.set(t, x / norm);
  return v;
}

/**
 * A sparse vector packed for fast dot products: its terms hashed to 32-bit numbers (the hashing
 * trick: two terms rarely share a hash, and when they do their weights add up), in increasing
 * order, with their weights. Clustering takes a dot product for every pair of stories.
 */
export interface PackedVector {
  keys: Uint32Array;
  values: Float64Array;
}

export function pack(v: Vector): PackedVector {
  const entries = [...v].map(([term, x]) => [fnv1a(term), x] as const).sort((a, b) => a[0] - b[0]);
  const keys: number[] = [];
  const values: number[] = [];
  for (const [key, x] of entries) {
    if (keys.at(-1) === key) values[values.length - 1]! += x;
    else {
      keys.push(key);
      values.push(x);
    }
  }
  return { keys: Uint32Array.from(keys), values: Float64Array.from(values) };
}

export function dot(a: PackedVector, b: PackedVector): number {
  let i = 0;
  let j = 0;
  let sum = 0;
  while (i < a.keys.length && j < b.keys.length) {
    const x = a.keys[i]!;
    const y = b.keys[j]!;
    if (x === y) sum += a.values[i++]! * b.values[j++]!;
    else if (x < y) i++;
    else j++;
  }
  return sum;
}

// 32-bit FNV-1a over UTF-16 code units
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

export function cosine(a: Vector, b: Vector): number {
  const [small, large] = a.size < b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [t, x] of small) {
    const y = large.get(t);
    if (y !== undefined) dot += x * y;
  }
  return dot;
}

/** One phrase of a lexicon found in a text. */
export interface PhraseHit {
  label: string;
  phrase: string;
  weight: number;
  /** Word index where it was found. */
  at: number;
}

/** Phrase lists keyed by label, matched over stems (so "learning disability" finds "disabilities"). */
export interface PhraseCounter {
  hits(words: string[]): PhraseHit[];
}

export function createPhraseCounter(lists: Record<string, Record<string, number> | string[]>): PhraseCounter {
  // first stem → phrases starting with it, longest first; forms of one phrase that stem alike
  // ("visit", "visits", "visited") are one phrase, at the highest weight given
  const byFirst = new Map<string, { label: string; phrase: string; weight: number; words: string[] }[]>();
  for (const [label, list] of Object.entries(lists)) {
    const entries = Array.isArray(list) ? list.map((p) => [p, 1] as const) : Object.entries(list);
    for (const [phrase, weight] of entries) {
      const words = stems(phrase);
      const first = words[0];
      if (first === undefined) continue;
      const bucket = byFirst.get(first) ?? [];
      const same = bucket.find((p) => p.label === label && p.words.join(' ') === words.join(' '));
      if (same) same.weight = Math.max(same.weight, weight);
      else bucket.push({ label, phrase, weight, words });
      byFirst.set(first, bucket);
    }
  }
  for (const bucket of byFirst.values()) bucket.sort((a, b) => b.words.length - a.words.length);
  return {
    hits(words) {
      const found: PhraseHit[] = [];
      for (let i = 0; i < words.length; i++) {
        const bucket = byFirst.get(words[i]!);
        // "not-for-profit", "non-profit": the word is negated, not a cue
        if (!bucket || words[i - 1] === 'non' || (words[i - 1] === 'for' && words[i - 2] === 'not')) continue;
        const labels = new Set<string>();
        for (const p of bucket) {
          // per label, the longest phrase starting here: "plans to" is not also "plans"
          if (labels.has(p.label) || !p.words.every((w, k) => words[i + k] === w)) continue;
          labels.add(p.label);
          found.push({ label: p.label, phrase: p.phrase, weight: p.weight, at: i });
        }
      }
      return found;
    },
  };
}
