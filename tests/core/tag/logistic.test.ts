// The multinomial model behind the event type: learns which class each feature speaks for.
import { describe, expect, it } from 'vitest';
import { loadSoftmax, mostLikely, trainSoftmax } from '../../../lambdas/core/tag/logistic.ts';

const v = (...terms: string[]) => new Map(terms.map((t) => [t, 1]));
const classes = ['visit', 'contract', 'award'];
// each class has its own telling word; "mutual" is in every example and tells nothing
const examples = [
  ...['toured', 'visited', 'toured'].map((w) => ({ x: v('mutual', w), y: 'visit' })),
  ...['tender', 'won', 'tender'].map((w) => ({ x: v('mutual', w), y: 'contract' })),
  ...['shortlisted', 'prize', 'prize'].map((w) => ({ x: v('mutual', w), y: 'award' })),
];

describe('trainSoftmax', () => {
  const model = trainSoftmax(examples, classes, { l2: 0.001, epochs: 300, rate: 1 });

  it('gives each example the class of its telling word', () => {
    const loaded = loadSoftmax(model);
    expect(examples.map((e) => mostLikely(loaded, e.x))).toEqual(examples.map((e) => e.y));
    expect(mostLikely(loaded, v('mutual', 'tender', 'toured', 'toured'))).toBe('visit');
  });

  it('leaves out features that move no class', () => {
    expect(model.weights.mutual).toBeUndefined();
    expect(model.weights.tender![classes.indexOf('contract')]).toBeGreaterThan(0.05);
  });

  it('gives the same model for the same examples', () => {
    expect(trainSoftmax(examples, classes, { l2: 0.001, epochs: 300, rate: 1 })).toEqual(model);
  });

  it('falls back on the most common class for a text with no known feature', () => {
    const skewed = trainSoftmax([...examples, { x: v('prize'), y: 'award' }, { x: v('shortlisted'), y: 'award' }], classes);
    expect(mostLikely(loadSoftmax(skewed), v('unheard'))).toBe('award');
  });
});
