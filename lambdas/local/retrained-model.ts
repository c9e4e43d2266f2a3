// The model `mutuals-news retrain` writes into a data directory, which the local services load
// in place of the bundled one.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MODEL_FORMAT, type TaggerModel } from '../core/tag/classify.ts';

/** Where `retrain` writes the model in a data directory. */
export const retrainedModelPath = (dataDir: string) => join(dataDir, 'model.json');

/**
 * The retrained model of a data directory, if `retrain` has written one for this tagger. A model
 * an earlier tagger wrote cannot be read by this one: it is left unused, with a warning.
 */
export function loadRetrainedModel(dataDir: string, warn: (message: string) => void): TaggerModel | undefined {
  const path = retrainedModelPath(dataDir);
  if (!existsSync(path)) return undefined;
  let model: TaggerModel;
  try {
    model = JSON.parse(readFileSync(path, 'utf8')) as TaggerModel;
  } catch {
    throw new Error(`retrain: ${path} is not JSON; run \`mutuals-news retrain\` to write it again`);
  }
  if (typeof model?.version !== 'string' || !model.relevance) throw new Error(`retrain: ${path} is not a tagger model`);
  if (model.format !== MODEL_FORMAT) {
    warn(`tagger: ${path} was trained by an earlier version of the tagger; using the bundled model until \`mutuals-news retrain\` rebuilds it`);
    return undefined;
  }
  return model;
}
