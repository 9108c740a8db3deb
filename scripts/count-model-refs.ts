/**
 * Counts model references in chapters, snippets and recipes, and how many name a current model.
 *
 *   npm run count:models               table per file and the total
 *   npm run count:models -- --min 60   also exit 1 when under 60% current
 *
 * A reference is a `<Fact model="…">` or `models={[…]}` attribute, a calculator link's `models=`/`mix=` list, or a
 * model id in code (`claude-opus-5-5`, a dated snapshot, a Bedrock or Vertex id). Ids resolve through the catalogue
 * (`resolveModelId`: catalogue models, and the ids it lists without prices), so "current" is whatever status the catalogue gives today, not a list kept here.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { resolveModelId } from '../src/lib/catalogue.ts';
import { modelReferences } from '../src/lib/model-refs.ts';

const root = join(import.meta.dirname, '..');
const dirs = ['content/chapters', 'content/snippets', 'content/recipes'];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : /\.(mdx|ts|py)$/.test(name) ? [p] : [];
  });
}

type Tally = { current: number; legacy: number; unresolved: string[] };
const perFile = new Map<string, Tally>();
const total: Tally = { current: 0, legacy: 0, unresolved: [] };

for (const file of dirs.flatMap((d) => files(join(root, d))).sort()) {
  const tally: Tally = { current: 0, legacy: 0, unresolved: [] };
  for (const id of modelReferences(readFileSync(file, 'utf8'))) {
    const found = resolveModelId(id);
    if (!found) tally.unresolved.push(id);
    else if (found.kind === 'model' && found.model.status.value === 'current') tally.current++;
    else tally.legacy++;
  }
  if (tally.current + tally.legacy + tally.unresolved.length === 0) continue;
  perFile.set(relative(root, file), tally);
  total.current += tally.current;
  total.legacy += tally.legacy;
  total.unresolved.push(...tally.unresolved);
}

const pct = (t: Tally) => (t.current + t.legacy === 0 ? 0 : (100 * t.current) / (t.current + t.legacy));
const width = Math.max(...[...perFile.keys()].map((k) => k.length));
console.log(`${'file'.padEnd(width)}  current  other  % current`);
for (const [file, t] of perFile) {
  console.log(`${file.padEnd(width)}  ${String(t.current).padStart(7)}  ${String(t.legacy).padStart(5)}  ${pct(t).toFixed(0).padStart(8)}%`);
}
console.log(`\nall: ${total.current} of ${total.current + total.legacy} resolved model references name a current model (${pct(total).toFixed(1)}%)`);
if (total.unresolved.length) console.log(`unresolved ids (not in the catalogue): ${[...new Set(total.unresolved)].join(', ')}`);

const minArg = process.argv.indexOf('--min');
if (minArg > 0) {
  const min = Number(process.argv[minArg + 1]);
  if (!(pct(total) >= min)) {
    console.error(`under the target: ${pct(total).toFixed(1)}% < ${min}%`);
    process.exit(1);
  }
}
