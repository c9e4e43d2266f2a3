// The tagger: reads a story and returns its tags (TAXONOMY.md). The knowledge base, lexicons
// and trained model load once, in createTagger; tagging itself does no I/O.
import type { Tags, TaggedOrganisation, TaggedPerson } from '../model.ts';
import { createClassifier, loadModel, type TaggerModel } from './classify.ts';
import { assignCluster, clusterBatch, clusterFeatures, type ClusterCandidate, type ClusterModel } from './cluster.ts';
import { createExtractor, type Extracted, type StoryInput } from './extract.ts';
import { stems } from './features.ts';
import type { Knowledge } from './knowledge.ts';
import { bundledKnowledge } from './bundled.ts';
import bundledModel from './data/model.json' with { type: 'json' };
import { foldName } from './text.ts';

/** A stored story the new one may share a cluster with (a StoryRecord fits). */
export interface StoredStory {
  id: string;
  title?: string;
  text: string;
  published?: string;
  tags?: Pick<Tags, 'cluster' | 'organisations' | 'people' | 'places'>;
}

/** Names found in the text that the knowledge base does not hold: for editors to confirm. */
export interface NameCandidates {
  organisations: TaggedOrganisation[];
  people: TaggedPerson[];
}

export interface Tagger {
  readonly version: string;
  /** Tags one story; with stored stories, it may join one of their clusters. */
  tag(input: StoryInput, stored?: StoredStory[]): Tags;
  /** Tags stories given together; stories of one batch cluster together. */
  tagBatch(inputs: StoryInput[]): Tags[];
  tagWithCandidates(input: StoryInput, stored?: StoredStory[]): { tags: Tags; candidates: NameCandidates };
}

/** Bumped by hand when the tagging code changes what it returns; the model hash follows data. */
const CODE_VERSION = 1;

export function taggerVersion(model: TaggerModel): string {
  return `${CODE_VERSION}.${model.version}`;
}

const defaultModel = bundledModel as unknown as TaggerModel;

/** The version of the bundled tagger: stored with every story's tags. */
export const TAGGER_VERSION = taggerVersion(defaultModel);

/** Loads the knowledge and model once; the tagger it returns does no I/O. */
export function createTagger(knowledge: Knowledge = bundledKnowledge, trained: TaggerModel = defaultModel): Tagger {
  const extract = createExtractor(knowledge);
  const classifier = createClassifier(knowledge.lexicons);
  const model = loadModel(trained);
  const clustering: ClusterModel = { ...trained.cluster, model: model.cluster };
  const storedFeatures = new Map<string, ClusterCandidate>();

  const analyse = (input: StoryInput) => {
    const x = extract(input);
    return { x, c: classifier.classify(model, classifier.evidence(x, trained.idf)) };
  };

  const toTags = (x: Extracted, c: ReturnType<typeof analyse>['c'], cluster: string): Tags => ({
    relevant: c.relevant,
    relevance: c.relevance,
    sectors: c.sectors,
    eventType: c.eventType,
    organisations: x.organisations.map((o) => ({ name: o.name, kind: o.kind })),
    people: x.people.map((p) => (p.role ? { name: p.name, role: p.role } : { name: p.name })),
    places: x.places.map((p) => p.name),
    ...(x.published ? { published: x.published } : {}),
    cluster,
  });

  // a stored story's clustering features, from its text and the tags it was stored with
  const candidateOf = (s: StoredStory): ClusterCandidate => {
    const key = `${s.id}\u0000${s.tags?.cluster ?? ''}`;
    let c = storedFeatures.get(key);
    if (!c) {
      const tags = s.tags ?? toTags(extract(s), analyse(s).c, s.id);
      const x: Extracted = {
        id: s.id,
        text: s.text,
        titleWords: stems(s.title ?? ''),
        words: stems(`${s.title ?? ''}\n\n${s.text}`),
        organisations: [],
        people: [],
        places: [],
        published: s.published,
      };
      const features = clusterFeatures(x, trained.idf);
      const names = [...tags.organisations.map((o) => o.name), ...tags.people.map((p) => p.name), ...tags.places];
      c = { ...features, entities: new Set(names.map(foldName)), cluster: tags.cluster };
      if (storedFeatures.size > 5_000) storedFeatures.clear();
      storedFeatures.set(key, c);
    }
    return c;
  };

  const tagWithCandidates: Tagger['tagWithCandidates'] = (input, stored = []) => {
    const { x, c } = analyse(input);
    const cluster = stored.length ? assignCluster(clustering, clusterFeatures(x, trained.idf), stored.map(candidateOf)) : input.id;
    return {
      tags: toTags(x, c, cluster),
      candidates: {
        organisations: x.organisations.filter((o) => !o.known).map((o) => ({ name: o.name, kind: o.kind })),
        people: x.people.filter((p) => !p.known).map((p) => (p.role ? { name: p.name, role: p.role } : { name: p.name })),
      },
    };
  };

  return {
    version: taggerVersion(trained),
    tag: (input, stored) => tagWithCandidates(input, stored).tags,
    tagWithCandidates,
    tagBatch(inputs) {
      const analysed = inputs.map(analyse);
      const clusters = clusterBatch(clustering, analysed.map(({ x }) => clusterFeatures(x, trained.idf)));
      return analysed.map(({ x, c }, i) => toTags(x, c, clusters[i]!));
    },
  };
}
