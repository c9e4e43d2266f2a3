// Trains the tagger's models from labelled stories (the training set, and later editors'
// corrections). Thresholds are chosen on out-of-fold predictions, so they are tuned on stories
// each model did not see.
import { createHash } from 'node:crypto';
import TfIdf from 'natural/lib/natural/tfidf/tfidf.js';
import type { EventType, Sector } from '../model.ts';
import { createClassifier, EVENT_TYPES, loadModel, pickEvent, SECTORS, type TaggerModel } from './classify.ts';
import { clusterFeatures, pairFeatures } from './cluster.ts';
import { createExtractor, type Extracted, type StoryInput } from './extract.ts';
import { termCounts } from './features.ts';
import type { Knowledge } from './knowledge.ts';
import { loadLinear, logit, sigmoid, trainLogistic, type LabelledVector, type LinearModel } from './logistic.ts';

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

export function trainPrepared(data: Prepared[], knowledge: Knowledge): TaggerModel {
  const classifier = createClassifier(knowledge.lexicons);
  const idf = inverseDocumentFrequencies(data.map((d) => d.extracted));
  const evidence = data.map((d) => classifier.evidence(d.extracted, idf));
  const gold = data.map((d) => d.example.gold);

  const relevanceSet = evidence.map((e, i) => ({ x: e.relevance, y: gold[i]!.relevant }));
  const relevance = trainLogistic(relevanceSet, RELEVANCE);
  const relevanceThreshold = bestThreshold(outOfFold(relevanceSet, RELEVANCE), relevanceSet.map((s) => s.y), accuracy);

  const relevant = evidence.map((e, i) => ({ e, g: gold[i]! })).filter((r) => r.g.relevant);
  const sectorSet = relevant.flatMap(({ e, g }) => SECTORS.map((s) => ({ x: e.sectors.get(s)!, y: g.sectors.includes(s) })));
  const sectors = trainLogistic(sectorSet, SECTOR);
  const sectorThreshold = bestThreshold(outOfFold(sectorSet, SECTOR, SECTORS.length), sectorSet.map((s) => s.y), f1);

  const eventSet = (type: EventType) => relevant.map(({ e, g }) => ({ x: e.terms, y: g.eventType === type }));
  const models = Object.fromEntries(EVENT_TYPES.map((type) => [type, trainLogistic(eventSet(type), EVENT)])) as Record<EventType, LinearModel>;
  // how much the text models add to the lexicon, chosen on out-of-fold logits
  const oof = EVENT_TYPES.map((type) => outOfFold(eventSet(type), EVENT).map((p) => Math.log(Math.max(p, 1e-9) / Math.max(1 - p, 1e-9))));
  const accuracyWith = (weight: number) =>
    relevant.filter(({ e, g }, i) => pickEvent(e.eventCues, EVENT_TYPES.map((type, k) => [type, oof[k]![i]!]), weight) === g.eventType).length;
  const eventWeight = EVENT_WEIGHTS.reduce((best, w) => (accuracyWith(w) > accuracyWith(best) ? w : best), 0);

  const features = data.map((d) => clusterFeatures(d.extracted, idf));
  const pairs: LabelledVector[] = [];
  for (let i = 0; i < data.length; i++) {
    for (let j = i + 1; j < data.length; j++) {
      const a = gold[i]!.cluster;
      const b = gold[j]!.cluster;
      if (a && b) pairs.push({ x: pairFeatures(features[i]!, features[j]!), y: a === b });
    }
  }
  // few pairs report one event: weigh them up to the others so the model learns from them
  const positives = pairs.filter((p) => p.y);
  const copies = Math.max(1, Math.floor((pairs.length - positives.length) / Math.max(1, positives.length)));
  const cluster = trainLogistic([...pairs, ...positives.flatMap((p) => Array<LabelledVector>(copies - 1).fill(p))], CLUSTER);
  const loadedCluster = loadLinear(cluster);
  const clusterThreshold = bestThreshold(pairs.map((p) => sigmoid(logit(loadedCluster, p.x))), pairs.map((p) => p.y), f1);

  const trained: Omit<TaggerModel, 'version'> = {
    dataHash: hashKnowledge(knowledge),
    idf,
    relevance: { model: relevance, threshold: relevanceThreshold },
    sectors: { model: sectors, threshold: sectorThreshold },
    events: { models, weight: eventWeight },
    cluster: { model: cluster, threshold: clusterThreshold, days: CLUSTER_DAYS },
  };
  return { version: createHash('sha256').update(JSON.stringify(trained)).digest('hex').slice(0, 12), ...trained };
}

const RELEVANCE = { l2: 0.05, epochs: 400, rate: 2 };
const SECTOR = { l2: 0.001, epochs: 600, rate: 1 };
const EVENT = { l2: 0.01, epochs: 400, rate: 2 };
const CLUSTER = { l2: 0.001, epochs: 1500, rate: 4 };
const EVENT_WEIGHTS = [0, 0.1, 0.25, 0.5, 1, 2];

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

/** Out-of-fold probabilities: each example scored by a model trained without its fold. */
function outOfFold(set: LabelledVector[], options: typeof RELEVANCE, groupSize = 1): number[] {
  const out = new Array<number>(set.length).fill(0);
  for (let fold = 0; fold < FOLDS; fold++) {
    const inFold = (i: number) => Math.floor(i / groupSize) % FOLDS === fold;
    const model = loadLinear(trainLogistic(set.filter((_, i) => !inFold(i)), options));
    set.forEach((s, i) => {
      if (inFold(i)) out[i] = sigmoid(logit(model, s.x));
    });
  }
  return out;
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

/** The threshold with the best score; among equals, the one nearest 0.5. */
function bestThreshold(scores: number[], truth: boolean[], metric: Metric): number {
  let best = 0.5;
  let bestScore = -1;
  for (let t = 0.05; t < 0.96; t += 0.01) {
    const s = metric(scores.map((x) => x >= t), truth);
    if (s > bestScore + 1e-9 || (Math.abs(s - bestScore) <= 1e-9 && Math.abs(t - 0.5) < Math.abs(best - 0.5))) {
      best = t;
      bestScore = s;
    }
  }
  return Math.round(best * 100) / 100;
}

/** Scores of k-fold cross-validation on labelled examples: each fold tagged by a model trained on the rest. */
export function crossValidate(data: Prepared[], knowledge: Knowledge, folds = FOLDS): { relevanceAccuracy: number; sectorsF1: number; eventAccuracy: number } {
  const classifier = createClassifier(knowledge.lexicons);
  let relRight = 0, tp = 0, fp = 0, fn = 0, evRight = 0, evN = 0;
  for (let fold = 0; fold < folds; fold++) {
    const test = data.filter((_, i) => i % folds === fold);
    const model = loadModel(trainPrepared(data.filter((_, i) => i % folds !== fold), knowledge));
    for (const d of test) {
      const c = classifier.classify(model, classifier.evidence(d.extracted, model.source.idf));
      const g = d.example.gold;
      if (c.relevant === g.relevant) relRight++;
      if (!g.relevant) continue;
      const gs = new Set(g.sectors);
      for (const s of c.sectors) if (gs.has(s)) tp++; else fp++;
      fn += g.sectors.filter((s) => !c.sectors.includes(s)).length;
      evN++;
      if (c.eventType === g.eventType) evRight++;
    }
  }
  return {
    relevanceAccuracy: relRight / data.length,
    sectorsF1: tp ? (2 * tp) / (2 * tp + fp + fn) : 0,
    eventAccuracy: evN ? evRight / evN : 0,
  };
}
