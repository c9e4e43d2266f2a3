// Story clusters: stories about the same event (from any outlet) share a cluster id. A story
// joins the cluster whose stories a pair model says, on average, report its event; otherwise
// it starts a cluster named after itself. The pair model reads how alike two stories are (TF-IDF
// cosine of texts and titles), what they share that few other stories name (organisations,
// people, places, amounts), whether they tell the same kind of event (how alike their event
// cues are), and how far apart they were published (or, undated, the years they mention).
import type { EventType } from '../model.ts';
import type { Extracted } from './extract.ts';
import { cosine, dot, pack, stems, termCounts, tfidf, type PackedVector, type Vector } from './features.ts';
import { logit, sigmoid, type LinearModel, type LoadedLinearModel } from './logistic.ts';
import { foldName } from './text.ts';

/** What clustering reads of a story, in a batch and for a stored story alike. */
export interface ClusterSource {
  id: string;
  /** YYYY-MM-DD or ISO 8601. */
  published?: string;
  /** The story's text (title included), for the amounts and years it mentions. */
  text: string;
  words: string[];
  titleWords: string[];
  /** Names of its organisations, people and places, as tagged. */
  names: string[];
  /** How strongly the text tells each kind of event (the event lexicon's cues). */
  eventCues: ReadonlyMap<EventType, number>;
}

/** A tagged story as clustering reads it: built the same way for a new story and a stored one. */
export function clusterSource(
  x: Pick<Extracted, 'id' | 'published' | 'text' | 'words' | 'titleWords'>,
  tags: { organisations: { name: string }[]; people: { name: string }[]; places: string[] },
  eventCues: ReadonlyMap<EventType, number>,
): ClusterSource {
  return {
    id: x.id,
    published: x.published,
    text: x.text,
    words: x.words,
    titleWords: x.titleWords,
    names: [...tags.organisations.map((o) => o.name), ...tags.people.map((p) => p.name), ...tags.places],
    eventCues,
  };
}

/** What clustering needs to know of a story. */
export interface ClusterFeatures {
  id: string;
  /** Publication time in milliseconds, when known. */
  time?: number;
  terms: PackedVector;
  /**
   * The terms without the words of the story's names: what happened rather than who it
   * happened to, which tells apart two events of one organisation.
   */
  eventTerms: PackedVector;
  titleTerms: PackedVector;
  /** The story's most telling terms (highest TF-IDF): what two reports of one event both say. */
  keyTerms: Set<string>;
  /** Folded names of its organisations, people and places. */
  entities: Set<string>;
  /** Amounts and counts ("£4m", "300"); years are kept apart. */
  numbers: Set<string>;
  /** The latest year the text mentions. */
  latestYear?: number;
  /** Its event cues, as a unit vector: a graded kind of event, robust to a wrong guess of one. */
  eventCues: Vector;
}

export interface ClusterCandidate extends ClusterFeatures {
  cluster: string;
}

/** The trained pair model and the corpus statistics its features read, as stored in model.json. */
export interface ClusterModelData {
  model: LinearModel;
  threshold: number;
  /** Stories further apart than this many days never share a cluster. */
  days: number;
  /** Training stories, and in how many of them each name occurs (names seen twice or more). */
  stories: number;
  entityCounts: Record<string, number>;
  /** The idf of a term no training story holds (the rarest there is): such terms count in clustering. */
  unseenIdf: number;
}

export interface ClusterModel {
  model: LoadedLinearModel;
  threshold: number;
  days: number;
  /** How rare a name is: 1 for one no training story names, near 0 for one every story names. */
  rarity: (entity: string) => number;
}

export function loadClusterModel(data: ClusterModelData): ClusterModel {
  const counts = new Map(Object.entries(data.entityCounts));
  const rarity = rarityOf(data.stories, (e) => counts.get(e) ?? 0);
  // every pair of stories asks after their names: remember the answers
  const known = new Map<string, number>();
  return {
    model: { bias: data.model.bias, weights: new Map(Object.entries(data.model.weights)) },
    threshold: data.threshold,
    days: data.days,
    rarity(e) {
      let r = known.get(e);
      if (r === undefined) {
        if (known.size >= 100_000) known.clear();
        known.set(e, (r = rarity(e)));
      }
      return r;
    },
  };
}

/** Rarity of a name seen in `count(name)` of `stories` stories, between 0 and 1. */
export function rarityOf(stories: number, count: (entity: string) => number): (entity: string) => number {
  const top = Math.log(stories + 1);
  return (e) => (top > 0 ? Math.log((stories + 1) / (count(e) + 1)) / top : 1);
}

const DAY = 86_400_000;

export interface TermWeights {
  idf: Readonly<Record<string, number>>;
  /** The idf of a term no training story holds: the rarest there is. */
  unseenIdf: number;
}

/** Clustering features of a story. */
export function clusterFeatures(s: ClusterSource, weights: TermWeights): ClusterFeatures {
  const time = s.published ? Date.parse(s.published) : NaN;
  const { numbers, years } = numbersIn(s.text);
  const counts = termCounts(s.words);
  const nameWords = new Set(s.names.flatMap((n) => stems(n)));
  const weighted = tfidf(counts, weights.idf, weights.unseenIdf);
  const keyTerms = new Set([...weighted].filter(([t]) => !t.includes(' ')).sort((a, b) => b[1] - a[1]).slice(0, KEY_TERMS).map(([t]) => t));
  const eventCounts: Vector = new Map();
  for (const [term, n] of counts) if (!term.split(' ').some((w) => nameWords.has(w))) eventCounts.set(term, n);
  return {
    id: s.id,
    ...(Number.isFinite(time) ? { time } : {}),
    terms: pack(weighted),
    keyTerms,
    eventTerms: pack(tfidf(eventCounts, weights.idf, weights.unseenIdf)),
    titleTerms: pack(tfidf(termCounts(s.titleWords), weights.idf, weights.unseenIdf)),
    entities: new Set(s.names.map(foldName).filter(Boolean)),
    numbers,
    ...(years.size ? { latestYear: Math.max(...years) } : {}),
    eventCues: unit(s.eventCues),
  };
}

const KEY_TERMS = 15;

const NUMBER = /(?<![\p{L}\p{N}.,])([£$€]\s?)?(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?:\s?(m|bn|k|million|billion|per\s?cent|%)(?![\p{L}]))?/giu;
const UNITS: Record<string, string> = { million: 'm', billion: 'bn', percent: '%', 'per cent': '%' };

/**
 * Amounts and counts a story gives, and the years it mentions. Bare numbers below 32 are left
 * out: they are mostly days of dates and small counts every story has.
 */
export function numbersIn(text: string): { numbers: Set<string>; years: Set<number> } {
  const numbers = new Set<string>();
  const years = new Set<number>();
  for (const m of text.matchAll(NUMBER)) {
    const [, currency, whole, fraction, unit] = m;
    const value = Number(whole!.replace(/,/g, ''));
    if (!currency && !unit && !fraction && value >= 1900 && value <= 2099 && whole!.length === 4) {
      years.add(value);
      continue;
    }
    if (!currency && !unit && value < 32) continue;
    const u = unit ? (UNITS[unit.toLowerCase().replace(/\s+/g, ' ')] ?? unit.toLowerCase()) : '';
    numbers.add(`${currency?.trim() ?? ''}${value}${fraction ?? ''}${u}`);
  }
  return { numbers, years };
}

/** The pair's features; `rarity` weighs the names they share (names few stories give count most). */
export function pairFeatures(a: ClusterFeatures, b: ClusterFeatures, rarity: (entity: string) => number): Vector {
  let shared = 0;
  let union = 0;
  for (const e of a.entities) {
    const r = rarity(e);
    union += r;
    if (b.entities.has(e)) shared += r;
  }
  for (const e of b.entities) if (!a.entities.has(e)) union += rarity(e);
  const numbers = overlap(a.numbers, b.numbers);
  const days = daysApart(a, b);
  const features: Vector = new Map([
    ['text', dot(a.terms, b.terms)],
    ['event-text', dot(a.eventTerms, b.eventTerms)],
    ['title', dot(a.titleTerms, b.titleTerms)],
    ['entities', union ? shared / union : 0],
    ['rare', Math.min(shared, 3) / 3],
    ['numbers', Math.min(numbers, 3) / 3],
    ['key-terms', overlap(a.keyTerms, b.keyTerms) / KEY_TERMS],
    ['event-kind', cosine(a.eventCues, b.eventCues)],
  ]);
  if (days === undefined) {
    features.set('undated', 1);
    // undated stories years apart: the latest years they mention tell
    if (a.latestYear !== undefined && b.latestYear !== undefined) features.set('years-apart', Math.min(Math.abs(a.latestYear - b.latestYear), 3) / 3);
  } else features.set('near', Math.exp(-days / 3));
  return features;
}

export function sameEventProbability(model: ClusterModel, a: ClusterFeatures, b: ClusterFeatures): number {
  const days = daysApart(a, b);
  if (days !== undefined && days > model.days) return 0;
  return sigmoid(logit(model.model, pairFeatures(a, b, model.rarity)));
}

/**
 * The cluster a new story joins among existing stories, or a new one named after it. A story
 * joins the cluster it matches best on average over the cluster's stories (average link): a
 * story that matches one member of a cluster but not the others stays out, so a cluster does
 * not drift from one event to the next by a chain of near neighbours.
 */
export function assignCluster(model: ClusterModel, story: ClusterFeatures, candidates: ClusterCandidate[]): string {
  const byCluster = new Map<string, { sum: number; n: number }>();
  for (const c of candidates) {
    if (c.id === story.id) continue;
    const link = byCluster.get(c.cluster) ?? { sum: 0, n: 0 };
    link.sum += sameEventProbability(model, story, c);
    link.n++;
    byCluster.set(c.cluster, link);
  }
  let best = story.id;
  let bestP = model.threshold;
  for (const [cluster, { sum, n }] of byCluster) {
    if (sum / n >= bestP) {
      best = cluster;
      bestP = sum / n;
    }
  }
  return best;
}

/** Clusters stories given together, in order; each may also join one of the candidates'. */
export function clusterBatch(model: ClusterModel, stories: ClusterFeatures[], candidates: ClusterCandidate[] = []): string[] {
  const pool = [...candidates];
  return stories.map((s) => {
    const cluster = assignCluster(model, s, pool);
    pool.push({ ...s, cluster });
    return cluster;
  });
}

export function daysApart(a: Pick<ClusterFeatures, 'time'>, b: Pick<ClusterFeatures, 'time'>): number | undefined {
  return a.time === undefined || b.time === undefined ? undefined : Math.abs(a.time - b.time) / DAY;
}

function unit(weights: ReadonlyMap<string, number>): Vector {
  const norm = Math.sqrt([...weights.values()].reduce((n, x) => n + x * x, 0));
  return new Map(norm > 0 ? [...weights].map(([k, x]) => [k, x / norm]) : []);
}

function overlap<T>(a: Set<T>, b: Set<T>): number {
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  return n;
}
