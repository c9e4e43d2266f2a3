// Binary logistic regression over sparse vectors, L2-regularised, trained by full-batch
// gradient descent (deterministic: the same examples always give the same model).
//
// natural's own classifiers turn every text into a dense vector of the whole vocabulary with
// an indexOf per term and serialise every training document, which is too slow for hundreds
// of stories a second and too big to load at a cold start; a sparse linear model is neither.
import type { Vector } from './features.ts';

export interface LinearModel {
  bias: number;
  weights: Record<string, number>;
}

export interface LabelledVector {
  x: Vector;
  y: boolean;
  /** How much the example counts (1 by default): weighs up a rare class without copying it. */
  weight?: number;
}

export interface TrainOptions {
  /** L2 penalty per example. */
  l2?: number;
  epochs?: number;
  rate?: number;
}

export function trainLogistic(examples: LabelledVector[], options: TrainOptions = {}): LinearModel {
  const { l2 = 0.01, epochs = 300, rate = 1 } = options;
  // features as indexes into typed arrays: training is the hot loop of cross-validation
  const index = new Map<string, number>();
  const rows = examples.map((e) => {
    const ids = new Int32Array(e.x.size);
    const values = new Float64Array(e.x.size);
    let k = 0;
    for (const [t, v] of e.x) {
      let id = index.get(t);
      if (id === undefined) index.set(t, (id = index.size));
      ids[k] = id;
      values[k++] = v;
    }
    return { ids, values, y: e.y ? 1 : 0, w: e.weight ?? 1 };
  });
  const weights = new Float64Array(index.size);
  const grad = new Float64Array(index.size);
  const positives = rows.reduce((n, r) => n + r.y * r.w, 0);
  const total = rows.reduce((n, r) => n + r.w, 0);
  // start at the base rate, so an uninformative text scores the prior
  const prior = (positives + 0.5) / (total + 1);
  let bias = Math.log(prior / (1 - prior));
  const n = total || 1;
  for (let epoch = 0; epoch < epochs; epoch++) {
    grad.fill(0);
    let gradBias = 0;
    for (const r of rows) {
      let z = bias;
      for (let k = 0; k < r.ids.length; k++) z += weights[r.ids[k]!]! * r.values[k]!;
      const err = (sigmoid(z) - r.y) * r.w;
      gradBias += err;
      for (let k = 0; k < r.ids.length; k++) grad[r.ids[k]!]! += err * r.values[k]!;
    }
    bias -= (rate * gradBias) / n;
    for (let f = 0; f < weights.length; f++) weights[f] = weights[f]! - rate * (grad[f]! / n + l2 * weights[f]!);
  }
  const kept: Record<string, number> = {};
  for (const [t, id] of index) if (Math.abs(weights[id]!) >= 1e-4) kept[t] = round(weights[id]!);
  return { bias: round(bias), weights: kept };
}

/** A model ready to score: weights in a Map (a plain object would answer "constructor"). */
export interface LoadedLinearModel {
  bias: number;
  weights: Map<string, number>;
}

export function loadLinear(model: LinearModel): LoadedLinearModel {
  return { bias: model.bias, weights: new Map(Object.entries(model.weights)) };
}

export function logit(model: LoadedLinearModel, x: Vector): number {
  let z = model.bias;
  for (const [t, v] of x) z += (model.weights.get(t) ?? 0) * v;
  return z;
}

export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

function round(x: number): number {
  return Math.round(x * 1e5) / 1e5;
}
