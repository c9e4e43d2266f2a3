// mutuals-news retrain [--out FILE] [--evaluate]
// Rebuilds the tagger's model from the training set and the editors' corrections (labelled
// examples in the table), with the curated organisations as its knowledge, and writes it to
// $MUTUALS_DATA_DIR/model.json for the local services to load in place of the bundled model.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { curatedKnowledge } from '../../core/curation/organisations.ts';
import { bundledKnowledge } from '../../core/tag/bundled.ts';
import type { TaggerModel } from '../../core/tag/classify.ts';
import type { Knowledge } from '../../core/tag/knowledge.ts';
import { crossValidate, prepare, trainPrepared, type LabelledExample } from '../../core/tag/train.ts';
import { createCurationRepository } from '../../store/curation-repository.ts';
import { createOrganisationRepository } from '../../store/organisation-repository.ts';
import { readConfig } from '../config.ts';
import { connect } from '../stack.ts';
import { say } from '../terminal.ts';
import { retrainedModelPath } from '../retrained-model.ts';
import { readTrainingSet } from '../training-set.ts';

export interface RetrainResult {
  model: TaggerModel;
  training: number;
  corrections: number;
  scores?: ReturnType<typeof crossValidate>;
}

/** Trains on the training set with the corrections over it (a correction replaces a story of the same id). */
export function retrain(training: LabelledExample[], corrections: LabelledExample[], knowledge: Knowledge, options: { evaluate?: boolean } = {}): RetrainResult {
  const byId = new Map(training.map((e) => [e.id, e]));
  for (const c of corrections) byId.set(c.id, { id: c.id, title: c.title, text: c.text, url: c.url, published: c.published, gold: c.gold });
  // in id order, as the bundled model is trained: folds then mix relevant and other stories
  const examples = [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const prepared = prepare(examples, knowledge);
  return {
    model: trainPrepared(prepared, knowledge),
    training: training.length,
    corrections: corrections.length,
    ...(options.evaluate ? { scores: crossValidate(prepared, knowledge) } : {}),
  };
}

export async function run(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { out: { type: 'string' }, evaluate: { type: 'boolean' } } });
  const config = readConfig();
  const out = values.out ?? retrainedModelPath(config.dataDir);
  const connection = await connect(config, { announce: say });
  let corrections: LabelledExample[];
  let knowledge: Knowledge;
  try {
    corrections = await createCurationRepository(connection.db, connection.tableName).examples();
    knowledge = curatedKnowledge(bundledKnowledge, await createOrganisationRepository(connection.db, connection.tableName).list());
  } finally {
    await connection.close();
  }
  const started = Date.now();
  const result = retrain(readTrainingSet(), corrections, knowledge, { evaluate: values.evaluate });
  mkdirSync(dirname(out), { recursive: true });
  // written aside and renamed: a reader never sees half a model
  writeFileSync(`${out}.tmp`, `${JSON.stringify(result.model)}\n`);
  renameSync(`${out}.tmp`, out);
  say(
    `trained on ${result.training} training stories and ${result.corrections} editors' corrections ` +
      `(${knowledge.organisations.length} organisations) in ${Date.now() - started} ms: model ${result.model.version} → ${out}`,
  );
  if (result.scores) {
    say(
      `5-fold cross-validation: relevance accuracy ${result.scores.relevanceAccuracy.toFixed(3)}, ` +
        `sectors micro-F1 ${result.scores.sectorsF1.toFixed(3)}, event type accuracy ${result.scores.eventAccuracy.toFixed(3)}`,
    );
  }
  return 0;
}
