// Stories about one event share a cluster; other events, even about the same organisation, do not.
import { describe, expect, it } from 'vitest';
import { createTagger } from '../../../lambdas/core/tag/tagger.ts';

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
});
