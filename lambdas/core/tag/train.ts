// Trains the tagger's models from labelled stories (the training set, and later editors'
// corrections). Thresholds are chosen on out-of-fold predictions, so they are tuned on stories
// each model did not see.
import { createHash } from 'node:crypto';
import TfIdf from 'natural/lib/natural/tfidf/tfidf.js';
import type { EventType, Sector } from '../model.ts';
import { createClassifier, EVENT_TYPES, loadModel, MODEL_FORMAT, SECTORS, type TaggerModel } from './classify.ts';
import { clusterBatch, clusterFeatures, clusterSource, daysApart, pairFeatures, rarityOf, type ClusterFeatures, type ClusterModel, type ClusterModelData, type ClusterSource, type TermWeights } from './cluster.ts';
import { createExtractor, type Extracted, type StoryInput } from './extract.ts';
import { termCounts } from './features.ts';
import type { Knowledge } from './knowledge.ts';
import { loadLinear, logit, sigmoid, trainLogistic, trainSoftmax, type LabelledVector } from './logistic.ts';

export interface GoldLabels {
  relevant: boolean;
  sectors: Sector[];
  eventType: EventType;
  cluster?: string;
}

export interface LabelledExample extends StoryInput {
  gold: GoldLabels;
}

const FOLDS = 5;
const CLUSTER_DAYS = 21;

/** A hash of everything the model depends on besides the examples: the knowledge base and lexicons. */
export function hashKnowledge(knowledge: Knowledge): string {
  return createHash('sha256').update(JSON.stringify(knowledge)).digest('hex').slice(0, 12);
}

export interface Prepared {
  example: LabelledExample;
  extracted: Extracted;
}

/** Extracts every example once; training and cross-validation reuse the result. */
export function prepare(examples: LabelledExample[], knowledge: Knowledge): Prepared[] {
  const extract = createExtractor(knowledge);
  // Trained as scored: from the text alone. Gold files carry the date the labeller found, which
  // the tagger is not given there.
  return examples.map((example) => ({ example, extracted: extract({ ...example, published: undefined }) }));
}

export function trainModel(examples: LabelledExample[], knowledge: Knowledge): TaggerModel {
  return trainPrepared(prepare(examples, knowledge), knowledge);
}

/** The names a story is tagged with, as the tagger returns them. */
function namesOf(x: Extracted): { organisations: { name: string }[]; people: { name: string }[]; places: string[] } {
  return { organisations: x.organisations, people: x.people, places: x.places.map((p) => p.name) };
}

export function trainPrepared(data: Prepared[], knowledge: Knowledge): TaggerModel {
  const classifier = createClassifier(knowledge.lexicons);
  const idf = inverseDocumentFrequencies(data.map((d) => d.extracted));
  const evidence = data.map((d) => classifier.evidence(d.extracted, idf));
  const gold = data.map((d) => d.example.gold);

  const relevanceSet = evidence.map((e, i) => ({ x: e.relevance, y: gold[i]!.relevant }));
  const relevance = trainLogistic(relevanceSet, RELEVANCE);
  const relevanceThreshold = bestThreshold(outOfFold(relevanceSet, RELEVANCE, interleaved(relevanceSet.length)), relevanceSet.map((s) => s.y), accuracy);

  const relevant = evidence.map((e, i) => ({ e, g: gold[i]! })).filter((r) => r.g.relevant);
  const relevantFolds = interleaved(relevant.length);
  const sectorSet = relevant.flatMap(({ e, g }) => SECTORS.map((s) => ({ x: e.sectors.get(s)!, y: g.sectors.includes(s) })));
  const sectors = trainLogistic(sectorSet, SECTOR);
  const sectorFolds = relevantFolds.flatMap((fold) => SECTORS.map(() => fold));
  const sectorThreshold = bestThreshold(outOfFold(sectorSet, SECTOR, sectorFolds), sectorSet.map((s) => s.y), f1);

  const events = trainSoftmax(relevant.map(({ e, g }) => ({ x: e.events, y: g.eventType })), EVENT_TYPES, EVENT);

  const unseenIdf = 1 + Math.log(data.length);
  const cluster = trainClusterModel(
    data.map((d, i) => clusterSource(d.extracted, namesOf(d.extracted), evidence[i]!.eventCues)),
    gold.map((g) => g.cluster),
    { idf, unseenIdf },
  );
  const trained: Omit<TaggerModel, 'version'> = {
    format: MODEL_FORMAT,
    dataHash: hashKnowledge(knowledge),
    idf,
    relevance: { model: relevance, threshold: relevanceThreshold },
    sectors: { model: sectors, threshold: sectorThreshold },
    events,
    cluster,
  };
  return { version: createHash('sha256').update(JSON.stringify(trained)).digest('hex').slice(0, 12), ...trained };
}

const RELEVANCE = { l2: 0.05, epochs: 400, rate: 2 };
const SECTOR = { l2: 0.001, epochs: 600, rate: 1 };
const EVENT = { l2: 0.01, epochs: 300, rate: 1 };
const CLUSTER = { l2: 0.001, epochs: 1500, rate: 4 };
const EASY_SAMPLE = 10;

/** IDF (natural's formula) of the terms found in at least two stories. */
function inverseDocumentFrequencies(stories: Extracted[]): Record<string, number> {
  const corpus = new TfIdf();
  const df = new Map<string, number>();
  for (const s of stories) {
    const terms = [...termCounts(s.words).keys()];
    corpus.addDocument(terms);
    for (const t of terms) df.set(t, (df.get(t) ?? 0) + 1);
  }
  const idf: Record<string, number> = {};
  for (const [t, n] of [...df].sort(([a], [b]) => (a < b ? -1 : 1))) if (n >= 2) idf[t] = Math.round(corpus.idf(t) * 1e4) / 1e4;
  return idf;
}

/**
 * Adds to `counts` the pairs of stories clustered as labelled (tp), joined against their labels
 * (fp) and kept apart although labelled one event (fn). A story without a label joins no event.
 */
function countPairs(gold: (string | undefined)[], assigned: string[], counts: { tp: number; fp: number; fn: number }): void {
  for (let a = 0; a < gold.length; a++) {
    for (let b = a + 1; b < gold.length; b++) {
      const same = gold[a] !== undefined && gold[a] === gold[b];
      const joined = assigned[a] === assigned[b];
      if (same && joined) counts.tp++;
      else if (joined) counts.fp++;
      else if (same) counts.fn++;
    }
  }
}

/**
 * Folds that keep the stories of one event together (stories of one event read alike: split
 * between folds, they would flatter every score). Events are dealt to folds in order of first
 * appearance; a story with no cluster label is an event of its own.
 */
function eventFolds(gold: Pick<GoldLabels, 'cluster'>[], folds = FOLDS): number[] {
  const foldOf = new Map<string, number>();
  return gold.map((g, i) => {
    const key = g.cluster ?? `\u0000${i}`;
    let f = foldOf.get(key);
    if (f === undefined) foldOf.set(key, (f = foldOf.size % folds));
    return f;
  });
}

/** Folds dealt in turn: the n-th example in fold n mod 5. */
function interleaved(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i % FOLDS);
}

/** Out-of-fold probabilities: each example scored by a model trained without its fold. */
function outOfFold(set: LabelledVector[], options: typeof RELEVANCE, foldOf: number[]): number[] {
  const out = new Array<number>(set.length).fill(0);
  for (let fold = 0; fold < FOLDS; fold++) {
    if (!foldOf.includes(fold)) continue;
    const model = loadLinear(trainLogistic(set.filter((_, i) => foldOf[i] !== fold), options));
    set.forEach((s, i) => {
      if (foldOf[i] === fold) out[i] = sigmoid(logit(model, s.x));
    });
  }
  return out;
}

/**
 * The same-event pair model, from every pair of labelled stories close enough in time to be
 * compared. A name's rarity in a pair is counted without the pair's own two stories, as it will
 * be for stories the model has not seen. The threshold is chosen on pairs scored out of fold.
 */
function trainClusterModel(sources: ClusterSource[], clusters: (string | undefined)[], weights: TermWeights): ClusterModelData {
  const features = sources.map((s) => clusterFeatures(s, weights));
  const counts = new Map<string, number>();
  for (const f of features) for (const e of f.entities) counts.set(e, (counts.get(e) ?? 0) + 1);
  const rarityWithout = (a: ClusterFeatures, b: ClusterFeatures) =>
    rarityOf(features.length, (e) => (counts.get(e) ?? 0) - (a.entities.has(e) ? 1 : 0) - (b.entities.has(e) ? 1 : 0));
  const folds = eventFolds(clusters.map((cluster) => ({ cluster })));
  const pairs: (LabelledVector & { i: number; j: number })[] = [];
  for (let i = 0; i < features.length; i++) {
    for (let j = i + 1; j < features.length; j++) {
      const a = features[i]!;
      const b = features[j]!;
      const days = daysApart(a, b);
      if (!clusters[i] || !clusters[j] || (days !== undefined && days > CLUSTER_DAYS)) continue;
      pairs.push({ x: pairFeatures(a, b, rarityWithout(a, b)), y: clusters[i] === clusters[j], i, j });
    }
  }
  // Most pairs share no name and no telling term: plainly two events. One in EASY_SAMPLE of them
  // is fitted, weighed up to stand for the rest: the same loss for a fraction of the work.
  const easy = (p: LabelledVector) => !p.y && p.x.get('entities') === 0 && p.x.get('key-terms') === 0;
  const sampled = pairs.filter((p, k) => !easy(p) || k % EASY_SAMPLE === 0).map((p) => (easy(p) ? { ...p, weight: EASY_SAMPLE } : p));
  const fit = (set: LabelledVector[]) => {
    // few pairs report one event: weigh them up (by the square root of how outnumbered they
    // are, which cross-validates as well as full balance and leaves probabilities less skewed)
    const positives = set.filter((p) => p.y).length;
    const negatives = set.reduce((n, p) => n + (p.y ? 0 : (p.weight ?? 1)), 0);
    const weight = Math.max(1, Math.sqrt(negatives / Math.max(1, positives)));
    return trainLogistic(set.map((p) => (p.y ? { ...p, weight } : p)), CLUSTER);
  };
  // The threshold is the one at which clustering each fold's stories as the tagger does, with a
  // model and name counts that never saw that fold, gives the best pairwise F1.
  const foldModels: ClusterModel[] = Array.from({ length: FOLDS }, (_, fold) => {
    const seen = new Map<string, number>();
    features.forEach((f, i) => {
      if (folds[i] !== fold) for (const e of f.entities) seen.set(e, (seen.get(e) ?? 0) + 1);
    });
    const model = loadLinear(fit(sampled.filter((p) => folds[p.i] !== fold && folds[p.j] !== fold)));
    const others = folds.filter((f) => f !== fold).length;
    return { model, threshold: 1, days: CLUSTER_DAYS, rarity: rarityOf(others, (e) => seen.get(e) ?? 0) };
  });
  const foldMembers = foldModels.map((_, fold) => features.map((_, i) => i).filter((i) => folds[i] === fold && clusters[i]));
  const clusteringF1 = (threshold: number) => {
    const counts = { tp: 0, fp: 0, fn: 0 };
    foldModels.forEach((model, fold) => {
      const members = foldMembers[fold]!;
      const assigned = clusterBatch({ ...model, threshold }, members.map((i) => features[i]!));
      countPairs(members.map((i) => clusters[i]), assigned, counts);
    });
    return counts.tp ? (2 * counts.tp) / (2 * counts.tp + counts.fp + counts.fn) : 0;
  };
  const entityCounts: Record<string, number> = {};
  for (const [e, n] of [...counts].sort(([a], [b]) => (a < b ? -1 : 1))) if (n >= 2) entityCounts[e] = n;
  return {
    model: fit(sampled),
    threshold: bestThresholdOf(clusteringF1, 0.99),
    days: CLUSTER_DAYS,
    stories: features.length,
    entityCounts,
    unseenIdf: Math.round(weights.unseenIdf * 1e4) / 1e4,
  };
}

type Metric = (predicted: boolean[], truth: boolean[]) => number;

const accuracy: Metric = (p, t) => p.filter((x, i) => x === t[i]).length / (t.length || 1);

const f1: Metric = (p, t) => {
  let tp = 0, fp = 0, fn = 0;
  p.forEach((x, i) => {
    if (x && t[i]) tp++;
    else if (x) fp++;
    else if (t[i]) fn++;
  });
  return tp ? (2 * tp) / (2 * tp + fp + fn) : 0;
};

/** The threshold (from 0.05 to `top`) with the best score; among equals, the one nearest 0.5. */
function bestThreshold(scores: number[], truth: boolean[], metric: Metric, top = 0.95): number {
  return bestThresholdOf((t) => metric(scores.map((x) => x >= t), truth), top);
}

function bestThresholdOf(score: (threshold: number) => number, top: number): number {
  let best = 0.5;
  let bestScore = -1;
  for (let t = 0.05; t < top + 0.005; t += 0.01) {
    const s = score(t);
    if (s > bestScore + 1e-9 || (Math.abs(s - bestScore) <= 1e-9 && Math.abs(t - 0.5) < Math.abs(best - 0.5))) {
      best = t;
      bestScore = s;
    }
  }
  return Math.round(best * 100) / 100;
}

export interface Scores {
  relevanceAccuracy: number;
  sectorsF1: number;
  eventAccuracy: number;
  /** Pairwise precision, recall and F1 of the clusters (as the evaluation scores them). */
  clusters: { p: number; r: number; f1: number };
}

/**
 * Scores of k-fold cross-validation on labelled examples: each fold tagged by a model trained
 * on the rest, the stories of one event always in one fold. For clusters, each fold's stories are
 * clustered together by its model, as a batch of unseen stories is.
 */
export function crossValidate(data: Prepared[], knowledge: Knowledge, folds = FOLDS): Scores {
  const classifier = createClassifier(knowledge.lexicons);
  const foldOf = eventFolds(data.map((d) => d.example.gold), folds);
  let relRight = 0, tp = 0, fp = 0, fn = 0, evRight = 0, evN = 0;
  const pairs = { tp: 0, fp: 0, fn: 0 };
  for (let fold = 0; fold < folds; fold++) {
    const model = loadModel(trainPrepared(data.filter((_, i) => foldOf[i] !== fold), knowledge));
    const evidence = data.map((d) => classifier.evidence(d.extracted, model.source.idf));
    const classified = evidence.map((e) => classifier.classify(model, e));
    data.forEach((d, i) => {
      if (foldOf[i] !== fold) return;
      const c = classified[i]!;
      const g = d.example.gold;
      if (c.relevant === g.relevant) relRight++;
      if (!g.relevant) return;
      const gs = new Set(g.sectors);
      for (const s of c.sectors) if (gs.has(s)) tp++; else fp++;
      fn += g.sectors.filter((s) => !c.sectors.includes(s)).length;
      evN++;
      if (c.eventType === g.eventType) evRight++;
    });
    const weights = { idf: model.source.idf, unseenIdf: model.source.cluster.unseenIdf };
    const members = data.map((_, i) => i).filter((i) => foldOf[i] === fold);
    const features = members.map((i) => clusterFeatures(clusterSource(data[i]!.extracted, namesOf(data[i]!.extracted), evidence[i]!.eventCues), weights));
    countPairs(members.map((i) => data[i]!.example.gold.cluster), clusterBatch(model.cluster, features), pairs);
  }
  const p = pairs.tp + pairs.fp ? pairs.tp / (pairs.tp + pairs.fp) : 1;
  const r = pairs.tp + pairs.fn ? pairs.tp / (pairs.tp + pairs.fn) : 1;
  return {
    relevanceAccuracy: relRight / data.length,
    sectorsF1: tp ? (2 * tp) / (2 * tp + fp + fn) : 0,
    eventAccuracy: evN ? evRight / evN : 0,
    clusters: { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 },
  };
}
