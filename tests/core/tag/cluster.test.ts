// Stories about one event share a cluster; other events, even about the same organisation, do not.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assignCluster, clusterFeatures, numbersIn, pairFeatures, type ClusterCandidate, type ClusterFeatures, type ClusterModel } from '../../../lambdas/core/tag/cluster.ts';
import { dot, pack, stems } from '../../../lambdas/core/tag/features.ts';
import { createTagger, type StoredStory } from '../../../lambdas/core/tag/tagger.ts';
import { readLabelledFile, TRAINING_DIR } from '../../../lambdas/local/training-set.ts';

const tagger = createTagger();

const launchA = {
  id: 'launch-a',
  title: 'Brightwater Care goes live as staff-owned mutual',
  text: '1 April 2014\n\nBrightwater Care, the adult social care service of Northshire County Council, went live today as a staff-owned mutual. Its 300 care workers transferred from the council and now own the social enterprise, which supports older people and adults with learning disabilities across Northshire. Chief executive Priya Natarajan said staff were proud to lead the service.',
};
const launchB = {
  id: 'launch-b',
  title: 'Care staff take ownership as Brightwater Care leaves council',
  text: '2 April 2014\n\nNorthshire County Council’s adult social care staff have left the authority to run Brightwater Care, a new staff-owned mutual supporting older people and adults with learning disabilities. Priya Natarajan, its chief executive, said the 300 care workers now own the service they deliver.',
};
const contract = {
  id: 'contract',
  title: 'Brightwater Care wins library contract in Eastshire',
  text: '9 September 2016\n\nBrightwater Care has won a five-year contract worth £4m to run mobile library services for Eastshire, its first work outside care. The tender attracted six bids.',
};
const unrelated = {
  id: 'unrelated',
  title: 'Leisure trust opens new pool',
  text: '1 April 2014\n\nA leisure trust spun out of Westshire Council opened a new swimming pool and gym in the town centre.',
};

describe('clustering', () => {
  it('puts two outlets’ reports of one event together and keeps other events apart', () => {
    const [a, b, c, d] = tagger.tagBatch([launchA, launchB, contract, unrelated]);
    expect(b!.cluster).toBe(a!.cluster);
    expect(c!.cluster).not.toBe(a!.cluster);
    expect(d!.cluster).not.toBe(a!.cluster);
    expect(new Set([a!.cluster, c!.cluster, d!.cluster]).size).toBe(3);
  });

  it('joins a new story to a stored story’s cluster, or starts one named after itself', () => {
    const stored = { ...launchA, published: '2014-04-01', tags: { ...tagger.tag(launchA), cluster: 'cluster-1' } };
    expect(tagger.tag(launchB, [stored]).cluster).toBe('cluster-1');
    expect(tagger.tag(contract, [stored]).cluster).toBe('contract');
  });

  it('clusters stories one at a time against the stored ones as it does in one batch', () => {
    const training = readLabelledFile(join(TRAINING_DIR, 'relevant-2.jsonl'))
      .slice(0, 24)
      .map(({ id, title, text, published }) => ({ id, title, text, published }));
    const batch = tagger.tagBatch(training).map((t) => t.cluster);
    const stored: StoredStory[] = [];
    const oneByOne = training.map((story) => {
      const tags = tagger.tag(story, stored);
      stored.push({ id: story.id, title: story.title ?? undefined, text: story.text, published: story.published ?? undefined, tags });
      return tags.cluster;
    });
    expect(oneByOne).toEqual(batch);
    // the sample holds stories of one event: some do cluster
    expect(new Set(batch).size).toBeLessThan(training.length);
  });
});

describe('pairFeatures', () => {
  const weights = { idf: {}, unseenIdf: 5 };
  const features = (id: string, text: string) =>
    clusterFeatures({ id, text, words: stems(text), titleWords: [], names: [], eventCues: new Map() }, weights);

  it('counts the telling terms two stories share', () => {
    const a = features('a', 'The lighthouse keepers cooperative signed a harbour lease for the lighthouse.');
    const b = features('b', 'Lighthouse keepers take on the harbour lease as a cooperative.');
    const c = features('c', 'The bakery opened a second shop on the high street.');
    const shared = (x: ClusterFeatures, y: ClusterFeatures) => pairFeatures(x, y, () => 1).get('key-terms')!;
    expect(shared(a, b)).toBeGreaterThan(0.2);
    expect(shared(a, c)).toBe(0);
  });
});

describe('assignCluster', () => {
  // a model that reads only text similarity: two stories report one event when it is over 0.5
  const model: ClusterModel = { model: { bias: -5, weights: new Map([['text', 10]]) }, threshold: 0.5, days: 21, rarity: () => 1 };
  const story = (id: string, terms: [string, number][]): ClusterFeatures => ({
    id,
    terms: pack(new Map(terms)),
    eventTerms: pack(new Map()),
    titleTerms: pack(new Map()),
    keyTerms: new Set(),
    entities: new Set(),
    numbers: new Set(),
    eventCues: new Map(),
  });
  const member = (s: ClusterFeatures, cluster: string): ClusterCandidate => ({ ...s, cluster });

  it('joins the cluster whose stories it matches best on average', () => {
    const x = story('x', [['a', 0.8], ['b', 0.6]]);
    const close = [member(story('p', [['a', 1]]), 'one'), member(story('q', [['a', 0.8], ['b', 0.6]]), 'one')];
    expect(assignCluster(model, x, close)).toBe('one');
  });

  it('stays out of a cluster it matches through one story only', () => {
    const x = story('x', [['a', 0.8], ['b', 0.6]]);
    const chain = [member(story('p', [['a', 0.8], ['b', 0.6]]), 'one'), member(story('q', [['c', 1]]), 'one'), member(story('r', [['c', 1]]), 'one')];
    expect(assignCluster(model, x, chain)).toBe('x');
  });

  it('never joins stories published further apart than the window', () => {
    const day = 86_400_000;
    const x = { ...story('x', [['a', 1]]), time: 0 };
    expect(assignCluster(model, x, [member({ ...story('p', [['a', 1]]), time: 30 * day }, 'one')])).toBe('x');
    expect(assignCluster(model, x, [member({ ...story('p', [['a', 1]]), time: 2 * day }, 'one')])).toBe('one');
  });
});

describe('packed vectors', () => {
  it('give the dot product of the vectors they pack', () => {
    const a = new Map([['mutual', 0.6], ['staff', 0.8]]);
    const b = new Map([['staff', 0.5], ['council', 0.5], ['mutual', 0.7071]]);
    expect(dot(pack(a), pack(b))).toBeCloseTo(0.6 * 0.7071 + 0.8 * 0.5, 10);
    expect(dot(pack(a), pack(new Map([['library', 1]])))).toBe(0);
  });
});

describe('numbersIn', () => {
  it.each<[string, string[], number[]]>([
    ['a £4m contract for 300 staff', ['£4m', '300'], []],
    ['worth £1.5 billion, up 12 per cent', ['£1.5bn', '12%'], []],
    ['3,000 jobs since 2011 and 2014', ['3000'], [2011, 2014]],
    ['on 1 April, for 12 months', [], []],
  ])('reads "%s"', (text, numbers, years) => {
    const found = numbersIn(text);
    expect([...found.numbers]).toEqual(numbers);
    expect([...found.years]).toEqual(years);
  });
});
