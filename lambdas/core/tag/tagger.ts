// The tagger: reads a story and returns its tags (TAXONOMY.md). The knowledge base, lexicons
// and trained model load once, in createTagger; tagging itself does no I/O.
import type { Tags, TaggedOrganisation, TaggedPerson } from '../model.ts';
import { createClassifier, loadModel, type TaggerModel } from './classify.ts';
import { assignCluster, clusterBatch, clusterFeatures, clusterSource, type ClusterCandidate, type ClusterFeatures } from './cluster.ts';
import { createExtractor, type Extracted, type StoryInput } from './extract.ts';
import type { Knowledge } from './knowledge.ts';
import { bundledKnowledge } from './bundled.ts';
import bundledModel from './data/model.json' with { type: 'json' };

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
const CODE_VERSION = 4;

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
  const weights = { idf: trained.idf, unseenIdf: trained.cluster.unseenIdf };
  const storedFeatures = new Map<string, ClusterCandidate>();

  const analyse = (input: StoryInput) => {
    const x = extract(input);
    const e = classifier.evidence(x, trained.idf);
    return { x, e, c: classifier.classify(model, e) };
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

  const featuresOf = ({ x, e }: ReturnType<typeof analyse>, tags: Pick<Tags, 'organisations' | 'people' | 'places'>): ClusterFeatures =>
    clusterFeatures(clusterSource(x, tags, e.eventCues), weights);

  // A stored story is read as a new one is (its text extracted again), with the names it was
  // stored with, which editors may have corrected: so it clusters as it would in a batch.
  const candidateOf = (s: StoredStory): ClusterCandidate => {
    const t = s.tags;
    // keyed by what editors may change, so that a corrected story is read again
    const key = t ? [s.id, t.cluster, ...t.organisations.map((o) => o.name), ...t.people.map((p) => p.name), ...t.places].join('\u0000') : s.id;
    let c = storedFeatures.get(key);
    if (!c) {
      const analysed = analyse(s);
      const tags = s.tags ?? toTags(analysed.x, analysed.c, s.id);
      c = { ...featuresOf(analysed, tags), cluster: tags.cluster };
      if (storedFeatures.size > 5_000) storedFeatures.clear();
      storedFeatures.set(key, c);
    }
    return c;
  };

  const tagWithCandidates: Tagger['tagWithCandidates'] = (input, stored = []) => {
    const analysed = analyse(input);
    const { x, c } = analysed;
    const own = toTags(x, c, input.id);
    const tags = stored.length ? { ...own, cluster: assignCluster(model.cluster, featuresOf(analysed, own), stored.map(candidateOf)) } : own;
    return {
      tags,
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
      const tagged = inputs.map((input) => {
        const analysed = analyse(input);
        return { analysed, tags: toTags(analysed.x, analysed.c, input.id) };
      });
      const clusters = clusterBatch(model.cluster, tagged.map(({ analysed, tags }) => featuresOf(analysed, tags)));
      return tagged.map(({ tags }, i) => ({ ...tags, cluster: clusters[i]! }));
    },
  };
}
