/**
 * The classifier's weights load on first use (a separate chunk of ~25 kB gzip), so the paste box and the search
 * page hydrate without them and a page that never receives a paste never downloads them.
 */
import { loadClassifier, type Classifier } from './fix-candidates.ts';

let pending: Promise<Classifier> | null = null;

export function classifierReady(): Promise<Classifier> {
  pending ??= import('virtual:classifier-weights').then((m) => loadClassifier(m.default));
  return pending;
}
