// Training from labelled stories: a model trained without one story classifies that story.
import { describe, expect, it } from 'vitest';
import { bundledKnowledge } from '../../../lambdas/core/tag/bundled.ts';
import { createTagger } from '../../../lambdas/core/tag/tagger.ts';
import { hashKnowledge, trainModel } from '../../../lambdas/core/tag/train.ts';
import { readTrainingSet } from '../../../lambdas/local/training-set.ts';
import bundledModel from '../../../lambdas/core/tag/data/model.json' with { type: 'json' };

// as scripts/train-tagger.ts reads them: every file, stories in id order
const training = readTrainingSet().sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

describe('training', () => {
  it.each([
    ['a relevant story', training.find((e) => e.gold.relevant && e.gold.sectors.length > 0)!],
    ['a look-alike', training.find((e) => !e.gold.relevant)!],
  ])('classifies %s held out of training', (_, held) => {
    const model = trainModel(training.filter((e) => e.id !== held.id), bundledKnowledge);
    const tags = createTagger(bundledKnowledge, model).tag({ id: held.id, title: held.title, text: held.text });
    expect(tags.relevant).toBe(held.gold.relevant);
    if (held.gold.relevant) expect(tags.sectors).toEqual(expect.arrayContaining(held.gold.sectors.slice(0, 1)));
  }, 180_000);

  it('ships a model trained on the current knowledge (retrain after changing data/)', () => {
    expect(bundledModel.dataHash).toBe(hashKnowledge(bundledKnowledge));
  });

  it('ships the model a fresh training gives (retrain after changing the training set or the features)', () => {
    expect(trainModel(training, bundledKnowledge).version).toBe(bundledModel.version);
  }, 180_000);
});
