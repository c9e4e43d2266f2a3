// Story clusters: stories about the same event (from any outlet) share a cluster id. A story
// joins the cluster of its most similar earlier story when a pair model (TF-IDF cosine of the
// texts and titles, shared organisations, people and places, closeness of dates) says they
// report one event; otherwise it starts a cluster named after itself.
import type { Extracted } from './extract.ts';
import { cosine, termCounts, tfidf, type Vector } from './features.ts';
import { logit, sigmoid, type LoadedLinearModel } from './logistic.ts';
import { foldName } from './text.ts';

/** What clustering needs to know of a story. */
export interface ClusterFeatures {
  id: string;
  /** YYYY-MM-DD or ISO 8601. */
  published?: string;
  terms: Vector;
  titleTerms: Vector;
  /** Folded names of its organisations, people and places. */
  entities: Set<string>;
}

export interface ClusterCandidate extends ClusterFeatures {
  cluster: string;
}

export interface ClusterModel {
  model: LoadedLinearModel;
  threshold: number;
  /** Stories further apart than this many days never share a cluster. */
  days: number;
}

const DAY = 86_400_000;

/** Clustering features of an extracted story. */
export function clusterFeatures(x: Extracted, idf: Readonly<Record<string, number>>): ClusterFeatures {
  const names = [...x.organisations.map((o) => o.name), ...x.people.map((p) => p.name), ...x.places.map((p) => p.place.name)];
  return {
    id: x.id,
    published: x.published,
    terms: tfidf(termCounts(x.words), idf),
    titleTerms: tfidf(termCounts(x.titleWords), idf),
    entities: new Set(names.map(foldName)),
  };
}

export function pairFeatures(a: ClusterFeatures, b: ClusterFeatures): Vector {
  const shared = [...a.entities].filter((e) => b.entities.has(e)).length;
  const union = a.entities.size + b.entities.size - shared;
  const days = daysApart(a, b);
  return new Map([
    ['text', cosine(a.terms, b.terms)],
    ['title', cosine(a.titleTerms, b.titleTerms)],
    ['entities', union ? shared / union : 0],
    ['shared', Math.min(shared, 5) / 5],
    ['near', days === undefined ? 0 : Math.exp(-days / 3)],
    ['undated', days === undefined ? 1 : 0],
  ]);
}

export function sameEventProbability(model: ClusterModel, a: ClusterFeatures, b: ClusterFeatures): number {
  const days = daysApart(a, b);
  if (days !== undefined && days > model.days) return 0;
  return sigmoid(logit(model.model, pairFeatures(a, b)));
}

/** The cluster a new story joins among existing stories, or a new one named after it. */
export function assignCluster(model: ClusterModel, story: ClusterFeatures, candidates: ClusterCandidate[]): string {
  let best: ClusterCandidate | undefined;
  let bestP = model.threshold;
  for (const c of candidates) {
    if (c.id === story.id) continue;
    const p = sameEventProbability(model, story, c);
    if (p >= bestP) {
      best = c;
      bestP = p;
    }
  }
  return best?.cluster ?? story.id;
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

function daysApart(a: ClusterFeatures, b: ClusterFeatures): number | undefined {
  if (!a.published || !b.published) return undefined;
  const d = Math.abs(Date.parse(a.published) - Date.parse(b.published)) / DAY;
  return Number.isFinite(d) ? d : undefined;
}
