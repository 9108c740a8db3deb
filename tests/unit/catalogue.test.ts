import { test } from 'vitest';
import { parseCatalogue } from '../../src/schemas/catalogue.ts';
import { catalogue } from '../../content/catalogue.ts';
test('parses', () => { parseCatalogue(catalogue); });
