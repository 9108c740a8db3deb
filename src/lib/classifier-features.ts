/**
 * The learned model's runtime (feature extraction and the linear model), gathered so the islands can load it with the
 * weights, on the first paste, instead of with the rules at hydration (src/lib/load-classifier.ts). Tests and scripts
 * build a classifier with `loadClassifier` below. The islands must not import this module statically.
 */
import { explainLabel, loadModel, predictVector } from './linear-model.ts';
import { hash, normaliseText, stem, vectorise } from './text-features.ts';
import { classifierFrom, whyWith, type Classifier, type ClassifierWeights } from './fix-candidates.ts';

export const features = { explainLabel, loadModel, predictVector, hash, normaliseText, stem, vectorise };
export type ClassifierFeatures = typeof features;

/** The classifier for a set of weights, with this runtime (tests, scripts; the islands use load-classifier.ts). */
export function loadClassifier(w: ClassifierWeights): Classifier {
  return classifierFrom(w, features);
}

/** Feature names (`w:cach`, `b:rate_limit`, `c:obot`) as readable words of the paste. */
export function readableWhy(names: string[], text: string, limit = 4): string[] {
  return whyWith(features, names, text, limit);
}
