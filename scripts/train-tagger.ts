// Trains the tagger's models and writes lambdas/core/tag/data/model.json.
//
//   tsx scripts/train-tagger.ts [EXTRA.jsonl ...]
//
// Examples are the training set (data/training/*.jsonl) plus any extra files of labelled
// stories in the same format (editors' corrections). Prints 5-fold cross-validated scores.
import { writeFileSync } from 'node:fs';
import { bundledKnowledge } from '../lambdas/core/tag/bundled.ts';
import { crossValidate, prepare, trainPrepared } from '../lambdas/core/tag/train.ts';
import { readLabelledFile, trainingFiles } from '../lambdas/local/training-set.ts';

const data = new URL('../lambdas/core/tag/data/', import.meta.url);
const files = [...trainingFiles(), ...process.argv.slice(2)];
const examples = files.flatMap(readLabelledFile);
// interleave relevant and other stories so that every fold holds both
examples.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
const started = Date.now();
const prepared = prepare(examples, bundledKnowledge);
const cv = crossValidate(prepared, bundledKnowledge);
const model = trainPrepared(prepared, bundledKnowledge);
writeFileSync(new URL('model.json', data), `${JSON.stringify(model)}\n`);
console.log(`trained on ${examples.length} stories from ${files.length} files in ${Date.now() - started} ms: model ${model.version}`);
console.log(
  `5-fold cross-validation (the stories of one event in one fold): relevance accuracy ${cv.relevanceAccuracy.toFixed(3)}, ` +
    `sectors micro-F1 ${cv.sectorsF1.toFixed(3)}, event type accuracy ${cv.eventAccuracy.toFixed(3)}, ` +
    `clusters pairwise P ${cv.clusters.p.toFixed(3)} R ${cv.clusters.r.toFixed(3)} F1 ${cv.clusters.f1.toFixed(3)}`,
);
console.log(`thresholds: relevance ${model.relevance.threshold}, sectors ${model.sectors.threshold}, cluster ${model.cluster.threshold}`);
