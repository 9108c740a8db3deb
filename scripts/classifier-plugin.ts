/**
 * Vite plugin: `import('virtual:classifier-weights')` trains the error classifier from the repository as it is
 * (error reference, chapter symptom parts, dev sets; scripts/classifier-corpus.ts) and serves the packed weights.
 * Used by the Astro build, dev server and Vitest, so chapter and error changes flow in and nothing generated is
 * committed. Training is deterministic (seeded), so two builds of one commit ship identical weights.
 */
import { resolve } from 'node:path';
import { readCorpus, trainWeights } from './classifier-corpus.ts';

export const CLASSIFIER_MODULE = 'virtual:classifier-weights';
const RESOLVED = `\0${CLASSIFIER_MODULE}`;
const WATCHED = ['content/errors', 'content/chapters', 'tests/fixtures/eval'];

interface PluginContext {
  addWatchFile(id: string): void;
}

export function classifierWeights(root = process.cwd()) {
  let cached: string | null = null;
  return {
    name: 'classifier-weights',
    resolveId(id: string) {
      return id === CLASSIFIER_MODULE ? RESOLVED : undefined;
    },
    load(this: PluginContext, id: string) {
      if (id !== RESOLVED) return undefined;
      for (const dir of WATCHED) this.addWatchFile(resolve(root, dir));
      if (cached === null) {
        const { examples, entries } = readCorpus(root);
        cached = `export default ${JSON.stringify(trainWeights(examples, entries))};`;
      }
      return cached;
    },
    watchChange(id: string) {
      if (WATCHED.some((d) => id.startsWith(resolve(root, d)))) cached = null;
    },
  };
}
