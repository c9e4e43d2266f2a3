// Relevance, sectors and event type: linear models over TF-IDF words plus evidence the text
// and the knowledge base give (lexicon phrases, the mutuals found and their sectors).
import type { EventType, Sector } from '../model.ts';
import { loadClusterModel, type ClusterModel, type ClusterModelData } from './cluster.ts';
import { PUBLIC_BODIES, type Extracted } from './extract.ts';
import { createPhraseCounter, termCounts, tfidf, type PhraseHit, type Vector } from './features.ts';
import type { Lexicons } from './knowledge.ts';
import { loadLinear, loadSoftmax, logit, mostLikely, sigmoid, type LinearModel, type LoadedLinearModel, type LoadedSoftmax, type SoftmaxModel } from './logistic.ts';

const TITLE_WEIGHT = 3;
// the lead, and how much more its event cues count than the body's: chosen by cross-validation
const LEAD_WORDS = 60;
const LEAD_WEIGHT = 6;
// how much a word of the title, the lead and the rest tells the event model: chosen by cross-validation
const ZONE_WORD_WEIGHTS = { title: 1, lead: 0.5, body: 0.2 } as const;

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
export const MODEL_FORMAT = 4;

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
  /** Event type: one multinomial model over the event evidence. */
  events: SoftmaxModel;
  cluster: ClusterModelData;
}

/** Everything the classifiers read about one story. */
export interface Evidence {
  relevance: Vector;
  sectors: Map<Sector, Vector>;
  /** Lexicon score per event type (title cues counting triple, scaled by length): what clustering compares. */
  eventCues: Map<EventType, number>;
  /** What the event model reads: the cues and words of title, lead and body, and who takes part. */
  events: Vector;
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
  events: LoadedSoftmax;
  cluster: ClusterModel;
}

export function loadModel(model: TaggerModel): LoadedModel {
  return {
    source: model,
    relevance: loadLinear(model.relevance.model),
    sectors: loadLinear(model.sectors.model),
    events: loadSoftmax(model.events),
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
      const mutuals = x.organisations.filter((o) => o.known && o.kind === 'mutual');

      // the story's TF-IDF terms, with the evidence features added beside them
      const relevance = tfidf(termCounts(x.words), idf);
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
      const zones = { title: new Map<string, number>(), lead: new Map<string, number>(), body: new Map<string, number>() };
      const addTo = <K,>(m: Map<K, number>, key: K, w: number) => m.set(key, (m.get(key) ?? 0) + w);
      for (const h of eventPhrases.hits(x.plainWords)) {
        addTo(eventCues, h.label as EventType, h.weight * scale * (h.at < lead ? LEAD_WEIGHT : 1));
        if (h.at < lead) addTo(zones.lead, h.label, h.weight);
        else addTo(zones.body, h.label, h.weight * scale);
      }
      for (const h of eventPhrases.hits(x.plainTitleWords)) {
        addTo(eventCues, h.label as EventType, h.weight * TITLE_WEIGHT);
        addTo(zones.title, h.label, h.weight);
      }
      const events: Vector = new Map();
      for (const [zone, cues] of Object.entries(zones)) for (const [label, w] of cues) events.set(`cue:${label}:${zone}`, Math.log1p(w));
      const zoneWords = { title: x.plainTitleWords, lead: x.plainWords.slice(0, lead), body: x.plainWords.slice(lead) };
      for (const [zone, words] of Object.entries(zoneWords)) {
        const weight = ZONE_WORD_WEIGHTS[zone as keyof typeof zoneWords];
        // typeof: a plain object also answers "constructor"; words met once in training teach nothing
        for (const term of termCounts(words).keys()) if (typeof idf[term] === 'number') events.set(`${zone}:${term}`, weight);
      }
      events.set('minister', x.people.some((p) => p.role && /\bminister\b|secretary of state/i.test(p.role)) ? 1 : 0);
      events.set('mutuals', Math.min(x.organisations.filter((o) => o.kind === 'mutual').length, 3) / 3);
      events.set('new-mutual', x.organisations.some((o) => !o.known && o.kind === 'mutual') ? 1 : 0);
      events.set('companies', Math.min(x.organisations.filter((o) => o.kind === 'company').length, 3) / 3);
      events.set('government', x.organisations.some((o) => o.kind === 'government') ? 1 : 0);
      return { relevance, sectors, eventCues, events };
    },

    classify(model, e) {
      const relevance = sigmoid(logit(model.relevance, e.relevance));
      const sectors = SECTORS.filter((s) => sigmoid(logit(model.sectors, e.sectors.get(s)!)) >= model.source.sectors.threshold);
      const eventType = mostLikely(model.events, e.events) as EventType;
      return { relevance: Math.round(relevance * 1000) / 1000, relevant: relevance >= model.source.relevance.threshold, sectors, eventType };
    },
  };
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
