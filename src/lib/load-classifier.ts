/**
 * The classifier's weights load on first use (a separate chunk of ~25 kB gzip), so the paste box and the search
 * page hydrate without them and a page that never receives a paste never downloads them. Unpacking the two models
 * happens in separate tasks, each after a yield, so evaluating the chunk and building the lookup tables never make
 * one long task that blocks typing.
 */
import type { Classifier } from './fix-candidates.ts';

let pending: Promise<Classifier> | null = null;

/** Lets the browser handle input and paint before the next piece of work. */
export function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return scheduler?.yield ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve, 0));
}

export function classifierReady(): Promise<Classifier> {
  // The model's runtime (feature extraction, the linear model) comes with the weights: the rules never need it.
  pending ??= Promise.all([import('virtual:classifier-weights'), import('./classifier-features.ts')]).then(async ([m, { features: fx }]) => {
    const w = m.default;
    await yieldToMain();
    const category = fx.loadModel(w.category);
    await yieldToMain();
    const entry = fx.loadModel(w.entry);
    await yieldToMain();
    return { category, entry, entryCategory: w.entryCategory, fx };
  });
  return pending;
}
