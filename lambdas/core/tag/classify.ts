// Relevance, sectors and event type: linear models over TF-IDF words plus evidence the text
// and the knowledge base give (lexicon phrases, the mutuals found and their sectors).
import type { EventType, Sector } from '../model.ts';
import { loadClusterModel, type ClusterModel, type ClusterModelData } from './cluster.ts';
import { PUBLIC_BODIES, type Extracted } from './extract.ts';
import { createPhraseCounter, termCounts, tfidf, type PhraseHit, type Vector } from './features.ts';
import type { Lexicons } from './knowledge.ts';
import { loadLinear, logit, sigmoid, type LinearModel, type LoadedLinearModel } from './logistic.ts';

const TITLE_WEIGHT = 3;
// the lead, and how much more its event cues count than the body's: chosen by cross-validation
const LEAD_WORDS = 60;
const LEAD_WEIGHT = 6;

export const SECTORS: readonly Sector[] = [
  'health', 'adult-social-care', 'children-and-families', 'youth-services', 'education', 'housing-and-homelessness',
  'leisure-and-sport', 'libraries-and-culture', 'employment-and-skills', 'justice-and-probation', 'fire-and-rescue',
  'corporate-services', 'environment-and-waste', 'planning-and-regulation', 'transport',
];

export const EVENT_TYPES: readonly EventType[] = [
  'pathfinder-launch', 'ministerial-visit', 'spin-out-launch', 'spin-out-plan', 'funding-and-support',
  'contract-news', 'policy-and-opinion', 'guidance-and-resources', 'awards-and-results', 'other',
];

/** The shape of a stored model: bumped whenever what training writes changes, so an old file is told apart. */
export const MODEL_FORMAT = 3;

/** The trained part of the tagger, as stored in data/model.json. */
export interface TaggerModel {
  format: number;
  /** Hash of this model and the knowledge it was trained with: changes whenever either does. */
  version: string;
  /** Hash of the knowledge and lexicons the model was trained with. */
  dataHash: string;
  idf: Record<string, number>;
  relevance: { model: LinearModel; threshold: number };
  /** One model over (story, sector) evidence, shared by every sector. */
  sectors: { model: LinearModel; threshold: number };
  /** Event type: lexicon score plus `weight` times a per-type text model's logit. */
  events: { models: Record<EventType, LinearModel>; weight: number };
  cluster: ClusterModelData;
}

/** Everything the classifiers read about one story. */
export interface Evidence {
  terms: Vector;
  relevance: Vector;
  sectors: Map<Sector, Vector>;
  /** Lexicon score per event type: cue weights, title cues counting triple, scaled by length. */
  eventCues: Map<EventType, number>;
}

export interface Classification {
  relevance: number;
  relevant: boolean;
  sectors: Sector[];
  eventType: EventType;
}

export interface Classifier {
  evidence(x: Extracted, idf: Readonly<Record<string, number>>): Evidence;
  classify(model: LoadedModel, e: Evidence): Classification;
}

export interface LoadedModel {
  source: TaggerModel;
  relevance: LoadedLinearModel;
  sectors: LoadedLinearModel;
  events: [EventType, LoadedLinearModel][];
  cluster: ClusterModel;
}

export function loadModel(model: TaggerModel): LoadedModel {
  return {
    source: model,
    relevance: loadLinear(model.relevance.model),
    sectors: loadLinear(model.sectors.model),
    events: EVENT_TYPES.map((e) => [e, loadLinear(model.events.models[e])]),
    cluster: loadClusterModel(model.cluster),
  };
}

export function createClassifier(lexicons: Lexicons): Classifier {
  const relevancePhrases = createPhraseCounter({ relevance: lexicons.relevance });
  const { origin, ownership, commercial } = lexicons.relevanceCues;
  const cuePhrases = createPhraseCounter({ origin, ownership, commercial });
  const sectorPhrases = createPhraseCounter(lexicons.sectors);
  const eventPhrases = createPhraseCounter(lexicons.events);

  return {
    evidence(x, idf) {
      const terms = tfidf(termCounts(x.words), idf);
      const mutuals = x.organisations.filter((o) => o.known && o.kind === 'mutual');

      const relevance: Vector = new Map(terms);
      let lexical = 0;
      for (const h of relevancePhrases.hits(x.words)) {
        relevance.set(`ev:${h.phrase}`, 1);
        lexical += h.weight;
      }
      relevance.set('ev:lexicon', Math.tanh(lexical / 4));
      relevance.set('ev:known-mutual', Math.min(mutuals.length, 2) / 2);
      relevance.set('ev:known-mutual-mentions', Math.min(mutuals.reduce((n, o) => n + o.spans.length, 0), 6) / 6);
      relevance.set('ev:new-mutual', x.organisations.some((o) => !o.known && o.kind === 'mutual') ? 1 : 0);

      const sectorHits = groupHits(sectorPhrases.hits(x.words));
      // The definition asks for a public service, left by a public body, that staff own or
      // control: how much of each the story shows, and of each two together.
      const cues = groupHits(cuePhrases.hits(x.words));
      const count = (label: string) => Math.min(cues.get(label)?.length ?? 0, 4) / 4;
      const shown: Record<string, number> = {
        origin: count('origin'),
        ownership: count('ownership'),
        commercial: count('commercial'),
        services: Math.tanh([...sectorHits.values()].reduce((n, h) => n + h.length, 0) / 6),
        'public-bodies': Math.min(x.organisations.filter((o) => PUBLIC_BODIES.has(o.kind)).length, 3) / 3,
        companies: Math.min(x.organisations.filter((o) => o.kind === 'company').length, 3) / 3,
      };
      const names = Object.keys(shown);
      names.forEach((a, i) => {
        relevance.set(`cue:${a}`, shown[a]!);
        for (const b of names.slice(i + 1)) relevance.set(`cue:${a}&${b}`, shown[a]! * shown[b]!);
      });

      const titleHits = groupHits(sectorPhrases.hits(x.titleWords));
      const allHits = [...sectorHits.values()].reduce((n, h) => n + h.length, 0);
      const sectors = new Map<Sector, Vector>();
      for (const s of SECTORS) {
        const hits = sectorHits.get(s) ?? [];
        const distinct = new Set(hits.map((h) => h.phrase)).size;
        sectors.set(
          s,
          new Map([
            [`prior:${s}`, 1],
            ['distinct', Math.log1p(distinct)],
            ['total', Math.log1p(hits.length)],
            ['title', titleHits.has(s) ? 1 : 0],
            ['lead', hits.some((h) => h.at < x.titleWords.length + LEAD_WORDS) ? 1 : 0],
            ['known-mutual', mutuals.some((o) => o.sectors.includes(s)) ? 1 : 0],
            ['known-other', x.organisations.some((o) => o.known && o.kind !== 'mutual' && o.sectors.includes(s)) ? 1 : 0],
            ['share', allHits ? hits.length / allHits : 0],
          ]),
        );
      }

      const eventCues = new Map<EventType, number>();
      const scale = 1 / Math.sqrt(Math.max(x.words.length, 50) / 100);
      // news puts what happened first: cues of the lead count more than those further down
      const lead = x.plainTitleWords.length + LEAD_WORDS;
      for (const h of eventPhrases.hits(x.plainWords)) {
        eventCues.set(h.label as EventType, (eventCues.get(h.label as EventType) ?? 0) + h.weight * scale * (h.at < lead ? LEAD_WEIGHT : 1));
      }
      for (const h of eventPhrases.hits(x.plainTitleWords)) eventCues.set(h.label as EventType, (eventCues.get(h.label as EventType) ?? 0) + h.weight * TITLE_WEIGHT);
      return { terms, relevance, sectors, eventCues };
    },

    classify(model, e) {
      const relevance = sigmoid(logit(model.relevance, e.relevance));
      const sectors = SECTORS.filter((s) => sigmoid(logit(model.sectors, e.sectors.get(s)!)) >= model.source.sectors.threshold);
      const eventType = pickEvent(e.eventCues, model.events.map(([type, m]) => [type, logit(m, e.terms)]), model.source.events.weight);
      return { relevance: Math.round(relevance * 1000) / 1000, relevant: relevance >= model.source.relevance.threshold, sectors, eventType };
    },
  };
}

/** The event type with the best lexicon score plus weighted text-model logit; "other" when nothing speaks. */
export function pickEvent(cues: Map<EventType, number>, logits: [EventType, number][], weight: number): EventType {
  let best: EventType = 'other';
  // with the lexicon alone, a story no cue speaks for stays "other"
  let bestScore = weight > 0 ? -Infinity : 0;
  for (const [type, z] of logits) {
    const score = (cues.get(type) ?? 0) + weight * z;
    if (score > bestScore) {
      best = type;
      bestScore = score;
    }
  }
  return best;
}

function groupHits(hits: PhraseHit[]): Map<string, PhraseHit[]> {
  const by = new Map<string, PhraseHit[]>();
  for (const h of hits) {
    const list = by.get(h.label) ?? [];
    list.push(h);
    by.set(h.label, list);
  }
  return by;
}
