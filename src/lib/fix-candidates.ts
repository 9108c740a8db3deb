/**
 * What the paste box and /search/ show for a paste: up to three candidate fixes, each with a confidence and why.
 *
 * Order of evidence: a machine-readable code (`error.type`, `error.details.error_code`) decides first, then the
 * rule table's cause patterns (src/lib/classify-error.ts), then the learned model (src/lib/linear-model.ts) for
 * everything the rules leave, prose symptom reports above all. When neither a rule nor the model is confident the
 * result says so (`sure: false`) and the UI offers the symptom tree and the closest chapters instead of a guess.
 * Pure; the model weights are passed in (the islands load them lazily).
 */
import { classifyError, typeDecides, type ErrorMatch } from './classify-error.ts';
import type { LoadedModel, PackedModel, Prediction } from './linear-model.ts';
import type { ClassifierFeatures } from './classifier-features.ts';

/** text-features' MAX_FEATURE_INPUT, copied so the rules' path does not import the feature code (a test holds them equal). */
export const MAX_FEATURE_INPUT = 4000;
import { findRetired, type RetiredModel } from './retired-models.ts';

export interface ClassifierWeights {
  category: PackedModel;
  entry: PackedModel;
  entryCategory: Record<string, string>;
}

export interface Classifier {
  category: LoadedModel;
  entry: LoadedModel;
  entryCategory: Record<string, string>;
  /** The model's runtime, loaded with the weights (the islands fetch both on the first paste). */
  fx: ClassifierFeatures;
}

/** Weights and the runtime into a classifier (tests and scripts: `loadClassifier` in src/lib/classifier-features.ts). */
export function classifierFrom(w: ClassifierWeights, fx: ClassifierFeatures): Classifier {
  return { category: fx.loadModel(w.category), entry: fx.loadModel(w.entry), entryCategory: w.entryCategory, fx };
}

export interface Candidate {
  category: string;
  errorId: string;
  /** 0–1; a code or cause rule is reported as 0.97, a generic status match at the model's own figure. */
  confidence: number;
  by: 'code' | 'rule' | 'model';
  /** Words or the rule that decided it, for display. */
  why: string[];
}

export interface Ranking {
  candidates: Candidate[];
  /** false: nothing is confident; show the symptom tree and the closest chapters. */
  sure: boolean;
  /** What the rule table read out of the paste (facts stay shown whatever the ranking). */
  match: ErrorMatch | null;
  /** A 404 naming a model the catalogue lists as retired: which, when, and what replaces it. */
  retired?: RetiredModel;
}

export interface RankOptions {
  /** Retired models from the catalogue (src/lib/retired-models.ts), so a 404 for one says so. */
  retired?: readonly RetiredModel[];
}

/** Below this top-1 probability the model's answer is shown as "not sure". */
export const SURE_AT = 0.4;
const RULE_CONFIDENCE = 0.97;
const ALTERNATIVE_AT = 0.05;
const MAX_CANDIDATES = 3;

/** Stem → the word as the reader wrote it, so "why" shows their words, not stems. */
function surfaceForms(text: string, { normaliseText, stem }: ClassifierFeatures): Map<string, string> {
  const out = new Map<string, string>();
  for (const raw of normaliseText(text).split(/[^a-z0-9]+/)) if (raw.length >= 2) out.set(stem(raw), out.get(stem(raw)) ?? raw);
  return out;
}

/**
 * Feature names (`w:cach`, `b:rate_limit`, `c:obot`) as readable words of the paste, with the runtime that came with
 * the weights (so the islands' rules path does not bundle it). `readableWhy` in src/lib/classifier-features.ts binds it.
 */
export function whyWith(fx: ClassifierFeatures, features: string[], text: string, limit = 4): string[] {
  const forms = surfaceForms(text, fx);
  const shown: string[] = [];
  const label = (stemmed: string) => {
    if (/^status\d{3}$/.test(stemmed)) return `HTTP ${stemmed.slice(6)}`;
    if (stemmed.startsWith('x')) return ''; // placeholders (numbers, ids) never explain anything
    return forms.get(stemmed) ?? stemmed;
  };
  for (const f of features) {
    let word = '';
    if (f.startsWith('w:')) word = label(f.slice(2));
    else if (f.startsWith('b:')) word = f.slice(2).split('_').map(label).filter(Boolean).join(' ');
    else if (f.startsWith('c:')) {
      const gram = f.slice(2).replace(/[<>]/g, '');
      word = [...forms.values()].find((w) => w.includes(gram)) ?? '';
    }
    if (word && !shown.some((s) => s.includes(word) || word.includes(s))) shown.push(word);
    if (shown.length >= limit) break;
  }
  return shown;
}

/** The best entry of `category` for this text (the entry model, restricted to the category's entries). */
function bestEntry(classifier: Classifier, entries: Prediction[], category: string): Prediction | undefined {
  return entries.find((p) => classifier.entryCategory[p.label] === category);
}

export function rankFixes(text: string, classifier: Classifier | null, options: RankOptions = {}): Ranking {
  if (typeof text !== 'string') return { candidates: [], sure: false, match: null };
  const input = text.slice(0, MAX_FEATURE_INPUT * 5);
  const match = classifyError(input);
  const candidates: Candidate[] = [];
  const seen = new Set<string>();
  const push = (c: Candidate) => {
    if (seen.has(c.category) || candidates.length >= MAX_CANDIDATES) return;
    seen.add(c.category);
    candidates.push(c);
  };

  // One feature vector for both models (same bucket count); only the likeliest classes are explained.
  const x = classifier && input.trim().length >= 3 ? classifier.fx.vectorise(input, classifier.category.buckets) : null;
  const predictions = classifier && x ? classifier.fx.predictVector(classifier.category, x, MAX_CANDIDATES + 1) : [];
  const entries = classifier && x ? classifier.fx.predictVector(classifier.entry, x, 0) : [];
  const modelCandidate = (p: Prediction): Candidate | null => {
    const entry = classifier ? bestEntry(classifier, entries, p.label) : undefined;
    if (!entry) return null;
    return { category: p.label, errorId: entry.label, confidence: p.probability, by: 'model', why: whyWith(classifier!.fx, [...p.because, ...classifier!.fx.explainLabel(classifier!.entry, x!, entry.label)], input) };
  };

  const top = predictions[0];
  if (match && match.by !== 'generic') {
    push({ category: match.category, errorId: match.errorId, confidence: RULE_CONFIDENCE, by: match.by, why: [match.why] });
  } else if (match) {
    // Only a status or an error type: the model may know better which cause within (or beyond) it.
    const modelWins = top && top.probability >= SURE_AT && top.label !== match.category;
    const generic: Candidate = { category: match.category, errorId: match.errorId, confidence: Math.max(0.5, predictions.find((p) => p.label === match.category)?.probability ?? 0), by: 'code', why: [match.why] };
    if (modelWins) {
      const c = modelCandidate(top);
      if (c) push(c);
      push(generic);
    } else {
      // Within the status's category the model can still name the more specific entry.
      const specific = classifier ? bestEntry(classifier, entries, match.category) : undefined;
      push(specific ? { ...generic, errorId: specific.label, why: [match.why, ...whyWith(classifier!.fx, classifier!.fx.explainLabel(classifier!.entry, x!, specific.label), input, 3)] } : generic);
    }
  }
  // A machine-readable code is the answer, and so is a body's `error.type` that names one category: no alternatives beside it.
  for (const p of match?.by === 'code' || typeDecides(match) ? [] : predictions) {
    if (candidates.length >= MAX_CANDIDATES) break;
    // Beside a rule's answer, an alternative the model gives a few percent is noise, not a candidate.
    if (candidates.length > 0 && candidates[0]!.by !== 'model' && p.probability < ALTERNATIVE_AT) break;
    const c = modelCandidate(p);
    if (c) push(c);
  }
  // A not-found for a model the catalogue says has retired: the retirement page, with when and what replaces it.
  const pastedModel = match?.facts.model;
  const retired = typeof pastedModel === 'string' && options.retired ? findRetired(options.retired, pastedModel) : undefined;
  if (retired && match && (match.category === 'model-not-found-or-deprecated' || match.facts.status === 404)) {
    const i = candidates.findIndex((c) => c.category === 'model-not-found-or-deprecated');
    if (i >= 0) candidates.splice(i, 1);
    candidates.unshift({ category: 'model-not-found-or-deprecated', errorId: 'model-retired', confidence: RULE_CONFIDENCE, by: 'rule', why: [`${retired.name} retired ${retired.retired}${retired.dateUnconfirmed ? ' (date not confirmed)' : ''}`] });
    candidates.splice(MAX_CANDIDATES);
  }
  const first = candidates[0];
  const sure = !!first && (first.by !== 'model' || first.confidence >= SURE_AT);
  return { candidates, sure, match, ...(retired ? { retired } : {}) };
}

/** How strongly a word of the paste points at the ranking's candidate categories (for choosing search terms). */
export function termWeight(classifier: Classifier | null, ranking: Ranking): (word: string) => number {
  if (!classifier) return () => 0;
  const model = classifier.category;
  // Sure: words that point at the candidates. Not sure: words that point anywhere (informative words), since the
  // candidates' own vocabulary would steer the search toward a guess.
  const rows = ranking.sure
    ? ranking.candidates.map((c) => model.classes.indexOf(c.category)).filter((k) => k >= 0).map((k) => model.rows[k]!)
    : model.rows;
  return (word: string) => {
    const bucket = classifier.fx.hash(`w:${classifier.fx.stem(word.toLowerCase())}`) % model.buckets;
    return rows.reduce((best, row) => Math.max(best, row.get(bucket) ?? 0), 0);
  };
}

/** Search hits with the first candidate's category moved ahead (stable otherwise), when the ranking is sure. */
export function orderResults<T extends { categories: string[] }>(hits: T[], ranking: Ranking): T[] {
  const top = ranking.sure ? ranking.candidates[0]?.category : undefined;
  if (!top) return hits;
  return [...hits.filter((h) => h.categories.includes(top)), ...hits.filter((h) => !h.categories.includes(top))];
}
