// The tagger's labelled stories, read from JSON Lines files: the training set the bundled model
// is trained on, and any extra files of the same shape.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LabelledExample } from '../core/tag/train.ts';

export const TRAINING_DIR = fileURLToPath(new URL('../core/tag/data/training/', import.meta.url));

/** The labelled stories of one JSON Lines file; a line that is not JSON is named in the error. */
export function readLabelledFile(path: string): LabelledExample[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .map((line, n) => [line, n] as const)
    .filter(([line]) => line.trim())
    .map(([line, n]) => {
      try {
        return JSON.parse(line) as LabelledExample;
      } catch {
        throw new Error(`training set: ${basename(path)} line ${n + 1} is not JSON`);
      }
    });
}

/** The .jsonl files of a folder, in name order. */
export function trainingFiles(dir = TRAINING_DIR): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .map((f) => join(dir, f));
}

/** Every labelled story of the training set. */
export function readTrainingSet(dir = TRAINING_DIR): LabelledExample[] {
  return trainingFiles(dir).flatMap(readLabelledFile);
}
