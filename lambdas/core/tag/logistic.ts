// Logistic regression over sparse vectors, binary and multinomial (softmax), L2-regularised,
// trained by full-batch gradient descent (deterministic: the same examples always give the same
// model).
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

/** Features as indexes into typed arrays: training is the hot loop of cross-validation. */
function indexed(vectors: Vector[]): { index: Map<string, number>; rows: { ids: Int32Array; values: Float64Array }[] } {
  const index = new Map<string, number>();
  const rows = vectors.map((x) => {
    const ids = new Int32Array(x.size);
    const values = new Float64Array(x.size);
    let k = 0;
    for (const [t, v] of x) {
      let id = index.get(t);
      if (id === undefined) index.set(t, (id = index.size));
      ids[k] = id;
      values[k++] = v;
    }
    return { ids, values };
  });
  return { index, rows };
}

export function trainLogistic(examples: LabelledVector[], options: TrainOptions = {}): LinearModel {
  const { l2 = 0.01, epochs = 300, rate = 1 } = options;
  const { index, rows: packed } = indexed(examples.map((e) => e.x));
  // a plain object literal: rows copied with a spread made this hot loop three times slower
  const rows = packed.map(({ ids, values }, i) => ({ ids, values, y: examples[i]!.y ? 1 : 0, w: examples[i]!.weight ?? 1 }));
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

/** One of several classes: weights per feature, one per class in `classes` order. */
export interface SoftmaxModel {
  classes: string[];
  bias: number[];
  weights: Record<string, number[]>;
}

/** A multinomial model of examples labelled with one of `classes` each. */
export function trainSoftmax(examples: { x: Vector; y: string }[], classes: readonly string[], options: TrainOptions = {}): SoftmaxModel {
  const { l2 = 0.01, epochs = 300, rate = 1 } = options;
  const C = classes.length;
  const { index, rows } = indexed(examples.map((e) => e.x));
  const labels = examples.map((e) => classes.indexOf(e.y));
  // weights of feature f for class c at f * C + c
  const weights = new Float64Array(index.size * C);
  const grad = new Float64Array(index.size * C);
  const bias = new Float64Array(C);
  const gradBias = new Float64Array(C);
  const p = new Float64Array(C);
  const n = rows.length || 1;
  for (let epoch = 0; epoch < epochs; epoch++) {
    grad.fill(0);
    gradBias.fill(0);
    rows.forEach((r, i) => {
      let max = -Infinity;
      for (let c = 0; c < C; c++) {
        let z = bias[c]!;
        for (let k = 0; k < r.ids.length; k++) z += weights[r.ids[k]! * C + c]! * r.values[k]!;
        p[c] = z;
        max = Math.max(max, z);
      }
      let sum = 0;
      for (let c = 0; c < C; c++) sum += p[c] = Math.exp(p[c]! - max);
      for (let c = 0; c < C; c++) {
        const err = p[c]! / sum - (labels[i] === c ? 1 : 0);
        gradBias[c]! += err;
        for (let k = 0; k < r.ids.length; k++) grad[r.ids[k]! * C + c]! += err * r.values[k]!;
      }
    });
    for (let c = 0; c < C; c++) bias[c]! -= (rate * gradBias[c]!) / n;
    for (let f = 0; f < weights.length; f++) weights[f] = weights[f]! - rate * (grad[f]! / n + l2 * weights[f]!);
  }
  const kept: Record<string, number[]> = {};
  for (const [t, id] of index) {
    const w = [...weights.subarray(id * C, id * C + C)];
    // A feature that moves no class by a twentieth is left out: it barely changes a score and
    // would fill the Lambda bundle (measured: pruning so keeps a fifth of the features and the accuracy).
    if (w.some((x) => Math.abs(x) >= 0.05)) kept[t] = w.map((x) => Math.round(x * 1e3) / 1e3);
  }
  return { classes: [...classes], bias: [...bias].map(round), weights: kept };
}

export interface LoadedSoftmax {
  classes: string[];
  bias: number[];
  weights: Map<string, number[]>;
}

export function loadSoftmax(model: SoftmaxModel): LoadedSoftmax {
  return { classes: model.classes, bias: model.bias, weights: new Map(Object.entries(model.weights)) };
}

/** The class of the highest score (the most probable one). */
export function mostLikely(model: LoadedSoftmax, x: Vector): string {
  const z = [...model.bias];
  for (const [t, v] of x) {
    const w = model.weights.get(t);
    if (w) for (let c = 0; c < z.length; c++) z[c]! += w[c]! * v;
  }
  return model.classes[z.indexOf(Math.max(...z))]!;
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
