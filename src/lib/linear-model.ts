/**
 * A small multinomial logistic-regression classifier over hashed text features (src/lib/text-features.ts).
 *
 * `trainModel` runs at build time (and inside each cross-validation fold of `npm run eval:errors`): plain SGD over a
 * seeded shuffle, so the same corpus always gives the same weights. `packModel` keeps the largest weights, quantised
 * to integers, which is what ships to the browser; `loadModel` unpacks them and `predict` returns every class with a
 * probability and the features that pushed it up (the "why" the paste box shows). Pure; no DOM, no I/O.
 *
 * Hand-written rather than a library: the npm text classifiers (wink-naive-bayes-text-classifier, natural's
 * BayesClassifier, ml-logistic-regression on ml-matrix) either ship a vocabulary-sized JSON model or dense matrices,
 * and none exposes per-feature contributions; this one is ~150 lines and its packed weights fit the 40 kB budget.
 */
import { vectorise, type Vector } from './text-features.ts';

export interface Example {
  text: string;
  label: string;
  /** How much this example counts (real pasted messages count more than reference prose). */
  weight?: number;
}

export interface TrainOptions {
  buckets?: number;
  epochs?: number;
  learningRate?: number;
  l2?: number;
  seed?: number;
  /** Keep at most this many non-zero weights when packing. */
  maxWeights?: number;
}

/** What ships: classes, biases and, per class, delta-encoded bucket indexes with integer weights (× scale). */
export interface PackedModel {
  version: 1;
  buckets: number;
  scale: number;
  classes: string[];
  bias: number[];
  idx: number[][];
  q: number[][];
}

export interface Trained {
  buckets: number;
  classes: string[];
  bias: Float64Array;
  /** row-major: class × bucket */
  w: Float64Array;
}

/** Mulberry32: a tiny seeded PRNG, so training is deterministic. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function softmax(scores: number[]): number[] {
  let max = -Infinity;
  for (const s of scores) if (s > max) max = s;
  const exps = scores.map((s) => Math.exp(s - max));
  const sum = exps.reduce((a, b) => a + b, 0) || 1;
  return exps.map((e) => e / sum);
}

export function trainModel(examples: Example[], options: TrainOptions = {}): Trained {
  const buckets = options.buckets ?? 1 << 14;
  const epochs = options.epochs ?? 30;
  const lr0 = options.learningRate ?? 0.5;
  const l2 = options.l2 ?? 1e-5;
  const classes = [...new Set(examples.map((e) => e.label))].sort();
  const classIndex = new Map(classes.map((c, i) => [c, i]));
  const K = classes.length;
  const w = new Float64Array(K * buckets);
  const bias = new Float64Array(K);
  const data: { x: Vector; y: number; weight: number }[] = examples.map((e) => ({
    x: vectorise(e.text, buckets),
    y: classIndex.get(e.label)!,
    weight: e.weight ?? 1,
  }));
  // Balance classes: a category with few examples is not drowned by one with many.
  const perClass = new Array<number>(K).fill(0);
  for (const d of data) perClass[d.y]! += d.weight;
  const mean = perClass.reduce((a, b) => a + b, 0) / K;
  for (const d of data) d.weight *= Math.sqrt(mean / perClass[d.y]!);

  const random = rng(options.seed ?? 16);
  const order = data.map((_d, i) => i);
  let step = 0;
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const i of order) {
      const { x, y, weight } = data[i]!;
      const lr = lr0 / (1 + step++ / 2000);
      const scores = new Array<number>(K);
      for (let k = 0; k < K; k++) {
        let s = bias[k]!;
        const row = k * buckets;
        for (let f = 0; f < x.buckets.length; f++) s += w[row + x.buckets[f]!]! * x.values[f]!;
        scores[k] = s;
      }
      const p = softmax(scores);
      for (let k = 0; k < K; k++) {
        const g = (p[k]! - (k === y ? 1 : 0)) * weight;
        if (g === 0) continue;
        bias[k]! -= lr * g;
        const row = k * buckets;
        for (let f = 0; f < x.buckets.length; f++) {
          const at = row + x.buckets[f]!;
          w[at] = w[at]! * (1 - lr * l2) - lr * g * x.values[f]!;
        }
      }
    }
  }
  return { buckets, classes, bias, w };
}

export function packModel(model: Trained, maxWeights = 9000): PackedModel {
  const { buckets, classes, w } = model;
  const magnitudes: number[] = [];
  for (const v of w) if (v !== 0) magnitudes.push(Math.abs(v));
  magnitudes.sort((a, b) => b - a);
  const cut = magnitudes.length > maxWeights ? magnitudes[maxWeights - 1]! : 0;
  const maxAbs = magnitudes[0] ?? 1;
  const scale = maxAbs / 127;
  const idx: number[][] = [];
  const q: number[][] = [];
  for (let k = 0; k < classes.length; k++) {
    const ri: number[] = [];
    const rq: number[] = [];
    let prev = 0;
    for (let b = 0; b < buckets; b++) {
      const v = w[k * buckets + b]!;
      if (v === 0 || Math.abs(v) < cut) continue;
      const qv = Math.round(v / scale);
      if (qv === 0) continue;
      ri.push(b - prev);
      rq.push(qv);
      prev = b;
    }
    idx.push(ri);
    q.push(rq);
  }
  return {
    version: 1,
    buckets,
    scale: Number(scale.toPrecision(6)),
    classes,
    bias: [...model.bias].map((b) => Number(b.toFixed(3))),
    idx,
    q,
  };
}

export interface LoadedModel {
  buckets: number;
  classes: string[];
  bias: number[];
  /** bucket → weight, one map per class */
  rows: Map<number, number>[];
  /** bucket → [class, weight, class, weight, …]: one lookup per feature when scoring */
  byBucket: Map<number, number[]>;
}

export function loadModel(packed: PackedModel): LoadedModel {
  const byBucket = new Map<number, number[]>();
  const rows = packed.classes.map((_c, k) => {
    const m = new Map<number, number>();
    let b = 0;
    const ri = packed.idx[k] ?? [];
    const rq = packed.q[k] ?? [];
    for (let i = 0; i < ri.length; i++) {
      b += ri[i]!;
      const w = rq[i]! * packed.scale;
      m.set(b, w);
      const list = byBucket.get(b);
      if (list) list.push(k, w);
      else byBucket.set(b, [k, w]);
    }
    return m;
  });
  return { buckets: packed.buckets, classes: packed.classes, bias: packed.bias, rows, byBucket };
}

export interface Prediction {
  label: string;
  probability: number;
  /** The features that raised this class's score most, strongest first (feature strings from text-features);
   *  filled for the `explain` most likely classes only. */
  because: string[];
}

/** Every class with its probability, most likely first; the `explain` most likely also say why. */
export function predictVector(model: LoadedModel, x: Vector, explain = 3): Prediction[] {
  const scores = [...model.bias];
  for (let f = 0; f < x.buckets.length; f++) {
    const list = model.byBucket.get(x.buckets[f]!);
    if (!list) continue;
    const v = x.values[f]!;
    for (let i = 0; i < list.length; i += 2) scores[list[i]!]! += list[i + 1]! * v;
  }
  const p = softmax(scores);
  const ranked = model.classes
    .map((label, k) => ({ label, k, probability: Number.isFinite(p[k]) ? p[k]! : 0, because: [] as string[] }))
    .sort((a, b) => b.probability - a.probability || a.label.localeCompare(b.label));
  for (const r of ranked.slice(0, explain)) r.because = explain_(model, x, r.k);
  return ranked.map(({ label, probability, because }) => ({ label, probability, because }));
}

function explain_(model: LoadedModel, x: Vector, k: number): string[] {
  const row = model.rows[k];
  if (!row) return [];
  return x.buckets
    .map((b, f) => ({ name: x.names[f]!, c: (row.get(b) ?? 0) * x.values[f]! }))
    .filter((c) => c.c > 0)
    .sort((a, b) => b.c - a.c)
    .slice(0, 8)
    .map((c) => c.name);
}

/** The features that raised `label`'s score most for this vector. */
export function explainLabel(model: LoadedModel, x: Vector, label: string): string[] {
  return explain_(model, x, model.classes.indexOf(label));
}

export function predict(model: LoadedModel, text: string, explain = 3): Prediction[] {
  return predictVector(model, vectorise(text, model.buckets), explain);
}
