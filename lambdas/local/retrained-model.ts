// The model `mutuals-news retrain` writes into a data directory, which the local services load
// in place of the bundled one.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TaggerModel } from '../core/tag/classify.ts';

/** Where `retrain` writes the model in a data directory. */
export const retrainedModelPath = (dataDir: string) => join(dataDir, 'model.json');

/** The retrained model of a data directory, if `retrain` has written one. */
export function loadRetrainedModel(dataDir: string): TaggerModel | undefined {
  const path = retrainedModelPath(dataDir);
  if (!existsSync(path)) return undefined;
  const model = JSON.parse(readFileSync(path, 'utf8')) as TaggerModel;
  if (typeof model.version !== 'string' || !model.relevance) throw new Error(`retrain: ${path} is not a tagger model`);
  return model;
}
