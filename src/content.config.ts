import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { chapterSchema } from './schemas/chapter.ts';
import { errorSchema } from './schemas/error.ts';
import { treeSchema } from './schemas/tree.ts';
import { modelSchema, parseCatalogue } from './schemas/catalogue.ts';
import { catalogue } from '../content/catalogue.ts';

// One collection per content type; each schema lives in src/schemas/ so a bad entry
// fails the build naming the file and the field.
const chapters = defineCollection({
  loader: glob({ base: './content/chapters', pattern: '*.mdx' }),
  schema: chapterSchema,
});

// The model catalogue (content/catalogue.ts): parseCatalogue throws naming the model and field of a bad entry.
const models = defineCollection({
  loader: () => parseCatalogue(catalogue).models,
  schema: modelSchema,
});

// The error reference: content/errors/<id>.yaml -> /errors/<id>/.
const errors = defineCollection({
  loader: glob({ base: './content/errors', pattern: '*.yaml' }),
  schema: errorSchema,
});

// Decision trees: content/trees/<id>.yaml -> /troubleshoot/ (cross-references checked by src/lib/tree-validate.ts).
const trees = defineCollection({
  loader: glob({ base: './content/trees', pattern: '*.yaml' }),
  schema: treeSchema,
});

export const collections = { chapters, models, errors, trees };
